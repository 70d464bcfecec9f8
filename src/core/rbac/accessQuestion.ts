/**
 * One question, typed the way `kubectl auth can-i` takes it (kubernetes/kubernetes
 * staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go @ v1.33): a verb, and a resource as
 * `resource[.group]` (lower-cased; short names and group-less built-in names resolved as kubectl's
 * REST mapper would) or a non-resource URL starting with "/". Unlike kubectl, which reads
 * `TYPE/NAME` and takes the subresource from --subresource, the resource field here reads
 * `resource[.group][/subresource]` (`pods/log`) and the name has its own field; the equivalent
 * kubectl command is given with every question.
 */
import { quoted } from '../input/documentFields';
import { isDns1123Label } from '../kubernetes/kubernetesNames';
import { shellCommand } from '../kubernetes/shellQuote';
import type { Result } from '../result';
import { ACCESS_NOTES } from './accessCatalogue';
import type { AccessSubject } from './accessSubject';
import { builtinByName, builtinResource } from './builtinResources';
import { MAX_FIELD_LENGTH } from './limits';
import type { AccessRequest } from './ruleMatch';

export interface AccessQuestionInput {
  verb: string;
  /** `resource[.group][/subresource]`, or a URL starting with "/". */
  resource?: string;
  /** A non-resource URL instead of a resource. */
  url?: string;
  name?: string;
  /** '' or absent: cluster-wide (a cluster-scoped resource, or all namespaces). */
  namespace?: string;
}

export interface AccessQuestion {
  request: AccessRequest;
  /** `get pods/log named "web-0" in namespace "shop"`. */
  text: string;
  /** Things worth knowing about how the question was read (resolved names, scope). */
  notes: string[];
}

/** Verbs kubectl auth can-i knows (isKnownResourceVerb / isKnownNonResourceVerb). */
export const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
export const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];

const problem = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const VERSION = /^v\d+((alpha|beta)\d+)?$/;

function checkField(label: string, value: string): string | null {
  if (value.length > MAX_FIELD_LENGTH) return `The ${label} is ${value.length} characters long; at most ${MAX_FIELD_LENGTH} are read.`;
  if (CONTROL.test(value)) return `The ${label} cannot contain line breaks or other control characters.`;
  if (/\s/.test(value)) return `The ${label} cannot contain spaces.`;
  return null;
}

/** `resource.group/subresource` as the contract writes it (`deployments.apps/scale`, `*.*`). */
export function resourceLabel(resource: string, group: string, subresource: string): string {
  return `${resource}${group ? `.${group}` : ''}${subresource ? `/${subresource}` : ''}`;
}

export function parseAccessQuestion(input: AccessQuestionInput): Result<AccessQuestion> {
  const verb = input.verb.trim();
  const typed = (input.url ?? '').trim() || (input.resource ?? '').trim();
  const name = (input.name ?? '').trim();
  const namespace = (input.namespace ?? '').trim();
  if (verb === '') return problem('no-verb', 'Type a verb, such as get, list, create or delete.');
  if (typed === '') return problem('no-resource', 'Type a resource (pods, deployments.apps, pods/log) or a non-resource URL starting with "/".');
  if ((input.url ?? '').trim() && (input.resource ?? '').trim()) return problem('resource-and-url', 'Ask about a resource or about a non-resource URL, not both.');
  for (const [label, value] of [['verb', verb], ['resource', typed], ['name', name], ['namespace', namespace]] as const) {
    const error = checkField(label, value);
    if (error) return problem(`bad-${label}`, error);
  }
  const notes: string[] = [];

  if (typed.startsWith('/')) {
    if (name) return problem('url-with-name', 'A non-resource URL has no object name; clear the name, or ask about a resource.');
    if (!NON_RESOURCE_VERBS.includes(verb)) notes.push(ACCESS_NOTES.unknownVerb({ verb: quoted(verb) }));
    return { ok: true, value: { request: { type: 'non-resource', verb, path: typed }, text: `${verb} ${typed}`, notes } };
  }

  if (namespace && !isDns1123Label(namespace)) return problem('bad-namespace', `${quoted(namespace)} is not a valid namespace name (lowercase letters, digits and "-", at most 63).`);
  const lowered = typed.toLowerCase();
  const slash = lowered.indexOf('/');
  const base = slash === -1 ? lowered : lowered.slice(0, slash);
  const subresource = slash === -1 ? '' : lowered.slice(slash + 1);
  if (subresource.includes('/') || (slash !== -1 && subresource === '') || base === '') {
    return problem('bad-resource', `Read ${quoted(typed)} as resource[.group][/subresource], for example pods, deployments.apps or pods/log.`);
  }
  const dot = base.indexOf('.');
  let resource = dot === -1 ? base : base.slice(0, dot);
  let group = dot === -1 ? '' : base.slice(dot + 1);
  // schema.ParseResourceArg: resource.version.group when the second part is a version.
  const [maybeVersion, ...rest] = group.split('.');
  if (rest.length > 0 && maybeVersion !== undefined && VERSION.test(maybeVersion)) group = rest.join('.');
  if (resource !== '*') {
    const builtin = builtinByName(resource);
    if (builtin && (dot === -1 || builtin.group === group)) {
      if (builtin.resource !== resource || builtin.group !== group) {
        notes.push(ACCESS_NOTES.resolvedResource({ typed: quoted(resource), resolved: quoted(resourceLabel(builtin.resource, builtin.group, '')) }));
      }
      resource = builtin.resource;
      group = builtin.group;
    }
  }
  if (!RESOURCE_VERBS.includes(verb)) notes.push(ACCESS_NOTES.unknownVerb({ verb: quoted(verb) }));
  const known = builtinResource(resource, group);
  if (known && !known.namespaced && namespace) notes.push(ACCESS_NOTES.clusterScopedInNamespace({ resource: quoted(resourceLabel(resource, group, '')) }));
  const text = `${verb} ${resourceLabel(resource, group, subresource)}${name ? ` named ${quoted(name)}` : ''}${namespace ? ` in namespace ${quoted(namespace)}` : ' cluster-wide'}`;
  return { ok: true, value: { request: { type: 'resource', verb, apiGroup: group, resource, subresource, name, namespace }, text, notes } };
}

/**
 * The same question for `kubectl auth can-i` against a live cluster, impersonating the subject
 * (the caller needs the impersonate permission). Options first, then `--`, then the arguments.
 * Null for "a member of a group", which kubectl cannot impersonate without a user.
 */
export function kubectlCanICommand(request: AccessRequest, subject: AccessSubject | null): string | null {
  const args = ['kubectl', 'auth', 'can-i'];
  if (subject) {
    if (subject.username === '') return null;
    args.push(`--as=${subject.username}`);
    // The impersonation filter adds system:authenticated itself.
    for (const g of subject.groups) if (g !== 'system:authenticated') args.push(`--as-group=${g}`);
  }
  if (request.type === 'non-resource') return shellCommand([...args, '--', request.verb, request.path]);
  args.push(request.namespace ? `--namespace=${request.namespace}` : '--all-namespaces');
  if (request.subresource) args.push(`--subresource=${request.subresource}`);
  const type = resourceLabel(request.resource, request.apiGroup, '');
  return shellCommand([...args, '--', request.verb, request.name ? `${type}/${request.name}` : type]);
}
