// Node loader hook for scripts run with tsx: `import text from './file.csv'` yields the file's text and
// `import bytes from './font.woff'` its bytes, as esbuild's `text`/`binary` loaders do in the Lambda
// bundles and tools/text-import-plugin.ts in Vite.
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:') && url.endsWith('.csv')) {
      const text = readFileSync(fileURLToPath(url), 'utf8');
      return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
    }
    if (url.startsWith('file:') && url.endsWith('.woff')) {
      const base64 = readFileSync(fileURLToPath(url)).toString('base64');
      return { format: 'module', source: `export default new Uint8Array(Buffer.from(${JSON.stringify(base64)}, 'base64'));`, shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});
