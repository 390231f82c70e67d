import { randomBytes } from 'node:crypto';
import type { CreateRoundBody, GroupCounts, RegionDetail, RegionSummary, RoundSummary } from '../operator/contract.ts';
import { currentQuestionnaire, GROUP_IDS, type GroupId } from '../questionnaires/definition.ts';
import { tailor } from '../questionnaires/tailoring.ts';
import {
  closeRound,
  createRound,
  decideRegion,
  getRegion,
  getRound,
  listRegions,
  roundCounts,
  roundsOfRegion,
  storeInvitations,
  storeOpenLink,
  type Store,
} from '../store/participation-store.ts';
import { answerPath, openLinkPath, regionResultsPath, regionStatusPath } from './links.ts';
import { dutchDay, roundState, type RegionRecord, type RoundRecord } from './model.ts';
import { invitationHash, newToken, regionAccessKey } from './tokens.ts';

/**
 * What the operators do (through the IAM-only routes): decide on registrations, create and close
 * rounds, make links. Results are domain values; the operator handler maps them to HTTP.
 */
export interface OperatorDeps {
  store: Store;
  key: Buffer;
  publicUrl: string;
  now: () => Date;
}

export function regionSummary(region: RegionRecord): RegionSummary {
  return { regionId: region.regionId, name: region.name, status: region.status, registeredAt: region.registeredAt, gemeenten: region.gemeenten.length, demo: region.demo };
}

export async function roundSummary(deps: Pick<OperatorDeps, 'store' | 'now'>, round: RoundRecord): Promise<RoundSummary> {
  const counters = await roundCounts(deps.store, round.roundId);
  const counts: GroupCounts[] = round.groups.map((group) => {
    const personal = counters.get(`${group}#personal`) ?? { issued: 0, started: 0, completed: 0 };
    const open = counters.get(`${group}#open`) ?? { issued: 0, started: 0, completed: 0 };
    return {
      group,
      issued: personal.issued,
      started: personal.started,
      completed: personal.completed,
      responseRate: personal.issued > 0 ? personal.completed / personal.issued : null,
      openStarted: open.started,
      openCompleted: open.completed,
    };
  });
  return { roundId: round.roundId, regionId: round.regionId, groups: round.groups, opens: round.opens, closes: round.closes, status: roundState(round, deps.now()), counts };
}

export const statusLink = (deps: Pick<OperatorDeps, 'key' | 'publicUrl'>, regionId: string) => `${deps.publicUrl}${regionStatusPath(regionAccessKey(deps.key, regionId))}`;
export const resultsLink = (deps: Pick<OperatorDeps, 'key' | 'publicUrl'>, regionId: string) => `${deps.publicUrl}${regionResultsPath(regionAccessKey(deps.key, regionId))}`;

export async function regionDetail(deps: OperatorDeps, region: RegionRecord): Promise<RegionDetail> {
  const rounds = await roundsOfRegion(deps.store, region.regionId);
  return {
    ...regionSummary(region),
    gemeentenCodes: region.gemeenten,
    swvPo: region.swvPo,
    swvVo: region.swvVo,
    contacts: region.contacts ?? { gemeenten: { name: '-', role: '-', email: '-' }, swv: { name: '-', role: '-', email: '-' } },
    warnings: region.warnings,
    ...(region.rejectionReason ? { rejectionReason: region.rejectionReason } : {}),
    rounds: await Promise.all(rounds.map((r) => roundSummary(deps, r))),
    ...(region.status === 'goedgekeurd' ? { statusLink: statusLink(deps, region.regionId), resultsLink: resultsLink(deps, region.regionId) } : {}),
  };
}

export async function allRegions(deps: OperatorDeps): Promise<RegionSummary[]> {
  return (await listRegions(deps.store)).map(regionSummary);
}

export type Found<T> = { ok: true; value: T } | { ok: false; problem: 'not-found' | 'already-decided' | 'not-approved' | 'closed' | 'invalid'; message?: string };

export async function showRegion(deps: OperatorDeps, regionId: string): Promise<Found<RegionDetail>> {
  const region = await getRegion(deps.store, regionId);
  return region ? { ok: true, value: await regionDetail(deps, region) } : { ok: false, problem: 'not-found' };
}

export async function decide(deps: OperatorDeps, regionId: string, decision: 'goedgekeurd' | 'afgewezen', reason?: string): Promise<Found<RegionDetail>> {
  const result = await decideRegion(deps.store, regionId, decision, deps.now(), reason);
  if (result.outcome === 'not-found') return { ok: false, problem: 'not-found' };
  if (result.outcome === 'already-decided') return { ok: false, problem: 'already-decided' };
  return { ok: true, value: await regionDetail(deps, result.region) };
}

const newRoundId = (regionId: string) => `${regionId}-${randomBytes(3).toString('hex')}`;

/** A new round: the questionnaire of each group is tailored and frozen into the round now. */
export async function openRound(deps: OperatorDeps, body: CreateRoundBody, demo = false): Promise<Found<RoundSummary>> {
  const region = await getRegion(deps.store, body.regionId);
  if (!region) return { ok: false, problem: 'not-found' };
  if (region.status !== 'goedgekeurd') return { ok: false, problem: 'not-approved' };
  const opens = body.opens ?? dutchDay(deps.now());
  if (body.closes < opens) return { ok: false, problem: 'invalid', message: 'The closing date lies before the opening date.' };
  const groups = GROUP_IDS.filter((g) => body.groups.includes(g));
  const tailoring = { omitThemes: body.omitThemes, extraQuestions: body.extraQuestions };
  const round: RoundRecord = {
    roundId: newRoundId(region.regionId),
    regionId: region.regionId,
    groups,
    opens,
    closes: body.closes,
    questionnaires: Object.fromEntries(groups.map((g) => [g, tailor(currentQuestionnaire(g), tailoring)])),
    demo: demo || region.demo,
    createdAt: deps.now().toISOString(),
  };
  await createRound(deps.store, round);
  return { ok: true, value: await roundSummary(deps, round) };
}

export async function showRound(deps: OperatorDeps, roundId: string): Promise<Found<RoundSummary>> {
  const round = await getRound(deps.store, roundId);
  return round ? { ok: true, value: await roundSummary(deps, round) } : { ok: false, problem: 'not-found' };
}

export async function endRound(deps: OperatorDeps, roundId: string): Promise<Found<RoundSummary>> {
  const round = await closeRound(deps.store, roundId, deps.now());
  return round ? { ok: true, value: await roundSummary(deps, round) } : { ok: false, problem: 'not-found' };
}

async function usableRound(deps: OperatorDeps, roundId: string, group: GroupId): Promise<Found<RoundRecord>> {
  const round = await getRound(deps.store, roundId);
  if (!round) return { ok: false, problem: 'not-found' };
  if (!round.groups.includes(group)) return { ok: false, problem: 'invalid', message: `Round ${roundId} has no group ${group}.` };
  if (roundState(round, deps.now()) === 'gesloten') return { ok: false, problem: 'closed' };
  return { ok: true, value: round };
}

/** n personal links; only the hashes of their tokens are kept, so they are shown this once. */
export async function makeInvitations(deps: OperatorDeps, roundId: string, group: GroupId, count: number): Promise<Found<string[]>> {
  const round = await usableRound(deps, roundId, group);
  if (!round.ok) return round;
  const tokens = Array.from({ length: count }, newToken);
  await storeInvitations(deps.store, roundId, group, tokens.map((t) => invitationHash(deps.key, t)));
  return { ok: true, value: tokens.map((t) => `${deps.publicUrl}${answerPath(t)}`) };
}

export async function makeOpenLink(deps: OperatorDeps, roundId: string, group: GroupId): Promise<Found<string>> {
  const round = await usableRound(deps, roundId, group);
  if (!round.ok) return round;
  const token = newToken();
  await storeOpenLink(deps.store, roundId, group, invitationHash(deps.key, token));
  return { ok: true, value: `${deps.publicUrl}${openLinkPath(token)}` };
}
