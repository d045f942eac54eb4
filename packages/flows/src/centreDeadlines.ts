import { documentDeadline } from './documentDeadline.js';
import type { DeadlineSpec } from './flowDefinition.js';

/** 督办: the due date a supervision order sets (PC-Reg Art. 40). */
export const SUPERVISION_DEADLINE = { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40 (督办)' } as const;

/**
 * The centre's own target for resolving a case at the handling organisation's level *(cfg)*; the
 * host passes length, unit and basis (HostFacts.resolutionTarget), so the documented basis is the policy's.
 */
export const RESOLUTION_TARGET = { kind: 'resolutionTarget', sort: 'target', basis: 'centre policy (cfg)' } as const;

/** Deadlines every case may carry whatever its flow: the centre's (flows.md "Three-level centres"). */
export const CENTRE_DEADLINES: readonly DeadlineSpec[] = [
  documentDeadline([SUPERVISION_DEADLINE], '督办 due date set by the supervising organisation'),
  documentDeadline(
    [RESOLUTION_TARGET],
    '化解时限: a centre’s time to resolve the case at its level (cfg, from the handling organisation); restarts when the ' +
      'case is escalated, assigned or transferred; met when an agreement takes effect; passing it marks the case ' +
      'overdue',
  ),
];
