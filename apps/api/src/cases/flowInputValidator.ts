import { Injectable } from '@nestjs/common';
import { getFlow, intakeSpec, listFlows, validateObject, type FlowDefinition, type ObjectSpec } from '@jiefen/flows';
import { validationFailed } from '../common/errors/DomainError.js';
import { validateAgainst } from '../common/specDto.js';

const intakeSpecs = new Map<FlowDefinition, ObjectSpec>();

/**
 * Validates case intake and event payloads with DTOs derived from the flows library's specs:
 * one DTO per flow's intake and per flow event type. Every bad field is reported at once.
 */
@Injectable()
export class FlowInputValidator {
  /** `POST /cases` body: `{ flow, ...intake }`. */
  async intake(body: unknown): Promise<{ flowId: string; intake: Record<string, unknown> }> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw validationFailed([{ field: '(body)', message: 'must be a JSON object' }]);
    }
    const { flow: flowId, ...intake } = body as Record<string, unknown>;
    const known = listFlows().map((f) => f.id);
    if (typeof flowId !== 'string' || !known.includes(flowId)) {
      throw validationFailed([{ field: 'flow', message: `must be one of: ${known.join(', ')}` }]);
    }
    const flow = getFlow(flowId);
    const errors = await validateAgainst(specOf(flow), intake, `${dtoName(flow.id)}V${flow.version}Intake`);
    if (errors.length) throw validationFailed(errors, `a ${flowId} case`);
    return { flowId, intake };
  }

  /**
   * An event's payload, against the case's pinned flow version. The DTO and the flows library's
   * own check are built from the same spec; the library's takes about a microsecond, the DTO about
   * 40, so a payload the library accepts skips the DTO, and the DTO still words every refusal.
   */
  async payload(flowId: string, flowVersion: number, type: string, payload: unknown): Promise<void> {
    const flow = getFlow(flowId, flowVersion);
    const spec = flow.events[type];
    if (!spec) throw validationFailed([{ field: 'type', message: `is not an event of ${flowId}; it has: ${Object.keys(flow.events).join(', ')}` }]);
    if (validateObject(spec.payload, payload ?? {}).length === 0) return;
    const errors = await validateAgainst(spec.payload, payload ?? {}, `${dtoName(flowId)}V${flowVersion}${dtoName(type)}Payload`, 'payload');
    if (errors.length) throw validationFailed(errors, `"${type}"`);
  }
}

function specOf(flow: FlowDefinition): ObjectSpec {
  let spec = intakeSpecs.get(flow);
  if (!spec) intakeSpecs.set(flow, (spec = intakeSpec(flow.intake)));
  return spec;
}

/** `people-mediation` → `PeopleMediation`, `agreement.signed` → `AgreementSigned`. */
function dtoName(id: string): string {
  return id
    .split(/[-.]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
