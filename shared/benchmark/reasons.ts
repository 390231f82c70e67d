import { MIN_GROUP_SIZE, MIN_ITEM_SIZE, MIN_OTHER_REGIONS } from '../privacy.ts';
import type { RegionResults, SuppressionReason } from './model.ts';

/** Which minimum a "too few answers" refers to: a whole group, or a single question or background category. */
export type FigureLevel = 'groep' | 'vraag';

/** The numbers of the rules; a results view carries the ones it was computed with. */
export type RuleNumbers = Pick<RegionResults['method'], 'minGroupSize' | 'minItemSize' | 'minOtherRegions'>;
const CURRENT_RULES: RuleNumbers = { minGroupSize: MIN_GROUP_SIZE, minItemSize: MIN_ITEM_SIZE, minOtherRegions: MIN_OTHER_REGIONS };

/**
 * Why a figure is hidden, in B1 Dutch, with the number of its rule: one wording for the results page,
 * the CSV and the PDF report.
 */
export function reasonText(reason: SuppressionReason, level: FigureLevel, rules: RuleNumbers = CURRENT_RULES): string {
  switch (reason) {
    case 'te-weinig-antwoorden':
      return `Minder dan ${level === 'groep' ? rules.minGroupSize : rules.minItemSize} antwoorden`;
    case 'aanvullend-verborgen':
      return 'Verborgen, zodat een ander verborgen cijfer niet te berekenen is';
    case 'te-veel-weet-niet':
      return "Meer dan de helft antwoordde 'weet ik niet'";
    case 'te-weinig-regios':
      return `Te weinig andere regio's om mee te vergelijken (minimaal ${rules.minOtherRegions})`;
  }
}
