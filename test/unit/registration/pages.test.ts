import { describe, expect, it } from 'vitest';
import { gemeentenByProvincie } from '../../../shared/areas/gemeenten.ts';
import { coverageWarnings } from '../../../shared/registration/coverage.ts';
import { CHECK_STEP, TOTAL_STEPS, emptyState, navigate } from '../../../shared/registration/flow.ts';
import {
  REGISTRATION_SECTION,
  receivedPath,
  registrationStepContent,
  renderRegistrationGonePage,
  sendPath,
  stepPath,
  renderRegistrationReceived,
  renderRegistrationStep,
} from '../../../shared/registration/pages.ts';
import { swvLabelOf } from '../../../shared/registration/validation.ts';
import { matchRoute, REGISTRATION_PATHS } from '../../../shared/routes.ts';
import { FORM_SCRIPT } from '../../../shared/web/form.ts';
import { far, fullState, home, registration } from './fixtures.ts';

const DRAFT = 'AAAAAAAAAAAAAAAAAAAAAA';

const STEP_TITLES = [
  'Uw regio',
  'Gemeenten',
  'Samenwerkingsverbanden',
  'Contactpersoon gemeenten',
  'Contactpersoon samenwerkingsverbanden',
  'Deelname bevestigen',
  'Controleer uw aanmelding',
];

/** The fieldsets of a page, each with the text of its legend. */
function legends(page: string): string[] {
  return [...page.matchAll(/<fieldset[^>]*>\s*<legend[^>]*>([^<]*)<\/legend>/g)].map((m) => m[1]!);
}

describe('registration pages', () => {
  it('says "Stap x van 7" above the heading and in the title of every step', () => {
    STEP_TITLES.forEach((title, i) => {
      const page = renderRegistrationStep(i + 1, fullState(), DRAFT);
      expect(page).toContain(`Stap ${i + 1} van ${TOTAL_STEPS}</p>\n<h1 class="utrecht-heading-1">${title}</h1>`);
      expect(page).toContain(`<title>${title} (stap ${i + 1} van ${TOTAL_STEPS}) - Aanmelden | Monitor AOJ</title>`);
      expect(page).toContain(`<script src="${FORM_SCRIPT}" defer></script>`);
      expect(page).toMatch(/<a [^>]*href="\/aanmelden\/" aria-current="page"/);
      expect(page).not.toContain('undefined');
    });
  });

  it('posts the steps to their own address and the check page to the send route, all in the route table', () => {
    const route = (method: 'GET' | 'POST', path: string) => matchRoute(method, path)?.route.function;
    expect(registrationStepContent(1, emptyState(), undefined).main).toContain(`action="${REGISTRATION_PATHS.start}"`);
    expect(route('POST', REGISTRATION_PATHS.start)).toBe('registrationStep');
    for (let n = 1; n < CHECK_STEP; n++) {
      expect(renderRegistrationStep(n, emptyState(), DRAFT)).toContain(`action="${stepPath(DRAFT, n)}"`);
      expect(route('GET', stepPath(DRAFT, n))).toBe('registrationStep');
      expect(route('POST', stepPath(DRAFT, n))).toBe('registrationStep');
    }
    const check = renderRegistrationStep(CHECK_STEP, fullState(), DRAFT);
    expect(check).toContain(`action="${sendPath(DRAFT)}"`);
    expect(check).toContain(`formaction="${stepPath(DRAFT, CHECK_STEP)}"`);
    expect(route('POST', sendPath(DRAFT))).toBe('registrationSubmit');
    expect(route('GET', receivedPath(DRAFT))).toBe('registrationStep');
    // No answer travels in a hidden field: only "came from the check page".
    expect(renderRegistrationStep(3, fullState(), DRAFT)).not.toContain('type="hidden"');
    expect(renderRegistrationStep(3, fullState({ fromCheck: true }), DRAFT)).toContain('<input type="hidden" name="terug" value="controle">');
  });

  it('groups the gemeenten in one fieldset per province, each with a legend and labelled boxes', () => {
    const page = renderRegistrationStep(2, fullState(), DRAFT);
    const provinces = gemeentenByProvincie();
    expect(legends(page)).toEqual(['Welke gemeenten horen bij uw regio?', ...provinces.map((p) => p.provincie.name)]);
    const boxes = [...page.matchAll(/<input [^>]*type="checkbox" id="([^"]+)" name="gemeenten" value="([^"]+)"( checked)?/g)];
    expect(boxes).toHaveLength(provinces.reduce((n, p) => n + p.gemeenten.length, 0));
    for (const [, id] of boxes) expect(page).toContain(`<label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">`);
    expect(boxes.filter((b) => b[3]).map((b) => b[2])).toEqual([home.code]);
    // The chosen gemeente is a checkbox here, not also a hidden field.
    expect(page).not.toContain(`type="hidden" name="gemeenten"`);
  });

  it('lists the SWVs of the chosen gemeenten first, in fieldsets for PO and VO', () => {
    const page = renderRegistrationStep(3, fullState(), DRAFT);
    expect(legends(page)).toEqual([
      'Samenwerkingsverbanden primair onderwijs (SWV PO)',
      'Bij de gekozen gemeenten horen:',
      'Andere samenwerkingsverbanden PO',
      'Samenwerkingsverbanden voortgezet onderwijs (SWV VO)',
      'Bij de gekozen gemeenten horen:',
      'Andere samenwerkingsverbanden VO',
    ]);
    const po = page.slice(page.indexOf('Bij de gekozen gemeenten horen:'), page.indexOf('Andere samenwerkingsverbanden PO'));
    for (const code of home.swvPoAll) expect(po).toContain(`value="${code}"`);
    expect(po).toContain(`${swvLabelOf(home.swvPo)} (${home.name})`);
    expect(po).not.toContain(`value="${far.swvPo}"`);
  });

  it('links the error summary to the first checkbox of a group and describes the group by its error', () => {
    const out = navigate(2, { action: 'volgende' }, { ...fullState(), gemeenten: [] });
    const page = renderRegistrationStep(out.step, out.state, DRAFT, out.errors);
    const first = provincesFirstId();
    expect(page).toMatch(/<title>Fout: Gemeenten/);
    expect(page).toContain(`href="#${first}"`);
    expect(page).toContain(`id="${first}"`);
    expect(page).toContain('aria-describedby="gemeenten-uitleg gemeenten-fout"');
    expect(page).toContain('<p id="gemeenten-fout" class="utrecht-form-field-error-message">');

    const swv = navigate(3, { action: 'volgende' }, { ...fullState(), swvVo: [] });
    const swvPage = renderRegistrationStep(swv.step, swv.state, DRAFT, swv.errors);
    const firstVo = `swvVo-${home.swvVoAll.slice().sort()[0]!.replace(/[^A-Za-z0-9]+/g, '-')}`;
    expect(swvPage).toContain(`href="#${firstVo}"`);
    expect(swvPage).toContain(`id="${firstVo}"`);
  });

  it('links a contact error to its text field', () => {
    const out = navigate(5, { action: 'volgende' }, { ...fullState(), contactSwv: { name: 'Bram', role: 'Directeur', email: 'fout' } });
    const page = renderRegistrationStep(out.step, out.state, DRAFT, out.errors);
    expect(page).toContain('href="#contactSwv.email"');
    expect(page).toMatch(/id="contactSwv\.email" name="contactSwv\.email"[^>]*aria-describedby="contactSwv\.email-uitleg contactSwv\.email-fout"/);
    expect(page).toContain('Telefoonnummer (niet verplicht)');
  });

  it('asks for the explicit confirmation with a checkbox and its label', () => {
    const page = renderRegistrationStep(6, emptyState(), DRAFT);
    expect(page).toContain('<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="bevestiging" name="bevestiging" value="ja">');
    expect(page).toContain('for="bevestiging">De gemeenten én de samenwerkingsverbanden van deze regio doen mee aan de monitor.</label>');
  });

  it('shows the coverage warnings on the check page, and none for a region that fits', () => {
    const odd = fullState({ gemeenten: [home.code, far.code] });
    const page = renderRegistrationStep(CHECK_STEP, odd, DRAFT);
    expect(page).toContain('utrecht-alert--warning');
    for (const w of coverageWarnings(odd)) expect(page).toContain(w.replaceAll("'", '&#39;'));
    expect(renderRegistrationStep(CHECK_STEP, fullState(), DRAFT)).not.toContain('utrecht-alert--warning');
  });

  it('offers "Wijzig" for every section of the check page, back to its step', () => {
    const page = renderRegistrationStep(CHECK_STEP, fullState(), DRAFT);
    const steps = new Set([...page.matchAll(/href="\/api\/aanmelden\/AAAAAAAAAAAAAAAAAAAAAA\/stap\/(\d)\?terug=controle">Wijzig/g)].map((m) => Number(m[1])));
    expect([...steps]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(page).toContain('<dl class="utrecht-data-list');
    expect(page).toContain('Niet ingevuld');
  });

  it('gives every element a unique id and every label a field', () => {
    const odd = fullState({ gemeenten: [home.code, far.code], swvPo: [] });
    for (let n = 1; n <= TOTAL_STEPS; n++) {
      const out = navigate(n, { action: 'volgende' }, { ...emptyState(), registrationId: odd.registrationId });
      for (const page of [renderRegistrationStep(n, odd, DRAFT), renderRegistrationStep(out.step, out.state, DRAFT, out.errors)]) {
        const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
        expect(new Set(ids).size).toBe(ids.length);
        for (const [, target] of page.matchAll(/ for="([^"]+)"/g)) expect(ids).toContain(target);
        for (const [, target] of page.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(target);
        for (const [, list] of page.matchAll(/aria-describedby="([^"]+)"/g)) for (const id of list!.split(' ')) expect(ids).toContain(id);
      }
    }
  });

  it('renders step 1 for the static site with the same content', () => {
    const { title, main } = registrationStepContent(1, emptyState(), undefined);
    expect(title).toBe('Uw regio (stap 1 van 7) - Aanmelden');
    expect(main).toContain('name="regionName"');
    expect(main).not.toContain('name="registrationId"');
  });

  it('confirms the registration with both email addresses and what happens next', () => {
    const reg = registration({ gemeenten: [home.code, far.code] });
    const page = renderRegistrationReceived(reg, coverageWarnings(reg));
    expect(page).toContain(reg.contactGemeenten.email);
    expect(page).toContain(reg.contactSwv.email);
    expect(page).toContain('5 werkdagen');
    expect(page).toContain('utrecht-alert--warning');
    expect(page).toContain('noindex');
    expect(page).not.toContain('undefined');
    expect(renderRegistrationReceived(registration(), [])).not.toContain('utrecht-alert--warning');
    for (const expired of [true, false]) {
      const gone = renderRegistrationGonePage(expired);
      expect(gone).toContain('24 uur');
      expect(gone).toContain('href="/aanmelden/stap-1/"');
      expect(gone).toContain('noindex');
    }
    expect(REGISTRATION_SECTION).toEqual({ path: '/aanmelden/', link: { href: '/aanmelden/', label: 'Naar aanmelden' } });
  });
});

function provincesFirstId(): string {
  return `gemeenten-${gemeentenByProvincie()[0]!.gemeenten[0]!.code}`;
}
