export interface TargetRow {
  id: string;
  label: string;
  figure: number | null;
  shown: string;
  limit: number;
  verdict: 'PASS' | 'FAIL' | 'not measured';
}
export interface HistoryEntry {
  date: string;
  machine?: string;
  commit?: string;
  figures: Record<string, number | null>;
}
export const TARGETS: { id: string; label: string; limit: number }[];
export function checkTargets(results: unknown): TargetRow[];
export function historyLine(entry: { date: string; machine: string; commit: string; rows: TargetRow[] }): string;
export function readHistory(text: string): HistoryEntry[];
export function historyTable(entries: HistoryEntry[], last?: number): string;
export function replaceBetweenMarkers(doc: string, block: string, start?: string, end?: string): string;
