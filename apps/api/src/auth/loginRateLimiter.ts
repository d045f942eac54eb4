import { DomainError } from '../common/errors/DomainError.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 50;

/**
 * Slows password guessing: 5 failed sign-ins per account and address, or 50 per address, in 15
 * minutes lock further attempts until the oldest failure ages out. In memory, per instance (a
 * shared store would be needed to count across instances; see docs/security.md).
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  check(address: string, username: string): void {
    for (const [key, limit] of this.keys(address, username)) {
      const recent = this.recent(key);
      if (recent.length >= limit) {
        const retryAfter = Math.ceil((recent[0]! + WINDOW_MS - this.now()) / 1000);
        throw new DomainError('TOO_MANY_REQUESTS', `too many failed sign-ins; try again in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
      }
    }
  }

  recordFailure(address: string, username: string): void {
    for (const [key] of this.keys(address, username)) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(address: string, username: string): void {
    this.failures.delete(`${address}|${username}`);
  }

  private keys(address: string, username: string): [string, number][] {
    return [
      [`${address}|${username}`, MAX_FAILURES_PER_ACCOUNT],
      [address, MAX_FAILURES_PER_ADDRESS],
    ];
  }

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
