import type { AreaKind, AreaSources } from '../areas/model.ts';
import type { Delimiter } from '../areas/table.ts';
import type { Source } from './catalogue.ts';
import type { NumberReading } from './values.ts';

/**
 * The file layouts the import accepts. A dropped file is recognised by its header alone (the file name
 * is free), so every layout lists the columns it requires. The full operator documentation with
 * examples is docs/import-formats.md; keep the two in step (a unit test checks the examples).
 */

/** How the period of a row is read. Periods are stored as 'yyyy', or 'yyyy/yyyy' for a school year. */
export type PeriodReading =
  /** CBS: `2019JJ00`, `2022*` (provisional), `2022**` (revised provisional), or `2022`. */
  | { kind: 'cbs-period'; column: string }
  | { kind: 'year'; column: string }
  /** KWB `Peildatum` such as `1-1-2018`: the year of the date. */
  | { kind: 'date-dmy'; column: string }
  /** `2022-2023` or `2022/2023`. */
  | { kind: 'school-year'; column: string }
  /** The layout has no period column: the period is fixed, and the file name must say it too, so that a
   * later edition in the same layout is not stored under the wrong year. */
  | { kind: 'fixed'; period: string; fileNameMustContain: string };

export type AreaReading =
  | {
      kind: 'code';
      column: string;
      /** Codes the source writes differently (KWB writes Nederland as NL00). */
      aliases?: Readonly<Record<string, string>>;
    }
  /** StatLine downloads with labels: `Groningen (gemeente)`, `Beek (L.)`, `Nederland`. */
  | { kind: 'name'; column: string };

export interface ValueColumn {
  column: string;
  indicator: string;
  read: NumberReading;
  /** Read this column only in rows of these periods (other rows: the column is ignored), with why. */
  onlyPeriods?: readonly string[];
  why?: string;
}

export interface RowFilter {
  column: string;
  /** Rows whose trimmed value is not in this list are skipped and counted, not errors. */
  keep: readonly string[];
  why: string;
}

interface FormatBase {
  id: string;
  title: string;
  description: string;
  delimiters: readonly Delimiter[];
  /** Header signature: every one of these columns must be present (more columns are allowed). */
  requiredColumns: readonly string[];
  /** A few lines in this layout, for the documentation and a self-test. */
  example: string;
}

export interface IndicatorFileFormat extends FormatBase {
  kind: 'indicators';
  source: Source | 'operator';
  availability: 'public' | 'made-to-order';
  area: AreaReading;
  /** Area kinds whose own figures this layout may carry (e.g. an SWV total delivered by DUO). */
  areaKinds: readonly AreaKind[];
  /** Rows for areas the monitor does not show (wijken, buurten, landsdelen, COROP) are skipped. */
  skipAreaCodes?: RegExp;
  period: PeriodReading;
  filters?: readonly RowFilter[];
  values: readonly ValueColumn[];
}

export interface AreaFileFormat extends FormatBase {
  kind: 'areas';
  /** Which bundled area table an imported file of this layout replaces. */
  replaces: keyof AreaSources;
  /** Per column: the pattern a value must match (checked on every row, after `conversion.normalise`). */
  columnPatterns: Readonly<Record<string, RegExp>>;
  /** Columns whose values must be unique. */
  uniqueColumn: string;
  /** A publisher's own layout (DUO) read as it is published and written into the table in the native layout. */
  conversion?: AreaConversion;
}

/**
 * How a publisher's file becomes the native area table: its columns are renamed, its values normalised
 * (before the patterns are checked), rows of areas the monitor does not have are skipped, and the table
 * is replaced per group (PO or VO) so that a PO file keeps the VO rows loaded before.
 */
export interface AreaConversion {
  /** The id of the native layout the table is written in. */
  into: string;
  /** Native column, in order, and the column of this layout it is read from. */
  columns: readonly (readonly [native: string, source: string])[];
  /** Per source column: how a value is written in the native layout ("PO20-01" is "PO 20-01"). */
  normalise?: Readonly<Record<string, (value: string) => string>>;
  /** Rows whose value in this source column is no area of the current area set are skipped and counted. */
  skipUnknownAreas?: { column: string; why: string };
  /** The file replaces only the rows of the groups it holds; rows of other groups already loaded stay. */
  replaceGroups: { nativeColumn: string; groupOf: (value: string) => string; why: string };
}

export type FileFormat = IndicatorFileFormat | AreaFileFormat;

const CBS = 'CBS';
const CBS_LICENCE = 'CC BY 4.0 (bron: CBS)';
const NOT_SHOWN_AREAS = /^(WK|BU|LD|CR)/;

const youthCareCountColumns = (onlyPeriods?: readonly string[], why?: string): ValueColumn[] =>
  (
    [
      ['TotaalJongerenMetJeugdzorgInNatura_1', 'jongeren_met_jeugdzorg'],
      ['k_0Tot4Jaar_2', 'jongeren_met_jeugdzorg_0_3'],
      ['k_4Tot12Jaar_3', 'jongeren_met_jeugdzorg_4_11'],
      ['k_12Tot18Jaar_4', 'jongeren_met_jeugdzorg_12_17'],
      ['k_18Tot23Jaar_5', 'jongeren_met_jeugdzorg_18_22'],
      ['ThuiswonendKindInEenouderhuishouden_6', 'jongeren_met_jeugdzorg_eenouder'],
    ] as const
  ).map(([column, indicator]) => ({ column, indicator, read: 'integer' as const, ...(onlyPeriods ? { onlyPeriods, why } : {}) }));

const columnsOf = (...groups: (readonly (string | ValueColumn)[])[]): string[] => [
  ...new Set(groups.flat().map((c) => (typeof c === 'string' ? c : c.column))),
];

// ---------------------------------------------------------------------------------------------------
// CBS files as copied into data/indicators (see data/SOURCES.md)

const CBS_37259: IndicatorFileFormat = {
  kind: 'indicators',
  id: 'cbs-37259-bevolkingsontwikkeling',
  title: 'CBS 37259eng/37259ned: population per region (OData CSV)',
  description:
    'Population dynamics per region and year. Only rows with Sex = T001038 (total) are read; region codes are space padded.',
  source: { publisher: CBS, tableId: '37259eng', title: 'Regional population dynamics', url: 'https://opendata.cbs.nl/statline/#/CBS/en/dataset/37259eng/table', licence: CBS_LICENCE },
  availability: 'public',
  delimiters: [','],
  area: { kind: 'code', column: 'Regions' },
  areaKinds: ['gemeente', 'provincie', 'nederland'],
  skipAreaCodes: NOT_SHOWN_AREAS,
  period: { kind: 'cbs-period', column: 'Periods' },
  filters: [{ column: 'Sex', keep: ['T001038'], why: 'only the total of men and women' }],
  values: [{ column: 'PopulationOn1January_1', indicator: 'inwoners', read: 'integer' }],
  requiredColumns: ['Sex', 'Regions', 'Periods', 'PopulationOn1January_1'],
  example: [
    'ID,Sex,Sex Label,Regions,Regions Label,Periods,Periods Label,PopulationOn1January_1',
    '70,T001038,Total male and female,NL01  ,The Netherlands,2012JJ00,2012,16730348',
    '8031,T001038,Total male and female,GM0363,Amsterdam,2019JJ00,2019,862965',
  ].join('\n'),
};

const CBS_KWB2019_LEEFTIJD: IndicatorFileFormat = {
  kind: 'indicators',
  id: 'cbs-kwb2019-leeftijd',
  title: 'CBS Kerncijfers wijken en buurten 2019, gemeente rows, population by age (reduced copy)',
  description:
    'The reduced KWB 2019 copy with English column names. It has no period column: the period is 2019 and the file name must contain "2019".',
  source: { publisher: CBS, tableId: '84583NED', title: 'Kerncijfers wijken en buurten 2019', url: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84583NED/table', licence: CBS_LICENCE },
  availability: 'public',
  delimiters: [','],
  area: { kind: 'code', column: 'unique_id' },
  areaKinds: ['gemeente'],
  period: { kind: 'fixed', period: '2019', fileNameMustContain: '2019' },
  values: [
    { column: 'population', indicator: 'inwoners_kwb', read: 'integer' },
    { column: 'b_00_14', indicator: 'jongeren_0_14', read: 'integer' },
    { column: 'b_15_24', indicator: 'jongeren_15_24', read: 'integer' },
  ],
  requiredColumns: ['region', 'unique_id', 'population', 'b_00_14', 'b_15_24'],
  example: ['region,unique_id,population,b_00_14,b_15_24', 'Amsterdam,GM0363,862965,125602,108487'].join('\n'),
};

const CBS_KWB2024_INWONERS: IndicatorFileFormat = {
  kind: 'indicators',
  id: 'cbs-kwb2024-85984NED-inwoners',
  title: 'CBS 85984NED (Kerncijfers wijken en buurten 2024), gemeente rows, inhabitants',
  description:
    'Semicolon separated selection of 85984NED. No period column: the period is 2024 (1 January) and the file name must contain "2024".',
  source: { publisher: CBS, tableId: '85984NED', title: 'Kerncijfers wijken en buurten 2024', url: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED/table', licence: CBS_LICENCE },
  availability: 'public',
  delimiters: [';'],
  area: { kind: 'code', column: 'Codering' },
  areaKinds: ['gemeente', 'nederland'],
  skipAreaCodes: NOT_SHOWN_AREAS,
  period: { kind: 'fixed', period: '2024', fileNameMustContain: '2024' },
  values: [{ column: 'AantalInwoners_5', indicator: 'inwoners', read: 'integer' }],
  requiredColumns: ['Codering', 'AantalInwoners_5'],
  example: ['Codering;AantalInwoners_5;Mannen_6;Vrouwen_7', 'GM0363;931298;460766;470532'].join('\n'),
};

const CBS_INDICATOREN_JEUGDZORG: IndicatorFileFormat = {
  kind: 'indicators',
  id: 'cbs-statline-indicatoren-jeugdzorg',
  title: 'CBS StatLine download "Indicatoren jeugdzorg; gemeenten" (labels, decimal comma)',
  description:
    'StatLine CSV: semicolon separated, quoted, BOM, decimal comma, gemeente names instead of codes, provisional periods marked with *.',
  source: { publisher: CBS, tableIdUnknown: 'het tabelnummer staat niet in het bestand; het is een download uit CBS StatLine van 24 juni 2023 met de titel "Indicatoren jeugdzorg; gemeenten"', title: 'Indicatoren jeugdzorg; gemeenten', url: 'https://opendata.cbs.nl/statline/', licence: CBS_LICENCE },
  availability: 'public',
  delimiters: [';'],
  area: { kind: 'name', column: "Regio's" },
  areaKinds: ['gemeente', 'nederland'],
  period: { kind: 'cbs-period', column: 'Perioden' },
  values: [
    { column: 'Jongeren met jeugdhulp in natura (% (zie toelichting))', indicator: 'pct_jeugdhulp_in_natura', read: 'decimal-comma' },
    { column: 'Jongeren met jeugdh. met verbl. in nat. (% (zie toelichting))', indicator: 'pct_jeugdhulp_met_verblijf', read: 'decimal-comma' },
    { column: 'Jongeren met jeugdbescherming (% (zie toelichting))', indicator: 'pct_jeugdbescherming', read: 'decimal-comma' },
    { column: 'Jeugdbesch. en jeugdh. met verbl. in nat (% (zie toelichting))', indicator: 'pct_jeugdbescherming_met_verblijf', read: 'decimal-comma' },
    { column: 'Jongeren met jeugdreclassering (% (zie toelichting))', indicator: 'pct_jeugdreclassering', read: 'decimal-comma' },
  ],
  requiredColumns: [
    "Regio's",
    'Perioden',
    'Jongeren met jeugdhulp in natura (% (zie toelichting))',
    'Jongeren met jeugdh. met verbl. in nat. (% (zie toelichting))',
    'Jongeren met jeugdbescherming (% (zie toelichting))',
    'Jeugdbesch. en jeugdh. met verbl. in nat (% (zie toelichting))',
    'Jongeren met jeugdreclassering (% (zie toelichting))',
  ],
  example: [
    '"Regio\'s";"Perioden";"Jongeren met jeugdhulp in natura (% (zie toelichting))";"Jongeren met jeugdh. met verbl. in nat. (% (zie toelichting))";"Jongeren met jeugdbescherming (% (zie toelichting))";"Jeugdbesch. en jeugdh. met verbl. in nat (% (zie toelichting))";"Jongeren met jeugdreclassering (% (zie toelichting))"',
    '"Nederland";"2022*";13,2;8,8;1,2;46,3;0,3',
    '"Groningen (gemeente)";"2022*";15,3;10;1,4;49,3;0,4',
  ].join('\n'),
};

const CBS_85335: IndicatorFileFormat = {
  kind: 'indicators',
  id: 'cbs-85335-jeugdzorg-in-natura',
  title: 'CBS 85335NED/85075NED: young people with youth care in natura per wijk and gemeente (OData untyped CSV)',
  description:
    'Counts of young people with youth care in natura. Only VormenVanJeugdzorg = T001203 (all forms together) is read. Values are space padded; "." is secret.',
  source: { publisher: CBS, tableId: '85335NED', title: 'Jongeren met jeugdzorg in natura; wijk en gemeente', url: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85335NED/table', licence: CBS_LICENCE },
  availability: 'public',
  delimiters: [','],
  area: { kind: 'code', column: 'Codering_20' },
  areaKinds: ['gemeente', 'nederland'],
  skipAreaCodes: NOT_SHOWN_AREAS,
  period: { kind: 'cbs-period', column: 'Perioden' },
  filters: [{ column: 'VormenVanJeugdzorg', keep: ['T001203'], why: 'only the total of jeugdhulp, jeugdbescherming and jeugdreclassering' }],
  values: youthCareCountColumns(),
  requiredColumns: columnsOf(['VormenVanJeugdzorg', 'Perioden', 'Codering_20'], youthCareCountColumns()),
  example: [
    ',ID,VormenVanJeugdzorg,Wijken,Perioden,TotaalJongerenMetJeugdzorgInNatura_1,k_0Tot4Jaar_2,k_4Tot12Jaar_3,k_12Tot18Jaar_4,k_18Tot23Jaar_5,ThuiswonendKindInEenouderhuishouden_6,Codering_20',
    '0,2,T001203,NL00      ,2022JJ00,  461985,   31040,  221980,  191520,   17440,  128385,NL01      ',
    '243,731,T001203,GM0363    ,2022JJ00,   21520,    2305,    9645,    8465,    1105,    8450,GM0363    ',
  ].join('\n'),
};

const KWB_2021_ONLY = ['2021'] as const;

const CBS_KWB2021_2022_JEUGDZORG: IndicatorFileFormat = {
  kind: 'indicators',
  id: 'cbs-kwb2021-2022-met-jeugdzorg',
  title: 'CBS Kerncijfers wijken en buurten 2021 and 2022 with youth care counts joined (KWB short names)',
  description:
    'KWB 2021/2022 Excel columns plus the 85075NED/85335NED youth care columns and a year column. Only rows with recs = Gemeente or Land. ' +
    'In the 2021 rows the decimal commas were lost: income percentages are read as whole tenths (68 = 6.8).',
  source: { publisher: CBS, tableId: '85039NED, 85318NED, 85075NED, 85335NED', title: 'Kerncijfers wijken en buurten 2021 en 2022; jeugdzorg in natura', url: 'https://www.cbs.nl/nl-nl/reeksen/geografie/kerncijfers-wijken-en-buurten', licence: CBS_LICENCE },
  availability: 'public',
  delimiters: [','],
  area: { kind: 'code', column: 'gwb_code_10', aliases: { NL00: 'NL01' } },
  areaKinds: ['gemeente', 'nederland'],
  skipAreaCodes: NOT_SHOWN_AREAS,
  period: { kind: 'year', column: 'year' },
  filters: [{ column: 'recs', keep: ['Gemeente', 'Land'], why: 'only gemeenten and Nederland, no wijken' }],
  values: [
    { column: 'a_inw', indicator: 'inwoners_kwb', read: 'integer' },
    { column: 'a_00_14', indicator: 'jongeren_0_14', read: 'integer' },
    { column: 'a_15_24', indicator: 'jongeren_15_24', read: 'integer' },
    { column: 'a_hh', indicator: 'huishoudens', read: 'integer' },
    { column: 'a_hh_m_k', indicator: 'huishoudens_met_kinderen', read: 'integer' },
    {
      column: 'p_hh_lkk',
      indicator: 'huishoudens_laag_inkomen',
      read: 'integer-tenths',
      onlyPeriods: KWB_2021_ONLY,
      why: 'the 2021 rows lost their decimal comma (NL 68 = 6.8 %); 2022 is empty in this copy',
    },
    {
      column: 'p_hh_osm',
      indicator: 'huishoudens_rond_sociaal_minimum',
      read: 'integer-tenths',
      onlyPeriods: KWB_2021_ONLY,
      why: 'the 2021 rows lost their decimal comma (NL 67 = 6.7 %); 2022 is empty in this copy',
    },
    ...youthCareCountColumns(KWB_2021_ONLY, '2022 comes from 85335NED itself, which also has the Nederland row'),
  ],
  requiredColumns: columnsOf(['gwb_code_10', 'recs', 'year', 'a_inw', 'a_00_14', 'a_15_24', 'a_hh', 'a_hh_m_k', 'p_hh_lkk', 'p_hh_osm'], youthCareCountColumns()),
  example: [
    'gwb_code_10,regio,recs,a_inw,a_00_14,a_15_24,a_hh,a_hh_m_k,p_hh_lkk,p_hh_osm,TotaalJongerenMetJeugdzorgInNatura_1,k_0Tot4Jaar_2,k_4Tot12Jaar_3,k_12Tot18Jaar_4,k_18Tot23Jaar_5,ThuiswonendKindInEenouderhuishouden_6,year',
    'NL00,Nederland,Land,17475415,2711731,2139221,8043443,2614872,68,67,,,,,,,2021',
    'GM0363,Amsterdam,Gemeente,873338,123066,109208,474875,113970,120,124,21075,2240,9595,8070,1170,8475,2021',
  ].join('\n'),
};

// ---------------------------------------------------------------------------------------------------
// Layouts defined by this project for files that were not available (DUO) or are made to order.
// All: semicolon separated, UTF-8 (BOM allowed), one row per area and period, `gebiedscode` holds a
// gemeente code (GM0363), an SWV code (PO 27-07 / VO 27-08) or NL01.

const OWN_AREA = { kind: 'code', column: 'gebiedscode' } as const;
const OWN_AREA_KINDS: readonly AreaKind[] = ['gemeente', 'swv-po', 'swv-vo', 'nederland'];

function ownFormat(
  spec: Pick<IndicatorFileFormat, 'id' | 'title' | 'description' | 'source' | 'availability' | 'period'> & {
    values: readonly [string, string][];
    exampleRow: string;
  },
): IndicatorFileFormat {
  const periodColumn = spec.period.kind === 'fixed' ? [] : [spec.period.column];
  const values = spec.values.map(([column, indicator]) => ({ column, indicator, read: 'integer' as const }));
  const header = ['gebiedscode', ...periodColumn, ...values.map((v) => v.column)].join(';');
  return {
    kind: 'indicators',
    id: spec.id,
    title: spec.title,
    description: spec.description,
    source: spec.source,
    availability: spec.availability,
    delimiters: [';'],
    area: OWN_AREA,
    areaKinds: OWN_AREA_KINDS,
    period: spec.period,
    values,
    requiredColumns: ['gebiedscode', ...periodColumn, ...values.map((v) => v.column)],
    example: `${header}\n${spec.exampleRow}`,
  };
}

const DUO_LEERLINGEN = ownFormat({
  id: 'duo-leerlingen',
  title: 'DUO: pupils per school type (monitor layout)',
  description: 'Pupils on 1 October of `peiljaar`, by gemeente of residence (or per SWV). Whole numbers.',
  source: 'operator',
  availability: 'public',
  period: { kind: 'year', column: 'peiljaar' },
  values: [
    ['leerlingen_po', 'leerlingen_po'],
    ['leerlingen_so', 'leerlingen_so'],
    ['leerlingen_vo', 'leerlingen_vo'],
    ['leerlingen_vso', 'leerlingen_vso'],
  ],
  exampleRow: 'GM0363;2024;1000;20;800;30',
});

const DUO_ONDERWIJSACHTERSTAND = ownFormat({
  id: 'duo-onderwijsachterstand',
  title: 'DUO/CBS: pupils at risk of educational disadvantage (monitor layout)',
  description: 'Pupils in primary education with a raised risk of educational disadvantage, and all pupils the risk was computed for.',
  source: 'operator',
  availability: 'public',
  period: { kind: 'year', column: 'peiljaar' },
  values: [
    ['leerlingen_met_risico', 'leerlingen_met_onderwijsachterstand'],
    ['leerlingen_totaal', 'leerlingen_basis_onderwijsachterstand'],
  ],
  exampleRow: 'GM0363;2024;150;1000',
});

const DUO_VSV = ownFormat({
  id: 'duo-voortijdig-schoolverlaters',
  title: 'DUO: early school leavers (monitor layout)',
  description: 'Early school leavers in the school year, and the pupils and students without a start qualification at its start (the base of the percentage).',
  source: 'operator',
  availability: 'public',
  period: { kind: 'school-year', column: 'schooljaar' },
  values: [
    ['vsv_aantal', 'voortijdig_schoolverlaters'],
    ['deelnemers', 'deelnemers_vsv_basis'],
  ],
  exampleRow: 'GM0363;2022-2023;20;1000',
});

const OCW_THUISZITTERS = ownFormat({
  id: 'ocw-thuiszitters',
  title: 'OCW/DUO: thuiszitters and absolute absence (monitor layout)',
  description: 'Thuiszitters (enrolled, absent without valid reason for more than 4 weeks), pupils enrolled at no school, and all pupils of compulsory school age.',
  source: 'operator',
  availability: 'public',
  period: { kind: 'school-year', column: 'schooljaar' },
  values: [
    ['thuiszitters', 'thuiszitters'],
    ['absoluut_verzuimers', 'absoluut_verzuimers'],
    ['leerplichtigen', 'leerplichtigen'],
  ],
  exampleRow: 'GM0363;2022-2023;5;2;1000',
});

const MAATWERK_JEUGDHULP_ONDERWIJS = ownFormat({
  id: 'maatwerk-jeugdhulp-onderwijssoort',
  title: 'Made to order (CBS): youth care use per type of education',
  description: 'Per school type: pupils in the table, and of them pupils with youth care in the year. Secret cells as "." or "x".',
  source: 'operator',
  availability: 'made-to-order',
  period: { kind: 'year', column: 'jaar' },
  values: ['po', 'so', 'vo', 'vso'].flatMap((type): [string, string][] => [
    [`leerlingen_${type}`, `leerlingen_basis_jeugdhulp_${type}`],
    [`leerlingen_${type}_met_jeugdhulp`, `leerlingen_met_jeugdhulp_${type}`],
  ]),
  exampleRow: 'GM0363;2023;1000;100;50;20;800;90;40;.',
});

const MAATWERK_NEET = ownFormat({
  id: 'maatwerk-neet',
  title: 'Made to order (CBS): young people at risk of being NEET',
  description: 'Young people aged 15 to 26, and of them those not in education, employment or training (or at high risk of it).',
  source: 'operator',
  availability: 'made-to-order',
  period: { kind: 'year', column: 'jaar' },
  values: [
    ['jongeren_15_26', 'jongeren_neet_basis'],
    ['jongeren_neet_risico', 'jongeren_met_neet_risico'],
  ],
  exampleRow: 'GM0363;2023;1000;50',
});

// ---------------------------------------------------------------------------------------------------
// Area files (comma or semicolon separated). An imported file replaces the bundled table as a whole.

const GM = /^GM\d{4}$/;
const SWV_LIST = /^[^:;]+:\d+(;[^:;]+:\d+)*$/;
const SWV_CODE = /^(PO|VO) \d{2}-\d{2}$/;

const AREA_GEMEENTEN: AreaFileFormat = {
  kind: 'areas',
  id: 'areas-gemeenten',
  title: 'Area list: gemeenten with provincie and jeugdregio',
  description: 'The gemeenten of the current indeling. Replaces data/areas/gemeenten_2025.csv.',
  replaces: 'gemeenten',
  delimiters: [',', ';'],
  requiredColumns: ['gemeentecode', 'gemeentenaam', 'provinciecode', 'jeugdregiocode'],
  columnPatterns: { gemeentecode: GM, gemeentenaam: /\S/, provinciecode: /^PV\d{2}$/, jeugdregiocode: /^JZ\d{2}$/ },
  uniqueColumn: 'gemeentecode',
  example: ['gemeentecode,gemeentenaam,provinciecode,jeugdregiocode', 'GM0363,Amsterdam,PV27,JZ13'].join('\n'),
};

const AREA_PROVINCIES: AreaFileFormat = {
  kind: 'areas',
  id: 'areas-provincies',
  title: 'Area list: provincies',
  description: 'Replaces data/areas/provincies_2025.csv.',
  replaces: 'provincies',
  delimiters: [',', ';'],
  requiredColumns: ['provinciecode', 'provincienaam_cbs_lijst'],
  columnPatterns: { provinciecode: /^PV\d{2}$/, provincienaam_cbs_lijst: /\S/ },
  uniqueColumn: 'provinciecode',
  example: ['provinciecode,provincienaam_cbs_lijst', 'PV27,Noord-Holland'].join('\n'),
};

const AREA_JEUGDREGIOS: AreaFileFormat = {
  kind: 'areas',
  id: 'areas-jeugdregios',
  title: "Area list: jeugdregio's",
  description: 'Replaces data/areas/jeugdregios_2025.csv.',
  replaces: 'jeugdregios',
  delimiters: [',', ';'],
  requiredColumns: ['jeugdregiocode', 'jeugdregionaam'],
  columnPatterns: { jeugdregiocode: /^JZ\d{2}$/, jeugdregionaam: /\S/ },
  uniqueColumn: 'jeugdregiocode',
  example: ['jeugdregiocode,jeugdregionaam', 'JZ13,Amsterdam-Amstelland'].join('\n'),
};

const AREA_SWV_PER_GEMEENTE: AreaFileFormat = {
  kind: 'areas',
  id: 'areas-swv-per-gemeente',
  title: 'Area list: samenwerkingsverbanden PO and VO per gemeente, with postcode-area counts',
  description:
    'Per gemeente all PO and VO SWVs it lies in, each with its number of 4-digit postcode areas ("PO 20-01:45;PO 20-02:3"). ' +
    'The counts give the share of a split gemeente. Replaces data/areas/swv_per_gemeente_2025_derived.csv.',
  replaces: 'swvPerGemeente',
  delimiters: [',', ';'],
  requiredColumns: ['gemeentecode', 'swv_po_alle', 'swv_vo_alle'],
  columnPatterns: { gemeentecode: GM, swv_po_alle: SWV_LIST, swv_vo_alle: SWV_LIST },
  uniqueColumn: 'gemeentecode',
  example: ['gemeentecode,swv_po_alle,swv_vo_alle', 'GM0363,PO 27-07:81;PO 27-09:3,VO 27-08:81;VO 27-10:3'].join('\n'),
};

const AREA_SWV_NAMEN: AreaFileFormat = {
  kind: 'areas',
  id: 'areas-swv-namen',
  title: 'SWV names',
  description: 'Names of the samenwerkingsverbanden (not in the Regeling). Without this file an SWV is called "Samenwerkingsverband PO 27-07".',
  replaces: 'swvNamen',
  delimiters: [';', ','],
  requiredColumns: ['swv_code', 'naam'],
  columnPatterns: { swv_code: SWV_CODE, naam: /\S/ },
  uniqueColumn: 'swv_code',
  example: ['swv_code;naam', 'PO 27-07;Naam van het samenwerkingsverband'].join('\n'),
};

// DUO's own file, as downloaded: "Adressen samenwerkingsverbanden passend onderwijs" (PO: 03., VO: 07.).

const SWV_CODE_LOOSE = /^(PO|VO)[\s-]*(\d{2})\s*-\s*(\d{2})$/i;

/**
 * An SWV code as DUO may write it, in the monitor's form: "PO 20-01", and also "PO20-01", "po 20-01",
 * "PO-20-01" or "PO 20 - 01" (the form without a space is not verified in a DUO file; it is accepted so
 * that such a file is not refused for it). Anything else is returned trimmed and fails the pattern.
 */
export function duoSwvCode(value: string): string {
  const text = value.trim();
  const m = SWV_CODE_LOOSE.exec(text);
  return m ? `${m[1]!.toUpperCase()} ${m[2]}-${m[3]}` : text;
}

const AREA_DUO_SWV_ADRESSEN: AreaFileFormat = {
  kind: 'areas',
  id: 'duo-swv-adressen',
  title: 'DUO: Adressen samenwerkingsverbanden passend onderwijs (PO and VO), as published',
  description:
    'DUO\'s address files of the samenwerkingsverbanden, dropped unchanged: semicolon separated, upper-case headers, ' +
    'space-padded fields. ADMINISTRATIENUMMER is the SWV code, SAMENWERKINGSVERBAND its name; the other columns ' +
    '(ADRES, POSTCODE, PLAATSNAAM, INTERNET, ...) are ignored. Fills the SWV names table: a PO file replaces the ' +
    'names of the PO SWVs and keeps the VO names, and the other way round.',
  replaces: 'swvNamen',
  delimiters: [';', ','],
  requiredColumns: ['ADMINISTRATIENUMMER', 'SAMENWERKINGSVERBAND'],
  columnPatterns: { ADMINISTRATIENUMMER: SWV_CODE, SAMENWERKINGSVERBAND: /\S/ },
  uniqueColumn: 'ADMINISTRATIENUMMER',
  conversion: {
    into: 'areas-swv-namen',
    columns: [
      ['swv_code', 'ADMINISTRATIENUMMER'],
      ['naam', 'SAMENWERKINGSVERBAND'],
    ],
    normalise: { ADMINISTRATIENUMMER: duoSwvCode },
    skipUnknownAreas: {
      column: 'ADMINISTRATIENUMMER',
      why: 'DUO lists the SWVs of today; an SWV that is not in the monitor\'s SWV table has no page to name',
    },
    replaceGroups: {
      nativeColumn: 'swv_code',
      groupOf: (code) => code.slice(0, 2),
      why: 'DUO publishes PO and VO in separate files',
    },
  },
  example: [
    'ADMINISTRATIENUMMER;SAMENWERKINGSVERBAND;ADRES;POSTCODE;PLAATSNAAM;CORRESPONDENTIEADRES;POSTCODE CORRESPONDENTIEADRES;PLAATS CORRESPONDENTIEADRES;INTERNET;BEVOEGD GEZAG NUMMER',
    'PO 20-01   ;Voorbeeldnaam samenwerkingsverband PO         ;Voorbeeldstraat 1   ;9999 ZZ;VOORBEELDSTAD  ;Postbus 1          ;9999 ZZ;VOORBEELDSTAD  ;                              ;99999',
  ].join('\n'),
};

const AREA_HERINDELINGEN: AreaFileFormat = {
  kind: 'areas',
  id: 'areas-herindelingen',
  title: 'Herindelingen: dissolved gemeenten and their current successor',
  description:
    'Every gemeente code that no longer exists, with the current gemeente that contains it and the years between which it was dissolved ("2022-2023": still in the CBS list of 2021, no longer in the list of 2023). Replaces data/areas/herindelingen_2015_2025_derived.csv.',
  replaces: 'herindelingen',
  delimiters: [',', ';'],
  requiredColumns: ['oude_gemeentecode', 'oude_gemeentenaam', 'nieuwe_gemeentecode', 'opgeheven_tussen'],
  columnPatterns: { oude_gemeentecode: GM, oude_gemeentenaam: /\S/, nieuwe_gemeentecode: GM, opgeheven_tussen: /^\d{4}-\d{4}$/ },
  uniqueColumn: 'oude_gemeentecode',
  example: ['oude_gemeentecode,oude_gemeentenaam,nieuwe_gemeentecode,opgeheven_tussen', 'GM0457,Weesp,GM0363,2022-2023'].join('\n'),
};

export const INDICATOR_FORMATS: readonly IndicatorFileFormat[] = [
  CBS_37259,
  CBS_KWB2019_LEEFTIJD,
  CBS_KWB2024_INWONERS,
  CBS_INDICATOREN_JEUGDZORG,
  CBS_85335,
  CBS_KWB2021_2022_JEUGDZORG,
  DUO_LEERLINGEN,
  DUO_ONDERWIJSACHTERSTAND,
  DUO_VSV,
  OCW_THUISZITTERS,
  MAATWERK_JEUGDHULP_ONDERWIJS,
  MAATWERK_NEET,
];

export const AREA_FORMATS: readonly AreaFileFormat[] = [
  AREA_GEMEENTEN,
  AREA_PROVINCIES,
  AREA_JEUGDREGIOS,
  AREA_SWV_PER_GEMEENTE,
  AREA_SWV_NAMEN,
  AREA_HERINDELINGEN,
];

/**
 * Publishers' own area layouts, read as published and converted into one of the tables above (so more
 * than one layout may fill a table; AREA_FORMATS keeps one native layout per table).
 */
export const AREA_DIALECTS: readonly AreaFileFormat[] = [AREA_DUO_SWV_ADRESSEN];

export const FORMATS: readonly FileFormat[] = [...INDICATOR_FORMATS, ...AREA_FORMATS, ...AREA_DIALECTS];
