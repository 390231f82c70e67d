import { describe, expect, it } from 'vitest';
import { currentQuestionnaire } from '../../../shared/questionnaires/definition.ts';
import { MAX_EXTRA_QUESTIONS, itemsOf, roundQuestionnaireSchema, tailor, tailoringSchema } from '../../../shared/questionnaires/tailoring.ts';

const beleid = currentQuestionnaire('beleid');
const ouders = currentQuestionnaire('ouders-jongeren');
const likert = (text: string) => ({ text, type: 'likert' as const });
const open = (text: string) => ({ text, type: 'open' as const });

describe('tailoring ("Monitor op maat")', () => {
  it('without choices keeps every theme, item, background and open question', () => {
    const rq = tailor(beleid, tailoringSchema.parse({}));
    expect(rq).toMatchObject({ group: 'beleid', version: 1, title: beleid.title, address: 'u' });
    expect(rq.themes.map((t) => t.id)).toEqual(['samenwerking', 'samenhang', 'tevredenheid']);
    expect(itemsOf(rq).map((i) => i.id)).toEqual(beleid.themes.flatMap((t) => t.items.map((i) => i.id)));
    expect(rq.open.map((o) => o.id)).toEqual(beleid.open.map((o) => o.id));
    expect(rq.background).toEqual(beleid.background);
  });

  it('removes the omitted themes and their items', () => {
    const rq = tailor(beleid, tailoringSchema.parse({ omitThemes: ['samenhang', 'tevredenheid'] }));
    expect(rq.themes.map((t) => t.id)).toEqual(['samenwerking']);
    expect(itemsOf(rq).every((i) => i.id.startsWith('b-sw-'))).toBe(true);
  });

  it('puts extra likert questions in their own theme after the standard themes, and extra open questions after the open ones', () => {
    const t = tailoringSchema.parse({
      omitThemes: ['samenhang'],
      extraQuestions: [likert('  Ons thuiszittersoverleg werkt goed.  '), open('Wat vindt u van het nieuwe loket?'), likert('De wachttijd voor jeugdhulp is acceptabel.')],
    });
    const rq = tailor(beleid, t);
    expect(rq.themes.map((th) => th.id)).toEqual(['samenwerking', 'tevredenheid', 'regio']);
    const regio = rq.themes.at(-1)!;
    expect(regio.title).toBe('Vragen van uw regio');
    expect(regio.items).toEqual([
      { id: 'regio-1', text: 'Ons thuiszittersoverleg werkt goed.' },
      { id: 'regio-2', text: 'De wachttijd voor jeugdhulp is acceptabel.' },
    ]);
    expect(rq.open.map((o) => o.id)).toEqual(['b-open-1', 'b-open-2', 'regio-open-1']);
    expect(rq.open.at(-1)!.text).toBe('Wat vindt u van het nieuwe loket?');
    const items = itemsOf(rq);
    expect(items.at(-1)).toMatchObject({ id: 'regio-2', themeId: 'regio', number: items.length });
  });

  it('names the region theme with "je" for ouders en jongeren', () => {
    const rq = tailor(ouders, tailoringSchema.parse({ extraQuestions: [likert('Ik weet waar het jongerenloket is.')] }));
    expect(rq.address).toBe('je');
    expect(rq.themes.at(-1)!.title).toBe('Vragen van je regio');
    expect(rq.themes.at(-1)!.intro).not.toMatch(/\b(u|uw)\b/i);
  });

  it('refuses to leave out every theme', () => {
    const result = tailoringSchema.safeParse({ omitThemes: ['samenwerking', 'samenhang', 'tevredenheid'] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/minstens één thema/);
    expect(() => tailor(beleid, { omitThemes: ['samenwerking', 'samenhang', 'tevredenheid'], extraQuestions: [] })).toThrow();
  });

  it('refuses unknown themes and the same theme twice', () => {
    expect(tailoringSchema.safeParse({ omitThemes: ['sturing'] }).success).toBe(false);
    expect(tailoringSchema.safeParse({ omitThemes: ['samenhang', 'samenhang'] }).success).toBe(false);
  });

  it(`refuses more than ${MAX_EXTRA_QUESTIONS} extra questions`, () => {
    const five = Array.from({ length: 5 }, (_, i) => likert(`Eigen vraag nummer ${i + 1} van de regio.`));
    expect(tailoringSchema.safeParse({ extraQuestions: five }).success).toBe(true);
    const result = tailoringSchema.safeParse({ extraQuestions: [...five, open('Nog een vraag van de regio?')] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/hoogstens 5 eigen vragen/);
  });

  it('refuses a text that is too short (after trimming) or too long, and an unknown type', () => {
    const short = tailoringSchema.safeParse({ extraQuestions: [likert('   Kort?    ')] });
    expect(short.success).toBe(false);
    expect(short.error!.issues[0]!.message).toMatch(/minstens 10 tekens/);
    expect(tailoringSchema.safeParse({ extraQuestions: [likert('x'.repeat(301))] }).success).toBe(false);
    expect(tailoringSchema.safeParse({ extraQuestions: [{ text: 'Een vraag met een onbekend type.', type: 'cijfer' }] }).success).toBe(false);
  });

  it('makes a copy the round can store and read back', () => {
    const rq = tailor(ouders, tailoringSchema.parse({ extraQuestions: [open('Wat wil je nog kwijt over school?')] }));
    expect(roundQuestionnaireSchema.parse(JSON.parse(JSON.stringify(rq)))).toEqual(rq);
    expect(roundQuestionnaireSchema.safeParse({ ...rq, themes: [] }).success).toBe(false);
  });
});
