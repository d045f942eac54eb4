/**
 * Masks personal information for display (PIPL Arts. 28, 51): a resident ID number keeps its
 * region code and last four characters, a phone number its first three and last four digits.
 */
export function maskIdNumber(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  return value.length <= 10
    ? '*'.repeat(value.length)
    : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export function maskPhone(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const digits = value.replace(/\D/g, '');
  return digits.length < 7
    ? '*'.repeat(digits.length)
    : `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * 民族 is sensitive personal information here (PIPL Art. 28; docs/security.md): a masked read shows
 * that the case holds one, never which — a categorical value has no part that is safe to show.
 */
export const MASKED_ETHNICITY = '**';

export function maskEthnicity(value: string | undefined | null): string | undefined {
  return value ? MASKED_ETHNICITY : undefined;
}

/** Masks every `idNumber`, `phone` and `ethnicity` found anywhere in a value (inline agreements, records). */
export function maskDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskDeep) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === 'idNumber' && typeof v === 'string'
        ? maskIdNumber(v)
        : key === 'phone' && typeof v === 'string'
          ? maskPhone(v)
          : key === 'ethnicity' && typeof v === 'string'
            ? maskEthnicity(v)
            : maskDeep(v),
    ]),
  ) as T;
}
