import type { ReactNode } from 'react';
import { Badge } from '../../components/Badge';
import { rowLabel, type AuditRow } from '../../core/audit/auditRow';
import type { SortKey } from '../../core/audit/auditTable';
import { ORIGIN_REASONS } from '../../core/audit/secretOrigin';
import { FINDING_CATALOGUE } from '../../core/kubernetes/findingCatalogue';
import { toIsoInstant } from '../../core/time/formatTime';
import { KIND_TONE, kindTitle, ORIGIN_TEXT, shortUtc, SIGNATURE_TONE } from './auditLabels';

/**
 * The audit table's columns. Cells are mostly plain text in the <td> itself (styled from the
 * table, see AuditTable): few elements per row keep mounting rows cheap while scrolling.
 */
export interface Column {
  id: string;
  label: string;
  width: number;
  sort?: SortKey;
  /** Stays in view when the table scrolls sideways (on a phone), so each row keeps its name. */
  pinned?: boolean;
  cell: (row: AuditRow, ctx: CellContext) => ReactNode;
  /** The whole value, on hover, when the cell may cut it short. */
  title?: (row: AuditRow) => string | undefined;
  /** Classes for this column's cells. */
  className?: (row: AuditRow) => string;
}

export interface CellContext {
  onActivate: (id: number) => void;
  active: boolean;
}

const MUTED = 'text-slate-500 dark:text-slate-400';
const MONO = 'font-mono text-[11px]';
const SEVERITY_TEXT = { danger: 'text-rose-800 dark:text-rose-200', warning: 'text-amber-800 dark:text-amber-200', info: 'text-sky-800 dark:text-sky-200' } as const;

const textColumn = (id: string, label: string, width: number, sort: SortKey, value: (r: AuditRow) => string | null, mono = false): Column => ({
  id,
  label,
  width,
  sort,
  cell: (r) => value(r) ?? '—',
  title: (r) => value(r) ?? undefined,
  className: (r) => (value(r) === null ? MUTED : mono ? MONO : ''),
});

function timeCell(seconds: number | null, missing: ReactNode): ReactNode {
  if (seconds === null) return missing;
  return <time dateTime={toIsoInstant(seconds)}>{shortUtc(seconds)}</time>;
}

export const COLUMNS: Column[] = [
  {
    id: 'secret',
    label: 'Secret',
    width: 180,
    pinned: true,
    sort: 'secretName',
    cell: (r, { onActivate, active }) => (
      <button
        type="button"
        data-cell-focus="secret"
        aria-pressed={active}
        onClick={() => onActivate(r.id)}
        title={`Details of ${rowLabel(r)}`}
        className="block max-w-full truncate rounded text-left text-sky-800 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-sky-300"
      >
        {r.secretName ?? (r.source === 'token-line' ? `token #${r.id + 1}` : '(no name)')}
      </button>
    ),
  },
  textColumn('namespace', 'Namespace', 110, 'namespace', (r) => r.namespace),
  textColumn('serviceAccount', 'Service account', 125, 'serviceAccount', (r) => r.serviceAccount),
  {
    id: 'kind',
    label: 'Kind',
    width: 100,
    sort: 'kind',
    title: (r) => `${kindTitle(r.kind)}${r.extended ? ', extended expiry' : ''}`,
    cell: (r) => (
      <>
        <Badge tone={KIND_TONE[r.kind]}>{r.kind}</Badge>
        {r.extended ? ' ext.' : null}
      </>
    ),
    className: (r) => (r.extended ? 'text-xs' : ''),
  },
  { id: 'issued', label: 'Issued (UTC)', width: 118, sort: 'issuedAt', cell: (r) => timeCell(r.issuedAt, '—'), className: (r) => (r.issuedAt === null ? MUTED : MONO) },
  {
    id: 'expires',
    label: 'Expires (UTC)',
    width: 118,
    sort: 'expiresAt',
    cell: (r) => timeCell(r.expiresAt, r.kind === 'no-token' ? '—' : 'never'),
    className: (r) => (r.expiresAt !== null ? MONO : r.kind === 'no-token' ? MUTED : 'text-amber-800 dark:text-amber-200'),
  },
  textColumn('lastUsed', 'Last used', 92, 'lastUsed', (r) => r.lastUsed, true),
  {
    ...textColumn('invalidSince', 'Invalid since', 96, 'invalidSince', (r) => r.invalidSince, true),
    className: (r) => (r.invalidSince === null ? MUTED : `${MONO} text-rose-800 dark:text-rose-200`),
  },
  { id: 'origin', label: 'Origin', width: 82, sort: 'origin', cell: (r) => ORIGIN_TEXT[r.origin], title: (r) => ORIGIN_REASONS[r.originReason] },
  {
    id: 'findings',
    label: 'Findings',
    width: 175,
    sort: 'findings',
    // The most severe finding, and how many more; every title is in the tooltip and the details.
    cell: (r) => {
      const [first, ...rest] = r.findings;
      if (!first) return '—';
      return (
        <>
          {rest.length > 0 && <span className="float-right pl-1 text-slate-600 dark:text-slate-400">+{rest.length}</span>}
          {first.code}
        </>
      );
    },
    title: (r) => r.findings.map((f) => `${f.code}: ${FINDING_CATALOGUE[f.code].title}`).join('\n') || undefined,
    className: (r) => (r.findings[0] ? `${MONO} ${SEVERITY_TEXT[r.findings[0].severity]}` : MUTED),
  },
];

export const SIGNATURE_COLUMN: Column = {
  id: 'signature',
  label: 'Signature',
  width: 130,
  sort: 'signature',
  cell: (r) => (r.signature ? <Badge tone={SIGNATURE_TONE[r.signature]}>{r.signature}</Badge> : '—'),
  className: (r) => (r.signature ? '' : MUTED),
};
