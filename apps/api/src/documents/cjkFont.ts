import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { MissingGlyphError } from './missingGlyphError.js';

/**
 * The documents' typeface: Noto Serif SC (a Song/Ming-style serif, the face of official
 * documents), regular and bold, from the `@expo-google-fonts/noto-serif-sc` npm package (full
 * TrueType fonts, SIL OFL 1.1), so it arrives with `pnpm install` on a bare machine; no system font
 * is used. pdfkit embeds only the glyphs a document uses (a subset, via fontkit).
 *
 * A character Noto Serif SC lacks — a name in CJK Extension B such as 𠀾 (U+2003E) or 𠮷 (U+20BB7) —
 * is drawn with the first fallback face that has it: Noto Serif TC, then Noto Serif JP (the same
 * design, same metrics, OFL 1.1, from `@expo-google-fonts`). Together they hold 2,056 of the 42,720
 * Extension B characters (those of the Big5/HKSCS and JIS X 0213 repertoires, where rare names are
 * most often met); a character no face has is still refused loudly (`MissingGlyphError`). What was
 * checked for fuller coverage, and why none came through npm: docs/documents.md "PDF, font, rare
 * characters".
 *
 * Parsed once per process: fontkit reads tables lazily and caches glyphs, and parsing a 15 MB font
 * per document was most of a render's cost. The fallbacks are opened only when a text first needs one.
 */
export interface CjkFont {
  readonly family: string;
  readonly regular: fontkit.Font;
  readonly bold: fontkit.Font;
  /** Throws `MissingGlyphError` naming the first character no face can draw (never a blank box). */
  assertCovers(text: string, where: string): void;
  /** The text cut into runs of one face each (0 = Noto Serif SC, then the fallbacks): what pdfWriter draws. */
  runs(text: string): FaceRun[];
  /** A face by its index in `runs` (opened on first use). */
  face(index: number): CjkFace;
}

export interface CjkFace {
  readonly family: string;
  readonly regular: fontkit.Font;
  readonly bold: fontkit.Font;
}

export interface FaceRun {
  face: number;
  text: string;
}

/** The faces in order of preference: the primary, then the fallbacks for the characters it lacks. */
const FACES = [
  {
    regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  },
  {
    regular: '@expo-google-fonts/noto-serif-tc/400Regular/NotoSerifTC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-tc/700Bold/NotoSerifTC_700Bold.ttf',
  },
  {
    regular: '@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf',
  },
] as const;
/** No face draws it. */
const NONE = -1;

let loaded: CjkFont | undefined;

export function cjkFont(): CjkFont {
  loaded ??= load();
  return loaded;
}

function load(): CjkFont {
  const require = createRequire(import.meta.url);
  const open = (file: string) => fontkit.openSync(require.resolve(file)) as fontkit.Font;
  const faces: (CjkFace | undefined)[] = FACES.map(() => undefined);
  const face = (index: number): CjkFace => {
    let f = faces[index];
    if (!f) {
      const regular = open(FACES[index]!.regular);
      f = { family: regular.familyName, regular, bold: open(FACES[index]!.bold) };
      faces[index] = f;
    }
    return f;
  };
  const primary = face(0);
  // Which face draws a character, in both weights (titles and headings are bold); cached per character.
  const faceOf = new Map<number, number>();
  const lookup = (codePoint: number): number => {
    let index = faceOf.get(codePoint);
    if (index === undefined) {
      index = FACES.findIndex((_, i) => {
        const f = face(i);
        return f.regular.hasGlyphForCodePoint(codePoint) && f.bold.hasGlyphForCodePoint(codePoint);
      });
      faceOf.set(codePoint, index);
    }
    return index;
  };
  // Line breaks and the like are layout, not glyphs: they stay with the primary face.
  const faceFor = (codePoint: number) => (codePoint < 0x20 ? 0 : lookup(codePoint));
  const families = () => FACES.map((_, i) => face(i).family).join(', ');
  return {
    family: primary.family,
    regular: primary.regular,
    bold: primary.bold,
    face,
    assertCovers(text, where) {
      for (const char of text) {
        if (faceFor(char.codePointAt(0)!) === NONE) throw new MissingGlyphError(char, where, families());
      }
    },
    runs(text) {
      const runs: FaceRun[] = [];
      for (const char of text) {
        const index = Math.max(faceFor(char.codePointAt(0)!), 0);
        const last = runs.at(-1);
        if (last?.face === index) last.text += char;
        else runs.push({ face: index, text: char });
      }
      return runs;
    },
  };
}
