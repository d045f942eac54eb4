import { zh } from '../messages/zh';

/** `the character 𪛖 (U+2A6D6) in … is in none of the fonts …`: the service's MissingGlyphError. */
const MISSING_GLYPH = /^the character (.+?) \((U\+[0-9A-F]{4,6})\) in /u;

/**
 * Why a document is still 制作中, in Chinese, from the service's `lastError` (the last failed render):
 * a character no font has is named, so the clerk can check the name; anything else is a retry notice
 * with the service's own words kept for the administrator.
 */
export function pendingReason(lastError: string | null | undefined): string | null {
  if (!lastError) return null;
  const glyph = MISSING_GLYPH.exec(lastError);
  if (glyph) return zh.documents.missingGlyph(glyph[1]!, glyph[2]!);
  return zh.documents.failedRender(lastError);
}
