/**
 * What relying-party configuration was pasted: JSON (strictly parsed) or YAML (through a reader
 * the caller passes in, so this module never loads the `yaml` package itself), recognised by
 * shape. Cheap and free of CEL, so the UI can show `trust-kind` before it loads the evaluators.
 */
import { parseJsonStrict } from '../json/parseJsonStrict';
import { isPlainObject } from '../kubernetes/kubernetesClaims';
import { TRUST_KINDS, type TrustKind } from './trustCatalogue';

export type JsonObject = Record<string, unknown>;

/** Reads YAML text into plain values (e.g. `yaml`'s parse with an alias limit); may throw. */
export type ParseYaml = (text: string) => unknown;

/** Far above any real policy (AWS trust policies stop at 4 KB); bounds every scan below. */
export const MAX_TRUST_CONFIG_CHARS = 256 * 1024;

/**
 * YAML is read only up to this size: `yaml`'s reader slows down sharply on hostile documents
 * (20,000 keys take seconds); a real AuthenticationConfiguration is a few KB.
 */
export const MAX_TRUST_YAML_CHARS = 32 * 1024;

export type TrustConfig =
  | { kind: 'aws-trust-policy'; document: JsonObject; form: 'policy' | 'get-role'; roleName: string | null }
  | { kind: 'gcp-wif-provider'; provider: JsonObject }
  | { kind: 'azure-federated-credential'; credentials: JsonObject[]; form: 'managed-identity' | 'app-registration' }
  | { kind: 'vault-kubernetes-role'; role: JsonObject }
  | { kind: 'vault-jwt-role'; role: JsonObject }
  | { kind: 'k8s-authentication-config'; config: JsonObject }
  | { kind: 'unknown'; hint: string };

export interface RecognizedTrustConfig {
  kind: TrustKind;
  title: string;
  config: TrustConfig;
}

const unknown = (hint: string): RecognizedTrustConfig => ({ kind: 'unknown', title: TRUST_KINDS.unknown.title, config: { kind: 'unknown', hint } });

function recognized(config: Exclude<TrustConfig, { kind: 'unknown' }>): RecognizedTrustConfig {
  return { kind: config.kind, title: TRUST_KINDS[config.kind].title, config };
}

/** `aws iam get-role` prints the document as JSON; the IAM API returns it URL-encoded. */
function readPolicyDocument(value: unknown): JsonObject | null {
  if (isPlainObject(value)) return value;
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (text.startsWith('%7B') || text.startsWith('%7b')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  const parsed = parseJsonStrict(text);
  return parsed.ok && isPlainObject(parsed.value) ? parsed.value : null;
}

const has = (o: JsonObject, key: string) => Object.hasOwn(o, key);

function looksLikeAzureCredential(o: JsonObject): boolean {
  const p = isPlainObject(o.properties) ? o.properties : o;
  return typeof p.issuer === 'string' && Array.isArray(p.audiences) && (has(p, 'subject') || has(p, 'claimsMatchingExpression'));
}

/** ARM resources nest the fields under `properties`; az and Microsoft Graph print them flat. */
function flattenAzure(o: JsonObject): JsonObject {
  return isPlainObject(o.properties) ? { ...o, ...o.properties } : o;
}

function azureForm(o: JsonObject): 'managed-identity' | 'app-registration' {
  const type = typeof o.type === 'string' ? o.type.toLowerCase() : '';
  const id = typeof o.id === 'string' ? o.id.toLowerCase() : '';
  return type.includes('microsoft.managedidentity') || id.includes('/providers/microsoft.managedidentity/') ? 'managed-identity' : 'app-registration';
}

const VAULT_K8S_FIELDS = ['bound_service_account_names', 'bound_service_account_namespaces', 'bound_service_account_namespace_selector', 'alias_name_source'];
const VAULT_JWT_FIELDS = ['role_type', 'user_claim', 'bound_audiences', 'bound_claims', 'bound_subject', 'claim_mappings', 'groups_claim'];

function classify(value: unknown): RecognizedTrustConfig {
  if (Array.isArray(value)) {
    const items = value.filter(isPlainObject);
    if (items.length > 0 && items.length === value.length && items.every(looksLikeAzureCredential)) {
      return recognized({ kind: 'azure-federated-credential', credentials: items.map(flattenAzure), form: azureForm(items[0]!) });
    }
    return unknown('A list was pasted; paste one configuration (a list is understood only for Azure federated credentials).');
  }
  if (!isPlainObject(value)) return unknown('Paste the configuration as a JSON or YAML object.');
  const o = value;

  if (typeof o.apiVersion === 'string' && o.apiVersion.startsWith('apiserver.config.k8s.io/') && o.kind === 'AuthenticationConfiguration') {
    return recognized({ kind: 'k8s-authentication-config', config: o });
  }
  if (!has(o, 'kind') && Array.isArray(o.jwt) && o.jwt.some((j) => isPlainObject(j) && isPlainObject(j.issuer))) {
    return recognized({ kind: 'k8s-authentication-config', config: o });
  }

  if (has(o, 'Statement')) return recognized({ kind: 'aws-trust-policy', document: o, form: 'policy', roleName: null });
  const role = isPlainObject(o.Role) ? o.Role : o;
  if (has(role, 'AssumeRolePolicyDocument')) {
    const document = readPolicyDocument(role.AssumeRolePolicyDocument);
    if (!document) return unknown('Role.AssumeRolePolicyDocument is not a JSON policy document (plain or URL-encoded).');
    return recognized({ kind: 'aws-trust-policy', document, form: 'get-role', roleName: typeof role.RoleName === 'string' ? role.RoleName : null });
  }

  if (isPlainObject(o.oidc) || isPlainObject(o.aws) || isPlainObject(o.saml) || (typeof o.name === 'string' && o.name.includes('/workloadIdentityPools/'))) {
    return recognized({ kind: 'gcp-wif-provider', provider: o });
  }

  if (looksLikeAzureCredential(o)) return recognized({ kind: 'azure-federated-credential', credentials: [flattenAzure(o)], form: azureForm(o) });
  if (Array.isArray(o.value) && o.value.length > 0 && o.value.every((v) => isPlainObject(v) && looksLikeAzureCredential(v))) {
    const items = o.value as JsonObject[];
    return recognized({ kind: 'azure-federated-credential', credentials: items.map(flattenAzure), form: 'app-registration' });
  }

  // `vault read -format=json` wraps the role in `data`.
  const data = isPlainObject(o.data) ? o.data : o;
  if (VAULT_K8S_FIELDS.some((f) => has(data, f))) return recognized({ kind: 'vault-kubernetes-role', role: data });
  if (VAULT_JWT_FIELDS.some((f) => has(data, f))) return recognized({ kind: 'vault-jwt-role', role: data });

  if (typeof o.iss === 'string' || typeof o.sub === 'string') {
    return unknown('This looks like a token’s claims. Paste the token in the decoder, and the relying party’s configuration here.');
  }
  return unknown(TRUST_KINDS.unknown.description);
}

const JWT_SHAPE = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;

/** Recognises a pasted relying-party configuration. Never throws. */
export function recognizeTrustConfig(text: string, options: { parseYaml?: ParseYaml } = {}): RecognizedTrustConfig {
  const trimmed = text.trim();
  if (trimmed === '') return unknown(TRUST_KINDS.unknown.description);
  if (trimmed.length > MAX_TRUST_CONFIG_CHARS) {
    return unknown(`This is ${Math.round(trimmed.length / 1024)} KB; relying-party configurations over ${MAX_TRUST_CONFIG_CHARS / 1024} KB are not read.`);
  }
  if (!trimmed.includes('\n') && JWT_SHAPE.test(trimmed)) {
    return unknown('This is a token. Paste it in the decoder, and the relying party’s configuration here.');
  }
  const first = trimmed[0];
  if (first === '{' || first === '[' || first === '%') {
    // Text that starts like JSON is read as JSON only: YAML's reader is slow on deeply nested
    // hostile brackets, and no configuration here is written as YAML flow style.
    const json = parseJsonStrict(first === '%' ? (readPolicyText(trimmed) ?? trimmed) : trimmed);
    if (json.ok) return classify(json.value);
    return unknown(`Not valid JSON: ${json.error.message} (line ${json.error.line}, column ${json.error.column}).`);
  }
  if (!options.parseYaml) return unknown('Paste the configuration as JSON (this reader has no YAML support loaded).');
  if (trimmed.length > MAX_TRUST_YAML_CHARS) {
    return unknown(`This YAML is ${Math.round(trimmed.length / 1024)} KB; YAML over ${MAX_TRUST_YAML_CHARS / 1024} KB is not read here. Paste it as JSON.`);
  }
  try {
    return classify(options.parseYaml(trimmed));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return unknown(`Not valid JSON or YAML: ${message}`);
  }
}

function readPolicyText(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
