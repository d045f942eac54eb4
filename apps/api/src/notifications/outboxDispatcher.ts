import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/config.js';
import { BackgroundJob } from '../common/backgroundJob.js';
import { poolOf } from '../database/dataSource.js';
import { NotificationSender, type OutboxMessage } from './notificationSender.js';
import { OutboxRepository } from './outbox.repository.js';

const BATCH = 100;
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * Delivers the outbox: claims pending rows with a lease (FOR UPDATE SKIP LOCKED, so instances
 * share the work), hands each to the sender, marks it delivered, or schedules a retry with
 * exponential backoff. A row is never lost: it stays until a send succeeds.
 */
@Injectable()
export class OutboxDispatcher extends BackgroundJob {
  private readonly outbox: OutboxRepository;

  constructor(
    dataSource: DataSource,
    private readonly sender: NotificationSender,
    private readonly clock: Clock,
    @Inject('APP_CONFIG') config: AppConfig,
  ) {
    super(config, 'OutboxDispatcher', 'outbox pass failed');
    this.outbox = new OutboxRepository(poolOf(dataSource));
  }

  /** A full batch means more is waiting: the next pass starts at once. */
  protected async pass(): Promise<boolean> {
    const { delivered, failed } = await this.dispatchOnce();
    return delivered + failed === BATCH;
  }

  /** One pass: deliver what is due now. Returns how many were delivered and how many failed. */
  async dispatchOnce(): Promise<{ delivered: number; failed: number }> {
    const now = this.clock.now();
    const rows = await this.outbox.claimDue(now, new Date(now.getTime() + LEASE_MS), BATCH);
    const delivered: string[] = [];
    let failed = 0;
    for (const row of rows) {
      const message: OutboxMessage = {
        id: row.id,
        caseId: row.caseId,
        kind: row.kind,
        recipient: row.recipient,
        payload: row.payload,
        attempt: row.attempts,
      };
      try {
        await this.sender.send(message);
        delivered.push(row.id);
      } catch (error) {
        const retryAt = new Date(this.clock.now().getTime() + backoffMs(row.attempts));
        await this.outbox.scheduleRetry(row.id, retryAt, String((error as Error)?.message ?? error).slice(0, 500));
        failed++;
      }
    }
    // One statement for the whole batch (not one per row: at a few thousand events a second the
    // per-row updates were most of the dispatcher's cost). A send whose mark is lost to a crash is
    // sent again after the lease, as before: delivery is at least once.
    if (delivered.length) {
      await this.outbox.markDelivered(delivered, this.clock.now());
    }
    if (failed)
      this.logger.warn(
        { failed, delivered: delivered.length },
        'some notifications could not be delivered; they will be retried',
      );
    return { delivered: delivered.length, failed };
  }
}

/** 2 s, 4 s, 8 s … up to an hour, with jitter so that retries from many rows spread out. */
export function backoffMs(attempts: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
