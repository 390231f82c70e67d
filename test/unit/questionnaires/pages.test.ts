import { describe, expect, it } from 'vitest';
import { DONT_KNOW, GROUP_IDS } from '../../../shared/questionnaires/definition.ts';
import { questionnaireSteps, validateStep } from '../../../shared/questionnaires/flow.ts';
import {
  RESUME_CODE_PATTERN,
  formatResumeCode,
  normaliseResumeCode,
  renderClosedPage,
  renderCompletedPage,
  renderNotYetOpenPage,
  renderOpenStartPage,
  renderQuestionnaireStep,
  renderThankYouPage,
  renderUnknownLinkPage,
  resumeCodeFromBytes,
  resumeCodeMessage,
} from '../../../shared/questionnaires/pages.ts';
import { itemsOf, type RoundQuestionnaire } from '../../../shared/questionnaires/tailoring.ts';
import { completeAnswers, roundOf, textOf } from './helpers.ts';

const links = { action: '/api/vragenlijst/abc/stap', stepHref: (n: number) => `/vragenlijst/abc/stap/${n}` };
const step = (rq: RoundQuestionnaire, n: number, extra: Partial<Parameters<typeof renderQuestionnaireStep>[0]> = {}) =>
  renderQuestionnaireStep({ rq, step: n, answers: {}, errors: [], links, ...extra });
const titleOf = (page: string) => page.match(/<title>([^<]*)<\/title>/)![1]!;
const count = (page: string, pattern: RegExp) => page.match(pattern)?.length ?? 0;

describe('a theme step', () => {
  const rq = roundOf('uitvoering');
  const theme = rq.themes[1]!;
  const page = step(rq, 2);

  it('has one fieldset with a legend per item and no table', () => {
    expect(count(page, /<fieldset\b/g)).toBe(theme.items.length);
    expect(count(page, /<legend\b/g)).toBe(theme.items.length);
    for (const item of theme.items) expect(page).toContain(item.text);
    expect(page).not.toMatch(/<table\b/);
  });

  it('shows "Stap 2 van N" above the heading and in the title', () => {
    const total = questionnaireSteps(rq).length;
    expect(page).toContain(`Stap 2 van ${total}`);
    expect(titleOf(page)).toBe(`${theme.title} (stap 2 van ${total}) - Vragenlijst voor de Uitvoering | Monitor AOJ`);
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain('novalidate');
    expect(page).toContain('src="/js/form.js"');
  });

  it('has five scale radios, then the "of" divider, then "weet ik niet" last, none preselected', () => {
    const fieldset = page.slice(page.indexOf('<fieldset'), page.indexOf('</fieldset>'));
    const values = [...fieldset.matchAll(/type="radio"[^>]*value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(['1', '2', '3', '4', '5', DONT_KNOW.value]);
    expect(fieldset.indexOf('class="maoj-or"')).toBeLessThan(fieldset.indexOf(`value="${DONT_KNOW.value}"`));
    expect(fieldset.indexOf('class="maoj-or"')).toBeGreaterThan(fieldset.indexOf('value="5"'));
    expect(page).not.toContain(' checked');
  });

  it('keeps an earlier answer checked', () => {
    const withAnswer = step(rq, 2, { answers: { [theme.items[0]!.id]: '4' } });
    expect(count(withAnswer, / checked/g)).toBe(1);
    expect(withAnswer).toMatch(new RegExp(`id="${theme.items[0]!.id}-4"[^>]* checked`));
  });

  it('posts to the given action with "Volgende stap" and "Vorige stap"', () => {
    expect(page).toContain(`<form method="post" action="${links.action}"`);
    expect(page).toMatch(/name="actie" value="volgende"[^>]*>Volgende stap</);
    expect(page).toMatch(/name="actie" value="vorige"[^>]*>Vorige stap</);
    expect(step(rq, 1)).not.toContain('value="vorige"');
    expect(step(rq, 3)).toMatch(/value="volgende"[^>]*>Volgende stap</);
  });

  it('says "Naar controle" on the last step before the check, and when coming from the check', () => {
    expect(step(rq, 4)).toMatch(/value="volgende"[^>]*>Naar controle</);
    const fromCheck = step(rq, 2, { fromCheck: true });
    expect(fromCheck).toMatch(/value="volgende"[^>]*>Naar controle</);
    expect(fromCheck).toContain('<input type="hidden" name="terug" value="controle">');
    expect(page).not.toContain('name="terug"');
  });

  it('explains saving, resuming and anonymity on step 1 only', () => {
    const first = textOf(step(rq, 1));
    expect(first).toContain('Wij bewaren uw antwoorden bij elke stap.');
    expect(first).toContain('later verder gaan met dezelfde link');
    expect(first).toContain('niemand kan zien wie u bent');
    expect(textOf(page)).not.toContain('Wij bewaren uw antwoorden bij elke stap.');
  });
});

describe('errors on a step', () => {
  const rq = roundOf('beleid');

  it('puts "Fout: " in the title and an error summary that links to each field', () => {
    const answers = { 'b-sw-1': '3' };
    const errors = validateStep(rq, 1, answers);
    const page = step(rq, 1, { answers, errors });
    expect(titleOf(page).startsWith('Fout: ')).toBe(true);
    expect(page).toContain('data-error-summary');
    for (const e of errors) {
      expect(page).toContain(`<a class="utrecht-link" href="#${e.field}-1">${e.message}</a>`);
      expect(page).toContain(`id="${e.field}-1"`);
      expect(page).toContain(`id="${e.field}-fout"`);
    }
    expect(page).toContain('Kies een antwoord bij vraag 2.');
  });

  it('links errors of the closing step to the grade, the first background option and the textarea', () => {
    const answers = { rapportcijfer: '12', sector: 'provincie', 'b-open-1': 'x'.repeat(2001) };
    const errors = validateStep(rq, 4, answers);
    expect(errors.map((e) => e.field)).toEqual(['rapportcijfer', 'sector', 'b-open-1']);
    const page = step(rq, 4, { answers, errors });
    expect(page).toContain('href="#rapportcijfer-1"');
    expect(page).toContain('id="rapportcijfer-1"');
    expect(page).toContain('href="#sector-gemeente"');
    expect(page).toContain('id="sector-gemeente"');
    expect(page).toContain('href="#b-open-1"');
    expect(page).toMatch(/<textarea[^>]*id="b-open-1"/);
  });
});

describe('the closing step', () => {
  const rq = roundOf('beleid');
  const page = step(rq, 4);

  it('asks the grade as radios 1-10 with "weet ik niet" last', () => {
    const grade = page.slice(page.indexOf('<fieldset'), page.indexOf('</fieldset>'));
    const values = [...grade.matchAll(/type="radio"[^>]*value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', DONT_KNOW.value]);
    expect(grade).toContain('class="maoj-or"');
  });

  it('marks background and open questions "(niet verplicht)"', () => {
    for (const b of rq.background) expect(page).toContain(`${b.text} (niet verplicht)</legend>`);
    for (const o of rq.open) {
      expect(page).toContain(`${o.text} (niet verplicht)</label>`);
      expect(page).toMatch(new RegExp(`<textarea[^>]*id="${o.id}"[^>]*maxlength="2000"|<textarea[^>]*maxlength="2000"[^>]*id="${o.id}"`));
    }
    expect(count(page, /<fieldset\b/g)).toBe(1 + rq.background.length);
  });
});

describe('the check step', () => {
  const rq = roundOf('beleid');
  const answers = { ...completeAnswers(rq), sector: 'gemeente', 'b-open-1': 'Korte lijnen <tussen> scholen.' };
  const page = step(rq, 5, { answers });

  it('lists every question with its answer per step, with a "Wijzig" link', () => {
    expect(count(page, /<dl class="utrecht-data-list/g)).toBe(4);
    for (let n = 1; n <= 4; n++) expect(page).toContain(`href="/vragenlijst/abc/stap/${n}?terug=controle"`);
    const text = textOf(page);
    expect(text).toContain(`1. ${itemsOf(rq)[0]!.text}`);
    expect(text).toContain(DONT_KNOW.label);
    expect(text).toContain('Gemeente');
    expect(text).toContain('Niet ingevuld');
    expect(page).toContain('Korte lijnen &lt;tussen&gt; scholen.');
  });

  it('sends with "Versturen" and says the answers cannot be changed afterwards', () => {
    expect(page).toMatch(/name="actie" value="versturen"[^>]*>Versturen</);
    expect(page).not.toContain('value="volgende"');
    expect(textOf(page)).toContain('Na het versturen kunt u uw antwoorden niet meer veranderen.');
    expect(titleOf(page)).toBe('Controleer uw antwoorden (stap 5 van 5) - Vragenlijst voor Beleid | Monitor AOJ');
  });

  it('adds "?terug=controle" correctly to an address with a query', () => {
    const withQuery = renderQuestionnaireStep({ rq, step: 5, answers, errors: [], links: { action: '/a', stepHref: (n) => `/v?stap=${n}` } });
    expect(withQuery).toContain('href="/v?stap=2&amp;terug=controle"');
  });
});

describe('the form of address', () => {
  const oj = roundOf('ouders-jongeren');
  const uForms = /\b(u|uw)\b/i;

  it('uses "je" and never "u" on every page of the ouders-jongeren questionnaire', () => {
    const answers = completeAnswers(oj);
    const pages = [
      ...questionnaireSteps(oj).map((_, i) => step(oj, i + 1, { answers, resumeCode: '0123456789ABCDEF', demo: true })),
      step(oj, 4, { answers: {}, errors: validateStep(oj, 4, { rapportcijfer: 'x', 'oj-open-1': 'x'.repeat(2001) }) }),
      renderOpenStartPage({ rq: oj, startAction: '/s', resumeAction: '/r', codeError: resumeCodeMessage(oj, 'unknown') }),
      renderThankYouPage(oj, true),
      renderCompletedPage(oj),
    ];
    for (const page of pages) {
      expect(textOf(page)).not.toMatch(uForms);
      expect(page).not.toMatch(/aria-label="[^"]*\b(u|uw)\b/i);
    }
    expect(textOf(pages[0]!)).toMatch(/\bje\b/);
    expect(textOf(pages.at(-1)!)).toContain('Je kunt de antwoorden niet meer veranderen.');
  });

  it('uses "u" and never "je" on the Beleid and Uitvoering pages', () => {
    for (const group of GROUP_IDS.filter((g) => g !== 'ouders-jongeren')) {
      const rq = roundOf(group);
      const pages = [
        ...questionnaireSteps(rq).map((_, i) => step(rq, i + 1, { answers: completeAnswers(rq), resumeCode: '0123456789ABCDEF' })),
        renderOpenStartPage({ rq, startAction: '/s', resumeAction: '/r' }),
        renderThankYouPage(rq),
        renderCompletedPage(rq),
      ];
      for (const page of pages) expect(textOf(page)).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
    }
  });
});

describe('resume codes', () => {
  it('shows the code on every step when given, and not otherwise', () => {
    const rq = roundOf('ouders-jongeren');
    for (let n = 1; n <= 5; n++) {
      const text = textOf(step(rq, n, { resumeCode: 'abcd efgh jkmn pqrs' }));
      expect(text).toContain('Je code om later verder te gaan: ABCD-EFGH-JKMN-PQRS');
      expect(text).toContain('bladwijzer');
    }
    expect(textOf(step(rq, 1))).not.toContain('code');
    expect(textOf(step(roundOf('beleid'), 2, { resumeCode: 'ABCDEFGHJKMNPQRS' }))).toContain('Uw code om later verder te gaan: ABCD-EFGH-JKMN-PQRS');
  });

  it('normalises what people type and formats in four groups of four', () => {
    expect(normaliseResumeCode('abcd-efgh-jkmn-pqrs')).toBe('ABCDEFGHJKMNPQRS');
    expect(normaliseResumeCode(' ABCD EFGH  JKMN PQRS ')).toBe('ABCDEFGHJKMNPQRS');
    expect(normaliseResumeCode('oooo-iiii-llll-0000')).toBe('0000111111110000');
    expect(normaliseResumeCode('ABCD-EFGH-JKMN-PQR')).toBeUndefined();
    expect(normaliseResumeCode('ABCD-EFGH-JKMN-PQRU')).toBeUndefined();
    expect(formatResumeCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(() => formatResumeCode('nope')).toThrow();
    expect(RESUME_CODE_PATTERN.test('ABCDEFGHJKMNPQRS')).toBe(true);
    expect(RESUME_CODE_PATTERN.test('ABCDEFGHIJKLMNOP')).toBe(false);
  });

  it('makes a 16-character code from 10 random bytes, using all 80 bits', () => {
    expect(resumeCodeFromBytes(new Uint8Array(10))).toBe('0000000000000000');
    expect(resumeCodeFromBytes(new Uint8Array(10).fill(255))).toBe('ZZZZZZZZZZZZZZZZ');
    const code = resumeCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(code).toBe('0000000000000001');
    expect(RESUME_CODE_PATTERN.test(resumeCodeFromBytes(crypto.getRandomValues(new Uint8Array(10))))).toBe(true);
  });
});

describe('the start page of a shared link', () => {
  const rq = roundOf('ouders-jongeren');

  it('explains the code, starts with a POST and resumes with a GET code field', () => {
    const page = renderOpenStartPage({ rq, startAction: '/api/open/x/start', resumeAction: '/vragenlijst/open/x/verder' });
    expect(page).toMatch(/<form method="post" action="\/api\/open\/x\/start"[\s\S]*?>Begin met de vragenlijst</);
    expect(page).toMatch(/<form method="get" action="\/vragenlijst\/open\/x\/verder"/);
    expect(page).toMatch(/<input[^>]*name="code"[^>]*autocomplete="off"/);
    expect(page).toContain('<label class="utrecht-form-label" for="code">Je code</label>');
    const text = textOf(page);
    expect(text).toContain('Heb je al een code?');
    expect(text).toContain('geen cookies');
    expect(text).toContain('niet om je e-mailadres');
    expect(page).toContain('noindex');
    expect(page).not.toContain('data-error-summary');
  });

  it('shows a code error in the summary and at the field', () => {
    const message = resumeCodeMessage(rq, 'format');
    const page = renderOpenStartPage({ rq, startAction: '/s', resumeAction: '/r', codeError: message });
    expect(titleOf(page).startsWith('Fout: ')).toBe(true);
    expect(page).toContain(`href="#code">${message}</a>`);
    expect(page).toContain('id="code-fout"');
    expect(page).toMatch(/<input[^>]*aria-invalid="true"/);
  });
});

describe('message pages', () => {
  it('show the demo banner when asked', () => {
    const banner = 'deze vragenlijst hoort bij een voorbeeldregio met verzonnen gegevens (TESTDATA).';
    expect(textOf(step(roundOf('beleid'), 1, { demo: true }))).toContain(banner);
    expect(textOf(step(roundOf('beleid'), 1))).not.toContain('TESTDATA');
    expect(textOf(renderThankYouPage(roundOf('beleid'), true))).toContain(banner);
    expect(textOf(renderOpenStartPage({ rq: roundOf('beleid'), startAction: '/s', resumeAction: '/r', demo: true }))).toContain(banner);
  });

  it('say what happened, and are kept out of search engines', () => {
    const pages = {
      thanks: renderThankYouPage(roundOf('beleid')),
      completed: renderCompletedPage(),
      closed: renderClosedPage(),
      notYet: renderNotYetOpenPage('2026-03-03'),
      unknown: renderUnknownLinkPage(),
    };
    for (const page of Object.values(pages)) expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(textOf(pages.thanks)).toContain('Wij hebben uw antwoorden ontvangen.');
    expect(textOf(pages.completed)).toContain('Deze vragenlijst is al ingevuld en verstuurd.');
    expect(textOf(pages.completed)).not.toMatch(/\b(u|uw|je|jij)\b/i);
    expect(textOf(pages.closed)).toContain('gesloten');
    expect(textOf(pages.notYet)).toContain('3 maart 2026');
    expect(textOf(pages.unknown)).toContain('hele link');
    for (const page of [pages.closed, pages.notYet, pages.unknown]) expect(textOf(page)).not.toMatch(/\b(u|uw|je|jij)\b/i);
  });
});
