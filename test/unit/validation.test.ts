import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../shared/forms/fields.ts';
import { submissionSchema } from '../../shared/regioscan/validation.ts';
import { answers, validSubmission } from '../helpers/fixtures.ts';

describe('submission validation', () => {
  it('accepts a complete submission, with or without email', () => {
    expect(submissionSchema.safeParse(validSubmission()).success).toBe(true);
    expect(submissionSchema.safeParse(validSubmission({ email: ' naam@voorbeeld.nl ' })).data?.email).toBe('naam@voorbeeld.nl');
  });

  it('names the missing statement in Dutch', () => {
    const a = answers();
    delete a.v07;
    const result = submissionSchema.safeParse(validSubmission({ antwoorden: a }));
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual([{ field: 'antwoorden.v07', message: 'Kies een antwoord bij stelling 7.' }]);
  });

  it('reports unknown fields by name', () => {
    const result = submissionSchema.safeParse(validSubmission({ extra: 1 }));
    expect(fieldErrors(result.error!)).toEqual([{ field: 'extra', message: 'Dit veld is onbekend.' }]);
  });

  it.each([
    'a@b.nl\r\nBcc: c@d.nl',
    'a@b.nl,c@d.nl',
    'Jan <a@b.nl>',
    'a@b',
    `${'a'.repeat(250)}@b.nl`,
  ])('refuses the email address %j', (email) => {
    const result = submissionSchema.safeParse(validSubmission({ email }));
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)[0]!.field).toBe('email');
  });

  it('accepts only real 2025 gemeente codes', () => {
    expect(submissionSchema.safeParse(validSubmission({ gemeente: 'GM0344' })).success).toBe(true); // Utrecht
    const result = submissionSchema.safeParse(validSubmission({ gemeente: 'GM0457' })); // Weesp, merged in 2022
    expect(fieldErrors(result.error!)).toEqual([{ field: 'gemeente', message: 'Kies een gemeente uit de lijst.' }]);
  });
});
