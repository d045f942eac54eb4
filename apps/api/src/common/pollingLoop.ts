import type { Logger } from '@nestjs/common';

/**
 * Runs `pass` again and again, one at a time, until stopped: the background jobs (deadline
 * scheduler, outbox dispatcher) poll Postgres this way on every instance. `pass` returns the delay
 * before the next pass (0 when it left work behind). A failed pass is logged and retried after
 * `retryMs`; it never stops the loop, because a timer that silently stops is a deadline missed.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<number>,
    private readonly options: { logger: Logger; failure: string; retryMs: () => number },
  ) {}

  /**
   * A loop that polls every `intervalMs()` (the configured polling interval), and at once again when
   * the pass reports more work waiting; a failed pass is retried after one interval.
   */
  static polling(
    intervalMs: () => number,
    options: { logger: Logger; failure: string },
    pass: () => Promise<boolean>,
  ): PollingLoop {
    return new PollingLoop(async () => ((await pass()) ? 0 : intervalMs()), { ...options, retryMs: intervalMs });
  }

  start(): void {
    this.schedule(0);
  }

  /** Stops polling; resolves when the pass in progress, if any, has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((error: unknown) => {
          this.options.logger.error({ err: error }, this.options.failure);
          return this.options.retryMs();
        })
        .then((next) => this.schedule(next));
    }, delay);
  }
}
