import { parse } from 'csv-parse/sync';
import gemeentenCsv from '../../data/areas/gemeenten_2025.csv';
import provinciesCsv from '../../data/areas/provincies_2025.csv';
import swvCsv from '../../data/areas/swv_per_gemeente_2025_derived.csv';

/** The gemeentelijke indeling this code was built with (see data/SOURCES.md). */
export const INDELING_YEAR = 2025;

export interface Provincie {
  code: string;
  name: string;
}

export interface Gemeente {
  code: string;
  name: string;
  provincieCode: string;
  jeugdregioCode: string;
  /** Main SWV (most postcode areas) and all SWVs this gemeente lies in. */
  swvPo: string;
  swvVo: string;
  swvPoAll: string[];
  swvVoAll: string[];
}

type Row = Record<string, string>;
const rows = (csv: string): Row[] => parse(csv, { columns: true, bom: true, skip_empty_lines: true });
const codesOf = (list: string): string[] => list.split(';').map((entry) => entry.split(':')[0]!.trim());

export const PROVINCIES: readonly Provincie[] = rows(provinciesCsv).map((r) => ({
  code: r.provinciecode!,
  name: r.provincienaam_cbs_lijst!,
}));

const swvByGemeente = new Map(rows(swvCsv).map((r) => [r.gemeentecode!, r]));

export const GEMEENTEN: readonly Gemeente[] = rows(gemeentenCsv)
  .map((r) => {
    const swv = swvByGemeente.get(r.gemeentecode!);
    if (!swv) throw new Error(`No SWV row for ${r.gemeentecode}`);
    return {
      code: r.gemeentecode!,
      name: r.gemeentenaam!,
      provincieCode: r.provinciecode!,
      jeugdregioCode: r.jeugdregiocode!,
      swvPo: swv.swv_po_hoofd!,
      swvVo: swv.swv_vo_hoofd!,
      swvPoAll: codesOf(swv.swv_po_alle!),
      swvVoAll: codesOf(swv.swv_vo_alle!),
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

const byCode = new Map(GEMEENTEN.map((g) => [g.code, g]));

export function findGemeente(code: string): Gemeente | undefined {
  return byCode.get(code);
}

/** Gemeenten per province, provinces in CBS order, gemeenten by name: the grouped <select> on the site. */
export function gemeentenByProvincie(): { provincie: Provincie; gemeenten: Gemeente[] }[] {
  return PROVINCIES.map((provincie) => ({
    provincie,
    gemeenten: GEMEENTEN.filter((g) => g.provincieCode === provincie.code),
  }));
}
