export interface FirstLoadFile {
  path: string;
  kind: 'html' | 'js' | 'css' | 'other';
  raw: number;
  gzip: number;
}
export interface FirstLoadMeasure {
  files: FirstLoadFile[];
  requests: number;
  totalGzip: number;
  totalRaw: number;
  cssGzip: number;
  jsGzip: number;
}
export const BUDGET: { totalGzipBytes: number; cssGzipBytes: number; requests: number };
export function measureFirstLoad(distDir: string): FirstLoadMeasure;
export function budgetProblems(measure: FirstLoadMeasure, budget?: typeof BUDGET): string[];
