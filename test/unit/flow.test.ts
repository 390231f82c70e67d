import { describe, expect, it } from 'vitest';
import { CHECK_STEP, EMAIL_STEP, TOTAL_STEPS, checkFormSubmission, emptyState, navigate, stateFromForm } from '../../shared/regioscan/flow.ts';
import { renderStepPage, STEP_ACTION, SUBMIT_ACTION } from '../../shared/regioscan/pages.ts';
import { matchRoute } from '../../shared/routes.ts';
import { answers } from '../helpers/fixtures.ts';

const newId = () => '3f1c6c4e-5d43-4a8e-9a35-2f7f0c2d9b11';
const full = () => ({ ...emptyState(), gemeente: 'GM0363', rol: 'gemeente', antwoorden: answers() });

describe('Regioscan steps', () => {
  it('has 7 steps: about you, 4 themes, check, email', () => {
    expect(TOTAL_STEPS).toBe(7);
    expect(CHECK_STEP).toBe(6);
    expect(EMAIL_STEP).toBe(7);
  });

  it('stays on a step with errors and moves on when it is complete', () => {
    const stay = navigate(1, { action: 'volgende' }, { ...emptyState(), rol: 'gemeente' }, newId);
    expect(stay.step).toBe(1);
    expect(stay.errors.map((e) => e.field)).toEqual(['gemeente']);
    const next = navigate(1, { action: 'volgende' }, { ...emptyState(), gemeente: 'GM0363', rol: 'gemeente' }, newId);
    expect(next).toMatchObject({ step: 2, errors: [] });
    expect(next.state.submissionId).toBe(newId());
  });

  it('goes back without checking, and "Wijzig" returns to the check page', () => {
    expect(navigate(3, { action: 'vorige' }, emptyState(), newId).step).toBe(2);
    const edit = navigate(CHECK_STEP, { action: 'wijzig', step: 3 }, { ...full(), submissionId: newId() }, newId);
    expect(edit.step).toBe(3);
    expect(edit.state.fromCheck).toBe(true);
    const back = navigate(3, { action: 'volgende' }, edit.state, newId);
    expect(back.step).toBe(CHECK_STEP);
    expect(back.state.fromCheck).toBe(false);
  });

  it('sends the respondent back to the first incomplete step before the check page', () => {
    const state = { ...full(), submissionId: newId(), antwoorden: { ...answers(), v06: '' } };
    delete (state.antwoorden as Record<string, string>).v06;
    const out = navigate(5, { action: 'volgende' }, state, newId);
    expect(out.step).toBe(3);
    expect(out.errors.map((e) => e.field)).toEqual(['antwoorden.v06']);
  });

  it('reads only known fields from a form and validates the final post', () => {
    const form = new URLSearchParams({ gemeente: 'GM0363', rol: 'gemeente', onbekend: 'x', ...answers(), toestemming: 'ja', submissionId: newId() });
    const state = stateFromForm(form);
    expect(state).not.toHaveProperty('onbekend');
    expect(checkFormSubmission(state)).toMatchObject({ ok: true });
    expect(checkFormSubmission({ ...state, toestemming: false })).toMatchObject({ ok: false, step: EMAIL_STEP });
  });

  it('posts to routes that exist in the route table', () => {
    expect(matchRoute('POST', STEP_ACTION)?.route.function).toBe('regioscanStep');
    expect(matchRoute('POST', SUBMIT_ACTION)?.route.function).toBe('regioscanSubmit');
    const page = renderStepPage(1, emptyState());
    expect(page).toContain(`action="${STEP_ACTION}"`);
    expect(page).toContain('Stap 1 van 7');
    expect(page).toContain('<title>Over u (stap 1 van 7)');
    expect(renderStepPage(EMAIL_STEP, full())).toContain(`action="${SUBMIT_ACTION}"`);
  });

  it('shows an error summary with links to the fields and "Fout:" in the title', () => {
    const out = navigate(2, { action: 'volgende' }, emptyState(), newId);
    const page = renderStepPage(out.step, out.state, out.errors);
    expect(page).toMatch(/<title>Fout: /);
    expect(page).toContain('href="#v01-1"');
    expect(page).toContain('id="v01-1"');
    expect(page).toContain('Kies een antwoord bij stelling 1.');
  });
});
