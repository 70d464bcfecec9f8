// Vectors written from kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/rbac_test.go
// (TestRuleMatches, TestAuthorizer's subresource cases) and pkg/apis/rbac/v1/evaluation_helpers.go.
import { describe, expect, it } from 'vitest';
import type { PolicyRule } from './rbacTypes';
import { ruleAllows, urlEntryMatches, type AccessRequest } from './ruleMatch';

const rule = (r: Partial<PolicyRule>): PolicyRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });
const res = (verb: string, apiGroup: string, resource: string, subresource = '', name = ''): AccessRequest => ({
  type: 'resource',
  verb,
  apiGroup,
  resource,
  subresource,
  name,
  namespace: 'ns1',
});
const url = (verb: string, path: string): AccessRequest => ({ type: 'non-resource', verb, path });

describe('ruleAllows: resource rules', () => {
  it('a "*" verb matches any verb, and nothing else is widened', () => {
    const r = rule({ verbs: ['*'], apiGroups: ['group1'], resources: ['resource1'] });
    expect(ruleAllows(r, res('verb1', 'group1', 'resource1'))).toBe(true);
    expect(ruleAllows(r, res('verb2', 'group1', 'resource1'))).toBe(true);
    expect(ruleAllows(r, res('verb1', 'group2', 'resource1'))).toBe(false);
    expect(ruleAllows(r, res('verb1', 'group1', 'resource2'))).toBe(false);
  });

  it('a "*" group matches any group, including the core group ""', () => {
    const r = rule({ verbs: ['verb1'], apiGroups: ['*'], resources: ['resource1'] });
    expect(ruleAllows(r, res('verb1', 'group1', 'resource1'))).toBe(true);
    expect(ruleAllows(r, res('verb1', '', 'resource1'))).toBe(true);
    expect(ruleAllows(r, res('verb2', 'group1', 'resource1'))).toBe(false);
  });

  it('a "*" resource matches any resource and any subresource', () => {
    const r = rule({ verbs: ['verb1'], apiGroups: ['group1'], resources: ['*'] });
    expect(ruleAllows(r, res('verb1', 'group1', 'resource2'))).toBe(true);
    expect(ruleAllows(r, res('verb1', 'group1', 'pods', 'log'))).toBe(true);
    expect(ruleAllows(r, res('verb1', 'group2', 'resource2'))).toBe(false);
  });

  it('lists multiply out: every verb with every group and resource', () => {
    const r = rule({ verbs: ['verb1', 'verb2'], apiGroups: ['group1', 'group2'], resources: ['resource1', 'resource2'] });
    for (const v of ['verb1', 'verb2']) for (const g of ['group1', 'group2']) for (const x of ['resource1', 'resource2']) expect(ruleAllows(r, res(v, g, x))).toBe(true);
  });

  it('comparisons are exact: case matters for verbs and resources', () => {
    const r = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] });
    expect(ruleAllows(r, res('GET', '', 'pods'))).toBe(false);
    expect(ruleAllows(r, res('get', '', 'Pods'))).toBe(false);
  });

  it('a resource does not cover its subresources, and a subresource does not cover its resource', () => {
    const parent = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['pods'] });
    expect(ruleAllows(parent, res('get', '', 'pods'))).toBe(true);
    expect(ruleAllows(parent, res('get', '', 'pods', 'status'))).toBe(false);
    const child = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['pods/status'] });
    expect(ruleAllows(child, res('get', '', 'pods', 'status'))).toBe(true);
    expect(ruleAllows(child, res('get', '', 'pods'))).toBe(false);
    expect(ruleAllows(child, res('get', '', 'pods', 'log'))).toBe(false);
  });

  it('"*/scale" matches that subresource of every resource, and only it', () => {
    const r = rule({ verbs: ['get', 'update'], apiGroups: ['*'], resources: ['*/scale'] });
    expect(ruleAllows(r, res('update', 'apps', 'deployments', 'scale'))).toBe(true);
    expect(ruleAllows(r, res('get', '', 'replicationcontrollers', 'scale'))).toBe(true);
    expect(ruleAllows(r, res('get', 'apps', 'deployments'))).toBe(false);
    expect(ruleAllows(r, res('get', 'apps', 'deployments', 'status'))).toBe(false);
    // The check is on length and suffix: "*/scale" is not a match for a subresource "xscale".
    expect(ruleAllows(r, res('get', 'apps', 'deployments', 'xscale'))).toBe(false);
  });

  it('"pods/*" is not a wildcard: it matches only a subresource literally named "*"', () => {
    const r = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/*'] });
    expect(ruleAllows(r, res('get', '', 'pods', 'log'))).toBe(false);
    expect(ruleAllows(r, res('get', '', 'pods', 'exec'))).toBe(false);
    expect(ruleAllows(r, res('get', '', 'pods'))).toBe(false);
    expect(ruleAllows(r, res('get', '', 'pods', '*'))).toBe(true);
  });

  it('resourceNames limit a rule to named objects and never match a request without a name', () => {
    const r = rule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['web-config'] });
    expect(ruleAllows(r, res('get', '', 'configmaps', '', 'web-config'))).toBe(true);
    expect(ruleAllows(r, res('get', '', 'configmaps', '', 'other'))).toBe(false);
    expect(ruleAllows(r, res('list', '', 'configmaps'))).toBe(false);
    // A rule without resourceNames matches named and unnamed requests alike.
    expect(ruleAllows(rule({ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }), res('get', '', 'configmaps', '', 'x'))).toBe(true);
  });

  it('a rule with only non-resource URLs allows no resource request, and the reverse', () => {
    const urls = rule({ verbs: ['*'], nonResourceURLs: ['*'] });
    expect(ruleAllows(urls, res('get', '', 'pods'))).toBe(false);
    const resources = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    expect(ruleAllows(resources, url('get', '/healthz'))).toBe(false);
  });

  it('a rule without apiGroups matches no resource request', () => {
    expect(ruleAllows(rule({ verbs: ['get'], resources: ['pods'] }), res('get', '', 'pods'))).toBe(false);
  });
});

describe('ruleAllows: non-resource URLs', () => {
  it('"*" matches every path', () => {
    const r = rule({ verbs: ['verb1'], nonResourceURLs: ['*'] });
    for (const p of ['/foo', '/foo/bar', '/foo/baz/one']) expect(ruleAllows(r, url('verb1', p))).toBe(true);
    expect(ruleAllows(r, url('verb2', '/foo'))).toBe(false);
  });

  it('a trailing "*" matches by prefix, and the prefix keeps its slash', () => {
    const r = rule({ verbs: ['verb1'], nonResourceURLs: ['/foo/*'] });
    expect(ruleAllows(r, url('verb1', '/foo'))).toBe(false);
    expect(ruleAllows(r, url('verb1', '/foo/bar'))).toBe(true);
    expect(ruleAllows(r, url('verb1', '/foo/bar/one'))).toBe(true);
    expect(ruleAllows(r, url('verb1', '/notfoo/bar'))).toBe(false);
  });

  it('exact entries match only themselves', () => {
    const r = rule({ verbs: ['*'], nonResourceURLs: ['/foo', '/foo/bar/one'] });
    expect(ruleAllows(r, url('verb2', '/foo'))).toBe(true);
    expect(ruleAllows(r, url('verb2', '/foo/bar/one'))).toBe(true);
    expect(ruleAllows(r, url('verb2', '/foo/bar'))).toBe(false);
    expect(ruleAllows(r, url('verb2', '/foo/'))).toBe(false);
  });

  it('every trailing "*" is removed before the prefix test, and a "*" inside is literal', () => {
    expect(urlEntryMatches('/apis**', '/apis/apps')).toBe(true);
    expect(urlEntryMatches('/api*', '/apis')).toBe(true);
    expect(urlEntryMatches('/a*/b', '/ax/b')).toBe(false);
    expect(urlEntryMatches('/a*/b', '/a*/b')).toBe(true);
  });
});
