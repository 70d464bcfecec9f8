import { describe, expect, it } from 'vitest';
import { FIXTURE_IAT, readFixture } from '../../testing/fixtures';
import { row } from '../../testing/auditRows';
import { createAuditSession } from './auditSession';
import type { AuditRow } from './auditRow';
import { csvCell, EXPORT_COLUMNS, rowsToCsv, rowsToJson } from './exportRows';

describe('csvCell', () => {
  it.each([
    ['plain', '"plain"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    [null, '""'],
    [true, '"true"'],
    [['legacy-token', 'no-expiry'], '"legacy-token no-expiry"'],
    ['a-b', '"a-b"'],
  ])('quotes every cell, as RFC 4180 allows: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\r=1', `"'\r'=1"`],
    ['\uff1d1+1', `"'\uff1d1+1"`],
    // A ";" locale splits here, whatever the quotes: each piece that would be a formula is defused.
    ['x;=1+1;', `"x;'=1+1;"`],
    ['x\t=1+1', `"x\t'=1+1"`],
    ['a;b;@cmd|x;-1', `"a;b;'@cmd|x;'-1"`],
    ['x,=1', `"x,'=1"`],
    ['two\n=lines', `"two\n'=lines"`],
    [';;=', `";;'="`],
  ])('defuses %j so a spreadsheet does not run it as a formula', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

/** What a spreadsheet in a locale that separates cells with `separator` could make a cell of. */
const naiveCells = (csv: string, separator: string) =>
  csv
    .split(/\r\n|\n/)
    .flatMap((line) => line.split(separator))
    .map((cell) => cell.replace(/^"/, ''));

describe('rowsToCsv with hostile cells', () => {
  const hostile = ['x;=1+1;', '=cmd|" /C calc"!A0', 'a\t+1', '@SUM(1)', 'q";=2;"', 'n\n-3', 'ok,@4', '\uff0b5'];
  const csv = rowsToCsv(hostile.map((h, id) => row({ id, namespace: h, secretName: h, serviceAccount: h, problem: h })));

  it.each([';', ',', '\t'])('no cell a %j-separated reader could make starts a formula', (separator) => {
    const starts = naiveCells(csv, separator).filter((cell) => /^[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell));
    expect(starts).toEqual([]);
  });

  it('a reader that honours quotes gets each value back with a single quote before each formula start', () => {
    expect(csv.split('\r\n')[1]?.startsWith(`"x;'=1+1;","x;'=1+1;","x;'=1+1;",`)).toBe(true);
  });
});

describe('rowsToCsv and rowsToJson', () => {
  const rows: AuditRow[] = [
    row({ id: 0, namespace: 'default', secretName: 'build,er', kind: 'legacy', lastUsed: '2026-01-10', findings: [{ code: 'legacy-token', severity: 'warning' }] }),
    row({ id: 1, namespace: 'ci', secretName: '=cmd', kind: 'pod-bound', issuedAt: FIXTURE_IAT, expiresAt: FIXTURE_IAT + 3607, mountedBy: ['a', 'b'], signature: 'verified' }),
  ];

  it('CSV: a header, one line per row, CRLF line ends', () => {
    const csv = rowsToCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines[1]).toBe('"default","build,er","sa-0","legacy","false","","","","2026-01-10","","unknown","","legacy-token","",""');
    expect(lines[2]).toBe(`"ci","'=cmd","sa-1","pod-bound","false","2026-01-15T09:30:00Z","2026-01-15T10:30:07Z","","","","unknown","a b","","verified",""`);
    expect(lines[3]).toBe('');
  });

  it('JSON: the same columns, lists kept as lists', () => {
    const json = JSON.parse(rowsToJson(rows)) as Record<string, unknown>[];
    expect(Object.keys(json[0] as object)).toEqual([...EXPORT_COLUMNS]);
    expect(json[1]).toMatchObject({ secret: '=cmd', mounted_by: ['a', 'b'], findings: [], issued_at: '2026-01-15T09:30:00Z', signature: 'verified' });
  });

  it('never contains a token, even from the fixture list', async () => {
    const out: AuditRow[] = [];
    const session = createAuditSession({ post: (m) => m.type === 'rows' && out.push(...m.rows) });
    await session.handle({ type: 'start', runId: 1, text: readFixture('inputs/secret-list.json'), nowSeconds: FIXTURE_IAT });
    expect(out).toHaveLength(6);
    for (const text of [rowsToCsv(out), rowsToJson(out)]) {
      expect(text).toContain('builder-5-token');
      expect(text).not.toMatch(/eyJ|ZXlK/);
    }
  });
});
