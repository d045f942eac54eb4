import { getFlow } from '../src/index.js';

// flows.md "Deadlines": the deadlines people's mediation documents are read from the rule constants
// its machine starts them with; the centre's two follow, from centreDeadlines.

describe('people’s mediation: the deadlines it documents, read from its rules', () => {
  const documented = () => getFlow('people-mediation').deadlines;

  it('MoJ-2002 Art. 33; MDR Art. 38; LDMAL Art. 14; PML Arts. 31, 33: each deadline’s sort and basis', () => {
    expect(documented().map(({ kind, sort, basis }) => ({ kind, sort, basis }))).toEqual([
      // The month is the default a local period replaces (cfg); labour's is a target, named after its basis.
      { kind: 'mediationPeriod', sort: 'limit', basis: 'MoJ-2002 Art. 33 (cfg); MDR Art. 38; LDMAL Art. 14 (target)' },
      { kind: 'confirmationWindow', sort: 'window', basis: 'PML Art. 33; CPL Art. 205' },
      { kind: 'performanceDue', sort: 'target', basis: 'PML Art. 31' },
      { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40 (督办)' },
      { kind: 'resolutionTarget', sort: 'target', basis: 'centre policy (cfg)' },
    ]);
  });

  it('MoJ-2002 Art. 33; MDR Art. 38; LDMAL Art. 14: states each category’s length', () => {
    const [period, window] = documented().map((d) => d.description);
    expect(period).toMatch(
      /^1 month from acceptance.*medical 30 working days.*labour a target of 15 days from receipt/,
    );
    expect(window).toMatch(/^30 days from the agreement’s effect/);
  });
});
