import { findGemeente } from '../areas/gemeenten.ts';
import type { RenderedEmail } from '../mail/rendered.ts';
import { esc, formatDate } from '../web/html.ts';
import { SITE_NAME } from '../web/layout.ts';
import { SCORING_RULE_TEXT } from './definition.ts';
import type { ResultView } from './pages.ts';
import { bandFor, themeById } from './scoring.ts';

export type { RenderedEmail };

/** What the email says per theme, in the order shown; both parts are built from this. */
interface EmailTheme {
  title: string;
  verdict: string;
  interpretation: string;
  pointers: readonly string[];
}

function emailThemes(result: ResultView): EmailTheme[] {
  return result.scores.map((s) => {
    const theme = themeById(s.themeId);
    if (s.score === null)
      return {
        title: theme.title,
        verdict: 'Geen score: te weinig stellingen beantwoord met eens of oneens.',
        interpretation: '',
        pointers: theme.conversationPointers,
      };
    const band = bandFor(theme, s.score);
    return {
      title: theme.title,
      verdict: `Score ${s.score} van 100: ${band.label}`,
      interpretation: band.interpretation,
      pointers: theme.conversationPointers,
    };
  });
}

/**
 * The Regioscan outcome email: an HTML part (single column, presentation tables, inline CSS) and a
 * plain-text part from the same data. No images, no tracking, one link to the result page.
 */
export function renderResultEmail(result: ResultView, resultUrl: string | undefined): RenderedEmail {
  const gemeente = findGemeente(result.gemeente)?.name ?? result.gemeente;
  const date = formatDate(result.createdAt);
  const subject = `Uw uitkomst van de Regioscan voor ${gemeente}`;
  const intro = `U heeft op ${date} de Regioscan ingevuld voor de gemeente ${gemeente}. Hieronder ziet u de uitkomst per thema, met punten om te bespreken in het overleg tussen gemeente en samenwerkingsverband (OOGO).`;
  const why = `U krijgt deze e-mail omdat u om de uitkomst vroeg toen u de Regioscan invulde. Wij hebben uw e-mailadres na het versturen verwijderd.${resultUrl ? '' : ' Uw antwoorden hebben wij niet bewaard: bewaar deze e-mail als u de uitkomst wilt houden.'} Op deze e-mail kunt u niet reageren.`;
  const themes = emailThemes(result);

  const text = [
    subject,
    '',
    intro,
    '',
    ...themes.flatMap((t, i) => [
      `${i + 1}. ${t.title}`,
      t.verdict,
      ...(t.interpretation ? [t.interpretation] : []),
      'Om te bespreken:',
      ...t.pointers.map((p) => `- ${p}`),
      '',
    ]),
    'Hoe wij de score berekenen:',
    SCORING_RULE_TEXT,
    '',
    ...(resultUrl ? ['Bekijk de uitkomst op de website:', resultUrl, ''] : []),
    why,
    '',
    SITE_NAME,
  ].join('\n');

  const font = "font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;";
  const p = (content: string, extra = '') => `<p style="${font}font-size:16px;line-height:1.5;margin:0 0 12px;${extra}">${content}</p>`;
  const themeRows = themes
    .map(
      (t, i) => `<tr><td style="padding:16px 0;border-top:1px solid #cccccc;">
<h2 style="${font}font-size:20px;margin:0 0 8px;">${i + 1}. ${esc(t.title)}</h2>
${p(`<strong>${esc(t.verdict)}</strong>`)}
${t.interpretation ? p(esc(t.interpretation)) : ''}
${p('Om te bespreken:', 'margin-bottom:4px;')}
<ul style="${font}font-size:16px;line-height:1.5;margin:0 0 0 20px;padding:0;">${t.pointers.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
</td></tr>`,
    )
    .join('\n');

  const htmlPart = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">
<tr><td align="center" style="padding:16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;border-collapse:collapse;">
<tr><td style="padding:0 0 16px;">
<p style="${font}font-size:14px;margin:0 0 8px;">${esc(SITE_NAME)}</p>
<h1 style="${font}font-size:24px;margin:0 0 12px;">${esc(subject)}</h1>
${p(esc(intro))}
</td></tr>
${themeRows}
<tr><td style="padding:16px 0;border-top:1px solid #cccccc;">
<h2 style="${font}font-size:20px;margin:0 0 8px;">Hoe wij de score berekenen</h2>
${p(esc(SCORING_RULE_TEXT))}
${resultUrl ? p(`<a href="${esc(resultUrl)}" style="color:#0b4f9c;text-decoration:underline;">Bekijk de uitkomst op de website</a>`) : ''}
${p(esc(why), 'font-size:14px;')}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;

  return { subject, html: htmlPart, text };
}
