import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStylesheet } from '../shared/web/stylesheet.ts';

/** Repository root: function entries in shared/routes.ts are relative to it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where `npm run build:site` writes the static site. */
export const SITE_DIST = path.join(REPO_ROOT, 'site', 'dist');

export const siteIsBuilt = (dir: string = SITE_DIST): boolean => existsSync(path.join(dir, 'index.html'));

/** Whether the built site holds the stylesheet the current sources make (the one the functions link). */
export const siteHasCurrentStylesheet = (dir: string = SITE_DIST): boolean =>
  existsSync(path.join(dir, buildStylesheet(REPO_ROOT).href));
