import type { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/DomainError.js';
import { passwordProblem } from '../users/passwordRule.js';
import { User } from '../users/user.entity.js';
import { UserAccountsRepository } from '../users/userAccounts.repository.js';
import { setPassword } from '../users/users.service.js';
import { CommandError } from './commandError.js';

/**
 * Sets one user's password under the one password rule, and ends their sessions: a reset is
 * what follows a password that got out, so the tokens issued with it stop working at once
 * (their `token_version` moves on, see auth/userSessions.ts). An unknown username changes nothing.
 */
export async function resetPassword(dataSource: DataSource, username: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new CommandError(`the new password ${problem}; nothing was changed`);
  await dataSource.transaction(async (manager) => {
    const changed = await setPassword(manager.getRepository(User), [username], password).catch((error: unknown) => {
      throw error instanceof DomainError ? new CommandError(error.message) : error;
    });
    if (!changed.length) throw new CommandError(`no user "${username}"; nothing was changed`);
    await new UserAccountsRepository(manager).endSessions(username);
  });
}
