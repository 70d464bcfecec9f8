import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/fixtures';
import { NOW } from '../../testing/trustTokens';
import { handleTrustRequest, timedOutReport } from './trustProtocol';

const ROLE = JSON.stringify({ data: { audience: 'vault', bound_service_account_names: ['sa-token-demo'], bound_service_account_namespaces: ['default'] } });

describe('Trust worker protocol', () => {
  it('decodes the token, evaluates, and answers with the request id', () => {
    const response = handleTrustRequest({ type: 'evaluate', id: 7, configText: ROLE, token: readFixture('tokens/custom-audience.jwt'), nowSeconds: NOW });
    expect(response).toMatchObject({ type: 'report', id: 7, report: { kind: 'vault-kubernetes-role', accepted: 'true' } });
  });

  it('reads YAML with the reader it is given', () => {
    const yaml = 'data:\n  audience: vault\n  bound_service_account_names: [sa-token-demo]\n  bound_service_account_namespaces: [default]\n';
    const response = handleTrustRequest({ type: 'evaluate', id: 1, configText: yaml, token: readFixture('tokens/custom-audience.jwt'), nowSeconds: NOW }, (t) => parse(t));
    expect(response.report.accepted).toBe('true');
  });

  it('a stopped evaluation is unknown with cannot-evaluate', () => {
    const report = timedOutReport('gcp-wif-provider', 5);
    expect(report).toMatchObject({ kind: 'gcp-wif-provider', accepted: 'unknown', reasons: [{ code: 'cannot-evaluate' }] });
    expect(report.reasons[0]!.explanation).toContain('5 s');
  });
});
