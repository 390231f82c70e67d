/**
 * The catalogue of context figures (indicatoren): one typed definition per indicator. Names, descriptions
 * and notes are shown on the public pages, so they are Dutch at B1 level.
 *
 * How an indicator goes from gemeenten to samenwerkingsverbanden, jeugdregio's, provincies and Nederland
 * is part of its definition (`aggregation`): a count is summed; a share is recomputed from the summed
 * counts above and below the line; a percentage whose base is not in the data is not combined at all.
 * An average of percentages is never made.
 */

export type Unit = 'personen' | 'jongeren' | 'huishoudens' | 'leerlingen' | 'procent' | 'per-1000';

export const UNIT_LABELS: Record<Unit, string> = {
  personen: 'personen',
  jongeren: 'jongeren',
  huishoudens: 'huishoudens',
  leerlingen: 'leerlingen',
  procent: '%',
  'per-1000': 'per 1.000',
};

export type Aggregation =
  | { kind: 'sum' }
  | { kind: 'ratio'; numerator: string; denominator: string; factor: number }
  | { kind: 'not-aggregatable'; reason: string };

export interface Source {
  publisher: string;
  /**
   * The StatLine table id(s), as found in the source file's metadata (data/SOURCES.md), or the DUO file
   * name. Undefined when the id is not known (then `tableIdUnknown` says what is known) and for
   * made-to-order deliveries. Never a guess.
   */
  tableId?: string;
  /** When the table id is not known: what is known about the table, in B1 Dutch, without guessing. */
  tableIdUnknown?: string;
  /** For a series of tables (one per year): the table id of each period (year). */
  tableIdByPeriod?: Readonly<Record<string, string>>;
  title: string;
  url?: string;
  licence: string;
}

export type Theme = 'bevolking' | 'huishoudens-en-inkomen' | 'jeugdhulp' | 'onderwijs' | 'school-en-werk';

export const THEMES: Record<Theme, { name: string; description: string }> = {
  bevolking: { name: 'Bevolking en jeugd', description: 'Hoeveel inwoners, kinderen en jongeren er zijn.' },
  'huishoudens-en-inkomen': {
    name: 'Gezinnen en inkomen',
    description: 'Huishoudens met kinderen en huishoudens met weinig geld.',
  },
  jeugdhulp: { name: 'Jeugdhulp', description: 'Hoeveel jongeren jeugdhulp, jeugdbescherming of jeugdreclassering krijgen.' },
  onderwijs: { name: 'Onderwijs', description: 'Leerlingen per schoolsoort, onderwijsachterstand, schoolverlaters en thuiszitters.' },
  'school-en-werk': { name: 'School en werk', description: 'Jongeren die niet naar school gaan en geen werk hebben.' },
};

/** What the year of an observation means for this indicator. */
export type PeriodType = 'peildatum-1-januari' | 'peildatum-1-oktober' | 'kalenderjaar' | 'schooljaar' | 'kwb-editie';

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  'peildatum-1-januari': 'op 1 januari',
  'peildatum-1-oktober': 'op 1 oktober (teldatum onderwijs)',
  kalenderjaar: 'in het kalenderjaar',
  schooljaar: 'in het schooljaar',
  'kwb-editie': 'Kerncijfers wijken en buurten van dat jaar',
};

export type Availability = 'public' | 'made-to-order';

export interface IndicatorDefinition {
  id: string;
  name: string;
  description: string;
  unit: Unit;
  /** Decimals shown on the page; the stored value keeps full precision. */
  decimals: number;
  theme: Theme;
  sources: readonly Source[];
  aggregation: Aggregation;
  availability: Availability;
  period: PeriodType;
  /**
   * The plausible range of one delivered value (any area, Nederland included); a value outside it is
   * rejected on import (value-out-of-range). Counts: 0 up to a stated maximum per indicator, above
   * anything Nederland as a whole could have; percentages 0 to 100; per-1000 rates 0 to 1000.
   */
  range: { min: number; max: number };
  /** 'base' indicators exist to be the denominator of a share; pages show them in tables only. */
  role: 'main' | 'base';
  /** Notes for the page (B1 Dutch): caveats a reader needs to read the figure right. */
  notes?: readonly string[];
  /** Indicators that look alike but must never be shown in one series with this one. */
  notComparableWith?: readonly string[];
}

const CBS_LICENCE = 'CC BY 4.0 (bron: CBS)';
const DUO_LICENCE = 'CC0 (DUO open onderwijsdata)';
const MADE_TO_ORDER_LICENCE = 'maatwerk, niet openbaar: alleen gebruiken volgens de afspraken bij de levering';

const CBS_37259: Source = {
  publisher: 'CBS',
  // The copy is of the English version of the table (37259eng, "Regional population dynamics").
  tableId: '37259ENG',
  title: 'Bevolkingsontwikkeling; levend geborenen, overledenen en migratie per regio (Engelse versie)',
  url: 'https://opendata.cbs.nl/statline/#/CBS/en/dataset/37259eng/table',
  licence: CBS_LICENCE,
};
const CBS_KWB: Source = {
  publisher: 'CBS',
  tableId: '84583NED (2019), 85039NED (2021), 85318NED (2022), 85984NED (2024)',
  tableIdByPeriod: { '2019': '84583NED', '2021': '85039NED', '2022': '85318NED', '2024': '85984NED' },
  title: 'Kerncijfers wijken en buurten',
  url: 'https://www.cbs.nl/nl-nl/reeksen/geografie/kerncijfers-wijken-en-buurten',
  licence: CBS_LICENCE,
};
const CBS_JEUGDZORG_NATURA: Source = {
  publisher: 'CBS',
  tableId: '85335NED (2022), 85075NED (2021)',
  tableIdByPeriod: { '2021': '85075NED', '2022': '85335NED' },
  title: 'Jongeren met jeugdzorg in natura; wijk en gemeente',
  url: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85335NED/table',
  licence: CBS_LICENCE,
};
const CBS_INDICATOREN_JEUGDZORG: Source = {
  publisher: 'CBS',
  // The copy does not carry its table id (data/SOURCES.md): we state what is known, not a guess.
  tableIdUnknown: 'het tabelnummer staat niet in het bestand; het is een download uit CBS StatLine van 24 juni 2023 met de titel "Indicatoren jeugdzorg; gemeenten"',
  title: 'Indicatoren jeugdzorg; gemeenten',
  url: 'https://opendata.cbs.nl/statline/',
  licence: CBS_LICENCE,
};
const DUO_LEERLINGEN: Source = {
  publisher: 'DUO',
  tableId: 'Leerlingen po/vo/(v)so per gemeente',
  title: 'Open onderwijsdata: aantallen leerlingen',
  url: 'https://duo.nl/open_onderwijsdata/',
  licence: DUO_LICENCE,
};
const DUO_VSV: Source = {
  publisher: 'DUO / Ministerie van OCW',
  tableId: 'Voortijdig schoolverlaters per gemeente',
  title: 'Voortijdig schoolverlaten (VSV-verkenner)',
  url: 'https://duo.nl/open_onderwijsdata/',
  licence: DUO_LICENCE,
};
const OCW_VERZUIM: Source = {
  publisher: 'DUO / Ministerie van OCW',
  tableId: 'Leerplichtwet-telling (verzuim en thuiszitters)',
  title: 'Thuiszitters en absoluut verzuim',
  url: 'https://www.rijksoverheid.nl/onderwerpen/leerplicht',
  licence: DUO_LICENCE,
};
const ACHTERSTAND: Source = {
  publisher: 'CBS / DUO',
  tableId: 'Onderwijsachterstandsindicator',
  title: 'Leerlingen met risico op onderwijsachterstand',
  url: 'https://www.cbs.nl/nl-nl/maatwerk/2024/09/onderwijsachterstandsindicator',
  licence: DUO_LICENCE,
};
const MAATWERK_JEUGDHULP_ONDERWIJS: Source = {
  publisher: 'CBS (maatwerk)',
  title: 'Jeugdhulpgebruik naar onderwijssoort (maatwerktabel)',
  licence: MADE_TO_ORDER_LICENCE,
};
const MAATWERK_NEET: Source = {
  publisher: 'CBS (maatwerk)',
  title: 'Jongeren met risico op NEET (maatwerktabel)',
  licence: MADE_TO_ORDER_LICENCE,
};

/** A count: 0 or more, and at most `max` (a ceiling above the figure for Nederland as a whole). */
const countUpTo = (max: number) => ({ min: 0, max });
/** Counts of people in Nederland: about 18 million inhabitants (2025). */
const PEOPLE = countUpTo(25_000_000);
const HOUSEHOLDS = countUpTo(12_000_000);
/** Children or young people of an age band, pupils of one or all school types. */
const YOUNG_PEOPLE = countUpTo(6_000_000);
/** Young people with youth care, early school leavers, absentees: a fraction of the young. */
const YOUNG_PEOPLE_WITH = countUpTo(1_500_000);
export const PER_1000_RANGE = { min: 0, max: 1000 };
export const PERCENT_RANGE = { min: 0, max: 100 };
const SUM = { kind: 'sum' } as const;
const share = (numerator: string, denominator: string) =>
  ({ kind: 'ratio', numerator, denominator, factor: 100 }) as const;

const ROUNDED_TO_FIVE =
  'CBS rondt deze aantallen af op vijftallen. Aantallen van 0 tot en met 7 zijn geheim. Een optelling van gemeenten kan daardoor iets afwijken van het cijfer voor heel Nederland.';
const BASE_NOT_IN_DATA =
  'Het CBS geeft alleen het percentage. Het aantal waarop het percentage is berekend, staat niet in de cijfers. Daarom kunnen we dit percentage niet optellen voor een samenwerkingsverband of jeugdregio. U ziet alleen de cijfers per gemeente en voor Nederland.';

const PUBLIC: IndicatorDefinition[] = [
  {
    id: 'inwoners',
    name: 'Inwoners',
    description: 'Het aantal inwoners op 1 januari.',
    unit: 'personen',
    decimals: 0,
    theme: 'bevolking',
    sources: [CBS_37259, CBS_KWB],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-januari',
    range: PEOPLE,
    role: 'main',
    notes: ['Tot en met 2023 uit de CBS-tabel Bevolkingsontwikkeling, vanaf 2024 uit de Kerncijfers wijken en buurten.'],
  },
  {
    id: 'inwoners_kwb',
    name: 'Inwoners (Kerncijfers wijken en buurten)',
    description: 'Het aantal inwoners op 1 januari volgens de Kerncijfers wijken en buurten. We gebruiken dit aantal om het aandeel kinderen en jongeren te berekenen, zodat teller en noemer uit dezelfde tabel komen.',
    unit: 'personen',
    decimals: 0,
    theme: 'bevolking',
    sources: [CBS_KWB],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-januari',
    range: PEOPLE,
    role: 'base',
    notes: ['Kan bij enkele gemeenten een paar inwoners verschillen van het cijfer Inwoners, omdat het CBS de tabellen op een ander moment maakt.'],
  },
  {
    id: 'jongeren_0_14',
    name: 'Kinderen van 0 tot 15 jaar',
    description: 'Het aantal inwoners van 0 tot en met 14 jaar op 1 januari.',
    unit: 'personen',
    decimals: 0,
    theme: 'bevolking',
    sources: [CBS_KWB],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-januari',
    range: YOUNG_PEOPLE,
    role: 'main',
  },
  {
    id: 'jongeren_15_24',
    name: 'Jongeren van 15 tot 25 jaar',
    description: 'Het aantal inwoners van 15 tot en met 24 jaar op 1 januari.',
    unit: 'personen',
    decimals: 0,
    theme: 'bevolking',
    sources: [CBS_KWB],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-januari',
    range: YOUNG_PEOPLE,
    role: 'main',
  },
  {
    id: 'aandeel_jongeren_0_14',
    name: 'Aandeel kinderen van 0 tot 15 jaar',
    description: 'Welk deel van alle inwoners 0 tot en met 14 jaar oud is, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'bevolking',
    sources: [CBS_KWB],
    aggregation: share('jongeren_0_14', 'inwoners_kwb'),
    availability: 'public',
    period: 'peildatum-1-januari',
    range: PERCENT_RANGE,
    role: 'main',
  },
  {
    id: 'aandeel_jongeren_15_24',
    name: 'Aandeel jongeren van 15 tot 25 jaar',
    description: 'Welk deel van alle inwoners 15 tot en met 24 jaar oud is, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'bevolking',
    sources: [CBS_KWB],
    aggregation: share('jongeren_15_24', 'inwoners_kwb'),
    availability: 'public',
    period: 'peildatum-1-januari',
    range: PERCENT_RANGE,
    role: 'main',
  },
  {
    id: 'huishoudens',
    name: 'Huishoudens',
    description: 'Het aantal particuliere huishoudens op 1 januari.',
    unit: 'huishoudens',
    decimals: 0,
    theme: 'huishoudens-en-inkomen',
    sources: [CBS_KWB],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-januari',
    range: HOUSEHOLDS,
    role: 'main',
  },
  {
    id: 'huishoudens_met_kinderen',
    name: 'Huishoudens met kinderen',
    description: 'Het aantal huishoudens met thuiswonende kinderen, ook eenoudergezinnen.',
    unit: 'huishoudens',
    decimals: 0,
    theme: 'huishoudens-en-inkomen',
    sources: [CBS_KWB],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-januari',
    range: HOUSEHOLDS,
    role: 'main',
    notes: ['De Kerncijfers wijken en buurten tellen eenoudergezinnen niet apart.'],
  },
  {
    id: 'aandeel_huishoudens_met_kinderen',
    name: 'Aandeel huishoudens met kinderen',
    description: 'Welk deel van alle huishoudens thuiswonende kinderen heeft, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'huishoudens-en-inkomen',
    sources: [CBS_KWB],
    aggregation: share('huishoudens_met_kinderen', 'huishoudens'),
    availability: 'public',
    period: 'peildatum-1-januari',
    range: PERCENT_RANGE,
    role: 'main',
  },
  {
    id: 'huishoudens_laag_inkomen',
    name: 'Huishoudens met een laag inkomen',
    description: 'Welk deel van de huishoudens een laag inkomen heeft, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'huishoudens-en-inkomen',
    sources: [CBS_KWB],
    aggregation: { kind: 'not-aggregatable', reason: BASE_NOT_IN_DATA },
    availability: 'public',
    period: 'kwb-editie',
    range: PERCENT_RANGE,
    role: 'main',
    notes: [
      'Het jaar is het jaar van de Kerncijfers wijken en buurten. Het inkomen zelf is van een paar jaar eerder.',
      'Het CBS geeft dit percentage alleen als er minstens 100 huishoudens zijn.',
    ],
  },
  {
    id: 'huishoudens_rond_sociaal_minimum',
    name: 'Huishoudens onder of rond het sociaal minimum',
    description: 'Welk deel van de huishoudens een inkomen heeft onder of rond het sociaal minimum, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'huishoudens-en-inkomen',
    sources: [CBS_KWB],
    aggregation: { kind: 'not-aggregatable', reason: BASE_NOT_IN_DATA },
    availability: 'public',
    period: 'kwb-editie',
    range: PERCENT_RANGE,
    role: 'main',
    notes: ['Het jaar is het jaar van de Kerncijfers wijken en buurten. Het inkomen zelf is van een paar jaar eerder.'],
  },
  {
    id: 'jongeren_met_jeugdzorg',
    name: 'Jongeren met jeugdzorg',
    description:
      'Het aantal jongeren tot 23 jaar dat in het jaar jeugdhulp, jeugdbescherming of jeugdreclassering kreeg (in natura, dus niet via een persoonsgebonden budget). Jongeren tellen mee in de gemeente waar de ouder met gezag woont.',
    unit: 'jongeren',
    decimals: 0,
    theme: 'jeugdhulp',
    sources: [CBS_JEUGDZORG_NATURA],
    aggregation: SUM,
    availability: 'public',
    period: 'kalenderjaar',
    range: YOUNG_PEOPLE_WITH,
    role: 'main',
    notes: [ROUNDED_TO_FIVE],
    notComparableWith: ['pct_jeugdhulp_in_natura'],
  },
  ...(
    [
      ['0_3', '0 tot 4 jaar'],
      ['4_11', '4 tot 12 jaar'],
      ['12_17', '12 tot 18 jaar'],
      ['18_22', '18 tot 23 jaar'],
    ] as const
  ).map(
    ([ages, label]): IndicatorDefinition => ({
      id: `jongeren_met_jeugdzorg_${ages}`,
      name: `Jongeren met jeugdzorg, ${label}`,
      description: `Het aantal jongeren van ${label} dat in het jaar jeugdhulp, jeugdbescherming of jeugdreclassering kreeg (in natura).`,
      unit: 'jongeren',
      decimals: 0,
      theme: 'jeugdhulp',
      sources: [CBS_JEUGDZORG_NATURA],
      aggregation: SUM,
      availability: 'public',
      period: 'kalenderjaar',
      range: YOUNG_PEOPLE_WITH,
      role: 'main',
      notes: [ROUNDED_TO_FIVE],
    }),
  ),
  {
    id: 'jongeren_met_jeugdzorg_eenouder',
    name: 'Jongeren met jeugdzorg in een eenoudergezin',
    description: 'Het aantal jongeren met jeugdzorg (in natura) dat thuis woont bij één ouder.',
    unit: 'jongeren',
    decimals: 0,
    theme: 'jeugdhulp',
    sources: [CBS_JEUGDZORG_NATURA],
    aggregation: SUM,
    availability: 'public',
    period: 'kalenderjaar',
    range: YOUNG_PEOPLE_WITH,
    role: 'main',
    notes: [ROUNDED_TO_FIVE, 'Er zijn geen cijfers over alle eenoudergezinnen per gemeente; dit gaat alleen over jongeren met jeugdzorg.'],
  },
  {
    id: 'aandeel_jeugdzorg_eenouder',
    name: 'Aandeel jongeren met jeugdzorg in een eenoudergezin',
    description: 'Welk deel van de jongeren met jeugdzorg thuis woont bij één ouder, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'jeugdhulp',
    sources: [CBS_JEUGDZORG_NATURA],
    aggregation: share('jongeren_met_jeugdzorg_eenouder', 'jongeren_met_jeugdzorg'),
    availability: 'public',
    period: 'kalenderjaar',
    range: PERCENT_RANGE,
    role: 'main',
  },
  ...(
    [
      ['pct_jeugdhulp_in_natura', 'Jongeren met jeugdhulp', 'Welk deel van de jongeren jeugdhulp in natura kreeg, in procenten (zie de toelichting van het CBS).'],
      ['pct_jeugdhulp_met_verblijf', 'Jeugdhulp met verblijf', 'Percentage jongeren met jeugdhulp met verblijf (bijvoorbeeld in een pleeggezin of instelling), zoals het CBS het berekent (zie de toelichting van het CBS).'],
      ['pct_jeugdbescherming', 'Jongeren met jeugdbescherming', 'Welk deel van de jongeren een maatregel van jeugdbescherming had, in procenten (zie de toelichting van het CBS).'],
      ['pct_jeugdbescherming_met_verblijf', 'Jeugdbescherming met jeugdhulp met verblijf', 'Van de jongeren met jeugdbescherming: welk deel ook jeugdhulp met verblijf kreeg, in procenten. Dit is dus een deel van een kleine groep, niet van alle jongeren.'],
      ['pct_jeugdreclassering', 'Jongeren met jeugdreclassering', 'Welk deel van de jongeren jeugdreclassering had, in procenten (zie de toelichting van het CBS).'],
    ] as const
  ).map(
    ([id, name, description]): IndicatorDefinition => ({
      id,
      name: `${name} (%)`,
      description,
      unit: 'procent',
      decimals: 1,
      theme: 'jeugdhulp',
      sources: [CBS_INDICATOREN_JEUGDZORG],
      aggregation: { kind: 'not-aggregatable', reason: BASE_NOT_IN_DATA },
      availability: 'public',
      period: 'kalenderjaar',
      range: PERCENT_RANGE,
      role: 'main',
      notes: [
        'Voorlopige cijfers van het CBS (aangegeven met *). Het definitieve cijfer kan iets anders zijn.',
        'Zet dit percentage niet in één reeks met het percentage jongeren met jeugdzorg uit de Kerncijfers wijken en buurten: dat telt ook jeugdbescherming en jeugdreclassering mee en rekent met een andere groep jongeren.',
      ],
      notComparableWith: ['jongeren_met_jeugdzorg'],
    }),
  ),
  // DUO: defined with their file format (docs/import-formats.md); no file was available yet.
  ...(
    [
      ['leerlingen_po', 'Leerlingen basisonderwijs', 'Het aantal leerlingen in het basisonderwijs en het speciaal basisonderwijs.'],
      ['leerlingen_so', 'Leerlingen speciaal onderwijs', 'Het aantal leerlingen in het speciaal onderwijs (so).'],
      ['leerlingen_vo', 'Leerlingen voortgezet onderwijs', 'Het aantal leerlingen in het voortgezet onderwijs, ook het praktijkonderwijs.'],
      ['leerlingen_vso', 'Leerlingen voortgezet speciaal onderwijs', 'Het aantal leerlingen in het voortgezet speciaal onderwijs (vso).'],
    ] as const
  ).map(
    ([id, name, description]): IndicatorDefinition => ({
      id,
      name,
      description: `${description} Geteld op 1 oktober, naar de gemeente waar de leerling woont.`,
      unit: 'leerlingen',
      decimals: 0,
      theme: 'onderwijs',
      sources: [DUO_LEERLINGEN],
      aggregation: SUM,
      availability: 'public',
      period: 'peildatum-1-oktober',
      range: YOUNG_PEOPLE,
      role: 'main',
    }),
  ),
  {
    id: 'leerlingen_met_onderwijsachterstand',
    name: 'Leerlingen met risico op onderwijsachterstand',
    description: 'Het aantal leerlingen in het basisonderwijs met een verhoogd risico op een onderwijsachterstand.',
    unit: 'leerlingen',
    decimals: 0,
    theme: 'onderwijs',
    sources: [ACHTERSTAND],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-oktober',
    range: YOUNG_PEOPLE,
    role: 'main',
  },
  {
    id: 'leerlingen_basis_onderwijsachterstand',
    name: 'Leerlingen basisonderwijs (basis voor onderwijsachterstand)',
    description: 'Het aantal leerlingen in het basisonderwijs waarover het risico op onderwijsachterstand is berekend.',
    unit: 'leerlingen',
    decimals: 0,
    theme: 'onderwijs',
    sources: [ACHTERSTAND],
    aggregation: SUM,
    availability: 'public',
    period: 'peildatum-1-oktober',
    range: YOUNG_PEOPLE,
    role: 'base',
  },
  {
    id: 'aandeel_leerlingen_met_onderwijsachterstand',
    name: 'Aandeel leerlingen met risico op onderwijsachterstand',
    description: 'Welk deel van de leerlingen in het basisonderwijs een verhoogd risico op onderwijsachterstand heeft, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'onderwijs',
    sources: [ACHTERSTAND],
    aggregation: share('leerlingen_met_onderwijsachterstand', 'leerlingen_basis_onderwijsachterstand'),
    availability: 'public',
    period: 'peildatum-1-oktober',
    range: PERCENT_RANGE,
    role: 'main',
  },
  {
    id: 'voortijdig_schoolverlaters',
    name: 'Voortijdig schoolverlaters',
    description: 'Het aantal jongeren van 12 tot 23 jaar dat in het schooljaar van school ging zonder startkwalificatie (een diploma havo, vwo of mbo niveau 2 of hoger).',
    unit: 'jongeren',
    decimals: 0,
    theme: 'onderwijs',
    sources: [DUO_VSV],
    aggregation: SUM,
    availability: 'public',
    period: 'schooljaar',
    range: YOUNG_PEOPLE_WITH,
    role: 'main',
  },
  {
    id: 'deelnemers_vsv_basis',
    name: 'Leerlingen en studenten (basis voor voortijdig schoolverlaten)',
    description: 'Het aantal leerlingen en studenten van 12 tot 23 jaar zonder startkwalificatie aan het begin van het schooljaar.',
    unit: 'leerlingen',
    decimals: 0,
    theme: 'onderwijs',
    sources: [DUO_VSV],
    aggregation: SUM,
    availability: 'public',
    period: 'schooljaar',
    range: YOUNG_PEOPLE,
    role: 'base',
  },
  {
    id: 'pct_voortijdig_schoolverlaters',
    name: 'Percentage voortijdig schoolverlaters',
    description: 'Welk deel van de leerlingen en studenten zonder startkwalificatie in het schooljaar van school ging zonder diploma, in procenten.',
    unit: 'procent',
    decimals: 2,
    theme: 'onderwijs',
    sources: [DUO_VSV],
    aggregation: share('voortijdig_schoolverlaters', 'deelnemers_vsv_basis'),
    availability: 'public',
    period: 'schooljaar',
    range: PERCENT_RANGE,
    role: 'main',
  },
  {
    id: 'thuiszitters',
    name: 'Thuiszitters',
    description: 'Het aantal leerplichtige jongeren dat ingeschreven staat op een school, maar langer dan 4 weken niet naar school gaat zonder geldige reden.',
    unit: 'jongeren',
    decimals: 0,
    theme: 'onderwijs',
    sources: [OCW_VERZUIM],
    aggregation: SUM,
    availability: 'public',
    period: 'schooljaar',
    range: YOUNG_PEOPLE_WITH,
    role: 'main',
  },
  {
    id: 'absoluut_verzuimers',
    name: 'Jongeren die niet op een school staan ingeschreven',
    description: 'Het aantal leerplichtige jongeren dat op geen enkele school staat ingeschreven (absoluut verzuim).',
    unit: 'jongeren',
    decimals: 0,
    theme: 'onderwijs',
    sources: [OCW_VERZUIM],
    aggregation: SUM,
    availability: 'public',
    period: 'schooljaar',
    range: YOUNG_PEOPLE_WITH,
    role: 'main',
  },
  {
    id: 'leerplichtigen',
    name: 'Leerplichtige jongeren',
    description: 'Het aantal jongeren van 5 tot 18 jaar dat leerplichtig of kwalificatieplichtig is.',
    unit: 'jongeren',
    decimals: 0,
    theme: 'onderwijs',
    sources: [OCW_VERZUIM],
    aggregation: SUM,
    availability: 'public',
    period: 'schooljaar',
    range: YOUNG_PEOPLE,
    role: 'base',
  },
  {
    id: 'thuiszitters_per_1000',
    name: 'Thuiszitters per 1.000 leerplichtigen',
    description: 'Hoeveel thuiszitters er zijn op elke 1.000 leerplichtige jongeren.',
    unit: 'per-1000',
    decimals: 1,
    theme: 'onderwijs',
    sources: [OCW_VERZUIM],
    aggregation: { kind: 'ratio', numerator: 'thuiszitters', denominator: 'leerplichtigen', factor: 1000 },
    availability: 'public',
    period: 'schooljaar',
    range: PER_1000_RANGE,
    role: 'main',
  },
];

const SCHOOL_TYPES = [
  ['po', 'het basisonderwijs'],
  ['so', 'het speciaal onderwijs'],
  ['vo', 'het voortgezet onderwijs'],
  ['vso', 'het voortgezet speciaal onderwijs'],
] as const;

const MADE_TO_ORDER_NOTE = 'Deze cijfers zijn op bestelling gemaakt en niet openbaar. Ze staan alleen in de monitor als ze zijn geleverd.';

const MADE_TO_ORDER: IndicatorDefinition[] = [
  ...SCHOOL_TYPES.flatMap(([type, label]): IndicatorDefinition[] => [
    {
      id: `leerlingen_met_jeugdhulp_${type}`,
      name: `Leerlingen met jeugdhulp in ${label}`,
      description: `Het aantal leerlingen in ${label} dat in het jaar jeugdhulp kreeg.`,
      unit: 'leerlingen',
      decimals: 0,
      theme: 'jeugdhulp',
      sources: [MAATWERK_JEUGDHULP_ONDERWIJS],
      aggregation: SUM,
      availability: 'made-to-order',
      period: 'kalenderjaar',
      range: YOUNG_PEOPLE_WITH,
      role: 'main',
      notes: [MADE_TO_ORDER_NOTE],
    },
    {
      id: `leerlingen_basis_jeugdhulp_${type}`,
      name: `Leerlingen in ${label} (basis voor jeugdhulpgebruik)`,
      description: `Het aantal leerlingen in ${label} in dezelfde maatwerktabel, als basis voor het percentage.`,
      unit: 'leerlingen',
      decimals: 0,
      theme: 'jeugdhulp',
      sources: [MAATWERK_JEUGDHULP_ONDERWIJS],
      aggregation: SUM,
      availability: 'made-to-order',
      period: 'kalenderjaar',
      range: YOUNG_PEOPLE,
      role: 'base',
      notes: [MADE_TO_ORDER_NOTE],
    },
    {
      id: `aandeel_leerlingen_met_jeugdhulp_${type}`,
      name: `Aandeel leerlingen met jeugdhulp in ${label}`,
      description: `Welk deel van de leerlingen in ${label} jeugdhulp kreeg, in procenten.`,
      unit: 'procent',
      decimals: 1,
      theme: 'jeugdhulp',
      sources: [MAATWERK_JEUGDHULP_ONDERWIJS],
      aggregation: share(`leerlingen_met_jeugdhulp_${type}`, `leerlingen_basis_jeugdhulp_${type}`),
      availability: 'made-to-order',
      period: 'kalenderjaar',
      range: PERCENT_RANGE,
      role: 'main',
      notes: [MADE_TO_ORDER_NOTE],
    },
  ]),
  {
    id: 'jongeren_neet_basis',
    name: 'Jongeren van 15 tot 27 jaar (basis voor NEET)',
    description: 'Het aantal jongeren van 15 tot 27 jaar in de maatwerktabel, als basis voor het percentage.',
    unit: 'jongeren',
    decimals: 0,
    theme: 'school-en-werk',
    sources: [MAATWERK_NEET],
    aggregation: SUM,
    availability: 'made-to-order',
    period: 'kalenderjaar',
    range: YOUNG_PEOPLE,
    role: 'base',
    notes: [MADE_TO_ORDER_NOTE],
  },
  {
    id: 'jongeren_met_neet_risico',
    name: 'Jongeren met risico op NEET',
    description: 'Het aantal jongeren van 15 tot 27 jaar dat niet naar school gaat, geen werk heeft en geen opleiding volgt, of een groot risico daarop heeft.',
    unit: 'jongeren',
    decimals: 0,
    theme: 'school-en-werk',
    sources: [MAATWERK_NEET],
    aggregation: SUM,
    availability: 'made-to-order',
    period: 'kalenderjaar',
    range: YOUNG_PEOPLE_WITH,
    role: 'main',
    notes: [MADE_TO_ORDER_NOTE],
  },
  {
    id: 'aandeel_jongeren_met_neet_risico',
    name: 'Aandeel jongeren met risico op NEET',
    description: 'Welk deel van de jongeren van 15 tot 27 jaar niet naar school gaat, geen werk heeft en geen opleiding volgt, of een groot risico daarop heeft, in procenten.',
    unit: 'procent',
    decimals: 1,
    theme: 'school-en-werk',
    sources: [MAATWERK_NEET],
    aggregation: share('jongeren_met_neet_risico', 'jongeren_neet_basis'),
    availability: 'made-to-order',
    period: 'kalenderjaar',
    range: PERCENT_RANGE,
    role: 'main',
    notes: [MADE_TO_ORDER_NOTE],
  },
];

export const INDICATORS: readonly IndicatorDefinition[] = [...PUBLIC, ...MADE_TO_ORDER];

export const INDICATORS_BY_ID: ReadonlyMap<string, IndicatorDefinition> = new Map(INDICATORS.map((i) => [i.id, i]));

/**
 * The key figures of the monitor, in the order of the summary ("In het kort") at the top of every
 * regional page: jeugdhulp first, then the size of the young population.
 */
export const KEY_FIGURES: readonly string[] = ['pct_jeugdhulp_in_natura', 'jongeren_met_jeugdzorg', 'aandeel_jongeren_0_14', 'aandeel_jongeren_15_24', 'inwoners'];

export function indicator(id: string): IndicatorDefinition {
  const found = INDICATORS_BY_ID.get(id);
  if (!found) throw new Error(`Unknown indicator ${id}`);
  return found;
}

/**
 * Herindelingen (merged gemeenten). Stated once, shown on the pages that use it.
 * - A figure of a gemeente that no longer exists is kept under its own code for its own years.
 * - For the current gemeente, counts (and shares made from counts) of years before the merger are
 *   the sum of the current gemeente and the gemeenten that merged into it ("huidige grenzen").
 * - A percentage whose base is not in the data cannot be recomputed: for those years the page shows
 *   the gemeente's own figure on the boundaries of that year and names the gemeenten that are missing.
 * - A gemeente divided over several successors (Haaren, Littenseradiel) counts fully with one of them.
 * - Before 2015 the list of herindelingen is not known here: those years are shown per gemeente on the
 *   boundaries of that year, and are not summed into samenwerkingsverbanden or regio's.
 */
export const HERINDELING_RULE =
  'Gemeenten zijn soms samengegaan (herindeling). Aantallen van de jaren vóór zo’n herindeling tellen we op: ' +
  'de nieuwe gemeente krijgt ook de cijfers van de oude gemeenten die erin zijn opgegaan. Zo kunt u de jaren ' +
  'met elkaar vergelijken. Bij percentages zonder aantallen kan dat niet: dan ziet u het cijfer van de gemeente ' +
  'zoals die toen was, en staat erbij welke oude gemeenten er niet in zitten. Cijfers van vóór 2015 tellen we ' +
  'niet op voor samenwerkingsverbanden en regio’s, omdat we de herindelingen van vóór 2015 niet hebben.';
