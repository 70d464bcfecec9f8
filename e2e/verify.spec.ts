import { createHash, createHmac, createPublicKey } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { stringify as toYaml } from 'yaml';
import { b64url, fixture, makeToken, openWithInput, pinClock, FIXTURE_IAT } from './support/tokens';

test.beforeEach(async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
});

const status = (page: import('@playwright/test').Page) => page.getByTestId('signature-status');
const SA_RSA_KID = 'c0eSayKH-WrWn6IO3oCrVQS-cz6tQBw3_OxIET0Y_VQ';

test('every key form verifies the token it signed', async ({ page }) => {
  const singleJwk = JSON.stringify(JSON.parse(fixture('keys/cluster-jwks.json')).keys[0]);
  const cases: [string, string, string][] = [
    ['tokens/pod-bound.jwt', fixture('keys/sa-rsa.pub.pem'), 'pem'],
    ['tokens/pod-bound.jwt', fixture('keys/sa-rsa.cert.pem'), 'pem'],
    ['tokens/pod-bound.jwt', fixture('keys/sa-rsa.pkcs1.pub.pem'), 'pem'],
    ['tokens/pod-bound.jwt', fixture('keys/sa-rsa.pkcs1.key.pem'), 'pem'],
    ['tokens/pod-bound.jwt', fixture('keys/sa-rsa.key.pem'), 'pem'],
    ['tokens/secret-bound.jwt', fixture('keys/sa-ec.key.pem'), 'pem'],
    ['tokens/legacy-secret.jwt', fixture('keys/sa-multi.pub.pem'), 'pem'],
    ['tokens/node-bound.jwt', fixture('keys/cluster-jwks.json'), 'jwks'],
    ['tokens/unbound-tokenrequest.jwt', singleJwk, 'jwk'],
    ['tokens/eddsa-generic.jwt', fixture('keys/other-ed25519.pub.pem'), 'pem'],
    ['tokens/ps256-generic.jwt', fixture('keys/other-rsa-pss.pub.pem'), 'pem'],
    ['tokens/hs256-generic.jwt', `${fixture('keys/hmac-secret.txt')}\n`, 'hmac-secret'],
  ];
  await page.goto('./');
  for (const [token, key, keyKind] of cases) {
    await page.getByTestId('token-input').fill(fixture(token));
    await page.getByTestId('key-input').fill(key);
    await page.getByTestId('key-is-hmac').setChecked(keyKind === 'hmac-secret');
    await expect(status(page), `${token} with ${keyKind}`).toHaveAttribute('data-state', 'verified');
    await expect(page.getByTestId('key-kind')).toHaveAttribute('data-kind', keyKind);
  }
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  await page.getByTestId('key-input').fill(fixture('keys/sa-rsa.pkcs1.key.pem'));
  await expect(page.getByTestId('matched-kid')).toHaveText(SA_RSA_KID);
  await expect(page.getByTestId('candidate-kid')).toHaveText(SA_RSA_KID);
  await expect(page.getByTestId('key-notice').first()).toContainText('private key');
});

test('each failing state is named', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  await expect(status(page)).toHaveAttribute('data-state', 'no-key');

  const cases: [string, string, string, RegExp?][] = [
    ['tokens/tampered-payload.jwt', fixture('keys/sa-rsa.pub.pem'), 'invalid'],
    ['tokens/signed-by-rotated-out-key.jwt', fixture('keys/cluster-jwks.json'), 'no-matching-key', /HTkjVhWq-onBqSA11j0t6_5B2Co8JPSrhjmyAWE5F3s/],
    ['tokens/alg-none.jwt', fixture('keys/sa-rsa.pub.pem'), 'unsecured'],
    [makeToken({ alg: 'XS256' }, { sub: 'x' }), fixture('keys/sa-rsa.pub.pem'), 'unsupported'],
    ['tokens/pod-bound.jwt', '-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----', 'error'],
    ['tokens/hs256-generic.jwt', fixture('keys/sa-rsa.pub.pem'), 'invalid'],
  ];
  for (const [token, key, state, message] of cases) {
    await page.getByTestId('token-input').fill(token.startsWith('tokens/') ? fixture(token) : token);
    await page.getByTestId('key-input').fill(key);
    await expect(status(page), `${token}`).toHaveAttribute('data-state', state);
    if (message) await expect(status(page)).toContainText(message);
  }
  await expect(page.getByTestId('matched-kid')).toHaveCount(0);
});

test('a PEM declares no kid: it verifies the RFC 7520 example, and the verdict says kube-apiserver would not select it', async ({ page }) => {
  const vector = JSON.parse(fixture('vectors/rfc7520-4.1-rs256.json')) as { token: string; key: { pem: string } };
  const derivedKid = createHash('sha256').update(createPublicKey(vector.key.pem).export({ type: 'spki', format: 'der' })).digest('base64url');
  await page.goto('./');
  await page.getByTestId('token-input').fill(vector.token);
  await page.getByTestId('key-input').fill(vector.key.pem);
  await expect(status(page)).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('matched-kid')).toHaveText(derivedKid);
  await expect(page.getByTestId('candidate-kubernetes-selection')).toHaveAttribute('data-selects', 'false');
  const reason = page.locator('[data-testid="verdict-reason"][data-code="kid-mismatch"]');
  await expect(reason).toContainText(`kube-apiserver 1.31 and later select keys by kid: this key's derived kid "${derivedKid}" ≠ token kid "bilbo.baggins@hobbiton.example"`);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');

  // The same key as a JWK that declares the token's kid: JOSE selects it by that kid.
  await page.getByTestId('key-input').fill(JSON.stringify((JSON.parse(fixture('vectors/rfc7520-4.1-rs256.json')) as { key: { jwk: object } }).key.jwk));
  await expect(status(page)).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('matched-kid')).toHaveText('bilbo.baggins@hobbiton.example');
});

/** An HS256 token HMAC-signed with exactly this text: the algorithm-confusion forgery. */
const forgeHs256 = (secret: string) => {
  const input = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ iss: 'https://kubernetes.default.svc.cluster.local', sub: 'system:serviceaccount:kube-system:admin' }))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

test('text is an HMAC secret only when ticked, and a disguised public key never is', async ({ page }) => {
  await page.goto('./');
  const mark = page.getByTestId('key-is-hmac');
  await expect(mark).not.toBeChecked();
  await expect(page.getByText('Use this text as an HMAC secret')).toBeVisible();

  await page.getByTestId('token-input').fill(fixture('tokens/hs256-generic.jwt'));
  await page.getByTestId('key-input').fill(fixture('keys/hmac-secret.txt'));
  await expect(status(page)).toHaveAttribute('data-state', 'no-key');
  await expect(status(page)).toContainText('tick “Use this text as an HMAC secret”');
  await mark.check();
  await expect(status(page)).toHaveAttribute('data-state', 'verified');

  const pem = `${fixture('keys/sa-rsa.pub.pem')}\n`;
  const disguises: [string, string][] = [
    ["base64 of a PEM, as a Secret's data field holds it", Buffer.from(pem).toString('base64')],
    ['hex DER', createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('hex')],
    ['a JWKS written as YAML', toYaml(JSON.parse(fixture('keys/cluster-jwks.json')))],
  ];
  for (const [name, text] of disguises) {
    await page.getByTestId('token-input').fill(forgeHs256(text));
    await page.getByTestId('key-input').fill(text);
    for (const ticked of [true, false]) {
      await mark.setChecked(ticked);
      await expect(status(page), `${name}, ticked: ${ticked}`).toHaveAttribute('data-state', 'error');
      await expect(status(page)).toContainText('never used as an HMAC secret');
    }
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  }
});

test('a huge key paste is held in memory and refused by size; 40,000 dashes are read at once', async ({ page }) => {
  await openWithInput(page, fixture('tokens/pod-bound.jwt'));
  const keyBox = page.getByTestId('key-input');
  // A real paste: a paste event carrying 10 MB on its clipboard data.
  await keyBox.evaluate((area) => {
    const data = new DataTransfer();
    data.setData('text/plain', '-'.repeat(10_000_000));
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('key-large-input')).toContainText('10,000,000 characters');
  await expect(keyBox).toHaveValue('');
  await expect(status(page)).toHaveAttribute('data-state', 'error');
  await expect(status(page)).toContainText('at most 1024 KiB is read');

  // Under the cap: the armour check once took 9 s to find that this text is not PEM.
  await keyBox.fill('-'.repeat(40_000));
  await expect(page.getByTestId('key-large-input')).toHaveCount(0);
  await expect(status(page)).toHaveAttribute('data-state', 'no-key');
  await expect(status(page)).toContainText('The key text is not a PEM key, certificate, JWK or JWKS');
});

test('the issuer and audience verdict follows the policy', async ({ page }) => {
  await openWithInput(page, fixture('tokens/pod-bound.jwt'));
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await expect(status(page)).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.getByTestId('verdict-unchecked').first()).toContainText('still exists');

  await page.getByText('Validation policy').click();
  await page.getByTestId('policy-issuers').fill('https://oidc.example.com');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.locator('[data-testid="verdict-reason"][data-code="issuer-not-accepted"]')).toBeVisible();

  await page.getByTestId('policy-issuers').fill('https://kubernetes.default.svc.cluster.local');
  await page.getByTestId('token-input').fill(fixture('tokens/custom-audience.jwt'));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.getByTestId('verdict-reason').first()).toContainText('audiences');

  await pinClock(page, FIXTURE_IAT + 2 * 86400);
  await page.reload();
  await page.getByTestId('token-input').fill(fixture('tokens/pod-bound.jwt'));
  await page.getByTestId('key-input').fill(fixture('keys/cluster-jwks.json'));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'false');
  await expect(page.getByTestId('verdict-reason')).toContainText(['expired']);
});

const cors = { 'access-control-allow-origin': '*' };

test('keys are fetched from the issuer only after confirming each URL, the jwks_uri included', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const issuer = 'https://kubernetes.default.svc.cluster.local';
  const jwksUri = 'https://keys.example.net/openid/v1/jwks';
  await page.route(`${issuer}/.well-known/openid-configuration`, (route) => route.fulfill({ json: { issuer, jwks_uri: jwksUri }, headers: cors }));
  await page.route(jwksUri, (route) => route.fulfill({ body: fixture('keys/cluster-jwks.json'), contentType: 'application/json', headers: cors }));
  const offOrigin = () => requests.filter((u) => !u.startsWith(new URL(baseURL as string).origin));

  await openWithInput(page, fixture('tokens/pod-bound.jwt'));
  await page.getByText('Verification details').click();
  await page.getByText('Get keys online').click();
  await expect(page.getByTestId('fetch-issuer-unexpected')).toHaveCount(0);
  await page.getByTestId('fetch-issuer-keys').click();
  await expect(page.getByTestId('fetch-url')).toHaveText(`GET ${issuer}/.well-known/openid-configuration`);
  await expect(page.getByTestId('fetch-warning')).toContainText(['kubernetes.default.svc.cluster.local is a name inside a cluster']);
  expect(offOrigin()).toEqual([]);

  // First hop: only the discovery document. Its jwks_uri waits for its own confirmation.
  await page.getByTestId('fetch-confirm-go').click();
  await expect(page.getByTestId('fetch-discovered')).toContainText(jwksUri);
  await expect(page.getByTestId('fetch-url')).toHaveText(`GET ${jwksUri}`);
  await expect(page.getByTestId('fetch-warning')).toContainText([`kubernetes.default.svc.cluster.local sends the request to keys.example.net`]);
  expect(offOrigin()).toEqual([`${issuer}/.well-known/openid-configuration`]);

  await page.getByTestId('fetch-confirm-go').click();
  await page.getByRole('button', { name: 'Use these keys' }).click();
  await expect(status(page)).toHaveAttribute('data-state', 'verified');
  expect(offOrigin()).toEqual([`${issuer}/.well-known/openid-configuration`, jwksUri]);
  // Next to the verdict: what keys from the token's own issuer prove.
  await expect(page.getByTestId('fetched-keys-provenance')).toContainText("through the token's own issuer: a signature they verify proves only that whoever controls that host signed the token");
  await page.getByTestId('key-input').fill(fixture('keys/sa-rsa.pub.pem'));
  await expect(page.getByTestId('fetched-keys-provenance')).toHaveCount(0);
});

test('a discovery document cannot send the browser to 169.254.169.254, and redirects are not followed', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const issuer = 'https://oidc.attacker.example';
  await page.route(`${issuer}/.well-known/openid-configuration`, (route) => route.fulfill({ json: { issuer, jwks_uri: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' }, headers: cors }));
  await page.route('http://169.254.169.254/**', (route) => route.fulfill({ body: '{"keys":[]}', headers: cors }));
  await openWithInput(page, makeToken({ alg: 'RS256', kid: 'k' }, { iss: issuer, sub: 'system:serviceaccount:kube-system:admin' }));
  await page.getByText('Verification details').click();
  await page.getByText('Get keys online').click();
  // Not an expected issuer: offered, with a warning.
  await expect(page.getByTestId('fetch-issuer-unexpected')).toBeVisible();
  await page.getByTestId('fetch-issuer-keys').click();
  await expect(page.getByTestId('fetch-warning')).toContainText([`The token's issuer ${issuer} is not one of the expected issuers`]);
  await page.getByTestId('fetch-confirm-go').click();
  await expect(page.getByTestId('fetch-confirm')).toHaveAttribute('data-refused', 'true');
  await expect(page.getByTestId('fetch-refused')).toContainText('link-local or metadata address');
  await expect(page.getByTestId('fetch-confirm-go')).toHaveCount(0);

  // A JWKS URL that redirects: the browser refuses the redirect, the target is never asked.
  await page.route('https://keys.attacker.example/jwks', (route) => route.fulfill({ status: 302, headers: { ...cors, location: 'http://169.254.169.254/latest/meta-data/' } }));
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('jwks-url').fill('https://keys.attacker.example/jwks');
  await page.getByRole('button', { name: 'Fetch this JWKS' }).click();
  await page.getByTestId('fetch-confirm-go').click();
  await expect(page.getByTestId('fetch-error')).toContainText('redirects are not followed');
  const origin = new URL(baseURL as string).origin;
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([`${issuer}/.well-known/openid-configuration`, 'https://keys.attacker.example/jwks']);
});

test('a failed fetch is explained, with the kubectl alternative', async ({ page }) => {
  await page.route('https://kubernetes.default.svc.cluster.local/**', (route) => route.abort('namenotresolved'));
  await openWithInput(page, fixture('tokens/pod-bound.jwt'));
  await page.getByText('Verification details').click();
  await page.getByText('Get keys online').click();
  await page.getByTestId('fetch-issuer-keys').click();
  await page.getByTestId('fetch-confirm-go').click();
  await expect(page.getByTestId('fetch-error')).toHaveAttribute('data-code', 'in-cluster-host');
  await expect(page.getByTestId('fetch-error')).toContainText('kubectl get --raw /openid/v1/jwks');
});
