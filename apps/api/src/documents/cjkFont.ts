import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { MissingGlyphError } from './missingGlyphError.js';

/**
 * The documents' typeface: Noto Serif SC (a Song/Ming-style serif, the face of official
 * documents), regular and bold, from the `@expo-google-fonts/noto-serif-sc` npm package (full
 * TrueType fonts, SIL OFL 1.1), so it arrives with `pnpm install` on a bare machine; no system font
 * is used. pdfkit embeds only the glyphs a document uses (a subset, via fontkit).
 *
 * Parsed once per process: fontkit reads tables lazily and caches glyphs, and parsing a 15 MB font
 * per document was most of a render's cost.
 */
export interface CjkFont {
  readonly family: string;
  readonly regular: fontkit.Font;
  readonly bold: fontkit.Font;
  /** Throws `MissingGlyphError` naming the first character neither face can draw (never a blank box). */
  assertCovers(text: string, where: string): void;
}

const FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

let loaded: CjkFont | undefined;

export function cjkFont(): CjkFont {
  loaded ??= load();
  return loaded;
}

function load(): CjkFont {
  const require = createRequire(import.meta.url);
  const open = (file: string) => fontkit.openSync(require.resolve(file)) as fontkit.Font;
  const regular = open(FILES.regular);
  const bold = open(FILES.bold);
  const covered = new Map<number, boolean>();
  const has = (codePoint: number) => {
    let yes = covered.get(codePoint);
    if (yes === undefined) {
      yes = regular.hasGlyphForCodePoint(codePoint) && bold.hasGlyphForCodePoint(codePoint);
      covered.set(codePoint, yes);
    }
    return yes;
  };
  return {
    family: regular.familyName,
    regular,
    bold,
    assertCovers(text, where) {
      for (const char of text) {
        const codePoint = char.codePointAt(0)!;
        // Line breaks and the like are layout, not glyphs.
        if (codePoint < 0x20) continue;
        if (!has(codePoint)) throw new MissingGlyphError(char, where, regular.familyName);
      }
    },
  };
}
