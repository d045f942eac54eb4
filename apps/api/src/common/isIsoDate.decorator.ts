import { isIsoDate } from '@jiefen/legal-time';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsIsoDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'isIsoDate', validator: { validate: (value: unknown) => isIsoDate(value) } },
    { message: 'must be a real calendar date written YYYY-MM-DD', ...options },
  );
}
