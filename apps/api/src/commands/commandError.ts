/** A refusal of a CLI command, for the person at the terminal: printed as is, exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}
