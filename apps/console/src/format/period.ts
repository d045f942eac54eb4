/** A report's period: a month, a quarter, a year or any range of China dates. */
export interface Period {
  kind: 'month' | 'quarter' | 'year' | 'range';
  /** `2026-03` for a month, `2026` for a year or a quarter's year. */
  value: string;
  quarter: number;
  range: [string, string] | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The period as its first and last day (inclusive), or null while incomplete. */
export function periodRange(p: Period): { from: string; to: string } | null {
  if (p.kind === 'range') return p.range ? { from: p.range[0], to: p.range[1] } : null;
  const year = Number(p.value.slice(0, 4));
  if (!year) return null;
  if (p.kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (p.kind === 'quarter') return { from: `${year}-${pad(p.quarter * 3 - 2)}-01`, to: lastDay(year, p.quarter * 3) };
  const month = Number(p.value.slice(5, 7));
  return month ? { from: `${year}-${pad(month)}-01`, to: lastDay(year, month) } : null;
}
