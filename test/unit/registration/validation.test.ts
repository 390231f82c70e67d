import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../shared/forms/fields.ts';
import {
  CONTACT_RETENTION_TEXT,
  MAX_GEMEENTEN,
  MAX_SWVS_PER_KIND,
  registrationSchema,
  swvAreas,
} from '../../../shared/registration/validation.ts';
import { GEMEENTEN } from '../../../shared/areas/gemeenten.ts';
import { home, registration } from './fixtures.ts';

/** The errors of a body as field → message. */
function errorsOf(body: unknown): Record<string, string> {
  const result = registrationSchema.safeParse(body);
  if (result.success) return {};
  return Object.fromEntries(fieldErrors(result.error).map((e) => [e.field, e.message]));
}

describe('registration schema', () => {
  it('accepts a complete registration and trims the text', () => {
    const result = registrationSchema.safeParse({ ...registration(), regionName: '  Regio TESTDATA  ' });
    expect(result.success).toBe(true);
    expect(result.data?.regionName).toBe('Regio TESTDATA');
    expect(result.data?.contactSwv.phone).toBeUndefined();
  });

  it('names every missing field in Dutch', () => {
    const errors = errorsOf({});
    expect(errors).toMatchObject({
      registrationId: expect.stringContaining('Begin opnieuw'),
      regionName: 'Vul de naam van uw regio in.',
      gemeenten: expect.stringContaining('gemeente'),
      swvPo: expect.stringContaining('primair onderwijs'),
      swvVo: expect.stringContaining('voortgezet onderwijs'),
      contactGemeenten: expect.stringContaining('contactpersoon'),
      contactSwv: expect.stringContaining('contactpersoon'),
      bevestiging: expect.stringContaining('Bevestig'),
    });
  });

  it('checks the length of the region name', () => {
    expect(errorsOf(registration({ regionName: 'ab' })).regionName).toBe('De naam van uw regio moet minstens 3 tekens hebben.');
    expect(errorsOf(registration({ regionName: 'x'.repeat(101) })).regionName).toBe('De naam van uw regio mag niet langer zijn dan 100 tekens.');
    expect(errorsOf(registration({ regionName: '   ' })).regionName).toBe('Vul de naam van uw regio in.');
  });

  it('needs at least one gemeente, known ones, each once, and not too many', () => {
    expect(errorsOf(registration({ gemeenten: [] })).gemeenten).toBe('Kies minstens één gemeente van uw regio.');
    expect(errorsOf(registration({ gemeenten: [home.code, 'GM9999'] })).gemeenten).toBe('Kies alleen gemeenten uit de lijst. Onbekend: GM9999.');
    expect(errorsOf(registration({ gemeenten: [home.code, home.code] })).gemeenten).toBe(`Kies elke gemeente maar één keer. Dubbel: ${home.code}.`);
    const many = GEMEENTEN.slice(0, MAX_GEMEENTEN + 1).map((g) => g.code);
    expect(errorsOf(registration({ gemeenten: many })).gemeenten).toBe(`Kies hoogstens ${MAX_GEMEENTEN} gemeenten voor uw regio.`);
    expect(errorsOf(registration({ gemeenten: many.slice(0, MAX_GEMEENTEN) })).gemeenten).toBeUndefined();
  });

  it('needs known SWVs of the right kind, each once, on the right field', () => {
    expect(errorsOf(registration({ swvPo: [] })).swvPo).toBe('Kies minstens één samenwerkingsverband voor het primair onderwijs (SWV PO).');
    expect(errorsOf(registration({ swvVo: [] })).swvVo).toBe('Kies minstens één samenwerkingsverband voor het voortgezet onderwijs (SWV VO).');
    // A VO code in the PO list is unknown as a PO SWV.
    const wrongKind = errorsOf(registration({ swvPo: [home.swvVo] }));
    expect(wrongKind.swvPo).toBe(`Kies alleen samenwerkingsverbanden PO uit de lijst. Onbekend: ${home.swvVo}.`);
    expect(wrongKind.swvVo).toBeUndefined();
    expect(errorsOf(registration({ swvVo: ['VO 99-99'] })).swvVo).toBe('Kies alleen samenwerkingsverbanden VO uit de lijst. Onbekend: VO 99-99.');
    expect(errorsOf(registration({ swvVo: [home.swvVo, home.swvVo] })).swvVo).toBe(`Kies elk samenwerkingsverband VO maar één keer. Dubbel: ${home.swvVo}.`);
    const many = swvAreas('swv-po').slice(0, MAX_SWVS_PER_KIND + 1).map((a) => a.code);
    expect(errorsOf(registration({ swvPo: many })).swvPo).toBe(`Kies hoogstens ${MAX_SWVS_PER_KIND} samenwerkingsverbanden voor het primair onderwijs.`);
  });

  it('checks each contact field and puts the error on that contact', () => {
    const base = registration();
    const errors = errorsOf({
      ...base,
      contactGemeenten: { ...base.contactGemeenten, name: 'A', email: 'geen-adres', phone: '06-abc-12345' },
      contactSwv: { ...base.contactSwv, role: 'x'.repeat(101), phone: '123' },
    });
    expect(errors).toEqual({
      'contactGemeenten.name': 'De naam van de contactpersoon moet minstens 2 tekens hebben.',
      'contactGemeenten.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      'contactGemeenten.phone': expect.stringContaining('Vul een geldig telefoonnummer van de contactpersoon in'),
      'contactSwv.role': 'De functie van de contactpersoon mag niet langer zijn dan 100 tekens.',
      'contactSwv.phone': 'Een telefoonnummer moet minstens 10 tekens hebben.',
    });
    expect(errorsOf({ ...base, contactSwv: { email: 'bram@swv.example' } })).toEqual({
      'contactSwv.name': 'Vul de naam van de contactpersoon in.',
      'contactSwv.role': 'Vul de functie van de contactpersoon in.',
    });
    expect(errorsOf({ ...base, contactSwv: { ...base.contactSwv, phone: '+31 (0)30 1234567' } })['contactSwv.phone']).toContain('telefoonnummer');
    expect(errorsOf({ ...base, contactSwv: { ...base.contactSwv, phone: '0'.repeat(21) } })['contactSwv.phone']).toBe('Een telefoonnummer mag niet langer zijn dan 20 tekens.');
    expect(errorsOf({ ...base, contactSwv: { ...base.contactSwv, phone: '- - - - - - ' } })['contactSwv.phone']).toContain('Vul een geldig telefoonnummer');
    expect(errorsOf({ ...base, contactSwv: { ...base.contactSwv, phone: '+31 6-1234 5678' } })).toEqual({});
  });

  it('refuses unknown keys, at the top and inside a contact', () => {
    const base = registration();
    expect(errorsOf({ ...base, extra: 1 })).toEqual({ extra: 'Dit veld is onbekend.' });
    expect(errorsOf({ ...base, contactSwv: { ...base.contactSwv, fax: '1' } })).toEqual({ 'contactSwv.fax': 'Dit veld is onbekend.' });
  });

  it('needs an explicit confirmation that both sides take part', () => {
    expect(errorsOf(registration({ bevestiging: false as true })).bevestiging).toBe(
      'Bevestig dat de gemeenten én de samenwerkingsverbanden van deze regio meedoen aan de monitor.',
    );
  });

  it('keeps the largest valid body well under 16 KiB', () => {
    const long = 'x'.repeat(100);
    const contact = { name: long, role: long, email: `${'a'.repeat(64)}@${'b'.repeat(60)}.example`, phone: '0'.repeat(20) };
    const body = {
      registrationId: registration().registrationId,
      regionName: long,
      gemeenten: GEMEENTEN.slice(0, MAX_GEMEENTEN).map((g) => g.code),
      swvPo: swvAreas('swv-po').slice(0, MAX_SWVS_PER_KIND).map((a) => a.code),
      swvVo: swvAreas('swv-vo').slice(0, MAX_SWVS_PER_KIND).map((a) => a.code),
      contactGemeenten: contact,
      contactSwv: contact,
      bevestiging: true,
    };
    expect(registrationSchema.safeParse(body).success).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(body)).length).toBeLessThan(8 * 1024);
  });

  it('says how long contact persons are kept, once, with the number of years', () => {
    expect(CONTACT_RETENTION_TEXT).toContain('uiterlijk 1 jaar na de laatste ronde');
    expect(CONTACT_RETENTION_TEXT).toContain('meteen');
  });
});
