import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';

/** The signed-in caller, set on the request by `AuthGuard` (every non-public route has one). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const request = ctx.switchToHttp().getRequest<Request & { actor?: AuthenticatedUser }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
