import { describe, expect, it } from 'vitest';
import { THEMES } from '../../shared/regioscan/definition.ts';
import { renderResultEmail } from '../../shared/regioscan/email.ts';
import type { ResultView } from '../../shared/regioscan/pages.ts';

const result: ResultView = {
  submissionId: '3f1c6c4e-5d43-4a8e-9a35-2f7f0c2d9b11',
  gemeente: 'GM0344',
  rol: 'swv',
  createdAt: '2026-11-24T10:00:00.000Z',
  scores: [
    { themeId: 'samenwerking', score: 80, answered: 4, dontKnow: 0 },
    { themeId: 'speciaal-onderwijs', score: 55, answered: 3, dontKnow: 1 },
    { themeId: 'sturing', score: null, answered: 1, dontKnow: 3 },
    { themeId: 'afspraken', score: 10, answered: 4, dontKnow: 0 },
  ],
};
const url = 'https://monitor.example/api/regioscan/uitkomst/3f1c6c4e-5d43-4a8e-9a35-2f7f0c2d9b11';
const mail = renderResultEmail(result, url);

describe('Regioscan result email', () => {
  it('names the gemeente in the subject', () => {
    expect(mail.subject).toBe('Uw uitkomst van de Regioscan voor Utrecht');
  });

  it('gives the same scores, themes and pointers in both parts', () => {
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Score 80 van 100: Gaat goed');
      expect(part).toContain('Score 55 van 100: Op een aantal punten gaat het goed, op andere nog niet');
      expect(part).toContain('Geen score');
      expect(part).toContain('Score 10 van 100: Hier is nog veel te winnen');
      for (const theme of THEMES) {
        expect(part).toContain(theme.title);
        expect(part).toContain(theme.conversationPointers[0]!.slice(0, 40));
      }
      expect(part).toContain('24 november 2026');
    }
  });

  it('puts the full result URL on its own line in the text part', () => {
    expect(mail.text.split('\n')).toContain(url);
  });

  it('has one link, no images, no tracking and accessible markup', () => {
    expect(mail.html.match(/<a /g)).toHaveLength(1);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.html).not.toMatch(/utm_|pixel|track/i);
    expect(mail.html).toContain('<html lang="nl">');
    const tables = mail.html.match(/<table[^>]*>/g)!;
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t).toContain('role="presentation"');
  });

  it('escapes HTML in the data', () => {
    const evil = renderResultEmail({ ...result, gemeente: '<b>x</b>' }, url);
    expect(evil.html).not.toContain('<b>x</b>');
    expect(evil.html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
