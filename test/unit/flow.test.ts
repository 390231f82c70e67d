import { describe, expect, it } from 'vitest';
import { CHECK_STEP, EMAIL_STEP, TOTAL_STEPS, checkFormSubmission, cleanState, emptyState, mergeStep, navigate } from '../../shared/regioscan/flow.ts';
import { outcomePath, renderStepPage, sendPath, START_ACTION, stepPath } from '../../shared/regioscan/pages.ts';
import { matchRoute } from '../../shared/routes.ts';
import { answers } from '../helpers/fixtures.ts';

const id = '3f1c6c4e-5d43-4a8e-9a35-2f7f0c2d9b11';
const draftId = 'Q2hhbmdlIG1lIG5vdyEhIQ';
const full = () => ({ ...emptyState(), submissionId: id, gemeente: 'GM0363', rol: 'gemeente', antwoorden: answers() });

describe('Regioscan steps', () => {
  it('has 7 steps: about you, 4 themes, check, email', () => {
    expect(TOTAL_STEPS).toBe(7);
    expect(CHECK_STEP).toBe(6);
    expect(EMAIL_STEP).toBe(7);
  });

  it('stays on a step with errors and moves on when it is complete', () => {
    const stay = navigate(1, { action: 'volgende' }, { ...emptyState(), rol: 'gemeente' });
    expect(stay.step).toBe(1);
    expect(stay.errors.map((e) => e.field)).toEqual(['gemeente']);
    const next = navigate(1, { action: 'volgende' }, { ...emptyState(), gemeente: 'GM0363', rol: 'gemeente' });
    expect(next).toMatchObject({ step: 2, errors: [] });
  });

  it('goes back without checking, and a step opened from the check page returns there', () => {
    expect(navigate(3, { action: 'vorige' }, emptyState()).step).toBe(2);
    const back = navigate(3, { action: 'volgende' }, { ...full(), fromCheck: true });
    expect(back.step).toBe(CHECK_STEP);
    expect(back.state.fromCheck).toBe(false);
  });

  it('sends the respondent back to the first incomplete step before the check page', () => {
    const state = full();
    delete (state.antwoorden as Record<string, string>).v06;
    const out = navigate(5, { action: 'volgende' }, state);
    expect(out.step).toBe(3);
    expect(out.errors.map((e) => e.field)).toEqual(['antwoorden.v06']);
  });

  it('a posted step changes only its own fields; unknown fields are ignored', () => {
    const before = full();
    const form = new URLSearchParams({ gemeente: 'GM0599', v01: '5', v05: '', onbekend: 'x' });
    const after = mergeStep(before, 2, form);
    expect(after).not.toHaveProperty('onbekend');
    expect(after.gemeente).toBe('GM0363'); // not a field of step 2
    expect(after.antwoorden.v01).toBe('5');
    expect(after.antwoorden.v02).toBeUndefined(); // an empty or missing field of this step clears it
    expect(after.antwoorden.v05).toBe(before.antwoorden.v05); // step 3's answer stays
  });

  it('keeps only valid values in a draft', () => {
    const cleaned = cleanState({ ...full(), gemeente: 'GM9999', antwoorden: { ...answers(), v01: '<script>', v02: '9' } });
    expect(cleaned.gemeente).toBeUndefined();
    expect(cleaned.antwoorden).not.toHaveProperty('v01');
    expect(cleaned.antwoorden).not.toHaveProperty('v02');
    expect(cleaned.antwoorden.v03).toBe(answers().v03);
  });

  it('validates the final post; consent is a choice, not a condition', () => {
    expect(checkFormSubmission(full())).toMatchObject({ ok: true, submission: { toestemming: false } });
    expect(checkFormSubmission({ ...full(), toestemming: true })).toMatchObject({ ok: true, submission: { toestemming: true } });
    expect(checkFormSubmission({ ...full(), email: 'geen adres' })).toMatchObject({ ok: false, step: EMAIL_STEP });
  });

  it('posts and links to routes that exist in the route table', () => {
    expect(matchRoute('POST', START_ACTION)?.route.function).toBe('regioscanStep');
    expect(matchRoute('GET', stepPath(draftId, 3))?.route.function).toBe('regioscanStep');
    expect(matchRoute('POST', stepPath(draftId, 3))?.route.function).toBe('regioscanStep');
    expect(matchRoute('POST', sendPath(draftId))?.route.function).toBe('regioscanSubmit');
    expect(matchRoute('GET', outcomePath(draftId))?.route.function).toBe('regioscanResult');
    const page = renderStepPage(1, emptyState(), undefined);
    expect(page).toContain(`action="${START_ACTION}"`);
    expect(page).toContain('Stap 1 van 7');
    expect(page).toContain('<title>Over u (stap 1 van 7)');
    expect(renderStepPage(3, full(), draftId)).toContain(`action="${stepPath(draftId, 3)}"`);
    const email = renderStepPage(EMAIL_STEP, full(), draftId);
    expect(email).toContain(`action="${sendPath(draftId)}"`);
    expect(email).toContain(`formaction="${stepPath(draftId, EMAIL_STEP)}"`);
    // No answers travel in hidden fields any more.
    expect(renderStepPage(CHECK_STEP, full(), draftId)).not.toMatch(/type="hidden" name="v\d\d"/);
  });

  it('"Wijzig" on the check page is a link to the step, marked as coming from the check page', () => {
    const page = renderStepPage(CHECK_STEP, full(), draftId);
    expect(page).toContain(`href="${stepPath(draftId, 3)}?terug=controle"`);
    const step = renderStepPage(3, { ...full(), fromCheck: true }, draftId);
    expect(step).toContain('<input type="hidden" name="terug" value="controle">');
    expect(step).toContain('Naar controle');
  });

  it('shows an error summary with links to the fields and "Fout:" in the title', () => {
    const out = navigate(2, { action: 'volgende' }, emptyState());
    const page = renderStepPage(out.step, out.state, draftId, out.errors);
    expect(page).toMatch(/<title>Fout: /);
    expect(page).toContain('href="#v01-1"');
    expect(page).toContain('id="v01-1"');
    expect(page).toContain('Kies een antwoord bij stelling 1.');
  });
});
