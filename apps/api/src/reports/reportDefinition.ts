import type { StatisticsGroup } from './dto/statistics.query.js';
import type { StatisticsSql } from './statisticsSql.js';
import type { ReportKind } from './statisticsReport.js';

/**
 * The sums a group collects from the queries' rows: a column named `…Cents` is a bigint amount,
 * an array column (`…Days`) a list of values to take a median of, any other a count.
 */
export type Sums = Record<string, number | bigint | number[]>;

/** One report family: which flows it covers, the SQL of its figures and how sums become figures. */
export interface ReportDefinition<F> {
  kind: ReportKind;
  title: string;
  flows: readonly string[];
  defaultGroup: StatisticsGroup;
  /** Each returns one SELECT with a `key` column and summable columns; run on its own parameters. */
  queries: readonly ((sql: StatisticsSql) => string)[];
  figures(sums: Sums): F;
}

export const count = (sums: Sums, name: string): number =>
  typeof sums[name] === 'number' ? (sums[name] as number) : 0;
export const cents = (sums: Sums, name: string): bigint =>
  typeof sums[name] === 'bigint' ? (sums[name] as bigint) : 0n;
export const list = (sums: Sums, name: string): number[] => (Array.isArray(sums[name]) ? (sums[name] as number[]) : []);

/** 123456 cents → "1234.56". */
export function yuan(amount: bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
