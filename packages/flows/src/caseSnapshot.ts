import type { StateValue } from 'xstate';
import type { CaseContext } from './caseContext.js';

/**
 * A case's persisted form: plain JSON, safe to store (e.g. as jsonb) and to restore after
 * `JSON.parse(JSON.stringify(snapshot))`. Pinned to the flow version it started on.
 */
export interface CaseSnapshot {
  flowId: string;
  flowVersion: number;
  state: StateValue;
  context: CaseContext;
}
