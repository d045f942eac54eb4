import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type Repository } from 'typeorm';
import { DEFAULT_CASE_NUMBER_PATTERNS } from '../organizations/caseNumberPattern.js';
import { Organization } from '../organizations/organization.entity.js';
import { passwordProblem } from '../users/passwordRule.js';
import { User } from '../users/user.entity.js';
import { UserAccountsRepository } from '../users/userAccounts.repository.js';
import { createUser } from '../users/users.service.js';
import { CommandError } from './commandError.js';

export interface CreateAdminOptions {
  username: string;
  displayName?: string;
  password: string;
  /** An existing organisation, or: */
  organizationId?: string;
  /** the name of a root (city) centre to create first, on a server with no organisation tree yet. */
  createCity?: string;
}

/** Any number: it only has to be the same for every run of `create-admin`. */
const CREATE_ADMIN_LOCK = 7_363_901;

/**
 * The first administrator, and with `createCity` the root centre: one transaction, so a refusal
 * leaves nothing behind (no second root centre). Concurrent runs queue on an advisory lock.
 */
export async function createAdmin(
  dataSource: DataSource,
  options: CreateAdminOptions,
): Promise<{ username: string; organizationId: string }> {
  const problem = passwordProblem(options.password);
  if (problem) throw new CommandError(`JIEFEN_ADMIN_PASSWORD ${problem}`);
  return dataSource.transaction(async (manager) => {
    await new UserAccountsRepository(manager).lockForCommand(CREATE_ADMIN_LOCK);
    const organizations = manager.getRepository(Organization);
    const users = manager.getRepository(User);
    if (await users.existsBy({ username: options.username })) {
      throw new CommandError(
        `a user "${options.username}" already exists; nothing was changed (to set their password: ` +
          `cli.js reset-password --username ${options.username})`,
      );
    }
    const organizationId = options.createCity
      ? await createCity(organizations, options.createCity)
      : options.organizationId!;
    if (!options.createCity && !(await organizations.existsBy({ id: organizationId }))) {
      throw new CommandError(`no organisation ${organizationId}; nothing was changed`);
    }
    const user = await createUser(users, {
      username: options.username,
      displayName: options.displayName ?? options.username,
      password: options.password,
      role: 'admin',
      organizationId,
    });
    return { username: user.username, organizationId };
  });
}

async function createCity(organizations: Repository<Organization>, name: string): Promise<string> {
  const root = await organizations.findOneBy({ parentId: IsNull() });
  if (root) {
    throw new CommandError(
      `there is already a root organisation, ${root.name} (${root.id}); nothing was changed (add the administrator ` +
        `there with --organization ${root.id})`,
    );
  }
  const id = randomUUID();
  await organizations.insert({
    id,
    parentId: null,
    name,
    // Two characters as a person counts them: a name in CJK Extension B is not cut inside a character.
    shortName: Array.from(name).slice(0, 2).join(''),
    kind: 'centre',
    level: 'city',
    path: `/${id}/`,
    caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERNS.centre,
    policy: {},
  });
  return id;
}
