/**
 * Whose permissions are asked about: the identity kube-apiserver derives from a service account
 * token (username `system:serviceaccount:<ns>:<name>`, groups `system:serviceaccounts`,
 * `system:serviceaccounts:<ns>` and `system:authenticated`; kubernetes/kubernetes
 * staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go and
 * pkg/authentication/request/union + group/authenticated_group_adder.go @ v1.33), or one typed by
 * hand for a "what if" question.
 */
import { isDns1123Label, isDns1123Subdomain, makeUsername, splitUsername, ALL_SERVICE_ACCOUNTS_GROUP, AUTHENTICATED_GROUP, SERVICE_ACCOUNT_GROUP_PREFIX, SERVICE_ACCOUNT_USERNAME_PREFIX } from '../kubernetes/kubernetesNames';
import type { Identity } from '../kubernetes/identity';
import type { Result } from '../result';
import { MAX_FIELD_LENGTH } from './limits';

export const ANONYMOUS_USER = 'system:anonymous';
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';

export type SubjectKind = 'serviceaccount' | 'user' | 'group';

/** What the authorizer is given (user.Info), plus how to show it. */
export interface AccessSubject {
  kind: SubjectKind;
  /** The username; '' for "any member of a group". */
  username: string;
  groups: string[];
  /** For a service account. */
  serviceAccount: { namespace: string; name: string } | null;
  /** From the token in the decoder, or typed by hand. */
  origin: 'token' | 'what-if';
  /** `service account "ns/name"`, `user "alice"`, `a member of group "devs"`. */
  label: string;
}

const problem = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

function serviceAccountSubject(namespace: string, name: string, origin: AccessSubject['origin']): AccessSubject {
  return {
    kind: 'serviceaccount',
    username: makeUsername(namespace, name),
    groups: [ALL_SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNT_GROUP_PREFIX}${namespace}`, AUTHENTICATED_GROUP],
    serviceAccount: { namespace, name },
    origin,
    label: `service account ${JSON.stringify(`${namespace}/${name}`)}`,
  };
}

/** The subject of the token in the decoder. Fails when the token names no service account. */
export function subjectFromIdentity(identity: Identity): Result<AccessSubject> {
  if (!identity.username || !identity.namespace || !identity.serviceAccount) {
    return problem('no-identity', 'This token names no service account (namespace and name), so the API server would not know who is asking.');
  }
  return { ok: true, value: { ...serviceAccountSubject(identity.namespace, identity.serviceAccount, 'token'), username: identity.username, groups: [...identity.groups] } };
}

/** Groups the authenticator gives every user of that name. */
function userGroups(username: string): string[] {
  return username === ANONYMOUS_USER ? [UNAUTHENTICATED_GROUP] : [AUTHENTICATED_GROUP];
}

/** Groups with these names are recognised as groups when no kind is chosen. */
function looksLikeGroup(text: string): boolean {
  return (
    text === ALL_SERVICE_ACCOUNTS_GROUP ||
    text.startsWith(SERVICE_ACCOUNT_GROUP_PREFIX) ||
    ['system:authenticated', 'system:unauthenticated', 'system:masters', 'system:nodes', 'system:bootstrappers', 'system:monitoring'].includes(text)
  );
}

function parseServiceAccount(text: string): Result<AccessSubject> {
  if (text.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX)) {
    const split = splitUsername(text);
    if (!split) {
      return problem(
        'bad-service-account',
        `${JSON.stringify(text)} is not a service account username: it must be system:serviceaccount:<namespace>:<name>, with a valid namespace and name.`,
      );
    }
    return { ok: true, value: serviceAccountSubject(split.namespace, split.name, 'what-if') };
  }
  const slash = text.indexOf('/');
  if (slash === -1 || text.indexOf('/', slash + 1) !== -1) {
    return problem('bad-service-account', 'Type a service account as namespace/name (for example kube-system/coredns) or as its username system:serviceaccount:<namespace>:<name>.');
  }
  const namespace = text.slice(0, slash);
  const name = text.slice(slash + 1);
  if (!isDns1123Label(namespace)) return problem('bad-service-account', `${JSON.stringify(namespace)} is not a valid namespace name (lowercase letters, digits and "-", at most 63).`);
  if (!isDns1123Subdomain(name)) return problem('bad-service-account', `${JSON.stringify(name)} is not a valid service account name (lowercase letters, digits, "-" and ".", at most 253).`);
  return { ok: true, value: serviceAccountSubject(namespace, name, 'what-if') };
}

const PREFIXES: [string, SubjectKind][] = [
  ['serviceaccount:', 'serviceaccount'],
  ['sa:', 'serviceaccount'],
  ['user:', 'user'],
  ['group:', 'group'],
];

/**
 * A subject typed by hand. With `kind` 'auto' (the default): `system:serviceaccount:ns:name` or
 * `ns/name` is a service account; `system:serviceaccounts…`, `system:authenticated` and the other
 * built-in `system:` groups are groups; a `user:`, `group:` or `sa:` prefix says it outright;
 * anything else is a user. A user also gets `system:authenticated` (or, for `system:anonymous`,
 * `system:unauthenticated`), as the authenticator adds it; `extraGroups` adds more.
 */
export function parseSubject(input: string, kind: SubjectKind | 'auto' = 'auto', extraGroups: readonly string[] = []): Result<AccessSubject> {
  let text = input.trim();
  if (text === '') return problem('empty-subject', 'Type a user, a group, or a service account as namespace/name.');
  if (text.length > MAX_FIELD_LENGTH) return problem('subject-too-long', `That is ${text.length} characters; a subject is at most ${MAX_FIELD_LENGTH} here.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return problem('subject-control-characters', 'A subject cannot contain line breaks or other control characters.');
  let chosen = kind;
  if (chosen === 'auto') {
    const prefix = PREFIXES.find(([p]) => text.toLowerCase().startsWith(p) && !text.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX));
    if (prefix) {
      text = text.slice(prefix[0].length).trim();
      chosen = prefix[1];
      if (text === '') return problem('empty-subject', `Type a name after "${prefix[0]}".`);
    } else if (text.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX) || /^[a-z0-9.-]+\/[a-z0-9.-]+$/.test(text)) chosen = 'serviceaccount';
    else chosen = looksLikeGroup(text) ? 'group' : 'user';
  }
  const extras = extraGroups.map((g) => g.trim()).filter((g) => g !== '');
  if (chosen === 'serviceaccount') {
    const sa = parseServiceAccount(text);
    return sa.ok && extras.length ? { ok: true, value: { ...sa.value, groups: [...new Set([...sa.value.groups, ...extras])] } } : sa;
  }
  if (chosen === 'group') {
    const groups = text === UNAUTHENTICATED_GROUP ? [text] : [...new Set([text, AUTHENTICATED_GROUP, ...extras])];
    return { ok: true, value: { kind: 'group', username: '', groups, serviceAccount: null, origin: 'what-if', label: `a member of group ${JSON.stringify(text)}` } };
  }
  return {
    ok: true,
    value: { kind: 'user', username: text, groups: [...new Set([...userGroups(text), ...extras])], serviceAccount: null, origin: 'what-if', label: `user ${JSON.stringify(text)}` },
  };
}
