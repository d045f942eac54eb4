import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { forbidden } from '../auth/permissions.js';
import { validationFailed } from '../common/errors/DomainError.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { hashPassword } from '../security/passwordHasher.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import { passwordProblem } from './passwordRule.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersService {
  private readonly users: Repository<User>;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {
    this.users = dataSource.getRepository(User);
  }

  /** An administrator adds users at their own organisation or below it. */
  async create(admin: AuthenticatedUser, dto: CreateUserDto) {
    const organization = await this.organizations.get(dto.organizationId);
    const own = await this.organizations.get(admin.organizationId);
    if (!organization.path.startsWith(own.path)) throw forbidden('users are added at your own organisation or below it');
    if (await this.users.existsBy({ username: dto.username })) {
      throw validationFailed([{ field: 'username', message: `"${dto.username}" is taken` }]);
    }
    const user = await createUser(this.users, dto);
    return publicView(user);
  }

  async list(admin: AuthenticatedUser) {
    const own = await this.organizations.get(admin.organizationId);
    const rows = await this.users
      .createQueryBuilder('u')
      .innerJoin('organizations', 'o', 'o.id = u.organization_id')
      .where('o.path LIKE :path', { path: `${own.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%` })
      .orderBy('u.username')
      .getMany();
    return rows.map(publicView);
  }
}

/** Creates a user with an argon2id password hash (also used by the CLI and the demo seed). */
export async function createUser(users: Repository<User>, dto: CreateUserDto, id: string = randomUUID()): Promise<User> {
  const problem = passwordProblem(dto.password);
  if (problem) throw validationFailed([{ field: 'password', message: problem }]);
  const user = users.create({
    id,
    username: dto.username,
    displayName: dto.displayName,
    passwordHash: await hashPassword(dto.password),
    role: dto.role,
    organizationId: dto.organizationId,
    disabled: false,
  });
  await users.insert(user);
  return user;
}

/**
 * Sets the password of the users named (the CLI's reset-password, the demo users at start) under
 * the one password rule; returns the usernames that exist and were changed.
 */
export async function setPassword(users: Repository<User>, usernames: readonly string[], password: string): Promise<string[]> {
  const problem = passwordProblem(password);
  if (problem) throw validationFailed([{ field: 'password', message: problem }]);
  const found = await users.find({ where: { username: In([...usernames]) }, select: { id: true, username: true } });
  // A salt of its own per user, hashed in parallel on libuv's pool.
  await Promise.all(found.map(async (u) => users.update({ id: u.id }, { passwordHash: await hashPassword(password) })));
  return found.map((u) => u.username).sort();
}

function publicView(user: User) {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organizationId: user.organizationId, disabled: user.disabled };
}
