import type { RecognizedInput, SourceChoice, SourceFact } from './inputKinds';
import type { RecognizeOptions } from './recognizeInput';
import { field, isRecord, nonEmptyText, quoted, recordAt, shortText, stringList, textOf, type JsonRecord } from './documentFields';

/** What `kubectl config view` prints instead of secrets without --raw (kubernetes/client-go tools/clientcmd/api/helpers.go RedactSecrets, v0.36). */
const REDACTED = 'REDACTED';
const DATA_OMITTED = 'DATA+OMITTED';

/** True for a kubeconfig: `kind: Config`, or a kind-less document with users and contexts/clusters. */
export function isKubeconfig(value: unknown): value is JsonRecord {
  if (!isRecord(value)) return false;
  const kind = field(value, 'kind');
  if (kind === 'Config') return true;
  return kind === undefined && Array.isArray(field(value, 'users')) && (Array.isArray(field(value, 'contexts')) || Array.isArray(field(value, 'clusters')));
}

interface UserCredential {
  token: string | null;
  reason?: string;
  note?: string;
}

const redacted = (v: unknown) => v === REDACTED || v === DATA_OMITTED;

/** Where a kubeconfig user's credential lives, and whether there is a token to decode. */
function credentialOf(user: JsonRecord | null): UserCredential {
  const token = textOf(field(user, 'token'));
  if (token !== null && redacted(token.trim())) {
    return { token: null, reason: `The token is ${token.trim()}: \`kubectl config view\` hides credentials. Run \`kubectl config view --raw\`, or open the kubeconfig file itself.` };
  }
  if (token !== null && token.trim()) return { token: token.trim() };
  const tokenFile = nonEmptyText(field(user, 'tokenFile'));
  if (tokenFile) {
    return { token: null, reason: `The token is read at run time from the file ${quoted(tokenFile)}, so there is nothing to decode here. Paste that file’s content instead.` };
  }
  const exec = recordAt(user, 'exec');
  if (exec) {
    const command = nonEmptyText(field(exec, 'command')) ?? 'an exec plugin';
    const args = stringList(field(exec, 'args'));
    const line = [command, ...args].join(' ');
    return {
      token: null,
      reason: `Credentials come from the exec plugin ${quoted(line, 200)} each time kubectl runs; none is stored here. Run it: it prints an ExecCredential; paste that (or its status.token) here.`,
    };
  }
  const provider = recordAt(user, 'auth-provider');
  if (provider) {
    const name = nonEmptyText(field(provider, 'name')) ?? 'an auth provider';
    const idToken = textOf(field(recordAt(provider, 'config'), 'id-token'));
    if (idToken && !redacted(idToken.trim()) && idToken.trim()) {
      return { token: idToken.trim(), note: `Took auth-provider.config.id-token (the ${quoted(name)} provider’s OIDC ID token).` };
    }
    return { token: null, reason: `Credentials come from the auth provider ${quoted(name)}; no token is stored here.` };
  }
  const certData = field(user, 'client-certificate-data');
  const certFile = nonEmptyText(field(user, 'client-certificate'));
  if (certData !== undefined || certFile) {
    return { token: null, reason: `This user authenticates with a client certificate${redacted(certData) ? ` (shown as ${DATA_OMITTED})` : ''}, not a bearer token.` };
  }
  if (nonEmptyText(field(user, 'username')) || field(user, 'password') !== undefined) {
    return { token: null, reason: 'This user has a username and password (basic authentication), not a token.' };
  }
  return { token: null, reason: 'This user entry holds no credentials.' };
}

/** Does the document show any value as REDACTED or DATA+OMITTED? (bounded walk) */
function hasRedactions(value: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (redacted(value)) return true;
  if (Array.isArray(value)) return value.some((v) => hasRedactions(v, depth + 1));
  if (isRecord(value)) return Object.keys(value).some((k) => hasRedactions(value[k], depth + 1));
  return false;
}

/** User and context names as a picker label shows them, and how many contexts it lists. */
const USER_CHARS = 80;
const CONTEXT_CHARS = 60;
const LISTED_CONTEXTS = 3;

/** "contexts a, b (current)", "not used by any context", "contexts a, b, c and 997 more". */
function usedByText(names: string[]): string {
  if (names.length === 0) return 'not used by any context';
  const listed = names.slice(0, LISTED_CONTEXTS).join(', ');
  const more = names.length > LISTED_CONTEXTS ? ` and ${names.length - LISTED_CONTEXTS} more` : '';
  return `context${names.length === 1 ? '' : 's'} ${listed}${more}`;
}

interface ContextEntry {
  name: string;
  user: string | null;
  cluster: string | null;
  namespace: string | null;
}

/**
 * A kubeconfig (kubernetes/client-go tools/clientcmd/api/helpers.go RedactSecrets, v0.36): one choice per user; the selected one is the requested choice,
 * else the current context's user if it has a token, else the first user with a token.
 */
export function recognizeKubeconfig(doc: JsonRecord, options: RecognizeOptions): RecognizedInput {
  const contexts: ContextEntry[] = [];
  for (const entry of Array.isArray(field(doc, 'contexts')) ? (field(doc, 'contexts') as unknown[]) : []) {
    const name = textOf(field(entry, 'name'));
    const ctx = recordAt(entry, 'context');
    if (name === null) continue;
    contexts.push({ name, user: textOf(field(ctx, 'user')), cluster: textOf(field(ctx, 'cluster')), namespace: nonEmptyText(field(ctx, 'namespace')) });
  }
  const currentContext = textOf(field(doc, 'current-context'));
  const current = contexts.find((c) => c.name === currentContext) ?? null;
  // Each user's contexts, gathered once: a filter per user is quadratic in a large kubeconfig.
  const contextsOfUser = new Map<string, string[]>();
  for (const c of contexts) {
    if (c.user === null) continue;
    const names = contextsOfUser.get(c.user) ?? [];
    names.push(c.name === currentContext ? `${shortText(c.name, CONTEXT_CHARS)} (current)` : shortText(c.name, CONTEXT_CHARS));
    contextsOfUser.set(c.user, names);
  }

  const choices: SourceChoice[] = [];
  const userNames: string[] = [];
  const userNotes = new Map<string, string>();
  const seen = new Map<string, number>();
  const users = field(doc, 'users');
  for (const entry of Array.isArray(users) ? users : []) {
    const name = textOf(field(entry, 'name')) ?? '(unnamed)';
    // The id is what the picker shows and sends back: short, and unique among the users.
    const shown = shortText(name, USER_CHARS);
    const count = (seen.get(shown) ?? 0) + 1;
    seen.set(shown, count);
    const id = count === 1 ? shown : `${shown} (${count})`;
    const cred = credentialOf(recordAt(entry, 'user'));
    const label = `${id} — ${usedByText(contextsOfUser.get(name) ?? [])}`;
    const choice: SourceChoice = { id, label, token: cred.token };
    if (cred.reason) choice.reason = cred.reason;
    if (cred.note) userNotes.set(id, cred.note);
    choices.push(choice);
    userNames.push(name);
  }

  const byId = (id: string | undefined) => (id === undefined ? undefined : choices.find((c) => c.id === id));
  const currentUser = current?.user ? choices[userNames.indexOf(current.user)] : undefined;
  const selectedChoice =
    byId(options.choice) ??
    (currentUser?.token ? currentUser : undefined) ??
    choices.find((c) => c.token !== null) ??
    currentUser ??
    choices[0];

  const notes: string[] = [];
  const facts: SourceFact[] = [];
  if (currentContext) facts.push({ label: 'Current context', value: shortText(currentContext) });
  facts.push({ label: 'Users', value: String(choices.length) });
  if (selectedChoice) {
    const selectedName = userNames[choices.indexOf(selectedChoice)] ?? selectedChoice.id;
    const ctx = (current && current.user === selectedName ? current : undefined) ?? contexts.find((c) => c.user === selectedName);
    if (ctx) {
      facts.push({ label: 'Context', value: shortText(ctx.name) });
      const cluster = (Array.isArray(field(doc, 'clusters')) ? (field(doc, 'clusters') as unknown[]) : []).find((c) => textOf(field(c, 'name')) === ctx.cluster);
      const server = nonEmptyText(field(recordAt(cluster, 'cluster'), 'server'));
      if (server) facts.push({ label: 'Server', value: shortText(server) });
      if (ctx.namespace) facts.push({ label: 'Namespace', value: shortText(ctx.namespace) });
    }
    notes.push(`Took the token of user ${quoted(selectedChoice.id)}${selectedChoice === currentUser ? ' (the current context’s user)' : ''}.`);
    const extra = userNotes.get(selectedChoice.id);
    if (extra) notes.push(extra);
  }
  if (hasRedactions(doc)) {
    notes.push(`Printed by \`kubectl config view\` without --raw: tokens show as ${REDACTED} and certificate data as ${DATA_OMITTED}.`);
  }

  const result: RecognizedInput = { kind: 'kubeconfig', token: selectedChoice?.token ?? null, notes, facts, choices };
  if (selectedChoice) result.selected = selectedChoice.id;
  if (!result.token) {
    result.hint = {
      code: 'kubeconfig-without-token',
      segment: 'token',
      message: selectedChoice?.reason ?? 'This kubeconfig has no users, so there is no token to decode.',
    };
  }
  return result;
}
