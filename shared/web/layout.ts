import { esc } from './html.ts';
import { organisationFrom } from './site-identity.ts';
import { buildStylesheet } from './stylesheet.ts';

/**
 * The page shell shared by the static Astro pages and the pages the API renders (Regioscan steps,
 * errors, results), so both look the same and a change is made once.
 */
export const SITE_NAME = 'Monitor Aansluiting Onderwijs Jeugdhulp';
export const SITE_SHORT_NAME = 'Monitor AOJ';

/**
 * The content-hashed stylesheet (/css/monitor.<hash>.css). Its name is injected where the code is
 * bundled: the Lambda bundles (tools/bundling.ts) and the Astro build (astro.config.mjs) define
 * __MAOJ_STYLESHEET_HREF__ from the same function that writes the file (shared/web/stylesheet.ts).
 * Unbundled (tests, scripts run with tsx) it is computed from the sources on first use.
 */
declare const __MAOJ_STYLESHEET_HREF__: string | undefined;
let stylesheetHref: string | undefined;
export function stylesheetPath(): string {
  stylesheetHref ??= typeof __MAOJ_STYLESHEET_HREF__ === 'string' ? __MAOJ_STYLESHEET_HREF__ : buildStylesheet().href;
  return stylesheetHref;
}

export const MAIN_NAV = [
  { href: '/', label: 'Home' },
  { href: '/regioscan/', label: 'Regioscan' },
  { href: '/aanmelden/', label: 'Aanmelden' },
  { href: '/gebieden/', label: 'Cijfers per gebied' },
  { href: '/startgesprek/', label: 'Startgesprek' },
  { href: '/handleiding/', label: 'Handleiding' },
] as const;

export const FOOTER_NAV = [
  { href: '/privacy/', label: 'Privacyverklaring' },
  { href: '/toegankelijkheid/', label: 'Toegankelijkheidsverklaring' },
] as const;

export interface PageOptions {
  title: string;
  /** Current path, to mark the active navigation item. */
  path: string;
  /** One or two sentences for search engines (meta description). */
  description?: string;
  /** Keep personal result pages out of search engines. */
  noindex?: boolean;
  /** Scripts from /js/, loaded deferred; pages work without them. */
  scripts?: readonly string[];
}

export function documentHead(options: PageOptions): string {
  const title = `${options.title} | ${SITE_SHORT_NAME}`;
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    options.description ? `<meta name="description" content="${esc(options.description)}">` : '',
    options.noindex ? '<meta name="robots" content="noindex, nofollow">' : '',
    `<link rel="stylesheet" href="${stylesheetPath()}">`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    ...(options.scripts ?? []).map((src) => `<script src="${esc(src)}" defer></script>`),
  ]
    .filter(Boolean)
    .join('\n');
}

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path.startsWith(href);
}

export function siteHeader(path: string): string {
  const items = MAIN_NAV.map((item) => {
    const current = isCurrent(item.href, path) ? ' aria-current="page"' : '';
    return `<li><a class="utrecht-link maoj-nav__link" href="${item.href}"${current}>${esc(item.label)}</a></li>`;
  }).join('');
  return `<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">Naar de inhoud</a>
<header class="utrecht-page-header maoj-header">
  <div class="maoj-container">
    <a class="maoj-logo" href="/">${esc(SITE_NAME)}</a>
    <nav aria-label="Hoofdmenu"><ul class="maoj-nav">${items}</ul></nav>
  </div>
</header>`;
}

export function siteFooter(): string {
  const items = FOOTER_NAV.map((item) => `<li><a class="utrecht-link" href="${item.href}">${esc(item.label)}</a></li>`).join('');
  const organisation = organisationFrom();
  return `<footer class="utrecht-page-footer maoj-footer">
  <div class="maoj-container">
    <p class="utrecht-paragraph">${esc(SITE_NAME)}: inzicht in de samenwerking tussen onderwijs en jeugdhulp, voor gemeenten en samenwerkingsverbanden passend onderwijs.</p>
    <p class="utrecht-paragraph">Deze website wordt beheerd door ${esc(organisation.name)}. Vragen? Mail naar <a class="utrecht-link" href="mailto:${esc(organisation.email)}">${esc(organisation.email)}</a>.</p>
    <nav aria-label="Over deze website"><ul class="maoj-footer__nav">${items}</ul></nav>
  </div>
</footer>`;
}

/** A whole HTML document: the API uses this; Astro's Base layout uses the same pieces. */
export function renderDocument(options: PageOptions & { main: string }): string {
  return `<!doctype html>
<html lang="nl" class="utrecht-root">
<head>
${documentHead(options)}
</head>
<body class="utrecht-body voorbeeld-theme maoj-theme">
${siteHeader(options.path)}
<main id="inhoud" class="maoj-container maoj-main">
${options.main}
</main>
${siteFooter()}
</body>
</html>`;
}
