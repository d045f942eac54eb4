import { isIsoDate } from '@jiefen/legal-time';
import { isCreditCode, isResidentIdNumber } from './checkDigits.js';

export { isCreditCode, isResidentIdNumber };

/**
 * A small, data-only description of event payloads and case input. The library validates
 * with it; the service derives its DTOs and OpenAPI schemas from it, so a payload field is
 * declared once. (The flows package depends on xstate only, hence no zod.)
 */
export type FieldSpec =
  | StringSpec
  | EnumSpec
  | DateSpec
  | IntegerSpec
  | DecimalSpec
  | BooleanSpec
  | ArraySpec
  | ObjectSpec;

interface Common {
  optional?: boolean;
  description?: string;
}
export interface StringSpec extends Common {
  kind: 'string';
  minLength?: number;
  maxLength: number;
  pattern?: string;
  format?: 'idNumber' | 'creditCode' | 'phone';
}
export interface EnumSpec extends Common {
  kind: 'enum';
  values: readonly string[];
}
export interface DateSpec extends Common {
  kind: 'date';
}
export interface IntegerSpec extends Common {
  kind: 'integer';
  min: number;
  max: number;
}
export interface DecimalSpec extends Common {
  kind: 'decimal';
}
export interface BooleanSpec extends Common {
  kind: 'boolean';
}
export interface ArraySpec extends Common {
  kind: 'array';
  items: FieldSpec;
  minItems?: number;
  maxItems: number;
}
export interface ObjectSpec extends Common {
  kind: 'object';
  fields: Record<string, FieldSpec>;
}

/** Free text a person types in a form: one line or a paragraph. */
export const TEXT_MAX = 2000;
export const NAME_MAX = 200;
export const ID_MAX = 64;
export const LIST_MAX = 100;

export const field = {
  text: (o: Partial<StringSpec> = {}): StringSpec => ({ kind: 'string', minLength: 1, maxLength: TEXT_MAX, ...o }),
  id: (o: Partial<StringSpec> = {}): StringSpec => ({ kind: 'string', minLength: 1, maxLength: ID_MAX, ...o }),
  oneOf: <const V extends readonly string[]>(values: V, o: Omit<Partial<EnumSpec>, 'values'> = {}): EnumSpec & { values: V } =>
    ({ kind: 'enum', values, ...o }) as EnumSpec & { values: V },
  date: (o: Partial<DateSpec> = {}): DateSpec => ({ kind: 'date', ...o }),
  integer: (min: number, max: number, o: Partial<IntegerSpec> = {}): IntegerSpec => ({ kind: 'integer', min, max, ...o }),
  decimal: (o: Partial<DecimalSpec> = {}): DecimalSpec => ({ kind: 'decimal', ...o }),
  boolean: (o: Partial<BooleanSpec> = {}): BooleanSpec => ({ kind: 'boolean', ...o }),
  list: <I extends FieldSpec>(items: I, o: Omit<Partial<ArraySpec>, 'items'> = {}): ArraySpec & { items: I } =>
    ({ kind: 'array', items, maxItems: LIST_MAX, ...o }) as ArraySpec & { items: I },
  object: <F extends Record<string, FieldSpec>>(fields: F, o: Omit<Partial<ObjectSpec>, 'fields'> = {}): ObjectSpec & { fields: F } =>
    ({ kind: 'object', fields, ...o }) as ObjectSpec & { fields: F },
  optional: <S extends FieldSpec>(spec: S): S & { optional: true } => ({ ...spec, optional: true }),
};

/** One thing wrong with a payload: where (`terms[0].dueOn`) and what. */
export interface FieldProblem {
  path: string;
  message: string;
}

const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;

/** Validates `value` against an object spec; unknown fields are refused. */
export function validateObject(spec: ObjectSpec, value: unknown, path = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  check(spec, value, path, undefined, problems);
  return problems;
}

// Allocation-light: problems go straight into one list, and the path of a field (`parent.key`,
// `parent[i]`) is only built when the field is wrong or holds fields of its own.
const hasOwn = Object.prototype.hasOwnProperty;

function pathOf(parent: string, key: string | number | undefined): string {
  if (key === undefined) return parent;
  return typeof key === 'number' ? `${parent}[${key}]` : join(parent, key);
}

function problem(problems: FieldProblem[], parent: string, key: string | number | undefined, message: string): void {
  problems.push({ path: pathOf(parent, key) || '(root)', message });
}

function check(spec: FieldSpec, value: unknown, parent: string, key: string | number | undefined, problems: FieldProblem[]): void {
  switch (spec.kind) {
    case 'string': {
      const message = stringProblem(spec, value);
      if (message) problem(problems, parent, key, message);
      return;
    }
    case 'enum':
      if (!(typeof value === 'string' && spec.values.includes(value))) problem(problems, parent, key, `must be one of: ${spec.values.join(', ')}`);
      return;
    case 'date':
      if (!isCalendarDate(value)) problem(problems, parent, key, 'must be a real calendar date written YYYY-MM-DD');
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) problem(problems, parent, key, 'must be a whole number');
      else if (value < spec.min || value > spec.max) problem(problems, parent, key, `must be between ${spec.min} and ${spec.max}`);
      return;
    case 'decimal':
      if (!(typeof value === 'string' && DECIMAL.test(value))) {
        problem(problems, parent, key, 'must be an amount in yuan written as a decimal string, e.g. "12000.50"');
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problem(problems, parent, key, 'must be true or false');
      return;
    case 'array': {
      if (!Array.isArray(value)) return problem(problems, parent, key, 'must be a list');
      if (value.length < (spec.minItems ?? 0)) return problem(problems, parent, key, `must have at least ${spec.minItems} item(s)`);
      if (value.length > spec.maxItems) return problem(problems, parent, key, `must have at most ${spec.maxItems} items`);
      const path = pathOf(parent, key);
      for (let i = 0; i < value.length; i++) check(spec.items, value[i], path, i, problems);
      return;
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return problem(problems, parent, key, 'must be an object');
      const record = value as Record<string, unknown>;
      const path = pathOf(parent, key);
      for (const name in record) {
        if (hasOwn.call(record, name) && !hasOwn.call(spec.fields, name)) problem(problems, path, name, 'is not a known field');
      }
      for (const name in spec.fields) {
        if (!hasOwn.call(spec.fields, name)) continue;
        const child = spec.fields[name]!;
        const v = record[name];
        if (v === undefined || v === null) {
          if (!child.optional) problem(problems, path, name, 'is required');
          continue;
        }
        check(child, v, path, name, problems);
      }
      return;
    }
  }
}

function stringProblem(spec: StringSpec, value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length < (spec.minLength ?? 0)) return spec.minLength === 1 ? 'must not be empty' : `must have at least ${spec.minLength} characters`;
  if (value.length > spec.maxLength) return `must have at most ${spec.maxLength} characters`;
  if (spec.pattern && !patternOf(spec.pattern).test(value)) return `must match ${spec.pattern}`;
  if (spec.format) return FORMAT_CHECKS[spec.format](value);
  return undefined;
}

/** Compiled once per pattern (no `g` or `y` flag, so `test` keeps no state). */
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) patterns.set(source, (pattern = new RegExp(source)));
  return pattern;
}

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

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

const FORMAT_CHECKS: Record<NonNullable<StringSpec['format']>, (value: string) => string | undefined> = {
  idNumber: (v) => (isResidentIdNumber(v) ? undefined : 'is not a valid resident ID number (18 characters, GB 11643 check digit)'),
  creditCode: (v) => (isCreditCode(v) ? undefined : 'is not a valid unified social credit code (18 characters, GB 32100 check digit)'),
  phone: (v) => (PHONE.test(v) ? undefined : 'is not a phone number'),
};

/** The TypeScript type a spec describes. */
export type Infer<S extends FieldSpec> = S extends EnumSpec & { values: infer V extends readonly string[] }
  ? V[number]
  : S extends StringSpec | DateSpec | DecimalSpec
    ? string
    : S extends IntegerSpec
      ? number
      : S extends BooleanSpec
        ? boolean
        : S extends ArraySpec & { items: infer I extends FieldSpec }
          ? Infer<I>[]
          : S extends ObjectSpec & { fields: infer F extends Record<string, FieldSpec> }
            ? InferFields<F>
            : unknown;

type InferFields<F extends Record<string, FieldSpec>> = {
  [K in keyof F as F[K] extends { optional: true } ? never : K]: Infer<F[K]>;
} & {
  [K in keyof F as F[K] extends { optional: true } ? K : never]?: Infer<F[K]>;
};
