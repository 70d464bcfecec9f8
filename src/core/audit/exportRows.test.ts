import { describe, expect, it } from 'vitest';
import { FIXTURE_IAT, readFixture } from '../../testing/fixtures';
import { row } from '../../testing/auditRows';
import { createAuditSession } from './auditSession';
import type { AuditRow } from './auditRow';
import { csvCell, EXPORT_COLUMNS, rowsToCsv, rowsToJson } from './exportRows';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    [null, ''],
    [true, 'true'],
    [['legacy-token', 'no-expiry'], 'legacy-token no-expiry'],
  ])('quotes %j as RFC 4180 wants', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
  ])('defuses %j so a spreadsheet does not run it as a formula', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
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
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines[1]).toBe('default,"build,er",sa-0,legacy,false,,,,2026-01-10,,unknown,,legacy-token,,');
    expect(lines[2]).toBe("ci,'=cmd,sa-1,pod-bound,false,2026-01-15T09:30:00Z,2026-01-15T10:30:07Z,,,,unknown,a b,,verified,");
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
