import rangesCsv from '../../data/areas/pc4_gemeente_swv_2025_derived.csv';
import { parsePostcodeRanges, type PostcodeTable } from './postcodes.ts';

/**
 * The bundled postcode table (PC4 → 2025 gemeente, SWV PO / VO). Only the search function imports this
 * module, so the other Lambdas do not carry the table.
 */
let cached: PostcodeTable | undefined;

export function bundledPostcodeTable(): PostcodeTable {
  cached ??= parsePostcodeRanges(rangesCsv);
  return cached;
}
