import { describe, expect, it } from 'vitest';
import { readingOf, type ResultsWithoutReading } from '../../../shared/benchmark/reading.ts';
import { sampleRegionResults } from '../../fixtures/benchmark/region-results.ts';

function fixture(): ResultsWithoutReading {
  const { reading: _reading, ...rest } = sampleRegionResults();
  return structuredClone(rest);
}

describe('readingOf', () => {
  // The fixture: Beleid 3,2 / 3,5 / 3,8 (earlier 3,0 / 3,1 / 3,2), Uitvoering 3,6 / 3,9 / 4,2
  // (earlier 3,4 / 3,5 / 3,6), Ouders en jongeren hidden.
  it('names the highest and lowest shown theme score', () => {
    const r = readingOf(fixture());
    expect(r.find((x) => x.kind === 'hoogste-thema')!.text).toBe(
      'Het hoogst scoort het thema "Tevredenheid over de samenwerking" bij de groep Uitvoering: 4,2 op een schaal van 1 tot 5.',
    );
    expect(r.find((x) => x.kind === 'laagste-thema')!.text).toBe(
      'Het laagst scoort het thema "Samenwerking: werkwijze, proces en afspraken" bij de groep Beleid: 3,2 op een schaal van 1 tot 5.',
    );
  });

  it('names the largest gap between groups on one theme (ties: the first theme)', () => {
    const r = readingOf(fixture());
    expect(r.find((x) => x.kind === 'grootste-verschil-groepen')!.text).toBe(
      'Het grootste verschil tussen de groepen is er bij het thema "Samenwerking: werkwijze, proces en afspraken": de groep Uitvoering geeft gemiddeld 3,6, de groep Beleid 3,2. Dat is een verschil van 0,4 punt.',
    );
    const f = fixture();
    const score = f.groups[1]!.themes[1]!.score;
    if (score.shown) score.value.mean = 4.44;
    expect(readingOf(f).find((x) => x.kind === 'grootste-verschil-groepen')!.text).toContain('"Zicht op samenhang in de hulp": de groep Uitvoering geeft gemiddeld 4,4, de groep Beleid 3,5. Dat is een verschil van 0,9 punt.');
  });

  it('names the largest change since the previous round, up or down', () => {
    expect(readingOf(fixture()).find((x) => x.kind === 'grootste-verandering')!.text).toBe(
      'De grootste verandering sinds de vorige ronde is er bij het thema "Tevredenheid over de samenwerking" bij de groep Beleid: van 3,2 naar 3,8. Dat is 0,6 punt hoger.',
    );
    const f = fixture();
    const before = f.groups[1]!.themes[0]!.earlier[0]!.score;
    if (before.shown) before.value.mean = 4.9;
    expect(readingOf(f).find((x) => x.kind === 'grootste-verandering')!.text).toBe(
      'De grootste verandering sinds de vorige ronde is er bij het thema "Samenwerking: werkwijze, proces en afspraken" bij de groep Uitvoering: van 4,9 naar 3,6. Dat is 1,3 punt lager.',
    );
  });

  it('uses only shown scores: a hidden score is never named or compared', () => {
    const f = fixture();
    // Hide the highest score and the earlier score of the largest change.
    f.groups[1]!.themes[2]!.score = { shown: false, reason: 'te-weinig-antwoorden' };
    f.groups[0]!.themes[2]!.earlier[0]!.score = { shown: false, reason: 'aanvullend-verborgen' };
    const r = readingOf(f);
    expect(r.find((x) => x.kind === 'hoogste-thema')!.text).toContain('"Zicht op samenhang in de hulp" bij de groep Uitvoering: 3,9');
    expect(r.find((x) => x.kind === 'grootste-verandering')!.text).toContain('van 3,1 naar 3,5. Dat is 0,4 punt hoger.');
    expect(r.map((x) => x.text).join(' ')).not.toMatch(/Ouders en jongeren|4,2/);
    // A theme shown in one group only has no gap.
    const g = fixture();
    for (const t of g.groups[0]!.themes) t.score = { shown: false, reason: 'te-weinig-antwoorden' };
    expect(readingOf(g).some((x) => x.kind === 'grootste-verschil-groepen')).toBe(false);
  });

  it('says nothing when nothing can be said', () => {
    const f = fixture();
    for (const g of f.groups) for (const t of g.themes) t.score = { shown: false, reason: 'te-weinig-antwoorden' };
    expect(readingOf(f)).toEqual([]);
    const one = fixture();
    one.groups = [one.groups[0]!];
    for (const t of one.groups[0]!.themes.slice(1)) t.score = { shown: false, reason: 'te-weinig-antwoorden' };
    for (const t of one.groups[0]!.themes) t.earlier = [];
    expect(readingOf(one)).toEqual([]);
  });

  it('compares numbers as printed, so a sentence never contradicts itself', () => {
    const f = fixture();
    const [a, b] = [f.groups[0]!.themes[0]!.score, f.groups[1]!.themes[0]!.score];
    if (a.shown) a.value.mean = 3.24; // printed 3,2
    if (b.shown) b.value.mean = 3.76; // printed 3,8: the difference is 0,6, not 0,52
    expect(readingOf(f).find((x) => x.kind === 'grootste-verschil-groepen')!.text).toContain('3,8, de groep Beleid 3,2. Dat is een verschil van 0,6 punt.');
  });
});
