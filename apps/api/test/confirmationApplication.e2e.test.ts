import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { aParty, anIntake, DEMO, ID_NUMBERS, writtenAgreement } from './support/factories.js';
import { startTestApp, type Client, type TestApp } from './support/testApp.js';
import { bytes, pdfText } from './support/pdfText.js';

/**
 * The 司法确认申请书 (issue 15): a judicial confirmation opened by the court issues the joint
 * application as it was received, for the applicants to sign (CPL Art. 205; CPL-Interp Arts.
 * 353-354: identity, domicile and contact details of each applicant; SPC-Confirm-2011 Art. 3), naming
 * the agreement's date, the committee that mediated it and its case number. Over HTTP, real migrations.
 */
let t: TestApp;
let court: Client;
let producer: DocumentProducer;
beforeAll(async () => {
  t = await startTestApp();
  court = await t.as('court'); // the 玄武 basic court
  producer = t.app.get(DocumentProducer);
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload });

async function agreedCase() {
  const parties = [
    aParty({ address: '玄武区梅园新村17号502室' }),
    aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000' }),
  ];
  const { body } = await t.http.post('/api/v1/cases').send(anIntake({ parties })).expect(201);
  await send(body.id, 'application.accepted').expect(200);
  await send(body.id, 'mediator.assigned', {
    mediatorId: await t.mediatorAt(DEMO.meiyuanCommittee),
    chosenBy: 'committee',
  }).expect(200);
  await send(body.id, 'agreement.signed', writtenAgreement()).expect(200);
  return body as { id: string; caseNumber: string };
}

async function applicationText(caseId: string, documentId: string): Promise<string> {
  const response = await court
    .get(`/api/v1/cases/${caseId}/documents/${documentId}`)
    .buffer(true)
    .parse(bytes)
    .expect(200);
  if (process.env.JIEFEN_PROOF_DIR)
    writeFileSync(join(process.env.JIEFEN_PROOF_DIR, 'confirmation-application.pdf'), response.body as Buffer);
  return pdfText(response.body as Buffer);
}

it('CPL-Interp Arts. 353-354: opening a confirmation issues the 司法确认申请书: applicants, agreement, court', async () => {
  const mediation = await agreedCase();
  const { body: confirmation } = await court
    .post('/api/v1/cases')
    .send(
      anIntake({
        flow: 'judicial-confirmation',
        organizationId: DEMO.xuanwuCourt,
        summary: '申请司法确认调解协议',
        linkedCaseId: mediation.id,
        parties: [
          aParty({ linkedPartyId: 'p1', address: '玄武区梅园新村17号502室' }),
          aParty({ name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000', linkedPartyId: 'p2' }),
        ],
      }),
    )
    .expect(201);
  while ((await producer.produceOnce()).issued);

  const { body } = await court.get(`/api/v1/cases/${confirmation.id}/documents`).expect(200);
  const applications = (
    body.items as {
      id: string;
      kind: string;
      title: string;
      status: string;
      number: string | null;
      event: { type: string };
    }[]
  ).filter((d) => d.kind === 'application');
  expect(applications).toEqual([
    expect.objectContaining({
      title: '司法确认申请书',
      status: 'issued',
      number: null,
      event: expect.objectContaining({ type: 'case.opened' }),
    }),
  ]);
  const text = await applicationText(confirmation.id, applications[0]!.id);
  for (const field of [
    '司法确认申请书',
    '申请人：张三，性别：女',
    `身份证号码：${ID_NUMBERS.zhang}`,
    '住所：玄武区梅园新村17号502室',
    '联系电话：13800138000',
    '申请人：李四',
    `身份证号码：${ID_NUMBERS.li}`,
    '联系电话：13900139000',
    '请求事项',
    `经梅园新村街道人民调解委员会调解达成的调解协议有效（调解案号：${mediation.caseNumber}）`,
    '第二百零五条',
    '此致金陵市玄武区人民法院',
    '申请人（签名、盖章或按指印）：张三',
    '申请人（签名、盖章或按指印）：李四',
  ])
    expect(text).toContain(field);
});
