import { describe, expect, it } from 'vitest';
import { classifyIssuer } from './issuerReach';

describe('issuer discoverability', () => {
  it('public https issuers of managed clusters', () => {
    for (const iss of [
      'https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
      'https://container.googleapis.com/v1/projects/p/locations/europe-west1/clusters/c',
      'https://eastus.oic.prod-aks.azure.com/tenant/guid/',
    ]) {
      expect(classifyIssuer(iss).kind).toBe('public');
    }
  });

  it('in-cluster, private and loopback hosts are not discoverable from outside', () => {
    for (const iss of [
      'https://kubernetes.default.svc',
      'https://kubernetes.default.svc.cluster.local',
      'https://api.internal',
      'https://10.0.0.1:6443',
      'https://192.168.1.10',
      'https://localhost:6443',
      'https://[::1]:6443',
      'https://apiserver',
    ]) {
      expect(classifyIssuer(iss).kind, iss).toBe('not-public');
    }
  });

  it('non-https and missing issuers', () => {
    expect(classifyIssuer('kubernetes/serviceaccount').kind).toBe('not-https');
    expect(classifyIssuer('http://oidc.example.com').kind).toBe('not-https');
    expect(classifyIssuer(null).kind).toBe('missing');
  });
});
