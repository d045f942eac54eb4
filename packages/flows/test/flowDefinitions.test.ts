import { getFlow } from '../src/index.js';

// What the host reads from each flow definition: who may open a case (flows.md "Who sends what":
// intake is reception's or the handling body's mediator's; a court opens what it registers) and
// the law the flow as a whole follows, printed on its docs page and GET /flows/:id.

describe('flow definitions: who opens a case, and the law each flow follows', () => {
  it.each([
    ['people-mediation', ['reception', 'mediator'], 'PML 2010; MoJ-2002; MDR Arts. 31, 38, 39; LDMAL Art. 14'],
    [
      'administrative-mediation',
      ['reception', 'mediator'],
      'RTSL Art. 74; RTSL-Reg Arts. 94-96; MDR Arts. 31, 40-41; CRPL Arts. 39, 46; SAMR rules Arts. 14, 21; ' +
        'PSAPL Arts. 9, 99',
    ],
    // SPC-Invited Art. 11: the court delegates before registering the case; the centre registers it too.
    [
      'delegated-mediation',
      ['reception', 'mediator', 'court'],
      'SPC-Invited 2016 Arts. 11-27; SPC-Online 2021 Arts. 10-26',
    ],
    [
      'court-referral',
      ['reception', 'mediator'],
      'CPL Arts. 122, 126, 127; CPL-Interp Art. 126; PML Art. 26; SPC-Invited Arts. 11, 21, 26; SPC-Online Art. 21',
    ],
    // A petition is registered by the petition office's reception staff (登记).
    ['petition', ['reception'], 'PC-Reg 2022 Arts. 19-24, 28-37'],
  ])('%s: opened by %j, citing its law', (flowId, openedBy, basis) => {
    expect(getFlow(flowId)).toMatchObject({ id: flowId, version: 1, openedBy, basis });
  });
});

describe('flow definitions: the organisation fields the host resolves', () => {
  // Every flow's handling organisation and the centre events' receiving one; a court or committee
  // a flow's own event names is a reference: checked to exist, the case stays where it is.
  const COMMON = { organizationId: 'handling', toOrganizationId: 'handling' };
  it.each([
    ['people-mediation', COMMON],
    ['administrative-mediation', { ...COMMON, courtId: 'reference' }],
    ['delegated-mediation', { ...COMMON, courtId: 'reference' }],
    ['court-referral', { ...COMMON, courtId: 'reference' }],
    ['judicial-confirmation', COMMON],
    [
      'petition',
      { ...COMMON, committeeId: 'reference', reviewOrganizationId: 'handling', rereviewOrganizationId: 'handling' },
    ],
  ])('%s: %j', (flowId, fields) => {
    expect(getFlow(flowId).organizationFields).toEqual(fields);
  });
});
