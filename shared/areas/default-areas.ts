import gemeentenCsv from '../../data/areas/gemeenten_2025.csv';
import herindelingenCsv from '../../data/areas/herindelingen_2015_2025_derived.csv';
import jeugdregiosCsv from '../../data/areas/jeugdregios_2025.csv';
import provinciesCsv from '../../data/areas/provincies_2025.csv';
import swvCsv from '../../data/areas/swv_per_gemeente_2025_derived.csv';
import { buildAreaSet, type AreaSet, type AreaSources } from './model.ts';

/**
 * The area tables bundled with the code, so that the site works before any area file is imported.
 * An imported area file (same layout, see docs/import-formats.md) replaces one of these entries.
 */
export const DEFAULT_AREA_SOURCES: Readonly<AreaSources> = Object.freeze({
  gemeenten: gemeentenCsv,
  provincies: provinciesCsv,
  jeugdregios: jeugdregiosCsv,
  swvPerGemeente: swvCsv,
  herindelingen: herindelingenCsv,
});

let cached: AreaSet | undefined;

/** Built on first use: module load stays cheap for Lambdas that never need areas. */
export function defaultAreaSet(): AreaSet {
  cached ??= buildAreaSet(DEFAULT_AREA_SOURCES);
  return cached;
}
