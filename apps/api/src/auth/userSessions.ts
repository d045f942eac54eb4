import type pg from 'pg';
import { DomainError } from '../common/errors/DomainError.js';
import { UsersRepository } from '../users/users.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a verified token still speaks for its user. Every token names the `token_version` it
 * was issued under; disabling a user, or changing their role or organisation, bumps the version
 * (a trigger on `users`), so older tokens are refused from the next request on, on every instance.
 * One primary-key read per request: "at once" rules out a cache.
 */
export class UserSessions {
  private readonly users: UsersRepository;

  constructor(pool: pg.Pool) {
    this.users = new UsersRepository(pool);
  }

  async assertCurrent(userId: string, tokenVersion: unknown): Promise<void> {
    if (!UUID.test(userId) || typeof tokenVersion !== 'number') throw revoked();
    const state = await this.users.sessionState(userId);
    if (!state || state.disabled || state.tokenVersion !== tokenVersion) throw revoked();
  }
}

const revoked = () =>
  new DomainError(
    'UNAUTHENTICATED',
    'the token is no longer valid (the account was changed or disabled); sign in again',
  );
