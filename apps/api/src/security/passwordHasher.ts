import { hash, parseOptions, verify, type Algorithm, type Version } from '@node-rs/argon2';

/**
 * argon2id with RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): above OWASP's
 * minimum (19 MiB, 2 passes, 1 lane), and the parameters every hash stored so far was made with
 * (the `argon2` package's defaults), so none of them has to change. About 110 ms a hash here.
 * `@node-rs/argon2` ships a prebuilt binary per platform: nothing compiles at install.
 */
const CURRENT = { memoryCost: 65_536, timeCost: 3, parallelism: 4 } as const;
// `Algorithm.Argon2id` and `Version.V0x13`: ambient const enums cannot be read under `isolatedModules`.
const ARGON2ID = 2 as Algorithm;
const VERSION_19 = 1 as Version;

export interface PasswordCheck {
  valid: boolean;
  /** The hash verified but was made with other parameters: store a fresh one (`hashPassword`). */
  needsRehash: boolean;
}

/**
 * Verified against when the username is unknown, so that a wrong name costs as long as a wrong
 * password, from the first attempt on. Made with the current parameters (a test holds it to them).
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$iyWZbtIRV66EABkLOp719A$IZIjZtCT4Svhx/gN/HxicHur+M3SBbBfnBkszhFD1v0';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { ...CURRENT, algorithm: ARGON2ID });
}

/** Checks a password against a stored PHC string; with none (an unknown username), against DUMMY_HASH. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<PasswordCheck> {
  if (stored === undefined) {
    await verify(DUMMY_HASH, password).catch(() => false);
    return { valid: false, needsRehash: false };
  }
  const valid = await verify(stored, password).catch(() => false);
  return { valid, needsRehash: valid && !isCurrent(stored) };
}

function isCurrent(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return (
      used.algorithm === ARGON2ID &&
      used.version === VERSION_19 &&
      used.memoryCost === CURRENT.memoryCost &&
      used.timeCost === CURRENT.timeCost &&
      used.parallelism === CURRENT.parallelism
    );
  } catch {
    return false;
  }
}
