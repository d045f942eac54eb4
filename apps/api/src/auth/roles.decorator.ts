import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '../users/user.entity.js';

export const ROLES = 'jiefen:roles';

/** Only these roles may call the route (403 FORBIDDEN otherwise). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);
