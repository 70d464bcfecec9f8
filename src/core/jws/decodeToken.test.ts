import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manifest, readFixture } from '../../testing/fixtures';
import { runInWorker } from '../../testing/runInWorker';
import { decodeToken } from './decodeToken';

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');
const token = (header: string, payload: string, sig = 'c2ln') => `${b64(header)}.${b64(payload)}.${sig}`;

describe('decodeToken on the fixtures', () => {
  for (const entry of manifest().tokens) {
    it(`${entry.file} decodes to what MANIFEST.json says`, () => {
      const decoded = decodeToken(readFixture(entry.file));
      expect(decoded.errors).toEqual([]);
      expect(decoded.headerObject?.alg).toBe(entry.alg);
      if (entry.kid !== undefined) expect(decoded.headerObject?.kid).toBe(entry.kid);
      if (entry.exp !== undefined) expect(decoded.claims?.exp).toBe(entry.exp);
      if (entry.expires === false) expect(decoded.claims).not.toHaveProperty('exp');
      if (entry.warnafter !== undefined) expect((decoded.claims?.['kubernetes.io'] as Record<string, unknown>).warnafter).toBe(entry.warnafter);
      const ns = entry.identity?.namespace;
      if (typeof ns === 'string') expect(JSON.stringify(decoded.claims)).toContain(ns);
      if (entry.alg === 'none') expect(decoded.signature.bytes?.length).toBe(0);
      else expect(decoded.signature.bytes?.length).toBeGreaterThan(0);
    });
  }

  it('reads the seed projected token’s dates exactly', () => {
    const claims = decodeToken(readFixture('seed/v1.24-projected.jwt')).claims as Record<string, unknown>;
    const iso = (s: unknown) => new Date((s as number) * 1000).toISOString().replace('.000', '');
    expect(iso(claims.exp)).toBe('2023-08-19T11:49:01Z');
    expect(iso(claims.iat)).toBe('2022-08-19T11:49:01Z');
    expect(iso(claims.nbf)).toBe('2022-08-19T11:49:01Z');
    expect(iso((claims['kubernetes.io'] as Record<string, unknown>).warnafter)).toBe('2022-08-19T12:49:08Z');
  });

  it('gives RS256-2048 signatures 256 bytes', () => {
    expect(decodeToken(readFixture('seed/v1.20-legacy.jwt')).signature.bytes?.length).toBe(256);
  });
});

describe('decodeToken errors name the segment and the problem', () => {
  const good = readFixture('tokens/pod-bound.jwt').split('.') as [string, string, string];

  it('an offending base64url character, with its position', () => {
    const bad = `${good[0].slice(0, 4)}$${good[0].slice(5)}.${good[1]}.${good[2]}`;
    const [e] = decodeToken(bad).errors;
    expect(e).toMatchObject({ segment: 'header', code: 'bad-base64url', offset: 4 });
    expect(e?.message).toContain('"$" at position 5');
  });

  it('bad JSON, with the JSON error and its position', () => {
    const [e] = decodeToken(token('{"alg":"RS256"', '{}')).errors;
    expect(e).toMatchObject({ segment: 'header', code: 'bad-json' });
    expect(e?.message).toMatch(/Unexpected end of the text: expected "," or "}" \(position 15/);
  });

  it('invalid UTF-8', () => {
    const bad = `${good[0]}.${b64(new Uint8Array([0x7b, 0x22, 0xc3, 0x28]))}.${good[2]}`;
    const [e] = decodeToken(bad).errors;
    expect(e).toMatchObject({ segment: 'payload', code: 'bad-utf8', offset: 2 });
    expect(e?.message).toContain('not valid UTF-8: byte 3 (0xc3)');
  });

  it('a payload that is not JSON keeps its text, so it can still be verified', () => {
    const d = decodeToken(token('{"alg":"ES512"}', 'Payload'));
    expect(d.errors).toMatchObject([{ segment: 'payload', code: 'not-json' }]);
    expect(d.payload.text).toBe('Payload');
    expect(d.claims).toBeNull();
  });

  it('a payload that is JSON but not an object', () => {
    const d = decodeToken(token('{"alg":"RS256"}', '"just a string"'));
    expect(d.errors).toMatchObject([{ segment: 'payload', code: 'not-an-object' }]);
    expect(d.errors[0]?.message).toContain('payload is JSON but not a JSON object (it is a string)');
  });

  it('the signature segment', () => {
    const [e] = decodeToken(`${good[0]}.${good[1]}.ab cd`).errors;
    expect(e).toMatchObject({ segment: 'signature', offset: 2 });
    expect(e?.message).toContain('a space at position 3');
  });

  it('an impossible base64url length', () => {
    const [e] = decodeToken(`${good[0]}.${good[1]}.abcde`).errors;
    expect(e).toMatchObject({ segment: 'signature', code: 'bad-base64url-length' });
  });

  it.each([
    [1, 'eyJhbGciOiJub25lIn0'],
    [2, 'eyJhbGciOiJub25lIn0.e30'],
    [4, 'a.b.c.d'],
  ])('the wrong number of parts (%i)', (n, text) => {
    const d = decodeToken(text);
    expect(d.errors[0]).toMatchObject({ segment: 'token', code: 'wrong-part-count' });
    expect(d.errors[0]?.message).toContain(`this has ${n}`);
  });

  it('tolerates padding and the standard alphabet, with warnings', () => {
    const std = (s: string) => Buffer.from(s, 'base64url').toString('base64');
    const d = decodeToken(`${good[0]}.${std(good[1])}.${std(good[2])}`);
    expect(d.errors).toEqual([]);
    expect(d.warnings.join(' ')).toMatch(/padding/);
    expect(d.warnings.join(' ')).toMatch(/standard base64/);
    expect(d.claims).toEqual(decodeToken(good.join('.')).claims);
  });

  it('warns when the last character sets unused bits: the same bytes, spelled another way', () => {
    const issued = readFixture('tokens/pod-bound.jwt').trim();
    const [h, p, s] = issued.split('.') as [string, string, string];
    // 256 signature bytes take 342 characters: the last one carries 4 unused bits.
    expect(s.length % 4).toBe(2);
    const last = s[s.length - 1] as string;
    const respelled = `${h}.${p}.${s.slice(0, -1)}${last === 'A' ? 'B' : String.fromCharCode(last.charCodeAt(0) + 1)}`;
    const d = decodeToken(respelled);
    expect(d.errors).toEqual([]);
    expect(Buffer.from(d.signature.bytes ?? []).equals(Buffer.from(decodeToken(issued).signature.bytes ?? []))).toBe(true);
    expect(d.warnings).toEqual([expect.stringContaining(`normally written ending in "${last}"`)]);
    expect(decodeToken(issued).warnings).toEqual([]);
  });

  it('reports duplicate claims from the strict reader', () => {
    const d = decodeToken(token('{"alg":"RS256"}', '{"sub":"a","sub":"b"}'));
    expect(d.payload.facts?.duplicates).toEqual([{ path: '', name: 'sub', values: ['"a"', '"b"'] }]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const d = decodeToken(text);
        expect(Array.isArray(d.errors)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeToken stays linear on hostile input', () => {
  // `/=+$/` retried from every "=" of a run that is not at the end: quadratic in V8.
  it('1 MB of "=" that is not padding, run in a worker stopped after 10 s', async () => {
    const text = `${'='.repeat(999_999)}x`;
    const outcome = await runInWorker({ base: import.meta.url, module: './decodeToken.ts', exportName: 'decodeToken', args: [text], summarize: true, timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ completed: true, value: { errors: expect.arrayContaining([expect.objectContaining({ segment: 'header', code: 'bad-base64url' })]) } });
  }, 30_000);
});
