/**
 * The one rule for a password, wherever it is set: the API (`POST /users`), the CLI
 * (`create-admin`, `reset-password`), the demo users (`JIEFEN_DEMO_PASSWORD`) and `createUser`.
 * Length only, as NIST SP 800-63B advises; the upper bound keeps a hash request cheap.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH)
    return `must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}
