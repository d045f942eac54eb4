import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { UserRole } from '../users/user.entity.js';
import { AuthService, unauthenticated } from './auth.service.js';
import type { AuthenticatedUser } from './authenticatedUser.js';
import { forbidden } from './permissions.js';
import { IS_PUBLIC } from './public.decorator.js';
import { ROLES } from './roles.decorator.js';

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<Request & { actor?: AuthenticatedUser; logFields?: Record<string, unknown> }>();
    const header = request.header('authorization');
    const match = header ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    if (!match) throw unauthenticated('a bearer token is required: POST /api/v1/auth/token');
    const user = await this.auth.verify(match[1]!);
    request.actor = user;
    request.logFields = { ...request.logFields, userId: user.userId, role: user.role };
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw forbidden(`this needs the role ${roles.join(' or ')}`);
    return true;
  }
}
