import { effect, violation, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES } from '../../rules.js';

/**
 * `session.recorded { heldOn, summary, place?, presentPartyIds?, participants? }`: a mediation
 * session held (PML Art. 27; SPC-Online Art. 22), kept in `records.sessions`, with its record
 * (调解记录 / 调解笔录) issued. The parties present must be parties of the case (flows.md "Intake").
 */
const SESSION_FIELDS = ['heldOn', 'summary', 'place', 'presentPartyIds', 'participants'] as const;

export function sessionRecorded(): Record<'session.recorded', FlowTransition[]> {
  return {
    'session.recorded': [
      violation({ type: 'dateInFuture', params: { field: 'heldOn' } }, COMMON_RULES.DATE_NOT_IN_FUTURE),
      violation({ type: 'unknownPartyIn', params: { field: 'presentPartyIds' } }, COMMON_RULES.UNKNOWN_PARTY),
      {
        actions: [
          { type: 'recordInList', params: { list: 'sessions', fields: SESSION_FIELDS } },
          effect(({ event }) => ({
            type: 'document.issued',
            document: 'mediationRecord',
            details: { heldOn: event.payload.heldOn },
          })),
        ],
      },
    ],
  };
}
