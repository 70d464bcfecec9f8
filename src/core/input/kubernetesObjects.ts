import { kubectlHint } from '../kubernetes/kubectlCommand';
import type { RecognizedInput } from './inputKinds';
import type { RecognizeOptions } from './recognizeInput';
import { field, isRecord, nonEmptyText, recordAt, shortText, type JsonRecord } from './documentFields';
import { isKubeconfig, recognizeKubeconfig } from './kubeconfigDocument';
import { isSecretDocument, recognizeSecret } from './secretDocument';
import { recognizeSecretList, secretListItems } from './secretList';
import { recognizeTokenRequest, recognizeTokenReview } from './tokenApiDocuments';

export { recognizeDescribeSecret } from './describeSecret';

function unknownWithHint(code: string, message: string): RecognizedInput {
  return { kind: 'unknown', token: null, notes: [], hint: { code, segment: 'token', message } };
}

/** An audit event (kubernetes/apiserver pkg/apis/audit/v1/types.go Event, v0.36) names the caller but holds no token, unless logged at RequestResponse level. */
function recognizeAuditEvent(doc: JsonRecord): RecognizedInput {
  const response = recordAt(doc, 'responseObject');
  const request = recordAt(doc, 'requestObject');
  if (field(response, 'kind') === 'TokenRequest' && nonEmptyText(field(recordAt(response, 'status'), 'token'))) {
    const r = recognizeTokenRequest(response as JsonRecord);
    return { ...r, notes: ['Took the TokenRequest response logged in this audit event (level RequestResponse).', ...r.notes] };
  }
  if (field(request, 'kind') === 'TokenReview' && nonEmptyText(field(recordAt(request, 'spec'), 'token'))) {
    const r = recognizeTokenReview(request as JsonRecord);
    return { ...r, notes: ['Took the TokenReview request logged in this audit event (level RequestResponse).', ...r.notes] };
  }
  const username = nonEmptyText(field(recordAt(doc, 'user'), 'username'));
  return unknownWithHint(
    'audit-event-without-token',
    `This is an audit event: it identifies the caller${username ? ` (${shortText(username)})` : ''} but does not contain the token. Its user.extra credential-id JTI=<jti> matches the jti of the token that was used.`,
  );
}

/** What a kubeconfig exec plugin prints (client.authentication.k8s.io): the token is status.token. */
function recognizeExecCredential(doc: JsonRecord): RecognizedInput {
  const token = nonEmptyText(field(recordAt(doc, 'status'), 'token'));
  if (!token) return unknownWithHint('exec-credential-without-token', 'This ExecCredential has no status.token: the plugin returned a client certificate or nothing, so there is no token to decode.');
  // The contract has no kind for it: it is a bare token once taken out.
  return { kind: 'jwt', token: token.trim(), notes: ['Took status.token from the ExecCredential an exec plugin printed.'] };
}

/**
 * Secrets, TokenRequests, TokenReviews, kubeconfigs and Secret lists (the API types in kubernetes/api, v0.36). `value` is an
 * already-parsed JSON or YAML document. Returns null for anything else; never throws.
 */
export function recognizeKubernetesDocument(value: unknown, options: RecognizeOptions): RecognizedInput | null {
  const items = secretListItems(value);
  if (items) return recognizeSecretList(value as JsonRecord | unknown[], items);
  if (!isRecord(value)) return null;
  const kind = field(value, 'kind');
  const apiVersion = field(value, 'apiVersion');
  if (isSecretDocument(value) || (kind === undefined && field(value, 'type') === 'kubernetes.io/service-account-token' && isSecretDocument(value, true))) {
    return recognizeSecret(value);
  }
  if (kind === 'TokenRequest') return recognizeTokenRequest(value);
  if (kind === 'TokenReview') return recognizeTokenReview(value);
  if (isKubeconfig(value)) return recognizeKubeconfig(value, options);
  if (kind === 'ExecCredential') return recognizeExecCredential(value);
  if (kind === 'Event' && typeof apiVersion === 'string' && apiVersion.startsWith('audit.k8s.io/')) return recognizeAuditEvent(value);
  if (kind === 'ServiceAccount') {
    const name = nonEmptyText(field(recordAt(value, 'metadata'), 'name'));
    const ns = nonEmptyText(field(recordAt(value, 'metadata'), 'namespace'));
    const command = kubectlHint({ words: ['create', 'token'], namespace: ns, name: { kind: 'service-account', value: name } });
    return unknownWithHint('serviceaccount-without-token', `A ServiceAccount holds no token. Since 1.24 no token Secret is generated for it; get a short-lived token with ${command}.`);
  }
  return null;
}
