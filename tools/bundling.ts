import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stylesheetDefine } from '../shared/web/stylesheet.ts';
import { TEXT_LOADERS } from './text-import-plugin.ts';

/**
 * How every Lambda function is bundled, for the CDK stack (NodejsFunction) and for `npm start`
 * (esbuild directly), so the code that runs locally is built the way AWS gets it.
 */
export const LAMBDA_NODE_TARGET = 'node22';
export const BUNDLING = {
  format: 'esm',
  target: LAMBDA_NODE_TARGET,
  platform: 'node',
  minify: true,
  sourcemap: false,
  loader: TEXT_LOADERS,
  /**
   * The content-hashed stylesheet's path, computed from the same sources the site build writes it
   * from, so pages rendered by a function link the file the site serves (shared/web/layout.ts).
   */
  define: stylesheetDefine(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')),
  /** ESM bundles still meet CommonJS dependencies that call require(). */
  banner: "import { createRequire as __monitorCreateRequire } from 'node:module'; const require = __monitorCreateRequire(import.meta.url);",
} as const;
