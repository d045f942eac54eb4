import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, type Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { forbidden } from '../auth/permissions.js';
import { DomainError, validationFailed } from '../common/errors/DomainError.js';
import { organizationInactive, OrganizationsService } from '../organizations/organizations.service.js';
import { hashPassword } from '../security/passwordHasher.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { passwordProblem } from './passwordRule.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');
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
    if (!organization.path.startsWith(own.path))
      throw forbidden('users are added at your own organisation or below it');
    if (!organization.active) throw organizationInactive(organization);
    if (await this.users.existsBy({ username: dto.username })) {
      throw validationFailed([{ field: 'username', message: `"${dto.username}" is taken` }]);
    }
    const user = await createUser(this.users, dto);
    return publicView(user);
  }

  /**
   * An administrator disables a user, or changes their role or organisation, within their own
   * subtree (a user outside it does not exist for them: 404). The database bumps the user's
   * token version with the change, so their tokens stop working from the next request on every
   * instance. Every change is logged with who made it.
   */
  async update(admin: AuthenticatedUser, userId: string, dto: UpdateUserDto) {
    const own = await this.organizations.get(admin.organizationId);
    const user = await this.users.findOneBy({ id: userId });
    const home = user ? await this.organizations.find(user.organizationId) : undefined;
    if (!user || !home?.path.startsWith(own.path)) throw new DomainError('NOT_FOUND', `no user ${userId}`);
    if (dto.organizationId !== undefined) {
      const target = await this.organizations.get(dto.organizationId);
      if (!target.path.startsWith(own.path))
        throw forbidden('users are moved to your own organisation or below it', { field: 'organizationId' });
      if (!target.active && target.id !== user.organizationId) throw organizationInactive(target);
    }
    if (userId === admin.userId && (dto.disabled === true || (dto.role !== undefined && dto.role !== 'admin'))) {
      throw validationFailed([
        { field: dto.disabled ? 'disabled' : 'role', message: 'an administrator cannot lock themselves out' },
      ]);
    }
    const changes = {
      ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}),
      ...(dto.role !== undefined ? { role: dto.role } : {}),
      ...(dto.organizationId !== undefined ? { organizationId: dto.organizationId } : {}),
    };
    if (Object.keys(changes).length) await this.users.update({ id: userId }, changes);
    this.logger.log({ adminId: admin.userId, userId, changes }, 'user changed');
    return publicView((await this.users.findOneBy({ id: userId }))!);
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
export async function createUser(
  users: Repository<User>,
  dto: CreateUserDto,
  id: string = randomUUID(),
): Promise<User> {
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
export async function setPassword(
  users: Repository<User>,
  usernames: readonly string[],
  password: string,
): Promise<string[]> {
  const problem = passwordProblem(password);
  if (problem) throw validationFailed([{ field: 'password', message: problem }]);
  const found = await users.find({ where: { username: In([...usernames]) }, select: { id: true, username: true } });
  // A salt of its own per user, hashed in parallel on libuv's pool.
  await Promise.all(found.map(async (u) => users.update({ id: u.id }, { passwordHash: await hashPassword(password) })));
  return found.map((u) => u.username).sort();
}

function publicView(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    disabled: user.disabled,
  };
}
