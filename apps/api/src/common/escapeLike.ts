/** `text` as a literal inside a LIKE pattern: `%`, `_` and the escape character itself escaped. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
