import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../infra/environments.ts';
import { FUNCTIONS, type FunctionDefinition, type FunctionName } from '../../shared/routes.ts';
import { synth } from './synth.ts';

/** Largest bundle we accept (minified, AWS SDK external) unless a function states its own; most are 186-260 KiB. */
const DEFAULT_BUDGET_KIB = 320;
const budgetOf = (name: FunctionName) => ((FUNCTIONS[name] as FunctionDefinition).bundleBudgetKiB ?? DEFAULT_BUDGET_KIB) * 1024;

describe('Lambda bundles (real esbuild)', () => {
  it('bundles every function as an ESM file without the AWS SDK', { timeout: 120_000 }, () => {
    const s = synth('test', loadSettings('test', {}), { bundle: true });
    const functions = s.template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Code: { S3Key: string } } }>;
    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
      const id = s.stack.getLogicalId(s.stack.functions.get(name).node.defaultChild as CfnFunction);
      const hash = functions[id]!.Properties.Code.S3Key.replace(/\.zip$/, '');
      const file = path.join(s.outdir, `asset.${hash}`, 'index.mjs');
      expect(existsSync(file), `${name}: ${file}`).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(1000);
      // Cold-start weight budget: `import { z }` once pulled every zod locale in (about 550 KiB).
      expect(statSync(file).size, `${name} bundle size`).toBeLessThan(budgetOf(name));
      const code = readFileSync(file, 'utf8');
      expect(code).toMatch(/^import\{createRequire as __monitorCreateRequire\}|^import \{ createRequire as __monitorCreateRequire \}/);
      expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
      // The SDK stays external (the runtime provides it): imported, not inlined.
      if (FUNCTIONS[name].access.length > 0) expect(code).toMatch(/from\s*"@aws-sdk\//);
    }
  });
});
