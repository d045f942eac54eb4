import Type, {
  type Static,
  type TArray,
  type TBoolean,
  type TEnum,
  type TInteger,
  type TObject,
  type TProperties,
  type TSchema,
  type TString,
} from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import { Format } from 'typebox/format';
import { Settings } from 'typebox/system';
import { isIsoDate } from '@jiefen/legal-time';
import { characterCount } from './characters.js';
import { isCreditCode, isResidentIdNumber } from './checkDigits.js';

export { characterCount, isCreditCode, isResidentIdNumber };

/*
 * Payloads and case input are JSON Schema (2020-12), built with TypeBox: one schema object per
 * payload gives its TypeScript type (`Static<typeof schema>`), the validation (compiled once per
 * schema, below), the OpenAPI document and the console's forms (GET /flows/:id serves it as is).
 * docs/decisions/schema.md says why TypeBox. Lengths are JSON Schema's: Unicode code points
 * (`characterCount`), so '𠮷𠮷𠮷𠮷' is four characters everywhere.
 */

/** Any payload or intake field: a JSON Schema. */
export type FieldSpec = TSchema;
/** A payload or a case's input: a JSON Schema object that refuses unknown fields. */
export type ObjectSpec = TObject;
/** The TypeScript type a schema describes, e.g. `Static<typeof SESSION_PAYLOAD>`. */
export type { Static, TObject, TProperties, TSchema };
/** The former name of `Static`. */
export type Infer<S extends TSchema> = Static<S>;
/** The payload type of an event spec: `PayloadOf<typeof EVENTS['session.recorded']>`. */
export type PayloadOf<E extends { payload: TSchema }> = Static<E['payload']>;
/** The events a table of event specs describes, as `{ type, payload }` told apart by `type`. */
export type EventUnionOf<Events extends Record<string, { payload: TSchema }>> = {
  [K in keyof Events & string]: { type: K; payload: Static<Events[K]['payload']> };
}[keyof Events & string];

/** Free text a person types in a form: one line or a paragraph. */
export const TEXT_MAX = 2000;
export const NAME_MAX = 200;
export const ID_MAX = 64;
export const LIST_MAX = 100;

/** An amount in yuan: a decimal string with at most two decimals (money is never a float). */
export const DECIMAL_PATTERN = '^(0|[1-9]\\d{0,14})(\\.\\d{1,2})?$';

/** The named string formats beyond JSON Schema's own (`date` is legal-time's calendar date). */
export type TextFormat = 'idNumber' | 'creditCode' | 'phone';

interface Described {
  description?: string;
}
export interface TextOptions extends Described {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: TextFormat;
}
export interface ListOptions extends Described {
  minItems?: number;
  maxItems?: number;
}

/**
 * The builders the flows declare their payloads with. Each returns a plain JSON Schema object
 * (TypeBox adds only non-enumerable `~kind` / `~optional` markers, which JSON leaves out).
 */
export const field = {
  /** A text of 1 to `TEXT_MAX` characters unless told otherwise. */
  text: (o: TextOptions = {}): TString => Type.String({ minLength: 1, maxLength: TEXT_MAX, ...o }),
  /** An identifier: a party id, a user or organisation UUID, a court's case number. */
  id: (o: TextOptions = {}): TString => Type.String({ minLength: 1, maxLength: ID_MAX, ...o }),
  oneOf: <const V extends readonly string[]>(values: V, o: Described = {}): TEnum<[...V]> & { type: 'string' } =>
    Type.Enum([...values] as [...V], { type: 'string', ...o }) as TEnum<[...V]> & { type: 'string' },
  /** A real calendar day written YYYY-MM-DD (legal-time's `isIsoDate`). */
  date: (o: Described = {}): TString => Type.String({ format: 'date', ...o }),
  integer: (min: number, max: number, o: Described = {}): TInteger =>
    Type.Integer({ minimum: min, maximum: max, ...o }),
  /** An amount in yuan as a decimal string, e.g. "12000.50". */
  decimal: (o: Described = {}): TString => Type.String({ pattern: DECIMAL_PATTERN, examples: ['12000.50'], ...o }),
  boolean: (o: Described = {}): TBoolean => Type.Boolean({ ...o }),
  list: <I extends TSchema>(items: I, o: ListOptions = {}): TArray<I> =>
    Type.Array(items, { maxItems: LIST_MAX, ...o }),
  /** An object whose fields are these; any other field is refused. `minProperties`: at least that many given. */
  object: <F extends TProperties>(fields: F, o: Described & { minProperties?: number } = {}): TObject<F> =>
    Type.Object(fields, { additionalProperties: false, ...o }),
  optional: <S extends TSchema>(spec: S) => Type.Optional(spec),
};

// --- Formats --------------------------------------------------------------------------------

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const knownDates = new Set<string>();

/**
 * `isIsoDate`, remembering the dates it has accepted (at most 4096, then it starts over): a host
 * sends the same few days again and again, and the check takes about a microsecond.
 */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value === 'string' && knownDates.has(value)) return true;
  if (!isIsoDate(value)) return false;
  if (knownDates.size >= 4096) knownDates.clear();
  knownDates.add(value);
  return true;
}

/** The formats every schema of the flows may name, with what a refusal says. */
export const FORMATS: Record<TextFormat | 'date', { check: (value: string) => boolean; message: string }> = {
  date: { check: isCalendarDate, message: 'must be a real calendar date written YYYY-MM-DD' },
  idNumber: {
    check: isResidentIdNumber,
    message: 'is not a valid resident ID number (18 characters, GB 11643 check digit)',
  },
  creditCode: {
    check: isCreditCode,
    message: 'is not a valid unified social credit code (18 characters, GB 32100 check digit)',
  },
  phone: { check: (v) => PHONE.test(v), message: 'is not a phone number' },
};
for (const [name, { check }] of Object.entries(FORMATS)) Format.Set(name, check);

/** At most this many problems are gathered for one value (TypeBox's bound against hostile input). */
const MAX_PROBLEMS = 100;
Settings.Set({ maxErrors: MAX_PROBLEMS });

// --- Validation -----------------------------------------------------------------------------

/** One thing wrong with a payload: where (`terms[0].dueOn`) and what. */
export interface FieldProblem {
  path: string;
  message: string;
}

const validators = new WeakMap<TSchema, Validator>();

/** The schema's compiled validator: compiled on first use, then kept as long as the schema. */
export function validatorOf(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = Compile(schema)));
  return validator;
}

/**
 * The last values accepted, with the schema each was accepted against: a host that checks a payload
 * before `sendEvent` (to read it for its host facts) hands the same object on, and it is not checked
 * twice. Keyed by identity, so a host must not change a value between the check and the send. A
 * ring of the last 64 rather than a WeakMap: a WeakMap entry per request cost more (about 2 µs
 * under load) than the check it saves; a value pushed out is simply checked again.
 */
const RECENT = 64;
const recentValues: (object | undefined)[] = new Array<object | undefined>(RECENT);
const recentSchemas: (TSchema | undefined)[] = new Array<TSchema | undefined>(RECENT);
let nextRecent = 0;

function acceptedBefore(value: object, schema: TSchema): boolean {
  for (let i = 0; i < RECENT; i++) if (recentValues[i] === value && recentSchemas[i] === schema) return true;
  return false;
}

function remember(value: object, schema: TSchema): void {
  recentValues[nextRecent] = value;
  recentSchemas[nextRecent] = schema;
  nextRecent = (nextRecent + 1) % RECENT;
}

/**
 * Validates `value` against a schema (unknown fields are refused); returns every problem, one per
 * field, with its path under `path` (`payload.terms[0].dueOn`). An empty list: the value is valid.
 */
export function validateObject(schema: TSchema, value: unknown, path = ''): FieldProblem[] {
  const remembered = typeof value === 'object' && value !== null;
  if (remembered && acceptedBefore(value, schema)) return [];
  const validator = validatorOf(schema);
  if (validator.Check(value)) {
    if (remembered) remember(value, schema);
    return [];
  }
  return problemsOf(schema, validator.Errors(value), value, path);
}

/** TypeBox's errors as one problem per field, worded once for every host (the service's 400 too). */
function problemsOf(
  schema: TSchema,
  errors: readonly TLocalizedValidationError[],
  value: unknown,
  prefix: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    const where = path || '(root)';
    if (seen.has(where)) return;
    seen.add(where);
    problems.push({ path: where, message });
  };
  for (const error of errors) {
    const path = pathOf(prefix, error.instancePath, value);
    if (error.keyword === 'required') {
      for (const name of (error.params as { requiredProperties: string[] }).requiredProperties)
        add(join(path, name), 'is required');
    } else if (error.keyword === 'additionalProperties') {
      for (const name of (error.params as { additionalProperties: string[] }).additionalProperties)
        add(join(path, name), 'is not a known field');
    } else if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) {
      // The same unknown field again, as the `false` schema it failed: named once above.
      continue;
    } else {
      add(path, messageOf(error, schemaAt(schema, error.schemaPath)));
    }
  }
  return problems;
}

function messageOf(error: TLocalizedValidationError, schema: Record<string, unknown>): string {
  const limit = (error.params as { limit?: number }).limit;
  switch (error.keyword) {
    case 'type':
      return typeMessage(schema);
    case 'enum':
      return `must be one of: ${(schema.enum as unknown[]).join(', ')}`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must have at least ${limit} characters`;
    case 'maxLength':
      return `must have at most ${limit} characters`;
    case 'pattern':
      return schema.pattern === DECIMAL_PATTERN ? DECIMAL_MESSAGE : `must match ${String(schema.pattern)}`;
    case 'format':
      return FORMATS[schema.format as keyof typeof FORMATS]?.message ?? `is not in the format ${String(schema.format)}`;
    case 'minimum':
    case 'maximum':
      return `must be between ${String(schema.minimum)} and ${String(schema.maximum)}`;
    case 'minItems':
      return `must have at least ${limit} item(s)`;
    case 'minProperties':
      return `must have at least ${limit} field(s)`;
    case 'maxItems':
      return `must have at most ${limit} items`;
    default:
      return error.message;
  }
}

const DECIMAL_MESSAGE = 'must be an amount in yuan written as a decimal string, e.g. "12000.50"';

function typeMessage(schema: Record<string, unknown>): string {
  switch (schema.type) {
    case 'object':
      return 'must be an object';
    case 'array':
      return 'must be a list';
    case 'integer':
      return 'must be a whole number';
    case 'boolean':
      return 'must be true or false';
    default:
      if (schema.enum) return `must be one of: ${(schema.enum as unknown[]).join(', ')}`;
      if (schema.format === 'date') return FORMATS.date.message;
      if (schema.pattern === DECIMAL_PATTERN) return DECIMAL_MESSAGE;
      return 'must be a string';
  }
}

/** The schema node a JSON pointer (`#/properties/terms/items`) names. */
function schemaAt(root: TSchema, pointer: string): Record<string, unknown> {
  let node: unknown = root;
  for (const segment of pointer.replace(/^#\/?/, '').split('/')) {
    if (!segment) continue;
    node = (node as Record<string, unknown> | undefined)?.[unescapePointer(segment)];
  }
  return (node ?? {}) as Record<string, unknown>;
}

/** `/terms/0/dueOn` under `payload` → `payload.terms[0].dueOn` (an index where the value is a list). */
function pathOf(prefix: string, pointer: string, value: unknown): string {
  let path = prefix;
  let node = value;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unescapePointer(raw);
    path = Array.isArray(node) ? `${path}[${segment}]` : join(path, segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The schema as JSON: what OpenAPI and GET /flows/:id serve (TypeBox's markers left out). */
export function jsonSchemaOf(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}
