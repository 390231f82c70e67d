import * as z from 'zod';
import { findGemeente } from '../areas/gemeenten.ts';
import { ANSWER_VALUES, ROLE_VALUES, STATEMENTS } from './definition.ts';

/** Longest email address SMTP allows; also keeps the field far from any body limit. */
export const EMAIL_MAX_LENGTH = 254;

const statementNumber = (id: string) => STATEMENTS.findIndex((s) => s.id === id) + 1;

export const gemeenteField = z
  .string({ error: 'Kies de gemeente waar u werkt.' })
  .regex(/^GM\d{4}$/, { error: 'Kies de gemeente waar u werkt.' })
  .refine((code) => findGemeente(code) !== undefined, { error: 'Kies een gemeente uit de lijst.' });

export const roleField = z.enum(ROLE_VALUES, { error: 'Kies wat uw rol is.' });

export const answerField = (id: string) =>
  z.enum(ANSWER_VALUES, { error: `Kies een antwoord bij stelling ${statementNumber(id)}.` });

export const answersSchema = z.strictObject(
  Object.fromEntries(STATEMENTS.map((s) => [s.id, answerField(s.id)])) as Record<string, ReturnType<typeof answerField>>,
  { error: 'Geef bij elke stelling een antwoord.' },
);

/**
 * An email address we are willing to hand to SES: one plain address, no display name, no line breaks
 * (header injection), no commas or semicolons (extra recipients).
 */
export const emailField = z
  .string({ error: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' })
  .trim()
  .max(EMAIL_MAX_LENGTH, { error: `Een e-mailadres mag niet langer zijn dan ${EMAIL_MAX_LENGTH} tekens.` })
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' }));

export const consentField = z.literal(true, {
  error: 'Geef aan dat u akkoord gaat met hoe wij uw antwoorden bewaren.',
});

/** The one definition of a Regioscan submission, for the JSON API and the HTML form alike. */
export const submissionSchema = z.strictObject({
  submissionId: z.uuid({ error: 'Het formulier is niet compleet. Begin opnieuw.' }),
  gemeente: gemeenteField,
  rol: roleField,
  antwoorden: answersSchema,
  email: emailField.optional(),
  toestemming: consentField,
});

export type RegioscanSubmission = z.infer<typeof submissionSchema>;

export interface FieldError {
  /** Dotted path of the field, e.g. "antwoorden.v03"; also the HTML field name without the prefix. */
  field: string;
  message: string;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    let field = issue.path.join('.') || '(body)';
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      field = [...issue.path, ...issue.keys].join('.');
      message = 'Dit veld is onbekend.';
    }
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message });
  }
  return out;
}
