import { formatDuration } from '../time/formatTime';
import { kubectlHint } from '../kubernetes/kubectlCommand';
import type { RecognizedInput, SourceFact } from './inputKinds';
import { field, isRecord, nonEmptyText, quoted, recordAt, shortText, stringList, textOf, type JsonRecord } from './documentFields';
import { parseRfc3339Seconds } from './rfc3339';

/** Facts list at most this many values, and this many `extra` entries of a TokenReview user. */
const LISTED_VALUES = 20;
const LISTED_EXTRAS = 10;

/** Values from the input as one fact: each bounded, and no more than LISTED_VALUES of them. */
function listText(values: string[]): string {
  const listed = values.slice(0, LISTED_VALUES).map((v) => shortText(v)).join(', ');
  return values.length > LISTED_VALUES ? `${listed} and ${values.length - LISTED_VALUES} more` : listed;
}

function audiencesFact(label: string, value: unknown, emptyMeans: string): SourceFact | null {
  if (value === undefined || value === null) return null;
  const list = stringList(value);
  return { label, value: list.length ? listText(list) : emptyMeans };
}

function boundObjectText(ref: unknown): string {
  if (!isRecord(ref)) return 'none (not bound to an object)';
  const kind = shortText(textOf(field(ref, 'kind')) ?? '?');
  const name = shortText(textOf(field(ref, 'name')) ?? '?');
  const uid = nonEmptyText(field(ref, 'uid'));
  return `${kind} ${name}${uid ? ` (uid ${shortText(uid)})` : ''}`;
}

/**
 * A TokenRequest response (`kubectl create token … -o json`, kubernetes/api authentication/v1 types.go TokenRequest, v0.36). Its
 * status.expirationTimestamp is iat + the requested seconds; for an extended pod token that is
 * earlier than the JWT exp, which reveals the extension (kubernetes/kubernetes pkg/registry/core/serviceaccount/storage/token.go, v1.36).
 */
export function recognizeTokenRequest(doc: JsonRecord): RecognizedInput {
  const metadata = recordAt(doc, 'metadata');
  const spec = recordAt(doc, 'spec');
  const status = recordAt(doc, 'status');
  const facts: SourceFact[] = [];
  const notes: string[] = [];
  const name = nonEmptyText(field(metadata, 'name'));
  const namespace = nonEmptyText(field(metadata, 'namespace'));
  // Older servers echo little metadata, so none of it is relied upon (kubernetes/api authentication/v1 types.go TokenRequest, v0.36).
  if (name) facts.push({ label: 'Service account', value: shortText(namespace ? `${namespace}/${name}` : name) });
  const aud = audiencesFact('Audiences', field(spec, 'audiences'), 'none requested: the API server’s audiences');
  if (aud) facts.push(aud);
  const seconds = field(spec, 'expirationSeconds');
  if (typeof seconds === 'number' && Number.isFinite(seconds)) {
    facts.push({ label: 'expirationSeconds', value: `${seconds} (${formatDuration(seconds)})` });
  }
  if (spec && Object.hasOwn(spec, 'boundObjectRef')) facts.push({ label: 'Bound object', value: boundObjectText(field(spec, 'boundObjectRef')) });

  const result: RecognizedInput = { kind: 'tokenrequest', token: null, notes, facts };
  const stamp = textOf(field(status, 'expirationTimestamp'));
  if (stamp !== null) {
    const parsed = parseRfc3339Seconds(stamp);
    facts.push({ label: 'expirationTimestamp', value: shortText(stamp) });
    if (parsed !== null) result.expirationTimestamp = parsed;
    else notes.push(`status.expirationTimestamp ${quoted(stamp)} is not an RFC 3339 time.`);
  }
  const token = nonEmptyText(field(status, 'token'));
  if (token) {
    result.token = token.trim();
    notes.unshift('Took status.token from the TokenRequest response.');
  } else {
    result.hint = {
      code: 'tokenrequest-without-token',
      segment: 'token',
      message: `This TokenRequest has no status.token: it is the request, not the API server’s response. \`${kubectlHint({ words: ['create', 'token'], namespace: null, options: ['--output=json'], name: { kind: 'service-account', value: null } })}\` prints the response with the token.`,
    };
  }
  return result;
}

/** A TokenReview (kubernetes/api authentication/v1 types.go TokenReview, v0.36): the token in spec.token, and the verdict in status when present. */
export function recognizeTokenReview(doc: JsonRecord): RecognizedInput {
  const spec = recordAt(doc, 'spec');
  const status = recordAt(doc, 'status');
  const user = recordAt(status, 'user');
  const facts: SourceFact[] = [];
  const requested = audiencesFact('Requested audiences', field(spec, 'audiences'), 'none: the API server’s audiences');
  if (requested) facts.push(requested);
  const authenticated = field(status, 'authenticated');
  if (typeof authenticated === 'boolean') facts.push({ label: 'Authenticated', value: authenticated ? 'yes' : 'no' });
  const error = nonEmptyText(field(status, 'error'));
  if (error) facts.push({ label: 'Error', value: shortText(error) });
  const username = nonEmptyText(field(user, 'username'));
  if (username) facts.push({ label: 'Username', value: shortText(username) });
  const uid = nonEmptyText(field(user, 'uid'));
  if (uid) facts.push({ label: 'UID', value: shortText(uid) });
  const groups = stringList(field(user, 'groups'));
  if (groups.length) facts.push({ label: 'Groups', value: listText(groups) });
  const extraKeys = Object.keys(recordAt(user, 'extra') ?? {});
  for (const key of extraKeys.slice(0, LISTED_EXTRAS)) {
    const values = stringList(field(recordAt(user, 'extra'), key));
    if (values.length) facts.push({ label: `extra ${shortText(key, 80)}`, value: listText(values) });
  }
  if (extraKeys.length > LISTED_EXTRAS) facts.push({ label: 'Other extra keys', value: `${extraKeys.length - LISTED_EXTRAS}, not listed` });
  const audiences = audiencesFact('Audiences (status)', field(status, 'audiences'), '(none)');
  if (audiences) facts.push(audiences);

  const token = nonEmptyText(field(spec, 'token'));
  if (token) return { kind: 'tokenreview', token: token.trim(), notes: ['Took spec.token from the TokenReview.'], facts };
  return {
    kind: 'tokenreview',
    token: null,
    notes: [],
    facts,
    hint: { code: 'tokenreview-without-token', segment: 'token', message: 'This TokenReview has no spec.token (audit policies often leave it out), so there is no token to decode; its status is shown instead.' },
  };
}
