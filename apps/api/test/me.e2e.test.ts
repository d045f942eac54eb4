import { anIntake, DEMO } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/me', () => {
  it('names the user, the role, the organisation and what the role may do', async () => {
    const reception = await t.as('reception');
    const response = await reception.get('/api/v1/me').expect(200);
    expect(response.body).toMatchObject({
      user: { username: 'reception', displayName: '梅园新村街道接待员' },
      role: 'reception',
      organization: { id: DEMO.meiyuan, name: expect.any(String) },
      permissions: { loadCalendarYears: false, manageUsers: false, readReports: false },
    });
    expect(response.body.permissions.openFlows).toEqual(expect.arrayContaining(['people-mediation', 'petition']));
    expect(response.body.permissions.openFlows).not.toContain('judicial-confirmation');
  });

  it('gives a court the judicial-confirmation events and an admin the calendar', async () => {
    const court = await (await t.as('court')).get('/api/v1/me').expect(200);
    expect(court.body.permissions.openFlows).toEqual(expect.arrayContaining(['judicial-confirmation']));
    expect(court.body.permissions.sendEvents['judicial-confirmation']).toEqual(
      expect.arrayContaining(['application.accepted', 'agreement.confirmed']),
    );
    const admin = await (await t.as('admin')).get('/api/v1/me').expect(200);
    expect(admin.body.permissions).toMatchObject({
      loadCalendarYears: true,
      manageUsers: true,
      addOrganizations: true,
      readReports: true,
    });
  });

  it('answers 401 without a token', async () => {
    await t.anonymous.get('/api/v1/me').expect(401);
  });
});

describe('allowedEvents of a case are the caller’s (issue 13)', () => {
  it('offers a mediator no engine events nor a supervisor’s assignment; flowAllowedEvents has them', async () => {
    const opened = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    expect(opened.body.allowedEvents).toContain('application.accepted');
    expect(opened.body.allowedEvents).not.toContain('deadline.expired');
    expect(opened.body.allowedEvents).not.toContain('case.assigned');
    expect(opened.body.flowAllowedEvents).toEqual(
      expect.arrayContaining(['application.accepted', 'deadline.expired', 'case.assigned']),
    );

    const read = await t.http.get(`/api/v1/cases/${opened.body.id}`).expect(200);
    expect(read.body.allowedEvents).toEqual(opened.body.allowedEvents);
    const supervisor = await (await t.as('city-supervisor')).get(`/api/v1/cases/${opened.body.id}`).expect(200);
    expect(supervisor.body.allowedEvents).toContain('case.assigned');
    expect(supervisor.body.allowedEvents).not.toContain('application.accepted');
  });

  it('narrows the answer to an event as well', async () => {
    const opened = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    const accepted = await t.http
      .post(`/api/v1/cases/${opened.body.id}/events`)
      .send({ type: 'application.accepted', payload: {} })
      .expect(200);
    expect(accepted.body.allowedEvents).toContain('mediator.assigned');
    expect(accepted.body.allowedEvents).not.toContain('deadline.expired');
    expect(accepted.body.flowAllowedEvents).toContain('deadline.expired');
  });
});

describe('what the console reads besides /me', () => {
  it('gives each deadline its calendar and working days left, on the case and in GET /deadlines', async () => {
    const opened = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    await t.http
      .post(`/api/v1/cases/${opened.body.id}/events`)
      .send({ type: 'application.accepted', payload: {} })
      .expect(200);
    // Accepted Monday 2 March 2026: one month to Thursday 2 April; 23 working days after today (no holiday between).
    const read = await t.http.get(`/api/v1/cases/${opened.body.id}`).expect(200);
    expect(read.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'mediationPeriod', dueOn: '2026-04-02', daysLeft: 31, workingDaysLeft: 23 }),
    ]);
    const listed = await t.http.get('/api/v1/deadlines?dueBefore=2026-04-02').expect(200);
    expect(listed.body.items.find((d: { caseId: string }) => d.caseId === opened.body.id)).toMatchObject({
      daysLeft: 31,
      workingDaysLeft: 23,
    });
  });

  it('counts an overdue deadline as negative working days', async () => {
    const opened = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    await t.http
      .post(`/api/v1/cases/${opened.body.id}/events`)
      .send({ type: 'application.accepted', payload: {} })
      .expect(200);
    t.clock.set(new Date('2026-04-07T10:00:00+08:00'));
    try {
      // 3 April (Fri) and 7 April (Tue) are working days; 4-6 April is the 2026 Qingming break.
      const read = await t.http.get(`/api/v1/cases/${opened.body.id}`).expect(200);
      expect(read.body.deadlines[0]).toMatchObject({ dueOn: '2026-04-02', daysLeft: -5, workingDaysLeft: -2 });
    } finally {
      t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
    }
  });

  it('names every event and state in Chinese and gives the whole intake schema', async () => {
    const flow = await t.http.get('/api/v1/flows/people-mediation').expect(200);
    expect(flow.body.events.find((e: { type: string }) => e.type === 'mediator.assigned')).toMatchObject({
      titleZh: '选定调解员',
    });
    expect(flow.body.states.find((s: { name: string }) => s.name === 'mediating')).toMatchObject({ titleZh: '调解中' });
    expect(flow.body.intakeSchema.required).toEqual(
      expect.arrayContaining(['category', 'summary', 'parties', 'channel', 'organizationId']),
    );
  });
});
