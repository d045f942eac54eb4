import { Inject, Injectable } from '@nestjs/common';
import { EventNotAllowedError, RuleViolatedError } from '@jiefen/flows';
import { addDays } from '@jiefen/legal-time';
import { DataSource } from 'typeorm';
import { ENGINE_ACTOR, CaseRunner } from '../cases/caseRunner.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/DomainError.js';
import type { AppConfig } from '../config/config.js';
import { BackgroundJob } from '../common/backgroundJob.js';
import { poolOf } from '../database/dataSource.js';
import { DeadlinesRepository, type DueTimer } from './deadlines.repository.js';

const BATCH = 200;
const CONCURRENCY = 16;
const LEASE_MS = 60_000;
/** A deadline that fires this long after it fell due is recorded as late (the service was down or overloaded). */
export const LATE_AFTER_MS = 60_000;

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
  private readonly deadlines: DeadlinesRepository;

  constructor(
    dataSource: DataSource,
    private readonly runner: CaseRunner,
    private readonly clock: Clock,
    @Inject('APP_CONFIG') config: AppConfig,
  ) {
    super(config, 'DeadlineScheduler', 'scheduler pass failed');
    this.deadlines = new DeadlinesRepository(poolOf(dataSource));
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
    const queue: DueTimer[] = [];
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

  private async claim(): Promise<DueTimer[]> {
    const now = this.clock.now();
    return this.deadlines.claimDue(this.clock.today(), now, new Date(now.getTime() + LEASE_MS), BATCH);
  }

  private async fire(timer: DueTimer): Promise<'fired' | 'cancelled' | 'failed'> {
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
  private async cancel(timer: DueTimer): Promise<void> {
    await this.deadlines.deleteIfCaseMovedOn(timer);
    this.logger.log({ caseId: timer.caseId, kind: timer.kind }, 'deadline cancelled: the case has moved on');
  }

  /** Reminders (e.g. 3 working days before a mediation period ends, notice to the parties), once each. */
  private async sendReminders(): Promise<number> {
    return this.deadlines.queueDueReminders(this.clock.today(), this.clock.now());
  }
}
