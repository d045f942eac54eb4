/** What was wrong with the input to a legal-time computation. */
export type LegalTimeErrorCode = 'INVALID_DATE' | 'INVALID_LENGTH' | 'INVALID_UNIT' | 'INVALID_SCHEDULE';

/** Thrown for input no legal period can be computed from: the message names the bad value. */
export class LegalTimeError extends Error {
  override readonly name = 'LegalTimeError';

  constructor(
    readonly code: LegalTimeErrorCode,
    message: string,
    readonly value?: unknown,
  ) {
    super(message);
  }
}
