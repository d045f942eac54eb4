import type { IsoDate } from '@jiefen/legal-time';
import type { CaseEvent, HostFacts, Payload } from './caseContext.js';
import type { Static, TSchema } from './schema.js';

type EventSpecs = Record<string, { payload: TSchema }>;

/** A flow's events as its machine sees them: each payload typed from its schema (one union per flow). */
export type MachineEventOf<Events extends EventSpecs> = {
  [K in keyof Events & string]: { type: K; payload: Static<Events[K]['payload']>; today: IsoDate; host: HostFacts };
}[keyof Events & string];

/**
 * A reader of the payloads of a flow's events, typed from their schemas: renaming a payload field
 * breaks the compile of every guard and action that reads it. `sendEvent` validated the payload
 * against exactly that schema before the machine saw it; the reader checks the event type, so a
 * guard cannot read one event's payload as another's.
 */
export function payloadReader<Events extends EventSpecs>() {
  return <K extends keyof Events & string>(event: CaseEvent, ...types: [K, ...K[]]): Static<Events[K]['payload']> => {
    if (!(types as string[]).includes(event.type))
      throw new Error(`the payload of ${event.type} read as ${types.join(' or ')}`);
    return event.payload as Static<Events[K]['payload']>;
  };
}

/** A payload field, whatever the event, when it holds a string (a date, an id). */
export function stringField(payload: Payload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}

/** A payload field, whatever the event, when it holds a list of strings (party ids). */
export function stringListField(payload: Payload, name: string): string[] | undefined {
  const value = payload[name];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
