import { Inject, Injectable } from '@nestjs/common';
import { EventNotAllowedError, RuleViolatedError } from '@jiefen/flows';
import { addDays } from '@jiefen/legal-time';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { ENGINE_ACTOR, CaseRunner } from '../cases/caseRunner.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/DomainError.js';
import type { AppConfig } from '../config/config.js';
import { BackgroundJob } from '../common/backgroundJob.js';
import { poolOf } from '../database/dataSource.js';

const BATCH = 200;
const CONCURRENCY = 16;
const LEASE_MS = 60_000;
/** A deadline that fires this long after it fell due is recorded as late (the service was down or overloaded). */
export const LATE_AFTER_MS = 60_000;

interface Timer {
  caseId: string;
  kind: string;
  dueOn: string;
}

export interface SchedulerPass {
  fired: number;
  cancelled: number;
  failed: number;
  reminded: number;
}

/**
 * Fires `deadline.expired` for every running deadline whose last day is over (China time), through
 * the same runner as any other event. The deadline rows are the durable timers: written in the
 * statement that writes the event setting them, claimed here with a lease and `FOR UPDATE SKIP
 * LOCKED` so instances share the work. Exactly once: firing writes the event and the deadline's new
 * state in one statement guarded by the case version, and the flow refuses to expire a deadline
 * that is no longer running. A timer whose case moved on is cancelled, not fired.
 */
@Injectable()
export class DeadlineScheduler extends BackgroundJob {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly runner: CaseRunner,
    private readonly clock: Clock,
    @Inject('APP_CONFIG') config: AppConfig,
  ) {
    super(config, 'DeadlineScheduler', 'scheduler pass failed');
    this.pool = poolOf(dataSource);
  }

  /** A pass runs until no due timer is left, so the next one waits a whole interval. */
  protected async pass(): Promise<boolean> {
    await this.runOnce();
    return false;
  }

  /**
   * One pass: send the reminders due today, then fire every due deadline, CONCURRENCY at a time.
   * Batches are claimed ahead: when half a batch is left, the next is claimed while the rest fire,
   * so that the workers never wait for the slowest timer of a batch (with 100,000 timers due at
   * once, that wait cost about a fifth of the throughput). The pass ends when a claim comes back
   * short and the claimed timers have fired, or on shutdown.
   */
  async runOnce(): Promise<SchedulerPass> {
    const reminded = await this.sendReminders();
    const pass: SchedulerPass = { fired: 0, cancelled: 0, failed: 0, reminded };
    const queue: Timer[] = [];
    let more = true;
    let claiming: Promise<void> | undefined;
    let claimError: unknown;
    const topUp = (): Promise<void> | undefined => {
      if (!claiming && more && !this.isStopped && queue.length <= BATCH / 2) {
        claiming = this.claim()
          .then((claimed) => {
            queue.push(...claimed);
            more = claimed.length === BATCH;
          })
          .catch((error: unknown) => {
            more = false;
            claimError = error;
          })
          .finally(() => {
            claiming = undefined;
          });
      }
      return claiming;
    };
    const worker = async () => {
      for (;;) {
        const pending = topUp();
        const timer = queue.shift();
        if (timer) {
          pass[await this.fire(timer)]++;
        } else if (pending) {
          await pending;
        } else {
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (claimError) throw claimError;
    return pass;
  }

  private async claim(): Promise<Timer[]> {
    const now = this.clock.now();
    const { rows } = await this.pool.query({
      name: 'deadlines-claim',
      text: `UPDATE deadlines d SET claimed_until = $3
             FROM (SELECT case_id, kind FROM deadlines
                   WHERE status = 'running' AND due_on < $1 AND (claimed_until IS NULL OR claimed_until < $2)
                   ORDER BY due_on LIMIT $4 FOR UPDATE SKIP LOCKED) due
             WHERE d.case_id = due.case_id AND d.kind = due.kind
             RETURNING d.case_id, d.kind, d.due_on`,
      values: [this.clock.today(), now, new Date(now.getTime() + LEASE_MS), BATCH],
    });
    return rows.map((r) => ({ caseId: r.case_id, kind: r.kind, dueOn: r.due_on }));
  }

  private async fire(timer: {
    caseId: string;
    kind: string;
    dueOn: string;
  }): Promise<'fired' | 'cancelled' | 'failed'> {
    const dueAt = new Date(`${addDays(timer.dueOn, 1)}T00:00:00+08:00`);
    const lagMs = this.clock.now().getTime() - dueAt.getTime();
    try {
      await this.runner.apply(
        timer.caseId,
        { type: 'deadline.expired', payload: { kind: timer.kind } },
        {
          actor: ENGINE_ACTOR,
          meta: { dueOn: timer.dueOn, dueAt: dueAt.toISOString(), lagMs, late: lagMs > LATE_AFTER_MS },
        },
      );
      if (lagMs > LATE_AFTER_MS)
        this.logger.warn({ caseId: timer.caseId, kind: timer.kind, dueOn: timer.dueOn, lagMs }, 'deadline fired late');
      return 'fired';
    } catch (error) {
      if (
        error instanceof RuleViolatedError ||
        error instanceof EventNotAllowedError ||
        (error instanceof DomainError && error.code === 'CASE_NOT_FOUND')
      ) {
        await this.cancel(timer);
        return 'cancelled';
      }
      this.logger.error(
        { err: error, caseId: timer.caseId, kind: timer.kind },
        'deadline could not fire; it will be retried when its lease ends',
      );
      return 'failed';
    }
  }

  /** The case has moved on: the row no longer mirrors a running deadline on its snapshot. */
  private async cancel(timer: { caseId: string; kind: string; dueOn: string }): Promise<void> {
    await this.pool.query(
      `DELETE FROM deadlines d USING cases c
       WHERE d.case_id = $1 AND d.kind = $2 AND d.due_on = $3::date AND c.id = d.case_id
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.snapshot->'context'->'deadlines') x
                         WHERE x->>'kind' = $2 AND x->>'status' = 'running' AND x->>'dueOn' = $3::text)`,
      [timer.caseId, timer.kind, timer.dueOn],
    );
    this.logger.log({ caseId: timer.caseId, kind: timer.kind }, 'deadline cancelled: the case has moved on');
  }

  /** Reminders (e.g. 3 working days before a mediation period ends, notice to the parties), once each. */
  private async sendReminders(): Promise<number> {
    const { rowCount } = await this.pool.query({
      name: 'deadlines-remind',
      text: `WITH due AS (
               UPDATE deadlines SET reminded_on = $1
               WHERE status = 'running' AND reminded_on IS NULL AND remind_on <= $1 AND due_on >= $1
               RETURNING case_id, kind, due_on, organization_id)
             INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
             SELECT due.case_id, 'deadline.reminder', '{"type":"parties"}'::jsonb,
                    jsonb_build_object('caseNumber', c.case_number, 'deadline', due.kind, 'dueOn', due.due_on), $2, $2
             FROM due JOIN cases c ON c.id = due.case_id`,
      values: [this.clock.today(), this.clock.now()],
    });
    return rowCount ?? 0;
  }
}
