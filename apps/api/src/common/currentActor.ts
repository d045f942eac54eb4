import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../cases/case-event.entity.js';

/** Who is calling: set on the request by the authentication guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
  return request.actor ?? { userId: 'anonymous', role: 'anonymous', organizationId: null };
});
