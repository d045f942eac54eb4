import type { DeadlineRule } from './deadlines.js';

/**
 * PML Art. 33; CPL Art. 205: 30 days from the agreement's effect to apply jointly for judicial
 * confirmation — one rule for the people's mediation window, the judicial confirmation's opening
 * check and the `confirmableUntil` an ending agreement records.
 */
export const CONFIRMATION_WINDOW: DeadlineRule = {
  kind: 'confirmationWindow',
  sort: 'window',
  basis: 'PML Art. 33; CPL Art. 205',
  length: 30,
  unit: 'day',
};
