/**
 * What the types of the flows catch. `@ts-expect-error` lines fail the typecheck (CI's
 * `pnpm run typecheck`) the day the compiler stops refusing them.
 */
import { flowSetup, violationIn } from '../src/flowSetup.js';
import { payloadOf } from '../src/flows/people-mediation/events.js';
import { COMMON_RULES } from '../src/index.js';

const accepted = { type: 'application.accepted', payload: { acceptedOn: '2026-03-02' }, today: '2026-03-03', host: {} };

describe('typed flows', () => {
  it('reads a payload typed from its event’s schema', () => {
    const payload = payloadOf(accepted, 'application.accepted');
    expect(payload.acceptedOn).toBe('2026-03-02');
    // @ts-expect-error a field the schema of application.accepted does not have
    expect(payload.acceptedAt).toBeUndefined();
  });

  it('refuses to read one event’s payload as another’s', () => {
    expect(() => payloadOf(accepted, 'agreement.signed')).toThrow(
      'the payload of application.accepted read as agreement.signed',
    );
    // @ts-expect-error not an event of people's mediation
    expect(() => payloadOf(accepted, 'petition.forwarded')).toThrow();
  });

  it('checks the guards a helper-built transition names against the setup', () => {
    const violation = violationIn<typeof flowSetup>();
    expect(violation('unknownParty', COMMON_RULES.UNKNOWN_PARTY)).toEqual({
      guard: 'unknownParty',
      actions: { type: 'ruleViolated', params: COMMON_RULES.UNKNOWN_PARTY },
    });
    // @ts-expect-error a typo in a guard name
    expect(violation('unknownPartyy', COMMON_RULES.UNKNOWN_PARTY).guard).toBe('unknownPartyy');
    // @ts-expect-error a parameterised guard without its params
    expect(violation('dateInFuture', COMMON_RULES.DATE_NOT_IN_FUTURE).guard).toBe('dateInFuture');
  });
});
