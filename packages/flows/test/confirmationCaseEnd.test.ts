import { describeCase } from '../src/index.js';
import { CaseDriver } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

// flows.md "Deadlines": a final state holds no deadline, and the case records the day it ended.

const ENDED = '2026-03-19';
const applied = () =>
  CaseDriver.open('judicial-confirmation', aConfirmationIntake({ agreement: anInlineAgreement() }), '2026-03-16');
const underReview = () => applied().send('application.accepted', { acceptedOn: '2026-03-18' }, '2026-03-18');

describe('judicial confirmation: every way the case ends clears its periods and records the day', () => {
  it.each([
    [
      'withdrawn, before acceptance (CPL-Interp Art. 357)',
      () => applied(),
      'application.withdrawn',
      { rulingNo: 'R-1', deemed: false },
    ],
    [
      'withdrawn, under review (CPL-Interp Art. 357)',
      underReview,
      'application.withdrawn',
      { rulingNo: 'R-3', deemed: true },
    ],
    [
      'not accepted (CPL-Interp Art. 355)',
      () => applied(),
      'application.rejected',
      { reason: 'noJurisdiction', rulingNo: 'R-2' },
    ],
    [
      'dismissed (CPL-Interp Art. 358)',
      underReview,
      'application.dismissed',
      { reason: 'involuntary', rulingNo: 'R-9' },
    ],
    ['confirmed (CPL Art. 206)', underReview, 'agreement.confirmed', { rulingNo: 'R-5', ruledOn: ENDED }],
  ])('%s: no deadline left, endedOn the day', (_name, start, type, payload) => {
    const before = start();
    expect(describeCase(before.snapshot).deadlines.length).toBeGreaterThan(0);
    const c = before.send(type, payload, ENDED);
    expect(describeCase(c.snapshot)).toMatchObject({ final: true, deadlines: [] });
    expect(c.context.endedOn).toBe(ENDED);
  });
});
