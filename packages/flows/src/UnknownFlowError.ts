import { FlowError } from './FlowError.js';

/** No flow with this id (or this version of it) is registered. */
export class UnknownFlowError extends FlowError {
  override readonly name = 'UnknownFlowError';
  readonly code = 'FLOW_NOT_FOUND' as const;

  constructor(
    readonly flowId: string,
    readonly flowVersion?: number,
    known: readonly string[] = [],
  ) {
    super(
      flowVersion === undefined
        ? `no flow "${flowId}"; known flows: ${known.join(', ')}`
        : `flow "${flowId}" has no version ${flowVersion}`,
    );
  }
}
