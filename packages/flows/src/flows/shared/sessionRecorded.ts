import { effect, violation, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES } from '../../rules.js';

/**
 * `session.recorded { heldOn, summary }`: a mediation session held (PML Art. 27; SPC-Online
 * Art. 22), kept in `records.sessions`, with its record (调解记录 / 调解笔录) issued.
 */
export function sessionRecorded(): Record<'session.recorded', FlowTransition[]> {
  return {
    'session.recorded': [
      violation({ type: 'dateInFuture', params: { field: 'heldOn' } }, COMMON_RULES.DATE_NOT_IN_FUTURE),
      {
        actions: [
          { type: 'recordInList', params: { list: 'sessions', fields: ['heldOn', 'summary'] } },
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
