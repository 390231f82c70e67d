import { describe, expect, it } from 'vitest';
import { coverageWarnings } from '../../../shared/registration/coverage.ts';
import { renderContactConfirmation, renderOperatorNotification } from '../../../shared/registration/email.ts';
import { far, home, registration } from './fixtures.ts';

const REGION_ID = 'c9a1e2f0-7b3d-4e5a-8c6f-1d2e3f4a5b6c';
const reg = registration({ gemeenten: [home.code, far.code] });
const warnings = coverageWarnings(reg);
const mails = {
  gemeenten: renderContactConfirmation(reg, 'gemeenten'),
  swv: renderContactConfirmation(reg, 'swv'),
  operators: renderOperatorNotification(reg, warnings, REGION_ID),
};

describe('registration emails', () => {
  it('name the region in the subject and in both parts', () => {
    for (const mail of Object.values(mails)) {
      expect(mail.subject).toContain('Regio TESTDATA');
      expect(mail.text).toContain('Regio TESTDATA');
      expect(mail.html).toContain('Regio TESTDATA');
    }
    expect(mails.gemeenten.subject).toBe('Wij hebben de aanmelding van Regio TESTDATA ontvangen');
    expect(renderContactConfirmation(registration({ regionName: 'Twente' }), 'swv').subject).toBe('Wij hebben de aanmelding van de regio Twente ontvangen');
  });

  it('greet the contact it goes to and say what was registered and what happens next', () => {
    expect(mails.gemeenten.text).toContain('Beste Anna TESTDATA,');
    expect(mails.swv.text).toContain('Beste Bram TESTDATA,');
    for (const mail of [mails.gemeenten, mails.swv]) {
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain(home.name);
        expect(part).toContain(home.swvPo);
        expect(part).toContain('5 werkdagen');
        expect(part).toContain('uiterlijk 1 jaar na de laatste ronde');
        for (const w of warnings) expect(part).toContain(part === mail.html ? w.replaceAll("'", '&#39;') : w);
      }
    }
  });

  it('give the operators every detail, the warnings and the commands with the region id', () => {
    const { text, html } = mails.operators;
    for (const part of [text, html]) {
      expect(part).toContain(`npm run admin -- regions approve ${REGION_ID}`);
      expect(part).toContain(`npm run admin -- regions show ${REGION_ID}`);
      expect(part).toContain(`regions reject ${REGION_ID} --reason`);
      expect(part).toContain(reg.contactGemeenten.email);
      expect(part).toContain(reg.contactSwv.email);
      expect(part).toContain(reg.contactGemeenten.phone!);
      expect(part).toContain(reg.registrationId);
      expect(part).toContain(far.name.replaceAll("'", part === html ? '&#39;' : "'"));
    }
    expect(warnings.length).toBeGreaterThan(0);
    expect(renderOperatorNotification(registration(), [], REGION_ID).text).toContain('Geen: de gekozen gemeenten en samenwerkingsverbanden passen bij elkaar.');
  });

  it('show a phone number only when it was given, and never "undefined"', () => {
    for (const mail of Object.values(mails)) {
      for (const part of [mail.text, mail.html]) {
        expect(part).not.toContain('undefined');
        expect(part.match(/Telefoonnummer/g)).toHaveLength(1);
      }
    }
    const noPhones = registration({ contactGemeenten: { name: 'Anna TESTDATA', role: 'Beleid', email: 'anna@gemeente.example' } });
    for (const mail of [renderContactConfirmation(noPhones, 'gemeenten'), renderContactConfirmation(noPhones, 'swv'), renderOperatorNotification(noPhones, [], REGION_ID)]) {
      for (const part of [mail.text, mail.html]) {
        expect(part).not.toContain('Telefoonnummer');
        expect(part).not.toContain('undefined');
      }
    }
  });

  it('build plain, single-column HTML without images or tracking', () => {
    for (const mail of Object.values(mails)) {
      expect(mail.html).toContain('<html lang="nl">');
      expect(mail.html).toContain('role="presentation"');
      expect(mail.html).not.toMatch(/<img|<script|<link|https?:\/\//i);
      expect(mail.text).not.toMatch(/<[a-z]/i);
    }
  });

  it('escape what the visitor typed', () => {
    const evil = registration({ regionName: 'Regio <b>X</b>' });
    const mail = renderOperatorNotification(evil, [], REGION_ID);
    expect(mail.html).toContain('Regio &lt;b&gt;X&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>X</b>');
  });
});
