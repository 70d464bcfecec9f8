import { fail, ok, type Result } from '../result';
import type { Classification } from './classifyToken';
import type { Identity } from './identity';
import { COMMAND_TEXTS, kubectlCommand, refuseInvalidNames } from './kubectlCommand';
import { yamlString } from './yamlQuote';

export type MigrationId = 'create-token' | 'projected-volume' | 'explicit-secret' | 'delete-secret';

export interface MigrationStep {
  id: MigrationId;
  title: string;
  description: string;
  language: 'shell' | 'yaml';
  /**
   * Copyable text, filled in with this token's namespace and service account (quoted as needed);
   * null when a name is not one the API server accepts.
   */
  text: string | null;
  /** Why there is no text: which name is invalid (null when there is text). */
  warning: string | null;
}

export interface MigrationOptions {
  /** kubectl --duration (default 1h); whole seconds or Go units such as 10m, 1h. */
  duration?: string;
  /** An audience for a non-API-server recipient; omitted by default. */
  audience?: string;
  /** Projected volume expirationSeconds (default 3600, minimum 600). */
  expirationSeconds?: number;
}

/** Titles and explanations of the migration helpers. */
export const MIGRATION_CATALOGUE: Record<MigrationId, { title: string; description: string }> = {
  'create-token': {
    title: 'Get a short-lived token instead',
    description:
      'kubectl create token (kubectl 1.24+) asks the TokenRequest API for a token that expires. Without --audience the token gets the API server’s own audiences (--api-audiences, by default the issuer), so it works against the API server; add --audience=<name> only for another recipient. Without --duration the server default is 3600 s; the minimum is 10 minutes and the API server may shorten long requests (--service-account-max-token-expiration).',
  },
  'projected-volume': {
    title: 'Mount a bound token into the pod',
    description:
      'The kubelet requests a pod-bound token for this volume and refreshes it once it is older than 80 % of expirationSeconds (or 24 h), so the app must re-read the file rather than keep a copy. For calls to the API server, the default kube-api-access volume already mounts such a token at /var/run/secrets/kubernetes.io/serviceaccount/token; use a volume like this one for another audience or lifetime.',
  },
  'explicit-secret': {
    title: 'If you really need a long-lived token: create the Secret yourself',
    description:
      'As in the post “Service Account Tokens in Kubernetes v1.24”: since 1.24 no Secret is generated per service account, but a Secret created with this annotation and type still gets a token from the token controller. The legacy token cleaner never labels or deletes such a manually created Secret, yet its token never expires: prefer the options above.',
  },
  'delete-secret': {
    title: 'Then revoke the old token',
    description: 'A legacy token works for as long as its Secret exists: deleting the Secret revokes it. Do this once no client uses it any more (see the kubernetes.io/legacy-token-last-used label).',
  },
};

const DEFAULT_DURATION = '1h';
const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;

function step(id: MigrationId, language: MigrationStep['language'], text: Result<string>): MigrationStep {
  return { id, ...MIGRATION_CATALOGUE[id], language, text: text.ok ? text.value : null, warning: text.ok ? null : text.error.message };
}

function createTokenCommand(ns: string, sa: string, options: MigrationOptions): Result<string> {
  const flags = [`--duration=${options.duration ?? DEFAULT_DURATION}`];
  if (options.audience) flags.push(`--audience=${options.audience}`);
  return kubectlCommand({ words: ['create', 'token'], namespace: ns, options: flags, name: { kind: 'service-account', value: sa } });
}

/** A manifest, unless a name in it is one the API server would refuse. */
function manifest(names: { namespace: string; serviceAccount: string; secret?: string }, build: () => string): Result<string> {
  const refused = refuseInvalidNames(
    [
      { kind: 'namespace', value: names.namespace },
      { kind: 'service-account', value: names.serviceAccount },
      ...(names.secret === undefined ? [] : [{ kind: 'secret' as const, value: names.secret }]),
    ],
    COMMAND_TEXTS.noManifest,
  );
  return refused ? fail(refused) : ok(build());
}

function projectedVolumePod(ns: string, sa: string, options: MigrationOptions): string {
  const seconds = Math.max(MIN_EXPIRATION_SECONDS, Math.floor(options.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS));
  const audience = options.audience
    ? `              audience: ${yamlString(options.audience)}`
    : '              # audience: vault   # optional; without it, the API server’s audiences';
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: my-app',
    `  namespace: ${yamlString(ns)}`,
    'spec:',
    `  serviceAccountName: ${yamlString(sa)}`,
    '  containers:',
    '    - name: app',
    '      image: registry.example.com/my-app:1.0',
    '      volumeMounts:',
    '        - name: sa-token',
    '          mountPath: /var/run/secrets/tokens',
    '          readOnly: true',
    '  volumes:',
    '    - name: sa-token',
    '      projected:',
    '        sources:',
    '          - serviceAccountToken:',
    '              path: token',
    `              expirationSeconds: ${seconds}`,
    audience,
    '',
  ].join('\n');
}

/** The first `max` characters of a name, without the "-" or "." a cut can leave at its end. */
function cut(name: string, max: number): string {
  let end = Math.min(name.length, max);
  while (end > 0 && (name[end - 1] === '-' || name[end - 1] === '.')) end--;
  return name.slice(0, end);
}

/** `<sa>-token` (at most 253 characters), or another name when that is the token's own Secret. */
function explicitSecretName(sa: string, current: string | null): string {
  const base = `${cut(sa, 240)}-token`;
  return base === current ? `${cut(sa, 230)}-long-lived-token` : base;
}

function explicitSecret(ns: string, sa: string, name: string): string {
  return [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${yamlString(name)}`,
    `  namespace: ${yamlString(ns)}`,
    '  annotations:',
    `    kubernetes.io/service-account.name: ${yamlString(sa)}`,
    'type: kubernetes.io/service-account-token',
    '',
  ].join('\n');
}

/**
 * Replacements for a legacy token, filled in with its namespace and service account. Empty for
 * other kinds, or when the token does not name both. Names from a token are untrusted: each is
 * checked as the API server would (a step with an invalid name carries a warning instead of text),
 * shell arguments are quoted for a POSIX shell after "--", and YAML values are quoted where needed.
 */
export function migrationFor(identity: Identity | null, classification: Classification, options: MigrationOptions = {}): MigrationStep[] {
  if (classification.kind !== 'legacy' || !identity?.namespace || !identity.serviceAccount) return [];
  const ns = identity.namespace;
  const sa = identity.serviceAccount;
  const secretName = explicitSecretName(sa, identity.secret?.name ?? null);
  const steps = [
    step('create-token', 'shell', createTokenCommand(ns, sa, options)),
    step('projected-volume', 'yaml', manifest({ namespace: ns, serviceAccount: sa }, () => projectedVolumePod(ns, sa, options))),
    step('explicit-secret', 'yaml', manifest({ namespace: ns, serviceAccount: sa, secret: secretName }, () => explicitSecret(ns, sa, secretName))),
  ];
  const old = identity.secret?.name;
  if (old) steps.push(step('delete-secret', 'shell', kubectlCommand({ words: ['delete', 'secret'], namespace: ns, name: { kind: 'secret', value: old } })));
  return steps;
}
