import type { Classification } from './classifyToken';
import type { Identity } from './identity';
import { shellCommand } from './shellQuote';
import { yamlString } from './yamlQuote';

export type MigrationId = 'create-token' | 'projected-volume' | 'explicit-secret' | 'delete-secret';

export interface MigrationStep {
  id: MigrationId;
  title: string;
  description: string;
  language: 'shell' | 'yaml';
  /** Copyable text, filled in with this token's namespace and service account (quoted as needed). */
  text: string;
}

export interface MigrationOptions {
  /** kubectl --duration (default 1h); whole seconds or Go units such as 10m, 1h. */
  duration?: string;
  /** An audience for a non-API-server recipient; omitted by default. */
  audience?: string;
  /** Projected volume expirationSeconds (default 3600, minimum 600). */
  expirationSeconds?: number;
}

/** Titles and explanations of the migration helpers (reference §2.1, §2.3, §2.4, §3, §5, §6). */
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

function step(id: MigrationId, language: MigrationStep['language'], text: string): MigrationStep {
  return { id, ...MIGRATION_CATALOGUE[id], language, text };
}

function createTokenCommand(ns: string, sa: string, options: MigrationOptions): string {
  const args = ['kubectl', 'create', 'token', sa, '-n', ns, `--duration=${options.duration ?? DEFAULT_DURATION}`];
  if (options.audience) args.push(`--audience=${options.audience}`);
  return shellCommand(args);
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

function explicitSecretName(sa: string, current: string | null): string {
  const base = `${sa.slice(0, 240)}-token`;
  return base === current ? `${sa.slice(0, 230)}-long-lived-token` : base;
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
 * other kinds, or when the token does not name both. Names from a token are untrusted: shell
 * arguments are quoted for a POSIX shell and YAML values are quoted where needed.
 */
export function migrationFor(identity: Identity | null, classification: Classification, options: MigrationOptions = {}): MigrationStep[] {
  if (classification.kind !== 'legacy' || !identity?.namespace || !identity.serviceAccount) return [];
  const ns = identity.namespace;
  const sa = identity.serviceAccount;
  const steps = [
    step('create-token', 'shell', createTokenCommand(ns, sa, options)),
    step('projected-volume', 'yaml', projectedVolumePod(ns, sa, options)),
    step('explicit-secret', 'yaml', explicitSecret(ns, sa, explicitSecretName(sa, identity.secret?.name ?? null))),
  ];
  if (identity.secret?.name) steps.push(step('delete-secret', 'shell', shellCommand(['kubectl', 'delete', 'secret', identity.secret.name, '-n', ns])));
  return steps;
}
