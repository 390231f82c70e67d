import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, started as the machines here need it (no sandbox as root, no background network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** WCAG 2.1 A and AA rules of axe-core; returns the violations as short strings for readable failures. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Every page of the built site, as URL paths ("/", "/regioscan/", ...). */
export function builtPages(siteDir = 'site/dist'): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) pages.push(`/${path.relative(siteDir, full).replace(/index\.html$/, '')}`);
    }
  };
  walk(siteDir);
  return pages.sort();
}

/** Pages made from one template per area or indicator (hundreds): axe checks a sample of each. */
const TEMPLATED = [/^\/gebieden\/([a-z-]+)\/[^/]+\/$/, /^\/kaart\/[^/]+\/$/];

/**
 * Every built page that has its own template or content, plus the first page of each templated kind
 * (each area kind, the map pages); the regional browser tests check more samples.
 */
export function pagesForAxe(siteDir = 'site/dist'): string[] {
  const seen = new Set<string>();
  return builtPages(siteDir).filter((page) => {
    const pattern = TEMPLATED.find((p) => p.test(page));
    if (!pattern) return true;
    const key = page.replace(pattern, (_m, kind: string | undefined) => `${pattern.source}:${kind ?? ''}`);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
