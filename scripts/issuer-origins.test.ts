import { describe, expect, it } from 'vitest';
import { readIssuerOrigins } from './issuer-origins.ts';
import { pagePolicy } from './vite-csp-plugin.ts';

const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src'));

describe('SA_INSPECTOR_ISSUERS', () => {
  it('unset or blank keeps any https origin, for the opt-in fetch to an issuer the user names', () => {
    for (const value of [undefined, '', '  ']) {
      const read = readIssuerOrigins(value);
      expect(read).toEqual({ ok: true, origins: null });
      expect(connectSrc(pagePolicy('', { singleFile: false, connectOrigins: read.ok ? read.origins : null }))).toBe("connect-src 'self' https:");
    }
  });

  it('narrows connect-src to the listed origins, normalised and without duplicates', () => {
    const read = readIssuerOrigins(' https://OIDC.Example.com/ , https://keys.example.com:8443,https://*.eks.example.com,https://oidc.example.com');
    expect(read).toEqual({ ok: true, origins: ['https://oidc.example.com', 'https://keys.example.com:8443', 'https://*.eks.example.com'] });
    const policy = pagePolicy('', { singleFile: false, connectOrigins: read.ok ? read.origins : null });
    expect(connectSrc(policy)).toBe("connect-src 'self' https://oidc.example.com https://keys.example.com:8443 https://*.eks.example.com");
    expect(policy).not.toContain('https:;');
  });

  it.each([
    ['http://oidc.example.com', 'is not an https origin'],
    ['oidc.example.com', 'is not an https origin'],
    ['https:', 'is not an https origin'],
    ['https://', 'is not a URL'],
    ['https://oidc.example.com/keys', 'has a path, query or fragment'],
    ['https://oidc.example.com?x=1', 'has a path, query or fragment'],
    ['https://oidc.example.com#', 'has a path, query or fragment'],
    ['https://user:pw@oidc.example.com', 'carries credentials'],
    ["https://a.example;script-src 'unsafe-inline'", 'is not a URL'],
    ['https://a.example https://b.example', 'is not a URL'],
    ['https://[::1]', 'plain DNS name'],
    ['https://ex*ample.com', 'plain DNS name'],
    [',', 'lists no origin'],
  ])('refuses %j with a clear message', (value, why) => {
    const read = readIssuerOrigins(value);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toContain('SA_INSPECTOR_ISSUERS');
    expect(read.message).toContain(why);
    expect(read.message).toContain('https://oidc.example.com');
  });

  it('fails the build: vite.config refuses to produce a config', async () => {
    const { default: config } = await import('../vite.config.ts');
    const previous = process.env.SA_INSPECTOR_ISSUERS;
    process.env.SA_INSPECTOR_ISSUERS = 'http://oidc.example.com';
    try {
      expect(() => (config as (env: { mode: string; command: string }) => unknown)({ mode: 'production', command: 'build' })).toThrow(/SA_INSPECTOR_ISSUERS "http:\/\/oidc\.example\.com" is not an https origin/);
    } finally {
      if (previous === undefined) delete process.env.SA_INSPECTOR_ISSUERS;
      else process.env.SA_INSPECTOR_ISSUERS = previous;
    }
  });
});
