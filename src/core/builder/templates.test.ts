import { describe, expect, it } from 'vitest';
import { decodeToken } from '../jws/decodeToken';
import { classifyToken } from '../kubernetes/classifyToken';
import { compactJsonText, isSortedDeep } from './jsonText';
import { DEFAULT_ISSUER, TEMPLATE_IDS, templateClaims, templateHeaderText, templatePayloadText, type TemplateId } from './templates';

const NOW = 1_768_469_400; // 2026-01-15T09:30:00Z
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** An unsigned token from the template's texts, to run the decoder's classifier on it. */
function decodedTemplate(id: TemplateId) {
  const header = compactJsonText(templateHeaderText(id, 'RS256', 'kid-1'));
  const payload = compactJsonText(templatePayloadText(id, { nowSeconds: NOW }));
  return decodeToken(`${b64(header)}.${b64(payload)}.c2ln`);
}

describe('templates', () => {
  it.each(TEMPLATE_IDS.map((id) => [id]))('%s classifies as its kind', (id) => {
    expect(classifyToken(decodedTemplate(id)).kind).toBe(id === 'generic' ? 'not-kubernetes' : id);
  });

  it('pod-bound is minted as kube-apiserver does today: extended, with node info and jti', () => {
    const claims = templateClaims('pod-bound', { nowSeconds: NOW });
    expect(claims).toMatchObject({ iat: NOW, nbf: NOW, exp: NOW + 31_536_000, iss: DEFAULT_ISSUER, aud: [DEFAULT_ISSUER], sub: 'system:serviceaccount:shop:checkout' });
    expect(claims.jti).toMatch(UUID_V4);
    const k8s = claims['kubernetes.io'] as Record<string, { name: string; uid: string } | number | string>;
    expect(k8s.warnafter).toBe(NOW + 3607);
    expect(k8s.namespace).toBe('shop');
    for (const ref of ['node', 'pod', 'serviceaccount']) expect((k8s[ref] as { uid: string }).uid).toMatch(UUID_V4);
    const c = classifyToken(decodedTemplate('pod-bound'));
    expect(c).toMatchObject({ kind: 'pod-bound', extended: true });
    expect(c.evidence.join('\n')).toContain('warnafter − iat = 3607 s');
  });

  it('secret-, node-bound and unbound tokens last the TokenRequest default of 1 h and have a jti', () => {
    for (const id of ['secret-bound', 'node-bound', 'unbound'] as const) {
      const claims = templateClaims(id, { nowSeconds: NOW });
      expect(claims, id).toMatchObject({ iat: NOW, nbf: NOW, exp: NOW + 3600, aud: [DEFAULT_ISSUER] });
      expect(claims.jti).toMatch(UUID_V4);
      expect((claims['kubernetes.io'] as Record<string, unknown>).warnafter).toBeUndefined();
      expect(classifyToken(decodedTemplate(id)).extended).toBe(false);
    }
  });

  it('legacy has the four flat claims, sub and the legacy issuer, and no times', () => {
    const claims = templateClaims('legacy', { nowSeconds: NOW });
    expect(Object.keys(claims)).toEqual([
      'iss',
      'kubernetes.io/serviceaccount/namespace',
      'kubernetes.io/serviceaccount/secret.name',
      'kubernetes.io/serviceaccount/service-account.name',
      'kubernetes.io/serviceaccount/service-account.uid',
      'sub',
    ]);
    expect(claims.iss).toBe('kubernetes/serviceaccount');
    expect(claims.sub).toBe('system:serviceaccount:default:build-robot');
  });

  it('payloads are sorted at every level, like go-jose writes them', () => {
    for (const id of TEMPLATE_IDS) {
      const text = templatePayloadText(id, { nowSeconds: NOW });
      expect(isSortedDeep(JSON.parse(text)), id).toBe(true);
    }
    const compact = compactJsonText(templatePayloadText('pod-bound', { nowSeconds: NOW, newUuid: () => 'u' }));
    expect(compact).toBe(
      `{"aud":["${DEFAULT_ISSUER}"],"exp":${NOW + 31_536_000},"iat":${NOW},"iss":"${DEFAULT_ISSUER}","jti":"u","kubernetes.io":{"namespace":"shop","node":{"name":"worker-1","uid":"u"},"pod":{"name":"checkout-6d9f7c8b5d-x2kqp","uid":"u"},"serviceaccount":{"name":"checkout","uid":"u"},"warnafter":${NOW + 3607}},"nbf":${NOW},"sub":"system:serviceaccount:shop:checkout"}`,
    );
  });

  it('takes another issuer, which is also the audience', () => {
    const claims = templateClaims('unbound', { nowSeconds: NOW + 0.9, issuer: 'https://oidc.example.com' });
    expect(claims).toMatchObject({ iss: 'https://oidc.example.com', aud: ['https://oidc.example.com'], iat: NOW });
  });

  it('headers carry alg and kid only, sorted; generic adds typ JWT; no kid when there is none', () => {
    expect(compactJsonText(templateHeaderText('pod-bound', 'RS256', 'abc'))).toBe('{"alg":"RS256","kid":"abc"}');
    expect(compactJsonText(templateHeaderText('generic', 'HS256', null))).toBe('{"alg":"HS256","typ":"JWT"}');
  });
});
