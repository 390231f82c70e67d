import { findGemeente, gemeentenByProvincie } from '../areas/gemeenten.ts';
import { MAIL_ADDRESS_TTL_SECONDS, MAILS_PER_ADDRESS_PER_DAY, MIN_GROUP_SIZE, REGIOSCAN_DRAFT_TTL_SECONDS } from '../privacy.ts';
import { esc, formatDate, html } from '../web/html.ts';
import { renderDocument } from '../web/layout.ts';
import { fillPath, REGIOSCAN_PATHS } from '../routes.ts';
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
import { FORM_SCRIPT, errorFor, errorId, errorMessage, errorSummary as formErrorSummary, honeypotField, radio } from '../web/form.ts';

/** Where the HTML forms post and link: from the route table, so a page can never post where no route is. */
export const START_ACTION = REGIOSCAN_PATHS.start;
export const stepPath = (draftId: string, step: number) => fillPath(REGIOSCAN_PATHS.step, { draftId, step: String(step) });
export const sendPath = (draftId: string) => fillPath(REGIOSCAN_PATHS.send, { draftId });
export const outcomePath = (draftId: string) => fillPath(REGIOSCAN_PATHS.outcome, { draftId });
export const resultPath = (submissionId: string) => fillPath(REGIOSCAN_PATHS.result, { submissionId });
/** The query of a step opened through "Wijzig" on the check page: its button leads back there. */
export const FROM_CHECK_QUERY = 'terug=controle';
export const REGIOSCAN_SCRIPT = FORM_SCRIPT;

const DRAFT_HOURS = Math.round(REGIOSCAN_DRAFT_TTL_SECONDS / 3600);
const MAIL_DAYS = Math.round(MAIL_ADDRESS_TTL_SECONDS / (24 * 3600));

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

function stepHeading(number: number, title: string): string {
  return `<p class="utrecht-paragraph maoj-step-count">Stap ${number} van ${TOTAL_STEPS}</p>
<h1 class="utrecht-heading-1">${esc(title)}</h1>`;
}

function buttons(number: number, primaryLabel: string, backAction?: string): string {
  const back =
    number > 1
      ? `<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="vorige"${backAction ? ` formaction="${esc(backAction)}"` : ''}>Vorige stap</button>`
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

/**
 * One step's form. Without a draft (the static step 1) it posts to the start route, which makes the
 * draft; with one, to the step's own address (the email step: to the send route, with "Vorige stap"
 * going to its step address). Nothing but "came from the check page" travels in the form.
 */
function formPage(number: number, state: FlowState, errors: readonly FieldError[], body: string, primary: string, draftId: string | undefined, notice = ''): PageContent {
  const step = stepAt(number);
  const title = `${errors.length || notice ? 'Fout: ' : ''}${step.title} (stap ${number} van ${TOTAL_STEPS}) - Regioscan`;
  const sends = step.kind === 'e-mail' && draftId !== undefined;
  const action = draftId === undefined ? START_ACTION : sends ? sendPath(draftId) : stepPath(draftId, number);
  const main = html([
    notice,
    formErrorSummary(errors, fieldAnchor),
    stepHeading(number, step.title),
    `<form method="post" action="${esc(action)}" novalidate class="maoj-form">`,
    state.fromCheck ? '<input type="hidden" name="terug" value="controle">' : '',
    body,
    // The honeypot sits in the form that posts to the send route, where it is checked.
    sends ? honeypotField() : '',
    buttons(number, primary, sends ? stepPath(draftId, number) : undefined),
    '</form>',
  ]);
  return { title, main };
}

function checkPageBody(state: FlowState, draftId: string): string {
  const gemeente = state.gemeente ? findGemeente(state.gemeente) : undefined;
  const row = (key: string, value: string, step: number, what: string) => `<div class="utrecht-data-list__item">
  <dt class="utrecht-data-list__item-key">${esc(key)}</dt>
  <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${esc(value)}</dd>
  <dd class="utrecht-data-list__actions utrecht-data-list__actions--html-dd"><a class="utrecht-link" href="${esc(`${stepPath(draftId, step)}?${FROM_CHECK_QUERY}`)}">Wijzig<span class="visually-hidden"> ${esc(what)}</span></a></dd>
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
  return `<p class="utrecht-paragraph">Na "Versturen" ziet u de uitkomst direct op het scherm. Wat u hieronder kiest, verandert daar niets aan.</p>
<h2 class="utrecht-heading-2">De uitkomst per e-mail</h2>
<div class="utrecht-form-field${emailError ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="email">E-mailadres (niet verplicht)</label></div>
  <p id="email-uitleg" class="utrecht-form-field-description">Wij gebruiken uw e-mailadres alleen om de uitkomst één keer te sturen. Daarna verwijderen wij het. Lukt het versturen niet, dan verwijderen wij het uiterlijk na ${MAIL_DAYS} dagen.</p>
  ${errorMessage('email', emailError)}
  <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input${emailError ? ' utrecht-textbox--invalid' : ''}" type="email" id="email" name="email" autocomplete="email" spellcheck="false" maxlength="254" value="${esc(state.email ?? '')}" aria-describedby="email-uitleg${emailError ? ` ${errorId('email')}` : ''}"${emailError ? ' aria-invalid="true"' : ''}></div>
</div>
<h2 class="utrecht-heading-2">Uw antwoorden bewaren</h2>
<p class="utrecht-paragraph">Mogen wij uw antwoorden bewaren? Dan gebruiken wij ze voor overzichten per gemeente voor de regio's die aan de monitor meedoen. Wij bewaren dan uw antwoorden, uw gemeente en waar u werkt. Geen naam en geen e-mailadres. In de overzichten staan alleen totalen van minstens ${MIN_GROUP_SIZE} mensen, zodat niemand te herkennen is.</p>
<p class="utrecht-paragraph">Kiest u hier niet voor? Dan bewaren wij uw antwoorden niet. Ze staan dan alleen nog ${DRAFT_HOURS} uur versleuteld op onze server, zodat u de uitkomst kunt bekijken. Daarna worden ze vanzelf verwijderd. Lees meer in de <a class="utrecht-link" href="/privacy/">privacyverklaring</a>.</p>
<div class="utrecht-form-field utrecht-form-field--checkbox">
  <div class="utrecht-form-field__input"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="toestemming" name="toestemming" value="ja"${state.toestemming ? ' checked' : ''}></div>
  <div class="utrecht-form-field__label utrecht-form-field__label--checkbox"><label class="utrecht-form-label utrecht-form-label--checkbox" for="toestemming">Ja, u mag mijn antwoorden bewaren voor de overzichten per gemeente (niet verplicht).</label></div>
</div>`;
}

/** One step of the Regioscan form as a whole page; the static site renders step 1 (without a draft) the same way. */
export function renderStepPage(number: number, state: FlowState, draftId: string | undefined, errors: readonly FieldError[] = [], notice = ''): string {
  const { title, main } = stepContent(number, state, draftId, errors, notice);
  return renderDocument({ title, path: '/regioscan/', main, scripts: [REGIOSCAN_SCRIPT], noindex: draftId !== undefined });
}

/** Title and main content of one step of the Regioscan form (1-based), with the errors found in it. */
export function stepContent(number: number, state: FlowState, draftId: string | undefined, errors: readonly FieldError[] = [], notice = ''): PageContent {
  const step = stepAt(number);
  switch (step.kind) {
    case 'over-u':
      return formPage(
        number,
        state,
        errors,
        `<p class="utrecht-paragraph">Vul alle vragen in. Als een vraag niet verplicht is, staat dat erbij.</p>\n${gemeenteSelect(state, errors)}\n${roleFieldset(state, errors)}`,
        state.fromCheck ? 'Naar controle' : 'Volgende stap',
        draftId,
      );
    case 'theme':
      return formPage(
        number,
        state,
        errors,
        `<p class="utrecht-paragraph">${esc(step.theme.intro)} Geef bij elke stelling aan in hoeverre u het ermee eens bent. Weet u het niet? Kies dan "Weet ik niet".</p>\n${step.theme.statements.map((s) => statementFieldset(s, state, errors)).join('\n')}`,
        number === CHECK_STEP - 1 || state.fromCheck ? 'Naar controle' : 'Volgende stap',
        draftId,
      );
    case 'controle':
      return formPage(
        number,
        state,
        errors,
        `<p class="utrecht-paragraph">Kijk of uw antwoorden kloppen. Wilt u iets veranderen? Kies dan "Wijzig".</p>\n${draftId ? checkPageBody(state, draftId) : ''}`,
        'Antwoorden kloppen',
        draftId,
      );
    case 'e-mail':
      return formPage(number, state, errors, emailStepBody(state, errors), 'Versturen', draftId, notice);
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
    return `<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">Wij hebben de uitkomst gestuurd naar <strong class="maoj-long-text">${esc(email ?? 'uw e-mailadres')}</strong>. Ziet u de e-mail niet? Kijk dan ook in uw map met ongewenste e-mail.</p></div>`;
  if (status === 'queued')
    return `<div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">Uw antwoorden zijn goed ontvangen, maar het versturen van de e-mail naar <strong class="maoj-long-text">${esc(email ?? 'uw e-mailadres')}</strong> lukte nu niet. Wij proberen het de komende uren opnieuw. U hoeft niets te doen. De uitkomst staat ook hieronder.</p></div>`;
  if (status === 'limited')
    return `<div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">Uw antwoorden zijn goed ontvangen. Naar <strong class="maoj-long-text">${esc(email ?? 'dit e-mailadres')}</strong> hebben wij vandaag al ${MAILS_PER_ADDRESS_PER_DAY} keer een uitkomst gestuurd. Dat is het maximum per dag, daarom sturen wij deze keer geen e-mail. De uitkomst staat hieronder.</p></div>`;
  if (status === 'failed')
    return `<div class="utrecht-alert utrecht-alert--error" role="status"><p class="utrecht-paragraph">Uw antwoorden zijn goed ontvangen, maar het versturen van de e-mail is niet gelukt. Uw e-mailadres is verwijderd. De uitkomst staat hieronder.</p></div>`;
  return '';
}

/**
 * Shown right after sending (a GET page of the draft, so reload and Back work): names the email
 * address and says what happens next. `kept`: the answers were stored (consent), so the lasting
 * result link works; without consent the outcome lives only as long as the draft.
 */
export function renderConfirmationPage(result: ResultView, emailStatus: EmailStatus, email: string | undefined, origin: string, kept = true): string {
  const link = `${origin}${resultPath(result.submissionId)}`;
  const later = kept
    ? `<p class="utrecht-paragraph">U kunt deze uitkomst later terugvinden via deze link: <a class="utrecht-link maoj-long-text" href="${esc(link)}">${esc(link)}</a>. Bewaar de link als u de uitkomst wilt delen. Iedereen met de link kan de uitkomst zien. Er staan geen naam en geen e-mailadres in, wel uw gemeente en waar u werkt.</p>`
    : `<p class="utrecht-paragraph">U gaf geen toestemming om uw antwoorden te bewaren. Daarom hebben wij ze niet bewaard. Deze pagina kunt u nog ${DRAFT_HOURS} uur bekijken via het adres in uw browser. Daarna verwijderen wij alles vanzelf. Wilt u de uitkomst houden? Druk deze pagina af of sla hem op${emailStatus === 'none' ? '' : ', of bewaar de e-mail'}.</p>`;
  const main = html([
    '<h1 class="utrecht-heading-1">Uw uitkomst van de Regioscan</h1>',
    emailStatusAlert(emailStatus, email),
    resultIntro(result),
    resultSections(result),
    scoringExplanation(),
    '<h2 class="utrecht-heading-2">Wat gebeurt er nu?</h2>',
    later,
    '<p class="utrecht-paragraph">Bespreek de uitkomst met collega\'s bij de gemeente, het samenwerkingsverband, scholen en jeugdhulp. De <a class="utrecht-link" href="/startgesprek/">vragen voor het Startgesprek</a> helpen daarbij.</p>',
    '<p class="utrecht-paragraph"><a class="utrecht-link" href="/regioscan/">Vul de Regioscan opnieuw in</a></p>',
  ]);
  return renderDocument({ title: 'Uw uitkomst - Regioscan', path: '/regioscan/', main, noindex: true });
}

/** An unknown or expired draft: what happened and a way to start again (404 or 410, never an error). */
export function renderDraftGonePage(expired: boolean): string {
  const main = html([
    `<h1 class="utrecht-heading-1">${expired ? 'Deze Regioscan is verlopen' : 'Deze Regioscan bestaat niet (meer)'}</h1>`,
    `<p class="utrecht-paragraph">Wij bewaren een Regioscan die u invult ${DRAFT_HOURS} uur na de laatste stap. Daarna verwijderen wij de antwoorden vanzelf. ${expired ? 'Die tijd is voorbij.' : 'Misschien is die tijd voorbij, of is het adres niet compleet.'}</p>`,
    '<p class="utrecht-paragraph">Heeft u de Regioscan verstuurd en toestemming gegeven om uw antwoorden te bewaren? Dan vindt u de uitkomst via de link in de e-mail.</p>',
    '<p class="utrecht-paragraph"><a class="utrecht-link" href="/regioscan/stap-1/">Begin opnieuw met de Regioscan</a></p>',
  ]);
  return renderDocument({ title: `${expired ? 'Verlopen' : 'Niet gevonden'} - Regioscan`, path: '/regioscan/', main, noindex: true });
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
