import { describe, expect, it } from 'vitest';
import { kubectlCanICommand, parseAccessQuestion, type AccessQuestionInput } from './accessQuestion';
import { parseSubject } from './accessSubject';

const parsed = (q: AccessQuestionInput) => {
  const r = parseAccessQuestion(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const code = (q: AccessQuestionInput) => {
  const r = parseAccessQuestion(q);
  return r.ok ? null : r.error.code;
};

describe('parseAccessQuestion', () => {
  it('reads resource[.group][/subresource], lower-cased as kubectl does', () => {
    expect(parsed({ verb: 'get', resource: 'Pods/Log', namespace: 'shop', name: 'web-0' }).request).toEqual({
      type: 'resource',
      verb: 'get',
      apiGroup: '',
      resource: 'pods',
      subresource: 'log',
      name: 'web-0',
      namespace: 'shop',
    });
    expect(parsed({ verb: 'list', resource: 'deployments.apps' }).request).toMatchObject({ resource: 'deployments', apiGroup: 'apps', namespace: '' });
    expect(parsed({ verb: 'get', resource: 'widgets.example.com' }).request).toMatchObject({ resource: 'widgets', apiGroup: 'example.com' });
    expect(parsed({ verb: 'get', resource: 'deployments.v1.apps' }).request).toMatchObject({ resource: 'deployments', apiGroup: 'apps' });
  });

  it('resolves short names and group-less built-in names to kubectl’s resource, and says so', () => {
    const deploy = parsed({ verb: 'create', resource: 'deploy', namespace: 'shop' });
    expect(deploy.request).toMatchObject({ resource: 'deployments', apiGroup: 'apps' });
    expect(deploy.notes[0]).toContain('"deployments.apps"');
    expect(parsed({ verb: 'get', resource: 'po' }).request).toMatchObject({ resource: 'pods', apiGroup: '' });
    expect(parsed({ verb: 'update', resource: 'deploy/scale' }).request).toMatchObject({ resource: 'deployments', apiGroup: 'apps', subresource: 'scale' });
    // "*" stays in the core group, as kubectl auth can-i '*' '*' asks.
    expect(parsed({ verb: '*', resource: '*' }).request).toMatchObject({ resource: '*', apiGroup: '' });
    expect(parsed({ verb: '*', resource: '*.*' }).request).toMatchObject({ resource: '*', apiGroup: '*' });
  });

  it('takes a URL from either field; a URL has no name', () => {
    expect(parsed({ verb: 'get', resource: '/healthz' }).request).toEqual({ type: 'non-resource', verb: 'get', path: '/healthz' });
    expect(parsed({ verb: 'get', url: '/version/' }).text).toBe('get /version/');
    expect(code({ verb: 'get', url: '/x', name: 'a' })).toBe('url-with-name');
    expect(code({ verb: 'get', url: '/x', resource: 'pods' })).toBe('resource-and-url');
  });

  it('notes a cluster-scoped resource asked about in a namespace, and an unknown verb', () => {
    expect(parsed({ verb: 'get', resource: 'nodes', namespace: 'shop' }).notes[0]).toContain('cluster-scoped');
    expect(parsed({ verb: 'frobnicate', resource: 'pods' }).notes[0]).toContain('not a verb kubectl knows');
  });

  it('refuses what cannot be a question', () => {
    expect(code({ verb: '', resource: 'pods' })).toBe('no-verb');
    expect(code({ verb: 'get' })).toBe('no-resource');
    expect(code({ verb: 'get', resource: 'pods/log/x' })).toBe('bad-resource');
    expect(code({ verb: 'get', resource: 'pods/' })).toBe('bad-resource');
    expect(code({ verb: 'get', resource: 'pods', namespace: 'Bad_NS' })).toBe('bad-namespace');
    expect(code({ verb: 'get all', resource: 'pods' })).toBe('bad-verb');
    expect(code({ verb: 'get', resource: 'pods', name: 'a\u0000b' })).toBe('bad-name');
  });
});

describe('kubectlCanICommand', () => {
  it('gives the kubectl question with --subresource and the name after TYPE/, options before --', () => {
    const q = parsed({ verb: 'get', resource: 'pods/log', name: 'web-0', namespace: 'shop' });
    const sa = parseSubject('default/sa-token-demo');
    expect(kubectlCanICommand(q.request, sa.ok ? sa.value : null)).toBe(
      'kubectl auth can-i --as=system:serviceaccount:default:sa-token-demo --as-group=system:serviceaccounts --as-group=system:serviceaccounts:default --namespace=shop --subresource=log -- get pods/web-0',
    );
    expect(kubectlCanICommand(parsed({ verb: 'list', resource: 'deployments.apps' }).request, null)).toBe('kubectl auth can-i --all-namespaces -- list deployments.apps');
    expect(kubectlCanICommand(parsed({ verb: 'get', url: '/healthz' }).request, null)).toBe('kubectl auth can-i -- get /healthz');
  });

  it('quotes what a shell would read, and cannot impersonate a bare group member', () => {
    const q = parsed({ verb: 'get', resource: 'pods', name: "x';rm", namespace: 'shop' });
    expect(kubectlCanICommand(q.request, null)).toBe("kubectl auth can-i --namespace=shop -- get 'pods/x'\\'';rm'");
    const group = parseSubject('group:devs');
    expect(kubectlCanICommand(q.request, group.ok ? group.value : null)).toBeNull();
  });
});
