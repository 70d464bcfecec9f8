import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rules of README "How it is built" are lint errors (eslint.config.js). These
// probes prove each rule rejects a violation and lets the allowed direction through; the last
// test proves today's tree keeps them.
const root = new URL('..', import.meta.url).pathname;
const boundaryRules = new Set(['no-restricted-imports', 'no-restricted-syntax']);
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => boundaryRules.has(ruleId) });

/** The boundary messages ESLint reports for `code` as if it were the file at `filePath`. */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

// Loading the config and the TypeScript parser takes seconds on a busy machine.
const SLOW = 60_000;

describe('boundary lint rules', () => {
  const probe = (file: string, source: string, expected: string) => ({ file, source, expected });

  it.each([
    probe('src/core/jws/probe.ts', "import { useState } from 'react';\nexport const probe = useState;\n", 'no React'),
    probe('src/core/verify/probe.ts', "import { QueryClient } from '@tanstack/react-query';\nexport const probe = QueryClient;\n", 'no React or TanStack'),
    probe('src/core/kubernetes/probe.ts', "import { Panel } from '../../components/Panel';\nexport const probe = Panel;\n", 'never imports the UI folders'),
    probe('src/core/verify/probe.ts', "import type { VerifySettings } from '../../features/verify/verifySettings';\nexport type Probe = VerifySettings;\n", 'never imports the UI folders'),
    probe('src/core/time/probe.ts', "export const probe = () => import('../../hooks/useNow');\n", 'never imports the UI folders'),
    probe('src/features/decoder/Probe.tsx', "import { KeyList } from '../verify/KeyList';\nexport const probe = KeyList;\n", 'Features never import each other'),
    probe('src/features/builder/Probe.tsx', "import { AuditTable } from '../../features/audit/AuditTable';\nexport const probe = AuditTable;\n", 'Features never import each other'),
    probe('src/features/learn/Probe.tsx', "export const probe = () => import('../compare/ComparePage');\n", 'Features never import each other'),
    probe('src/features/audit/probe.ts', "import { parseHash } from '../../app/hashRoute';\nexport const probe = parseHash;\n", 'Features never import the app shell'),
    probe('src/components/Probe.tsx', "import { App } from '../app/App';\nexport const probe = App;\n", 'never imports a feature or the app shell'),
    probe('src/hooks/useProbe.ts', "import { DecoderResults } from '../features/decoder/DecoderResults';\nexport const probe = DecoderResults;\n", 'never imports a feature or the app shell'),
    probe('src/lib/probe.ts', "import { AuditTable } from '../features/audit/AuditTable';\nexport const probe = AuditTable;\n", 'never imports a feature or the app shell'),
    probe('src/workers/probe.ts', "import { count } from '../features/audit/auditLabels';\nexport const probe = count;\n", 'Workers import only src/core'),
  ])('$file: $expected', async ({ file, source, expected }) => {
    expect(await boundaryErrors(source, file)).toEqual([expect.stringContaining(expected)]);
  }, SLOW);

  it('lets the allowed directions through', async () => {
    const allowed: [string, string][] = [
      ["import { decodeToken } from '../jws/decodeToken';\nexport const probe = decodeToken;\n", 'src/core/kubernetes/probe.ts'],
      ["import { Panel } from '../../components/Panel';\nimport { decodeToken } from '../../core/jws/decodeToken';\nimport { DecodedPanels } from './DecodedPanels';\nexport const probe = [Panel, decodeToken, DecodedPanels];\n", 'src/features/decoder/Probe.tsx'],
      ["import { revealInvisible } from '../core/text/revealInvisible';\nexport const probe = revealInvisible;\n", 'src/components/Probe.tsx'],
      ["import { parseAllDocuments } from 'yaml';\nimport { createAuditSession } from '../core/audit/auditSession';\nexport const probe = [parseAllDocuments, createAuditSession];\n", 'src/workers/probe.ts'],
      ["import ComparePage from '../../features/compare/ComparePage';\nexport const probe = ComparePage;\n", 'src/app/routes/Probe.tsx'],
    ];
    for (const [code, filePath] of allowed) expect(await boundaryErrors(code, filePath), filePath).toEqual([]);
  }, SLOW);

  it('holds on every file in src today', async () => {
    const results = await eslint.lintFiles(['src']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.message}`));
    expect(results.length).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  }, 4 * SLOW);
});
