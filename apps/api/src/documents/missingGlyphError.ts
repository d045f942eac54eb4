/**
 * A character of a document that none of the embedded faces can draw (e.g. 𪛖 U+2A6D6, CJK
 * Extension B, in a name: Noto Serif SC and its fallbacks hold only part of Extension B, cjkFont.ts).
 * Rendering refuses rather than print a blank box; the producer keeps the document pending and
 * retries, so it is not lost, and `last_error` says which character and where.
 */
export class MissingGlyphError extends Error {
  constructor(
    readonly char: string,
    readonly where: string,
    /** The faces tried, in order (`Noto Serif SC, Noto Serif TC, Noto Serif JP`). */
    readonly fontFamily: string,
  ) {
    const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      `the character ${char} (${codePoint}) in ${where} is in none of the fonts ${fontFamily}: ` +
        'the document cannot be printed with it',
    );
    this.name = 'MissingGlyphError';
  }
}
