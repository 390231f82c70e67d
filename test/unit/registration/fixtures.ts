import { findGemeente, GEMEENTEN } from '../../../shared/areas/gemeenten.ts';
import { emptyState, type FlowState } from '../../../shared/registration/flow.ts';
import type { Registration } from '../../../shared/registration/validation.ts';

export const REGISTRATION_ID = '0b7f3c52-8a4e-4c1d-9f6a-2d5e8b1c4a77';
export const newId = () => REGISTRATION_ID;

/** A gemeente with its own main SWV PO and VO: a region that fits by construction (TESTDATA). */
export const home = findGemeente('GM0344')!;

/** A gemeente that shares neither SWV with `home`, to make a region that does not fit. */
export const far = GEMEENTEN.find((g) => !g.swvPoAll.includes(home.swvPo) && !g.swvVoAll.includes(home.swvVo))!;

export function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    registrationId: REGISTRATION_ID,
    regionName: 'Regio TESTDATA',
    gemeenten: [home.code],
    swvPo: [home.swvPo],
    swvVo: [home.swvVo],
    contactGemeenten: { name: 'Anna TESTDATA', role: 'Beleidsmedewerker jeugd', email: 'anna@gemeente.example', phone: '030 123 45 67' },
    contactSwv: { name: 'Bram TESTDATA', role: 'Directeur SWV', email: 'bram@swv.example' },
    bevestiging: true,
    ...overrides,
  };
}

/** The same registration as the form carries it. */
export function fullState(overrides: Partial<FlowState> = {}): FlowState {
  const r = registration();
  return {
    ...emptyState(),
    registrationId: r.registrationId,
    regionName: r.regionName,
    gemeenten: [...r.gemeenten],
    swvPo: [...r.swvPo],
    swvVo: [...r.swvVo],
    contactGemeenten: { ...r.contactGemeenten },
    contactSwv: { ...r.contactSwv },
    bevestiging: true,
    ...overrides,
  };
}

/** What each step of the form (1 to 6) posts for a registration, as a browser sends it. */
export function stepForms(reg: Omit<Registration, 'registrationId' | 'bevestiging'> & { bevestiging: boolean }): URLSearchParams[] {
  const contact = (side: 'contactGemeenten' | 'contactSwv') =>
    new URLSearchParams(Object.entries(reg[side]).map(([key, value]): [string, string] => [`${side}.${key}`, String(value)]));
  return [
    new URLSearchParams({ regionName: reg.regionName }),
    new URLSearchParams(reg.gemeenten.map((g): [string, string] => ['gemeenten', g])),
    new URLSearchParams([...reg.swvPo.map((c): [string, string] => ['swvPo', c]), ...reg.swvVo.map((c): [string, string] => ['swvVo', c])]),
    contact('contactGemeenten'),
    contact('contactSwv'),
    new URLSearchParams(reg.bevestiging ? { bevestiging: 'ja' } : {}),
  ].map((form) => {
    form.set('actie', 'volgende');
    return form;
  });
}
