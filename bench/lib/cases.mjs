// Opening cases through the API and bringing them to people-mediation `mediating`.
import { performance } from 'node:perf_hooks';
import { HttpClient } from './http.mjs';

export const MEIYUAN_COMMITTEE = '00000000-0000-4000-8000-000000000031';
/**
 * The demo committee's mediator: mediator.assigned names an active mediator of the handling organisation (PML Art. 13).
 */
const COMMITTEE_MEDIATOR = '00000000-0000-4000-8000-0000000000a2';

const ID_NUMBERS = ['11010519491231002X', '32010619850312123X', '440304199001015672'];
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const CATEGORIES = ['neighbour', 'marriageFamily', 'property', 'contract', 'damages', 'consumer'];

export function intake(i, organizationId = MEIYUAN_COMMITTEE) {
  return {
    flow: 'people-mediation',
    category: CATEGORIES[i % CATEGORIES.length],
    summary: `楼上卫生间漏水，双方就维修费用发生纠纷（第${i}号）`,
    channel: 'walkIn',
    organizationId,
    parties: [
      {
        role: 'applicant',
        kind: 'person',
        name: `${SURNAMES[i % 10]}某`,
        idNumber: ID_NUMBERS[i % 3],
        phone: '13800138000',
      },
      {
        role: 'respondent',
        kind: 'person',
        name: `${SURNAMES[(i + 3) % 10]}某`,
        idNumber: ID_NUMBERS[(i + 1) % 3],
        phone: '13900139000',
      },
    ],
  };
}

/**
 * Opens `count` people-mediation cases as `token`'s user, accepts them and assigns a mediator,
 * with `concurrency` requests in flight. Returns the ids and how fast cases were opened.
 */
export async function openMediatingCases(baseUrl, token, count, { concurrency = 32, log = () => {} } = {}) {
  const ids = new Array(count);
  let next = 0;
  const t0 = performance.now();
  const workers = Array.from({ length: concurrency }, async () => {
    const http = new HttpClient(baseUrl, { token });
    while (next < count) {
      const i = next++;
      const opened = await http.post('/api/v1/cases', intake(i));
      if (opened.status !== 201) throw new Error(`opening a case failed: ${opened.status} ${opened.text}`);
      const id = opened.body.id;
      for (const [type, payload] of [
        ['application.accepted', {}],
        ['mediator.assigned', { mediatorId: COMMITTEE_MEDIATOR, chosenBy: 'committee' }],
      ]) {
        const res = await http.post(`/api/v1/cases/${id}/events`, { type, payload });
        if (res.status !== 200) throw new Error(`${type} failed: ${res.status} ${res.text}`);
      }
      ids[i] = id;
      if ((i + 1) % 1000 === 0) log(`  ${i + 1} cases open`);
    }
    http.close();
  });
  await Promise.all(workers);
  const seconds = (performance.now() - t0) / 1000;
  return { ids, seconds, requestsPerSecond: (count * 3) / seconds };
}

/** Opens `count` cases only (no events), as fast as `concurrency` clients can: the instance-start rate. */
export async function openCases(baseUrl, token, count, { concurrency = 64 } = {}) {
  let next = 0;
  const latencies = [];
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const http = new HttpClient(baseUrl, { token });
      while (next < count) {
        const i = next++;
        const s = performance.now();
        const res = await http.post('/api/v1/cases', intake(i));
        latencies.push(performance.now() - s);
        if (res.status !== 201) errors++;
      }
      http.close();
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { count, seconds, perSecond: count / seconds, errors, latencies };
}
