import { readFile } from 'node:fs/promises';

/** Vite plugin: `import text from './file.csv'` yields the file's text, as esbuild's `text` loader does. */
export function textImportPlugin() {
  return {
    name: 'monitor-aoj-text-import',
    enforce: 'pre' as const,
    async load(id: string) {
      if (!id.endsWith('.csv')) return null;
      const text = await readFile(id, 'utf8');
      return `export default ${JSON.stringify(text)};`;
    },
  };
}

/** The same rule for esbuild (Lambda bundles and the local server). */
export const TEXT_LOADERS = { '.csv': 'text' } as const;
