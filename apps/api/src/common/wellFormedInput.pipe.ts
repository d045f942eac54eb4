import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validationFailed } from './errors/DomainError.js';

/**
 * Deeper than any payload a flow defines (an intake's `agreement.terms[0]`
 * is four levels), far below what overflows the validators' recursion.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * NUL (PostgreSQL's text and jsonb refuse it) or a UTF-16 surrogate
 * without its pair (not a character; jsonb refuses its escape).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const NOT_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Keys class-transformer silently drops (prototype pollution guard), so `forbidNonWhitelisted`
 * never sees them and `?constructor=1` would pass unrefused. No DTO has such a field.
 */
const HIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const PREFIX: Partial<Record<ArgumentMetadata['type'], string>> = { body: '', query: 'query', param: 'params' };

/**
 * Runs before validation on every body, query and path parameter: refuses, with a 400 naming the
 * field, what no validator should be handed — nesting deeper than `MAX_INPUT_DEPTH`, text that is
 * not text (NUL, lone surrogates), keys the validators cannot see. The walk uses its own stack,
 * so no depth of input can overflow it.
 */
@Injectable()
export class WellFormedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const prefix = PREFIX[metadata.type];
    if (prefix === undefined) return value;
    const root = metadata.data ? join(prefix, metadata.data) : prefix;
    const problem = findProblem(value, root);
    if (problem) throw validationFailed([problem]);
    return value;
  }
}

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

function findProblem(value: unknown, root: string): { field: string; message: string } | undefined {
  const stack: Pending[] = [{ value, path: root, depth: 0 }];
  while (stack.length) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (NOT_TEXT.test(current))
        return { field: path || '(body)', message: 'contains a NUL character or an unpaired UTF-16 surrogate' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return { field: path || '(body)', message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const field = join(path, key);
      if (NOT_TEXT.test(key))
        return {
          field: join(path, JSON.stringify(key)),
          message: 'is a key with a NUL character or an unpaired UTF-16 surrogate',
        };
      if (HIDDEN_KEYS.has(key)) return { field, message: 'is not a known field' };
      stack.push({ value: item, path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
