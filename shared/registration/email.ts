import type { RenderedEmail } from '../mail/rendered.ts';
import { esc } from '../web/html.ts';
import { SITE_NAME } from '../web/layout.ts';
import { coverageWarnings } from './coverage.ts';
import { summaryRows, type SummaryRow } from './pages.ts';
import { CONTACT_RETENTION_TEXT, RESPONSE_WORKING_DAYS, regionPhrase, type Registration } from './validation.ts';

export type { RenderedEmail };

/**
 * The emails of a registration: a confirmation to each contact person and a notification to the
 * operators. Both parts of each email come from the same blocks (a heading, paragraphs, lists), so
 * the HTML and the text say the same. Single column, presentation tables, inline CSS, no images, no
 * tracking.
 */
interface Block {
  heading?: string;
  paragraphs?: readonly string[];
  list?: readonly string[];
  rows?: readonly SummaryRow[];
  /** Shown in this order: list, paragraphs, rows, then lines of code (commands to copy). */
  code?: readonly string[];
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;';
const p = (content: string, extra = '') => `<p style="${FONT}font-size:16px;line-height:1.5;margin:0 0 12px;${extra}">${content}</p>`;
const ul = (items: readonly string[]) =>
  `<ul style="${FONT}font-size:16px;line-height:1.5;margin:0 0 12px 20px;padding:0;">${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;

function blockHtml(b: Block): string {
  const rows = (b.rows ?? [])
    .map(
      (r) => `${p(`<strong>${esc(r.label)}</strong>`, 'margin-bottom:4px;')}
${r.values.length === 1 ? p(esc(r.values[0])) : ul(r.values)}`,
    )
    .join('\n');
  const code = b.code?.length
    ? `<pre style="font-family:Consolas,Menlo,monospace;font-size:14px;line-height:1.5;background:#f3f3f3;padding:12px;margin:0 0 12px;white-space:pre-wrap;word-break:break-all;">${b.code.map(esc).join('\n')}</pre>`
    : '';
  return `<tr><td style="padding:16px 0;border-top:1px solid #cccccc;">
${b.heading ? `<h2 style="${FONT}font-size:20px;margin:0 0 8px;">${esc(b.heading)}</h2>` : ''}
${b.list?.length ? ul(b.list) : ''}
${(b.paragraphs ?? []).map((x) => p(esc(x))).join('\n')}
${rows}
${code}
</td></tr>`;
}

function blockText(b: Block): string[] {
  return [
    ...(b.heading ? [b.heading, '-'.repeat(b.heading.length)] : []),
    ...(b.list?.length ? [...b.list.map((x) => `- ${x}`), ''] : []),
    ...(b.paragraphs ?? []).flatMap((x) => [x, '']),
    ...(b.rows ?? []).flatMap((r) => (r.values.length === 1 ? [`${r.label}: ${r.values[0]}`] : [`${r.label}:`, ...r.values.map((v) => `- ${v}`), ''])),
    ...(b.code?.length ? [...b.code.map((x) => `    ${x}`), ''] : []),
  ];
}

function render(subject: string, intro: readonly string[], blocks: readonly Block[], footer: string): RenderedEmail {
  const text = [subject, '', ...intro.flatMap((x) => [x, '']), ...blocks.flatMap((b) => ['', ...blockText(b)]), '', footer, '', SITE_NAME]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  const htmlPart = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">
<tr><td align="center" style="padding:16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;border-collapse:collapse;">
<tr><td style="padding:0 0 16px;">
<p style="${FONT}font-size:14px;margin:0 0 8px;">${esc(SITE_NAME)}</p>
<h1 style="${FONT}font-size:24px;margin:0 0 12px;">${esc(subject)}</h1>
${intro.map((x) => p(esc(x))).join('\n')}
</td></tr>
${blocks.map(blockHtml).join('\n')}
<tr><td style="padding:16px 0;border-top:1px solid #cccccc;">
${p(esc(footer), 'font-size:14px;')}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
  return { subject, html: htmlPart, text };
}

function warningsBlock(warnings: readonly string[], after: string): Block[] {
  return warnings.length === 0 ? [] : [{ heading: 'Let op', list: warnings, paragraphs: [after] }];
}

/** To one contact person: the registration was received, what it says, and what happens next. */
export function renderContactConfirmation(reg: Registration, which: 'gemeenten' | 'swv'): RenderedEmail {
  const contact = which === 'gemeenten' ? reg.contactGemeenten : reg.contactSwv;
  const side = which === 'gemeenten' ? 'de gemeenten' : 'de samenwerkingsverbanden';
  const region = regionPhrase(reg.regionName);
  const subject = `Wij hebben de aanmelding van ${region} ontvangen`;
  const intro = [
    `Beste ${contact.name},`,
    `Wij hebben de aanmelding van ${region} voor de Monitor Aansluiting Onderwijs Jeugdhulp (Monitor AOJ) ontvangen. U staat in de aanmelding als contactpersoon voor ${side}. Hieronder ziet u wat er is aangemeld.`,
  ];
  const blocks: Block[] = [
    { heading: 'Wat er is aangemeld', rows: summaryRows(reg) },
    ...warningsBlock(coverageWarnings(reg), 'Wij bespreken dit met u voordat wij de aanmelding goedkeuren.'),
    {
      heading: 'Wat gebeurt er nu?',
      list: [
        `Wij bekijken de aanmelding. Binnen ongeveer ${RESPONSE_WORKING_DAYS} werkdagen nemen wij contact met u op.`,
        'Klopt alles, dan keuren wij de aanmelding goed.',
        'Daarna voeren de gemeenten en samenwerkingsverbanden samen het Startgesprek.',
        'Daarna zet uw regio de eerste ronde met vragenlijsten uit.',
      ],
      paragraphs: ['Klopt er iets niet in de aanmelding? Of weet u niets van deze aanmelding? Zeg het ons dan als wij contact met u opnemen.'],
    },
  ];
  const footer = `U krijgt deze e-mail omdat uw e-mailadres in de aanmelding staat. Wij gebruiken uw gegevens alleen om de monitor samen met uw regio uit te voeren. ${CONTACT_RETENTION_TEXT} Op deze e-mail kunt u niet reageren.`;
  return render(subject, intro, blocks, footer);
}

/** The commands an operator runs for a registration (npm run admin). */
export function adminCommands(regionId: string): string[] {
  return [
    `npm run admin -- regions show ${regionId}`,
    `npm run admin -- regions approve ${regionId}`,
    `npm run admin -- regions reject ${regionId} --reason "..."`,
  ];
}

/** To the operators: everything in the registration, the warnings, and the commands to decide. */
export function renderOperatorNotification(reg: Registration, warnings: readonly string[], regionId: string): RenderedEmail {
  const subject = `Nieuwe aanmelding: ${reg.regionName}`;
  const intro = [
    `Er is een nieuwe aanmelding voor de monitor: ${regionPhrase(reg.regionName)}. Neem binnen ${RESPONSE_WORKING_DAYS} werkdagen contact op met beide contactpersonen.`,
    `Nummer van de regio: ${regionId}`,
    `Nummer van de aanmelding: ${reg.registrationId}`,
  ];
  const blocks: Block[] = [
    { heading: 'Aanmelding', rows: summaryRows(reg) },
    ...(warnings.length > 0
      ? [{ heading: 'Waarschuwingen', list: warnings, paragraphs: ['Bespreek deze punten met de contactpersonen voordat u de aanmelding goedkeurt.'] }]
      : [{ heading: 'Waarschuwingen', paragraphs: ['Geen: de gekozen gemeenten en samenwerkingsverbanden passen bij elkaar.'] }]),
    {
      heading: 'Wat moet u doen?',
      paragraphs: [
        'Bekijk de aanmelding, neem contact op met de contactpersonen en keur de aanmelding goed of af.',
      ],
      code: adminCommands(regionId),
    },
  ];
  const footer = 'U krijgt deze e-mail omdat u de Monitor AOJ beheert.';
  return render(subject, intro, blocks, footer);
}
