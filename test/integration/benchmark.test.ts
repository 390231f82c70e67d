import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { RegionResults } from '../../shared/benchmark/model.ts';
import { currentQuestionnaire } from '../../shared/questionnaires/definition.ts';
import type { RegionRecord } from '../../shared/participation/model.ts';
import { getRegion, roundResponses, storeRegistrationRecord } from '../../shared/store/participation-store.ts';
import { send, type Target } from '../../scripts/admin/client.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * The benchmark end to end against DynamoDB Local and s3rver: the demo's seven made-up regions, the
 * job run on demand, the results page, its JSON, CSV and PDF, compared with figures this test computes
 * itself from the stored responses; and a second run that writes nothing.
 */
let system: LocalSystem;
let operator: Target;
type Job = (event: { force: boolean }) => Promise<{ ran: boolean; rounds: number; written: number; unchanged: number; reports: number; responses: number; contactsRemoved: number }>;
let job: Job;
let demo: { regionId: string; roundId: string; resultsLink: string; otherRegions: number };

beforeAll(async () => {
  system = await startLocalSystem();
  operator = { baseUrl: system.baseUrl, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, local: true };
  job = (await system.loadHandler('benchmark')) as unknown as Job;
  const made = await send(operator, { method: 'POST', path: '/api/beheer/demo' });
  expect(made.status).toBe(201);
  demo = made.body as typeof demo;
});
afterAll(() => system.close());

const local = (url: string) => url.replace('http://localhost:4321', system.baseUrl);

/** The theme's mean computed here from the raw responses: every scale answer to its items, "weet ik niet" left out. */
async function themeMeanFromResponses(roundId: string, themeId: string): Promise<{ mean: number; n: number }> {
  const responses = await roundResponses({ doc: system.doc, tableName: system.tableName }, roundId, 'uitvoering');
  const items = currentQuestionnaire('uitvoering').themes.find((t) => t.id === themeId)!.items.map((i) => i.id);
  const values = responses.flatMap((r) => items.map((id) => r.answers[id]).filter((v): v is string => v !== undefined && v !== 'weet-niet').map(Number));
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, n: responses.length };
}

describe('benchmark job and results', () => {
  it('computes every closed round, and a second run with the same input writes nothing', async () => {
    const first = await job({ force: true });
    // The Voorbeeldregio has two closed rounds, the six others one each.
    expect(first).toMatchObject({ ran: true, rounds: 2 + demo.otherRegions, written: 2 + demo.otherRegions, reports: 2 + demo.otherRegions });
    const before = JSON.stringify((await system.items()).filter((i) => String(i.pk).startsWith('RESULTS#')));
    const second = await job({ force: true });
    expect(second).toMatchObject({ ran: true, written: 0, unchanged: first.rounds, reports: 0 });
    expect(JSON.stringify((await system.items()).filter((i) => String(i.pk).startsWith('RESULTS#')))).toBe(before);
    // Without a request and before the night is due, the scheduled run does nothing.
    expect((await job({ force: false })).ran).toBe(false);
  });

  it('shows the region its figures, the benchmark of the other regions only, and its earlier round', async () => {
    const res = await fetch(local(demo.resultsLink), { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const results = (await res.json()) as RegionResults;
    expect(results).toMatchObject({ regionId: demo.regionId, roundId: demo.roundId, demo: true });
    const group = results.groups.find((g) => g.group === 'uitvoering')!;
    const theme = group.themes.find((t) => t.themeId === 'samenwerking')!;
    const own = await themeMeanFromResponses(demo.roundId, 'samenwerking');
    expect(theme.score).toMatchObject({ shown: true, value: { n: own.n } });
    expect((theme.score as { value: { mean: number } }).value.mean).toBeCloseTo(own.mean, 10);
    // The benchmark: the six other demo regions' theme means, never this region's.
    const others = (await send(operator, { method: 'GET', path: '/api/beheer/regios' })).body as { regions: { regionId: string; demo: boolean }[] };
    const otherMeans: number[] = [];
    for (const region of others.regions.filter((r) => r.demo && r.regionId !== demo.regionId)) {
      const detail = (await send(operator, { method: 'GET', path: `/api/beheer/regios/${region.regionId}` })).body as { rounds: { roundId: string }[] };
      otherMeans.push((await themeMeanFromResponses(detail.rounds[0]!.roundId, 'samenwerking')).mean);
    }
    expect(otherMeans).toHaveLength(demo.otherRegions);
    const sorted = [...otherMeans].sort((a, b) => a - b);
    const median = (sorted[2]! + sorted[3]!) / 2;
    expect(theme.benchmark).toMatchObject({ shown: true, value: { regions: demo.otherRegions } });
    const bench = (theme.benchmark as { value: { mean: number; median: number } }).value;
    expect(bench.mean).toBeCloseTo(otherMeans.reduce((a, b) => a + b, 0) / otherMeans.length, 10);
    expect(bench.median).toBeCloseTo(median, 10);
    expect(theme.earlier).toHaveLength(1);
    // Groups of 14, 38 and 27 responses: all shown; no open answer anywhere.
    expect(results.groups.map((g) => g.shown)).toEqual([true, true, true]);
    expect(results.reading.length).toBeGreaterThan(0);
  });

  it('serves the page, the CSV and the PDF through the private link, and nothing for a wrong key', async () => {
    const page = await fetch(local(demo.resultsLink), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('TESTDATA');
    expect(html).toContain('noindex');
    const csvLink = /href="([^"]+uitkomsten\.csv[^"]*)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    const csv = await fetch(`${system.baseUrl}${csvLink}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(20);
    const pdfLink = /href="([^"]+rapport\.pdf[^"]*)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    const pdf = await fetch(`${system.baseUrl}${pdfLink}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const wrong = await fetch(`${local(demo.resultsLink).slice(0, -4)}abcd`, { headers: { accept: 'text/html' } });
    expect(wrong.status).toBe(404);
  });

  it('closing a round asks for a new run, which the scheduled job then does', async () => {
    const detail = (await send(operator, { method: 'GET', path: `/api/beheer/regios/${demo.regionId}` })).body as { rounds: { roundId: string; status: string }[] };
    const open = detail.rounds.find((r) => r.status === 'open')!;
    expect((await send(operator, { method: 'POST', path: `/api/beheer/rondes/${open.roundId}/sluiten` })).status).toBe(200);
    const run = await job({ force: false });
    expect(run).toMatchObject({ ran: true, rounds: 3 + demo.otherRegions });
  });

  it('the nightly run forgets contact persons a year after the region last took part, and keeps the others', async () => {
    const store = { doc: system.doc, tableName: system.tableName };
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
    const contact = { name: 'Test Persoon', role: 'Beleidsadviseur', email: 'contact@example.nl' };
    const waiting = (regionId: string, registeredDaysAgo: number): RegionRecord => ({
      regionId, registrationId: `${regionId}-reg`, name: `TESTDATA ${regionId}`, gemeenten: ['GM0344'], swvPo: [], swvVo: [],
      contacts: { gemeenten: contact, swv: contact },
      warnings: [], status: 'aangemeld', registeredAt: daysAgo(registeredDaysAgo), demo: false,
    });
    await storeRegistrationRecord(store, waiting('retention-old', 400));
    await storeRegistrationRecord(store, waiting('retention-new', 30));
    const run = await job({ force: true });
    expect(run.contactsRemoved).toBe(1);
    const old = (await getRegion(store, 'retention-old'))!;
    expect(old.contacts).toBeUndefined();
    expect(old.contactsRemovedAt).toBeDefined();
    expect(JSON.stringify(old)).not.toContain('contact@example.nl');
    expect((await getRegion(store, 'retention-new'))!.contacts).toBeDefined();
    // The demo regions take part now (their rounds closed days ago): theirs stay.
    expect((await getRegion(store, demo.regionId))!.contacts).toBeDefined();
    expect((await job({ force: true })).contactsRemoved).toBe(0);
  });
});
