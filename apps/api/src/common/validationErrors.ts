import type { ValidationError } from 'class-validator';
import type { FieldError } from './errors/DomainError.js';

/**
 * class-validator's errors (the hand-written envelope and query DTOs, through the global
 * ValidationPipe) as field errors with paths like the flows library's (`items[0].name`).
 * Payloads and case input are validated by the flows library alone (FlowInputValidator).
 */
export function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: path,
      message: stripProperty(message, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

const stripProperty = (message: string, property: string) =>
  message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
