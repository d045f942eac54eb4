import { judicialConfirmationV1 } from '../src/flows/judicial-confirmation/machine.js';
import {
  defineFlow,
  describeCase,
  getFlow,
  listFlows,
  registerFlow,
  sendEvent,
  startCase,
  UnknownFlowError,
} from '../src/index.js';
import { peopleMediationMachine, peopleMediationV1 } from '../src/flows/people-mediation/machine.js';
import { assign } from 'xstate';
import { startDeadline } from '../src/deadlines.js';
import { anIntake } from './support/factories.js';

describe('registry', () => {
  it('loads a machine file first without a load-time cycle', () => {
    expect(judicialConfirmationV1.id).toBe('judicial-confirmation');
    expect(getFlow('judicial-confirmation')).toBe(judicialConfirmationV1);
  });

  it('lists the six flows of the contract', () => {
    expect(
      listFlows()
        .map((f) => f.id)
        .sort(),
    ).toEqual(
      [
        'administrative-mediation',
        'court-referral',
        'delegated-mediation',
        'judicial-confirmation',
        'people-mediation',
        'petition',
      ].sort(),
    );
  });

  it('gives each flow’s statechart the flow’s id, so its state ids (#people-mediation.mediating) name the flow', () => {
    for (const flow of listFlows()) expect(flow.machine.id).toBe(flow.id);
  });

  it('throws UnknownFlowError for an unknown flow or version', () => {
    expect(() => getFlow('arbitration')).toThrow(UnknownFlowError);
    expect(() => getFlow('people-mediation', 99)).toThrow(UnknownFlowError);
  });

  it('keeps a case started on version 1 on version 1 after version 2 ships', () => {
    const started = startCase('people-mediation', anIntake(), { today: '2026-03-02' }).snapshot;
    // A hypothetical version 2 whose acceptance sets a 20-day period.
    const v2Machine = peopleMediationMachine.provide({
      actions: {
        startMediationPeriod: assign(({ context, event }) => ({
          acceptedOn: event.today,
          deadlines: startDeadline(
            context.deadlines,
            { kind: 'mediationPeriod', sort: 'limit', basis: 'v2', length: 20, unit: 'day' },
            event.today,
          ),
        })),
      },
    });
    registerFlow(
      defineFlow({ ...peopleMediationV1, version: 2, machine: v2Machine, events: peopleMediationV1.events }),
    );
    expect(getFlow('people-mediation').version).toBe(2);
    const next = sendEvent(started, { type: 'application.accepted' }, { today: '2026-03-02' }).snapshot;
    expect(next.flowVersion).toBe(1);
    expect(describeCase(next).flowVersion).toBe(1);
    expect(next.context.deadlines[0]).toMatchObject({ dueOn: '2026-04-02', basis: 'MoJ-2002 Art. 33' });
    const onV2 = startCase('people-mediation', anIntake(), { today: '2026-03-02' }).snapshot;
    expect(onV2.flowVersion).toBe(2);
    const acceptedOnV2 = sendEvent(onV2, { type: 'application.accepted' }, { today: '2026-03-02' }).snapshot;
    expect(acceptedOnV2.context.deadlines[0]).toMatchObject({ dueOn: '2026-03-23', basis: 'v2' });
  });

  it('refuses to replace a released version', () => {
    expect(() => registerFlow(peopleMediationV1)).toThrow(/already registered/);
  });
});
