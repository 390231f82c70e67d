import { describe, expect, it } from 'vitest';
import { renderDocument, stylesheetPath } from '../../shared/web/layout.ts';
import {
  buildStylesheet,
  foldThemeAliases,
  foldUndeclaredVariables,
  minifyCss,
  pruneCustomProperties,
  pruneSelectors,
  shortenCustomProperties,
} from '../../shared/web/stylesheet.ts';

describe('the site stylesheet (shared/web/stylesheet.ts)', () => {
  const sheet = buildStylesheet();

  it('is small: under 60 KB raw', () => {
    expect(Buffer.byteLength(sheet.css)).toBeLessThan(60 * 1024);
    expect(sheet.sourceBytes).toBeGreaterThan(300 * 1024);
  });

  it('has a content hash in its name, the same for the same sources', () => {
    expect(sheet.href).toMatch(/^\/css\/monitor\.[0-9a-f]{8}\.css$/);
    expect(buildStylesheet().href).toBe(sheet.href);
    expect(stylesheetPath()).toBe(sheet.href);
    expect(renderDocument({ title: 'T', path: '/', main: '<p>x</p>' })).toContain(`<link rel="stylesheet" href="${sheet.href}">`);
  });

  it('keeps the components and our own rules, with every token they reach', () => {
    for (const selector of ['.utrecht-button{', '.utrecht-page-header{', '.voorbeeld-theme{', '.maoj-container{', '.utrecht-radio-button']) {
      expect(sheet.css, selector).toContain(selector);
    }
    const declared = new Set([...sheet.css.matchAll(/[{;](--[\w-]+):/g)].map((m) => m[1]!));
    // No unused token survives.
    for (const name of declared) expect(sheet.css.includes(`var(${name}`), name).toBe(true);
  });
});

describe('pruning and folding', () => {
  it('keeps a custom property used through another one (transitively), drops the rest', () => {
    const css = ':root{--a:red;--b:var(--a);--c:blue;--d:var(--c)}.x{color:var(--b)}';
    const out = minifyCss(pruneCustomProperties(css));
    expect(out).toBe(':root{--a:red;--b:var(--a)}.x{color:var(--b)}');
  });

  it('drops selectors that need a design-system class the markup never uses, and empty rules', () => {
    const css = '.utrecht-button,.utrecht-button--subtle{color:red}.utrecht-button--subtle:hover{color:blue}.utrecht-x:not(.utrecht-y){a:b}@media (x){.utrecht-button--subtle{c:d}}.other{e:f}';
    const out = minifyCss(pruneSelectors(css, new Set(['utrecht-button', 'utrecht-x'])));
    expect(out).toBe('.utrecht-button{color:red}.utrecht-x:not(.utrecht-y){a:b}.other{e:f}');
  });

  it('replaces a variable declared nowhere by its fallback, but keeps an empty fallback', () => {
    const css = '.x{--k:1px;a:var(--hint,var(--k,2px));b:var(--none,);c:var(--none)}';
    expect(foldUndeclaredVariables(css)).toBe('.x{--k:1px;a:var(--k,2px);b:var(--none,);c:var(--none)}');
  });

  it('reads through pure aliases declared only on the theme rule', () => {
    const css = '.voorbeeld-theme{--base:red;--alias:var(--base)}.x{color:var(--alias)}.y{--local:var(--base);border-color:var(--local)}';
    expect(foldThemeAliases(css)).toBe('.voorbeeld-theme{--base:red}.x{color:var(--base)}.y{--local:var(--base);border-color:var(--local)}');
  });

  it('gives custom properties short names without touching class names with double dashes', () => {
    const out = shortenCustomProperties('.a--b{--long-name:1px;margin:var(--long-name)}.c--d{padding:var(--long-name,var(--other))}');
    expect(out).toBe('.a--b{--v0:1px;margin:var(--v0)}.c--d{padding:var(--v0,var(--v1))}');
  });

  it('minifies without joining what must stay apart', () => {
    expect(minifyCss('a :hover , b  >  c {\n  width: calc(1px + 2px) ;\n}')).toBe('a :hover,b > c{width:calc(1px + 2px)}');
    expect(minifyCss('@media (x) {\n  a :hover { color: red; }\n}')).toBe('@media (x){a :hover{color:red}}');
  });
});
