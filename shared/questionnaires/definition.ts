/**
 * The three questionnaires (Beleid, Uitvoering, ouders en jongeren): the one definition of their
 * groups, themes, items, answer scales, background questions and open questions.
 *
 * Every published version is kept here, deep-frozen, and is never edited: a change to any text or
 * option is a new version appended to QUESTIONNAIRE_VERSIONS. A round stores its own tailored copy
 * (see tailoring.ts), so results stay tied to the exact questions people answered.
 *
 * Copy is Dutch at B1 level (docs/schrijfwijzer.md): "u" for Beleid and Uitvoering, "je" for ouders
 * en jongeren, with simpler words.
 */
import { AGREEMENT_SCALE } from '../forms/scale.ts';

export type GroupId = 'beleid' | 'uitvoering' | 'ouders-jongeren';
export const GROUP_IDS = ['beleid', 'uitvoering', 'ouders-jongeren'] as const satisfies readonly GroupId[];

/** How the texts address the reader. */
export type Address = 'u' | 'je';

export interface Group {
  id: GroupId;
  title: string;
  /** Short name for tables and menus. */
  label: string;
  address: Address;
  /** Who answers this questionnaire, in one sentence. */
  audience: string;
}

export const GROUPS: readonly Group[] = deepFreeze([
  {
    id: 'beleid',
    title: 'Vragenlijst voor Beleid',
    label: 'Beleid',
    address: 'u',
    audience:
      'Voor beleidsmedewerkers van gemeenten en samenwerkingsverbanden passend onderwijs die werken aan de samenwerking tussen onderwijs en jeugdhulp.',
  },
  {
    id: 'uitvoering',
    title: 'Vragenlijst voor de Uitvoering',
    label: 'Uitvoering',
    address: 'u',
    audience:
      'Voor professionals die op en rond scholen werken, zoals intern begeleiders, zorgcoördinatoren en jeugdhulpmedewerkers die aan een school verbonden zijn.',
  },
  {
    id: 'ouders-jongeren',
    title: 'Vragenlijst voor ouders en jongeren',
    label: 'Ouders en jongeren',
    address: 'je',
    audience: 'Voor ouders en verzorgers van kinderen die hulp krijgen, en voor jongeren zelf.',
  },
] satisfies Group[]);

export function isGroupId(value: unknown): value is GroupId {
  return typeof value === 'string' && (GROUP_IDS as readonly string[]).includes(value);
}

export function groupById(id: GroupId): Group {
  const group = GROUPS.find((g) => g.id === id);
  if (!group) throw new Error(`Unknown questionnaire group ${id}`);
  return group;
}

/** The five-point scale of every item. */
export const LIKERT_SCALE = AGREEMENT_SCALE;

/**
 * "Weet ik niet" is a real answer to an item and to the grade, shown last after an "of" divider.
 * It is never a point on a scale and never counts in a score.
 */
export const DONT_KNOW = { value: 'weet-niet', label: 'Weet ik niet / niet van toepassing' } as const;

export type LikertValue = (typeof LIKERT_SCALE)[number]['value'];
export type LikertAnswer = LikertValue | typeof DONT_KNOW.value;
export const LIKERT_ANSWER_VALUES = [...LIKERT_SCALE.map((a) => a.value), DONT_KNOW.value] as unknown as readonly [
  LikertAnswer,
  ...LikertAnswer[],
];

/** The overall grade ("rapportcijfer"), 1 to 10. */
export const GRADE_ID = 'rapportcijfer';
export const GRADE_SCALE = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export type GradeValue = (typeof GRADE_SCALE)[number];
export type GradeAnswer = GradeValue | typeof DONT_KNOW.value;
export const GRADE_ANSWER_VALUES = [...GRADE_SCALE, DONT_KNOW.value] as unknown as readonly [GradeAnswer, ...GradeAnswer[]];

/** Longest answer to an open question, in characters. */
export const OPEN_ANSWER_MAX_LENGTH = 2000;

export type ThemeId = 'samenwerking' | 'samenhang' | 'tevredenheid';
export const THEME_IDS = ['samenwerking', 'samenhang', 'tevredenheid'] as const satisfies readonly ThemeId[];

export interface Item {
  /** Stable id, unique across all questionnaires and versions' groups (e.g. "b-sw-1"). */
  id: string;
  text: string;
}

export interface QuestionnaireTheme {
  id: ThemeId;
  title: string;
  intro: string;
  items: readonly Item[];
}

export interface Option {
  value: string;
  label: string;
}

/** An optional question the benchmark can break results down by. */
export interface BackgroundQuestion {
  id: string;
  text: string;
  options: readonly Option[];
}

/** An optional free-text question, at most OPEN_ANSWER_MAX_LENGTH characters. */
export interface OpenQuestion {
  id: string;
  text: string;
}

export interface GradeQuestion {
  id: typeof GRADE_ID;
  text: string;
}

export interface Questionnaire {
  group: GroupId;
  version: number;
  title: string;
  intro: string;
  themes: readonly QuestionnaireTheme[];
  grade: GradeQuestion;
  background: readonly BackgroundQuestion[];
  open: readonly OpenQuestion[];
}

// Background options keep the same values in every group, so the benchmark can compare groups.
const SECTOR_OPTIONS: Option[] = [
  { value: 'gemeente', label: 'Gemeente' },
  { value: 'samenwerkingsverband', label: 'Samenwerkingsverband passend onderwijs' },
  { value: 'onderwijs', label: 'Onderwijs (school of schoolbestuur)' },
  { value: 'jeugdhulp', label: 'Jeugdhulp of wijkteam' },
  { value: 'anders', label: 'Anders' },
];

const SCHOOL_TYPE_OPTIONS: Option[] = [
  { value: 'po', label: 'Primair onderwijs (PO)' },
  { value: 'vo', label: 'Voortgezet onderwijs (VO)' },
  { value: 'so-vso', label: 'Speciaal of voortgezet speciaal onderwijs (SO/VSO)' },
  { value: 'mbo', label: 'Middelbaar beroepsonderwijs (mbo)' },
  { value: 'nvt', label: 'Niet van toepassing' },
];

const BELEID_V1: Questionnaire = {
  group: 'beleid',
  version: 1,
  title: 'Vragenlijst voor Beleid',
  intro:
    'Deze vragenlijst gaat over de samenwerking tussen onderwijs en jeugdhulp in uw regio, gezien vanuit het beleid. Uw antwoorden helpen gemeenten en samenwerkingsverbanden om samen te bepalen wat beter kan.',
  themes: [
    {
      id: 'samenwerking',
      title: 'Samenwerking: werkwijze, proces en afspraken',
      intro:
        'Deze vragen gaan over hoe gemeenten en samenwerkingsverbanden samenwerken en welke afspraken zij maken, bijvoorbeeld in het op overeenstemming gericht overleg (OOGO).',
      items: [
        { id: 'b-sw-1', text: 'Gemeenten en samenwerkingsverbanden in onze regio hebben een gezamenlijke visie op onderwijs en jeugdhulp.' },
        { id: 'b-sw-2', text: 'In het OOGO maken gemeenten en samenwerkingsverbanden concrete afspraken over onderwijs en jeugdhulp.' },
        { id: 'b-sw-3', text: 'Het is duidelijk wie verantwoordelijk is voor welke taak in de samenwerking.' },
        { id: 'b-sw-4', text: 'Gemeenten en samenwerkingsverbanden bespreken hun plannen met elkaar voordat zij die vaststellen.' },
        { id: 'b-sw-5', text: 'Er zijn afspraken over wie betaalt als een leerling onderwijs en jeugdhulp tegelijk nodig heeft.' },
        { id: 'b-sw-6', text: 'Scholen en jeugdhulp kennen de afspraken die in het OOGO zijn gemaakt.' },
        { id: 'b-sw-7', text: 'Partners spreken elkaar aan als een afspraak niet wordt nagekomen.' },
      ],
    },
    {
      id: 'samenhang',
      title: 'Zicht op samenhang in de hulp',
      intro:
        'Deze vragen gaan over uw zicht op hoe onderwijs, ondersteuning op school en jeugdhulp samenhangen, en of u daarop kunt sturen.',
      items: [
        { id: 'b-sh-1', text: 'Ik weet welke ondersteuning scholen zelf bieden en welke hulp de jeugdhulp biedt.' },
        { id: 'b-sh-2', text: 'Het aanbod van jeugdhulp sluit aan bij wat leerlingen op school nodig hebben.' },
        { id: 'b-sh-3', text: 'Wij gebruiken cijfers over onderwijs en jeugdhulp om ons beleid bij te sturen.' },
        { id: 'b-sh-4', text: 'Wij weten hoeveel leerlingen thuiszitten en wat zij nodig hebben om weer naar school te gaan.' },
        { id: 'b-sh-5', text: 'Ervaringen van scholen en jeugdhulp komen bij de beleidsmakers terecht.' },
        { id: 'b-sh-6', text: 'Gemeenten en samenwerkingsverbanden volgen samen of de afspraken het resultaat hebben dat zij willen.' },
      ],
    },
    {
      id: 'tevredenheid',
      title: 'Tevredenheid over de samenwerking',
      intro: 'Deze vragen gaan over hoe tevreden u bent over de samenwerking tussen onderwijs en jeugdhulp in uw regio.',
      items: [
        { id: 'b-tv-1', text: 'Ik ben tevreden over de samenwerking tussen gemeenten en samenwerkingsverbanden.' },
        { id: 'b-tv-2', text: 'Ik ben tevreden over hoe het OOGO verloopt.' },
        { id: 'b-tv-3', text: 'Ik ben tevreden over de samenwerking tussen scholen en jeugdhulp in onze regio.' },
        { id: 'b-tv-4', text: 'Kinderen en gezinnen merken dat onderwijs en jeugdhulp samenwerken.' },
        { id: 'b-tv-5', text: 'De samenwerking is het afgelopen jaar beter geworden.' },
      ],
    },
  ],
  grade: {
    id: GRADE_ID,
    text: 'Welk rapportcijfer geeft u de samenwerking tussen onderwijs en jeugdhulp in uw regio?',
  },
  background: [
    { id: 'sector', text: 'Waar werkt u?', options: SECTOR_OPTIONS },
    {
      id: 'rol',
      text: 'Wat is uw functie?',
      options: [
        { value: 'beleidsmedewerker', label: 'Beleidsmedewerker of beleidsadviseur' },
        { value: 'manager', label: 'Manager of coördinator' },
        { value: 'bestuurder', label: 'Directeur of bestuurder' },
        { value: 'anders', label: 'Anders' },
      ],
    },
    { id: 'schooltype', text: 'Met welk type onderwijs heeft u het meest te maken?', options: SCHOOL_TYPE_OPTIONS },
  ],
  open: [
    { id: 'b-open-1', text: 'Wat gaat goed in de samenwerking tussen onderwijs en jeugdhulp in uw regio?' },
    { id: 'b-open-2', text: 'Wat moet volgens u als eerste beter?' },
  ],
};

const UITVOERING_V1: Questionnaire = {
  group: 'uitvoering',
  version: 1,
  title: 'Vragenlijst voor de Uitvoering',
  intro:
    'Deze vragenlijst gaat over de samenwerking tussen onderwijs en jeugdhulp in uw dagelijks werk. Uw antwoorden helpen gemeenten en samenwerkingsverbanden om te zien wat goed gaat en wat beter kan.',
  themes: [
    {
      id: 'samenwerking',
      title: 'Samenwerking: werkwijze, proces en afspraken',
      intro:
        'Deze vragen gaan over de samenwerking rond een leerling en het gezin: tussen school, jeugdhulp, het wijkteam, leerplicht en de jeugdgezondheidszorg (JGZ).',
      items: [
        { id: 'u-sw-1', text: 'Ik weet wie mijn vaste contactpersoon is bij de jeugdhulp of bij de school.' },
        { id: 'u-sw-2', text: 'Als ik mij zorgen maak over een leerling, kan ik snel overleggen met de jeugdhulp of de school.' },
        { id: 'u-sw-3', text: 'In het overleg over een leerling zitten de juiste mensen aan tafel.' },
        { id: 'u-sw-4', text: 'Ouders en de leerling praten mee als wij samen over de hulp beslissen.' },
        { id: 'u-sw-5', text: 'Het is duidelijk wie de regie heeft als een leerling hulp krijgt van meer organisaties.' },
        { id: 'u-sw-6', text: 'Leerplicht en JGZ doen mee als dat nodig is.' },
        { id: 'u-sw-7', text: 'Ik ken de afspraken tussen gemeente en samenwerkingsverband die belangrijk zijn voor mijn werk.' },
      ],
    },
    {
      id: 'samenhang',
      title: 'Zicht op samenhang in de hulp',
      intro:
        'Deze vragen gaan over uw overzicht van de hulp die een leerling en het gezin krijgen, en of die hulp bij elkaar past.',
      items: [
        { id: 'u-sh-1', text: 'Ik weet welke hulp een leerling en het gezin krijgen van andere organisaties.' },
        { id: 'u-sh-2', text: 'De hulp thuis en de ondersteuning op school passen bij elkaar.' },
        { id: 'u-sh-3', text: 'Een leerling krijgt op tijd hulp als de school zich zorgen maakt.' },
        { id: 'u-sh-4', text: 'School en jeugdhulp delen de informatie die nodig is, met toestemming van ouders en leerling.' },
        { id: 'u-sh-5', text: 'Bij de overstap naar een andere school of naar vervolgonderwijs gaat er geen hulp verloren.' },
        { id: 'u-sh-6', text: 'Ik weet welke hulp er in de regio is voor leerlingen en gezinnen.' },
      ],
    },
    {
      id: 'tevredenheid',
      title: 'Tevredenheid over de samenwerking',
      intro: 'Deze vragen gaan over hoe tevreden u bent over de samenwerking in uw werk.',
      items: [
        { id: 'u-tv-1', text: 'Ik ben tevreden over de samenwerking met de jeugdhulp of met de school.' },
        { id: 'u-tv-2', text: 'Ik heb genoeg tijd om met partners te overleggen over leerlingen.' },
        { id: 'u-tv-3', text: 'De samenwerking helpt leerlingen en gezinnen echt verder.' },
        { id: 'u-tv-4', text: 'Ik sta er niet alleen voor als een leerling veel hulp nodig heeft.' },
        { id: 'u-tv-5', text: 'De samenwerking is het afgelopen jaar beter geworden.' },
      ],
    },
  ],
  grade: {
    id: GRADE_ID,
    text: 'Welk rapportcijfer geeft u de samenwerking tussen onderwijs en jeugdhulp in uw werk?',
  },
  background: [
    { id: 'sector', text: 'Waar werkt u?', options: SECTOR_OPTIONS },
    {
      id: 'rol',
      text: 'Wat is uw functie?',
      options: [
        { value: 'intern-begeleider', label: 'Intern begeleider' },
        { value: 'zorgcoordinator', label: 'Zorgcoördinator' },
        { value: 'leraar-mentor', label: 'Leraar of mentor' },
        { value: 'jeugdhulp', label: 'Jeugdhulpmedewerker of medewerker van het wijkteam' },
        { value: 'leerplicht-jgz', label: 'Leerplichtambtenaar of medewerker van de JGZ' },
        { value: 'anders', label: 'Anders' },
      ],
    },
    { id: 'schooltype', text: 'Met welk type onderwijs werkt u het meest?', options: SCHOOL_TYPE_OPTIONS },
  ],
  open: [
    { id: 'u-open-1', text: 'Wat gaat goed in de samenwerking rond leerlingen?' },
    { id: 'u-open-2', text: 'Wat zou uw werk met leerlingen en gezinnen makkelijker maken?' },
  ],
};

const OUDERS_JONGEREN_V1: Questionnaire = {
  group: 'ouders-jongeren',
  version: 1,
  title: 'Vragenlijst voor ouders en jongeren',
  intro:
    'Deze vragenlijst gaat over jouw ervaring met de school en de jeugdhulp. Jeugdhulp is hulp voor kinderen, jongeren en gezinnen, bijvoorbeeld van het wijkteam. Ben je ouder of verzorger? Denk dan bij "ik" aan je kind en je gezin.',
  themes: [
    {
      id: 'samenwerking',
      title: 'Samenwerking tussen school en hulp',
      intro: 'Deze vragen gaan over hoe de school en de jeugdhulp samenwerken, en over de afspraken met jou.',
      items: [
        { id: 'oj-sw-1', text: 'De school en de jeugdhulp praten met elkaar over wat ik nodig heb.' },
        { id: 'oj-sw-2', text: 'Ik weet wie ik kan bellen of mailen als ik een vraag heb.' },
        { id: 'oj-sw-3', text: 'Ik hoef mijn verhaal niet steeds opnieuw te vertellen.' },
        { id: 'oj-sw-4', text: 'Ik mag meepraten over de hulp die ik krijg.' },
        { id: 'oj-sw-5', text: 'De school en de jeugdhulp doen wat ze hebben afgesproken.' },
        { id: 'oj-sw-6', text: 'Ik kreeg snel hulp toen dat nodig was.' },
      ],
    },
    {
      id: 'samenhang',
      title: 'Hulp die bij elkaar past',
      intro: 'Deze vragen gaan over de hulp op school en de hulp buiten school. Past die hulp bij elkaar?',
      items: [
        { id: 'oj-sh-1', text: 'De hulp op school en de hulp thuis passen bij elkaar.' },
        { id: 'oj-sh-2', text: 'Ik weet welke hulp ik krijg en van wie.' },
        { id: 'oj-sh-3', text: 'Er is één persoon die het overzicht houdt over alle hulp die ik krijg.' },
        { id: 'oj-sh-4', text: 'Door de hulp kan ik naar school blijven gaan.' },
        { id: 'oj-sh-5', text: 'Als ik naar een andere school ga, gaat de hulp gewoon door.' },
      ],
    },
    {
      id: 'tevredenheid',
      title: 'Hoe tevreden ben je?',
      intro: 'Deze vragen gaan over hoe tevreden je bent over de school en de hulp.',
      items: [
        { id: 'oj-tv-1', text: 'Ik ben tevreden over hoe de school en de jeugdhulp samenwerken.' },
        { id: 'oj-tv-2', text: 'De school en de jeugdhulp nemen mij serieus.' },
        { id: 'oj-tv-3', text: 'Door de hulp gaat het beter met mij.' },
        { id: 'oj-tv-4', text: 'Ik zou deze hulp aanraden aan anderen.' },
      ],
    },
  ],
  grade: {
    id: GRADE_ID,
    text: 'Welk rapportcijfer geef je de samenwerking tussen de school en de jeugdhulp?',
  },
  background: [
    {
      id: 'invuller',
      text: 'Ik vul dit in als',
      options: [
        { value: 'ouder', label: 'Ouder of verzorger' },
        { value: 'jongere', label: 'Jongere' },
      ],
    },
    {
      id: 'schooltype',
      text: 'Naar welke school ga je? Of: naar welke school gaat je kind?',
      options: [
        { value: 'po', label: 'Basisschool' },
        { value: 'vo', label: 'Middelbare school' },
        { value: 'so-vso', label: 'Speciaal onderwijs' },
        { value: 'mbo', label: 'Mbo' },
        { value: 'nvt', label: 'Geen school of weet ik niet' },
      ],
    },
  ],
  open: [
    { id: 'oj-open-1', text: 'Wat gaat goed bij de school en de jeugdhulp?' },
    { id: 'oj-open-2', text: 'Wat kan beter?' },
  ],
};

/** Every published version per group, oldest first. Published versions are frozen: never edit one, add a new one. */
export const QUESTIONNAIRE_VERSIONS: Readonly<Record<GroupId, readonly Questionnaire[]>> = deepFreeze({
  beleid: [BELEID_V1],
  uitvoering: [UITVOERING_V1],
  'ouders-jongeren': [OUDERS_JONGEREN_V1],
});

/** The newest published version, used for new rounds. */
export function currentQuestionnaire(group: GroupId): Questionnaire {
  const versions = QUESTIONNAIRE_VERSIONS[group];
  const latest = versions[versions.length - 1];
  if (!latest) throw new Error(`No questionnaire for ${group}`);
  return latest;
}

export function questionnaireVersion(group: GroupId, version: number): Questionnaire | undefined {
  return QUESTIONNAIRE_VERSIONS[group]?.find((q) => q.version === version);
}

/** Freezes an object and everything it holds, so a published definition cannot change at runtime. */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child, seen);
  }
  return value;
}
