import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { FUNCTIONS, type FunctionName } from '../../shared/routes.ts';
import { BUNDLING } from '../../tools/bundling.ts';
import type { LambdaHandler } from './gateway.ts';

/** Bundles every function as the CDK stack does and loads the bundles, as Lambda would. */
export async function bundleFunctions(outDir: string): Promise<(name: FunctionName) => Promise<LambdaHandler>> {
  mkdirSync(outDir, { recursive: true });
  const names = Object.keys(FUNCTIONS) as FunctionName[];
  await Promise.all(
    names.map((name) =>
      build({
        ...BUNDLING,
        banner: { js: BUNDLING.banner },
        entryPoints: [FUNCTIONS[name].entry],
        bundle: true,
        outfile: path.join(outDir, `${name}.mjs`),
        // Lambda's Node runtime ships the AWS SDK v3; NodejsFunction leaves it out as well.
        external: ['@aws-sdk/*'],
        logLevel: 'warning',
      }),
    ),
  );
  const cache = new Map<FunctionName, Promise<LambdaHandler>>();
  return (name) => {
    if (!cache.has(name)) {
      const url = `${pathToFileURL(path.resolve(outDir, `${name}.mjs`)).href}?t=${Date.now()}`;
      cache.set(name, import(url).then((m: { handler: LambdaHandler }) => m.handler));
    }
    return cache.get(name)!;
  };
}
