import * as z from 'zod';

/**
 * Field-level errors shared by every form and JSON body: the field's dotted path and a Dutch message
 * a person can act on. No feature owns these.
 */
export interface FieldError {
  /** Dotted path of the field, e.g. "antwoorden.v03"; also the HTML field name without the prefix. */
  field: string;
  message: string;
}

/** One error per field, in order, from a zod error; unknown keys are named one by one. */
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

/** Adds the first error of one field to a step's errors, when the value does not pass its schema. */
export function checkField(errors: FieldError[], field: string, schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  if (!result.success) errors.push({ field, message: result.error.issues[0]!.message });
}

/** Longest email address SMTP allows; also keeps the field far from any body limit. */
export const EMAIL_MAX_LENGTH = 254;

/**
 * An email address we are willing to hand to SES: one plain address, no display name, no line breaks
 * (header injection), no commas or semicolons (extra recipients).
 */
export const emailField = z
  .string({ error: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' })
  .trim()
  .max(EMAIL_MAX_LENGTH, { error: `Een e-mailadres mag niet langer zijn dan ${EMAIL_MAX_LENGTH} tekens.` })
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' }));
