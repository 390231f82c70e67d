import { esc } from '../web/html.ts';

/**
 * A data table in a scroll container that keyboard users can reach (tabindex="0") and screen readers
 * announce as a region named after the table's caption. Compact markup (styles in
 * site/styles/regional.css) so that pages with many tables stay small.
 */
export function scrollTable(options: { id: string; caption: string; head: readonly string[]; rows: readonly string[]; numericFrom?: number; className?: string }): string {
  const { id } = options;
  const head = options.head.map((h, i) => `<th scope="col"${i >= (options.numericFrom ?? 1) ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  return (
    `<div class="maoj-scroll" role="region" tabindex="0" aria-labelledby="${id}-c">` +
    `<table class="${options.className ?? 'maoj-t'}"><caption id="${id}-c">${esc(options.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${options.rows.join('')}</tbody></table></div>`
  );
}

export interface BarRow {
  /** The row header (escaped HTML). */
  label: string;
  value: number | undefined;
  /** The value as shown, or the state word. */
  text: string;
  kind?: 'own' | 'reference';
}

/**
 * A bar chart that is also the table: each row a name, the number and a bar (an empty span whose
 * width class w0..w100 is the share of the largest value). Screen readers read a plain table; the
 * bars print (print-color-adjust) and need no script or inline style.
 */
export function barTable(options: { id: string; caption: string; head: readonly [string, string]; rows: readonly BarRow[] }): string {
  const max = Math.max(0, ...options.rows.flatMap((r) => (r.value !== undefined && Number.isFinite(r.value) ? [r.value] : []))) || 1;
  const rows = options.rows.map((r) => {
    const cls = r.kind === 'own' ? ' class="own"' : r.kind === 'reference' ? ' class="ref"' : '';
    const cell =
      r.value !== undefined && Number.isFinite(r.value)
        ? `<td class="l"><span class="v">${esc(r.text)}</span><span class="bar w${Math.round((Math.max(0, r.value) / max) * 100)}"></span></td>`
        : `<td class="l s">${esc(r.text)}</td>`;
    return `<tr${cls}><th scope="row">${r.label}</th>${cell}</tr>`;
  });
  return scrollTable({ id: options.id, caption: options.caption, head: options.head, rows, numericFrom: 9, className: 'maoj-t maoj-bars' });
}
