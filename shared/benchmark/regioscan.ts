import { MIN_GROUP_SIZE } from '../privacy.ts';
import { THEMES } from '../regioscan/definition.ts';
import type { SubmissionRecord } from '../regioscan/record.ts';
import type { RegioscanResult, Shown, SuppressionReason } from './model.ts';
import { breakdown, groupShown, hidden, shown } from './suppression.ts';

/**
 * The Regioscan submissions of a region's gemeenten, in aggregate: per gemeente and for the region
 * as a whole, the mean theme score (0-100) with its n (the submissions with a score for that theme;
 * a theme with too few real answers has no score and does not count). Figures of fewer than
 * MIN_GROUP_SIZE submissions are hidden, and the gemeenten are a breakdown of the region's total,
 * so complementary suppression applies (suppression.ts, rule 6): the region minus the shown
 * gemeenten never leaves a figure of fewer than MIN_GROUP_SIZE. Submissions of gemeenten outside
 * the region are ignored. The region comes first, then the gemeenten by name.
 */

interface Cell {
  n: number;
  themes: { sum: number; n: number }[];
}

function cellOf(submissions: readonly SubmissionRecord[]): Cell {
  const themes = THEMES.map((theme) => {
    let sum = 0;
    let n = 0;
    for (const s of submissions) {
      const score = s.scores.find((t) => t.themeId === theme.id)?.score;
      if (typeof score === 'number') {
        sum += score;
        n++;
      }
    }
    return { sum, n };
  });
  return { n: submissions.length, themes };
}

function resultOf(code: string, name: string, cell: Cell, nReason: SuppressionReason | null, themeReasons: (SuppressionReason | null)[]): RegioscanResult {
  const n: Shown<number> = nReason ? hidden(nReason) : shown(cell.n);
  return {
    code,
    name,
    n,
    themes: THEMES.map((theme, k) => {
      const t = cell.themes[k]!;
      const reason = themeReasons[k];
      return { themeId: theme.id, title: theme.title, score: reason || t.n === 0 ? hidden(reason ?? 'te-weinig-antwoorden') : shown({ mean: t.sum / t.n, n: t.n }) };
    }),
  };
}

export function regioscanResults(
  regionId: string,
  regionName: string,
  gemeenten: readonly { code: string; name: string }[],
  submissions: readonly SubmissionRecord[],
): RegioscanResult[] {
  const ordered = [...gemeenten].sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codes = new Set(ordered.map((g) => g.code));
  const inRegion = submissions.filter((s) => codes.has(s.gemeente));
  const region = cellOf(inRegion);
  const cells = ordered.map((g) => cellOf(inRegion.filter((s) => s.gemeente === g.code)));

  const regionReason: SuppressionReason | null = groupShown(region.n) ? null : 'te-weinig-antwoorden';
  const regionThemeReasons = region.themes.map((t) => regionReason ?? (groupShown(t.n) ? null : 'te-weinig-antwoorden'));

  // Gemeenten as a breakdown of the region's submissions; every submission is in one gemeente.
  const counts = breakdown(
    cells.map((c, i) => ({ key: ordered[i]!.code, n: c.n })),
    0,
    MIN_GROUP_SIZE,
  );
  // Per theme, the same over the submissions with a score; a hidden gemeente hides its themes too.
  const themeReasons = THEMES.map((_, k) =>
    breakdown(
      cells.map((c, i) => ({ key: ordered[i]!.code, n: c.themes[k]!.n, forced: counts.get(ordered[i]!.code) ?? undefined })),
      0,
      MIN_GROUP_SIZE,
    ),
  );
  return [
    resultOf(regionId, regionName, region, regionReason, regionThemeReasons),
    ...ordered.map((g, i) =>
      resultOf(
        g.code,
        g.name,
        cells[i]!,
        counts.get(g.code)!,
        THEMES.map((_, k) => themeReasons[k]!.get(g.code)!),
      ),
    ),
  ];
}
