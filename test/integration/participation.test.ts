import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GEMEENTEN } from '../../shared/areas/gemeenten.ts';
import { currentQuestionnaire, type GroupId } from '../../shared/questionnaires/definition.ts';
import { questionnaireSteps } from '../../shared/questionnaires/flow.ts';
import { tailor } from '../../shared/questionnaires/tailoring.ts';
import { send, type Target } from '../../scripts/admin/client.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { REGISTRATION_DRAFT_TTL_SECONDS } from '../../shared/privacy.ts';
import { createRegistrationDraft, REGISTRATION_DRAFT } from '../../shared/registration/draft.ts';
import { draftHash } from '../../shared/store/drafts.ts';
import { emptyState as emptyRegistrationState } from '../../shared/registration/flow.ts';
import { stepForms } from '../unit/registration/fixtures.ts';
import { postJson } from '../helpers/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Regions taking part, end to end against DynamoDB Local and the SES emulator, through the local
 * gateway: register, approve, round, links, partial answers, resume, complete, counts; and a dump of
 * the whole table that must not link any response to any invitation or token.
 */
let system: LocalSystem;
let operator: Target;
beforeAll(async () => {
  system = await startLocalSystem();
  operator = { baseUrl: system.baseUrl, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, local: true };
});
afterAll(() => system.close());

const op = async (method: 'GET' | 'POST', path: string, body?: unknown) => send(operator, { method, path: `/api/beheer${path}`, ...(body === undefined ? {} : { body }) });

function registration(overrides: Record<string, unknown> = {}) {
  const gemeente = GEMEENTEN.find((g) => g.code === 'GM0363')!;
  return {
    registrationId: randomUUID(),
    regionName: 'Regio Testland',
    gemeenten: [gemeente.code],
    swvPo: [gemeente.swvPo],
    swvVo: [gemeente.swvVo],
    contactGemeenten: { name: 'Anna de Vries', role: 'Beleidsadviseur jeugd', email: testAddress() },
    contactSwv: { name: 'Bram Jansen', role: 'Directeur SWV', email: testAddress(), phone: '06 1234 5678' },
    bevestiging: true,
    ...overrides,
  };
}

/** Form answers that complete one step of a round questionnaire. */
function stepForm(group: GroupId, step: number, value = '4'): URLSearchParams {
  const rq = tailor(currentQuestionnaire(group), { omitThemes: [], extraQuestions: [] });
  const kind = questionnaireSteps(rq)[step - 1]!;
  const form = new URLSearchParams({ stap: String(step), actie: 'volgende' });
  if (kind.kind === 'theme') for (const item of kind.theme.items) form.set(item.id, value);
  if (kind.kind === 'afsluiting') form.set('rapportcijfer', '7');
  return form;
}

const postForm = (url: string, form: URLSearchParams) =>
  fetch(url, { method: 'POST', body: form, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });

async function approvedRegion(): Promise<string> {
  const res = await postJson(system.baseUrl, '/api/aanmelden', registration());
  expect(res.status).toBe(201);
  const approved = await op('POST', `/regios/${res.json.regionId}/goedkeuren`);
  expect(approved.status).toBe(200);
  return res.json.regionId as string;
}

describe('registration', () => {
  it('stores the region and sends one email to each contact and the operators, exactly once', async () => {
    const body = registration();
    const [first, second] = await Promise.all([postJson(system.baseUrl, '/api/aanmelden', body), postJson(system.baseUrl, '/api/aanmelden', body)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.json.regionId).toBe(second.json.regionId);
    for (const contact of [body.contactGemeenten, body.contactSwv]) {
      const mails = await system.emailsTo(contact.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain('Regio Testland');
    }
    const operatorMails = (await system.emailsTo('beheer@monitor-aoj.test')).filter((m) => m.body.text.includes(first.json.regionId));
    expect(operatorMails).toHaveLength(1);
    expect(operatorMails[0]!.body.text).toContain(`regions approve ${first.json.regionId}`);
    // Sent mail leaves no address behind; the region keeps its contacts.
    const items = (await system.items()).filter((i) => i.pk === `REGION#${first.json.regionId}`);
    expect(items.map((i) => i.sk)).toEqual(['REGION']);
    const shown = await op('GET', `/regios/${first.json.regionId}`);
    expect(shown.body).toMatchObject({ status: 'aangemeld', name: 'Regio Testland', contacts: { swv: { phone: '06 1234 5678' } } });
  });

  it('warns about gemeenten the chosen SWVs do not cover, but stores the registration', async () => {
    const other = GEMEENTEN.find((g) => g.swvPo !== 'PO 27-07' && !g.swvPoAll.includes('PO 27-07'))!;
    const res = await postJson(system.baseUrl, '/api/aanmelden', registration({ gemeenten: ['GM0363', other.code] }));
    expect(res.status).toBe(201);
    expect(res.json.warnings.join(' ')).toContain(other.name);
  });

  it('refuses bad registrations with a stable code and stores nothing', async () => {
    const before = (await system.items()).length;
    for (const bad of [
      registration({ bevestiging: false }),
      registration({ gemeenten: ['GM9999'] }),
      registration({ contactSwv: { name: 'X', role: 'Y', email: 'geen-adres' } }),
      registration({ extra: 1 }),
    ]) {
      const res = await postJson(system.baseUrl, '/api/aanmelden', bad);
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await system.items()).length).toBe(before);
  });

  it('rejects a registration and forgets its contact persons at once', async () => {
    const res = await postJson(system.baseUrl, '/api/aanmelden', registration());
    const rejected = await op('POST', `/regios/${res.json.regionId}/afwijzen`, { reason: 'Geen SWV VO betrokken' });
    expect(rejected.status).toBe(200);
    const item = (await system.items()).find((i) => i.pk === `REGION#${res.json.regionId}` && i.sk === 'REGION')!;
    expect(item).toMatchObject({ status: 'afgewezen', rejectionReason: 'Geen SWV VO betrokken' });
    expect(JSON.stringify(item)).not.toContain('@');
    expect((await op('POST', `/regios/${res.json.regionId}/goedkeuren`)).status).toBe(409);
  });
});

describe('a round answered through anonymous links', () => {
  it('register → approve → round → links → partial answers → resume → complete → counts, and anonymous in the table', async () => {
    const regionId = await approvedRegion();
    const today = new Date().toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const round = await op('POST', '/rondes', { regionId, groups: ['beleid', 'ouders-jongeren'], closes, omitThemes: [], extraQuestions: [] });
    expect(round.status).toBe(201);
    const roundId = (round.body as { roundId: string }).roundId;
    expect(round.body).toMatchObject({ status: 'open', opens: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(today.length).toBe(10);

    const made = await op('POST', `/rondes/${roundId}/uitnodigingen`, { group: 'beleid', count: 3 });
    const links = (made.body as { links: string[] }).links.map((l) => l.replace('http://localhost:4321', system.baseUrl));
    expect(links).toHaveLength(3);
    const tokens = links.map((l) => l.split('/').pop()!);

    // The link opens at step 1; a saved step survives, and reopening the link resumes at step 2.
    const open = await fetch(links[0]!, { redirect: 'manual' });
    expect(open.status).toBe(303);
    expect(open.headers.get('location')).toMatch(/\/1$/);
    const saved = await postForm(`${links[0]}/1`, stepForm('beleid', 1));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toMatch(/\/2$/);
    const resumed = await fetch(links[0]!, { redirect: 'manual' });
    expect(resumed.headers.get('location')).toMatch(/\/2$/);
    const page = await (await fetch(`${links[0]}/1`)).text();
    expect(page).toMatch(/checked/); // the saved answers are shown again

    // Answer every step, then send from the check page.
    const rq = tailor(currentQuestionnaire('beleid'), { omitThemes: [], extraQuestions: [] });
    const steps = questionnaireSteps(rq);
    for (let n = 2; n < steps.length; n++) expect((await postForm(`${links[0]}/${n}`, stepForm('beleid', n))).status).toBe(303);
    const sent = await postForm(`${links[0]}/${steps.length}`, new URLSearchParams({ stap: String(steps.length), actie: 'versturen' }));
    expect(sent.headers.get('location')).toMatch(/\/klaar$/);
    expect(await (await fetch(`${links[0]}/klaar`)).text()).toMatch(/[Bb]edankt/);

    // A second send through the same link changes nothing; the link now says it was used.
    const again = await postForm(`${links[0]}/${steps.length}`, new URLSearchParams({ stap: String(steps.length), actie: 'versturen' }));
    expect(again.headers.get('location')).toMatch(/\/klaar$/);
    const used = await fetch(links[0]!, { redirect: 'manual' });
    expect(used.status).toBe(200);
    expect(await used.text()).toContain('al ingevuld');

    // Link 2 started only; link 3 untouched.
    await postForm(`${links[1]}/1`, stepForm('beleid', 1, '2'));
    const status = await op('GET', `/rondes/${roundId}`);
    expect((status.body as { counts: unknown[] }).counts).toEqual([
      { group: 'beleid', issued: 3, started: 2, completed: 1, responseRate: 1 / 3, openStarted: 0, openCompleted: 0 },
      { group: 'ouders-jongeren', issued: 0, started: 0, completed: 0, responseRate: null, openStarted: 0, openCompleted: 0 },
    ]);

    // The shared link: each visitor starts a fresh response with a code, counted apart.
    const shared = await op('POST', `/rondes/${roundId}/open-link`, { group: 'ouders-jongeren' });
    const sharedUrl = (shared.body as { link: string }).link.replace('http://localhost:4321', system.baseUrl);
    expect((await fetch(sharedUrl)).status).toBe(200);
    const start = await postForm(sharedUrl, new URLSearchParams({ actie: 'start' }));
    const codeUrl = `${system.baseUrl}${start.headers.get('location')!}`;
    const code = codeUrl.split('/').slice(-2)[0]!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const withCode = await fetch(`${sharedUrl}?code=${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12).toLowerCase()}`, { redirect: 'manual' });
    expect(withCode.headers.get('location')).toContain(code);

    // Dump every item: nothing in it links a response to an invitation, a draft or a token.
    const items = await system.items();
    const dump = JSON.stringify(items);
    for (const token of [...tokens, code]) expect(dump).not.toContain(token);
    const responses = items.filter((i) => String(i.sk).startsWith('RESPONSE#'));
    expect(responses).toHaveLength(1);
    const response = responses[0]!;
    expect(Object.keys(response).sort()).toEqual(['answers', 'group', 'linkKind', 'pk', 'sk', 'version']);
    const responseId = String(response.sk).split('#').pop()!;
    // 128 random bits as 32 hex digits: no UUID layout (v7 or otherwise) and no ULID, so no time in it.
    expect(responseId).toMatch(/^[0-9a-f]{32}$/);
    const otherItems = items.filter((i) => i !== response);
    expect(JSON.stringify(otherItems)).not.toContain(responseId);
    const invitations = items.filter((i) => String(i.pk).startsWith('INVITATION#'));
    expect(invitations.length).toBe(5); // 3 personal, the shared link, one response through it
    for (const inv of invitations) expect(Object.keys(inv).sort()).toEqual(['group', 'linkKind', 'pk', 'roundId', 'sk', 'state']);
    // Drafts: the completed one is gone; the others are sealed (no readable answer values).
    const drafts = items.filter((i) => String(i.pk).startsWith('DRAFT#'));
    expect(drafts).toHaveLength(2);
    for (const draft of drafts) expect(JSON.stringify(draft)).not.toMatch(/b-sw-1|rapportcijfer/);
    const invitationHashes = invitations.map((i) => String(i.pk).slice('INVITATION#'.length));
    for (const draft of drafts) expect(invitationHashes).not.toContain(String(draft.pk).slice('DRAFT#'.length));
    // No time finer than the round on responses, invitations or drafts.
    for (const item of [...responses, ...invitations, ...drafts]) expect(JSON.stringify(item)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps the answers of two tabs saving at once, and resumes after pausing twice', async () => {
    const regionId = await approvedRegion();
    const closes = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const round = await op('POST', '/rondes', { regionId, groups: ['uitvoering'], closes, omitThemes: [], extraQuestions: [] });
    const roundId = (round.body as { roundId: string }).roundId;
    const made = await op('POST', `/rondes/${roundId}/uitnodigingen`, { group: 'uitvoering', count: 4 });
    const links = (made.body as { links: string[] }).links.map((l) => l.replace('http://localhost:4321', system.baseUrl));
    // Two tabs post different steps at the same moment, on fresh links (first save) and on a started one.
    await postForm(`${links[1]}/1`, stepForm('uitvoering', 1));
    for (const link of [links[0]!, links[1]!]) {
      const [a, b] = await Promise.all([postForm(`${link}/1`, stepForm('uitvoering', 1)), postForm(`${link}/2`, stepForm('uitvoering', 2))]);
      expect([a.status, b.status]).toEqual([303, 303]);
      expect((await fetch(link, { redirect: 'manual' })).headers.get('location')).toMatch(/\/3$/);
    }
    // Pause after step 1, come back, pause after step 2, come back: each time where it stopped.
    await postForm(`${links[2]}/1`, stepForm('uitvoering', 1));
    expect((await fetch(links[2]!, { redirect: 'manual' })).headers.get('location')).toMatch(/\/2$/);
    await postForm(`${links[2]}/2`, stepForm('uitvoering', 2));
    expect((await fetch(links[2]!, { redirect: 'manual' })).headers.get('location')).toMatch(/\/3$/);
    // "Vorige stap" saves what was typed, without checking it, and goes back.
    const back = await postForm(`${links[3]}/2`, new URLSearchParams({ stap: '2', actie: 'vorige' }));
    expect(back.headers.get('location')).toMatch(/\/1$/);
    const status = await op('GET', `/rondes/${roundId}`);
    expect((status.body as { counts: { started: number; completed: number }[] }).counts[0]).toMatchObject({ issued: 4, started: 4, completed: 0 });
  });

  it('refuses answers once the round is closed, with a clear page', async () => {
    const regionId = await approvedRegion();
    const closes = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const round = await op('POST', '/rondes', { regionId, groups: ['uitvoering'], closes, omitThemes: ['tevredenheid'], extraQuestions: [{ text: 'Hoe tevreden bent u over het thuiszittersoverleg?', type: 'likert' }] });
    const roundId = (round.body as { roundId: string }).roundId;
    const made = await op('POST', `/rondes/${roundId}/uitnodigingen`, { group: 'uitvoering', count: 1 });
    const link = (made.body as { links: string[] }).links[0]!.replace('http://localhost:4321', system.baseUrl);
    const first = await (await fetch(`${link}/1`)).text();
    expect(first).toContain('Stap 1 van');
    expect((await op('POST', `/rondes/${roundId}/sluiten`)).status).toBe(200);
    const closed = await fetch(`${link}/1`);
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain('gesloten');
    const posted = await postForm(`${link}/1`, stepForm('uitvoering', 1));
    expect(posted.status).toBe(410);
    expect((await op('POST', `/rondes/${roundId}/uitnodigingen`, { group: 'uitvoering', count: 1 })).status).toBe(409);
  });

  it('shows the region its response counts on a private page, and nothing for a wrong key', async () => {
    const regionId = await approvedRegion();
    const shown = await op('GET', `/regios/${regionId}`);
    const link = (shown.body as { statusLink: string }).statusLink.replace('http://localhost:4321', system.baseUrl);
    const page = await fetch(link, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Respons van Regio Testland');
    expect(html).toContain('noindex');
    const wrong = await fetch(`${link.slice(0, -4)}abcd`, { headers: { accept: 'text/html' } });
    expect(wrong.status).toBe(404);
  });

  it('writes no token or answer to the logs, also when a step fails', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture), vi.spyOn(console, 'warn').mockImplementation(capture)];
    try {
      const regionId = await approvedRegion();
      const closes = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
      const round = await op('POST', '/rondes', { regionId, groups: ['beleid'], closes, omitThemes: [], extraQuestions: [] });
      const made = await op('POST', `/rondes/${(round.body as { roundId: string }).roundId}/uitnodigingen`, { group: 'beleid', count: 1 });
      const link = (made.body as { links: string[] }).links[0]!.replace('http://localhost:4321', system.baseUrl);
      const token = link.split('/').pop()!;
      await postForm(`${link}/1`, new URLSearchParams({ stap: '1', actie: 'volgende' })); // errors: nothing answered
      await postForm(`${link}/1`, stepForm('beleid', 1));
      await fetch(`${link}/2`);
      expect(lines.join('\n')).not.toContain(token);
      expect(lines.join('\n')).not.toMatch(/b-sw-1/);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('keeps an operator route closed without a signature', async () => {
    const res = await fetch(`${system.baseUrl}/api/beheer/regios`);
    expect(res.status).toBe(403);
  });

  it('makes demo regions: closed rounds of made-up responses, other regions for the benchmark, links to try', async () => {
    const demo = await op('POST', '/demo');
    expect(demo.status).toBe(201);
    const body = demo.body as { regionId: string; roundId: string; openRoundId: string; links: Record<string, string>; responses: number; otherRegions: number };
    expect(Object.keys(body.links).sort()).toEqual(['beleid', 'ouders-jongeren', 'uitvoering']);
    const region = (await op('GET', `/regios/${body.regionId}`)).body as { demo: boolean; rounds: { roundId: string; status: string; counts: { completed: number }[] }[] };
    expect(region.demo).toBe(true);
    const closed = region.rounds.filter((r) => r.status === 'gesloten');
    expect(closed.map((r) => r.roundId)).toContain(body.roundId);
    expect(region.rounds.find((r) => r.roundId === body.openRoundId)?.status).toBe('open');
    const completed = closed.flatMap((r) => r.counts).reduce((a, c) => a + c.completed, 0);
    expect(completed).toBe(body.responses);
    const all = (await op('GET', '/regios')).body as { regions: { regionId: string; demo: boolean; name: string }[] };
    const demos = all.regions.filter((r) => r.demo);
    expect(demos).toHaveLength(1 + body.otherRegions);
    for (const r of demos) expect(r.name).toContain('TESTDATA');
    const page = await (await fetch(body.links.beleid!.replace('http://localhost:4321', system.baseUrl), { redirect: 'follow' })).text();
    expect(page).toContain('TESTDATA');
    // Made twice, the demo stays one set of regions.
    expect((await op('POST', '/demo')).status).toBe(201);
    expect(((await op('GET', '/regios')).body as { regions: { demo: boolean }[] }).regions.filter((r) => r.demo)).toHaveLength(1 + body.otherRegions);
  });
});

describe('registration through the form: post, redirect, get on a server-side draft', () => {
  const get = (path: string) => fetch(`${system.baseUrl}${path}`, { redirect: 'manual', headers: { accept: 'text/html' } });
  const post = (path: string, form: URLSearchParams) => postForm(`${system.baseUrl}${path}`, form);
  const regionCount = async () => (await system.items()).filter((i) => i.sk === 'REGION').length;

  it('answers every step with 303 to a GET page, keeps the answers for Back, shows errors on the GET page (422), and sends once', async () => {
    const { registrationId: _, ...reg } = registration({ regionName: 'Regio Formulierland' });
    const forms = stepForms(reg);
    const started = Date.now();
    const first = await post('/api/aanmelden/stap', forms[0]!);
    expect(first.status).toBe(303);
    const draftId = /^\/api\/aanmelden\/([A-Za-z0-9_-]{22})\/stap\/2$/.exec(first.headers.get('location') ?? '')?.[1];
    expect(draftId, first.headers.get('location') ?? '').toBeDefined();
    const stepPath = (n: number) => `/api/aanmelden/${draftId}/stap/${n}`;
    for (let n = 2; n <= 6; n++) {
      const page = await get(stepPath(n));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      // Nothing answered before travels in the page.
      expect(await page.text()).not.toContain('type="hidden" name="regionName"');
      const res = await post(stepPath(n), forms[n - 1]!);
      expect(res.status, `step ${n}`).toBe(303);
      expect(res.headers.get('location')).toBe(stepPath(n + 1));
    }
    // Back (and reload): the earlier steps are GET pages with the saved answers.
    expect(await (await get(stepPath(1))).text()).toContain('value="Regio Formulierland"');
    expect(await (await get(stepPath(2))).text()).toMatch(new RegExp(`name="gemeenten" value="${reg.gemeenten[0]}" checked`));
    const previous = new URLSearchParams(forms[2]!);
    previous.set('actie', 'vorige');
    const back = await post(stepPath(3), previous);
    expect(back.headers.get('location')).toBe(stepPath(2));
    expect(await (await get(stepPath(3))).text()).toMatch(new RegExp(`name="swvPo" value="${reg.swvPo[0]}" checked`));

    // An error: 303 to the same step, whose GET page shows it with 422, with what was typed; then fixed.
    const bad = await post(stepPath(5), new URLSearchParams({ 'contactSwv.name': 'Bram Jansen', 'contactSwv.email': 'geen-adres', actie: 'volgende' }));
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe(stepPath(5));
    const shown = await get(stepPath(5));
    expect(shown.status).toBe(422);
    const shownText = await shown.text();
    expect(shownText).toContain('Er ging iets mis');
    expect(shownText).toContain('value="geen-adres"');
    expect((await get(stepPath(5))).status).toBe(422); // reload: the same page, no resubmission
    expect((await post(stepPath(5), forms[4]!)).headers.get('location')).toBe(stepPath(6));
    expect((await get(stepPath(5))).status).toBe(200);

    // "Wijzig" on the check page: a link to the step, whose button leads back to the check page.
    const check = await (await get(stepPath(7))).text();
    expect(check).toContain(`href="${stepPath(1)}?terug=controle"`);
    expect(check).toContain(`action="/api/aanmelden/${draftId}/versturen"`);
    const change = await (await get(`${stepPath(1)}?terug=controle`)).text();
    expect(change).toContain('<input type="hidden" name="terug" value="controle">');
    const changed = await post(stepPath(1), new URLSearchParams({ regionName: 'Regio Formulierland-Oost', terug: 'controle', actie: 'volgende' }));
    expect(changed.headers.get('location')).toBe(stepPath(7));
    expect(await (await get(stepPath(7))).text()).toContain('Regio Formulierland-Oost');

    // The draft in a table dump: no draft id, no contact person, no region name in clear; TTL about 24 h from now.
    const drafts = (await system.items()).filter((i) => String(i.pk).startsWith('DRAFT#'));
    const text = JSON.stringify(drafts);
    for (const secret of [draftId!, reg.contactGemeenten.email, reg.contactSwv.email, reg.contactGemeenten.name, 'Formulierland']) expect(text).not.toContain(secret);
    const mine = drafts.filter((d) => d.pk === `DRAFT#${draftHash(Buffer.from(process.env.TOKEN_KEY!, 'utf8'), REGISTRATION_DRAFT, draftId!)}`);
    expect(mine).toHaveLength(1);
    for (const d of mine) {
      expect(Number(d.expiresAt)).toBeGreaterThanOrEqual(Math.floor(started / 1000) + REGISTRATION_DRAFT_TTL_SECONDS);
      expect(Number(d.expiresAt)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + REGISTRATION_DRAFT_TTL_SECONDS);
    }

    // Sent twice at once (a double click): one region, one email to each contact and the operators, both to the confirmation.
    const regions = await regionCount();
    const sends = await Promise.all([1, 2].map(() => post(`/api/aanmelden/${draftId}/versturen`, new URLSearchParams({ website: '', actie: 'volgende' }))));
    for (const res of sends) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/api/aanmelden/${draftId}/ontvangen`);
    }
    expect(await regionCount()).toBe(regions + 1);
    const received = await get(`/api/aanmelden/${draftId}/ontvangen`);
    expect(received.status).toBe(200);
    const receivedText = await received.text();
    expect(receivedText).toContain('Wij hebben uw aanmelding ontvangen');
    expect(receivedText).toContain(reg.contactSwv.email);
    for (const contact of [reg.contactGemeenten, reg.contactSwv]) {
      const mails = await system.emailsTo(contact.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain('Regio Formulierland-Oost');
    }
    const region = (await system.items()).find((i) => i.sk === 'REGION' && i.name === 'Regio Formulierland-Oost')!;
    const operatorMails = (await system.emailsTo('beheer@monitor-aoj.test')).filter((m) => m.body.text.includes(String(region.regionId)));
    expect(operatorMails).toHaveLength(1);
    // After sending, every step and a third send lead to the confirmation; nothing is sent again.
    expect((await get(stepPath(3))).headers.get('location')).toBe(`/api/aanmelden/${draftId}/ontvangen`);
    expect((await post(`/api/aanmelden/${draftId}/versturen`, new URLSearchParams())).headers.get('location')).toBe(`/api/aanmelden/${draftId}/ontvangen`);
    expect(await regionCount()).toBe(regions + 1);
    expect(await system.emailsTo(reg.contactSwv.email)).toHaveLength(1);
  });

  it('sends an incomplete draft back to its first incomplete step (303, then 422 there)', async () => {
    const forms = stepForms(registration());
    const first = await post('/api/aanmelden/stap', forms[0]!);
    const draftId = /\/api\/aanmelden\/([^/]+)\/stap\/2$/.exec(first.headers.get('location')!)![1]!;
    const res = await post(`/api/aanmelden/${draftId}/versturen`, new URLSearchParams({ actie: 'volgende' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/api/aanmelden/${draftId}/stap/2`);
    const page = await get(`/api/aanmelden/${draftId}/stap/2`);
    expect(page.status).toBe(422);
    expect(await page.text()).toContain('Kies minstens één gemeente');
  });

  it('an unknown draft is a Dutch 404 page, an expired one a Dutch 410 page (DRAFT_EXPIRED for programs), both with a link to start again', async () => {
    const unknown = await get('/api/aanmelden/AAAAAAAAAAAAAAAAAAAAAA/stap/2');
    expect(unknown.status).toBe(404);
    const unknownText = await unknown.text();
    expect(unknownText).toContain('Deze aanmelding bestaat niet (meer)');
    expect(unknownText).toContain('href="/aanmelden/stap-1/"');
    expect((await get('/api/aanmelden/niet-een-id/ontvangen')).status).toBe(404);
    const deps = { store: { doc: system.doc, tableName: system.tableName }, key: Buffer.from(process.env.TOKEN_KEY!, 'utf8'), now: () => new Date(Date.now() - REGISTRATION_DRAFT_TTL_SECONDS * 1000 - 60_000) };
    const old = await createRegistrationDraft(deps, { ...emptyRegistrationState(), regionName: 'Regio Verlopen' });
    for (const res of [await get(`/api/aanmelden/${old}/stap/2`), await post(`/api/aanmelden/${old}/stap/2`, stepForms(registration())[1]!), await post(`/api/aanmelden/${old}/versturen`, new URLSearchParams())]) {
      expect(res.status).toBe(410);
      const text = await res.text();
      expect(text).toContain('Deze aanmelding is verlopen');
      expect(text).toContain('24 uur');
      expect(text).toContain('href="/aanmelden/stap-1/"');
    }
    const json = await fetch(`${system.baseUrl}/api/aanmelden/${old}/stap/2`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(410);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('DRAFT_EXPIRED');
  });
});
