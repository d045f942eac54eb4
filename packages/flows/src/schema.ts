import { isIsoDate } from '@jiefen/legal-time';

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
  return validate(spec, value, path);
}

function validate(spec: FieldSpec, value: unknown, path: string): FieldProblem[] {
  const at = (message: string): FieldProblem[] => [{ path: path || '(root)', message }];
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') return at('must be a string');
      if (value.length < (spec.minLength ?? 0)) return at(spec.minLength === 1 ? 'must not be empty' : `must have at least ${spec.minLength} characters`);
      if (value.length > spec.maxLength) return at(`must have at most ${spec.maxLength} characters`);
      if (spec.pattern && !new RegExp(spec.pattern).test(value)) return at(`must match ${spec.pattern}`);
      if (spec.format) {
        const problem = FORMAT_CHECKS[spec.format](value);
        if (problem) return at(problem);
      }
      return [];
    }
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? [] : at(`must be one of: ${spec.values.join(', ')}`);
    case 'date':
      return isIsoDate(value) ? [] : at('must be a real calendar date written YYYY-MM-DD');
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return at('must be a whole number');
      return value < spec.min || value > spec.max ? at(`must be between ${spec.min} and ${spec.max}`) : [];
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value) ? [] : at('must be an amount in yuan written as a decimal string, e.g. "12000.50"');
    case 'boolean':
      return typeof value === 'boolean' ? [] : at('must be true or false');
    case 'array': {
      if (!Array.isArray(value)) return at('must be a list');
      if (value.length < (spec.minItems ?? 0)) return at(`must have at least ${spec.minItems} item(s)`);
      if (value.length > spec.maxItems) return at(`must have at most ${spec.maxItems} items`);
      return value.flatMap((item, i) => validate(spec.items, item, `${path}[${i}]`));
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return at('must be an object');
      const record = value as Record<string, unknown>;
      const problems: FieldProblem[] = [];
      for (const key of Object.keys(record)) {
        if (!(key in spec.fields)) problems.push({ path: join(path, key), message: 'is not a known field' });
      }
      for (const [key, child] of Object.entries(spec.fields)) {
        const v = record[key];
        if (v === undefined || v === null) {
          if (!child.optional) problems.push({ path: join(path, key), message: 'is required' });
          continue;
        }
        problems.push(...validate(child, v, join(path, key)));
      }
      return problems;
    }
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

const FORMAT_CHECKS: Record<NonNullable<StringSpec['format']>, (value: string) => string | undefined> = {
  idNumber: (v) => (isResidentIdNumber(v) ? undefined : 'is not a valid resident ID number (18 characters, GB 11643 check digit)'),
  creditCode: (v) => (isCreditCode(v) ? undefined : 'is not a valid unified social credit code (18 characters, GB 32100 check digit)'),
  phone: (v) => (/^\+?[0-9][0-9 -]{4,19}$/.test(v) ? undefined : 'is not a phone number'),
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A resident ID number: 17 digits, a real birth date, and the GB 11643 (ISO 7064 MOD 11-2) check character. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (!isIsoDate(`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code: 18 characters from GB 32100's alphabet with its MOD 31 check character. */
export function isCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  const sum = CREDIT_WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CHARS.indexOf(value[i]!), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === value[17];
}

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
