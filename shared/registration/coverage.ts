import { findGemeente, type Gemeente } from '../areas/gemeenten.ts';
import { swvLabelOf } from './validation.ts';

/**
 * Does the chosen set of gemeenten fit the chosen SWVs? A region may have good reasons for an odd
 * shape (a gemeente split over SWVs, a new indeling), so these are warnings for the region and the
 * operators, never a refusal. Unknown codes are left out: validation reports those.
 */
export interface RegionChoice {
  gemeenten: readonly string[];
  swvPo: readonly string[];
  swvVo: readonly string[];
}

export interface SuggestedSwvs {
  po: string[];
  vo: string[];
}

const known = (codes: readonly string[]): Gemeente[] =>
  [...new Set(codes)].map(findGemeente).filter((g): g is Gemeente => g !== undefined);

const names = (list: readonly string[]) => list.join(', ');

/** The SWVs PO and VO that cover at least one of these gemeenten, each list sorted by code. */
export function suggestedSwvs(gemeenten: readonly string[]): SuggestedSwvs {
  const po = new Set<string>();
  const vo = new Set<string>();
  for (const g of known(gemeenten)) {
    g.swvPoAll.forEach((c) => po.add(c));
    g.swvVoAll.forEach((c) => vo.add(c));
  }
  return { po: [...po].sort(), vo: [...vo].sort() };
}

/** Dutch sentences, one per kind of mismatch, naming the gemeenten and SWVs concerned. */
export function coverageWarnings(choice: RegionChoice): string[] {
  const gemeenten = known(choice.gemeenten);
  if (gemeenten.length === 0) return [];
  const warnings: string[] = [];
  const sides = [
    { chosen: new Set(choice.swvPo), all: (g: Gemeente) => g.swvPoAll, short: 'PO', long: 'primair onderwijs' },
    { chosen: new Set(choice.swvVo), all: (g: Gemeente) => g.swvVoAll, short: 'VO', long: 'voortgezet onderwijs' },
  ];
  for (const side of sides) {
    if (side.chosen.size === 0) continue;
    const outside = gemeenten.filter((g) => !side.all(g).some((c) => side.chosen.has(c)));
    if (outside.length > 0)
      warnings.push(
        `${outside.length === 1 ? 'Deze gemeente ligt' : 'Deze gemeenten liggen'} in geen van de gekozen samenwerkingsverbanden ${side.short} (${side.long}): ${names(outside.map((g) => g.name))}.`,
      );
  }
  for (const side of sides) {
    const covered = new Set(gemeenten.flatMap(side.all));
    const unused = [...side.chosen].filter((c) => !covered.has(c) && swvLabelOf(c) !== c);
    if (unused.length > 0)
      warnings.push(
        `${unused.length === 1 ? 'Dit samenwerkingsverband' : 'Deze samenwerkingsverbanden'} ${side.short} ${unused.length === 1 ? 'werkt' : 'werken'} in geen van de gekozen gemeenten: ${names(unused.map(swvLabelOf))}.`,
      );
  }
  return warnings;
}
