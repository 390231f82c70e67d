/**
 * The Regioscan: the one definition of its themes, statements, answer scale, roles and score bands.
 * Site, handlers, email, infra and tests all read this module; nothing lists a statement twice.
 * Copy is Dutch at B1 level and addresses the reader with "u" (see docs/schrijfwijzer.md).
 */
import { AGREEMENT_SCALE } from '../forms/scale.ts';

export const ANSWER_SCALE = AGREEMENT_SCALE;

/** "Weet ik niet" is a real answer, shown last after an "of" divider, and never counts in a score. */
export const DONT_KNOW = { value: 'weet-niet', label: 'Weet ik niet' } as const;

export type ScaleValue = (typeof ANSWER_SCALE)[number]['value'];
export type AnswerValue = ScaleValue | typeof DONT_KNOW.value;
export const ANSWER_VALUES = [...ANSWER_SCALE.map((a) => a.value), DONT_KNOW.value] as unknown as [AnswerValue, ...AnswerValue[]];

export function answerLabel(value: AnswerValue): string {
  return value === DONT_KNOW.value ? DONT_KNOW.label : ANSWER_SCALE.find((a) => a.value === value)!.label;
}

export interface Statement {
  /** Stable id used in forms, storage and the JSON API (v01..v16). */
  id: string;
  text: string;
}

export interface ScoreBand {
  /** Lowest score (0-100) that falls in this band. */
  from: number;
  label: string;
  interpretation: string;
}

export interface Theme {
  id: string;
  title: string;
  intro: string;
  statements: readonly Statement[];
  /** What the outcome means, per band, for this theme. */
  bands: readonly ScoreBand[];
  /** Two or three points to raise in the regional conversation (OOGO). */
  conversationPointers: readonly string[];
}

/**
 * Score bands shared by all themes; each theme words its own interpretation. The words must match the
 * score: a 50 is half of the points, so it is not "goed" (80+ "Gaat goed", 60-79 "Gaat op veel punten
 * goed", 40-59 "Op een aantal punten gaat het goed, op andere nog niet", below 40 "Hier is nog veel te winnen").
 */
export const BAND_FLOORS = [
  { from: 80, label: 'Gaat goed' },
  { from: 60, label: 'Gaat op veel punten goed' },
  { from: 40, label: 'Op een aantal punten gaat het goed, op andere nog niet' },
  { from: 0, label: 'Hier is nog veel te winnen' },
] as const;

function bands(interpretations: readonly [string, string, string, string]): ScoreBand[] {
  return BAND_FLOORS.map((band, i) => ({ ...band, interpretation: interpretations[i]! }));
}

export const THEMES: readonly Theme[] = [
  {
    id: 'samenwerking',
    title: 'Samenwerking tussen school en jeugdhulp',
    intro:
      'Dit thema gaat over de samenwerking op de werkvloer: tussen scholen, jeugdhulp, het wijkteam, leerplicht en de jeugdgezondheidszorg (JGZ).',
    statements: [
      { id: 'v01', text: 'Elke school in onze regio heeft een vaste contactpersoon bij de jeugdhulp of het wijkteam.' },
      { id: 'v02', text: 'School en jeugdhulp vinden elkaar snel als een leerling hulp nodig heeft.' },
      { id: 'v03', text: 'Leerplicht en jeugdgezondheidszorg doen mee als we samen over een leerling praten.' },
      { id: 'v04', text: 'School en jeugdhulp stemmen de hulp aan de leerling en het gezin goed op elkaar af.' },
    ],
    bands: bands([
      'School en jeugdhulp kennen elkaar en werken goed samen. Houd vast wat werkt.',
      'De samenwerking is er, maar nog niet overal en niet altijd. Kijk waar het wel en niet lukt.',
      'School en jeugdhulp vinden elkaar nog niet vanzelf. Vaste contactpersonen en korte lijnen kunnen helpen.',
      'Er is weinig samenwerking tussen school en jeugdhulp. Leerlingen lopen het risico dat hulp te laat komt.',
    ]),
    conversationPointers: [
      'Heeft elke school een vaste contactpersoon bij jeugdhulp of wijkteam? Zo nee: wie regelt dat, en wanneer?',
      'Hoe snel krijgt een leerling hulp nadat de school zich zorgen maakt? Is iedereen het eens over die tijd?',
      'Op welke manier zijn leerplicht en JGZ betrokken bij het overleg over leerlingen?',
    ],
  },
  {
    id: 'speciaal-onderwijs',
    title: 'Onderwijs en zorg in het speciaal onderwijs',
    intro:
      'Dit thema gaat over leerlingen in het speciaal onderwijs en voortgezet speciaal onderwijs (so en vso) die naast onderwijs ook zorg nodig hebben.',
    statements: [
      { id: 'v05', text: 'Scholen voor (voortgezet) speciaal onderwijs weten bij welke zorgpartners zij terechtkunnen.' },
      {
        id: 'v06',
        text: 'Het is duidelijk wie betaalt voor zorg onder schooltijd: de gemeente, de zorgverzekeraar, het zorgkantoor of het samenwerkingsverband.',
      },
      { id: 'v07', text: 'Leerlingen in het speciaal onderwijs krijgen onderwijs en zorg als één geheel.' },
      { id: 'v08', text: 'Scholen staan er niet alleen voor als zij de zorg voor een leerling moeten regelen.' },
    ],
    bands: bands([
      'Onderwijs en zorg sluiten in het speciaal onderwijs goed op elkaar aan.',
      'Veel gaat goed, maar sommige vragen over zorg en betaling zijn nog niet opgelost.',
      'Scholen moeten nog veel zelf uitzoeken. Duidelijke afspraken over rollen en geld kunnen helpen.',
      'Onderwijs en zorg staan los van elkaar. Scholen en leerlingen lopen hier vast.',
    ]),
    conversationPointers: [
      'Maak samen een overzicht: wie betaalt welke zorg onder schooltijd?',
      'Wie heeft de regie als een leerling in het speciaal onderwijs zorg van meer partijen nodig heeft?',
    ],
  },
  {
    id: 'sturing',
    title: 'Sturing en monitoring',
    intro:
      'Dit thema gaat over de vraag of gemeenten en samenwerkingsverbanden hun beleid baseren op cijfers en kennis, en of zij volgen wat het oplevert.',
    statements: [
      { id: 'v09', text: 'Gemeenten en samenwerkingsverbanden gebruiken cijfers om hun beleid bij te sturen.' },
      { id: 'v10', text: 'We weten welke aanpakken werken en gebruiken die kennis in ons beleid.' },
      { id: 'v11', text: 'We volgen samen of onze afspraken het resultaat hebben dat we willen.' },
      { id: 'v12', text: 'Ervaringen uit de praktijk van school en jeugdhulp veranderen het beleid als dat nodig is.' },
    ],
    bands: bands([
      'Beleid en praktijk leren van elkaar, met cijfers als basis.',
      'Er zijn cijfers en goede bedoelingen, maar ze worden nog niet altijd samen gebruikt.',
      'Het is nog niet duidelijk of de aanpak werkt. Kies samen een paar cijfers om te volgen.',
      'Beleid wordt gemaakt zonder zicht op resultaten. Begin met samen bepalen wat u wilt bereiken.',
    ]),
    conversationPointers: [
      'Welke twee of drie cijfers willen gemeente en samenwerkingsverband samen volgen? De contextcijfers op deze site kunnen helpen.',
      'Hoe komen ervaringen van professionals bij de beleidsmakers terecht?',
      'Wanneer bespreekt u de resultaten samen, en wat doet u als het niet goed gaat?',
    ],
  },
  {
    id: 'afspraken',
    title: 'Gezamenlijke afspraken',
    intro:
      'Dit thema gaat over de afspraken die gemeenten en samenwerkingsverbanden maken in het op overeenstemming gericht overleg (OOGO), en of die afspraken in de praktijk werken.',
    statements: [
      { id: 'v13', text: 'Gemeenten en samenwerkingsverbanden hebben in het OOGO duidelijke afspraken gemaakt.' },
      { id: 'v14', text: 'Scholen en jeugdhulp kennen de afspraken uit het OOGO.' },
      { id: 'v15', text: 'Partners spreken elkaar aan als een afspraak niet wordt nagekomen.' },
      {
        id: 'v16',
        text: 'Er zijn afspraken over de overstap van leerlingen naar een andere school, naar vervolgonderwijs of naar werk.',
      },
    ],
    bands: bands([
      'De afspraken zijn duidelijk, bekend en worden nagekomen.',
      'Er zijn afspraken, maar niet iedereen kent ze of houdt zich eraan.',
      'De afspraken zijn nog niet duidelijk genoeg of nog niet bekend in de praktijk.',
      'Er zijn weinig of geen gezamenlijke afspraken. Maak dit een vast onderwerp in het OOGO.',
    ]),
    conversationPointers: [
      'Welke OOGO-afspraken kennen scholen en jeugdhulp nog niet? Hoe brengt u ze onder de aandacht?',
      'Wat gebeurt er als een partner zich niet aan een afspraak houdt? Spreek samen af hoe u elkaar daarop aanspreekt.',
    ],
  },
];

export const STATEMENTS: readonly Statement[] = THEMES.flatMap((t) => t.statements);

/** The role of the respondent. */
export const ROLES = [
  { value: 'gemeente', label: 'Gemeente' },
  { value: 'swv', label: 'Samenwerkingsverband passend onderwijs' },
  { value: 'school-po', label: 'School in het primair onderwijs' },
  { value: 'school-vo', label: 'School in het voortgezet onderwijs of mbo' },
  { value: 'school-so', label: 'School voor speciaal of voortgezet speciaal onderwijs' },
  { value: 'jeugdhulp', label: 'Jeugdhulp of wijkteam' },
  { value: 'leerplicht-jgz', label: 'Leerplicht of jeugdgezondheidszorg' },
  { value: 'anders', label: 'Anders' },
] as const;
export type Role = (typeof ROLES)[number]['value'];
export const ROLE_VALUES = ROLES.map((r) => r.value) as [Role, ...Role[]];

export function roleLabel(value: Role): string {
  return ROLES.find((r) => r.value === value)!.label;
}

/**
 * Scoring rule, shown to respondents as written here:
 * each answer counts 0 (helemaal oneens), 25, 50, 75 or 100 (helemaal eens) points;
 * the theme score is the average of the answered statements, rounded to a whole number.
 * "Weet ik niet" does not count. With fewer than MIN_ANSWERED_PER_THEME real answers a theme gets no score.
 */
export const MIN_ANSWERED_PER_THEME = 2;
export const SCORING_RULE_TEXT =
  'Elk antwoord telt mee met 0 punten (helemaal oneens), 25, 50, 75 of 100 punten (helemaal eens). ' +
  'De score van een thema is het gemiddelde van uw antwoorden op dat thema, van 0 tot 100. ' +
  '"Weet ik niet" telt niet mee. Heeft u bij een thema minder dan 2 stellingen beantwoord met eens of oneens, dan krijgt dat thema geen score.';

export const REGIOSCAN_NAME = 'Regioscan';
