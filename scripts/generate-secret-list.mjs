// A generated `kubectl get secrets -A -o json` for the audit benchmark and browser tests: legacy
// service account token Secrets shaped like the real thing (ca.crt, namespace, token; labels from
// the legacy token tracker and cleaner), with well-formed but unsigned RS256 tokens.
//
// The function is self-contained (no imports, no Node APIs) so Playwright can run it inside the
// page with page.evaluate(generateSecretList, …): a 40 MB argument would take longer to send.

/**
 * `count` Secrets of type kubernetes.io/service-account-token, about 4 KB each pretty-printed as
 * kubectl prints them (10,000 ≈ 40 MB), as the JSON text of a `kind: List`. Deterministic.
 */
export function generateSecretList({ count, nowSeconds = 1768469400, seed = 7 }) {
  let x = seed >>> 0 || 1;
  const rand = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  const b64 = (text) => btoa(text);
  const b64url = (text) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const hex = '0123456789abcdef';
  const uuid = () => `${pick(hex, 8)}-${pick(hex, 4)}-4${pick(hex, 3)}-a${pick(hex, 3)}-${pick(hex, 12)}`;
  const day = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
  // A 4096-bit RSA signature is 512 bytes; each token takes a different slice of one random pool.
  const pool = Array.from({ length: 1024 }, () => String.fromCharCode(Math.floor(rand() * 256))).join('');
  const caPem = `-----BEGIN CERTIFICATE-----\n${'MIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJlcm5ldGVz'.repeat(14).match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`;
  const caCrt = b64(caPem);
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ' }));
  const items = [];
  for (let i = 0; i < count; i++) {
    const namespace = `team-${String(i % 97).padStart(2, '0')}`;
    const serviceAccount = `app-${i}`;
    // The token controller named Secrets <sa>-token-<5 random characters>.
    const name = `${serviceAccount}-token-${pick('bcdfghjklmnpqrstvwxz2456789', 5)}`;
    const saUid = uuid();
    const payload = {
      iss: 'kubernetes/serviceaccount',
      'kubernetes.io/serviceaccount/namespace': namespace,
      'kubernetes.io/serviceaccount/secret.name': name,
      'kubernetes.io/serviceaccount/service-account.name': serviceAccount,
      'kubernetes.io/serviceaccount/service-account.uid': saUid,
      sub: `system:serviceaccount:${namespace}:${serviceAccount}`,
    };
    const offset = Math.floor(rand() * 512);
    const token = `${header}.${b64url(JSON.stringify(payload))}.${b64url(pool.slice(offset, offset + 512))}`;
    const created = nowSeconds - 400 * 86400 - Math.floor(rand() * 5 * 365 * 86400);
    const labels = {};
    const r = rand();
    if (r < 0.5) labels['kubernetes.io/legacy-token-last-used'] = day(nowSeconds - Math.floor(rand() * 700) * 86400);
    if (r > 0.8) labels['kubernetes.io/legacy-token-invalid-since'] = day(nowSeconds - Math.floor(rand() * 400) * 86400);
    items.push({
      apiVersion: 'v1',
      data: { 'ca.crt': caCrt, namespace: b64(namespace), token: b64(token) },
      kind: 'Secret',
      metadata: {
        annotations: { 'kubernetes.io/service-account.name': serviceAccount, 'kubernetes.io/service-account.uid': saUid },
        creationTimestamp: new Date(created * 1000).toISOString().replace('.000Z', 'Z'),
        ...(Object.keys(labels).length ? { labels } : {}),
        name,
        namespace,
        resourceVersion: String(100000 + i),
        uid: uuid(),
      },
      type: 'kubernetes.io/service-account-token',
    });
  }
  return JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4);
}
