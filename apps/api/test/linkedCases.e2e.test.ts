import { aParty, anIntake, DEMO, ID_NUMBERS, writtenAgreement, DEMO_MEDIATOR } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload });
const asCourt = async (id: string, type: string, payload: Record<string, unknown> = {}) =>
  (await t.as('city-court')).post(`/api/v1/cases/${id}/events`).send({ type, payload });

describe('court referral with delegated mediation (诉调对接)', () => {
  async function delegated() {
    const { body: referral } = await t.http
      .post('/api/v1/cases')
      .send(
        anIntake({
          flow: 'court-referral',
          organizationId: DEMO.xuanwu,
          category: 'contract',
          summary: '货款纠纷，引导诉讼',
        }),
      )
      .expect(201);
    await send(referral.id, 'referral.submitted', { courtId: DEMO.xuanwuCourt }).expect(200);
    const response = await await asCourt(referral.id, 'mediation.delegated', {
      organizationId: DEMO.meiyuan,
      courtReference: '（2026）玄民诉前调123号',
    });
    expect(response.status).toBe(200);
    return { referral: response.body, childId: response.body.linkedCases[0].id as string };
  }

  it('opens the linked delegated-mediation case in the same transaction', async () => {
    const { referral, childId } = await delegated();
    expect(referral).toMatchObject({
      state: 'awaitingDelegatedMediation',
      linkedCases: [{ flowId: 'delegated-mediation', relation: 'opened' }],
    });
    const { body: child } = await t.http.get(`/api/v1/cases/${childId}`).expect(200);
    expect(child).toMatchObject({
      flow: { id: 'delegated-mediation' },
      state: 'awaitingMediator',
      organizationId: DEMO.meiyuan,
      linkedCases: [{ id: referral.id, relation: 'openedBy' }],
    });
    expect(child.parties.map((p: { name: string }) => p.name)).toEqual(['张三', '李四']);
  });

  it('answers a mediation.delegated retry (same Idempotency-Key) as the first time, linked case too', async () => {
    const { body: referral } = await t.http
      .post('/api/v1/cases')
      .send(
        anIntake({
          flow: 'court-referral',
          organizationId: DEMO.xuanwu,
          category: 'contract',
          summary: '货款纠纷，引导诉讼',
        }),
      )
      .expect(201);
    await send(referral.id, 'referral.submitted', { courtId: DEMO.xuanwuCourt }).expect(200);
    const court = await t.as('city-court');
    const delegation = {
      type: 'mediation.delegated',
      payload: { organizationId: DEMO.meiyuan, courtReference: '（2026）玄民诉前调124号' },
    };
    const first = await court
      .post(`/api/v1/cases/${referral.id}/events`)
      .set('Idempotency-Key', 'delegate-1')
      .send(delegation)
      .expect(200);
    const retry = await court
      .post(`/api/v1/cases/${referral.id}/events`)
      .set('Idempotency-Key', 'delegate-1')
      .send(delegation)
      .expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.body.linkedCases).toEqual([
      expect.objectContaining({ flowId: 'delegated-mediation', relation: 'opened' }),
    ]);
    expect(retry.body).toEqual(first.body);
    const { body: stored } = await court.get(`/api/v1/cases/${referral.id}`).expect(200);
    expect(stored.linkedCases).toEqual(first.body.linkedCases);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM cases WHERE parent_case_id = $1`, [
      referral.id,
    ]);
    expect(count).toBe(1);
  });

  it('sends mediation.concluded to the referral when the delegated mediation fails, atomically', async () => {
    const { referral, childId } = await delegated();
    await send(childId, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'court' }).expect(200);
    await send(childId, 'mediator.confirmed').expect(200);
    const ended = await send(childId, 'party.unreachable', { partyId: 'p2' }).expect(200);
    expect(ended.body).toMatchObject({ state: 'returnedForFiling', status: 'unresolved' });
    const { body: parent } = await t.http.get(`/api/v1/cases/${referral.id}`).expect(200);
    expect(parent.state).toBe('submitted');
    const { body: events } = await t.http.get(`/api/v1/cases/${referral.id}/events`).expect(200);
    expect(events.items.at(-1)).toMatchObject({
      type: 'mediation.concluded',
      payload: { outcome: 'failed' },
      actor: { role: 'engine' },
    });
  });
});

describe('judicial confirmation of a people’s mediation agreement (PML Art. 33; CPL Art. 205)', () => {
  async function agreedCase(effectiveOn: string) {
    const { body } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ receivedOn: '2026-01-05' }))
      .expect(201);
    await send(body.id, 'application.accepted', { acceptedOn: '2026-01-05' }).expect(200);
    await send(body.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' }).expect(200);
    await send(body.id, 'agreement.signed', writtenAgreement({ effectiveOn })).expect(200);
    return body.id as string;
  }

  const confirmationIntake = (linkedCaseId: string) =>
    anIntake({
      flow: 'judicial-confirmation',
      organizationId: DEMO.xuanwuCourt,
      category: 'neighbour',
      summary: '申请司法确认调解协议',
      linkedCaseId,
      parties: [
        aParty({ linkedPartyId: 'p1' }),
        aParty({ role: 'applicant', name: '李四', idNumber: ID_NUMBERS.li, linkedPartyId: 'p2' }),
      ],
    });

  it('opens a confirmation case on the linked agreement, linked both ways', async () => {
    const agreed = await agreedCase('2026-02-20');
    const { body } = await (
      await t.as('city-court')
    )
      .post('/api/v1/cases')
      .send(confirmationIntake(agreed))
      .expect(201);
    expect(body).toMatchObject({
      state: 'applied',
      flow: { id: 'judicial-confirmation' },
      linkedCases: [{ id: agreed, relation: 'continuesFrom' }],
    });
    expect(body.caseNumber).toMatch(/^（2026）玄调确字第\d{5}号$/);
    const { body: original } = await t.http.get(`/api/v1/cases/${agreed}`).expect(200);
    expect(original.linkedCases).toEqual([expect.objectContaining({ id: body.id, relation: 'continuedBy' })]);
  });

  it('refuses an application after the 30-day window: 422 CONFIRMATION_WINDOW_EXPIRED, nothing written', async () => {
    const agreed = await agreedCase('2026-01-20');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM cases');
    const response = await (
      await t.as('city-court')
    )
      .post('/api/v1/cases')
      .send(confirmationIntake(agreed))
      .expect(422);
    expect(response.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'CONFIRMATION_WINDOW_EXPIRED' });
    expect(response.body.basis).toMatch(/PML Art\. 33/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM cases')).toEqual(before);
  });

  it('refuses a linked case id that names no case with 400', async () => {
    const response = await (
      await t.as('city-court')
    )
      .post('/api/v1/cases')
      .send(confirmationIntake('6f1c2a7e-0000-4000-8000-000000000000'))
      .expect(400);
    expect(response.body.errors[0].field).toBe('linkedCaseId');
  });
});
