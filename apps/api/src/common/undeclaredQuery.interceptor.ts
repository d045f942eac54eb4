import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { validationFailed } from './errors/DomainError.js';

/**
 * A route that reads no query string refuses one, as a route with a query DTO refuses an unknown
 * parameter (`forbidNonWhitelisted`) and a DTO refuses an unknown body field: a misspelt filter is
 * a 400, never a silently wider answer. Routes with `@Query()` are left to their DTO.
 */
@Injectable()
export class UndeclaredQueryInterceptor implements NestInterceptor {
  private readonly readsQuery = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !this.handlerReadsQuery(context)) {
      const keys = Object.keys(context.switchToHttp().getRequest<Request>().query ?? {});
      if (keys.length)
        throw validationFailed(
          keys.map((key) => ({ field: `query.${key}`, message: 'is not a parameter of this route' })),
        );
    }
    return next.handle();
  }

  private handlerReadsQuery(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let known = this.readsQuery.get(handler);
    if (known === undefined) {
      const args: Record<string, unknown> =
        Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
      known = Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.QUERY}:`));
      this.readsQuery.set(handler, known);
    }
    return known;
  }
}
