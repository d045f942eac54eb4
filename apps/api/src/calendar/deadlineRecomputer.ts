import { Inject, Injectable } from '@nestjs/common';
import { recomputeDeadline, yearsOfDeadline, type Deadline, type FlowEvent } from '@jiefen/flows';
import { DataSource } from 'typeorm';
import { CaseRunner } from '../cases/caseRunner.js';
import { Clock } from '../common/clock.js';
import { BackgroundJob } from '../common/backgroundJob.js';
import type { AppConfig } from '../config/config.js';
import { poolOf } from '../database/dataSource.js';
import { CalendarSync } from './calendarSync.js';
import { CalendarRecomputationsRepository, type OpenRecomputation } from './calendarRecomputations.repository.js';

const BATCH = 1_000;
/** Cases loaded and written together by one worker (one query to load, one statement to write). */
const CHUNK = 50;
const CONCURRENCY = 4;
const LEASE_MS = 60_000;
/**
 * How long after a year was loaded every instance is sure to count on it (a few polling
 * intervals): deadlines another instance wrote meanwhile, on the old calendar, are swept then.
 */
const SWEEP_AFTER_INTERVALS = 4;

export interface RecomputationPass {
  cases: number;
  events: number;
  failed: number;
}

/**
 * Recomputes the running deadlines a loaded or corrected calendar year touched (issue 11): for each
 * queued case, every running deadline whose count reached that year is counted again, and a changed
 * due date (or a provisional one made final) is written through the runner as `deadline.recomputed`
 * — an event in the case's trail, the durable timer moved in the same statement, the mediator told
 * when the date changed. Exactly once: the flow refuses a recomputation that changes nothing or that
 * was worked out from another due date, and queue items are claimed with a lease and SKIP LOCKED.
 */
@Injectable()
export class DeadlineRecomputer extends BackgroundJob {
  private readonly recomputations: CalendarRecomputationsRepository;

  constructor(
    dataSource: DataSource,
    private readonly runner: CaseRunner,
    private readonly calendar: CalendarSync,
    private readonly clock: Clock,
    @Inject('APP_CONFIG') config: AppConfig,
  ) {
    super(config, 'DeadlineRecomputer', 'deadline recomputation pass failed');
    this.recomputations = new CalendarRecomputationsRepository(poolOf(dataSource));
  }

  protected async pass(): Promise<boolean> {
    return (await this.runOnce()).cases > 0;
  }

  /** One pass over the open recomputations: claims and recomputes queued cases until none is left. */
  async runOnce(): Promise<RecomputationPass> {
    await this.calendar.refresh();
    const pass: RecomputationPass = { cases: 0, events: 0, failed: 0 };
    for (const job of await this.recomputations.open()) {
      // This instance has not loaded the version yet (it was stored after the refresh above).
      if ((this.calendar.versionOf(job.year) ?? 0) < job.version) continue;
      for (let batch = await this.claim(job); batch.length > 0 && !this.isStopped; batch = await this.claim(job)) {
        const chunks = Array.from({ length: Math.ceil(batch.length / CHUNK) }, (_, i) =>
          batch.slice(i * CHUNK, (i + 1) * CHUNK),
        );
        const done: string[] = [];
        let events = 0;
        await runConcurrently(chunks, CONCURRENCY, async (chunk) => {
          const written = await this.recompute(chunk, job);
          if (!written) return void (pass.failed += chunk.length);
          for (const [caseId, count] of written) {
            done.push(caseId);
            events += count;
          }
        });
        // The queue's bookkeeping, once per batch: an item left behind by a crash is claimed again
        // and finds nothing to change.
        await this.recomputations.dequeue(job.id, done);
        if (events) await this.recomputations.addEvents(job.id, events);
        pass.cases += done.length;
        pass.events += events;
      }
      await this.finish(job);
    }
    return pass;
  }

  /** Cases gone meanwhile are done too: `applyDerivedMany` finds no row and writes nothing for them. */
  private async recompute(caseIds: string[], job: OpenRecomputation): Promise<Map<string, number> | undefined> {
    try {
      const written = await this.runner.applyDerivedMany(
        caseIds,
        (snapshot) => recomputations(snapshot.context.deadlines, job),
        {
          calendarYear: job.year,
          calendarVersion: job.version,
        },
      );
      for (const caseId of caseIds) if (!written.has(caseId)) written.set(caseId, 0);
      return written;
    } catch (error) {
      this.logger.error(
        { err: error, year: job.year, cases: caseIds.length },
        'deadline recomputation failed; retried when its lease ends',
      );
      return undefined;
    }
  }

  private async claim(job: OpenRecomputation): Promise<string[]> {
    const now = this.clock.now();
    return this.recomputations.claimQueued(job.id, now, new Date(now.getTime() + LEASE_MS), BATCH);
  }

  /**
   * When the queue is empty: once every instance has surely loaded the year, queue the deadlines
   * written since the load (possibly counted on the old calendar by another instance) once more;
   * after that sweep has drained, the recomputation is done.
   */
  private async finish(job: OpenRecomputation): Promise<void> {
    if (await this.recomputations.hasQueued(job.id)) return;
    const now = this.clock.now();
    if (!job.sweptAt) {
      if (now.getTime() - job.createdAt.getTime() < SWEEP_AFTER_INTERVALS * this.config.pollIntervalMs) return;
      if (await this.recomputations.markSwept(job.id, now))
        await this.recomputations.enqueueTouching(job.id, job.year, job.createdAt);
      return;
    }
    await this.recomputations.markDone(job.id, now);
    this.logger.log({ year: job.year, version: job.version }, 'deadline recomputation done');
  }
}

/**
 * `deadline.recomputed` for each running deadline that touched the year and counts differently on
 * the calendar loaded now.
 */
function recomputations(deadlines: readonly Deadline[], job: OpenRecomputation): FlowEvent[] {
  const basis = `${job.noticeNumber} (${job.year} schedule, version ${job.version}); CPL Art. 85; CC Art. 203`;
  return deadlines
    .filter((d) => d.status === 'running' && yearsOfDeadline(d).includes(job.year))
    .flatMap((d) => {
      const next = recomputeDeadline(d);
      const unchanged =
        next.dueOn === d.dueOn && next.provisional === d.provisional && next.provisionalReason === d.provisionalReason;
      return unchanged
        ? []
        : [
            {
              type: 'deadline.recomputed',
              payload: { kind: d.kind, from: d.dueOn!, to: next.dueOn!, basis, provisional: next.provisional },
            },
          ];
    });
}

async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
