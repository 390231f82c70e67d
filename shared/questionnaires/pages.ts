import type { FieldError } from '../forms/fields.ts';
import { MIN_GROUP_SIZE } from '../privacy.ts';
import { FORM_SCRIPT, errorFor, errorId, errorMessage, errorSummary, radio, textField } from '../web/form.ts';
import { esc, formatDate, formatNumber, html } from '../web/html.ts';
import { renderDocument } from '../web/layout.ts';
import { DONT_KNOW, GRADE_SCALE, LIKERT_SCALE, OPEN_ANSWER_MAX_LENGTH, groupById, type BackgroundQuestion, type OpenQuestion } from './definition.ts';
import { checkStep, questionnaireSteps, stepAt, stepFields, stepTitle, totalSteps, type Answers, type QuestionnaireStep } from './flow.ts';
import { itemsOf, type RoundQuestionnaire } from './tailoring.ts';

/**
 * The pages of a questionnaire, as whole HTML documents. Pure: the handler owns the URLs and
 * passes them in, loads and saves the answers, and decides which page to show.
 * Forms follow the GOV.UK / NL Design System patterns of the Regioscan: one fieldset per question,
 * vertical radios, never preselected, "Weet ik niet" last after an "of" divider.
 */

/** Menu context of every questionnaire page; no menu item matches, and that is intended. */
const PAGE_PATH = '/vragenlijst/';

export interface StepLinks {
  /** Where the step form posts. */
  action: string;
  /** The address of step n (1-based), for the "Wijzig" links. */
  stepHref: (n: number) => string;
}

/** Picks the text for the questionnaire's form of address. */
const say = (rq: Pick<RoundQuestionnaire, 'address'>, u: string, je: string): string => (rq.address === 'je' ? je : u);

/** Adds a query parameter to an address that may already have a query. */
const withQuery = (href: string, query: string): string => `${href}${href.includes('?') ? '&' : '?'}${query}`;

// ---------------------------------------------------------------------------------------------
// Resume codes (shared open link): 16 characters of Crockford base32, shown as 4 groups of 4.

export const RESUME_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RESUME_CODE_LENGTH = 16;
/** A resume code in its stored form: 16 characters, upper case, no hyphens. */
export const RESUME_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;
/** A resume code as shown to people: ABCD-EFGH-JKMN-PQRS. */
export const FORMATTED_RESUME_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** Groups a code in 4 blocks of 4 with hyphens; accepts what normaliseResumeCode accepts. */
export function formatResumeCode(raw: string): string {
  const code = normaliseResumeCode(raw);
  if (!code) throw new Error('Not a resume code');
  return code.match(/.{4}/g)!.join('-');
}

/**
 * The stored form of a code typed by a person, or undefined when it cannot be one. Accepts lower
 * case, spaces and hyphens, and reads I and L as 1 and O as 0 (Crockford's rule).
 */
export function normaliseResumeCode(input: string): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return RESUME_CODE_PATTERN.test(code) ? code : undefined;
}

/** A code from 10 random bytes (80 bits); the caller supplies the bytes (crypto.getRandomValues). */
export function resumeCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new Error('A resume code needs 10 random bytes');
  let code = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes.subarray(0, 10)) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      code += RESUME_CODE_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return code;
}

// ---------------------------------------------------------------------------------------------
// Pieces

/** The id of the element an error in `field` links to: the first radio, or the text field itself. */
export function fieldAnchor(rq: RoundQuestionnaire, field: string): string {
  if (itemsOf(rq).some((i) => i.id === field)) return `${field}-${LIKERT_SCALE[0].value}`;
  if (field === rq.grade.id) return `${field}-${GRADE_SCALE[0]}`;
  const background = rq.background.find((b) => b.id === field);
  if (background) return `${field}-${background.options[0]!.value}`;
  return field;
}

function demoBanner(demo: boolean | undefined): string {
  return demo
    ? '<div class="utrecht-alert utrecht-alert--warning maoj-demo" role="note"><p class="utrecht-paragraph"><strong>Voorbeeld:</strong> deze vragenlijst hoort bij een voorbeeldregio met verzonnen gegevens (TESTDATA).</p></div>'
    : '';
}

function resumeCodeBox(rq: RoundQuestionnaire, code: string | undefined): string {
  if (!code) return '';
  const formatted = normaliseResumeCode(code) ? formatResumeCode(code) : code;
  return `<div class="utrecht-alert utrecht-alert--info maoj-resume-code" role="note">
  <p class="utrecht-paragraph">${say(rq, 'Uw code om later verder te gaan:', 'Je code om later verder te gaan:')} <strong class="maoj-code">${esc(formatted)}</strong></p>
  <p class="utrecht-paragraph">Schrijf de code op of bewaar deze pagina als bladwijzer. De code staat ook in het adres van deze pagina.</p>
</div>`;
}

function fieldsetOpen(name: string, error: FieldError | undefined, extraClass: string, describedBy: string[] = []): string {
  const ids = [...describedBy, error ? errorId(name) : ''].filter(Boolean).join(' ');
  return `<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ${extraClass}${error ? ' utrecht-form-fieldset--invalid' : ''}"${ids ? ` aria-describedby="${ids}"` : ''}>`;
}

const legend = (content: string) => `<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${content}</legend>`;
const divider = '<p class="maoj-or" aria-hidden="true">of</p>';
const NOT_REQUIRED = ' (niet verplicht)';

function itemFieldset(id: string, number: number, text: string, answers: Answers, errors: readonly FieldError[]): string {
  const error = errorFor(errors, id);
  const current = answers[id];
  return `${fieldsetOpen(id, error, 'maoj-statement')}
  ${legend(`<span class="maoj-statement__number">Vraag ${number}.</span> ${esc(text)}`)}
  ${errorMessage(id, error)}
  ${LIKERT_SCALE.map((a) => radio(id, a.value, a.label, current === a.value, !!error)).join('\n')}
  ${divider}
  ${radio(id, DONT_KNOW.value, DONT_KNOW.label, current === DONT_KNOW.value, !!error)}
</fieldset>`;
}

function gradeFieldset(rq: RoundQuestionnaire, answers: Answers, errors: readonly FieldError[]): string {
  const id = rq.grade.id;
  const error = errorFor(errors, id);
  const current = answers[id];
  return `${fieldsetOpen(id, error, 'maoj-statement', [`${id}-uitleg`])}
  ${legend(esc(rq.grade.text))}
  <p id="${id}-uitleg" class="utrecht-form-field-description">1 is heel slecht, 10 is uitstekend.</p>
  ${errorMessage(id, error)}
  ${GRADE_SCALE.map((g) => radio(id, g, g, current === g, !!error)).join('\n')}
  ${divider}
  ${radio(id, DONT_KNOW.value, DONT_KNOW.label, current === DONT_KNOW.value, !!error)}
</fieldset>`;
}

function backgroundFieldset(q: BackgroundQuestion, answers: Answers, errors: readonly FieldError[]): string {
  const error = errorFor(errors, q.id);
  return `${fieldsetOpen(q.id, error, 'maoj-statement')}
  ${legend(`${esc(q.text)}${NOT_REQUIRED}`)}
  ${errorMessage(q.id, error)}
  ${q.options.map((o) => radio(q.id, o.value, o.label, answers[q.id] === o.value, !!error)).join('\n')}
</fieldset>`;
}

function openField(rq: RoundQuestionnaire, q: OpenQuestion, answers: Answers, errors: readonly FieldError[]): string {
  return textField({
    name: q.id,
    label: `${q.text}${NOT_REQUIRED}`,
    value: answers[q.id] ?? '',
    error: errorFor(errors, q.id),
    description: say(
      rq,
      `U kunt hier hoogstens ${formatNumber(OPEN_ANSWER_MAX_LENGTH)} tekens kwijt. Schrijf geen namen op.`,
      `Je kunt hier hoogstens ${formatNumber(OPEN_ANSWER_MAX_LENGTH)} tekens kwijt. Schrijf geen namen op.`,
    ),
    maxLength: OPEN_ANSWER_MAX_LENGTH,
    multiline: true,
  });
}

function firstStepIntro(rq: RoundQuestionnaire, resumeCode: string | undefined): string {
  const later = resumeCode
    ? say(rq, 'U kunt de pagina sluiten en later verder gaan met uw code.', 'Je kunt de pagina sluiten en later verder gaan met je code.')
    : say(rq, 'U kunt de pagina sluiten en later verder gaan met dezelfde link.', 'Je kunt de pagina sluiten en later verder gaan met dezelfde link.');
  const points = [
    say(rq, 'Wij bewaren uw antwoorden bij elke stap.', 'Wij bewaren je antwoorden bij elke stap.'),
    later,
    say(
      rq,
      'Uw antwoorden zijn anoniem: niemand kan zien wie u bent. Wij vragen niet om uw naam of e-mailadres.',
      'Je antwoorden zijn anoniem: niemand kan zien wie je bent. Wij vragen niet om je naam of e-mailadres.',
    ),
    say(
      rq,
      `Weet u een antwoord niet, of past een vraag niet bij uw werk? Kies dan "${DONT_KNOW.label}".`,
      `Weet je een antwoord niet, of past een vraag niet bij jou? Kies dan "${DONT_KNOW.label}".`,
    ),
  ];
  return `<p class="utrecht-paragraph">${esc(rq.intro)}</p>
<ul class="utrecht-unordered-list">${points.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`;
}

function stepBody(rq: RoundQuestionnaire, step: QuestionnaireStep, answers: Answers, errors: readonly FieldError[]): string {
  if (step.kind === 'theme') {
    const numbers = new Map(itemsOf(rq).map((i) => [i.id, i.number]));
    const instruction = say(rq, 'Geef bij elke vraag aan in hoeverre u het ermee eens bent.', 'Kies bij elke vraag wat het best bij jou past.');
    return html([
      `<p class="utrecht-paragraph">${esc(step.theme.intro)} ${esc(instruction)}</p>`,
      ...step.theme.items.map((i) => itemFieldset(i.id, numbers.get(i.id)!, i.text, answers, errors)),
    ]);
  }
  if (step.kind === 'afsluiting') {
    return html([
      gradeFieldset(rq, answers, errors),
      rq.background.length > 0 && `<h2 class="utrecht-heading-2">${say(rq, 'Over u', 'Over jou')}</h2>`,
      rq.background.length > 0 &&
        `<p class="utrecht-paragraph">${esc(
          say(
            rq,
            'Met deze vragen kunnen wij de uitkomsten vergelijken. U mag ze overslaan.',
            'Met deze vragen kunnen wij de uitkomsten vergelijken. Je mag ze overslaan.',
          ),
        )}</p>`,
      ...rq.background.map((b) => backgroundFieldset(b, answers, errors)),
      rq.open.length > 0 && `<h2 class="utrecht-heading-2">${say(rq, 'Uw mening', 'Jouw mening')}</h2>`,
      ...rq.open.map((o) => openField(rq, o, answers, errors)),
    ]);
  }
  return checkBody(rq, answers);
}

/** The label of a stored answer, or "Niet ingevuld". */
function answerText(rq: RoundQuestionnaire, field: string, answers: Answers): string {
  const value = answers[field];
  if (value === undefined || value === '') return 'Niet ingevuld';
  if (value === DONT_KNOW.value) return DONT_KNOW.label;
  if (field === rq.grade.id) return value;
  const background = rq.background.find((b) => b.id === field);
  if (background) return background.options.find((o) => o.value === value)?.label ?? value;
  if (rq.open.some((o) => o.id === field)) return value;
  return LIKERT_SCALE.find((a) => a.value === value)?.label ?? value;
}

function checkBody(rq: RoundQuestionnaire, answers: Answers, links?: StepLinks): string {
  const items = new Map(itemsOf(rq).map((i) => [i.id, i]));
  const questionText = (field: string): string => {
    const item = items.get(field);
    if (item) return `${item.number}. ${item.text}`;
    if (field === rq.grade.id) return rq.grade.text;
    return rq.background.find((b) => b.id === field)?.text ?? rq.open.find((o) => o.id === field)?.text ?? field;
  };
  const sections = questionnaireSteps(rq)
    .slice(0, checkStep(rq) - 1)
    .map((step, i) => {
      const n = i + 1;
      const title = stepTitle(rq, step);
      const rows = stepFields(rq, n).map(
        (field) => `<div class="utrecht-data-list__item">
  <dt class="utrecht-data-list__item-key">${esc(questionText(field))}</dt>
  <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd maoj-answer">${esc(answerText(rq, field, answers))}</dd>
</div>`,
      );
      const change = links
        ? `<p class="utrecht-paragraph"><a class="utrecht-link" href="${esc(withQuery(links.stepHref(n), 'terug=controle'))}">Wijzig<span class="visually-hidden"> ${say(rq, 'uw', 'je')} antwoorden bij ${esc(title)}</span></a></p>`
        : '';
      return `<section class="maoj-check-section" aria-labelledby="controle-${n}">
<h2 class="utrecht-heading-2" id="controle-${n}">${esc(title)}</h2>
${change}
<dl class="utrecht-data-list utrecht-data-list--rows">${rows.join('\n')}</dl>
</section>`;
    });
  return html([
    `<p class="utrecht-paragraph">${esc(say(rq, 'Kijk of uw antwoorden kloppen. Wilt u iets veranderen? Kies dan "Wijzig".', 'Kijk of je antwoorden kloppen. Wil je iets veranderen? Kies dan "Wijzig".'))}</p>`,
    ...sections,
    `<p class="utrecht-paragraph"><strong>${esc(
      say(rq, 'Na het versturen kunt u uw antwoorden niet meer veranderen.', 'Na het versturen kun je je antwoorden niet meer veranderen.'),
    )}</strong></p>`,
  ]);
}

function buttons(rq: RoundQuestionnaire, step: number, fromCheck: boolean): string {
  const last = checkStep(rq);
  const primary =
    step === last
      ? '<button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="versturen" data-submit>Versturen</button>'
      : `<button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="volgende" data-submit>${
          step === last - 1 || fromCheck ? 'Naar controle' : 'Volgende stap'
        }</button>`;
  const back =
    step > 1 ? '<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="vorige">Vorige stap</button>' : '';
  return `<div class="utrecht-button-group maoj-buttons">
  ${primary}
  ${back}
</div>`;
}

// ---------------------------------------------------------------------------------------------
// Pages

export interface QuestionnaireStepOptions {
  rq: RoundQuestionnaire;
  /** 1-based step number; the last step is the check step. */
  step: number;
  answers: Answers;
  errors: readonly FieldError[];
  links: StepLinks;
  /** The respondent came from the check step ("Wijzig"): the next button goes back there. */
  fromCheck?: boolean;
  /** Shared open link: the personal code to continue later, shown on every step. */
  resumeCode?: string;
  /** The round belongs to a demo region with made-up data. */
  demo?: boolean;
}

/** One step of the questionnaire as a whole page: a theme, the closing step, or the check step. */
export function renderQuestionnaireStep(o: QuestionnaireStepOptions): string {
  const { rq, step: number, answers, errors, links } = o;
  const step = stepAt(o.rq, number);
  if (!step) throw new Error(`No step ${number} in this questionnaire`);
  const total = totalSteps(rq);
  const title = stepTitle(rq, step);
  const fromCheck = o.fromCheck === true && step.kind !== 'controle';
  const main = html([
    demoBanner(o.demo),
    errorSummary(errors, (field) => fieldAnchor(rq, field)),
    `<p class="utrecht-paragraph maoj-step-count">Stap ${number} van ${total}</p>`,
    `<h1 class="utrecht-heading-1">${esc(title)}</h1>`,
    resumeCodeBox(rq, o.resumeCode),
    number === 1 && firstStepIntro(rq, o.resumeCode),
    `<form method="post" action="${esc(links.action)}" novalidate class="maoj-form">`,
    `<input type="hidden" name="stap" value="${number}">`,
    fromCheck && '<input type="hidden" name="terug" value="controle">',
    step.kind === 'controle' ? checkBody(rq, answers, links) : stepBody(rq, step, answers, errors),
    buttons(rq, number, fromCheck),
    '</form>',
  ]);
  return renderDocument({
    title: `${errors.length ? 'Fout: ' : ''}${title} (stap ${number} van ${total}) - ${rq.title}`,
    path: PAGE_PATH,
    main,
    noindex: true,
    scripts: [FORM_SCRIPT],
  });
}

function messagePage(title: string, paragraphs: readonly string[], extra = ''): string {
  const main = html([
    extra,
    `<h1 class="utrecht-heading-1">${esc(title)}</h1>`,
    ...paragraphs.map((p) => `<p class="utrecht-paragraph">${esc(p)}</p>`),
  ]);
  return renderDocument({ title, path: PAGE_PATH, main, noindex: true });
}

/** Shown after the answers were sent. */
export function renderThankYouPage(rq: RoundQuestionnaire, demo?: boolean): string {
  return messagePage(
    'Bedankt voor het invullen',
    [
      say(rq, 'Wij hebben uw antwoorden ontvangen.', 'Wij hebben je antwoorden ontvangen.'),
      say(
        rq,
        `Wij bewaren uw antwoorden zonder naam. Uw regio ziet alleen uitkomsten van groepen van minstens ${MIN_GROUP_SIZE} mensen. Zo is niemand te herkennen.`,
        `Wij bewaren je antwoorden zonder naam. Je regio ziet alleen uitkomsten van groepen van minstens ${MIN_GROUP_SIZE} mensen. Zo is niemand te herkennen.`,
      ),
      say(rq, 'U kunt deze pagina nu sluiten.', 'Je kunt deze pagina nu sluiten.'),
    ],
    demoBanner(demo),
  );
}

/** The link was already used to send a completed questionnaire. */
export function renderCompletedPage(rq?: RoundQuestionnaire): string {
  const message = !rq
    ? 'Deze vragenlijst is al ingevuld en verstuurd. Niemand kan de antwoorden nu nog veranderen.'
    : say(
        rq,
        'Deze vragenlijst is al ingevuld en verstuurd. U kunt de antwoorden niet meer veranderen.',
        'Deze vragenlijst is al ingevuld en verstuurd. Je kunt de antwoorden niet meer veranderen.',
      );
  return messagePage('Deze vragenlijst is al ingevuld', [message]);
}

/** The round is closed. */
export function renderClosedPage(): string {
  return messagePage('Deze vragenlijst is gesloten', [
    'De periode om deze vragenlijst in te vullen is voorbij. Antwoorden versturen kan niet meer.',
    'Vragen hierover? Neem contact op met de organisatie die de link heeft gestuurd.',
  ]);
}

/** The round has not started yet; `opens` is a date as yyyy-mm-dd. */
export function renderNotYetOpenPage(opens: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(opens) && !Number.isNaN(Date.parse(`${opens}T12:00:00Z`)) ? formatDate(`${opens}T12:00:00Z`) : opens;
  return messagePage('Deze vragenlijst is nog niet open', [
    `Invullen kan vanaf ${date}. Open dan dezelfde link opnieuw.`,
  ]);
}

/** No round or invitation matches the link. */
export function renderUnknownLinkPage(): string {
  return messagePage('Deze link werkt niet', [
    'Wij kunnen geen vragenlijst vinden bij deze link.',
    'Controleer of de hele link in de adresbalk staat. Soms valt bij het kopiëren een deel van een lange link weg. Open de link anders opnieuw vanuit het bericht waarin hij stond.',
  ]);
}

export interface OpenStartOptions {
  rq: RoundQuestionnaire;
  /** POST: starts a new response and hands out a code. */
  startAction: string;
  /** GET with field `code`: continues a started response. */
  resumeAction: string;
  /** Message at the code field, e.g. from resumeCodeMessage. */
  codeError?: string;
  demo?: boolean;
}

/** The Dutch message for a code that is not well formed or not known. */
export function resumeCodeMessage(rq: RoundQuestionnaire, problem: 'format' | 'unknown'): string {
  return problem === 'format'
    ? say(
        rq,
        'Vul de code in zoals u die kreeg: 16 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKMN-PQRS.',
        'Vul de code in zoals je die kreeg: 16 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKMN-PQRS.',
      )
    : say(
        rq,
        'Wij kennen deze code niet. Controleer of u de code goed heeft overgenomen.',
        'Wij kennen deze code niet. Controleer of je de code goed hebt overgenomen.',
      );
}

/** First page of a shared (open) link: what it is about, start, or continue with a code. */
export function renderOpenStartPage(o: OpenStartOptions): string {
  const { rq } = o;
  const errors: FieldError[] = o.codeError ? [{ field: 'code', message: o.codeError }] : [];
  const main = html([
    demoBanner(o.demo),
    errorSummary(errors),
    `<h1 class="utrecht-heading-1">${esc(rq.title)}</h1>`,
    `<p class="utrecht-paragraph">${esc(groupById(rq.group).audience)}</p>`,
    `<p class="utrecht-paragraph">${esc(rq.intro)}</p>`,
    '<h2 class="utrecht-heading-2">Zo werkt het</h2>',
    `<ul class="utrecht-unordered-list">${[
      say(
        rq,
        'U beantwoordt vragen over de samenwerking tussen onderwijs en jeugdhulp.',
        'Je beantwoordt vragen over de school en de jeugdhulp.',
      ),
      say(
        rq,
        'U krijgt een persoonlijke code. Met die code kunt u later verder gaan. Wij gebruiken geen cookies en vragen niet om uw e-mailadres.',
        'Je krijgt een persoonlijke code. Met die code kun je later verder gaan. Wij gebruiken geen cookies en vragen niet om je e-mailadres.',
      ),
      say(rq, 'Uw antwoorden zijn anoniem: niemand kan zien wie u bent.', 'Je antwoorden zijn anoniem: niemand kan zien wie je bent.'),
    ]
      .map((p) => `<li>${esc(p)}</li>`)
      .join('')}</ul>`,
    `<form method="post" action="${esc(o.startAction)}" novalidate class="maoj-form">`,
    '<div class="utrecht-button-group maoj-buttons"><button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="start" data-submit>Begin met de vragenlijst</button></div>',
    '</form>',
    `<h2 class="utrecht-heading-2">${say(rq, 'Heeft u al een code?', 'Heb je al een code?')}</h2>`,
    `<form method="get" action="${esc(o.resumeAction)}" novalidate class="maoj-form maoj-resume-form">`,
    textField({
      name: 'code',
      label: say(rq, 'Uw code', 'Je code'),
      description: say(
        rq,
        'Vul de code in die u kreeg toen u begon, bijvoorbeeld ABCD-EFGH-JKMN-PQRS.',
        'Vul de code in die je kreeg toen je begon, bijvoorbeeld ABCD-EFGH-JKMN-PQRS.',
      ),
      error: errors[0],
      autocomplete: 'off',
      maxLength: 40,
    }),
    '<div class="utrecht-button-group maoj-buttons"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Ga verder met de vragenlijst</button></div>',
    '</form>',
  ]);
  return renderDocument({
    title: `${errors.length ? 'Fout: ' : ''}${rq.title}`,
    path: PAGE_PATH,
    main,
    noindex: true,
    scripts: [FORM_SCRIPT],
  });
}
