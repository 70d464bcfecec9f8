import { describe, expect, it } from 'vitest';
import { indexServiceAccounts, secretOrigin } from './secretOrigin';

const sa = (namespace: string, name: string, secrets: string[], uid = `${name}-uid`) => ({ kind: 'ServiceAccount', metadata: { namespace, name, uid }, secrets: secrets.map((s) => ({ name: s })) });
const index = indexServiceAccounts([sa('default', 'builder', ['builder-token-x7k2q']), sa('ci', 'deployer', [])]);
const ref = (name: string, serviceAccount: string | null, namespace = 'default', serviceAccountUid: string | null = null) => ({ namespace, name, serviceAccount, serviceAccountUid });

describe('secretOrigin (auto-generated means listed in the ServiceAccount’s .secrets[])', () => {
  it('auto when its ServiceAccount lists it', () => {
    expect(secretOrigin(ref('builder-token-x7k2q', 'builder'), index)).toEqual({ origin: 'auto', reason: 'listed' });
    expect(secretOrigin(ref('builder-token-x7k2q', 'builder', 'default', 'builder-uid'), index)).toEqual({ origin: 'auto', reason: 'listed' });
  });

  it('manual when the ServiceAccount does not list it, or has another uid', () => {
    expect(secretOrigin(ref('deployer-long-lived', 'deployer', 'ci'), index)).toEqual({ origin: 'manual', reason: 'not-listed' });
    expect(secretOrigin(ref('builder-token-x7k2q', 'builder', 'default', 'old-uid'), index)).toEqual({ origin: 'manual', reason: 'uid-mismatch' });
    expect(secretOrigin(ref('orphan', null), index)).toEqual({ origin: 'manual', reason: 'no-annotation' });
  });

  it('unknown without ServiceAccounts in the paste, or without this one', () => {
    expect(secretOrigin(ref('builder-token-x7k2q', 'builder'), indexServiceAccounts([]))).toEqual({ origin: 'unknown', reason: 'no-service-accounts' });
    expect(secretOrigin(ref('builder-token-x7k2q', 'builder', 'other-ns'), index)).toEqual({ origin: 'unknown', reason: 'service-account-not-in-paste' });
  });
});
