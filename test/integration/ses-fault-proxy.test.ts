import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesClient, SES_CONNECTION_TIMEOUT_MS, SES_REQUEST_TIMEOUT_MS } from '../../shared/aws/clients.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { LEASE_SECONDS, MAX_UNKNOWN_OUTCOMES, RETRY_DELAYS_SECONDS, sendDueMail, UNKNOWN_OUTCOME_WAIT_SECONDS, type MailDeps } from '../../shared/mail/outbox.ts';
import { renderConfirmationPage } from '../../shared/regioscan/pages.ts';
import { regioscanMailKey } from '../../shared/regioscan/submit.ts';
import { FUNCTIONS } from '../../shared/routes.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { postJson, validSubmission } from '../helpers/fixtures.ts';
import { registration } from '../unit/registration/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

/**
 * SES faults, for real: a small HTTP proxy in front of the SES emulator (aws-ses-v2-local) that can
 * hang, refuse connections, forward a send and then drop SES's answer, or answer MessageRejected. The
 * Regioscan is submitted through the real handler behind the local gateway (its SES client is the
 * production one, pointed at the proxy); retries run through the scheduled sender with a moved clock.
 * For every fault: no 5xx to the respondent, no email lost, none sent twice within the lease, no
 * address kept after a reject.
 */
type Mode = 'pass' | 'hang' | 'refuse' | 'drop-answer' | 'reject';

class SesFaultProxy {
  mode: Mode = 'pass';
  /** Requests that reached the proxy, per mode. */
  readonly seen: Mode[] = [];
  private server: Server | undefined;
  private port = 0;
  private readonly held: ServerResponse[] = [];

  constructor(private readonly upstream: string) {}

  get endpoint() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.held.splice(0)) res.destroy();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** "refuse" stops listening on the port (connection refused); any other mode listens again. */
  async set(mode: Mode): Promise<void> {
    this.mode = mode;
    if (mode === 'refuse') await this.stop();
    else if (!this.server) await this.start();
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const mode = this.mode;
      this.seen.push(mode);
      if (mode === 'hang') return void this.held.push(res); // read the request, never answer
      if (mode === 'reject') {
        res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'MessageRejected' });
        return void res.end(JSON.stringify({ message: 'Email address is not verified.' }));
      }
      const upstream = new URL(this.upstream);
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            // SES has the email; its answer never reaches the sender.
            if (mode === 'drop-answer') return void req.socket.destroy();
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  }
}

let system: LocalSystem;
let proxy: SesFaultProxy;
beforeAll(async () => {
  system = await startLocalSystem();
  proxy = new SesFaultProxy(system.sesEndpoint);
  await proxy.start();
  // The handlers' SES client (created on first use) goes through the proxy.
  process.env.AWS_ENDPOINT_URL_SESV2 = proxy.endpoint;
});
afterAll(async () => {
  await proxy.stop();
  await system.close();
});

const DEADLINE_MS = FUNCTIONS.regioscanSubmit.timeoutSeconds * 1000;

/** The scheduled sender at `offsetSeconds` from now, through the proxy. */
function sweepAt(offsetSeconds: number) {
  const ses = createSesClient({ endpoint: proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const deps: MailDeps = { doc: system.doc, ses, config: runtimeConfig(), now: () => new Date(Date.now() + offsetSeconds * 1000) };
  return sendDueMail(deps);
}

async function submitThroughProxy(mode: Mode) {
  await proxy.set(mode);
  const email = testAddress();
  const body = validSubmission({ email });
  const started = Date.now();
  const res = await postJson(system.baseUrl, '/api/regioscan', body);
  const elapsedMs = Date.now() - started;
  await proxy.set('pass');
  const id = body.submissionId as string;
  const items = async () => (await system.items()).filter((i) => i.pk === `REGIOSCAN#${id}`);
  const mail = async () => (await items()).find((i) => i.sk === 'MAIL');
  return { res, elapsedMs, email, id, items, mail };
}

describe('SES behind a fault proxy', () => {
  it('keeps the client timeouts well inside the function deadline', () => {
    expect(SES_CONNECTION_TIMEOUT_MS + SES_REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(DEADLINE_MS * 0.7);
  });

  it('SES hangs: the respondent hears "stored, email follows" in time, and the email is sent once later', async () => {
    const { res, elapsedMs, email, mail, items } = await submitThroughProxy('hang');
    expect(res.status).toBe(201);
    expect(res.json.email).toEqual({ status: 'queued' });
    expect(elapsedMs).toBeLessThan(DEADLINE_MS - 2000);
    expect(await mail()).toMatchObject({ status: 'pending', attempts: 1, unknownOutcomes: 1, lastError: 'TimeoutError' });
    expect(await system.emailsTo(email)).toHaveLength(0);

    // Within the lease, and after it within the grace period: nobody sends it.
    expect((await sweepAt(LEASE_SECONDS / 2)).sent).toBe(0);
    expect((await sweepAt(LEASE_SECONDS + 60)).sent).toBe(0);
    expect(await system.emailsTo(email)).toHaveLength(0);
    // Then it is sent, once.
    expect((await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 5)).sent).toBeGreaterThanOrEqual(1);
    expect((await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 3600)).sent).toBe(0);
    expect(await system.emailsTo(email)).toHaveLength(1);
    expect(await items()).toEqual([expect.objectContaining({ sk: 'SUBMISSION', emailStatus: 'sent' })]);
  });

  it('connection refused: queued at once, retried after the first backoff, sent once', async () => {
    const { res, elapsedMs, email, mail, items } = await submitThroughProxy('refuse');
    expect(res.status).toBe(201);
    expect(res.json.email).toEqual({ status: 'queued' });
    expect(elapsedMs).toBeLessThan(SES_CONNECTION_TIMEOUT_MS + 1000);
    // Never reached SES: known not sent, so the usual backoff, not the wait after an unknown outcome.
    expect(await mail()).toMatchObject({ status: 'pending', attempts: 1, unknownOutcomes: 0 });
    expect((await sweepAt(RETRY_DELAYS_SECONDS[0] + 5)).sent).toBeGreaterThanOrEqual(1);
    expect(await system.emailsTo(email)).toHaveLength(1);
    expect(await items()).toHaveLength(1);
  });

  it('answer lost after SES sent it: not sent again within the lease and grace; then at most one more copy, never a third', async () => {
    const { res, elapsedMs, email, mail, items } = await submitThroughProxy('drop-answer');
    expect(res.status).toBe(201);
    expect(res.json.email).toEqual({ status: 'queued' });
    expect(elapsedMs).toBeLessThan(DEADLINE_MS - 2000);
    expect(await system.emailsTo(email)).toHaveLength(1); // SES did send it
    expect(await mail()).toMatchObject({ status: 'pending', unknownOutcomes: 1 });

    for (const offset of [1, LEASE_SECONDS / 2, LEASE_SECONDS + 1, UNKNOWN_OUTCOME_WAIT_SECONDS - 5]) {
      expect((await sweepAt(offset)).sent).toBe(0);
      expect(await system.emailsTo(email)).toHaveLength(1);
    }
    // The chosen trade-off (see shared/mail/outbox.ts): the outbox cannot know SES sent it, so after the
    // lease and the grace period it sends once more rather than risk losing it; never a third time.
    await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 5);
    await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 24 * 3600);
    expect(await system.emailsTo(email)).toHaveLength(2);
    expect(await items()).toEqual([expect.objectContaining({ sk: 'SUBMISSION', emailStatus: 'sent' })]);
  });

  it('answer lost twice: gives up after the second unknown outcome, keeps no address, sends no third', async () => {
    const { email, mail, items } = await submitThroughProxy('drop-answer');
    await proxy.set('drop-answer');
    expect((await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 5)).dead).toBeGreaterThanOrEqual(1);
    await proxy.set('pass');
    await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS * 3 + 24 * 3600);
    expect(await system.emailsTo(email)).toHaveLength(MAX_UNKNOWN_OUTCOMES);
    const dead = await mail();
    expect(dead).toMatchObject({ status: 'dead', gsi1pk: 'MAIL#dead', unknownOutcomes: MAX_UNKNOWN_OUTCOMES });
    expect(dead).not.toHaveProperty('to');
    expect(JSON.stringify(await items())).not.toContain(email);
  });

  it('a sender that stopped mid-send: the email waits for the lease and grace, then goes once', async () => {
    const { email, id, mail } = await submitThroughProxy('refuse');
    // As if a sender claimed it and then died before it could record anything.
    const claimedAt = new Date();
    await system.doc.send(
      new UpdateCommand({
        TableName: system.tableName,
        Key: regioscanMailKey(id),
        UpdateExpression: 'SET #status = :sending, attemptId = :a, leaseUntil = :lease, gsi1sk = :recover',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':a': 'crashed-attempt',
          ':lease': new Date(claimedAt.getTime() + LEASE_SECONDS * 1000).toISOString(),
          ':recover': new Date(claimedAt.getTime() + UNKNOWN_OUTCOME_WAIT_SECONDS * 1000).toISOString(),
        },
      }),
    );
    expect((await sweepAt(RETRY_DELAYS_SECONDS[0] + 5)).sent).toBe(0);
    expect((await sweepAt(LEASE_SECONDS + 5)).sent).toBe(0);
    expect((await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 5)).sent).toBeGreaterThanOrEqual(1);
    expect(await system.emailsTo(email)).toHaveLength(1);
    expect(await mail()).toBeUndefined();
  });

  it('SES rejects the message: the address is removed at once and the page says so truthfully', async () => {
    const { res, email, mail, items } = await submitThroughProxy('reject');
    expect(res.status).toBe(201);
    expect(res.json.email).toEqual({ status: 'failed' });
    const dead = await mail();
    expect(dead).toMatchObject({ status: 'dead', gsi1pk: 'MAIL#dead', lastError: 'MessageRejected', attempts: 1 });
    expect(dead).not.toHaveProperty('to');
    expect(JSON.stringify(await items())).not.toContain(email);
    const stored = (await items()).find((i) => i.sk === 'SUBMISSION');
    expect(stored).toMatchObject({ emailStatus: 'failed' });
    expect(renderConfirmationPage(stored as never, 'failed', email, 'http://localhost:4321')).toContain('Uw e-mailadres is verwijderd');
    // Nobody tries it again.
    await sweepAt(24 * 3600);
    expect(await system.emailsTo(email)).toHaveLength(0);
  });

  it('a registration with three emails stays inside its deadline when SES hangs, and each email goes once', async () => {
    await proxy.set('hang');
    const contacts = { gemeenten: testAddress(), swv: testAddress() };
    const body = registration({
      registrationId: randomUUID(),
      contactGemeenten: { name: 'Anna TESTDATA', role: 'Beleidsmedewerker jeugd', email: contacts.gemeenten },
      contactSwv: { name: 'Bram TESTDATA', role: 'Directeur SWV', email: contacts.swv },
    });
    const started = Date.now();
    const res = await postJson(system.baseUrl, '/api/aanmelden', body);
    const elapsedMs = Date.now() - started;
    await proxy.set('pass');
    expect(res.status).toBe(201);
    // One hung send, not three: the other emails are left to the scheduled sender at once.
    expect(elapsedMs).toBeLessThan(FUNCTIONS.registrationSubmit.timeoutSeconds * 1000 - 2000);
    await sweepAt(5);
    await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 5);
    await sweepAt(UNKNOWN_OUTCOME_WAIT_SECONDS + 24 * 3600);
    expect(await system.emailsTo(contacts.gemeenten)).toHaveLength(1);
    expect(await system.emailsTo(contacts.swv)).toHaveLength(1);
    expect(await system.emailsTo('beheer@monitor-aoj.test').then((m) => m.filter((e) => e.body.text.includes(body.regionName)).length)).toBeGreaterThanOrEqual(1);
  });

  it('never answers 5xx, whatever SES does, and stores every submission', async () => {
    for (const mode of ['hang', 'refuse', 'drop-answer', 'reject', 'pass'] as const) {
      const { res, items } = await submitThroughProxy(mode);
      expect(res.status, mode).toBe(201);
      expect((await items()).find((i) => i.sk === 'SUBMISSION'), mode).toBeDefined();
    }
  });
});
