import { describe, expect, it } from 'vitest';
import { awsTrustStatementFix, kubectlCreateTokenFix } from './fixes';
import { readJsonPointer } from './jsonPointer';

describe('copyable fixes', () => {
  it('kubectl create token ends options with -- and quotes the audience when needed', () => {
    expect(kubectlCreateTokenFix({ namespace: 'prod', serviceAccount: 'app' }, 'sts.amazonaws.com')!.text).toBe('kubectl create token --audience sts.amazonaws.com -n prod -- app');
    expect(kubectlCreateTokenFix({ namespace: 'prod', serviceAccount: 'app' }, "x'; rm -rf ~")!.text).toBe(`kubectl create token --audience 'x'\\''; rm -rf ~' -n prod -- app`);
  });

  it('offers no command for names Kubernetes would not accept', () => {
    expect(kubectlCreateTokenFix({ namespace: 'Prod', serviceAccount: 'app' }, 'a')).toBeNull();
    expect(kubectlCreateTokenFix({ namespace: 'prod', serviceAccount: '--help' }, 'a')).toBeNull();
    expect(kubectlCreateTokenFix(null, 'a')).toBeNull();
  });

  it('the AWS statement is valid JSON with the token’s sub and audience', () => {
    const fix = awsTrustStatementFix('oidc.example.com/c', '111122223333', 'system:serviceaccount:a:"b"', 'sts.amazonaws.com');
    const statement = JSON.parse(fix.text);
    expect(statement.Condition.StringEquals['oidc.example.com/c:sub']).toBe('system:serviceaccount:a:"b"');
    expect(statement.Principal.Federated).toBe('arn:aws:iam::111122223333:oidc-provider/oidc.example.com/c');
  });
});

describe('JSON pointers (Vault claims)', () => {
  it('reads nested members, array indexes and escaped names', () => {
    const claims = { 'kubernetes.io': { namespace: 'prod' }, a: [{ b: 1 }], 'x/y': { '~z': 2 } };
    expect(readJsonPointer(claims, '/kubernetes.io/namespace')).toBe('prod');
    expect(readJsonPointer(claims, '/a/0/b')).toBe(1);
    expect(readJsonPointer(claims, '/x~1y/~0z')).toBe(2);
    expect(readJsonPointer(claims, '/a/01')).toBeUndefined();
    expect(readJsonPointer(claims, '/constructor')).toBeUndefined();
  });
});
