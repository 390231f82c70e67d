import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RegionResults } from '../../shared/benchmark/model.ts';
import { send, type Target } from '../../scripts/admin/client.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * The handzaam rapport shows the numbers of the results page: after the demo and one run of the job,
 * every shown theme score and grade mean of the results JSON (the view the page renders) is in the
 * PDF's text, in Dutch (one decimal, decimal comma), next to its n in its group's table; the region
 * and the round are named; and a hidden figure reads "niet getoond".
 */
let system: LocalSystem;
let results: RegionResults;
let html: string;
/** The PDF's text, item by item as pdf.js reads it, whitespace made single spaces. */
let text: string;

type Job = (event: { force: boolean }) => Promise<{ ran: boolean; reports: number }>;
const local = (url: string) => url.replace('http://localhost:4321', system.baseUrl);

/** Independently of the code under test: one decimal, decimal comma, as Dutch readers expect. */
const dutch1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const one = (value: number) => dutch1.format(value);

const GROUP_LABELS: Record<string, string> = { beleid: 'Beleid', uitvoering: 'Uitvoering', 'ouders-jongeren': 'Ouders en jongeren' };

beforeAll(async () => {
  system = await startLocalSystem();
  const operator: Target = { baseUrl: system.baseUrl, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, local: true };
  const made = await send(operator, { method: 'POST', path: '/api/beheer/demo' });
  expect(made.status).toBe(201);
  const demo = made.body as { resultsLink: string; otherRegions: number };
  const job = (await system.loadHandler('benchmark')) as unknown as Job;
  expect(await job({ force: true })).toMatchObject({ ran: true, reports: 2 + demo.otherRegions });

  const json = await fetch(local(demo.resultsLink), { headers: { accept: 'application/json' } });
  expect(json.status).toBe(200);
  results = (await json.json()) as RegionResults;
  const page = await fetch(local(demo.resultsLink), { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  html = await page.text();
  const pdfLink = /href="([^"]+rapport\.pdf[^"]*)"/.exec(html)![1]!.replaceAll('&amp;', '&');
  const pdf = await fetch(new URL(pdfLink, system.baseUrl));
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');

  const task = getDocument({ data: new Uint8Array(await pdf.arrayBuffer()), verbosity: VerbosityLevel.ERRORS });
  const doc = await task.promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(...content.items.map((item) => ('str' in item ? item.str : '')));
  }
  await task.destroy();
  text = parts.join(' ').replace(/\s+/g, ' ');
}, 120_000);
afterAll(() => system?.close());

/** The PDF's text of one group's part of section 3, up to the next group or section. */
function groupPart(index: number): string {
  const start = text.indexOf(`3.${index + 1} `);
  expect(start, `heading 3.${index + 1}`).toBeGreaterThan(-1);
  const next = [text.indexOf(`3.${index + 2} `, start + 1), text.indexOf('4 Rapportcijfer', start + 1)].filter((i) => i > start);
  return text.slice(start, Math.min(...next));
}

/** Every hidden figure in the view, with where it is. */
function hiddenFigures(value: unknown, path: string, out: { path: string; reason: string }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => hiddenFigures(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const figure = value as { shown?: unknown; reason?: unknown };
    if (figure.shown === false && typeof figure.reason === 'string') out.push({ path, reason: figure.reason });
    for (const [key, v] of Object.entries(value)) hiddenFigures(v, `${path}.${key}`, out);
  }
}

describe('the report PDF shows the numbers of the results page', () => {
  it('names the region and the round, and marks the demo', () => {
    expect(results.demo).toBe(true);
    expect(text).toContain(results.regionName);
    expect(text).toContain(results.roundLabel);
    expect(text).toContain('TESTDATA');
  });

  it('has every shown theme score, with its n, in its group table', () => {
    let checked = 0;
    results.groups.forEach((group, gi) => {
      const part = groupPart(gi);
      expect(part.startsWith(`3.${gi + 1} ${GROUP_LABELS[group.group]} (n = ${group.n})`), part.slice(0, 60)).toBe(true);
      for (const theme of group.themes) {
        if (!theme.score.shown) continue;
        const { mean, n } = theme.score.value;
        expect(mean).toBeGreaterThanOrEqual(1);
        expect(mean).toBeLessThanOrEqual(5);
        // The row of the theme table: title, score, n.
        expect(part, `${group.group} / ${theme.title}`).toContain(`${theme.title} ${one(mean)} ${n} `);
        // The same number on the results page.
        expect(html, `${group.group} / ${theme.title} on the page`).toContain(`>${one(mean)}<`);
        checked++;
      }
    });
    // The demo's three groups are all shown, each with its themes.
    expect(checked).toBe(results.groups.reduce((a, g) => a + g.themes.length, 0));
    expect(checked).toBeGreaterThanOrEqual(results.groups.length * 3);
  });

  it('has every shown grade mean, with its n, in the grade table', () => {
    const start = text.indexOf('4 Rapportcijfer');
    expect(start).toBeGreaterThan(-1);
    const part = text.slice(start, text.indexOf('5 Vragen van uw regio', start));
    let checked = 0;
    for (const group of results.groups) {
      if (!group.grade.shown) continue;
      const { mean, n } = group.grade.value;
      expect(mean).toBeGreaterThanOrEqual(1);
      expect(mean).toBeLessThanOrEqual(10);
      expect(part, group.group).toContain(`${GROUP_LABELS[group.group]} ${one(mean)} ${n} `);
      expect(html, `${group.group} grade on the page`).toContain(`>${one(mean)}<`);
      checked++;
    }
    expect(checked).toBe(results.groups.length);
  });

  it('says "niet getoond", with the reason, for a hidden figure', () => {
    const hidden: { path: string; reason: string }[] = [];
    hiddenFigures(results, 'results', hidden);
    // The report has no breakdown by background: its hidden figures are elsewhere.
    const inReport = hidden.filter((h) => !h.path.includes('.background['));
    expect(inReport.length, 'the demo has a hidden figure the report shows').toBeGreaterThan(0);
    expect(text).toContain('niet getoond');
    // In the demo: the Regioscan of a gemeente with too few scans.
    const start = text.indexOf('6 Regioscan in uw gemeenten');
    expect(start).toBeGreaterThan(-1);
    const part = text.slice(start, text.indexOf('Bijlage: methode', start));
    let checked = 0;
    for (const area of results.regioscan) {
      if (area.n.shown) {
        expect(part, area.name).toContain(`${area.name} ${area.n.value} `);
        continue;
      }
      expect(area.n.reason).toBe('te-weinig-antwoorden');
      expect(part, area.name).toContain(`${area.name} niet getoond: minder dan ${results.method.minGroupSize} antwoorden`);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
