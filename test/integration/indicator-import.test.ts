import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { incomingKeysFromEvent, PREFIXES, readLiveSnapshot, readPointer, runImport, type ImportDeps } from '../../shared/imports/run.ts';
import { validateSnapshot } from '../../shared/imports/validate.ts';
import { searchAreas } from '../../shared/areas/search.ts';
import { renderAreaPage } from '../../shared/regional/area-page.ts';
import { buildRegionalView } from '../../shared/regional/view.ts';
import { INDICATOR_POINTER_KEY } from '../../shared/store/table.ts';
import { seedFiles } from '../../shared/imports/seed.ts';
import { dynamoClient, ensureTable } from '../../scripts/local/emulators.ts';
import { localS3 } from '../../scripts/local/seed.ts';
import { EXPECTED } from '../fixtures/indicators/problems/expected.ts';

/**
 * The real import against s3rver and DynamoDB Local: the real source files are accepted and
 * published; problem files are quarantined with an exact report and change nothing that is live;
 * replaying any file writes nothing.
 */
const PROBLEMS_DIR = 'test/fixtures/indicators/problems';
let s3: S3Client;
let deps: ImportDeps;
// Derived from the real time: items with a TTL expire for real in DynamoDB Local.
let clock = new Date();

async function drop(fileName: string, bytes: Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: deps.bucket, Key: `${PREFIXES.incoming}${fileName}`, Body: bytes }));
}

async function keys(prefix = ''): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: deps.bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

async function tableItems(): Promise<unknown[]> {
  const out = await deps.doc.send(new ScanCommand({ TableName: deps.tableName, ConsistentRead: true }));
  return (out.Items ?? []).sort((a, b) => String(a.pk).localeCompare(String(b.pk)));
}

/** Everything the import can write: table items and bucket keys outside incoming/. */
async function state() {
  return { items: await tableItems(), keys: (await keys()).filter((k) => !k.startsWith(PREFIXES.incoming)) };
}

beforeAll(async () => {
  s3 = localS3(inject('s3Endpoint'));
  const bucket = `imports-${randomUUID().slice(0, 8)}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const tableName = `test-${randomUUID()}`;
  await ensureTable(inject('dynamodbEndpoint'), tableName);
  deps = { s3, doc: DynamoDBDocumentClient.from(dynamoClient(inject('dynamodbEndpoint'))), bucket, tableName, now: () => clock };
});
afterAll(() => s3.destroy());

const problemFiles = Object.entries(EXPECTED).filter(([, expected]) => expected !== 'ok');

describe('indicator import against s3rver and DynamoDB Local', () => {
  let firstSnapshotId: string;

  it('accepts the real source files and publishes one snapshot', async () => {
    for (const file of seedFiles()) await drop(file.fileName, Buffer.from(file.bytes));
    const report = await runImport(deps);
    expect(report.quarantined).toEqual([]);
    expect(report.accepted.map((a) => a.file)).toEqual(seedFiles().map((f) => f.fileName));
    expect(report.published).toBe(true);
    firstSnapshotId = report.snapshotId!;
    const pointer = await readPointer(deps);
    expect(pointer?.snapshotId).toBe(firstSnapshotId);
    const snapshot = await readLiveSnapshot(deps);
    const amsterdam2023 = snapshot!.figures.find((f) => f.indicatorId === 'inwoners' && f.areaCode === 'GM0363' && f.period === '2023');
    expect(amsterdam2023?.result).toEqual({ state: 'value', value: 918_117 });
    expect(await keys(PREFIXES.incoming)).toEqual([]);
  });

  it('writes nothing when the same files are dropped again', async () => {
    const before = await state();
    for (const file of seedFiles()) await drop(file.fileName, Buffer.from(file.bytes));
    clock = new Date(clock.getTime() + 24 * 3600_000);
    const report = await runImport(deps);
    expect(report.alreadyImported).toHaveLength(seedFiles().length);
    expect(report.published).toBe(false);
    expect(await state()).toEqual(before);
    expect(await keys(PREFIXES.incoming)).toEqual([]);
  });

  it(`quarantines each of the ${problemFiles.length} problem files with an exact report, and the live snapshot stays`, async () => {
    expect(problemFiles.length).toBeGreaterThanOrEqual(20);
    const livePointer = await readPointer(deps);
    const liveObject = await s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key: `${PREFIXES.published}${firstSnapshotId}.json` }));
    const liveBytes = await liveObject.Body!.transformToString();

    for (const [name] of problemFiles) await drop(name, readFileSync(path.join(PROBLEMS_DIR, name)));
    const report = await runImport(deps);
    expect(report.accepted).toEqual([]);
    expect(report.published).toBe(false);
    expect(report.quarantined.map((q) => q.file).sort()).toEqual(problemFiles.map(([n]) => n).sort());

    for (const [name, expected] of problemFiles) {
      const entry = report.quarantined.find((q) => q.file === name)!;
      const errors = JSON.parse(
        await (await s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key: entry.report }))).Body!.transformToString(),
      ) as { file: string; liveSnapshotChanged: boolean; errors: { line: number; column?: string; code: string }[] };
      expect(errors.file).toBe(name);
      expect(errors.liveSnapshotChanged).toBe(false);
      const want = expected as { line: number; column?: string; code: string }[];
      expect(errors.errors.map((e) => ({ line: e.line, code: e.code, ...(e.column ? { column: e.column } : {}) })), name).toEqual(
        want.map((e) => ({ line: e.line, code: e.code, ...(e.column ? { column: e.column } : {}) })),
      );
      // The file itself is kept next to its report.
      expect(await keys(entry.report.replace(/\.errors\.json$/, ''))).toContain(entry.report.replace(/\.errors\.json$/, ''));
    }

    expect(await readPointer(deps)).toEqual(livePointer);
    const after = await s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key: `${PREFIXES.published}${firstSnapshotId}.json` }));
    expect(await after.Body!.transformToString()).toBe(liveBytes);
  });

  it('writes nothing when a quarantined file is dropped again', async () => {
    const before = await state();
    const [name] = problemFiles[0]!;
    await drop(name, readFileSync(path.join(PROBLEMS_DIR, name)));
    const report = await runImport(deps);
    expect(report.alreadyImported).toEqual([name]);
    expect(await state()).toEqual(before);
  });

  it('publishes a new snapshot for a new good file, in one switch', async () => {
    const name = '26_TESTDATA_swv-figure-ok.csv';
    await drop(name, readFileSync(path.join(PROBLEMS_DIR, name)));
    const report = await runImport(deps);
    expect(report.accepted.map((a) => a.file)).toEqual([name]);
    expect(report.published).toBe(true);
    expect(report.snapshotId).not.toBe(firstSnapshotId);
    const pointer = await readPointer(deps);
    expect(pointer?.snapshotId).toBe(report.snapshotId);
    expect(pointer?.manifest.files.map((f) => f.fileName)).toContain(name);
    // The previous snapshot is still there, whole, for readers that started before the switch.
    expect(await keys(PREFIXES.published)).toContain(`${PREFIXES.published}${firstSnapshotId}.json`);
  });

  it('replaces an area list through the same import: an SWV names file names the SWV', async () => {
    const name = '23_TESTDATA_swv-names-ok.csv';
    await drop(name, readFileSync(path.join(PROBLEMS_DIR, name)));
    const report = await runImport(deps);
    expect(report.accepted).toEqual([expect.objectContaining({ file: name, formatId: expect.any(String) })]);
    const snapshot = await readLiveSnapshot(deps);
    expect(snapshot!.areas.find((a) => a.code === 'PO 27-07')).toMatchObject({
      name: 'Testnaam SWV PO Amsterdam (TESTDATA)',
      hasOwnName: true,
    });
    // The figures stay: the names file changes names only.
    expect(snapshot!.figures.some((f) => f.areaCode === 'PO 27-07' && f.indicatorId === 'inwoners')).toBe(true);
  });

  it('lets only one of two concurrent imports publish; the other leaves its file for the next run', async () => {
    const a = '14_TESTDATA_bom-quotes-ok.csv';
    const b = '27_TESTDATA_space-padding-ok.csv';
    await drop(a, readFileSync(path.join(PROBLEMS_DIR, a)));
    await drop(b, readFileSync(path.join(PROBLEMS_DIR, b)));
    const [first, second] = await Promise.all([
      runImport(deps, [`${PREFIXES.incoming}${a}`]),
      runImport(deps, [`${PREFIXES.incoming}${b}`]),
    ]);
    expect([first.published, second.published].filter(Boolean)).toHaveLength(1);
    expect([first.raceLost, second.raceLost].filter(Boolean)).toHaveLength(1);
    const loser = first.published ? b : a;
    expect(await keys(PREFIXES.incoming)).toEqual([`${PREFIXES.incoming}${loser}`]);
    const next = await runImport(deps);
    expect(next.published).toBe(true);
    expect((await readPointer(deps))?.manifest.files.map((f) => f.fileName)).toEqual(expect.arrayContaining([a, b]));
  });
});

/**
 * The deps of a run, with every write recorded in order. When the pointer is written, the recorder
 * first looks whether the snapshot it points to can be read: a reader that follows the pointer must
 * never find nothing.
 */
function recordingDeps(base: ImportDeps) {
  const writes: string[] = [];
  const s3 = new Proxy(base.s3, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: { input: { Key?: string } }) => {
        if (command instanceof PutObjectCommand) writes.push(`put ${command.input.Key}`);
        return target.send(command as never);
      };
    },
  });
  const doc = new Proxy(base.doc, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return async (command: { input: { Item?: Record<string, unknown> } }) => {
        const item = command instanceof PutCommand ? command.input.Item : undefined;
        if (item?.pk === INDICATOR_POINTER_KEY.pk && item.sk === INDICATOR_POINTER_KEY.sk) {
          const key = `${PREFIXES.published}${String(item.snapshotId)}.json`;
          const present = await base.s3.send(new HeadObjectCommand({ Bucket: base.bucket, Key: key })).then(() => true, () => false);
          writes.push(`pointer ${String(item.snapshotId)} (${present ? 'object readable' : 'OBJECT MISSING'})`);
        }
        return target.send(command as never);
      };
    },
  });
  return { deps: { ...base, s3, doc } as ImportDeps, writes };
}

describe('what the import writes, and in which order', () => {
  let own: ImportDeps;
  beforeAll(async () => {
    const bucket = `imports-${randomUUID().slice(0, 8)}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const tableName = `test-${randomUUID()}`;
    await ensureTable(inject('dynamodbEndpoint'), tableName);
    own = { ...deps, bucket, tableName };
  });

  it('writes the whole snapshot object before the live pointer moves to it, and it passes the site build check', async () => {
    for (const file of seedFiles()) await s3.send(new PutObjectCommand({ Bucket: own.bucket, Key: `${PREFIXES.incoming}${file.fileName}`, Body: file.bytes }));
    const { deps: recorded, writes } = recordingDeps(own);
    const report = await runImport(recorded);
    expect(report.published).toBe(true);
    const object = `put ${PREFIXES.published}${report.snapshotId}.json`;
    const pointer = `pointer ${report.snapshotId} (object readable)`;
    expect(writes).toContain(object);
    expect(writes).toContain(pointer);
    expect(writes.indexOf(object)).toBeLessThan(writes.indexOf(pointer));
    expect(writes.filter((w) => w.startsWith('pointer'))).toEqual([pointer]);
    // The pointer is the last write of the publish: nothing of the snapshot comes after it.
    expect(writes.slice(writes.indexOf(pointer) + 1).filter((w) => w.startsWith(`put ${PREFIXES.published}`))).toEqual([]);
    const check = validateSnapshot(JSON.parse(JSON.stringify(await readLiveSnapshot(own))));
    expect(check.ok).toBe(true);
  });

  // Keys with characters that URL encoding, S3 notifications or a shell treat specially (issue 10).
  const ODD_NAMES = [
    'leerlingen 100%.csv',
    'leerlingen%2024%25.csv',
    'a+b+c.csv',
    'met  twee spaties .csv',
    'ëxtra ünïcode 数据 😀.csv',
    'sub/map/diep.csv',
    "quote'en\"dubbel.csv",
    // Longer than the 200 bytes the import keeps in its own keys (s3rver stores keys as file names: at most 255 bytes).
    `${'lang-'.repeat(43)}.csv`,
  ];
  const HEADER = 'gebiedscode;peiljaar;leerlingen_po;leerlingen_so;leerlingen_vo;leerlingen_vso';
  const badFile = (i: number) => Buffer.from(`${HEADER}\nGM0363;2024;${'9'.repeat(310 + i)};5;80;5\n`);
  const goodFile = (i: number) => Buffer.from(`${HEADER}\nGM0363;${2010 + i};${1000 + i};5;80;5\n`);
  /** An S3 notification as s3rver sends it (keys as they are) or as S3 sends it (URL-encoded, '+' for a space). */
  const event = (keys: string[], encode: boolean) => ({
    Records: keys.map((key) => ({ s3: { object: { key: encode ? encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/') : key } } })),
  });

  for (const encode of [false, true]) {
    it(`quarantines bad files under odd keys with a report, live pointer and snapshot unchanged (notification keys ${encode ? 'URL-encoded as by S3' : 'raw as by s3rver'})`, async () => {
      const pointerBefore = await readPointer(own);
      const liveBefore = await (await s3.send(new GetObjectCommand({ Bucket: own.bucket, Key: `${PREFIXES.published}${pointerBefore!.snapshotId}.json` }))).Body!.transformToString();
      const keys = ODD_NAMES.map((name) => `${PREFIXES.incoming}${name}`);
      for (const [i, key] of keys.entries()) await s3.send(new PutObjectCommand({ Bucket: own.bucket, Key: key, Body: badFile(i + (encode ? 100 : 0)) }));
      const hinted = incomingKeysFromEvent(event(keys, encode));
      expect(hinted).toHaveLength(keys.length);
      const report = await runImport(own, hinted);
      expect(report.accepted).toEqual([]);
      expect(report.published).toBe(false);
      expect(report.quarantined.map((q) => q.file).sort()).toEqual(ODD_NAMES.map((n) => n.split('/').pop()!).sort());
      for (const q of report.quarantined) {
        const body = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: own.bucket, Key: q.report }))).Body!.transformToString()) as {
          file: string;
          errors: { line: number; column: string; code: string }[];
        };
        expect(body.file).toBe(q.file);
        expect(body.errors).toEqual([expect.objectContaining({ line: 2, column: 'leerlingen_po', code: 'number-not-finite' })]);
        expect(Buffer.byteLength(q.report)).toBeLessThanOrEqual(1024);
      }
      expect(await ownKeys(PREFIXES.incoming)).toEqual([]);
      expect(await readPointer(own)).toEqual(pointerBefore);
      const liveAfter = await (await s3.send(new GetObjectCommand({ Bucket: own.bucket, Key: `${PREFIXES.published}${pointerBefore!.snapshotId}.json` }))).Body!.transformToString();
      expect(liveAfter).toBe(liveBefore);
    });
  }

  it('accepts good files under odd keys, even when the notification spelled the keys differently', async () => {
    const keys = ODD_NAMES.map((name) => `${PREFIXES.incoming}${name}`);
    for (const [i, key] of keys.entries()) await s3.send(new PutObjectCommand({ Bucket: own.bucket, Key: key, Body: goodFile(i) }));
    // The local gateway's decoding of s3rver's raw keys: '+' becomes a space, '%20' a space.
    const misspelled = keys.map((k) => k.replace(/\+/g, ' ').replace(/%20/g, ' '));
    const report = await runImport(own, misspelled);
    expect(report.quarantined).toEqual([]);
    expect(report.accepted.map((a) => a.file).sort()).toEqual(ODD_NAMES.map((n) => n.split('/').pop()!).sort());
    expect(report.published).toBe(true);
    expect(await ownKeys(PREFIXES.incoming)).toEqual([]);
    const live = await readLiveSnapshot(own);
    expect(validateSnapshot(JSON.parse(JSON.stringify(live))).ok).toBe(true);
    expect(live!.figures.find((f) => f.indicatorId === 'leerlingen_po' && f.areaCode === 'GM0363' && f.period === '2012')?.result).toEqual({ state: 'value', value: 1002 });
  });

  async function ownKeys(prefix: string): Promise<string[]> {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: own.bucket, Prefix: prefix }));
    return (out.Contents ?? []).map((o) => o.Key!);
  }
});

/**
 * DUO's own SWV address files (issue 9, point 4): dropped as DUO publishes them, the names appear on
 * the SWV pages of the published snapshot and in the search over the live view. TESTDATA fixtures:
 * real SWV codes, invented names.
 */
describe("DUO's SWV address files through the real import", () => {
  const DUO_PO = 'TESTDATA_duo-swv-adressen-po.csv';
  const DUO_VO = 'TESTDATA_duo-swv-adressen-vo.csv';
  const fixture = (name: string) => readFileSync(path.join('test/fixtures/indicators', name));
  let duo: ImportDeps;

  beforeAll(async () => {
    const bucket = `imports-${randomUUID().slice(0, 8)}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const tableName = `test-${randomUUID()}`;
    await ensureTable(inject('dynamodbEndpoint'), tableName);
    duo = { ...deps, bucket, tableName };
    for (const file of seedFiles()) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${PREFIXES.incoming}${file.fileName}`, Body: file.bytes }));
    expect((await runImport(duo)).published).toBe(true);
  });

  const liveView = async () => buildRegionalView((await readLiveSnapshot(duo))!);

  it('accepts the DUO PO file unchanged: the PO SWV pages carry the new names, and search finds them', async () => {
    await s3.send(new PutObjectCommand({ Bucket: duo.bucket, Key: `${PREFIXES.incoming}${DUO_PO}`, Body: fixture(DUO_PO) }));
    const report = await runImport(duo);
    expect(report.quarantined).toEqual([]);
    expect(report.accepted).toEqual([{ file: DUO_PO, formatId: 'duo-swv-adressen', rows: 4 }]);
    expect(report.published).toBe(true);

    const view = await liveView();
    expect(validateSnapshot(JSON.parse(JSON.stringify(view.snapshot))).ok).toBe(true);
    const po = view.areas.get('PO 20-01')!;
    expect(po).toMatchObject({ name: 'Samenwerkingsverband TESTDATA Noord', hasOwnName: true });
    expect(view.areas.get('PO 28-01')?.name).toBe('SWV TESTDATA Zuidwest & Kust');
    const page = renderAreaPage(view, po);
    expect(page.title).toContain('Samenwerkingsverband TESTDATA Noord');
    expect(page.main).toContain('Samenwerkingsverband TESTDATA Noord');
    // The figures stay: the names file changes names only. VO has no names yet.
    expect(view.snapshot.figures.some((f) => f.areaCode === 'PO 20-01' && f.indicatorId === 'inwoners')).toBe(true);
    expect(view.areas.get('VO 20-01')).toMatchObject({ name: 'Samenwerkingsverband VO 20-01', hasOwnName: false });

    expect(searchAreas(view.areas.values(), 'Samenwerkingsverband TESTDATA Noord').exact?.code).toBe('PO 20-01');
    expect(searchAreas(view.areas.values(), 'testdata zuidwest').matches.map((a) => a.code)).toContain('PO 28-01');
    expect(searchAreas(view.areas.values(), 'Passend Onderwijs TESTDATA Zuid').matches.map((a) => a.code)).toContain('PO 31-06');
  });

  it('accepts the DUO VO file unchanged: the VO names join the PO names', async () => {
    await s3.send(new PutObjectCommand({ Bucket: duo.bucket, Key: `${PREFIXES.incoming}${DUO_VO}`, Body: fixture(DUO_VO) }));
    const report = await runImport(duo);
    expect(report.quarantined).toEqual([]);
    expect(report.accepted).toEqual([{ file: DUO_VO, formatId: 'duo-swv-adressen', rows: 3 }]);

    const view = await liveView();
    expect(view.areas.get('VO 27-08')).toMatchObject({ name: 'SWV VO TESTDATA Hoofdstad', hasOwnName: true });
    expect(view.areas.get('PO 27-07')).toMatchObject({ name: 'Samenwerkingsverband TESTDATA Hoofdstad PO', hasOwnName: true });
    expect(renderAreaPage(view, view.areas.get('VO 20-01')!).title).toContain('Samenwerkingsverband VO TESTDATA Noord');

    const hits = searchAreas(view.areas.values(), 'TESTDATA Hoofdstad').matches.map((a) => a.code);
    expect(hits).toEqual(expect.arrayContaining(['PO 27-07', 'VO 27-08']));
    expect(searchAreas(view.areas.values(), 'Passend Onderwijs VO TESTDATA Oost').exact?.code).toBe('VO 21-01');
  });

  it('quarantines a DUO file with a wrong code, with its line and column, and the names stay', async () => {
    const name = 'TESTDATA_duo-swv-adressen-fout.csv';
    const text = fixture(DUO_PO).toString('utf8').replace('PO 28-01', 'PO 28-1 ');
    await s3.send(new PutObjectCommand({ Bucket: duo.bucket, Key: `${PREFIXES.incoming}${name}`, Body: Buffer.from(text) }));
    const before = await readPointer(duo);
    const report = await runImport(duo);
    expect(report.accepted).toEqual([]);
    const entry = report.quarantined.find((q) => q.file === name)!;
    const body = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: duo.bucket, Key: entry.report }))).Body!.transformToString()) as {
      errors: { line: number; column?: string; code: string }[];
    };
    expect(body.errors.map((e) => ({ line: e.line, column: e.column, code: e.code }))).toEqual([{ line: 4, column: 'ADMINISTRATIENUMMER', code: 'value-invalid' }]);
    expect(await readPointer(duo)).toEqual(before);
    expect((await liveView()).areas.get('PO 28-01')?.name).toBe('SWV TESTDATA Zuidwest & Kust');
  });
});
