import { describe, expect, it } from 'vitest';
import { ANSWER_SCALE, MIN_ANSWERED_PER_THEME, STATEMENTS, THEMES } from '../../shared/regioscan/definition.ts';
import { bandFor, pointsFor, scoreRegioscan, scoreTheme } from '../../shared/regioscan/scoring.ts';

const theme = THEMES[0]!;
const ids = theme.statements.map((s) => s.id);

describe('Regioscan definition', () => {
  it('has 4 themes of 4 statements with unique ids v01..v16', () => {
    expect(THEMES).toHaveLength(4);
    for (const t of THEMES) expect(t.statements).toHaveLength(4);
    expect(STATEMENTS.map((s) => s.id)).toEqual(Array.from({ length: 16 }, (_, i) => `v${String(i + 1).padStart(2, '0')}`));
  });

  it('gives every theme 4 bands from high to low and 2 or 3 conversation pointers', () => {
    for (const t of THEMES) {
      expect(t.bands.map((b) => b.from)).toEqual([80, 60, 40, 0]);
      expect(t.conversationPointers.length).toBeGreaterThanOrEqual(2);
      expect(t.conversationPointers.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('scoring', () => {
  it('maps the 5-point scale to 0, 25, 50, 75, 100 and "weet ik niet" to nothing', () => {
    expect(ANSWER_SCALE.map((a) => pointsFor(a.value))).toEqual([0, 25, 50, 75, 100]);
    expect(pointsFor('weet-niet')).toBeNull();
  });

  it('averages the answered statements and rounds', () => {
    const s = scoreTheme(theme, { [ids[0]!]: '5', [ids[1]!]: '4', [ids[2]!]: '4', [ids[3]!]: '1' });
    expect(s).toEqual({ themeId: theme.id, score: 63, answered: 4, dontKnow: 0 }); // (100+75+75+0)/4 = 62.5
  });

  it('leaves "weet ik niet" out of the average', () => {
    const s = scoreTheme(theme, { [ids[0]!]: '5', [ids[1]!]: '3', [ids[2]!]: 'weet-niet', [ids[3]!]: 'weet-niet' });
    expect(s).toEqual({ themeId: theme.id, score: 75, answered: 2, dontKnow: 2 });
  });

  it(`gives no score with fewer than ${MIN_ANSWERED_PER_THEME} real answers`, () => {
    const s = scoreTheme(theme, { [ids[0]!]: '5', [ids[1]!]: 'weet-niet', [ids[2]!]: 'weet-niet', [ids[3]!]: 'weet-niet' });
    expect(s.score).toBeNull();
    expect(s.dontKnow).toBe(3);
  });

  it('scores every theme separately', () => {
    const all = Object.fromEntries(STATEMENTS.map((s, i) => [s.id, i < 4 ? '5' : '1'] as const));
    expect(scoreRegioscan(all).map((s) => s.score)).toEqual([100, 0, 0, 0]);
  });

  it('puts band boundaries at 80, 60 and 40, with words that match the score', () => {
    const cases: [number, string][] = [
      [100, 'Gaat goed'],
      [80, 'Gaat goed'],
      [79, 'Gaat op veel punten goed'],
      [60, 'Gaat op veel punten goed'],
      [59, 'Op een aantal punten gaat het goed, op andere nog niet'],
      [50, 'Op een aantal punten gaat het goed, op andere nog niet'],
      [40, 'Op een aantal punten gaat het goed, op andere nog niet'],
      [39, 'Hier is nog veel te winnen'],
      [0, 'Hier is nog veel te winnen'],
    ];
    for (const t of THEMES) for (const [score, label] of cases) expect(bandFor(t, score).label, `${t.id} ${score}`).toBe(label);
    // A score of 50 (half of the points) is never called "goed" on its own.
    expect(bandFor(theme, 50).label).not.toMatch(/^Gaat (op veel punten )?goed$/);
  });
});
