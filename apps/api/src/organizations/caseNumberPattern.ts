import { characterCount } from '@jiefen/flows';
import type { OrganizationKind } from './organization.entity.js';

/**
 * Default patterns per kind of body: 调字 for mediation, 调确字 for a
 * court's confirmation (SPC-Confirm-2011 Art. 4), 信字 for petitions.
 */
export const DEFAULT_CASE_NUMBER_PATTERNS: Record<OrganizationKind, string> = {
  centre: '（{year}）{short}调字第{seq:5}号',
  governanceCentre: '（{year}）{short}调字第{seq:5}号',
  committee: '（{year}）{short}人调字第{seq:5}号',
  court: '（{year}）{short}调确字第{seq:5}号',
  petitionOffice: '（{year}）{short}信字第{seq:5}号',
  department: '（{year}）{short}行调字第{seq:5}号',
};

const TOKEN = /\{(year|short|seq)(?::(\d{1,2}))?\}/g;

/** Fills `（{year}）{short}调字第{seq:5}号` → `（2026）玄调字第00012号`. */
export function formatCaseNumber(pattern: string, values: { year: number; short: string; seq: number }): string {
  return pattern.replace(TOKEN, (_match, token: 'year' | 'short' | 'seq', width?: string) => {
    const value = String(values[token]);
    return width ? value.padStart(Number(width), '0') : value;
  });
}

/**
 * A usable pattern names the year and the sequence number, so numbers stay unique per organisation
 * and year; and it has no digits of its own (nor `{short:n}`, which pads with zeros), so that the
 * only digits of a number are its year and sequence and numbers of different organisations cannot
 * read alike (docs/decisions/service.md "Case numbers never collide").
 */
export function isValidCaseNumberPattern(pattern: string): boolean {
  return (
    pattern.includes('{year}') &&
    /\{seq(:\d{1,2})?\}/.test(pattern) &&
    characterCount(pattern) <= 100 &&
    !/\d/.test(pattern.replace(/\{(year|short|seq(:\d{1,2})?)\}/g, ''))
  );
}

/** A short name goes into case numbers as it is: no digits (see above) and no braces (it would read as a token). */
export const SHORT_NAME = /^[^0-9{}]+$/;
