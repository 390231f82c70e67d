import * as z from 'zod';
import { findGemeente } from '../areas/gemeenten.ts';
import { emailField } from '../forms/fields.ts';
import { ANSWER_VALUES, ROLE_VALUES, STATEMENTS } from './definition.ts';

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
 * Whether the answers may be stored for the overviews per gemeente (the benchmark). Not needed for the
 * outcome, nor for the email: without it nothing but the short-lived draft (and, for the email, the
 * address for at most a few days) is kept. Programs must say it explicitly: true or false.
 */
export const consentField = z.boolean({
  error: 'Geef aan of wij uw antwoorden mogen bewaren: true of false.',
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
