/**
 * Made-up data (TESTDATA) for the benchmark tests: responses and Regioscan submissions drawn from a
 * seeded generator, so every run sees the same numbers.
 */
import { groupFigures } from '../../../shared/benchmark/aggregate.ts';
import type { GroupFigures } from '../../../shared/benchmark/model.ts';
import type { RegionResultsInput as BaseInput } from '../../../shared/benchmark/results.ts';

/** Test inputs carry raw responses. */
export type RegionResultsInput = BaseInput & Required<Pick<BaseInput, 'responses'>>;
import { currentQuestionnaire, type GroupId } from '../../../shared/questionnaires/definition.ts';
import { itemsOf, NO_TAILORING, tailor, type RoundQuestionnaire, type TailoringInput } from '../../../shared/questionnaires/tailoring.ts';
import { THEMES } from '../../../shared/regioscan/definition.ts';
import type { SubmissionRecord } from '../../../shared/regioscan/record.ts';
import type { StoredResponse } from '../../../shared/store/participation-store.ts';

export const OPEN_MARKER = 'GEHEIM-OPEN-ANTWOORD-7f3a';

/** mulberry32: a small seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rqOf(group: GroupId, tailoring: TailoringInput = NO_TAILORING): RoundQuestionnaire {
  return tailor(currentQuestionnaire(group), tailoring as never);
}

export interface ResponseSpec {
  /** Answer for every item (a value or a function of the item id and the respondent's index). */
  item?: string | ((itemId: string, i: number) => string | undefined);
  grade?: string | ((i: number) => string | undefined);
  background?: Record<string, string | ((i: number) => string | undefined)>;
}

/** n responses to rq; every open question gets an answer with OPEN_MARKER in it. */
export function responses(rq: RoundQuestionnaire, n: number, seed: number, spec: ResponseSpec = {}): StoredResponse[] {
  const random = rng(seed);
  const out: StoredResponse[] = [];
  for (let i = 0; i < n; i++) {
    const answers: Record<string, string> = {};
    const lean = 1 + Math.floor(random() * 3); // each respondent leans somewhere between 1 and 3
    for (const item of itemsOf(rq)) {
      const v =
        spec.item === undefined
          ? random() < 0.1
            ? 'weet-niet'
            : String(Math.min(5, lean + Math.floor(random() * 3)))
          : typeof spec.item === 'string'
            ? spec.item
            : spec.item(item.id, i);
      if (v !== undefined) answers[item.id] = v;
    }
    const grade = spec.grade === undefined ? String(4 + Math.floor(random() * 6)) : typeof spec.grade === 'string' ? spec.grade : spec.grade(i);
    if (grade !== undefined) answers[rq.grade.id] = grade;
    for (const [id, v] of Object.entries(spec.background ?? {})) {
      const value = typeof v === 'string' ? v : v(i);
      if (value !== undefined) answers[id] = value;
    }
    for (const o of rq.open) answers[o.id] = `${OPEN_MARKER} respondent ${i}: de school belt nooit terug.`;
    out.push({ group: rq.group, version: rq.version, linkKind: 'personal', answers });
  }
  return out;
}

/** A background answer by index ranges: e.g. bySlices([['gemeente', 3], ['jeugdhulp', 10]]). */
export function bySlices(slices: [string | undefined, number][]): (i: number) => string | undefined {
  return (i) => {
    let at = 0;
    for (const [value, k] of slices) {
      if (i < at + k) return value;
      at += k;
    }
    return undefined;
  };
}

/** The figures of a made-up other region for one group. */
export function otherRegion(regionId: string, group: GroupId, n: number, seed: number, spec?: ResponseSpec): GroupFigures {
  const rq = rqOf(group);
  return groupFigures(regionId, `${regionId}-ronde`, rq, responses(rq, n, seed, spec));
}

export function submission(id: string, gemeente: string, scores: (number | null)[]): SubmissionRecord {
  return {
    submissionId: id,
    gemeente,
    swvPo: 'PO0000',
    swvVo: 'VO0000',
    jeugdregio: 'JR00',
    indeling: 2025,
    rol: 'gemeente',
    antwoorden: {} as SubmissionRecord['antwoorden'],
    scores: THEMES.map((t, k) => ({ themeId: t.id, score: scores[k] ?? null, answered: 4, dontKnow: 0 })),
    createdAt: '2027-01-01T00:00:00.000Z',
    payloadHash: 'x',
    emailStatus: 'none',
  };
}

/** n submissions in one gemeente with scores drawn from the seed. */
export function submissions(prefix: string, gemeente: string, n: number, seed: number): SubmissionRecord[] {
  const random = rng(seed);
  return Array.from({ length: n }, (_, i) =>
    submission(
      `${prefix}-${i}`,
      gemeente,
      THEMES.map(() => (random() < 0.1 ? null : Math.round(random() * 4) * 25)),
    ),
  );
}

export const GEMEENTEN = [
  { code: 'GM9001', name: 'Testdorp (TESTDATA)' },
  { code: 'GM9002', name: 'Proefstad (TESTDATA)' },
  { code: 'GM9003', name: 'Klein Voorbeeld (TESTDATA)' },
  { code: 'GM9004', name: 'Leegveld (TESTDATA)' },
];

/**
 * The audit's region: beleid n=8 (group shown, items hidden), uitvoering n=25 (items shown; sector:
 * onderwijs 12, jeugdhulp 10, gemeente 3 → gemeente hidden, jeugdhulp complementary), ouders-jongeren
 * n=3 (hidden). Own questions in every group. An earlier round; 6 other regions (one of them with
 * only 4 beleid responses); Regioscan: 20, 12, 3 and 0 submissions.
 */
export function auditInput(): RegionResultsInput {
  const tailoring = { extraQuestions: [{ text: 'Weet u bij wie u terecht kunt met een vraag?', type: 'likert' as const }, { text: 'Wat wilt u de regio nog meegeven?', type: 'open' as const }] };
  const rq = { beleid: rqOf('beleid', tailoring), uitvoering: rqOf('uitvoering', tailoring), 'ouders-jongeren': rqOf('ouders-jongeren', tailoring) };
  const earlierRq = { beleid: rqOf('beleid'), uitvoering: rqOf('uitvoering'), 'ouders-jongeren': rqOf('ouders-jongeren') };
  const others: GroupFigures[] = [];
  for (let r = 1; r <= 6; r++) {
    others.push(otherRegion(`r-ander-${r}`, 'beleid', r === 6 ? 4 : 6 + r, 100 + r));
    others.push(otherRegion(`r-ander-${r}`, 'uitvoering', 15 + r, 200 + r));
    if (r <= 4) others.push(otherRegion(`r-ander-${r}`, 'ouders-jongeren', 8 + r, 300 + r));
  }
  return {
    region: { id: 'r-audit', name: 'Auditregio (TESTDATA)', demo: true, gemeenten: GEMEENTEN },
    round: { id: 'r-audit-2027', opens: '2027-03-01', closes: '2027-03-31', groups: ['beleid', 'uitvoering', 'ouders-jongeren'], questionnaires: rq },
    responses: {
      beleid: responses(rq.beleid, 8, 1, { background: { sector: bySlices([['gemeente', 5], ['samenwerkingsverband', 3]]) } }),
      uitvoering: responses(rq.uitvoering, 25, 2, {
        background: { sector: bySlices([['onderwijs', 12], ['jeugdhulp', 10], ['gemeente', 3]]), schooltype: bySlices([['po', 11], ['vo', 11], [undefined, 3]]) },
      }),
      'ouders-jongeren': responses(rq['ouders-jongeren'], 3, 3),
    },
    counts: { beleid: { issued: 20, completed: 8 }, uitvoering: { issued: 40, completed: 25 }, 'ouders-jongeren': { issued: 0, completed: 3 } },
    earlier: [
      {
        roundId: 'r-audit-2026',
        opens: '2026-03-01',
        closes: '2026-03-31',
        figures: [
          groupFigures('r-audit', 'r-audit-2026', earlierRq.beleid, responses(earlierRq.beleid, 9, 11)),
          groupFigures('r-audit', 'r-audit-2026', earlierRq.uitvoering, responses(earlierRq.uitvoering, 20, 12)),
          groupFigures('r-audit', 'r-audit-2026', earlierRq['ouders-jongeren'], responses(earlierRq['ouders-jongeren'], 6, 13)),
        ],
      },
    ],
    benchmark: others,
    regioscan: [
      ...submissions('a', 'GM9001', 20, 21),
      ...submissions('b', 'GM9002', 12, 22),
      ...submissions('c', 'GM9003', 3, 23),
      ...submissions('x', 'GM0999', 4, 24), // a gemeente outside the region: ignored
    ],
  };
}
