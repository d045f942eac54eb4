/**
 * A character of a document that the embedded font cannot draw (e.g. 𠀾, CJK Extension B, in a
 * name). Rendering refuses rather than print a blank box; the producer keeps the document pending
 * and retries, so it is not lost, and `last_error` says which character and where.
 */
export class MissingGlyphError extends Error {
  constructor(
    readonly char: string,
    readonly where: string,
    readonly fontFamily: string,
  ) {
    const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      `the character ${char} (${codePoint}) in ${where} is not in the font ${fontFamily}: the document cannot be printed with it`,
    );
    this.name = 'MissingGlyphError';
  }
}
