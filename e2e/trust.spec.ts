import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { FIXTURE_IAT, fixture, makeToken, pinClock } from './support/tokens';

// The Trust view (#trust): the decoder's token against a relying party's configuration.
test.setTimeout(90_000);

test.beforeEach(async ({ page }) => {
  await pinClock(page, FIXTURE_IAT + 600);
});

const EKS_ISSUER = 'https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const PROVIDER = EKS_ISSUER.slice('https://'.length);
const AKS_ISSUER = 'https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/';
const GCP_NAME = 'projects/123456789012/locations/global/workloadIdentityPools/k8s-pool/providers/prod-cluster';

/** A projected token of service account prod/s3-reader from `iss`, for `aud` (the signature is a placeholder: relying parties check it). */
function boundToken(iss: string, aud: string[], sub = 'system:serviceaccount:prod:s3-reader'): string {
  return makeToken(
    { alg: 'RS256', kid: 'test-key' },
    {
      aud,
      exp: FIXTURE_IAT + 3600,
      iat: FIXTURE_IAT,
      nbf: FIXTURE_IAT,
      iss,
      'kubernetes.io': { namespace: 'prod', pod: { name: 'my-app-7d4b9c', uid: '5b5e7c1c-0f5e-4d1b-9a4e-6f0c1d2e3f40' }, serviceaccount: { name: 's3-reader', uid: '0e9f5d1a-3c2b-4a19-8e7f-6d5c4b3a2910' } },
      sub,
    },
  );
}

const awsPolicy = (sub: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${PROVIDER}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { [`${PROVIDER}:sub`]: sub }, StringEquals: { [`${PROVIDER}:aud`]: 'sts.amazonaws.com' } },
      },
    ],
  });

const gcpProvider = (attributeCondition: string) =>
  JSON.stringify({
    name: GCP_NAME,
    state: 'ACTIVE',
    attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.namespace': "assertion['kubernetes.io']['namespace']" },
    attributeCondition,
    oidc: { issuerUri: EKS_ISSUER, allowedAudiences: [] },
  });

async function openTrust(page: Page, token: string): Promise<void> {
  await page.goto('./#trust');
  await page.getByTestId('token-input').fill(token);
}

const verdict = (page: Page) => page.getByTestId('trust-verdict');
const reason = (page: Page, code: string) => page.locator(`[data-testid="trust-reason"][data-code="${code}"]`);

test('AWS: a trust policy that matches allows; a sub pattern for another account refuses and says why', async ({ page }) => {
  await openTrust(page, boundToken(EKS_ISSUER, ['sts.amazonaws.com']));
  await page.getByTestId('trust-input').fill(awsPolicy('system:serviceaccount:prod:*'));
  await expect(page.getByTestId('trust-kind')).toHaveAttribute('data-kind', 'aws-trust-policy');
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'true');
  await expect(reason(page, 'aws-statement-allows')).toContainText('Statement 1 allows it');

  await page.getByTestId('trust-input').fill(awsPolicy('system:serviceaccount:payments:*'));
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'false');
  await expect(reason(page, 'aws-statement-condition')).toContainText('system:serviceaccount:payments:*');
  await expect(reason(page, 'aws-implicit-deny')).toBeVisible();
  // The fix: a statement that matches this token's sub exactly.
  await expect(page.getByText(`"${PROVIDER}:sub": "system:serviceaccount:prod:s3-reader"`)).toBeVisible();
  await expect(page.getByTestId('trust-input')).toHaveCount(1);
});

test('Google: the attribute condition decides, with the failing sub-expression and the mapped attributes', async ({ page }) => {
  await openTrust(page, boundToken(EKS_ISSUER, [`https://iam.googleapis.com/${GCP_NAME}`]));
  await page.getByTestId('trust-input').fill(gcpProvider("attribute.namespace == 'prod'"));
  await expect(page.getByTestId('trust-kind')).toHaveAttribute('data-kind', 'gcp-wif-provider');
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'true');
  await expect(reason(page, 'expression-true')).toBeVisible();
  await expect(page.getByTestId('trust-attributes')).toContainText('attribute.namespace');
  await expect(page.getByTestId('trust-attributes')).toContainText('system:serviceaccount:prod:s3-reader');

  await page.getByTestId('trust-input').fill(gcpProvider("assertion.sub.startsWith('system:serviceaccount:') && attribute.namespace == 'payments'"));
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'false');
  await expect(reason(page, 'expression-false')).toContainText("attribute.namespace == 'payments' → false");
});

test('an expression that cannot be parsed gives unknown with cannot-evaluate', async ({ page }) => {
  await openTrust(page, boundToken(EKS_ISSUER, [`https://iam.googleapis.com/${GCP_NAME}`]));
  await page.getByTestId('trust-input').fill(gcpProvider("assertion.sub == 'x' &&"));
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'unknown');
  await expect(reason(page, 'cannot-evaluate')).toContainText('attributeCondition');
});

test('Azure: a subject that differs only in case refuses (Entra compares exactly)', async ({ page }) => {
  await openTrust(page, boundToken(AKS_ISSUER, ['api://AzureADTokenExchange'], 'system:serviceaccount:prod:workload-sa'));
  const credential = (subject: string) => JSON.stringify({ audiences: ['api://AzureADTokenExchange'], issuer: AKS_ISSUER, name: 'prod-workload', subject });
  await page.getByTestId('trust-input').fill(credential('system:serviceaccount:prod:workload-sa'));
  await expect(page.getByTestId('trust-kind')).toHaveAttribute('data-kind', 'azure-federated-credential');
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'true');
  await page.getByTestId('trust-input').fill(credential('system:serviceaccount:prod:Workload-SA'));
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'false');
  await expect(reason(page, 'subject-mismatch')).toContainText('case-sensitive');
});

test('samples load with a click; the YAML one is read in the worker; the blog token is refused by the clouds', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('./');
  await page.getByTestId('token-input').fill(fixture('seed/v1.24-projected.jwt'));
  await page.getByTestId('nav-trust').click();
  await page.getByRole('button', { name: 'AWS trust policy' }).click();
  await expect(page.getByTestId('trust-kind')).toHaveAttribute('data-kind', 'aws-trust-policy');
  await expect(verdict(page)).toHaveAttribute('data-accepted', 'false');
  await expect(reason(page, 'issuer-not-public')).toBeVisible();
  await page.getByRole('button', { name: 'Kubernetes AuthenticationConfiguration' }).click();
  await expect(page.getByTestId('trust-kind')).toHaveAttribute('data-kind', 'k8s-authentication-config');
  await expect(page.getByTestId('trust-attributes')).toContainText('seed:system:serviceaccount:default:default');
  // Nothing but the app's own files: no issuer is contacted.
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a verdict with reasons, attributes and a fix has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openTrust(page, boundToken(EKS_ISSUER, ['sts.amazonaws.com']));
    await page.getByTestId('trust-input').fill(gcpProvider("attribute.namespace == 'payments'"));
    await expect(reason(page, 'expression-false')).toBeVisible();
    await expect(page.getByTestId('trust-attributes')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
