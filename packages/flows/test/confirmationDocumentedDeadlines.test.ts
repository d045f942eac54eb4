import { getFlow } from '../src/index.js';

// flows.md "Deadlines": the deadlines a flow documents are read from the rule constants its machine
// starts them with, so the generated docs and the console cannot drift from the periods applied.

describe('judicial confirmation: the deadlines it documents, read from its rules', () => {
  // Its own four come first; the centre's (supervision, resolutionTarget) follow, from centreDeadlines.
  const documented = () => getFlow('judicial-confirmation').deadlines.slice(0, 4);

  it('SPC-Confirm-2011 Arts. 4, 5; CPL Art. 187: documents its own four deadlines, each with sort and basis', () => {
    expect(documented().map(({ kind, sort, basis }) => ({ kind, sort, basis }))).toEqual([
      { kind: 'acceptanceDecision', sort: 'target', basis: 'SPC-Confirm-2011 Art. 4' },
      { kind: 'reviewDecision', sort: 'target', basis: 'SPC-Confirm-2011 Art. 5' },
      { kind: 'specialProcedurePeriod', sort: 'target', basis: 'CPL Art. 187' },
      { kind: 'supplementDue', sort: 'target', basis: 'CPL-Interp Arts. 354, 356' },
    ]);
  });

  it('SPC-Confirm-2011 Arts. 4, 5; CPL Art. 187: states each length and what it runs from', () => {
    const [acceptance, review, special, supplement] = documented().map((d) => d.description);
    expect(acceptance).toMatch(/^3 days from `appliedOn`/);
    expect(review).toMatch(/^15 days from acceptance.*`review\.extended` adds up to 10 days once/);
    expect(special).toMatch(/^30 days from acceptance/);
    expect(supplement).toMatch(/the day the court set/);
  });
});
