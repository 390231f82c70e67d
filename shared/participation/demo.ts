import { createHash } from 'node:crypto';
import type { DemoAnswer } from '../operator/contract.ts';
import { DONT_KNOW, GROUP_IDS, GRADE_SCALE, LIKERT_SCALE, type GroupId } from '../questionnaires/definition.ts';
import type { Answers } from '../questionnaires/flow.ts';
import { itemsOf, type RoundQuestionnaire } from '../questionnaires/tailoring.ts';
import { closeRound, getRegion, roundsOfRegion, storeDemoResponses, storeRegistrationRecord } from '../store/participation-store.ts';
import type { RegionRecord } from './model.ts';
import { dutchDay } from './model.ts';
import { makeInvitations, openRound, resultsLink, statusLink, type OperatorDeps } from './operations.ts';
import { newResponseId } from './tokens.ts';

/**
 * The demo: made-up regions (TESTDATA) so the whole flow can be tried at once: the Voorbeeldregio with
 * two closed rounds full of made-up responses and an open round with fresh links, and six more made-up
 * regions with one closed round each, so the Voorbeeldregio's results show a benchmark. Marked as
 * demo on every page and in the report; they have no Regioscan figures (those would be real ones).
 */
export const DEMO_REGION_ID = 'voorbeeldregio';
const OTHER_DEMO_REGIONS = ['b', 'c', 'd', 'e', 'f', 'g'].map((letter) => ({ id: `voorbeeldregio-${letter}`, name: `Voorbeeldregio ${letter.toUpperCase()} (TESTDATA)` }));
const DEMO_RESPONSES: Record<GroupId, number> = { beleid: 14, uitvoering: 38, 'ouders-jongeren': 27 };

/** A small deterministic generator, so the demo (and the benchmark script) looks the same every time. */
export function generator(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One made-up respondent's answers (TESTDATA), leaning with the region. */
export function demoAnswers(rq: RoundQuestionnaire, random: () => number, regionLean: number): Answers {
  const answers: Answers = {};
  // Each made-up respondent leans a little positive or negative; about 1 in 12 answers is "weet ik niet".
  const lean = regionLean + random() * 1.5;
  for (const item of itemsOf(rq)) {
    if (random() < 1 / 12) answers[item.id] = DONT_KNOW.value;
    else answers[item.id] = LIKERT_SCALE[Math.min(4, Math.max(0, Math.round(lean + random() * 2.5)))]!.value;
  }
  answers.rapportcijfer = GRADE_SCALE[Math.min(9, Math.max(0, Math.round(3 + lean * 1.5 + random() * 2.5)))]!;
  for (const question of rq.background) {
    if (random() < 0.85) answers[question.id] = question.options[Math.floor(random() * question.options.length)]!.value;
  }
  return answers;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

/** An approved made-up region (TESTDATA) with made-up contacts and no gemeenten. */
export function demoRegion(regionId: string, name: string, now: Date): RegionRecord {
  return {
    regionId,
    registrationId: regionId,
    name,
    gemeenten: [],
    swvPo: [],
    swvVo: [],
    contacts: {
      gemeenten: { name: 'Voorbeeld Contact (TESTDATA)', role: 'Beleidsmedewerker jeugd', email: 'gemeente@voorbeeld.invalid' },
      swv: { name: 'Voorbeeld Contact (TESTDATA)', role: 'Coördinator passend onderwijs', email: 'swv@voorbeeld.invalid' },
    },
    warnings: [],
    status: 'goedgekeurd',
    registeredAt: now.toISOString(),
    decidedAt: now.toISOString(),
    demo: true,
  };
}

/** A closed round of a demo region, with made-up responses written straight in. */
async function closedDemoRound(deps: OperatorDeps, regionId: string, opens: string, closes: string, lean: number, seed: string): Promise<void> {
  const made = await openRound(deps, { regionId, groups: [...GROUP_IDS], opens, closes, omitThemes: [], extraQuestions: [] }, true);
  if (!made.ok) throw new Error(`demo round of ${regionId} could not be created`);
  const round = (await roundsOfRegion(deps.store, regionId)).find((r) => r.roundId === made.value.roundId)!;
  // Seeded by name, not by date: the made-up answers are the same whatever day the demo is made.
  const random = generator(seed);
  for (const group of GROUP_IDS) {
    const rq = round.questionnaires[group]!;
    const responses = Array.from({ length: DEMO_RESPONSES[group] }, () => ({
      id: newResponseId(),
      response: { group, version: rq.version, linkKind: 'personal' as const, answers: demoAnswers(rq, random, lean) },
    }));
    await storeDemoResponses(deps.store, round.roundId, group, responses);
  }
  await closeRound(deps.store, round.roundId, deps.now());
}

export async function createDemo(deps: OperatorDeps): Promise<DemoAnswer> {
  const today = dutchDay(deps.now());
  if (!(await getRegion(deps.store, DEMO_REGION_ID))) {
    await storeRegistrationRecord(deps.store, demoRegion(DEMO_REGION_ID, 'Voorbeeldregio (TESTDATA)', deps.now()));
    await closedDemoRound(deps, DEMO_REGION_ID, addDays(today, -400), addDays(today, -370), 0.6, `${DEMO_REGION_ID}-1`);
    await closedDemoRound(deps, DEMO_REGION_ID, addDays(today, -40), addDays(today, -10), 0.9, `${DEMO_REGION_ID}-2`);
    const current = await openRound(deps, { regionId: DEMO_REGION_ID, groups: [...GROUP_IDS], closes: addDays(today, 60), omitThemes: [], extraQuestions: [{ text: 'Weet u bij wie u terecht kunt met een vraag over een leerling?', type: 'likert' }] }, true);
    if (!current.ok) throw new Error('demo round could not be created');
    for (const [i, other] of OTHER_DEMO_REGIONS.entries()) {
      if (await getRegion(deps.store, other.id)) continue;
      await storeRegistrationRecord(deps.store, demoRegion(other.id, other.name, deps.now()));
      await closedDemoRound(deps, other.id, addDays(today, -45 + i), addDays(today, -12 + i), 0.2 + i * 0.25, `${other.id}-1`);
    }
  }
  const rounds = await roundsOfRegion(deps.store, DEMO_REGION_ID);
  const closed = rounds.filter((r) => r.closedAt);
  const open = rounds.find((r) => !r.closedAt)!;
  const links: Record<string, string> = {};
  for (const group of GROUP_IDS) {
    const made = await makeInvitations(deps, open.roundId, group, 1);
    if (made.ok) links[group] = made.value[0]!;
  }
  return {
    regionId: DEMO_REGION_ID,
    roundId: closed[closed.length - 1]!.roundId,
    openRoundId: open.roundId,
    statusLink: statusLink(deps, DEMO_REGION_ID),
    resultsLink: resultsLink(deps, DEMO_REGION_ID),
    links,
    responses: closed.length * Object.values(DEMO_RESPONSES).reduce((a, b) => a + b, 0),
    otherRegions: OTHER_DEMO_REGIONS.length,
  };
}
