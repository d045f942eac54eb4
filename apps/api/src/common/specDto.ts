import { isCreditCode, isResidentIdNumber, type FieldSpec, type ObjectSpec } from '@jiefen/flows';
import { isIsoDate } from '@jiefen/legal-time';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  validate,
  ValidateBy,
  ValidateNested,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import type { FieldError } from './errors/DomainError.js';

/**
 * Builds class-validator DTO classes from the flows library's payload specs, so each event
 * type's payload is validated by its own DTO without declaring a field twice.
 */
const classes = new WeakMap<ObjectSpec, new () => object>();

export function dtoClassFor(spec: ObjectSpec, name: string): new () => object {
  const cached = classes.get(spec);
  if (cached) return cached;
  const Dto = { [name]: class {} }[name]!;
  for (const [key, field] of Object.entries(spec.fields)) decorate(Dto.prototype, key, field, `${name}_${key}`);
  classes.set(spec, Dto);
  return Dto;
}

/** Validates `value` with the DTO built from `spec`; every bad field is reported, unknown ones too. */
export async function validateAgainst(spec: ObjectSpec, value: unknown, name: string, prefix = ''): Promise<FieldError[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ field: prefix || '(body)', message: 'must be an object' }];
  }
  if (Object.keys(spec.fields).length === 0) {
    // class-validator refuses a class without decorators; an empty payload only needs no fields.
    return Object.keys(value).map((key) => ({ field: prefix ? `${prefix}.${key}` : key, message: 'is not a known field' }));
  }
  const instance = plainToInstance(dtoClassFor(spec, name), value);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
  return flatten(errors, prefix);
}

export function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message: stripProperty(message, error.property) }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

const stripProperty = (message: string, property: string) =>
  message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;

function decorate(target: object, key: string, field: FieldSpec, nestedName: string): void {
  const apply = (...decorators: PropertyDecorator[]) => decorators.forEach((d) => d(target, key));
  apply(field.optional ? IsOptional() : IsDefined({ message: 'is required' }));
  const each = field.kind === 'array' && field.items.kind !== 'object' && field.items.kind !== 'array';
  if (field.kind === 'array') {
    apply(
      IsArray({ message: 'must be a list' }),
      ArrayMinSize(field.minItems ?? 0, { message: `must have at least ${field.minItems ?? 0} item(s)` }),
      ArrayMaxSize(field.maxItems, { message: `must have at most ${field.maxItems} items` }),
    );
    if (field.items.kind === 'object') {
      const Item = dtoClassFor(field.items, `${nestedName}Item`);
      apply(ValidateNested({ each: true }), Type(() => Item) as PropertyDecorator, IsObject({ each: true, message: 'each item must be an object' }));
      return;
    }
    apply(...scalarDecorators(field.items, { each: true }));
    return;
  }
  if (field.kind === 'object') {
    const Nested = dtoClassFor(field, nestedName);
    apply(IsObject({ message: 'must be an object' }), ValidateNested(), Type(() => Nested) as PropertyDecorator);
    return;
  }
  apply(...scalarDecorators(field, each ? { each: true } : {}));
}

function scalarDecorators(field: FieldSpec, options: ValidationOptions): PropertyDecorator[] {
  const o = (message: string): ValidationOptions => ({ ...options, message });
  switch (field.kind) {
    case 'string': {
      const decorators = [
        IsString(o('must be a string')),
        Length(field.minLength ?? 0, field.maxLength, o(`must have ${field.minLength ?? 0} to ${field.maxLength} characters`)),
      ];
      if (field.pattern) decorators.push(Matches(new RegExp(field.pattern), o(`must match ${field.pattern}`)));
      if (field.format === 'idNumber') decorators.push(check('isResidentIdNumber', isResidentIdNumber, o('is not a valid resident ID number (18 characters, GB 11643 check digit)')));
      if (field.format === 'creditCode') decorators.push(check('isCreditCode', isCreditCode, o('is not a valid unified social credit code (GB 32100 check digit)')));
      if (field.format === 'phone') decorators.push(Matches(/^\+?[0-9][0-9 -]{4,19}$/, o('is not a phone number')));
      return decorators;
    }
    case 'enum':
      return [IsIn([...field.values], o(`must be one of: ${field.values.join(', ')}`))];
    case 'date':
      return [check('isIsoDate', isIsoDate, o('must be a real calendar date written YYYY-MM-DD'))];
    case 'integer':
      return [IsInt(o('must be a whole number')), Min(field.min, o(`must be at least ${field.min}`)), Max(field.max, o(`must be at most ${field.max}`))];
    case 'decimal':
      return [IsString(o('must be a decimal string')), Matches(/^(0|[1-9]\d{0,14})(\.\d{1,2})?$/, o('must be an amount in yuan, e.g. "12000.50"'))];
    case 'boolean':
      return [IsBoolean(o('must be true or false'))];
    default:
      return [];
  }
}

function check(name: string, test: (value: string) => boolean, options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name, validator: { validate: (value: unknown) => typeof value === 'string' && test(value) } }, options);
}
