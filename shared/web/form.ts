import type { FieldError } from '../forms/fields.ts';
import { HONEYPOT_FIELD } from '../forms/bot-fields.ts';
import { esc } from './html.ts';

/**
 * Form pieces every feature's pages use (GOV.UK / NL Design System patterns): the error summary above
 * the form, the message at a field, radios. A feature only says how its field names map to element ids.
 */

/** Progressive enhancement of every form (focus on the error summary, no double submit); forms work without it. */
export const FORM_SCRIPT = '/js/form.js';

/** Id of the element that holds the error message of a field. */
export const errorId = (name: string) => `${name}-fout`;

export function errorFor(errors: readonly FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => e.field === field);
}

export function errorMessage(name: string, error: FieldError | undefined): string {
  return error
    ? `<p id="${errorId(name)}" class="utrecht-form-field-error-message"><span class="visually-hidden">Fout: </span>${esc(error.message)}</p>`
    : '';
}

/** The summary above a form: takes focus (script) and links each error to its field. */
export function errorSummary(errors: readonly FieldError[], anchor: (field: string) => string = (field) => field): string {
  if (errors.length === 0) return '';
  const items = errors
    .map((e) => `<li><a class="utrecht-link" href="#${esc(anchor(e.field))}">${esc(e.message)}</a></li>`)
    .join('');
  return `<div class="utrecht-alert utrecht-alert--error maoj-error-summary" tabindex="-1" data-error-summary>
  <div role="alert">
    <h2 class="utrecht-heading-2">Er ging iets mis. Verbeter het volgende:</h2>
    <ul class="utrecht-unordered-list">${items}</ul>
  </div>
</div>`;
}

export function radio(name: string, value: string, label: string, checked: boolean, invalid: boolean, id = `${name}-${value}`): string {
  return `<div class="utrecht-form-field utrecht-form-field--radio">
  <div class="utrecht-form-field__input"><input class="utrecht-radio-button utrecht-radio-button--html-input${invalid ? ' utrecht-radio-button--invalid' : ''}" type="radio" id="${esc(id)}" name="${esc(name)}" value="${esc(value)}"${checked ? ' checked' : ''}></div>
  <div class="utrecht-form-field__label utrecht-form-field__label--radio"><label class="utrecht-form-label utrecht-form-label--radio" for="${esc(id)}">${esc(label)}</label></div>
</div>`;
}

/** A checkbox with its label; `value` is what a checked box posts. */
export function checkbox(name: string, value: string, label: string, checked: boolean, error: FieldError | undefined, id = `${name}-${value}`): string {
  return `<div class="utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__input"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${esc(id)}" name="${esc(name)}" value="${esc(value)}"${checked ? ' checked' : ''}${error ? ` aria-describedby="${errorId(name)}" aria-invalid="true"` : ''}></div>
  <div class="utrecht-form-field__label utrecht-form-field__label--checkbox"><label class="utrecht-form-label utrecht-form-label--checkbox" for="${esc(id)}">${esc(label)}</label></div>
</div>`;
}

export interface TextFieldOptions {
  name: string;
  label: string;
  value?: string;
  error?: FieldError;
  description?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  maxLength?: number;
  /** A multi-line field (textarea). */
  multiline?: boolean;
}

/** A labelled text input or textarea with its description and error. */
export function textField(o: TextFieldOptions): string {
  const describedBy = [o.description ? `${o.name}-uitleg` : '', o.error ? errorId(o.name) : ''].filter(Boolean).join(' ');
  const common = `id="${esc(o.name)}" name="${esc(o.name)}"${o.maxLength ? ` maxlength="${o.maxLength}"` : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}${o.error ? ' aria-invalid="true"' : ''}`;
  const input = o.multiline
    ? `<textarea class="utrecht-textarea utrecht-textarea--html-textarea${o.error ? ' utrecht-textarea--invalid' : ''}" rows="5" ${common}>${esc(o.value ?? '')}</textarea>`
    : `<input class="utrecht-textbox utrecht-textbox--html-input${o.error ? ' utrecht-textbox--invalid' : ''}" type="${o.type ?? 'text'}" ${common}${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.type === 'email' ? ' spellcheck="false"' : ''} value="${esc(o.value ?? '')}">`;
  return `<div class="utrecht-form-field${o.error ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${esc(o.name)}">${esc(o.label)}</label></div>
  ${o.description ? `<p id="${esc(o.name)}-uitleg" class="utrecht-form-field-description">${esc(o.description)}</p>` : ''}
  ${errorMessage(o.name, o.error)}
  <div class="utrecht-form-field__input">${input}</div>
</div>`;
}

/**
 * The honeypot of the bot check (shared/forms/bot-check.ts): a text field people never meet. It is
 * off screen, hidden from screen readers (aria-hidden) and out of the tab order (tabindex -1, so no
 * focusable element sits inside aria-hidden), and browsers are asked not to fill it. A script that
 * fills every field fills it too; the submit route then refuses the post.
 */
export function honeypotField(): string {
  return `<div class="maoj-hp" aria-hidden="true">
  <label for="${HONEYPOT_FIELD}">Laat dit veld leeg</label>
  <input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off">
</div>`;
}

/**
 * A message above a form shown again after a refused post (too fast, too many): it takes focus like the
 * error summary, so keyboard and screen-reader users hear it first. The answers stay in the form.
 */
export function formNotice(title: string, message: string): string {
  return `<div class="utrecht-alert utrecht-alert--warning maoj-error-summary" tabindex="-1" data-error-summary>
  <div role="alert">
    <h2 class="utrecht-heading-2">${esc(title)}</h2>
    <p class="utrecht-paragraph">${esc(message)}</p>
  </div>
</div>`;
}
