import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

/**
 * HTTP headers of case responses: `ETag` is the case version (for `If-Match`), `Location` names a
 * new case, `Idempotent-Replayed` marks an answer repeated for a retried `Idempotency-Key`; the
 * request log line gets the case id and event type.
 */
@Injectable()
export class CaseHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { logFields?: Record<string, unknown> }>();
    const response = http.getResponse<Response>();
    request.logFields = {
      ...request.logFields,
      caseId: request.params.id,
      eventType: (request.body as { type?: unknown } | undefined)?.type,
    };
    return next.handle().pipe(
      map((body: unknown) => {
        const result = body as {
          view?: { id: string; version: number };
          replayed?: boolean;
          id?: string;
          version?: number;
        };
        const view = result?.view ?? result;
        if (view && typeof view.version === 'number' && typeof view.id === 'string') {
          response.setHeader('ETag', `"${view.version}"`);
          request.logFields = { ...request.logFields, caseId: view.id };
          if (response.statusCode === 201) response.setHeader('Location', `/api/v1/cases/${view.id}`);
        }
        if (result?.view) {
          if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
          return result.view;
        }
        return body;
      }),
    );
  }
}
