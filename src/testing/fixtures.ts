// Test-only: reads the project's copy of the shared fixtures and vectors.
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../fixtures/', import.meta.url);

/** A fixture file as text, without its trailing newline. */
export function readFixture(path: string): string {
  return readFileSync(new URL(path, root), 'utf8').replace(/\n$/, '');
}

export function readFixtureJson<T = unknown>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

export function listFixtures(dir: string): string[] {
  return readdirSync(new URL(dir.endsWith('/') ? dir : `${dir}/`, root)).map((name) => `${dir.replace(/\/$/, '')}/${name}`);
}

export interface ManifestToken {
  file: string;
  alg: string;
  kid?: string;
  kind?: string;
  extended?: boolean;
  exp?: number;
  warnafter?: number;
  expires?: boolean;
  signature?: string;
  identity?: Record<string, unknown>;
}

export interface Manifest {
  iat: number;
  issuer: string;
  keys: Record<string, { alg: string; kid: string }>;
  tokens: ManifestToken[];
}

export const manifest = (): Manifest => readFixtureJson<Manifest>('MANIFEST.json');

/** iat of every fixture token: 2026-01-15T09:30:00Z. */
export const FIXTURE_IAT = 1768469400;
