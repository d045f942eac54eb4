import type { CjkFont } from './cjkFont.js';

/** What a value the case does not hold prints as: a line to fill in by hand. */
export const BLANK = '＿＿＿＿＿＿';

/** `{{path}}`, `{{path|filter}}`, `{{path|filter:argument}}`. */
export const PLACEHOLDER = /\{\{\s*([\w.[\]]+)\s*(?:\|\s*(\w+)(?::([\w-]+))?)?\s*\}\}/g;

/** The filters a placeholder may name (checked when the templates load). */
export const FILTERS = ['date', 'label', 'yesNo'] as const;

export type Labels = Record<string, Record<string, string>>;

export interface FillContext {
  data: unknown;
  labels: Labels;
  font: CjkFont;
  /** Where the text comes from, for error messages (`agreement.json block 4`). */
  where: string;
}

/**
 * Fills a template text. Every character that reaches the page — the template's own and each
 * value's — is checked against the font first (`MissingGlyphError` names it and its field).
 */
export function fill(text: string, context: FillContext): string {
  context.font.assertCovers(text.replace(PLACEHOLDER, ''), context.where);
  return text.replace(PLACEHOLDER, (_match, path: string, filter?: string, argument?: string) => {
    const value = format(lookup(context.data, path), filter, argument, context.labels);
    context.font.assertCovers(value, `${context.where}, {{${path}}}`);
    return value;
  });
}

export function lookup(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

// A filter added here is listed in FILTERS, or the templates naming it are refused at boot.
function format(value: unknown, filter: string | undefined, argument: string | undefined, labels: Labels): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return BLANK;
  if (filter === 'date') return chineseDate(String(value));
  if (filter === 'label') {
    const table = labels[argument ?? ''];
    if (!table) throw new Error(`no label table "${argument}" in templates/labels.json`);
    const join = (v: unknown) => table[String(v)] ?? String(v);
    return Array.isArray(value) ? value.map(join).join('、') : join(value);
  }
  if (filter === 'yesNo') return value ? '是' : '否';
  if (filter) throw new Error(`unknown template filter "${filter}"`);
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** `2026-03-02` → `2026年3月2日`, the date style of documents. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
