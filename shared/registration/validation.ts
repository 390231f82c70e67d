import * as z from 'zod';
import { defaultAreaSet } from '../areas/default-areas.ts';
import { findGemeente } from '../areas/gemeenten.ts';
import { areasOfKind, type Area } from '../areas/model.ts';
import { emailField } from '../forms/fields.ts';

/**
 * The one definition of a registration ("aanmelding") of a region: a set of gemeenten plus the SWV PO
 * and SWV VO that cover them, and a contact person for each side. The JSON API and the HTML form both
 * end in `registrationSchema`. The limits keep any valid body far below 16 KiB.
 */

export const REGION_NAME_MIN = 3;
export const REGION_NAME_MAX = 100;
export const MAX_GEMEENTEN = 60;
export const MAX_SWVS_PER_KIND = 10;
export const CONTACT_TEXT_MIN = 2;
export const CONTACT_TEXT_MAX = 100;
export const PHONE_MIN = 10;
export const PHONE_MAX = 20;
const MIN_PHONE_DIGITS = 9;

/** Policy: the operators answer a registration within about this many working days. */
export const RESPONSE_WORKING_DAYS = 5;

/** Policy: contact data is removed at the latest this many years after the region's last round. */
export const CONTACT_RETENTION_YEARS_AFTER_LAST_ROUND = 1;

/** How long we keep contact persons, said once: the form, the privacy page and the emails quote it. */
export const CONTACT_RETENTION_TEXT =
  `Wij bewaren de gegevens van de contactpersonen zolang de regio meedoet aan de monitor. ` +
  `Wij verwijderen ze uiterlijk ${CONTACT_RETENTION_YEARS_AFTER_LAST_ROUND} jaar na de laatste ronde van de regio. ` +
  `Keuren wij de aanmelding af, dan verwijderen wij ze meteen.`;

/** "de regio Twente", but "Regio Utrecht" as it is: region names often start with "Regio" already. */
export function regionPhrase(regionName: string): string {
  return /^regio\b/i.test(regionName) ? regionName : `de regio ${regionName}`;
}

export type SwvKind = 'swv-po' | 'swv-vo';

/** The SWVs of one kind (PO or VO) that a region can choose, by name. */
export function swvAreas(kind: SwvKind): Area[] {
  return areasOfKind(defaultAreaSet(), kind);
}

export function findSwv(kind: SwvKind, code: string): Area | undefined {
  const area = defaultAreaSet().areas.get(code);
  return area?.kind === kind ? area : undefined;
}

/** "PO 27-07 Naam" when the SWV has its own name, else the made-up name that already holds the code. */
export function swvLabel(area: Area): string {
  return area.hasOwnName ? `${area.code} ${area.name}` : area.name;
}

/** The label of a code, also for a code we do not know (then the code itself). */
export function swvLabelOf(code: string): string {
  const area = defaultAreaSet().areas.get(code);
  return area && (area.kind === 'swv-po' || area.kind === 'swv-vo') ? swvLabel(area) : code;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

const list = (values: readonly string[]) => values.slice(0, 5).join(', ') + (values.length > 5 ? ' en meer' : '');

interface CodeListOptions {
  required: string;
  tooMany: string;
  unknown: string;
  duplicate: string;
  max: number;
  known: (code: string) => boolean;
}

/** A list of area codes: at least one, at most `max`, each known, none twice. The errors sit on the list. */
function codeList(o: CodeListOptions) {
  return z
    .array(z.string({ error: o.unknown }), { error: o.required })
    .min(1, { error: o.required })
    .max(o.max, { error: o.tooMany })
    .superRefine((codes, ctx) => {
      const unknown = codes.filter((c) => !o.known(c));
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `${o.unknown} Onbekend: ${list(unknown)}.` });
      const twice = duplicates(codes);
      if (twice.length > 0) ctx.addIssue({ code: 'custom', message: `${o.duplicate} Dubbel: ${list(twice)}.` });
    });
}

export const regionNameField = z
  .string({ error: 'Vul de naam van uw regio in.' })
  .trim()
  .min(1, { error: 'Vul de naam van uw regio in.' })
  .min(REGION_NAME_MIN, { error: `De naam van uw regio moet minstens ${REGION_NAME_MIN} tekens hebben.` })
  .max(REGION_NAME_MAX, { error: `De naam van uw regio mag niet langer zijn dan ${REGION_NAME_MAX} tekens.` });

export const gemeentenField = codeList({
  required: 'Kies minstens één gemeente van uw regio.',
  tooMany: `Kies hoogstens ${MAX_GEMEENTEN} gemeenten voor uw regio.`,
  unknown: 'Kies alleen gemeenten uit de lijst.',
  duplicate: 'Kies elke gemeente maar één keer.',
  max: MAX_GEMEENTEN,
  known: (code) => findGemeente(code) !== undefined,
});

export const swvPoField = codeList({
  required: 'Kies minstens één samenwerkingsverband voor het primair onderwijs (SWV PO).',
  tooMany: `Kies hoogstens ${MAX_SWVS_PER_KIND} samenwerkingsverbanden voor het primair onderwijs.`,
  unknown: 'Kies alleen samenwerkingsverbanden PO uit de lijst.',
  duplicate: 'Kies elk samenwerkingsverband PO maar één keer.',
  max: MAX_SWVS_PER_KIND,
  known: (code) => findSwv('swv-po', code) !== undefined,
});

export const swvVoField = codeList({
  required: 'Kies minstens één samenwerkingsverband voor het voortgezet onderwijs (SWV VO).',
  tooMany: `Kies hoogstens ${MAX_SWVS_PER_KIND} samenwerkingsverbanden voor het voortgezet onderwijs.`,
  unknown: 'Kies alleen samenwerkingsverbanden VO uit de lijst.',
  duplicate: 'Kies elk samenwerkingsverband VO maar één keer.',
  max: MAX_SWVS_PER_KIND,
  known: (code) => findSwv('swv-vo', code) !== undefined,
});

function contactText(what: string) {
  return z
    .string({ error: `Vul de ${what} van de contactpersoon in.` })
    .trim()
    .min(1, { error: `Vul de ${what} van de contactpersoon in.` })
    .min(CONTACT_TEXT_MIN, { error: `De ${what} van de contactpersoon moet minstens ${CONTACT_TEXT_MIN} tekens hebben.` })
    .max(CONTACT_TEXT_MAX, { error: `De ${what} van de contactpersoon mag niet langer zijn dan ${CONTACT_TEXT_MAX} tekens.` });
}

const phoneMessage = `Vul een geldig telefoonnummer van de contactpersoon in, zoals 030 123 45 67 of +31 30 123 45 67. Gebruik alleen cijfers, spaties, + en -.`;

export const phoneField = z
  .string({ error: phoneMessage })
  .trim()
  .regex(/^[0-9 +-]*$/, { error: phoneMessage })
  .min(PHONE_MIN, { error: `Een telefoonnummer moet minstens ${PHONE_MIN} tekens hebben.` })
  .max(PHONE_MAX, { error: `Een telefoonnummer mag niet langer zijn dan ${PHONE_MAX} tekens.` })
  // Spaces and dashes alone are no number: ask for at least as many digits as the shortest Dutch number has.
  .refine((v) => v.replace(/\D/g, '').length >= MIN_PHONE_DIGITS, { error: phoneMessage });

export const contactSchema = z.strictObject(
  {
    name: contactText('naam'),
    role: contactText('functie'),
    email: emailField,
    phone: phoneField.optional(),
  },
  { error: 'Vul de gegevens van de contactpersoon in.' },
);

export const bevestigingField = z.literal(true, {
  error: 'Bevestig dat de gemeenten én de samenwerkingsverbanden van deze regio meedoen aan de monitor.',
});

export const registrationIdField = z.uuid({ error: 'Het formulier is niet compleet. Begin opnieuw met aanmelden.' });

export const registrationSchema = z.strictObject({
  registrationId: registrationIdField,
  regionName: regionNameField,
  gemeenten: gemeentenField,
  swvPo: swvPoField,
  swvVo: swvVoField,
  contactGemeenten: contactSchema,
  contactSwv: contactSchema,
  bevestiging: bevestigingField,
});

export type Contact = z.infer<typeof contactSchema>;
export type Registration = z.infer<typeof registrationSchema>;
