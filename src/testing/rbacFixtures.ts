// Test-only: the RBAC fixtures read as a user would paste them, through the app's own YAML adapter.
import { parseAllDocuments } from 'yaml';
import { yamlDocumentsParser } from '../core/audit/yamlDocuments';
import { buildRbacIndex, type RbacIndex } from '../core/rbac/rbacIndex';
import { readRbacText } from '../core/rbac/readRbacText';
import type { RbacDump } from '../core/rbac/rbacTypes';
import { readFixture } from './fixtures';

export const parseYaml = yamlDocumentsParser(parseAllDocuments);

/** Reads pasted text; fails the test with the reader's message when it cannot be read. */
export function readDump(text: string): RbacDump {
  const result = readRbacText(text, { parseYaml });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** default-roles.yaml and team-dump.yaml pasted together, as two YAML documents. */
export function clusterText(): string {
  return `${readFixture('rbac/default-roles.yaml')}\n---\n${readFixture('rbac/team-dump.yaml')}\n`;
}

export function clusterIndex(): RbacIndex {
  return buildRbacIndex(readDump(clusterText()));
}
