import type { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/DomainError.js';
import { passwordProblem } from '../users/passwordRule.js';
import { User } from '../users/user.entity.js';
import { setPassword } from '../users/users.service.js';
import { CommandError } from './commandError.js';

/** Sets one user's password under the one password rule; an unknown username changes nothing. */
export async function resetPassword(dataSource: DataSource, username: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new CommandError(`the new password ${problem}; nothing was changed`);
  const changed = await setPassword(dataSource.getRepository(User), [username], password).catch((error: unknown) => {
    throw error instanceof DomainError ? new CommandError(error.message) : error;
  });
  if (!changed.length) throw new CommandError(`no user "${username}"; nothing was changed`);
}
