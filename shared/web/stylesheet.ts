import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The site's one stylesheet, computed from its sources: the NL Design System "voorbeeld" theme tokens,
 * the @utrecht component CSS and our own site/styles/*.css. The result is a pure function of those
 * files, so every place that needs the file name gets the same one without passing it around: the
 * site build (which writes the file), the Lambda bundles (the name is injected at bundle time, see
 * tools/bundling.ts) and the Astro pages (astro.config.mjs) all call `buildStylesheet()`.
 *
 * Build time only (Node with node_modules and the repository); never runs inside a Lambda function.
 */

/** Stylesheet packages, in cascade order: theme tokens first, then the components. */
export const STYLESHEET_PACKAGES: readonly string[] = [
  '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
  ...[
    'body', 'page-header', 'page-footer', 'skip-link', 'heading-1', 'heading-2', 'heading-3', 'paragraph', 'link',
    'button', 'button-link', 'button-group', 'form-fieldset', 'form-field', 'form-label', 'radio-button', 'checkbox',
    'textbox', 'select', 'form-field-description', 'form-field-error-message', 'alert', 'table', 'data-list',
    'unordered-list', 'ordered-list', 'separator',
  ].map((name) => `@utrecht/${name}-css/dist/index.css`),
];

/**
 * Where the markup lives: the Astro pages, the pages and fragments the API renders, the browser
 * scripts. A design-system class counts as used when its full name appears in one of these files.
 */
export const MARKUP_SOURCES: readonly string[] = ['site/src', 'site/public/js', 'shared', 'functions'];

/** Our own CSS: monitor.css (theme and layout) first, then one file per feature. */
export const OWN_STYLES_DIR = 'site/styles';

/** Where the stylesheet lives on the site: /css/monitor.<first 8 hex of its SHA-256>.css */
export function stylesheetHref(hash: string): string {
  return `/css/monitor.${hash}.css`;
}
/** Matches the name of every content-hashed file of the site (e.g. /css/monitor.1a2b3c4d.css). */
export const HASHED_ASSET = /\.[0-9a-f]{8}\.(css|js)$/;

export interface Stylesheet {
  css: string;
  /** First 8 hex digits of the SHA-256 of `css`. */
  hash: string;
  /** Path on the site, e.g. /css/monitor.1a2b3c4d.css */
  href: string;
  /** Size before pruning and minifying, for the build log. */
  sourceBytes: number;
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

interface CustomProperty {
  name: string;
  start: number;
  /** Just past the declaration's `;` (or at its closing `}`). */
  end: number;
  value: string;
}

/** Every custom property declaration (`--name: value;`) in comment-free CSS. */
function customProperties(css: string): CustomProperty[] {
  const found: CustomProperty[] = [];
  const re = /(?<=[{;\s])(--[A-Za-z0-9_-]+)\s*:/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(css))) {
    let i = re.lastIndex;
    let depth = 0;
    let quote = '';
    for (; i < css.length; i++) {
      const c = css[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && (c === ';' || c === '}')) break;
    }
    const value = css.slice(re.lastIndex, i);
    const end = css[i] === ';' ? i + 1 : i;
    found.push({ name: match[1]!, start: match.index, end, value });
    re.lastIndex = end;
  }
  return found;
}

/** Splits at commas outside parentheses and brackets (selector lists, `:is(.a, .b)` stays whole). */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Index just past the `}` that closes the block opened at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  return css.length;
}

/** Class names a selector needs on the page; classes inside `:not()`, `:is()` and the like are left out. */
function requiredClasses(selector: string): string[] {
  let flat = '';
  let depth = 0;
  for (const c of selector) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0) flat += c;
  }
  return [...flat.matchAll(/\.(-?[A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]!);
}

/**
 * Removes the selectors of component CSS that need a class our markup never uses (e.g. button
 * variants we do not show), and the rules left without selectors. `usedClasses` comes from the markup
 * sources (usedClassNames). At-rules with a block of rules (@media, @supports) are pruned inside;
 * other at-rules stay as they are.
 */
export function pruneSelectors(source: string, usedClasses: ReadonlySet<string>): string {
  const css = stripComments(source);
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    const semi = css.indexOf(';', i);
    if (open === -1) {
      out += css.slice(i);
      break;
    }
    if (semi !== -1 && semi < open) {
      // A statement at-rule (@charset, @import): kept.
      out += css.slice(i, semi + 1);
      i = semi + 1;
      continue;
    }
    const prelude = css.slice(i, open).trim();
    const end = blockEnd(css, open);
    const body = css.slice(open + 1, end - 1);
    if (prelude.startsWith('@media') || prelude.startsWith('@supports')) {
      out += `${prelude}{${pruneSelectors(body, usedClasses)}}`;
    } else if (prelude.startsWith('@') || body.includes('{')) {
      out += css.slice(i, end);
    } else {
      const kept = splitTopLevel(prelude, ',').filter((sel) => requiredClasses(sel).every((c) => !c.startsWith('utrecht-') || usedClasses.has(c)));
      if (kept.length) out += `${kept.map((s) => s.trim()).join(',')}{${body}}`;
    }
    i = end;
  }
  return out;
}

/** Every class name of the design system (utrecht-*) that the markup sources mention. */
export function usedClassNames(root: string): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|astro|js|mjs|html)$/.test(entry.name)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/utrecht-[A-Za-z0-9_-]*[A-Za-z0-9_]/g)) used.add(m[0]);
      }
    }
  };
  for (const dir of MARKUP_SOURCES) walk(path.join(root, dir));
  return used;
}

const VAR_REFERENCE = /var\(\s*(--[A-Za-z0-9_-]+)/g;

/**
 * Removes every custom property that nothing uses. Used: referenced by `var()` in an ordinary
 * declaration, or in the value of a used custom property (transitively). The theme file defines
 * tokens for every component of the design system; only those our components reach stay.
 */
export function pruneCustomProperties(source: string): string {
  const css = stripComments(source);
  const declarations = customProperties(css);
  const byName = new Map<string, CustomProperty[]>();
  for (const d of declarations) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  // Roots: references outside custom property values.
  let outside = '';
  let at = 0;
  for (const d of declarations) {
    outside += css.slice(at, d.start);
    at = d.end;
  }
  outside += css.slice(at);
  const used = new Set<string>();
  const queue = [...outside.matchAll(VAR_REFERENCE)].map((m) => m[1]!);
  while (queue.length) {
    const name = queue.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    for (const d of byName.get(name) ?? []) for (const m of d.value.matchAll(VAR_REFERENCE)) queue.push(m[1]!);
  }
  let out = '';
  at = 0;
  for (const d of declarations) {
    if (used.has(d.name)) continue;
    out += css.slice(at, d.start);
    at = d.end;
  }
  return out + css.slice(at);
}

/** Index of the `)` that closes the parenthesis opened at `open`. */
function closingParen(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '(') depth++;
    else if (css[i] === ')' && --depth === 0) return i;
  }
  return css.length;
}

/**
 * Replaces `var(--x, fallback)` by its fallback wherever `--x` is declared nowhere in the stylesheet:
 * such a variable always takes its fallback (the pages carry no inline styles: the CSP forbids them,
 * and no custom property is registered with @property). The component CSS nests many such hooks
 * (`var(--hint, var(--appearance, var(--token, default)))`) for variants and tokens we do not use.
 * An empty fallback is kept as it is (it would make the declaration invalid at parse time instead).
 */
export function foldUndeclaredVariables(source: string): string {
  const css = stripComments(source);
  const declared = new Set(customProperties(css).map((d) => d.name));
  const fold = (text: string): string => {
    let out = '';
    let i = 0;
    for (;;) {
      const at = text.indexOf('var(', i);
      if (at === -1) return out + text.slice(i);
      const close = closingParen(text, at + 3);
      const inner = text.slice(at + 4, close);
      const [name = '', ...rest] = splitTopLevel(inner, ',');
      const fallback = rest.join(',');
      out += text.slice(i, at);
      if (!declared.has(name.trim()) && rest.length && fallback.trim()) out += fold(fallback.trim());
      else out += `var(${name}${rest.length ? `,${fold(fallback)}` : ''})`;
      i = close + 1;
    }
  };
  return fold(css);
}

/**
 * A conservative minifier for comment-free CSS: collapses white space, drops it around `{`, `}`, `;`
 * and `,`, drops the last `;` of a block and removes rules left empty by the pruning. It never touches
 * white space that carries meaning (descendant selectors, `calc(a + b)`).
 */
export function minifyCss(css: string): string {
  let out = css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/;}/g, '}')
    // `name: value` at the start of a declaration (selectors such as `a :hover` keep their space).
    .replace(/([{;])(-{0,2}[A-Za-z][A-Za-z0-9_-]*):\s+/g, '$1$2:');
  // Empty rules (also nested ones, e.g. a media query that held only an empty rule).
  let before: string;
  do {
    before = out;
    out = out.replace(/(^|[{}])[^{};@]*\{\}/g, '$1').replace(/(^|[{}])@media[^{};]*\{\}/g, '$1');
  } while (out !== before);
  return out.trim();
}

/** Rules that match the <body> only: the theme classes sit there (shared/web/layout.ts). */
const THEME_SELECTORS = new Set(['.voorbeeld-theme', '.voorbeeld-theme.maoj-theme', '.maoj-theme.voorbeeld-theme']);

/**
 * Replaces references to pure aliases among the theme tokens: when `--a: var(--b)` is the only
 * declaration of `--a`, and `--a` and `--b` are declared in the theme rules on <body> and nowhere
 * else, every `var(--a)` may read `var(--b)` directly (both hold the same value on <body> and below,
 * and neither exists on <html>). The aliases then go unused and are pruned. Minified CSS in and out.
 */
export function foldThemeAliases(css: string): string {
  // A few rounds fold chains of aliases; the cap guards against alias cycles.
  for (let round = 0; round < 20; round++) {
    const declarations = customProperties(css);
    const scopes = new Map<string, { selectors: Set<string>; values: string[] }>();
    for (const d of declarations) {
      const open = css.lastIndexOf('{', d.start);
      const selector = css.slice(Math.max(css.lastIndexOf('}', open), css.lastIndexOf('{', open - 1), css.lastIndexOf(';', open)) + 1, open).trim();
      const entry = scopes.get(d.name) ?? { selectors: new Set<string>(), values: [] };
      entry.selectors.add(selector);
      entry.values.push(d.value.trim());
      scopes.set(d.name, entry);
    }
    const themeOnly = (name: string) => {
      const entry = scopes.get(name);
      return entry !== undefined && [...entry.selectors].every((sel) => THEME_SELECTORS.has(sel));
    };
    const aliases = new Map<string, string>();
    for (const [name, entry] of scopes) {
      const target = /^var\((--[A-Za-z0-9_-]+)\)$/.exec(entry.values[0] ?? '')?.[1];
      if (entry.values.length === 1 && target && target !== name && themeOnly(name) && themeOnly(target)) aliases.set(name, target);
    }
    if (!aliases.size) return css;
    const next = css.replace(/var\((--[A-Za-z0-9_-]+)(?=[,)])/g, (whole, name: string) => (aliases.has(name) ? `var(${aliases.get(name)}` : whole));
    const pruned = minifyCss(pruneCustomProperties(next));
    if (pruned === css) return css;
    css = pruned;
  }
  return css;
}

/**
 * Gives every custom property a short name (`--v0`, `--v1`, ...; in order of first appearance) in
 * minified CSS. Most of the design system's bytes are long token names such as
 * `--utrecht-button-primary-action-hover-background-color`; nothing outside the stylesheet refers to
 * them (no inline styles, no script reads a token), so the names are free to change. The readable
 * names stay in the sources (node_modules, site/styles).
 */
export function shortenCustomProperties(css: string): string {
  const names = new Map<string, string>();
  return css.replace(/(?<=[{;]|var\()--[A-Za-z0-9_-]+/g, (name) => {
    let short = names.get(name);
    if (!short) names.set(name, (short = `--v${names.size.toString(36)}`));
    return short;
  });
}

/**
 * Computes the stylesheet from its sources under `root` (the repository): concatenate, prune unused
 * custom properties, minify, hash. Deterministic: the same sources give the same bytes and name.
 */
export function buildStylesheet(root: string = process.cwd()): Stylesheet {
  const require = createRequire(path.join(root, 'package.json'));
  const packages = STYLESHEET_PACKAGES.map((spec) => readFileSync(require.resolve(spec), 'utf8'));
  const used = usedClassNames(root);
  // The design system's CSS is pruned to what our markup uses; our own CSS is kept whole.
  const parts = packages.map((css) => pruneSelectors(css, used).replace(/@charset[^;]*;/g, ''));
  const stylesDir = path.join(root, OWN_STYLES_DIR);
  const own = readdirSync(stylesDir)
    .filter((f) => f.endsWith('.css'))
    .sort((a, b) => Number(b === 'monitor.css') - Number(a === 'monitor.css') || a.localeCompare(b));
  for (const file of own) parts.push(readFileSync(path.join(stylesDir, file), 'utf8'));
  const source = parts.join('\n');
  const body = shortenCustomProperties(foldThemeAliases(minifyCss(pruneCustomProperties(foldUndeclaredVariables(pruneCustomProperties(source))))));
  // The only place a charset may be declared is the very start.
  const css = `${/[^\x00-\x7f]/.test(body) ? '@charset "UTF-8";' : ''}${body}\n`;
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 8);
  return { css, hash, href: stylesheetHref(hash), sourceBytes: packages.reduce((n, p) => n + Buffer.byteLength(p), 0) + Buffer.byteLength(parts.slice(packages.length).join('\n')) };
}

/** The global that carries the stylesheet's path into bundled code (shared/web/layout.ts reads it). */
export const STYLESHEET_HREF_DEFINE = '__MAOJ_STYLESHEET_HREF__';

/** esbuild/Vite `define` entries that give bundled code the stylesheet's path. */
export function stylesheetDefine(root: string = process.cwd()): Record<string, string> {
  return { [STYLESHEET_HREF_DEFINE]: JSON.stringify(buildStylesheet(root).href) };
}
