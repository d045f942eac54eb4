import type { CaseStatus, MediationOutcome } from './vocabulary.js';

/** What an ended linked mediation reports to the case that opened it (`mediation.concluded`). */
export function mediationOutcomeOf(status: CaseStatus): MediationOutcome {
  if (status === 'resolved') return 'agreed';
  if (status === 'withdrawn') return 'withdrawn';
  return 'failed';
}
