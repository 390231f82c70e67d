/**
 * The five-point agreement scale, the same words in the Regioscan and in every questionnaire, so a
 * respondent meets one scale and results can be read side by side. "Weet ik niet" is never on it.
 */
export const AGREEMENT_SCALE = [
  { value: '1', label: 'Helemaal oneens' },
  { value: '2', label: 'Oneens' },
  { value: '3', label: 'Niet eens, niet oneens' },
  { value: '4', label: 'Eens' },
  { value: '5', label: 'Helemaal eens' },
] as const;
