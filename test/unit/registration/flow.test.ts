import { describe, expect, it } from 'vitest';
import {
  CHECK_STEP,
  TOTAL_STEPS,
  checkFormSubmission,
  cleanState,
  emptyState,
  mergeStep,
  navigate,
  postedFields,
  stateFromForm,
  validateStep,
} from '../../../shared/registration/flow.ts';
import { REGISTRATION_ID, far, fullState, home, registration } from './fixtures.ts';

describe('registration steps', () => {
  it('has 7 steps, the check page last', () => {
    expect(TOTAL_STEPS).toBe(7);
    expect(CHECK_STEP).toBe(7);
  });

  it('stays on a step with errors and moves on when it is complete', () => {
    const stay = navigate(1, { action: 'volgende' }, emptyState());
    expect(stay.step).toBe(1);
    expect(stay.errors).toEqual([{ field: 'regionName', message: 'Vul de naam van uw regio in.' }]);
    const next = navigate(1, { action: 'volgende' }, { ...emptyState(), regionName: 'Regio TESTDATA' });
    expect(next).toMatchObject({ step: 2, errors: [] });
  });

  it('puts the errors of a checkbox group on the group', () => {
    const out = navigate(3, { action: 'volgende' }, fullState({ swvPo: [], swvVo: ['VO 99-99'] }));
    expect(out.step).toBe(3);
    expect(out.errors.map((e) => e.field)).toEqual(['swvPo', 'swvVo']);
  });

  it('checks a contact step with the field of that contact', () => {
    const errors = validateStep(5, fullState({ contactSwv: { name: 'Bram', email: 'fout' } }));
    expect(errors.map((e) => e.field)).toEqual(['contactSwv.role', 'contactSwv.email']);
    expect(validateStep(4, fullState())).toEqual([]);
  });

  it('goes back without checking, and "Wijzig" returns to the check page', () => {
    expect(navigate(3, { action: 'vorige' }, emptyState()).step).toBe(2);
    expect(navigate(1, { action: 'vorige' }, emptyState()).step).toBe(1);
    const edit = navigate(CHECK_STEP, { action: 'wijzig', step: 2 }, fullState());
    expect(edit).toMatchObject({ step: 2, errors: [] });
    expect(edit.state.fromCheck).toBe(true);
    const back = navigate(2, { action: 'volgende' }, edit.state);
    expect(back.step).toBe(CHECK_STEP);
    expect(back.state.fromCheck).toBe(false);
  });

  it('goes from the confirmation step to the check page only when every step is complete', () => {
    expect(navigate(6, { action: 'volgende' }, fullState()).step).toBe(CHECK_STEP);
    const out = navigate(6, { action: 'volgende' }, fullState({ gemeenten: [] }));
    expect(out.step).toBe(2);
    expect(out.errors.map((e) => e.field)).toEqual(['gemeenten']);
  });

  it('reads only known fields from a form, lists from repeated fields', () => {
    const form = new URLSearchParams([
      ['registrationId', REGISTRATION_ID],
      ['regionName', '  Regio TESTDATA '],
      ['gemeenten', home.code],
      ['gemeenten', ''],
      ['swvPo', home.swvPo],
      ['swvVo', home.swvVo],
      ['contactGemeenten.name', 'Anna TESTDATA'],
      ['contactGemeenten.role', 'Beleidsmedewerker jeugd'],
      ['contactGemeenten.email', 'anna@gemeente.example'],
      ['contactGemeenten.phone', '030 123 45 67'],
      ['contactSwv.name', 'Bram TESTDATA'],
      ['contactSwv.role', 'Directeur SWV'],
      ['contactSwv.email', 'bram@swv.example'],
      ['contactSwv.phone', '   '],
      ['bevestiging', 'ja'],
      ['onbekend', 'x'],
    ]);
    const state = stateFromForm(form);
    expect(state).not.toHaveProperty('onbekend');
    expect(state.gemeenten).toEqual([home.code]);
    expect(state.contactSwv).toEqual({ name: 'Bram TESTDATA', role: 'Directeur SWV', email: 'bram@swv.example' });
    const checked = checkFormSubmission(state);
    expect(checked).toEqual({ ok: true, registration: registration() });
  });

  it('sends a final post back to the first incomplete step', () => {
    expect(checkFormSubmission(fullState({ contactGemeenten: {}, bevestiging: false }))).toMatchObject({
      ok: false,
      step: 4,
      errors: [{ field: 'contactGemeenten.name' }, { field: 'contactGemeenten.role' }, { field: 'contactGemeenten.email' }],
    });
    expect(checkFormSubmission(fullState({ bevestiging: false }))).toMatchObject({ ok: false, step: 6, errors: [{ field: 'bevestiging' }] });
    expect(checkFormSubmission(fullState({ registrationId: undefined }))).toMatchObject({ ok: false, step: 1, errors: [{ field: 'registrationId' }] });
  });

  it('merges only the fields of the posted step into the saved answers', () => {
    const saved = fullState();
    const form = new URLSearchParams([
      ['gemeenten', far.code],
      ['regionName', 'Anders'],
      ['contactSwv.email', 'x@example.org'],
      ['bevestiging', ''],
    ]);
    const merged = mergeStep(saved, 2, form);
    expect(merged).toEqual({ ...saved, gemeenten: [far.code] });
    // No box ticked clears the list; an empty text clears the text.
    expect(mergeStep(saved, 3, new URLSearchParams()).swvPo).toEqual([]);
    expect(mergeStep(saved, 1, new URLSearchParams({ regionName: '  ' })).regionName).toBeUndefined();
    expect(mergeStep(saved, 5, new URLSearchParams({ 'contactSwv.name': 'C', 'contactGemeenten.name': 'D' }))).toEqual({ ...saved, contactSwv: { name: 'C' } });
    expect(mergeStep(saved, 6, new URLSearchParams()).bevestiging).toBe(false);
    expect(mergeStep(saved, CHECK_STEP, form)).toEqual(saved);
    expect(mergeStep(saved, 4, new URLSearchParams({ terug: 'controle' })).fromCheck).toBe(false);
  });

  it('keeps what a step posted, only its own fields, and keeps only known codes in the lists', () => {
    const form = new URLSearchParams([['gemeenten', home.code], ['gemeenten', 'GM9999'], ['regionName', 'x'], ['gemeenten', 'y'.repeat(400)]]);
    expect(postedFields(2, form)).toEqual([['gemeenten', home.code], ['gemeenten', 'GM9999'], ['gemeenten', 'y'.repeat(300)]]);
    expect(mergeStep(fullState(), 2, new URLSearchParams(postedFields(2, form))).gemeenten).toEqual([home.code, 'GM9999', 'y'.repeat(300)]);
    const clean = cleanState(fullState({ gemeenten: [home.code, 'GM9999', home.code], swvPo: [home.swvPo, home.swvVo], swvVo: ['VO 99-99'] }));
    expect(clean).toMatchObject({ gemeenten: [home.code], swvPo: [home.swvPo], swvVo: [] });
    expect(clean.regionName).toBe('Regio TESTDATA');
  });
});
