import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local/emulators.ts';
import { answers } from '../helpers/fixtures.ts';

/**
 * The README's `npm start`, as a new user runs it (on free ports, with its data in a temp folder,
 * using the site the test setup built): everything answers, a Regioscan is mailed, and the data is
 * still there after a restart.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'maoj-start-'));
let running: ChildProcess | undefined;

async function ports() {
  return { PORT: await freePort(), DYNAMODB_PORT: await freePort(), S3_PORT: await freePort(), SES_PORT: await freePort() };
}

async function start(env: Record<string, number>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('npm', ['start', '--', '--no-build'], {
    env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])), LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running = child;
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 120_000);
    const check = setInterval(() => {
      if (output.includes('Stop with Ctrl+C.')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
      if (ended(child)) {
        clearTimeout(timer);
        clearInterval(check);
        reject(new Error(`npm start exited:\n${output}`));
      }
    }, 200);
  });
  return { child, output: () => output };
}

const ended = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function stop(child: ChildProcess): Promise<void> {
  if (ended(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm, tsx and node
  await exited;
}

afterAll(async () => {
  if (running) await stop(running).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs site, API, mailbox and import on one machine, and keeps data over a restart', { timeout: 300_000 }, async () => {
    const env = await ports();
    const first = await start(env);
    const site = `http://localhost:${env.PORT}`;
    expect(first.output()).toContain(`Site            ${site}/`);
    expect(first.output()).toContain(`Mailbox (SES)   http://localhost:${env.SES_PORT}/`);
    expect(first.output()).toMatch(/accepted 6, quarantined 0, snapshot [0-9a-f]+/);

    expect((await fetch(`${site}/`)).status).toBe(200);
    expect((await fetch(`${site}/gebieden/gemeente/gm0363/`)).status).toBe(200);
    const search = await fetch(`${site}/api/gebieden/zoek?q=Almere`, { redirect: 'manual' });
    expect(search.headers.get('location')).toBe('/gebieden/gemeente/gm0034/');

    const email = `start-${randomUUID().slice(0, 8)}@example.nl`;
    const submissionId = randomUUID();
    const submit = await fetch(`${site}/api/regioscan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ submissionId, gemeente: 'GM0363', rol: 'gemeente', antwoorden: answers(), email, toestemming: true }),
    });
    expect(submit.status).toBe(201);
    const store = (await (await fetch(`http://localhost:${env.SES_PORT}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    expect(store.emails.filter((e) => e.destination.to.includes(email))).toHaveLength(1);
    await stop(first.child);

    const second = await start(env);
    expect(second.output()).not.toContain('Importing'); // imported once, kept
    const result = await fetch(`${site}/api/regioscan/uitkomst/${submissionId}`, { headers: { accept: 'application/json' } });
    expect(result.status).toBe(200);
    expect(((await result.json()) as { gemeente: string }).gemeente).toBe('GM0363');
    await stop(second.child);
  });
});
