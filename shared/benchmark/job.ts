import { createHash } from 'node:crypto';
import { findGemeente } from '../areas/gemeenten.ts';
import { dutchDay, roundState, type RegionRecord, type RoundRecord } from '../participation/model.ts';
import { removeExpiredContacts } from '../participation/retention.ts';
import { renderReportPdf } from '../report/pdf.ts';
import { listRegions, roundCounts, roundResponses, roundsOfRegion, type Store } from '../store/participation-store.ts';
import { putReport, reportHash, type ReportsBucket } from '../store/reports.ts';
import { allRegioscanSubmissions, benchmarkState, putResults, recordBenchmarkRun } from '../store/results-store.ts';
import { groupFigures } from './aggregate.ts';
import type { GroupFigures } from './model.ts';
import { buildRegionResults, type EarlierRound } from './results.ts';

/**
 * The benchmark job: for every closed round of every approved region, the figures per group against
 * the latest closed round of every other region, stored pre-computed (results JSON in the table, the
 * PDF report in its bucket). Made-up demo regions are compared only with each other, real regions
 * only with real ones. The same input writes nothing new: results are written only when their hash
 * changed, so a re-run is byte-identical. Reads raw responses here and nowhere else.
 */
export interface BenchmarkDeps {
  store: Store;
  reports: ReportsBucket;
  now: () => Date;
}

export interface BenchmarkReport {
  ran: boolean;
  regions: number;
  rounds: number;
  responses: number;
  written: number;
  unchanged: number;
  reports: number;
  /** Regions whose contact persons were removed by the nightly retention check. */
  contactsRemoved: number;
}

/** The hour (Dutch time) after which the nightly run happens, once per day. */
const NIGHTLY_HOUR = 3;

function dutchHour(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(now));
}

/**
 * Runs when asked (a round closed, the demo was made, on demand), and once a night. The nightly run
 * (and a forced one) also removes contact persons whose retention is over: the same schedule, so no
 * second function only for that.
 */
export async function runBenchmarkIfDue(deps: BenchmarkDeps, force = false): Promise<BenchmarkReport> {
  const state = await benchmarkState(deps.store);
  const started = deps.now();
  const requested = state.requestedAt !== undefined && (state.lastRunAt === undefined || state.requestedAt >= state.lastRunAt);
  const nightly = dutchHour(started) >= NIGHTLY_HOUR && (state.lastRunAt === undefined || dutchDay(new Date(state.lastRunAt)) < dutchDay(started));
  if (!force && !requested && !nightly) return { ran: false, regions: 0, rounds: 0, responses: 0, written: 0, unchanged: 0, reports: 0, contactsRemoved: 0 };
  const report = await runBenchmark(deps);
  if (force || nightly) report.contactsRemoved = await removeExpiredContacts(deps.store, started);
  await recordBenchmarkRun(deps.store, started);
  return report;
}

interface ClosedRound {
  round: RoundRecord;
  figures: GroupFigures[];
}

/** JSON with keys in a fixed order, so equal results are equal bytes. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export async function runBenchmark(deps: BenchmarkDeps): Promise<BenchmarkReport> {
  const { store } = deps;
  const now = deps.now();
  const regions = (await listRegions(store)).filter((r) => r.status === 'goedgekeurd');
  const closedByRegion = new Map<string, ClosedRound[]>();
  let responseCount = 0;
  for (const region of regions) {
    const rounds = (await roundsOfRegion(store, region.regionId)).filter((r) => roundState(r, now) === 'gesloten').sort((a, b) => a.closes.localeCompare(b.closes));
    const closed: ClosedRound[] = [];
    for (const round of rounds) {
      const figures: GroupFigures[] = [];
      for (const group of round.groups) {
        const rq = round.questionnaires[group];
        if (!rq) continue;
        // Counted at once and let go: only counts are kept, never the responses themselves.
        const responses = await roundResponses(store, round.roundId, group);
        responseCount += responses.length;
        figures.push(groupFigures(region.regionId, round.roundId, rq, responses));
      }
      closed.push({ round, figures });
    }
    closedByRegion.set(region.regionId, closed);
  }
  // The benchmark: the latest closed round of every region, demo and real apart.
  const latest = (demo: boolean) =>
    regions.filter((r) => r.demo === demo).flatMap((r) => closedByRegion.get(r.regionId)!.at(-1)?.figures ?? []);
  const benchmark = { real: latest(false), demo: latest(true) };
  const submissions = await allRegioscanSubmissions(store);

  const report: BenchmarkReport = { ran: true, regions: regions.length, rounds: 0, responses: responseCount, written: 0, unchanged: 0, reports: 0, contactsRemoved: 0 };
  for (const region of regions) {
    const closed = closedByRegion.get(region.regionId)!;
    const gemeenten = gemeentenOf(region);
    const codes = new Set(gemeenten.map((g) => g.code));
    for (const [index, { round, figures }] of closed.entries()) {
      const earlier: EarlierRound[] = closed.slice(0, index).map((c) => ({ roundId: c.round.roundId, opens: c.round.opens, closes: c.round.closes, figures: c.figures }));
      const counters = await roundCounts(store, round.roundId);
      const results = buildRegionResults({
        region: { id: region.regionId, name: region.name, demo: region.demo, gemeenten },
        round: { id: round.roundId, opens: round.opens, closes: round.closes, groups: round.groups, questionnaires: round.questionnaires },
        figures,
        counts: Object.fromEntries(round.groups.map((g) => [g, counters.get(`${g}#personal`) ?? { issued: 0, started: 0, completed: 0 }])),
        earlier,
        benchmark: region.demo ? benchmark.demo : benchmark.real,
        // Demo regions never show Regioscan figures: those would be real people's answers.
        regioscan: region.demo ? [] : submissions.filter((s) => codes.has(s.gemeente)),
      });
      const json = stableJson(results);
      const hash = createHash('sha256').update(json).digest('hex');
      const outcome = await putResults(store, { regionId: region.regionId, roundId: round.roundId, json, hash, closes: round.closes });
      report[outcome]++;
      report.rounds++;
      if ((await reportHash(deps.reports, region.regionId, round.roundId)) !== hash) {
        await putReport(deps.reports, region.regionId, round.roundId, await renderReportPdf(results), hash);
        report.reports++;
      }
    }
  }
  return report;
}

function gemeentenOf(region: RegionRecord): { code: string; name: string }[] {
  return region.gemeenten.map((code) => ({ code, name: findGemeente(code)?.name ?? code }));
}
