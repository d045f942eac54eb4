import { anIntake, DEMO } from './support/factories.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/testApp.js';

/** The demo committee's mediator (梅园新村人民调解员), at the 梅园新村 committee. */
const COMMITTEE_MEDIATOR = '00000000-0000-4000-8000-0000000000a2';
const RECEPTION = '00000000-0000-4000-8000-0000000000a1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload });

async function awaitingMediator(overrides: Record<string, unknown> = {}): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake(overrides)).expect(201);
  await send(body.id, 'application.accepted').expect(200);
  return body.id;
}

async function addUser(username: string, role: string, organizationId: string): Promise<string> {
  const admin = await t.as('admin');
  const { body } = await admin
    .post('/api/v1/users')
    .send({ username, displayName: username, password: DEMO_PASSWORD, role, organizationId })
    .expect(201);
  return body.id;
}

async function refusedWith(id: string, mediatorId: string, chosenBy = 'committee') {
  const before = (await t.http.get(`/api/v1/cases/${id}`).expect(200)).body.version;
  const { body } = await send(id, 'mediator.assigned', { mediatorId, chosenBy }).expect(422);
  expect(body).toMatchObject({
    code: 'RULE_VIOLATED',
    rule: 'MEDIATOR_NOT_OF_ORGANIZATION',
    basis: 'PML Arts. 13, 19; SPC-Invited Art. 12',
    field: 'payload.mediatorId',
  });
  expect((await t.http.get(`/api/v1/cases/${id}`).expect(200)).body).toMatchObject({
    version: before,
    state: 'awaitingMediator',
  });
}

describe('mediator.assigned in people’s mediation', () => {
  it('refuses a mediatorId naming no user ("not-a-user", unknown uuid): 422 (PML Arts. 13, 19)', async () => {
    const id = await awaitingMediator();
    await refusedWith(id, 'not-a-user');
    await refusedWith(id, '00000000-0000-4000-8000-00000000ffff');
  });

  it('refuses a user who is not a mediator (PML Art. 13: a committee member or a person it hired)', async () => {
    await refusedWith(await awaitingMediator(), RECEPTION);
  });

  it('refuses a mediator of another organisation (PML Art. 19: the committee designates among its own)', async () => {
    const elsewhere = await addUser('xinjiekou.mediator', 'mediator', DEMO.xinjiekou);
    await refusedWith(await awaitingMediator(), elsewhere, 'parties');
  });

  it('refuses a disabled mediator of the committee itself (PML Art. 13)', async () => {
    const gone = await addUser('retired.mediator', 'mediator', DEMO.meiyuanCommittee);
    await (await t.as('admin')).patch(`/api/v1/users/${gone}`).send({ disabled: true }).expect(200);
    await refusedWith(await awaitingMediator(), gone);
  });

  it('accepts an active mediator of the handling committee, designated or chosen (PML Art. 19)', async () => {
    const id = await awaitingMediator();
    const { body } = await send(id, 'mediator.assigned', {
      mediatorId: COMMITTEE_MEDIATOR,
      chosenBy: 'parties',
    }).expect(200);
    expect(body).toMatchObject({
      state: 'mediating',
      records: { mediatorId: COMMITTEE_MEDIATOR, mediatorChosenBy: 'parties' },
    });
  });

  it('accepts a mediator of the committee attached to the handling street centre', async () => {
    const id = await awaitingMediator({ organizationId: DEMO.meiyuan });
    await send(id, 'mediator.assigned', { mediatorId: COMMITTEE_MEDIATOR, chosenBy: 'committee' }).expect(200);
  });

  it('answers 409 rather than 422 when the state does not accept the event at all', async () => {
    const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    expect(
      (await send(body.id, 'mediator.assigned', { mediatorId: 'not-a-user', chosenBy: 'committee' }).expect(409)).body
        .code,
    ).toBe('EVENT_NOT_ALLOWED');
  });
});

describe('mediator.assigned in delegated mediation', () => {
  async function delegatedAtStreet(): Promise<string> {
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
    const { body } = await court
      .post(`/api/v1/cases/${referral.id}/events`)
      .send({
        type: 'mediation.delegated',
        payload: { organizationId: DEMO.meiyuan, courtReference: '（2026）玄民诉前调123号' },
      })
      .expect(200);
    return body.linkedCases[0].id;
  }

  it('refuses a mediator outside the roster organisation, even court-designated (SPC-Invited Art. 12)', async () => {
    const elsewhere = await addUser('qinhuai.mediator', 'mediator', DEMO.qinhuai);
    await refusedWith(await delegatedAtStreet(), elsewhere, 'court');
  });

  it('accepts a mediator of the organisation the court delegated to (SPC-Invited Art. 12)', async () => {
    const id = await delegatedAtStreet();
    const { body } = await send(id, 'mediator.assigned', { mediatorId: COMMITTEE_MEDIATOR, chosenBy: 'court' }).expect(
      200,
    );
    expect(body.state).toBe('awaitingMediatorConfirmation');
  });
});
