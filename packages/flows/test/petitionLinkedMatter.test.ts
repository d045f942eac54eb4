import { CaseDriver } from './support/factories.js';
import { aPetitionAt, aPetitionIntake } from './support/petition.factories.js';

// PC-Reg Art. 36: a matter concluded after re-review is not accepted again on the same facts and
// reasons, so a new petition linked to it opens with a warning — but only once it is concluded.

describe('petition: a petition linked to an earlier one (PC-Reg Art. 36)', () => {
  it('PC-Reg Art. 36: no MATTER_ALREADY_REREVIEWED warning while the linked petition is still under re-review', () => {
    const stillOpen = aPetitionAt('underRereview');
    const c = CaseDriver.open('petition', aPetitionIntake({ receivedOn: '2026-08-03' }), '2026-08-03', {
      linkedCase: stillOpen.snapshot,
    });
    expect(c.context.warnings).toEqual([]);
  });
});
