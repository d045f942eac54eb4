import { Guard } from 'typebox/guard';

/**
 * How many characters a person counts in `text`: Unicode code points, so '𠮷' (CJK Extension B,
 * found in real names) is one character, not the two UTF-16 units `String.length` counts. It is
 * the very function TypeBox's `minLength` / `maxLength` checks count with (JSON Schema's
 * definition of a string's length), so a form's hint, the service's validation and anything else
 * that counts agree. A browser imports it as `@jiefen/flows/characters` (no xstate).
 */
export const characterCount: (text: string) => number = Guard.CodePointCount;
