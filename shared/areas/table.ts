import { parse } from 'csv-parse/sync';

export type Delimiter = ';' | ',' | '\t';

/**
 * The delimiter of a CSV text, judged from its header line only: data rows may contain decimal commas,
 * the header does not. Quoted parts are skipped so that `"Regio's";"Perioden"` counts as `;`.
 */
export function detectDelimiter(text: string): Delimiter | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : undefined;
}

/** A small reference table (area lists) as objects, header names and values trimmed. */
export function readTable(text: string): Record<string, string>[] {
  const delimiter = detectDelimiter(text) ?? ',';
  return parse(text, {
    bom: true,
    delimiter,
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
}
