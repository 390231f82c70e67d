import type { PublishedArea } from '../imports/snapshot.ts';
import { BOM, csvCell } from '../csv.ts';
import { csvNumber, sourceTableCsv, STATE_WORDS } from './format.ts';
import { PERIOD_TYPE_LABELS, UNIT_LABELS } from '../indicators/catalogue.ts';
import type { RegionalView } from './view.ts';

/**
 * All figures of one area as CSV for Dutch-locale Excel: UTF-8 with BOM, ';' between fields, a decimal
 * comma and no thousands separator. A figure that is not a number has an empty 'waarde' and a status
 * word (geheim, onvolledig, ...), never 0. Each row names its source table (never a guess), what the
 * period means (peildatum) and when the figures were last compiled. Every cell goes through the one OWASP rule of the project
 * (`csvCell`): area names come from imported area files, so a name such as `=HYPERLINK(...)` is
 * written as text; numbers stay numbers.
 */
export const CSV_HEADER = ['gebiedscode', 'gebied', 'indicator', 'omschrijving', 'periode', 'waarde', 'eenheid', 'status', 'voorlopig', 'bron', 'brontabel', 'peildatum', 'cijfers_bijgewerkt_op'] as const;
export { BOM, csvCell };

export function areaCsv(view: RegionalView, area: PublishedArea): string {
  const lines = [CSV_HEADER.join(';')];
  // The date the published snapshot was compiled (yyyy-mm-dd, Dutch time): Excel reads it as a date.
  const updated = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(view.compiledAt));
  for (const d of view.indicators) {
    for (const f of view.series(d.id, area.code)) {
      const value = f.result.state === 'value' ? csvNumber(f.result.value, d.decimals) : '';
      lines.push(
        [
          area.code,
          area.name,
          d.id,
          d.name,
          f.period,
          value,
          UNIT_LABELS[d.unit],
          f.result.state === 'value' ? 'waarde' : STATE_WORDS[f.result.state],
          f.provisional ? 'ja' : 'nee',
          [...new Set(d.sources.map((s) => s.publisher))].join(', '),
          d.sources.map((s) => sourceTableCsv(s, f.period)).join(' / '),
          PERIOD_TYPE_LABELS[d.period],
          updated,
        ]
          .map(csvCell)
          .join(';'),
      );
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** File name for the download: "cijfers-gm0363.csv". */
export const areaCsvFileName = (area: PublishedArea) => `cijfers-${area.slug}.csv`;
