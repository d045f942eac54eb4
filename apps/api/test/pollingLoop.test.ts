import type { Logger } from '@nestjs/common';
import { PollingLoop } from '../src/common/pollingLoop.js';

function recordingLogger() {
  const errors: unknown[][] = [];
  return { errors, logger: { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger };
}

describe('PollingLoop (the background jobs’ poll)', () => {
  it('keeps polling after a failed pass: logs it and retries after the retry delay', async () => {
    const { errors, logger } = recordingLogger();
    let calls = 0;
    let resolveThird!: () => void;
    const third = new Promise<void>((resolve) => (resolveThird = resolve));
    const loop = new PollingLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error('database unreachable');
        if (calls === 3) resolveThird();
        return 1;
      },
      { logger, failure: 'pass failed', retryMs: () => 1 },
    );
    loop.start();
    await third;
    await loop.stop();
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]![1]).toBe('pass failed');
    expect((errors[0]![0] as { err: Error }).err.message).toBe('database unreachable');
  });

  it('stops: waits for the pass in progress and starts no other', async () => {
    const { logger } = recordingLogger();
    let calls = 0;
    let finishPass!: () => void;
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const loop = new PollingLoop(
      () => {
        calls++;
        started();
        return new Promise<number>((resolve) => (finishPass = () => resolve(0)));
      },
      { logger, failure: 'pass failed', retryMs: () => 0 },
    );
    loop.start();
    await firstStarted;
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(false);
    expect(loop.isStopped).toBe(true);
    finishPass();
    await stopping;
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(1);
  });
});
