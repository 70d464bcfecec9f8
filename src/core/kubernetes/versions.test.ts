import { describe, expect, it } from 'vitest';
import { behaviourOf, defaultGates, formatVersionRanges, gatesFor, isKubernetesVersion, minorOf, MINORS, ruleApplies, VERSION_CHOICES, versionPhrase } from './versions';

describe('versions', () => {
  it('offers latest, then 1.36 down to 1.20; latest is 1.36', () => {
    expect(VERSION_CHOICES[0]).toBe('latest');
    expect(VERSION_CHOICES[1]).toBe('1.36');
    expect(VERSION_CHOICES.at(-1)).toBe('1.20');
    expect(VERSION_CHOICES).toHaveLength(18);
    expect(minorOf('latest')).toBe(36);
    expect(minorOf('1.24')).toBe(24);
    expect(isKubernetesVersion('1.37')).toBe(false);
    expect(isKubernetesVersion('1.19')).toBe(false);
    expect(isKubernetesVersion('1.31')).toBe(true);
  });
});

// Stages: kubernetes/kubernetes pkg/features/kube_features.go (versioned specs).
describe('feature gates by version', () => {
  it('ships the 1.29 alphas off and turns them on as beta in 1.30', () => {
    expect(defaultGates(29)).toEqual({ ServiceAccountTokenJTI: false, ServiceAccountTokenPodNodeInfo: false, ServiceAccountTokenNodeBindingValidation: false, ExternalServiceAccountTokenSigner: false });
    expect(defaultGates(30)).toMatchObject({ ServiceAccountTokenJTI: true, ServiceAccountTokenPodNodeInfo: true, ServiceAccountTokenNodeBindingValidation: true });
    expect(defaultGates(33).ExternalServiceAccountTokenSigner).toBe(false);
    expect(defaultGates(34).ExternalServiceAccountTokenSigner).toBe(true);
  });

  it('lets a gate be turned on only where it exists', () => {
    expect(gatesFor(29, { ServiceAccountTokenNodeBindingValidation: true }).ServiceAccountTokenNodeBindingValidation).toBe(true);
    expect(gatesFor(28, { ServiceAccountTokenNodeBindingValidation: true }).ServiceAccountTokenNodeBindingValidation).toBe(false);
    expect(gatesFor(36, { ServiceAccountTokenJTI: false }).ServiceAccountTokenJTI).toBe(false);
  });
});

describe('the version-dependent rules', () => {
  const from = (rule: Parameters<typeof ruleApplies>[0]) => MINORS.filter((m) => ruleApplies(rule, m));
  it('D1: kid selection from 1.31 (k/k pkg/serviceaccount/jwt.go @ 9d38f210)', () => expect(from('kidSelection')[0]).toBe(31));
  it('D2/D3: go-jose v2.2.2 up to 1.26 refuses a missing exp and ignores iat', () => {
    expect(from('missingExpRefused')).toEqual([20, 21, 22, 23, 24, 25, 26]);
    expect(from('iatChecked')[0]).toBe(27);
  });
  it('D13/D12/D7: node bindings read from 1.29; only pod extras up to 1.28; the extension audience rule from 1.24', () => {
    expect(from('nodeBindingRead')[0]).toBe(29);
    expect(from('podOnlyExtras').at(-1)).toBe(28);
    expect(from('extensionAudienceRule')[0]).toBe(24);
  });

  it('an external signer turns the derived-kid selection off, but only where its gate is on', () => {
    expect(behaviourOf(36, { externalSigner: true }).selectsKeyByKid).toBe(false);
    expect(behaviourOf(32, { externalSigner: true }).selectsKeyByKid).toBe(true);
    expect(behaviourOf(32, { externalSigner: true, gates: { ExternalServiceAccountTokenSigner: true } }).selectsKeyByKid).toBe(false);
  });

  it('D12: which user extras a version can set', () => {
    expect(behaviourOf(28)).toMatchObject({ nodeExtrasForPods: false, credentialIdExtra: false });
    expect(behaviourOf(29)).toMatchObject({ nodeExtrasForPods: false, credentialIdExtra: false });
    expect(behaviourOf(29, { gates: { ServiceAccountTokenJTI: true } }).credentialIdExtra).toBe(true);
    expect(behaviourOf(30)).toMatchObject({ nodeExtrasForPods: true, nodeExtrasForNodes: true, credentialIdExtra: true });
  });
});

describe('version ranges', () => {
  it('formats runs of minors, the newest as latest', () => {
    expect(formatVersionRanges(MINORS)).toBe('1.20-latest');
    expect(formatVersionRanges([31, 32, 33, 34, 35, 36])).toBe('1.31-latest');
    expect(formatVersionRanges([20, 21, 22, 23, 24, 25, 26])).toBe('1.20-1.26');
    expect(formatVersionRanges([29])).toBe('1.29');
    expect(formatVersionRanges([36])).toBe('latest');
    expect(formatVersionRanges([20, 21, 29, 30])).toBe('1.20-1.21,1.29-1.30');
  });

  it('says "from" for a run to latest, "on" otherwise, nothing when every version agrees', () => {
    expect(versionPhrase(MINORS)).toBeNull();
    expect(versionPhrase([31, 32, 33, 34, 35, 36])).toBe('from 1.31');
    expect(versionPhrase([20, 21, 22, 23, 24, 25, 26])).toBe('on 1.20–1.26');
    expect(versionPhrase([29])).toBe('on 1.29');
  });
});
