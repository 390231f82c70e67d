import { readFile } from 'node:fs/promises';

/**
 * Vite plugin: `import text from './file.csv'` yields the file's text, as esbuild's `text` loader does;
 * `import bytes from './font.woff'` yields its bytes (a Uint8Array), as esbuild's `binary` loader does.
 */
export function textImportPlugin() {
  return {
    name: 'monitor-aoj-text-import',
    enforce: 'pre' as const,
    async load(id: string) {
      if (id.endsWith('.csv')) return `export default ${JSON.stringify(await readFile(id, 'utf8'))};`;
      if (id.endsWith('.woff')) return `export default Uint8Array.from(atob(${JSON.stringify((await readFile(id)).toString('base64'))}), (c) => c.charCodeAt(0));`;
      return null;
    },
  };
}

/** The same rules for esbuild (Lambda bundles and the local server): fonts travel inside the bundle. */
export const TEXT_LOADERS = { '.csv': 'text', '.woff': 'binary' } as const;
