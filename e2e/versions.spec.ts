import { createPrivateKey, sign } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { b64url, fixture, FIXTURE_IAT, openWithInput, pinClock } from './support/tokens';

test.setTimeout(90_000);

test.beforeEach(async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
});

/**
 * The cluster's pod-bound token re-signed by its own key under a kid that is not the key's derived
 * kid (as an external signer may): kube-apiserver up to 1.30 tries every key and accepts it; from
 * 1.31 it selects keys by derived kid (kubernetes/kubernetes pkg/serviceaccount/jwt.go @ 9d38f210).
 */
function tokenWithForeignKid(): string {
  const payload = fixture('tokens/pod-bound.jwt').split('.')[1] ?? '';
  const input = `${b64url(JSON.stringify({ alg: 'RS256', kid: 'custom-signer-key-7' }))}.${payload}`;
  return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(fixture('keys/sa-rsa.key.pem'))).toString('base64url')}`;
}

test('the verdict follows the chosen cluster version; the token facts do not', async ({ page }) => {
  await openWithInput(page, tokenWithForeignKid());
  await page.getByTestId('key-input').fill(fixture('keys/sa-rsa.pub.pem'));
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified');
  await page.getByText('Validation policy').click();
  const version = page.getByTestId('policy-version');
  await expect(version).toHaveValue('latest');

  const facts = async () => ({
    kind: await page.getByTestId('token-kind').getAttribute('data-kind'),
    extended: await page.getByTestId('token-kind').getAttribute('data-extended'),
    validity: await page.getByTestId('validity').getAttribute('data-state'),
    claims: await page.getByTestId('claim-row').count(),
  });
  const kidReason = page.locator('[data-testid="verdict-reason"][data-code="kid-mismatch"]');
  // Not accepted: refused, or undecided where the kid mismatch counts as depending on the key given.
  await expect(page.getByTestId('verdict')).not.toHaveAttribute('data-accepted', 'true');
  await expect(kidReason).toHaveAttribute('data-versions', '1.31-latest');
  await expect(kidReason).toContainText('refused from 1.31: kube-apiserver 1.31 and later select keys by kid');
  await expect(page.getByTestId('verdict-versions')).toContainText('accepted on 1.20–1.30, refused from 1.31');
  const atLatest = await facts();
  expect(atLatest).toMatchObject({ kind: 'pod-bound', validity: 'valid' });

  await version.selectOption('1.30');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(page.getByTestId('verdict-reason')).toHaveCount(0);
  await expect(page.locator('[data-testid="verdict-reason-elsewhere"][data-code="kid-mismatch"]')).toHaveAttribute('data-versions', '1.31-latest');
  expect(await facts()).toEqual(atLatest);

  // The choice is kept like the rest of the policy while the user visits another view.
  await page.evaluate(() => (window.location.hash = '#learn'));
  await page.evaluate(() => (window.location.hash = ''));
  await page.getByText('Validation policy').click();
  await expect(page.getByTestId('policy-version')).toHaveValue('1.30');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-accepted', 'true');

  // The user extras follow the version too (D12): no credential-id before ServiceAccountTokenJTI.
  const credentialId = page.locator('[data-testid="identity-extra"][data-key="authentication.kubernetes.io/credential-id"]');
  await expect(credentialId).toHaveCount(1);
  await page.getByTestId('policy-version').selectOption('1.28');
  await expect(credentialId).toHaveCount(0);
  await expect(page.locator('[data-testid="identity-extra"][data-key="authentication.kubernetes.io/pod-name"]')).toHaveCount(1);
});
