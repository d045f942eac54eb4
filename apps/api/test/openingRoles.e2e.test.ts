import { listFlows } from '@jiefen/flows';
import { intakeExampleOf } from '../src/openapi/intakeExample.js';
import { USER_ROLES, type UserRole } from '../src/users/user.entity.js';
import { FixedClock } from '../src/common/clock.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
beforeAll(async () => {
  // The examples' past dates are 2026-11-30 (openapi/payloadExample.ts): the day after, they are all past.
  t = await startTestApp({ clock: new FixedClock(new Date('2026-12-01T10:00:00+08:00')) });
});
afterAll(async () => {
  await t.close();
});

/** A user of the role at the city, above every organisation, so that only the role decides. */
const cityUser = (role: UserRole) => (role === 'admin' ? 'admin' : `city-${role}`);

/**
 * Who may open a case is read from the flow (`openedBy`), never from a list in the host: a flow
 * registered without it would answer 403 to everyone, and fails here instead.
 */
describe('opening a case of every registered flow over HTTP', () => {
  const flows = listFlows();

  it.each(flows.map((f) => [f.id, f] as const))('%s names at least one role that opens it', (_, flow) => {
    expect(flow.openedBy.length).toBeGreaterThan(0);
  });

  it.each(flows.flatMap((f) => USER_ROLES.map((role) => [f.id, role, f] as const)))(
    '%s: a %s opens it if and only if the flow’s openedBy names the role (403 otherwise)',
    async (_, role, flow) => {
      const response = await (await t.as(cityUser(role))).post('/api/v1/cases').send(intakeExampleOf(flow));
      if ((flow.openedBy as readonly string[]).includes(role)) {
        // Let through by the role; the flow then judges the intake itself (an opening rule may
        // still refuse the example).
        expect(
          response.status === 201 ? response.body.flow.id : [response.status, response.body.code, response.body.state],
        ).toEqual(response.status === 201 ? flow.id : [422, 'RULE_VIOLATED', '(opening)']);
      } else {
        expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN']);
      }
    },
  );
});
