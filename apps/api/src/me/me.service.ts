import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { User } from '../users/user.entity.js';
import { permissionsOf } from './permissionsOf.js';

/** `GET /me`: the signed-in user as a client needs them to draw its pages. */
@Injectable()
export class MeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  async describe(actor: AuthenticatedUser) {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    const organization = await this.organizations.get(actor.organizationId);
    return {
      user: { id: user.id, username: user.username, displayName: user.displayName },
      role: actor.role,
      organization: {
        id: organization.id,
        name: organization.name,
        shortName: organization.shortName,
        kind: organization.kind,
        level: organization.level,
      },
      permissions: permissionsOf(actor.role),
    };
  }
}
