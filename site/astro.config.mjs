import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { stylesheetDefine } from '../shared/web/stylesheet.ts';
import { textImportPlugin } from '../tools/text-import-plugin.ts';

// Static site: every page is HTML built ahead of time; the API (same origin, /api/) renders the
// Regioscan steps that need the server.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: false,
  devToolbar: { enabled: false },
  vite: {
    plugins: [textImportPlugin()],
    // The content-hashed stylesheet's path (shared/web/layout.ts), from the function that writes it.
    define: stylesheetDefine(fileURLToPath(new URL('..', import.meta.url))),
  },
});
