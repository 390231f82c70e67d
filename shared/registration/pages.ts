import { findGemeente, gemeentenByProvincie } from '../areas/gemeenten.ts';
import type { Area } from '../areas/model.ts';
import type { FieldError } from '../forms/fields.ts';
import { REGISTRATION_DRAFT_TTL_SECONDS } from '../privacy.ts';
import { fillPath, REGISTRATION_PATHS } from '../routes.ts';
import { FORM_SCRIPT, checkbox, errorFor, errorId, errorMessage, errorSummary, honeypotField, textField } from '../web/form.ts';
import { esc, html } from '../web/html.ts';
import { renderDocument } from '../web/layout.ts';
import { coverageWarnings, suggestedSwvs } from './coverage.ts';
import { CHECK_STEP, CONTACT_KEYS, STEPS, TOTAL_STEPS, stepAt, type ContactSide, type ContactState, type FlowState } from './flow.ts';
import {
  CONTACT_RETENTION_TEXT,
  CONTACT_TEXT_MAX,
  PHONE_MAX,
  REGION_NAME_MAX,
  RESPONSE_WORKING_DAYS,
  regionPhrase,
  swvAreas,
  swvLabel,
  swvLabelOf,
  type Contact,
  type Registration,
  type SwvKind,
} from './validation.ts';

/** Where the forms post and link: from the route table, so a page never names a route that does not exist. */
export const START_ACTION = REGISTRATION_PATHS.start;
export const stepPath = (draftId: string, step: number) => fillPath(REGISTRATION_PATHS.step, { draftId, step: String(step) });
export const sendPath = (draftId: string) => fillPath(REGISTRATION_PATHS.send, { draftId });
export const receivedPath = (draftId: string) => fillPath(REGISTRATION_PATHS.received, { draftId });
/** The query of a step opened through "Wijzig" on the check page: its button leads back there. */
export const FROM_CHECK_QUERY = 'terug=controle';

/** How long a registration that is being filled in stays on the server, in hours (the pages say so). */
export const DRAFT_HOURS = Math.round(REGISTRATION_DRAFT_TTL_SECONDS / 3600);

const PATH = '/aanmelden/';

/** Error pages of the registration handlers mark "Aanmelden" in the menu and link back to it. */
export const REGISTRATION_SECTION = { path: PATH, link: { href: PATH, label: 'Naar aanmelden' } } as const;

export interface PageContent {
  title: string;
  main: string;
}

type Group = 'gemeenten' | 'swvPo' | 'swvVo';
const SWV_KIND: Record<'swvPo' | 'swvVo', SwvKind> = { swvPo: 'swv-po', swvVo: 'swv-vo' };

export const CONTACT_LABELS: Record<(typeof CONTACT_KEYS)[number], string> = {
  name: 'Naam',
  role: 'Functie',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
};

const checkboxId = (group: Group, code: string) => `${group}-${code.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The SWVs of one kind in the order the form shows them: those of the chosen gemeenten first. */
function swvOrder(kind: 'swvPo' | 'swvVo', gemeenten: readonly string[]): { suggested: Area[]; others: Area[] } {
  const suggested = new Set(suggestedSwvs(gemeenten)[kind === 'swvPo' ? 'po' : 'vo']);
  const all = swvAreas(SWV_KIND[kind]);
  return { suggested: all.filter((a) => suggested.has(a.code)), others: all.filter((a) => !suggested.has(a.code)) };
}

/** The id an error links to: the field itself, or the first checkbox of a group. */
function anchorFor(state: FlowState): (field: string) => string {
  return (field) => {
    const top = field.split('.')[0] as string;
    if (top === 'gemeenten') return checkboxId('gemeenten', gemeentenByProvincie()[0]!.gemeenten[0]!.code);
    if (top === 'swvPo' || top === 'swvVo') {
      const { suggested, others } = swvOrder(top, state.gemeenten);
      const first = suggested[0] ?? others[0];
      return first ? checkboxId(top, first.code) : top;
    }
    if (top === 'registrationId') return 'regionName';
    return field;
  };
}

function stepHeading(number: number, title: string): string {
  return `<p class="utrecht-paragraph maoj-step-count">Stap ${number} van ${TOTAL_STEPS}</p>
<h1 class="utrecht-heading-1">${esc(title)}</h1>`;
}

function buttons(number: number, primaryLabel: string, backAction?: string): string {
  const formaction = backAction ? ` formaction="${esc(backAction)}"` : '';
  const back =
    number > 1
      ? `<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="vorige"${formaction}>Vorige stap</button>`
      : '';
  return `<div class="utrecht-button-group maoj-buttons">
  <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="volgende" data-submit>${esc(primaryLabel)}</button>
  ${back}
</div>`;
}

/**
 * One step's form. Without a draft (the static step 1) it posts to the start route, which makes the
 * draft; with one, to the step's own address (the check page: to the send route, with "Vorige stap"
 * going to its step address). Nothing but "came from the check page" travels in the form.
 */
function formPage(number: number, state: FlowState, draftId: string | undefined, errors: readonly FieldError[], body: string, primary: string, notice = ''): PageContent {
  const step = stepAt(number);
  const sends = number === CHECK_STEP && draftId !== undefined;
  const action = draftId === undefined ? START_ACTION : sends ? sendPath(draftId) : stepPath(draftId, number);
  const title = `${errors.length || notice ? 'Fout: ' : ''}${step.title} (stap ${number} van ${TOTAL_STEPS}) - Aanmelden`;
  const main = html([
    notice,
    errorSummary(errors, anchorFor(state)),
    stepHeading(number, step.title),
    `<form method="post" action="${esc(action)}" novalidate class="maoj-form maoj-registration">`,
    state.fromCheck ? '<input type="hidden" name="terug" value="controle">' : '',
    body,
    // The honeypot sits in the form that posts to the send route, where it is checked.
    sends ? honeypotField() : '',
    buttons(number, primary, sends ? stepPath(draftId, number) : undefined),
    '</form>',
  ]);
  return { title, main };
}

/** A group of checkboxes: one fieldset with a legend, the error at the top, each box with its label. */
function fieldsetStart(name: string, legend: string, error: FieldError | undefined, description?: string): string {
  const describedBy = [description ? `${name}-uitleg` : '', error ? errorId(name) : ''].filter(Boolean).join(' ');
  return `<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}>
  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${esc(legend)}</legend>
  ${description ? `<p id="${name}-uitleg" class="utrecht-form-field-description">${esc(description)}</p>` : ''}
  ${errorMessage(name, error)}`;
}

function subFieldset(legend: string, boxes: string, id?: string): string {
  return `<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset maoj-checkbox-group"${id ? ` id="${esc(id)}"` : ''}>
  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${esc(legend)}</legend>
  <div class="maoj-checkbox-columns">
${boxes}
  </div>
</fieldset>`;
}

function regionStep(state: FlowState, errors: readonly FieldError[]): string {
  return `<p class="utrecht-paragraph">Een regio is een groep gemeenten, samen met de samenwerkingsverbanden passend onderwijs die bij die gemeenten horen. Zij melden zich samen aan voor de monitor.</p>
<p class="utrecht-paragraph">Vul alle vragen in. Als een vraag niet verplicht is, staat dat erbij.</p>
${textField({
  name: 'regionName',
  label: 'Naam van uw regio',
  value: state.regionName,
  error: errorFor(errors, 'regionName'),
  description: 'Bijvoorbeeld de naam van uw jeugdregio of van het samenwerkingsverband. Wij gebruiken deze naam in e-mails en in de uitkomsten van uw regio.',
  maxLength: REGION_NAME_MAX,
})}`;
}

function gemeentenStep(state: FlowState, errors: readonly FieldError[]): string {
  const error = errorFor(errors, 'gemeenten');
  const chosen = new Set(state.gemeenten);
  const provinces = gemeentenByProvincie();
  const jump = provinces
    .map(({ provincie }) => `<li><a class="utrecht-link" href="#provincie-${esc(provincie.code)}">${esc(provincie.name)}</a></li>`)
    .join('');
  const groups = provinces
    .map(({ provincie, gemeenten }) =>
      subFieldset(
        provincie.name,
        gemeenten.map((g) => checkbox('gemeenten', g.code, g.name, chosen.has(g.code), undefined, checkboxId('gemeenten', g.code))).join('\n'),
        `provincie-${provincie.code}`,
      ),
    )
    .join('\n');
  return `${fieldsetStart('gemeenten', 'Welke gemeenten horen bij uw regio?', error, 'Kies alle gemeenten die samen meedoen. De gemeenten staan per provincie.')}
  <nav class="maoj-jump" aria-label="Naar een provincie"><p class="utrecht-paragraph">Ga direct naar een provincie:</p><ul class="utrecht-unordered-list maoj-jump__list">${jump}</ul></nav>
${groups}
</fieldset>`;
}

function swvFieldset(kind: 'swvPo' | 'swvVo', state: FlowState, errors: readonly FieldError[]): string {
  const error = errorFor(errors, kind);
  const chosen = new Set(state[kind]);
  const short = kind === 'swvPo' ? 'PO' : 'VO';
  const long = kind === 'swvPo' ? 'primair onderwijs' : 'voortgezet onderwijs';
  const { suggested, others } = swvOrder(kind, state.gemeenten);
  const chosenGemeenten = state.gemeenten.map(findGemeente).filter((g) => g !== undefined);
  const box = (a: Area, withGemeenten: boolean) => {
    const where = withGemeenten
      ? chosenGemeenten.filter((g) => (kind === 'swvPo' ? g.swvPoAll : g.swvVoAll).includes(a.code)).map((g) => g.name)
      : [];
    const label = where.length > 0 ? `${swvLabel(a)} (${where.join(', ')})` : swvLabel(a);
    return checkbox(kind, a.code, label, chosen.has(a.code), undefined, checkboxId(kind, a.code));
  };
  const parts =
    suggested.length > 0
      ? [
          subFieldset('Bij de gekozen gemeenten horen:', suggested.map((a) => box(a, true)).join('\n')),
          subFieldset(`Andere samenwerkingsverbanden ${short}`, others.map((a) => box(a, false)).join('\n')),
        ]
      : [subFieldset(`Alle samenwerkingsverbanden ${short}`, others.map((a) => box(a, false)).join('\n'))];
  return `${fieldsetStart(kind, `Samenwerkingsverbanden ${long} (SWV ${short})`, error, `Kies minstens één samenwerkingsverband ${short}.`)}
${parts.join('\n')}
</fieldset>`;
}

function swvStep(state: FlowState, errors: readonly FieldError[]): string {
  return `<p class="utrecht-paragraph">Een samenwerkingsverband passend onderwijs (SWV) regelt de extra steun op school. Er zijn samenwerkingsverbanden voor het primair onderwijs (PO) en voor het voortgezet onderwijs (VO). Kies bij allebei de samenwerkingsverbanden die meedoen met uw regio.</p>
<p class="utrecht-paragraph">Bovenaan staan de samenwerkingsverbanden waarin de gekozen gemeenten liggen. Tussen haakjes staat om welke gemeenten het gaat.</p>
${swvFieldset('swvPo', state, errors)}
${swvFieldset('swvVo', state, errors)}`;
}

const CONTACT_INTRO: Record<ContactSide, string> = {
  contactGemeenten:
    'Wie is de contactpersoon voor de gemeenten van uw regio? Met deze persoon bespreken wij de aanmelding, het Startgesprek en de rondes met vragenlijsten.',
  contactSwv:
    'Wie is de contactpersoon voor de samenwerkingsverbanden van uw regio? Met deze persoon bespreken wij de aanmelding, het Startgesprek en de rondes met vragenlijsten.',
};

function contactStep(side: ContactSide, state: FlowState, errors: readonly FieldError[]): string {
  const c = state[side];
  const field = (key: (typeof CONTACT_KEYS)[number]) => `${side}.${key}`;
  return `<p class="utrecht-paragraph">${esc(CONTACT_INTRO[side])}</p>
${textField({ name: field('name'), label: CONTACT_LABELS.name, value: c.name, error: errorFor(errors, field('name')), autocomplete: 'off', maxLength: CONTACT_TEXT_MAX })}
${textField({ name: field('role'), label: CONTACT_LABELS.role, value: c.role, error: errorFor(errors, field('role')), description: 'Bijvoorbeeld beleidsmedewerker jeugd of directeur van het samenwerkingsverband.', autocomplete: 'off', maxLength: CONTACT_TEXT_MAX })}
${textField({ name: field('email'), label: CONTACT_LABELS.email, type: 'email', value: c.email, error: errorFor(errors, field('email')), description: 'Naar dit adres sturen wij een bevestiging van de aanmelding.', autocomplete: 'off', maxLength: 254 })}
${textField({ name: field('phone'), label: `${CONTACT_LABELS.phone} (niet verplicht)`, type: 'tel', value: c.phone, error: errorFor(errors, field('phone')), autocomplete: 'off', maxLength: PHONE_MAX })}
<p class="utrecht-paragraph">Wij gebruiken deze gegevens alleen om de monitor samen met uw regio uit te voeren. ${esc(CONTACT_RETENTION_TEXT)} Lees meer in de <a class="utrecht-link" href="/privacy/">privacyverklaring</a>.</p>`;
}

export const CONFIRMATION_LABEL = 'De gemeenten én de samenwerkingsverbanden van deze regio doen mee aan de monitor.';

function confirmStep(state: FlowState, errors: readonly FieldError[]): string {
  const error = errorFor(errors, 'bevestiging');
  return `<p class="utrecht-paragraph">De monitor gaat over de samenwerking tussen onderwijs en jeugdhulp. Daarvoor zijn beide kanten nodig:</p>
<ul class="utrecht-unordered-list">
  <li>de gemeenten, want zij zijn verantwoordelijk voor de jeugdhulp;</li>
  <li>de samenwerkingsverbanden PO en VO, want zij regelen de extra steun op school.</li>
</ul>
<p class="utrecht-paragraph">Alleen als beide kanten meedoen, kunt u de uitkomsten samen bespreken in het op overeenstemming gericht overleg (OOGO). Daarom is dit de voorwaarde om mee te doen. Spreek dit af met de andere gemeenten en samenwerkingsverbanden voordat u de aanmelding verstuurt.</p>
<div class="maoj-confirm">
  ${errorMessage('bevestiging', error)}
  ${checkbox('bevestiging', 'ja', CONFIRMATION_LABEL, state.bevestiging, error, 'bevestiging')}
</div>`;
}

function dataRow(draftId: string | undefined, key: string, valueHtml: string, step: number, what: string): string {
  const change = draftId === undefined ? '' : `<dd class="utrecht-data-list__actions utrecht-data-list__actions--html-dd"><a class="utrecht-link" href="${esc(`${stepPath(draftId, step)}?${FROM_CHECK_QUERY}`)}">Wijzig<span class="visually-hidden"> ${esc(what)}</span></a></dd>`;
  return `<div class="utrecht-data-list__item">
  <dt class="utrecht-data-list__item-key">${esc(key)}</dt>
  <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${valueHtml}</dd>
  ${change}
</div>`;
}

const valueList = (items: readonly string[]): string =>
  items.length === 0 ? '-' : items.length === 1 ? esc(items[0]) : `<ul class="utrecht-unordered-list">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;

const gemeenteNames = (codes: readonly string[]) => codes.map((c) => findGemeente(c)?.name ?? c);

/** The warnings box of the check page and the confirmation page. */
function warningsAlert(warnings: readonly string[], intro: string): string {
  if (warnings.length === 0) return '';
  return `<div class="utrecht-alert utrecht-alert--warning maoj-coverage">
  <h2 class="utrecht-heading-2">Let op</h2>
  <ul class="utrecht-unordered-list">${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>
  <p class="utrecht-paragraph">${esc(intro)}</p>
</div>`;
}

function checkStep(state: FlowState, draftId: string | undefined): string {
  const sections = STEPS.slice(0, CHECK_STEP - 1).map((step, i) => {
    const n = i + 1;
    let rows: string[];
    switch (step.kind) {
      case 'regio':
        rows = [dataRow(draftId, 'Naam van de regio', esc(state.regionName ?? '-'), n, 'naam van de regio')];
        break;
      case 'gemeenten':
        rows = [dataRow(draftId, `Gemeenten (${state.gemeenten.length})`, valueList(gemeenteNames(state.gemeenten)), n, 'gemeenten')];
        break;
      case 'swv':
        rows = [
          dataRow(draftId, 'Samenwerkingsverbanden PO', valueList(state.swvPo.map(swvLabelOf)), n, 'samenwerkingsverbanden PO'),
          dataRow(draftId, 'Samenwerkingsverbanden VO', valueList(state.swvVo.map(swvLabelOf)), n, 'samenwerkingsverbanden VO'),
        ];
        break;
      case 'contact': {
        const c: ContactState = state[step.side];
        const whose = step.side === 'contactGemeenten' ? 'contactpersoon gemeenten' : 'contactpersoon samenwerkingsverbanden';
        rows = CONTACT_KEYS.map((key) =>
          dataRow(draftId, CONTACT_LABELS[key], esc(c[key] ?? (key === 'phone' ? 'Niet ingevuld' : '-')), n, `${CONTACT_LABELS[key].toLowerCase()} ${whose}`),
        );
        break;
      }
      case 'bevestigen':
        rows = [dataRow(draftId, 'Gemeenten en samenwerkingsverbanden doen mee', state.bevestiging ? 'Ja' : 'Nee', n, 'bevestiging')];
        break;
      case 'controle':
        rows = [];
        break;
    }
    return `<h2 class="utrecht-heading-2">${esc(step.title)}</h2>\n<dl class="utrecht-data-list utrecht-data-list--rows">${rows.join('\n')}</dl>`;
  });
  const warnings = warningsAlert(
    coverageWarnings(state),
    'U kunt de aanmelding toch versturen. Wij kijken er dan samen met u naar. Klopt er iets niet? Kies dan "Wijzig" bij de gemeenten of de samenwerkingsverbanden.',
  );
  return html([
    '<p class="utrecht-paragraph">Kijk of alles klopt. Wilt u iets veranderen? Kies dan "Wijzig".</p>',
    warnings,
    sections.join('\n'),
    '<p class="utrecht-paragraph">Na het versturen krijgen beide contactpersonen een e-mail met deze gegevens.</p>',
  ]);
}

/**
 * Title and main content of one step of the registration form (1-based), with the errors found in it;
 * `draftId`: the draft the page belongs to (none for the static step 1).
 */
export function registrationStepContent(number: number, state: FlowState, draftId: string | undefined, errors: readonly FieldError[] = [], notice = ''): PageContent {
  const step = stepAt(number);
  const next = number === CHECK_STEP - 1 || state.fromCheck ? 'Naar controle' : 'Volgende stap';
  const page = (body: string, primary = next, withNotice = notice) => formPage(number, state, draftId, errors, body, primary, withNotice);
  switch (step.kind) {
    case 'regio':
      return page(regionStep(state, errors));
    case 'gemeenten':
      return page(gemeentenStep(state, errors));
    case 'swv':
      return page(swvStep(state, errors));
    case 'contact':
      return page(contactStep(step.side, state, errors));
    case 'bevestigen':
      return page(confirmStep(state, errors));
    case 'controle':
      return page(checkStep(state, draftId), 'Aanmelding versturen');
  }
}

/** One step of the registration form as a whole page; the static site renders step 1 the same way. */
export function renderRegistrationStep(number: number, state: FlowState, draftId: string | undefined, errors: readonly FieldError[] = [], notice = ''): string {
  const { title, main } = registrationStepContent(number, state, draftId, errors, notice);
  return renderDocument({ title, path: PATH, main, scripts: [FORM_SCRIPT], noindex: draftId !== undefined });
}

/** An unknown (404) or expired (410) registration draft: what happened, and a link to start again. */
export function renderRegistrationGonePage(expired: boolean): string {
  const main = html([
    `<h1 class="utrecht-heading-1">${expired ? 'Deze aanmelding is verlopen' : 'Deze aanmelding bestaat niet (meer)'}</h1>`,
    `<p class="utrecht-paragraph">Wij bewaren een aanmelding die u invult ${DRAFT_HOURS} uur na de laatste stap. Daarna verwijderen wij de gegevens vanzelf. ${expired ? 'Die tijd is voorbij.' : 'Misschien is die tijd voorbij, of is het adres niet compleet.'}</p>`,
    '<p class="utrecht-paragraph">Heeft u de aanmelding verstuurd? Dan hebben beide contactpersonen een e-mail met de gegevens gekregen. U hoeft niets opnieuw te doen.</p>',
    '<p class="utrecht-paragraph"><a class="utrecht-link" href="/aanmelden/stap-1/">Begin opnieuw met aanmelden</a></p>',
  ]);
  return renderDocument({ title: `${expired ? 'Verlopen' : 'Niet gevonden'} - Aanmelden`, path: PATH, main, noindex: true });
}

const contactLine = (c: Contact) => `${c.name} (${c.role}), ${c.email}`;

/** Shown right after submitting: names both email addresses and says what happens next. */
export function renderRegistrationReceived(registration: Registration, warnings: readonly string[]): string {
  const g = registration.contactGemeenten;
  const s = registration.contactSwv;
  const sameAddress = g.email.toLowerCase() === s.email.toLowerCase();
  const mailText = sameAddress
    ? `Wij sturen een bevestiging per e-mail naar <strong>${esc(g.email)}</strong>.`
    : `Wij sturen een bevestiging per e-mail naar beide contactpersonen: <strong>${esc(g.email)}</strong> en <strong>${esc(s.email)}</strong>.`;
  const main = html([
    '<h1 class="utrecht-heading-1">Wij hebben uw aanmelding ontvangen</h1>',
    `<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">Bedankt. Wij hebben de aanmelding van <strong>${esc(regionPhrase(registration.regionName))}</strong> goed ontvangen. ${mailText} Ziet u de e-mail niet? Kijk dan ook in de map met ongewenste e-mail.</p></div>`,
    warningsAlert(warnings, 'Wij bespreken dit met de contactpersonen voordat wij de aanmelding goedkeuren.'),
    '<h2 class="utrecht-heading-2">Wat gebeurt er nu?</h2>',
    '<ol class="utrecht-ordered-list">',
    `<li>Wij bekijken de aanmelding. Binnen ongeveer ${RESPONSE_WORKING_DAYS} werkdagen nemen wij contact op met de contactpersonen.</li>`,
    '<li>Klopt alles, dan keuren wij de aanmelding goed.</li>',
    '<li>Daarna voeren de gemeenten en samenwerkingsverbanden samen het <a class="utrecht-link" href="/startgesprek/">Startgesprek</a>.</li>',
    '<li>Daarna zet uw regio de eerste ronde met vragenlijsten uit.</li>',
    '</ol>',
    '<h2 class="utrecht-heading-2">Wat u heeft aangemeld</h2>',
    '<dl class="utrecht-data-list utrecht-data-list--rows">',
    summaryRows(registration)
      .map(
        (r) => `<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${esc(r.label)}</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${valueList(r.values)}</dd></div>`,
      )
      .join('\n'),
    '</dl>',
  ]);
  return renderDocument({ title: 'Aanmelding ontvangen', path: PATH, main, noindex: true });
}

export interface SummaryRow {
  label: string;
  values: string[];
}

/** What a registration says, as label and values: the confirmation page and both emails show this. */
export function summaryRows(reg: Registration): SummaryRow[] {
  const contact = (c: Contact) => [contactLine(c), ...(c.phone ? [`${CONTACT_LABELS.phone}: ${c.phone}`] : [])];
  return [
    { label: 'Naam van de regio', values: [reg.regionName] },
    { label: `Gemeenten (${reg.gemeenten.length})`, values: gemeenteNames(reg.gemeenten) },
    { label: 'Samenwerkingsverbanden PO', values: reg.swvPo.map(swvLabelOf) },
    { label: 'Samenwerkingsverbanden VO', values: reg.swvVo.map(swvLabelOf) },
    { label: 'Contactpersoon gemeenten', values: contact(reg.contactGemeenten) },
    { label: 'Contactpersoon samenwerkingsverbanden', values: contact(reg.contactSwv) },
  ];
}
