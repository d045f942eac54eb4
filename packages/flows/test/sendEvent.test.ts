import {
  assign,
  createMachine,
  fromPromise,
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import { describeCase, field, getFlow, sendEvent, startCase, validateObject, type CaseSnapshot } from '../src/index.js';
import { pureInitialTransition, pureTransition, restoreSnapshot } from '../src/machineSnapshot.js';
import { anIntake, CaseDriver, roundTrip } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

const signed = {
  form: 'written',
  effectiveOn: '2026-03-10',
  terms: [{ obligorPartyId: 'p2', description: '修复排水管道', amount: '3000.00', dueOn: '2026-04-30' }],
  signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
};

/** People's mediation from intake to performance, each step as [type, payload, today]. */
const PEOPLE_MEDIATION_STEPS: [string, Record<string, unknown>, string][] = [
  ['application.accepted', {}, '2026-03-02'],
  ['mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03'],
  ['session.recorded', { heldOn: '2026-03-04', summary: '双方陈述意见' }, '2026-03-04'],
  ['agreement.signed', signed, '2026-03-10'],
  ['followUp.recorded', { note: '已开始修复' }, '2026-03-20'],
  ['performance.confirmed', {}, '2026-04-30'],
];

/** The snapshot before each step and the step, along the path above. */
function peopleMediationStates(): { before: CaseSnapshot; step: (typeof PEOPLE_MEDIATION_STEPS)[number] }[] {
  let snapshot = roundTrip(startCase('people-mediation', anIntake(), { today: '2026-03-02' }).snapshot);
  return PEOPLE_MEDIATION_STEPS.map((step) => {
    const before = snapshot;
    snapshot = roundTrip(sendEvent(before, { type: step[0], payload: step[1] }, { today: step[2] }).snapshot);
    return { before, step };
  });
}

/** What a transition decided, without xstate's executors: comparable with toEqual. */
const outcome = ([next, actions]: [AnyMachineSnapshot, { type: string; params?: unknown }[]]) => ({
  value: next.value,
  context: next.context,
  status: next.status,
  tags: [...next.tags].sort(),
  actions: actions.map((a) => ({ type: a.type, params: a.params })),
});

describe('sendEvent', () => {
  describe('description', () => {
    it.each(PEOPLE_MEDIATION_STEPS.map(([type]) => type))(
      'equals describeCase of the next snapshot after %s',
      (type) => {
        const { before, step } = peopleMediationStates().find((s) => s.step[0] === type)!;
        const result = sendEvent(before, { type, payload: step[1] }, { today: step[2] });
        expect(result.description).toEqual(describeCase(result.snapshot));
        expect(result.description).toEqual(describeCase(roundTrip(result.snapshot)));
      },
    );

    it('describes a final state the way describeCase does, and matches the case.ended effect', () => {
      const c = CaseDriver.open(
        'judicial-confirmation',
        aConfirmationIntake({ agreement: anInlineAgreement() }),
        '2026-03-16',
      ).send('application.accepted', { acceptedOn: '2026-03-18' }, '2026-03-18');
      const payload = { rulingNo: '(2026)京0105民特123号', ruledOn: '2026-03-20', servedOn: '2026-03-20' };
      const result = sendEvent(c.snapshot, { type: 'agreement.confirmed', payload }, { today: '2026-03-20' });
      expect(result.description).toEqual(describeCase(result.snapshot));
      expect(result.description).toMatchObject({
        state: 'confirmed',
        status: 'resolved',
        final: true,
        allowedEvents: [],
      });
      expect(result.effects).toContainEqual({ type: 'case.ended', status: 'resolved', outcome: 'agreed' });
    });

    it('follows a centre event that keeps the state (case.escalated)', () => {
      const c = CaseDriver.open('people-mediation', anIntake(), '2026-03-02');
      const result = sendEvent(
        c.snapshot,
        { type: 'case.escalated', payload: { toOrganizationId: 'org-district-1', reason: '案情复杂' } },
        { today: '2026-03-03', host: { targetRelation: 'ancestor' } },
      );
      expect(result.description).toEqual(describeCase(result.snapshot));
      expect(result.description.organizationId).toBe('org-district-1');
    });
  });

  describe('pure transitions', () => {
    it('reach what xstate’s transition() reaches, with the same actions, at every step', () => {
      const flow = getFlow('people-mediation');
      for (const { before, step } of peopleMediationStates()) {
        const current = restoreSnapshot(flow, before);
        const event = { type: step[0], payload: step[1], today: step[2], host: {} };
        expect(outcome(pureTransition(flow.machine, current, event))).toEqual(
          outcome(transition(flow.machine, current, event)),
        );
      }
    });

    it('return the rule violation as an action, as transition() does', () => {
      const flow = getFlow('people-mediation');
      const { before } = peopleMediationStates().find((s) => s.step[0] === 'agreement.signed')!;
      const current = restoreSnapshot(flow, before);
      const event = {
        type: 'agreement.signed',
        payload: { ...signed, signatures: { partyIds: ['p1'], mediator: true } },
        today: '2026-03-10',
        host: {},
      };
      const ours = outcome(pureTransition(flow.machine, current, event));
      expect(ours).toEqual(outcome(transition(flow.machine, current, event)));
      expect(ours.actions.map((a) => a.type)).toContain('ruleViolated');
    });

    it('open a case as xstate’s initialTransition() does', () => {
      const flow = getFlow('people-mediation');
      const input = { flowId: flow.id, flowVersion: flow.version, input: anIntake(), today: '2026-03-02', host: {} };
      expect(outcome(pureInitialTransition(flow.machine, input))).toEqual(
        outcome(initialTransition(flow.machine, input)),
      );
    });

    it('go through xstate’s transition() for a machine that invokes or spawns actors', () => {
      const invoking = createMachine({
        initial: 'idle',
        states: { idle: { on: { go: 'working' } }, working: { invoke: { src: fromPromise(async () => 1) } } },
      });
      const spawning: AnyStateMachine = createMachine({
        context: { child: null as unknown },
        initial: 'idle',
        states: {
          idle: {
            on: {
              go: {
                actions: assign({
                  child: ({ spawn }) =>
                    spawn(
                      fromPromise(async () => 1),
                      { systemId: 'worker' },
                    ),
                }),
              },
            },
          },
        },
      });
      for (const machine of [invoking, spawning]) {
        const idle = machine.resolveState({ value: 'idle', context: machine === spawning ? { child: null } : {} });
        // Twice: a spawned actor with a systemId must not collide with the one from the first call.
        for (let i = 0; i < 2; i++) {
          const [next] = pureTransition(machine, idle, { type: 'go' });
          expect(Object.keys(next.children)).toHaveLength(1);
          expect(next.value).toEqual(transition(machine, idle, { type: 'go' })[0].value);
        }
      }
    });
  });
});

describe('validateObject', () => {
  const spec = field.object({
    name: field.text({ maxLength: 5 }),
    code: field.optional(field.id({ pattern: '^[A-Z]+$' })),
    phone: field.optional(field.text({ format: 'phone' })),
    count: field.integer(1, 3),
    items: field.list(field.object({ on: field.date(), amount: field.optional(field.decimal()) }), { minItems: 1 }),
    flag: field.optional(field.boolean()),
  });

  it('accepts a valid value', () => {
    expect(
      validateObject(spec, {
        name: 'abc',
        code: 'AB',
        phone: '138 0013 8000',
        count: 2,
        items: [{ on: '2026-03-02' }],
      }),
    ).toEqual([]);
  });

  it('reports every problem with its path, in field order, unknown fields first', () => {
    const value = {
      extra: 1,
      name: 'abcdef',
      code: 'ab',
      phone: 'x',
      count: 1.5,
      items: [{ on: '2026-02-30', amount: '1.234', more: true }, 'x'],
      flag: 'yes',
    };
    expect(validateObject(spec, value, 'payload')).toEqual([
      { path: 'payload.extra', message: 'is not a known field' },
      { path: 'payload.name', message: 'must have at most 5 characters' },
      { path: 'payload.code', message: 'must match ^[A-Z]+$' },
      { path: 'payload.phone', message: 'is not a phone number' },
      { path: 'payload.count', message: 'must be a whole number' },
      { path: 'payload.items[0].more', message: 'is not a known field' },
      { path: 'payload.items[0].on', message: 'must be a real calendar date written YYYY-MM-DD' },
      {
        path: 'payload.items[0].amount',
        message: 'must be an amount in yuan written as a decimal string, e.g. "12000.50"',
      },
      { path: 'payload.items[1]', message: 'must be an object' },
      { path: 'payload.flag', message: 'must be true or false' },
    ]);
  });

  it('still refuses an impossible date after accepting real ones', () => {
    const dated = field.object({ on: field.date() });
    for (const on of ['2026-02-28', '2026-02-28', '2024-02-29']) expect(validateObject(dated, { on })).toEqual([]);
    for (const on of ['2026-02-29', '2026-2-28', 20260228]) {
      expect(validateObject(dated, { on })).toEqual([
        { path: 'on', message: 'must be a real calendar date written YYYY-MM-DD' },
      ]);
    }
    const c = CaseDriver.open('people-mediation', anIntake(), '2026-03-02');
    expect(c.attempt('application.accepted', {}, '2026-02-30')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('names missing fields, a list out of bounds, and the root', () => {
    expect(validateObject(spec, { count: 9, items: [] })).toEqual([
      { path: 'name', message: 'is required' },
      { path: 'count', message: 'must be between 1 and 3' },
      { path: 'items', message: 'must have at least 1 item(s)' },
    ]);
    expect(validateObject(spec, [])).toEqual([{ path: '(root)', message: 'must be an object' }]);
  });
});

describe('payload validation', () => {
  it('refuses a field named after an Object.prototype member', () => {
    const opened = startCase('people-mediation', anIntake(), { today: '2026-03-02' }).snapshot;
    expect(() =>
      sendEvent(
        opened,
        { type: 'application.accepted', payload: { constructor: 'x' } as never },
        { today: '2026-03-02' },
      ),
    ).toThrow(/constructor is not a known field/);
  });
});
