import { anAdministrativeIntake } from './support/administrativeMediation.factories.js';
import { CaseDriver, refusal } from './support/factories.js';

// Outside any holiday and weekend, so that the 10th day is the last day as counted and
// a longer or shorter window gives a different answer (the Spring Festival tests cannot tell).
const DETERMINATION_RECEIVED = '2026-03-02'; // Monday
const DAY_10 = '2026-03-12'; // Thursday
const DAY_11 = '2026-03-13'; // Friday

const applyOn = (receivedOn: string) => () =>
  CaseDriver.open(
    'administrative-mediation',
    anAdministrativeIntake('trafficAccident', {
      determinationReceivedOn: DETERMINATION_RECEIVED,
      receivedOn: receivedOn,
    }),
    receivedOn,
  );

describe('traffic-accident application window (RTSL-Reg Art. 94; CPL Art. 85)', () => {
  it('RTSL-Reg Art. 94: the traffic application window is 10 days — an application on day 10 is taken', () => {
    expect(applyOn(DAY_10)().state).toBe('pendingAcceptance');
  });

  it('RTSL-Reg Art. 94: the traffic application window is 10 days — an application on day 11 is refused', () => {
    expect(refusal(applyOn(DAY_11))).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'TRAFFIC_APPLICATION_OUT_OF_TIME',
      basis: 'RTSL-Reg Art. 94; CPL Art. 85',
    });
  });
});
