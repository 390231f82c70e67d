/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Joins HTML fragments, skipping false/null/undefined so conditionals read naturally. */
export function html(parts: readonly (string | false | null | undefined)[]): string {
  return parts.filter((p) => typeof p === 'string').join('\n');
}

const nl = new Intl.NumberFormat('nl-NL');
export const formatNumber = (n: number): string => nl.format(n);

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));
