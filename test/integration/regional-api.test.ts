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
