import {
  DONT_KNOW,
  MIN_ANSWERED_PER_THEME,
  THEMES,
  type AnswerValue,
  type ScoreBand,
  type Theme,
} from './definition.ts';

export type Answers = Record<string, AnswerValue>;

export interface ThemeScore {
  themeId: string;
  /** 0-100, or null when fewer than MIN_ANSWERED_PER_THEME statements got a real answer. */
  score: number | null;
  answered: number;
  dontKnow: number;
}

/** 1..5 on the scale becomes 0, 25, 50, 75, 100 points. */
export function pointsFor(value: AnswerValue): number | null {
  return value === DONT_KNOW.value ? null : (Number(value) - 1) * 25;
}

export function scoreTheme(theme: Theme, answers: Answers): ThemeScore {
  const points: number[] = [];
  let dontKnow = 0;
  for (const statement of theme.statements) {
    const value = answers[statement.id];
    if (value === undefined) continue;
    const p = pointsFor(value);
    if (p === null) dontKnow++;
    else points.push(p);
  }
  const score =
    points.length >= MIN_ANSWERED_PER_THEME ? Math.round(points.reduce((a, b) => a + b, 0) / points.length) : null;
  return { themeId: theme.id, score, answered: points.length, dontKnow };
}

export function scoreRegioscan(answers: Answers): ThemeScore[] {
  return THEMES.map((theme) => scoreTheme(theme, answers));
}

export function bandFor(theme: Theme, score: number): ScoreBand {
  return theme.bands.find((band) => score >= band.from) ?? theme.bands[theme.bands.length - 1]!;
}

export function themeById(id: string): Theme {
  const theme = THEMES.find((t) => t.id === id);
  if (!theme) throw new Error(`Unknown theme ${id}`);
  return theme;
}
