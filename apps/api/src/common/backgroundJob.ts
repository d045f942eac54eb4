import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { PollingLoop } from './pollingLoop.js';

/**
 * A job every instance runs in the background when `JIEFEN_BACKGROUND_JOBS` is on (the deadline
 * scheduler, the outbox, the documents, the calendar's recomputations): one polling loop, started
 * at boot, stopped at shutdown once its pass in progress has finished. Tests turn the loops off and
 * call each job's own pass by hand, on the fixed clock.
 */
export abstract class BackgroundJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private readonly loop: PollingLoop;

  protected constructor(
    protected readonly config: AppConfig,
    name: string,
    failure: string,
  ) {
    this.logger = new Logger(name);
    this.loop = PollingLoop.polling(
      () => this.config.pollIntervalMs,
      { logger: this.logger, failure },
      () => this.pass(),
    );
  }

  /** One pass of the loop; true when more work is waiting, so that the next pass starts at once. */
  protected abstract pass(): Promise<boolean>;

  protected get isStopped(): boolean {
    return this.loop.isStopped;
  }

  onApplicationBootstrap(): void {
    if (this.config.backgroundJobs) this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
