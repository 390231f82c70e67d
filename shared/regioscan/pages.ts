import { findGemeente, gemeentenByProvincie } from '../areas/gemeenten.ts';
import { MAILS_PER_ADDRESS_PER_DAY, MIN_GROUP_SIZE } from '../privacy.ts';
import { esc, formatDate, html } from '../web/html.ts';
import { renderDocument } from '../web/layout.ts';
import { fillPath, routePath } from '../routes.ts';
import {
  ANSWER_SCALE,
  DONT_KNOW,
  ROLES,
  SCORING_RULE_TEXT,
  STATEMENTS,
  answerLabel,
  roleLabel,
  type AnswerValue,
  type Role,
  type Statement,
} from './definition.ts';
import { CHECK_STEP, EMAIL_STEP, STEPS, TOTAL_STEPS, stepAt, type FlowState } from './flow.ts';
import { bandFor, themeById, type ThemeScore } from './scoring.ts';
import type { FieldError } from '../forms/fields.ts';
import { STAMP_FIELD } from '../forms/bot-fields.ts';
import { FORM_SCRIPT, errorFor, errorId, errorMessage, errorSummary as formErrorSummary, honeypotField, radio } from '../web/form.ts';

/** Where the HTML form posts: from the route table, so a page can never post where no route is. */
export const STEP_ACTION = routePath('regioscanStep');
export const SUBMIT_ACTION = routePath('regioscanSubmit');
export const resultPath = (submissionId: string) => fillPath(routePath('regioscanResult', 'GET'), { submissionId });
export const REGIOSCAN_SCRIPT = FORM_SCRIPT;

/** The id of the element an error in `field` links to. */
export function fieldAnchor(field: string): string {
  if (field.startsWith('antwoorden.')) return `${field.slice('antwoorden.'.length)}-1`;
  if (field === 'rol') return 'rol-gemeente';
  return field;
}

function statementFieldset(statement: Statement, state: FlowState, errors: readonly FieldError[]): string {
  const number = STATEMENTS.indexOf(statement) + 1;
  const error = errorFor(errors, `antwoorden.${statement.id}`);
  const current = state.antwoorden[statement.id];
  const options = ANSWER_SCALE.map((a) => radio(statement.id, a.value, a.label, current === a.value, !!error)).join('\n');
  return `<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset maoj-statement${error ? ' utrecht-form-fieldset--invalid' : ''}"${error ? ` aria-describedby="${errorId(statement.id)}"` : ''}>
  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend"><span class="maoj-statement__number">Stelling ${number}.</span> ${esc(statement.text)}</legend>
  ${errorMessage(statement.id, error)}
  ${options}
  <p class="maoj-or" aria-hidden="true">of</p>
  ${radio(statement.id, DONT_KNOW.value, DONT_KNOW.label, current === DONT_KNOW.value, !!error)}
</fieldset>`;
}

function gemeenteSelect(state: FlowState, errors: readonly FieldError[]): string {
  const error = errorFor(errors, 'gemeente');
  const groups = gemeentenByProvincie()
    .map(({ provincie, gemeenten }) => {
      const options = gemeenten
        .map((g) => `<option value="${g.code}"${state.gemeente === g.code ? ' selected' : ''}>${esc(g.name)}</option>`)
        .join('');
      return `<optgroup label="${esc(provincie.name)}">${options}</optgroup>`;
    })
    .join('\n');
  const describedBy = ['gemeente-uitleg', error ? errorId('gemeente') : ''].filter(Boolean).join(' ');
  return `<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="gemeente">In welke gemeente werkt u?</label></div>
  <p id="gemeente-uitleg" class="utrecht-form-field-description">Werkt u voor meer gemeenten? Kies dan de gemeente waar u het meest mee te maken heeft. De gemeenten staan per provincie.</p>
  ${errorMessage('gemeente', error)}
  <div class="utrecht-form-field__input"><select class="utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}" id="gemeente" name="gemeente" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>
    <option value="">Kies een gemeente</option>
    ${groups}
  </select></div>
</div>`;
}

function roleFieldset(state: FlowState, errors: readonly FieldError[]): string {
  const error = errorFor(errors, 'rol');
  const options = ROLES.map((r) => radio('rol', r.value, r.label, state.rol === r.value, !!error)).join('\n');
  return `<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}"${error ? ` aria-describedby="${errorId('rol')}"` : ''}>
  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Waar werkt u?</legend>
  ${errorMessage('rol', error)}
  ${options}
</fieldset>`;
}

/** Hidden fields that carry everything answered so far, except the fields shown on this step. */
function hiddenState(state: FlowState, shown: ReadonlySet<string>): string {
  const fields: [string, string | undefined][] = [
    ['submissionId', state.submissionId],
    ['gemeente', state.gemeente],
    ['rol', state.rol],
    ...STATEMENTS.map((s): [string, string | undefined] => [s.id, state.antwoorden[s.id]]),
    ['email', state.email],
    ['toestemming', state.toestemming ? 'ja' : undefined],
    ['controle', state.fromCheck ? '1' : undefined],
    [STAMP_FIELD, state.gestart],
  ];
  return fields
    .filter(([name, value]) => value !== undefined && !shown.has(name))
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${esc(value)}">`)
    .join('\n');
}

function stepHeading(number: number, title: string): string {
  return `<p class="utrecht-paragraph maoj-step-count">Stap ${number} van ${TOTAL_STEPS}</p>
<h1 class="utrecht-heading-1">${esc(title)}</h1>`;
}

function buttons(number: number, primaryLabel: string, primaryAction?: string): string {
  const back =
    number > 1
      ? `<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="vorige"${primaryAction ? ` formaction="${STEP_ACTION}"` : ''}>Vorige stap</button>`
      : '';
  return `<div class="utrecht-button-group maoj-buttons">
  <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="volgende" data-submit>${esc(primaryLabel)}</button>
  ${back}
</div>`;
}

export interface PageContent {
  title: string;
  main: string;
}

function formPage(number: number, state: FlowState, errors: readonly FieldError[], body: string, shown: string[], primary: string, action = STEP_ACTION, notice = ''): PageContent {
  const step = stepAt(number);
  const title = `${errors.length || notice ? 'Fout: ' : ''}${step.title} (stap ${number} van ${TOTAL_STEPS}) - Regioscan`;
  const main = html([
    notice,
    formErrorSummary(errors, fieldAnchor),
    stepHeading(number, step.title),
    `<form method="post" action="${action}" novalidate class="maoj-form">`,
    `<input type="hidden" name="stap" value="${number}">`,
    hiddenState(state, new Set(shown)),
    body,
    // The honeypot sits in the form that posts to the submit route, where it is checked.
    action === SUBMIT_ACTION ? honeypotField() : '',
    buttons(number, primary, action === STEP_ACTION ? undefined : action),
    '</form>',
  ]);
  return { title, main };
}

function checkPageBody(state: FlowState): string {
  const gemeente = state.gemeente ? findGemeente(state.gemeente) : undefined;
  const row = (key: string, value: string, step: number, what: string) => `<div class="utrecht-data-list__item">
  <dt class="utrecht-data-list__item-key">${esc(key)}</dt>
  <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${esc(value)}</dd>
  <dd class="utrecht-data-list__actions utrecht-data-list__actions--html-dd"><button class="maoj-link-button" type="submit" name="wijzig" value="${step}">Wijzig<span class="visually-hidden"> ${esc(what)}</span></button></dd>
</div>`;
  const sections = STEPS.slice(0, CHECK_STEP - 1).map((step, i) => {
    const number = i + 1;
    let rows: string[];
    if (step.kind === 'over-u') {
      rows = [
        row('Gemeente', gemeente?.name ?? '-', number, 'gemeente'),
        row('Waar u werkt', state.rol ? roleLabel(state.rol as Role) : '-', number, 'waar u werkt'),
      ];
    } else if (step.kind === 'theme') {
      rows = step.theme.statements.map((s) => {
        const n = STATEMENTS.indexOf(s) + 1;
        const value = state.antwoorden[s.id];
        return row(`${n}. ${s.text}`, value ? answerLabel(value as AnswerValue) : '-', number, `antwoord op stelling ${n}`);
      });
    } else rows = [];
    return `<h2 class="utrecht-heading-2">${esc(step.title)}</h2>\n<dl class="utrecht-data-list utrecht-data-list--rows">${rows.join('\n')}</dl>`;
  });
  return sections.join('\n');
}

function emailStepBody(state: FlowState, errors: readonly FieldError[]): string {
  const emailError = errorFor(errors, 'email');
  const consentError = errorFor(errors, 'toestemming');
  return `<p class="utrecht-paragraph">U ziet de uitkomst direct op het scherm. Wilt u de uitkomst ook per e-mail? Vul dan uw e-mailadres in.</p>
<div class="utrecht-form-field${emailError ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="email">E-mailadres (niet verplicht)</label></div>
  <p id="email-uitleg" class="utrecht-form-field-description">Wij gebruiken uw e-mailadres alleen om de uitkomst te sturen. Daarna verwijderen wij het.</p>
  ${errorMessage('email', emailError)}
  <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input${emailError ? ' utrecht-textbox--invalid' : ''}" type="email" id="email" name="email" autocomplete="email" spellcheck="false" maxlength="254" value="${esc(state.email ?? '')}" aria-describedby="email-uitleg${emailError ? ` ${errorId('email')}` : ''}"${emailError ? ' aria-invalid="true"' : ''}></div>
</div>
<h2 class="utrecht-heading-2">Wat wij met uw antwoorden doen</h2>
<p class="utrecht-paragraph">Wij bewaren uw antwoorden, uw gemeente en waar u werkt. Wij bewaren geen naam. Later maken wij hiermee overzichten per gemeente en samenwerkingsverband. In die overzichten staan alleen totalen van minstens ${MIN_GROUP_SIZE} mensen, zodat niemand te herkennen is. Lees meer in de <a class="utrecht-link" href="/privacy/">privacyverklaring</a>.</p>
<div class="utrecht-form-field utrecht-form-field--checkbox${consentError ? ' utrecht-form-field--invalid' : ''}">
  ${errorMessage('toestemming', consentError)}
  <div class="utrecht-form-field__input"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="toestemming" name="toestemming" value="ja"${state.toestemming ? ' checked' : ''}${consentError ? ` aria-describedby="${errorId('toestemming')}" aria-invalid="true"` : ''}></div>
  <div class="utrecht-form-field__label utrecht-form-field__label--checkbox"><label class="utrecht-form-label utrecht-form-label--checkbox" for="toestemming">Ik ga akkoord dat mijn antwoorden zo worden bewaard en gebruikt.</label></div>
</div>`;
}

/** One step of the Regioscan form as a whole page; the static site renders step 1 the same way. */
export function renderStepPage(number: number, state: FlowState, errors: readonly FieldError[] = [], notice = ''): string {
  const { title, main } = stepContent(number, state, errors, notice);
  return renderDocument({ title, path: '/regioscan/', main, scripts: [REGIOSCAN_SCRIPT] });
}

/** Title and main content of one step of the Regioscan form (1-based), with the errors found in it. */
export function stepContent(number: number, state: FlowState, errors: readonly FieldError[] = [], notice = ''): PageContent {
  const step = stepAt(number);
  switch (step.kind) {
    case 'over-u':
      return formPage(
        number,
        state,
        errors,
        `<p class="utrecht-paragraph">Vul alle vragen in. Als een vraag niet verplicht is, staat dat erbij.</p>\n${gemeenteSelect(state, errors)}\n${roleFieldset(state, errors)}`,
        ['gemeente', 'rol'],
        'Volgende stap',
      );
    case 'theme':
      return formPage(
        number,
        state,
        errors,
        `<p class="utrecht-paragraph">${esc(step.theme.intro)} Geef bij elke stelling aan in hoeverre u het ermee eens bent. Weet u het niet? Kies dan "Weet ik niet".</p>\n${step.theme.statements.map((s) => statementFieldset(s, state, errors)).join('\n')}`,
        step.theme.statements.map((s) => s.id),
        number === CHECK_STEP - 1 || state.fromCheck ? 'Naar controle' : 'Volgende stap',
      );
    case 'controle':
      return formPage(number, state, errors, `<p class="utrecht-paragraph">Kijk of uw antwoorden kloppen. Wilt u iets veranderen? Kies dan "Wijzig".</p>\n${checkPageBody(state)}`, [], 'Antwoorden kloppen');
    case 'e-mail':
      return formPage(number, state, errors, emailStepBody(state, errors), ['email', 'toestemming'], 'Versturen', SUBMIT_ACTION, notice);
  }
}

export type EmailStatus = 'none' | 'sent' | 'queued' | 'failed' | 'limited';

export interface ResultView {
  submissionId: string;
  gemeente: string;
  rol: Role;
  createdAt: string;
  scores: ThemeScore[];
}

/** The per-theme outcome as HTML, shared by the confirmation and the result page. */
export function resultSections(result: ResultView): string {
  return result.scores
    .map((s) => {
      const theme = themeById(s.themeId);
      const verdict =
        s.score === null
          ? `<p class="utrecht-paragraph"><strong>Geen score.</strong> U heeft bij dit thema te weinig stellingen beantwoord met eens of oneens (${s.dontKnow} keer "Weet ik niet").</p>`
          : `<p class="utrecht-paragraph maoj-score"><strong>Score ${s.score} van 100: ${esc(bandFor(theme, s.score).label)}</strong></p>
<p class="utrecht-paragraph">${esc(bandFor(theme, s.score).interpretation)}</p>`;
      const pointers = theme.conversationPointers.map((p) => `<li>${esc(p)}</li>`).join('');
      return `<section class="maoj-result" aria-labelledby="thema-${theme.id}">
<h2 class="utrecht-heading-2" id="thema-${theme.id}">${esc(theme.title)}</h2>
${verdict}
<h3 class="utrecht-heading-3">Om te bespreken in uw regio</h3>
<ul class="utrecht-unordered-list">${pointers}</ul>
</section>`;
    })
    .join('\n');
}

function scoringExplanation(): string {
  return `<h2 class="utrecht-heading-2">Hoe wij de score berekenen</h2>
<p class="utrecht-paragraph">${esc(SCORING_RULE_TEXT)}</p>`;
}

function resultIntro(result: ResultView): string {
  const gemeente = findGemeente(result.gemeente);
  return `<p class="utrecht-paragraph">Regioscan voor de gemeente ${esc(gemeente?.name ?? result.gemeente)}, ingevuld op ${esc(formatDate(result.createdAt))} door iemand die werkt bij: ${esc(roleLabel(result.rol).toLowerCase())}.</p>`;
}

function emailStatusAlert(status: EmailStatus, email?: string): string {
  if (status === 'sent')
    return `<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">Wij hebben de uitkomst gestuurd naar <strong>${esc(email ?? 'uw e-mailadres')}</strong>. Ziet u de e-mail niet? Kijk dan ook in uw map met ongewenste e-mail.</p></div>`;
  if (status === 'queued')
    return `<div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">Uw antwoorden zijn goed ontvangen, maar het versturen van de e-mail naar <strong>${esc(email ?? 'uw e-mailadres')}</strong> lukte nu niet. Wij proberen het de komende uren opnieuw. U hoeft niets te doen. De uitkomst staat ook hieronder.</p></div>`;
  if (status === 'limited')
    return `<div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">Uw antwoorden zijn goed ontvangen. Naar <strong>${esc(email ?? 'dit e-mailadres')}</strong> hebben wij vandaag al ${MAILS_PER_ADDRESS_PER_DAY} keer een uitkomst gestuurd. Dat is het maximum per dag, daarom sturen wij deze keer geen e-mail. De uitkomst staat hieronder; bewaar de link onderaan deze pagina.</p></div>`;
  if (status === 'failed')
    return `<div class="utrecht-alert utrecht-alert--error" role="status"><p class="utrecht-paragraph">Uw antwoorden zijn goed ontvangen, maar het versturen van de e-mail is niet gelukt. Uw e-mailadres is verwijderd. De uitkomst staat hieronder; bewaar de link onderaan deze pagina.</p></div>`;
  return '';
}

/** Shown right after submitting: names the email address and says what happens next. */
export function renderConfirmationPage(result: ResultView, emailStatus: EmailStatus, email: string | undefined, origin: string): string {
  const link = `${origin}${resultPath(result.submissionId)}`;
  const main = html([
    '<h1 class="utrecht-heading-1">Uw uitkomst van de Regioscan</h1>',
    emailStatusAlert(emailStatus, email),
    resultIntro(result),
    resultSections(result),
    scoringExplanation(),
    '<h2 class="utrecht-heading-2">Wat gebeurt er nu?</h2>',
    `<p class="utrecht-paragraph">U kunt deze uitkomst later terugvinden via deze link: <a class="utrecht-link" href="${esc(link)}">${esc(link)}</a>. Bewaar de link als u de uitkomst wilt delen. Iedereen met de link kan de uitkomst zien. Er staan geen naam en geen e-mailadres in, wel uw gemeente en waar u werkt.</p>`,
    '<p class="utrecht-paragraph">Bespreek de uitkomst met collega\'s bij de gemeente, het samenwerkingsverband, scholen en jeugdhulp. De <a class="utrecht-link" href="/startgesprek/">vragen voor het Startgesprek</a> helpen daarbij.</p>',
  ]);
  return renderDocument({ title: 'Uw uitkomst - Regioscan', path: '/regioscan/', main, noindex: true });
}

/** The result page behind the link in the email. */
export function renderResultPage(result: ResultView): string {
  const main = html([
    '<h1 class="utrecht-heading-1">Uitkomst van de Regioscan</h1>',
    resultIntro(result),
    resultSections(result),
    scoringExplanation(),
    '<p class="utrecht-paragraph"><a class="utrecht-link" href="/regioscan/">Vul de Regioscan zelf in</a></p>',
  ]);
  return renderDocument({ title: 'Uitkomst - Regioscan', path: '/regioscan/', main, noindex: true });
}

/** Error pages of the Regioscan's handlers mark the Regioscan in the menu and link back to it. */
export const REGIOSCAN_SECTION = { path: '/regioscan/', link: { href: '/regioscan/', label: 'Naar de Regioscan' } } as const;
