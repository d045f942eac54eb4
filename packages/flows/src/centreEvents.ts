import { field, type EventUnionOf } from './schema.js';
import type { EventSpec } from './flowDefinition.js';
import { PARTY_CORRECTED_PAYLOAD } from './flows/shared/partyCorrection.js';

/**
 * Events every flow accepts in every non-final state (flows.md "Three-level centres"), plus the
 * engine's `deadline.expired` and `deadline.recomputed`. They change the handling organisation,
 * supervision or a party's details, never the state.
 */
export const CENTRE_EVENTS = {
  'case.escalated': {
    titleZh: '上报',
    description: '上报: to an ancestor level (community → street → district → city)',
    by: ['supervisor', 'mediator', 'engine'],
    payload: field.object({ toOrganizationId: field.id(), reason: field.text() }),
  },
  'case.assigned': {
    titleZh: '指派',
    description: '指派: to a descendant, by a supervisor of an ancestor',
    by: ['supervisor'],
    payload: field.object({ organizationId: field.id(), reason: field.text() }),
  },
  'case.transferred': {
    titleZh: '吹哨报到',
    description: '吹哨报到: sideways to the competent department',
    by: ['supervisor'],
    payload: field.object({ organizationId: field.id(), reason: field.text() }),
  },
  'case.supervised': {
    titleZh: '督办',
    description: '督办: by a supervisor of an ancestor organisation, with a due date',
    by: ['supervisor'],
    payload: field.object({ instructions: field.text(), dueOn: field.date() }),
  },
  'supervision.answered': {
    titleZh: '督办反馈',
    description: '督办反馈: answers the open supervision order',
    by: ['supervisor', 'mediator', 'reception', 'court'],
    payload: field.object({ note: field.text() }),
  },
  'party.corrected': {
    titleZh: '更正当事人信息',
    description:
      '更正当事人信息: a party’s name, ID number, credit code, phone, address, agent, 民族 or occupation ' +
      'corrected; a correction of an issued document then prints them (docs/decisions/party-correction.md)',
    // The most it may be; each flow keeps those of these roles that open or handle its cases (defineFlow).
    by: ['reception', 'mediator', 'court'],
    payload: PARTY_CORRECTED_PAYLOAD,
  },
  'deadline.expired': {
    titleZh: '期限届满',
    description: 'sent by the engine once, when a running deadline’s last day has passed',
    by: ['engine'],
    payload: field.object({ kind: field.id() }),
  },
  'deadline.recomputed': {
    titleZh: '期限重算',
    description:
      '期限重算: sent by the engine when a calendar year loaded later moves or confirms a running ' +
      'deadline (CPL Art. 85; CC Art. 203)',
    by: ['engine'],
    payload: field.object({
      kind: field.id(),
      from: field.date(),
      to: field.date(),
      basis: field.text(),
      provisional: field.boolean(),
    }),
  },
} as const satisfies Record<string, EventSpec>;

/** The organisation fields of the centre events: each hands the case to the organisation it names. */
export const CENTRE_ORGANIZATION_FIELDS = { toOrganizationId: 'handling', organizationId: 'handling' } as const;

/** The centre events as `{ type, payload }`, payloads typed from their schemas. */
export type CentreEvent = EventUnionOf<typeof CENTRE_EVENTS>;
