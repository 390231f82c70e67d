import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPointer } from '../../shared/imports/run.ts';
import { loadSnapshotForSite } from '../../scripts/snapshot-for-site.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/** Search and "vergelijk met": API pages on the live snapshot (real import of the real files). */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem({ snapshot: true });
});
afterAll(() => system.close());

const get = (path: string) => fetch(`${system.baseUrl}${path}`, { headers: { accept: 'text/html' }, redirect: 'manual' });

describe('GET /api/gebieden/zoek', () => {
  it.each([
    ['Almere', '/gebieden/gemeente/gm0034/'],
    ['almere', '/gebieden/gemeente/gm0034/'],
    ['GM0363', '/gebieden/gemeente/gm0363/'],
    ['gm0363', '/gebieden/gemeente/gm0363/'],
    ['PO 27-07', '/gebieden/swv-po/po-27-07/'],
    ['po2707', '/gebieden/swv-po/po-27-07/'],
    ["'s-Gravenhage", '/gebieden/gemeente/gm0518/'],
    ['den haag', '/gebieden/gemeente/gm0518/'],
    ['Den Haag', '/gebieden/gemeente/gm0518/'],
    ['sGravenhage', '/gebieden/gemeente/gm0518/'],
    ['den bosch', '/gebieden/gemeente/gm0796/'],
    ["'s-Hertogenbosch", '/gebieden/gemeente/gm0796/'],
    ['Bergen (L.)', '/gebieden/gemeente/gm0893/'],
    ['3511', '/gebieden/gemeente/gm0344/'],
    ['3511 AB', '/gebieden/gemeente/gm0344/'],
  ])('%s goes straight to %s', async (q, path) => {
    const res = await get(`/api/gebieden/zoek?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(path);
  });

  it('lists several hits with links, and says so when there is none', async () => {
    const many = await get('/api/gebieden/zoek?q=berg');
    expect(many.status).toBe(200);
    const html = await many.text();
    expect(html).toMatch(/\d+ gebieden gevonden voor &quot;berg&quot;/);
    expect(html).toContain('href="/gebieden/gemeente/');
    const none = await get('/api/gebieden/zoek?q=Atlantis');
    expect(none.status).toBe(200);
    expect(await none.text()).toContain('Geen gebied gevonden voor &quot;Atlantis&quot;');
  });

  it('a small typo finds the area, in a list (no guess is taken as the answer)', async () => {
    const res = await get('/api/gebieden/zoek?q=Amsterdm');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Bedoelde u');
    expect(html).toContain('href="/gebieden/gemeente/gm0363/">Amsterdam</a>');
  });

  it('"Utrecht" offers the gemeente, the provincie and the SWVs, jeugdregio and provincie of the gemeente', async () => {
    const res = await get('/api/gebieden/zoek?q=Utrecht');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/gebieden/gemeente/gm0344/"');
    expect(html).toContain('Gebieden waar de gemeente Utrecht bij hoort');
    expect(html).toContain('href="/gebieden/swv-po/po-26-01/"');
    expect(html).toContain('href="/gebieden/swv-vo/vo-26-01/"');
    expect(html).toContain('href="/gebieden/jeugdregio/jz22/"');
    expect(html).toContain('href="/gebieden/provincie/pv26/"');
  });

  it('a postcode in a gemeente split over SWVs lists the gemeente and the SWVs of that postcode', async () => {
    const res = await get('/api/gebieden/zoek?q=3198');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Postcodegebied 3198 ligt in de gemeente <a class="utrecht-link" href="/gebieden/gemeente/gm0599/">Rotterdam</a>');
    expect(html).toContain('hoort bij geen samenwerkingsverband');
    const city = await (await get('/api/gebieden/zoek?q=3011')).text();
    expect(city).toContain('href="/gebieden/swv-po/po-28-06/"');
    expect(city).toContain('href="/gebieden/swv-vo/vo-28-10/"');
  });

  it('an unknown postcode says so', async () => {
    const res = await get('/api/gebieden/zoek?q=0999');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Postcode 0999 staat niet in de postcodetabel');
  });

  it('refuses an overly long search with a Dutch message', async () => {
    const res = await get(`/api/gebieden/zoek?q=${'a'.repeat(101)}`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Zoek met hoogstens 100 tekens.');
  });
});

describe('the site build on the live snapshot (SNAPSHOT_SOURCE=live, as CodeBuild runs it)', () => {
  it('reads the snapshot the pointer names', async () => {
    const pointer = await readPointer({ doc: system.doc, tableName: system.tableName });
    const snapshot = await loadSnapshotForSite({ ...process.env, SNAPSHOT_SOURCE: 'live' });
    expect(snapshot.snapshotId).toBe(pointer!.snapshotId);
    expect(snapshot.areas.length).toBe(547);
  });
});

describe('GET /api/gebieden/vergelijk', () => {
  it('renders the area page with the chosen comparison areas', async () => {
    const res = await get('/api/gebieden/vergelijk?gebied=GM0363&met=GM0344&met=GM0599');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Amsterdam');
    expect(html).toContain('Utrecht');
    expect(html).toContain('Rotterdam');
    expect(html).toContain('noindex');
    // Amsterdam, 1 January 2023, from the CBS file: 918.117 inhabitants.
    expect(html).toContain('918.117');
  });

  it('without a choice renders the chooser (the static pages carry no option lists), pre-filled', async () => {
    const res = await get('/api/gebieden/vergelijk?gebied=GM0363');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Vergelijk Amsterdam met andere gebieden');
    expect(html).toContain('<form class="maoj-form maoj-compare-form" method="get" action="/api/gebieden/vergelijk"');
    expect(html).toMatch(/<select[^>]+name="met"/);
    expect(html).toContain('noindex');
    const kept = await (await get('/api/gebieden/vergelijk?gebied=GM0363&kies=ja&met=GM0344')).text();
    expect(kept).toContain('<option value="GM0344" selected>Utrecht</option>');
  });

  it('answers 404 with a Dutch page for an unknown area', async () => {
    const res = await get('/api/gebieden/vergelijk?gebied=GM9999&met=GM0344');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Dit gebied bestaat niet.');
  });

  it('refuses a flood of comparison areas', async () => {
    const many = Array.from({ length: 40 }, () => 'met=GM0344').join('&');
    const res = await get(`/api/gebieden/vergelijk?gebied=GM0363&${many}`);
    expect(res.status).toBe(422);
  });
});
