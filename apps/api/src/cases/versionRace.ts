/**
 * Thrown inside a transaction when one of its version-guarded writes matched no row (another
 * request or instance moved the case on): it rolls the whole transaction back, and the runner
 * reads the case again. It never leaves the runner.
 */
export class LostVersionRace extends Error {
  constructor() {
    super('lost a version race');
  }
}

/** For a version-guarded write inside a transaction: it landed, or the transaction rolls back. */
export function mustHaveWritten(written: boolean): void {
  if (!written) throw new LostVersionRace();
}
