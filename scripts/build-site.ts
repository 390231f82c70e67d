import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { validateSnapshot } from '../shared/imports/validate.ts';
import { loadSnapshotForSite, SITE_SNAPSHOT_PATH } from './snapshot-for-site.ts';

/**
 * Builds the static site. The stylesheet is one plain file (site/public/css/monitor.css) rather than
 * an Astro bundle, because the pages the API renders link the same stylesheet by a fixed path.
 */
const require = createRequire(import.meta.url);
const COMPONENT_CSS = [
  '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
  ...[
    'root', 'body', 'page-header', 'page-footer', 'skip-link', 'heading-1', 'heading-2', 'heading-3', 'paragraph', 'link',
    'button', 'button-link', 'button-group', 'form-fieldset', 'form-field', 'form-label', 'radio-button', 'checkbox',
    'textbox', 'select', 'form-field-description', 'form-field-error-message', 'alert', 'table', 'data-list',
    'unordered-list', 'ordered-list', 'separator',
  ].map((name) => `@utrecht/${name}-css/dist/index.css`),
];

export function buildStylesheet(): string {
  const parts = COMPONENT_CSS.map((spec) => {
    let file: string;
    try {
      file = require.resolve(spec);
    } catch {
      return '';
    }
    return `/* ${spec} */\n${readFileSync(file, 'utf8')}`;
  });
  // Our own CSS: monitor.css (theme and layout) first, then one file per feature (site/styles/*.css).
  const own = readdirSync('site/styles').filter((f) => f.endsWith('.css')).sort((a, b) => Number(b === 'monitor.css') - Number(a === 'monitor.css') || a.localeCompare(b));
  for (const file of own) parts.push(`/* site/styles/${file} */\n${readFileSync(`site/styles/${file}`, 'utf8')}`);
  mkdirSync('site/public/css', { recursive: true });
  const css = parts.filter(Boolean).join('\n');
  writeFileSync('site/public/css/monitor.css', css);
  return css;
}

buildStylesheet();
const snapshot = await loadSnapshotForSite();
// The same check the import runs before a snapshot may go live: refuse to build on anything else
// (before anything of the site is written), so a deploy step after this build (the CodeBuild sync,
// the swap under `npm start`) never runs.
const check = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
if (!check.ok) {
  console.error(`Site build refused: snapshot ${snapshot.snapshotId} fails the snapshot check:\n  ${check.problems.join('\n  ')}`);
  process.exit(1);
}
mkdirSync(path.dirname(SITE_SNAPSHOT_PATH), { recursive: true });
writeFileSync(SITE_SNAPSHOT_PATH, JSON.stringify(snapshot));
console.log(`Regional pages from snapshot ${snapshot.snapshotId} (${snapshot.figures.length} figures).`);
// SITE_OUT_DIR: build elsewhere than site/dist (`npm start` builds aside and swaps on success).
const outDir = process.env.SITE_OUT_DIR ? ` --outDir "${path.resolve(process.env.SITE_OUT_DIR)}"` : '';
execSync(`astro build --root site --silent${outDir}`, {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
