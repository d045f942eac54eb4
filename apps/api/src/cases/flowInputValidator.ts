import { Injectable } from '@nestjs/common';
import { getFlow, intakeSpec, listFlows, validateObject, type FieldProblem } from '@jiefen/flows';
import { validationFailed, type FieldError } from '../common/errors/DomainError.js';

/**
 * Checks case intake and event payloads before the service reads them (organisations, mediators),
 * with the flows library's own compiled schema: the very check `startCase` / `sendEvent` make, which
 * then skip it for the value already accepted, so a payload is validated once per request and
 * refused with the library's words. Every bad field is reported at once.
 */
@Injectable()
export class FlowInputValidator {
  /** `POST /cases` body: `{ flow, ...intake }`. */
  intake(body: unknown): { flowId: string; intake: Record<string, unknown> } {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw validationFailed([{ field: '(body)', message: 'must be a JSON object' }]);
    }
    const { flow: flowId, ...intake } = body as Record<string, unknown>;
    const known = listFlows().map((f) => f.id);
    if (typeof flowId !== 'string' || !known.includes(flowId)) {
      throw validationFailed([{ field: 'flow', message: `must be one of: ${known.join(', ')}` }]);
    }
    const problems = validateObject(intakeSpec(getFlow(flowId).intake), intake);
    if (problems.length) throw validationFailed(fieldErrors(problems), `a ${flowId} case`);
    return { flowId, intake };
  }

  /** An event's payload, against the case's pinned flow version. */
  payload(flowId: string, flowVersion: number, type: string, payload: unknown): void {
    const flow = getFlow(flowId, flowVersion);
    const spec = flow.events[type];
    if (!spec)
      throw validationFailed([
        { field: 'type', message: `is not an event of ${flowId}; it has: ${Object.keys(flow.events).join(', ')}` },
      ]);
    const problems = validateObject(spec.payload, payload ?? {}, 'payload');
    if (problems.length) throw validationFailed(fieldErrors(problems), `"${type}"`);
  }
}

const fieldErrors = (problems: readonly FieldProblem[]): FieldError[] =>
  problems.map((p) => ({ field: p.path, message: p.message }));
