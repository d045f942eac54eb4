/**
 * `node:fs` in the browser build. legal-time reads its bundled calendar with readFileSync at load;
 * the console imports only pure date helpers from it (through @jiefen/flows/checkDigits) and the
 * build drops the calendar module, so this is never called. If it ever is, it says why.
 */
export function readFileSync(): never {
  throw new Error('legal-time’s bundled calendar is not available in the browser; ask the API');
}
