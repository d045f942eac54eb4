import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { validationFailed } from './errors/DomainError.js';

/** `If-Match: "7"` (or `W/"7"`) → 7; absent → undefined; anything else is a 400. */
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined => {
  const raw = ctx.switchToHttp().getRequest<Request>().header('if-match');
  if (raw === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(raw.trim());
  if (!match) throw validationFailed([{ field: 'If-Match', message: 'must be the case version as an ETag, e.g. "7"' }]);
  return Number(match[1]);
});

/** `Idempotency-Key`: 1–200 visible ASCII characters. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const raw = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(raw)) {
    throw validationFailed([{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
  }
  return raw;
});
