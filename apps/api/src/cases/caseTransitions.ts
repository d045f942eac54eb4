import { Injectable } from '@nestjs/common';
import {
  EventNotAllowedError,
  RuleViolatedError,
  sendEvent,
  startCase,
  type CaseResult,
  type EventResult,
  type FlowEvent,
  type HostFacts,
} from '@jiefen/flows';
import { ENGINE_ACTOR, type Actor } from './actor.js';
import type { CaseChange } from './caseChange.js';
import { CaseChanges } from './caseChanges.js';
import { CaseHostFacts } from './caseHostFacts.js';
import type { CaseRow } from './caseRow.js';
import { PartyCorrections } from './partyCorrections.js';

/** One event applied: what the flow answered, and what it becomes in the database. */
export interface Step {
  result: EventResult;
  change: CaseChange;
}

export interface StepContext {
  at: Date;
  today: string;
  meta?: Record<string, unknown> | undefined;
}

/**
 * Apply: the one place the service calls the flows library to move a case (`startCase`,
 * `sendEvent`). It restores nothing and writes nothing: it turns a stored case and an event into
 * the steps to persist, each guarded by the version it was computed on.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly hostFacts: CaseHostFacts,
    private readonly changes: CaseChanges,
    private readonly corrections: PartyCorrections,
  ) {}

  open(flowId: string, intake: Record<string, unknown>, today: string, host: HostFacts): CaseResult {
    return startCase(flowId, intake, { today, host });
  }

  /**
   * The event a user (or the scheduler) sent, then what the centre's policy makes the engine do
   * next on the same case.
   */
  async event(row: CaseRow, event: FlowEvent, actor: Actor, o: StepContext): Promise<Step[]> {
    // A corrected party's personal data is digested before anything reads the result (PIPL Art. 51).
    const result = this.corrections.protect(
      sendEvent(row.snapshot, event, { today: o.today, host: await this.hostFacts.forEvent(row, event, actor) }),
      event,
    );
    const change = await this.changes.of(row, result, { event, actor, ...o });
    const first = { result, change: this.corrections.withCorrection(change, row, event) };
    const escalation = await this.hostFacts.autoEscalation(result);
    if (!escalation) return [first];
    const next: CaseRow = { ...row, version: row.version + 1, snapshot: result.snapshot };
    const escalated = sendEvent(result.snapshot, escalation.event, { today: o.today, host: escalation.host });
    return [
      first,
      {
        result: escalated,
        change: await this.changes.of(next, escalated, {
          event: escalation.event,
          actor: ENGINE_ACTOR,
          at: o.at,
          today: o.today,
        }),
      },
    ];
  }

  /** Events the engine sends on what is stored (`deadline.recomputed`, `mediation.concluded`), one after the other. */
  async engine(row: CaseRow, events: readonly FlowEvent[], o: StepContext): Promise<Step[]> {
    const steps: Step[] = [];
    let current = row;
    for (const event of events) {
      const result = sendEvent(current.snapshot, event, { today: o.today, host: {} });
      steps.push({ result, change: await this.changes.of(current, result, { event, actor: ENGINE_ACTOR, ...o }) });
      current = { ...current, version: current.version + 1, snapshot: result.snapshot };
    }
    return steps;
  }

  /** `engine` for one event, with the flow's refusal (the case moved on) as undefined: nothing to write. */
  async engineUnlessRefused(row: CaseRow, event: FlowEvent, o: StepContext): Promise<Step | undefined> {
    try {
      return (await this.engine(row, [event], o))[0];
    } catch (error) {
      if (isRefusal(error)) return undefined;
      throw error;
    }
  }
}

/** The flow's refusals of an event: the state does not accept it, or a rule does not hold. */
export function isRefusal(error: unknown): boolean {
  return error instanceof RuleViolatedError || error instanceof EventNotAllowedError;
}
