import { describe, expect, it } from 'vitest';
import { indexPodSecrets } from './podSecretReferences';

describe('indexPodSecrets', () => {
  const pod = {
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      imagePullSecrets: [{ name: 'registry' }],
      volumes: [
        { name: 'a', secret: { secretName: 'mounted' } },
        { name: 'b', projected: { sources: [{ secret: { name: 'projected' } }, { serviceAccountToken: { path: 'token' } }] } },
        { name: 'c', csi: { driver: 'x', nodePublishSecretRef: { name: 'csi' } } },
      ],
      containers: [{ name: 'app', env: [{ name: 'T', valueFrom: { secretKeyRef: { name: 'env', key: 'token' } } }], envFrom: [{ secretRef: { name: 'envfrom' } }] }],
      initContainers: [{ name: 'init', envFrom: [{ secretRef: { name: 'init' } }] }],
    },
  };
  const index = indexPodSecrets([pod, { kind: 'Pod', metadata: { name: 'job', namespace: 'shop' }, spec: { volumes: [{ secret: { secretName: 'mounted' } }] } }]);

  it('finds every way a pod uses a Secret, as the cleaner does', () => {
    for (const name of ['registry', 'projected', 'csi', 'env', 'envfrom', 'init']) expect(index.podsUsing('shop', name)).toEqual(['web']);
    expect(index.podsUsing('shop', 'mounted')).toEqual(['web', 'job']);
  });

  it('only within the namespace', () => {
    expect(index.podsUsing('other', 'mounted')).toEqual([]);
    expect(index.podsUsing('shop', 'unused')).toEqual([]);
    expect(index.pods).toBe(2);
  });
});
