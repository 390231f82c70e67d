import { createHash } from 'node:crypto';
import type { DemoAnswer } from '../operator/contract.ts';
import { DONT_KNOW, GROUP_IDS, GRADE_SCALE, LIKERT_SCALE, type GroupId } from '../questionnaires/definition.ts';
import type { Answers } from '../questionnaires/flow.ts';
import { itemsOf, type RoundQuestionnaire } from '../questionnaires/tailoring.ts';
import { GEMEENTEN } from '../areas/gemeenten.ts';
import { closeRound, getRegion, roundsOfRegion, storeDemoResponses, storeRegistrationRecord } from '../store/participation-store.ts';
import type { RegionRecord } from './model.ts';
import { dutchDay } from './model.ts';
import { makeInvitations, openRound, statusLink, type OperatorDeps } from './operations.ts';
import { newResponseId } from './tokens.ts';

/**
 * The demo: a made-up region (TESTDATA) with a closed round full of made-up responses and an open
 * round with fresh links, so the whole flow can be tried at once. Marked as demo on every page.
 */
export const DEMO_REGION_ID = 'voorbeeldregio';
const DEMO_RESPONSES: Record<GroupId, number> = { beleid: 14, uitvoering: 38, 'ouders-jongeren': 27 };

/** A small deterministic generator, so the demo looks the same every time. */
function generator(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function demoAnswers(rq: RoundQuestionnaire, random: () => number): Answers {
  const answers: Answers = {};
  // Each made-up respondent leans a little positive or negative; about 1 in 12 answers is "weet ik niet".
  const lean = random() * 2;
  for (const item of itemsOf(rq)) {
    if (random() < 1 / 12) answers[item.id] = DONT_KNOW.value;
    else answers[item.id] = LIKERT_SCALE[Math.min(4, Math.max(0, Math.round(lean + random() * 3)))]!.value;
  }
  answers.rapportcijfer = GRADE_SCALE[Math.min(9, Math.max(0, Math.round(3 + lean * 1.5 + random() * 3)))]!;
  return answers;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

export async function createDemo(deps: OperatorDeps): Promise<DemoAnswer> {
  const today = dutchDay(deps.now());
  if (!(await getRegion(deps.store, DEMO_REGION_ID))) {
    const gemeenten = GEMEENTEN.filter((g) => g.jeugdregioCode === GEMEENTEN[0]!.jeugdregioCode);
    const region: RegionRecord = {
      regionId: DEMO_REGION_ID,
      registrationId: DEMO_REGION_ID,
      name: 'Voorbeeldregio (TESTDATA)',
      gemeenten: gemeenten.map((g) => g.code),
      swvPo: [...new Set(gemeenten.map((g) => g.swvPo))],
      swvVo: [...new Set(gemeenten.map((g) => g.swvVo))],
      contacts: {
        gemeenten: { name: 'Voorbeeld Contact (TESTDATA)', role: 'Beleidsmedewerker jeugd', email: 'gemeente@voorbeeld.invalid' },
        swv: { name: 'Voorbeeld Contact (TESTDATA)', role: 'Coördinator passend onderwijs', email: 'swv@voorbeeld.invalid' },
      },
      warnings: [],
      status: 'goedgekeurd',
      registeredAt: deps.now().toISOString(),
      decidedAt: deps.now().toISOString(),
      demo: true,
      payloadHash: 'demo',
    };
    await storeRegistrationRecord(deps.store, region);
    const last = await openRound(deps, { regionId: DEMO_REGION_ID, groups: [...GROUP_IDS], opens: addDays(today, -400), closes: addDays(today, -340), omitThemes: [], extraQuestions: [] }, true);
    if (!last.ok) throw new Error('demo round could not be created');
    const random = generator('monitor-aoj-demo');
    const round = (await roundsOfRegion(deps.store, DEMO_REGION_ID))[0]!;
    for (const group of GROUP_IDS) {
      const rq = round.questionnaires[group]!;
      const responses = Array.from({ length: DEMO_RESPONSES[group] }, () => ({
        id: newResponseId(),
        response: { group, version: rq.version, linkKind: 'personal' as const, answers: demoAnswers(rq, random) },
      }));
      await storeDemoResponses(deps.store, round.roundId, group, responses);
    }
    await closeRound(deps.store, round.roundId, deps.now());
    const current = await openRound(deps, { regionId: DEMO_REGION_ID, groups: [...GROUP_IDS], closes: addDays(today, 60), omitThemes: [], extraQuestions: [{ text: 'Weet u bij wie u terecht kunt met een vraag over een leerling?', type: 'likert' }] }, true);
    if (!current.ok) throw new Error('demo round could not be created');
  }
  const rounds = await roundsOfRegion(deps.store, DEMO_REGION_ID);
  const closed = rounds[0]!;
  const open = rounds[rounds.length - 1]!;
  const links: Record<string, string> = {};
  for (const group of GROUP_IDS) {
    const made = await makeInvitations(deps, open.roundId, group, 1);
    if (made.ok) links[group] = made.value[0]!;
  }
  return {
    regionId: DEMO_REGION_ID,
    roundId: closed.roundId,
    openRoundId: open.roundId,
    statusLink: statusLink(deps, DEMO_REGION_ID),
    links,
    responses: Object.values(DEMO_RESPONSES).reduce((a, b) => a + b, 0),
  };
}
