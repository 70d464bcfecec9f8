import { describe, expect, it } from 'vitest';
import { splitList } from './verifySettings';

// The issuer and audience fields take values as kube-apiserver's flags are written: one per line,
// or comma-separated as in --api-audiences=a,b (and a repeated --service-account-issuer, one per line).
describe('splitList', () => {
  it('reads one value per line or comma-separated, in order', () => {
    expect(splitList('https://kubernetes.default.svc.cluster.local')).toEqual(['https://kubernetes.default.svc.cluster.local']);
    expect(splitList('https://a.example\nhttps://b.example')).toEqual(['https://a.example', 'https://b.example']);
    expect(splitList('api,vault, https://c.example')).toEqual(['api', 'vault', 'https://c.example']);
    expect(splitList('a,\r\nb\t,c')).toEqual(['a', 'b', 'c']);
  });

  it('drops empty entries: blank lines, doubled or trailing commas, surrounding space', () => {
    expect(splitList('  a  \n\n,, b ,\n')).toEqual(['a', 'b']);
    expect(splitList('')).toEqual([]);
    expect(splitList(' \n , ')).toEqual([]);
  });

  it('keeps a value whole: no value can contain a space or a comma', () => {
    // A URL with a path, a port and a query stays one issuer.
    expect(splitList('https://oidc.eks.eu-west-1.amazonaws.com:443/id/ABC?x=1')).toEqual(['https://oidc.eks.eu-west-1.amazonaws.com:443/id/ABC?x=1']);
    expect(splitList('two words')).toEqual(['two', 'words']);
  });
});
