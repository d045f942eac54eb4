import { validationFailed, type FieldError } from '../common/errors/DomainError.js';
import type { StatisticsQuery } from './dto/statistics.query.js';
import type { ReportPeriod } from './statisticsReport.js';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const MAX_RANGE_DAYS = 5 * 366;

/**
 * The period a statistics query names: a year, a quarter or a month of it, or any range of days.
 * Days are China days (the `today` of each event, Asia/Shanghai), both ends inclusive. A query
 * that names none, or two at once, or a range that ends before it starts, is a 400 naming the field.
 */
export function reportPeriod(query: Pick<StatisticsQuery, 'year' | 'quarter' | 'month' | 'from' | 'to'>): ReportPeriod {
  const { year, quarter, month, from, to } = query;
  const errors: FieldError[] = [];
  const range = from !== undefined || to !== undefined;
  if (range) {
    if (year !== undefined) errors.push({ field: 'year', message: 'cannot be given with from and to' });
    if (quarter !== undefined) errors.push({ field: 'quarter', message: 'cannot be given with from and to' });
    if (month !== undefined) errors.push({ field: 'month', message: 'cannot be given with from and to' });
    if (from === undefined) errors.push({ field: 'from', message: 'is required with to' });
    if (to === undefined) errors.push({ field: 'to', message: 'is required with from' });
    if (from !== undefined && to !== undefined) {
      if (to < from) errors.push({ field: 'to', message: 'must not be before from' });
      else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_RANGE_DAYS)
        errors.push({ field: 'to', message: 'must be less than 5 years after from' });
    }
    if (errors.length) throw validationFailed(errors);
    return { from: from!, to: to!, label: `${from}至${to}` };
  }
  if (year === undefined) errors.push({ field: 'year', message: 'is required (or from and to)' });
  if (quarter !== undefined && month !== undefined)
    errors.push({ field: 'month', message: 'cannot be given with quarter' });
  if (errors.length) throw validationFailed(errors);
  const y = year!;
  if (quarter !== undefined) {
    const first = (quarter - 1) * 3 + 1;
    return {
      from: `${y}-${pad(first)}-01`,
      to: `${y}-${pad(first + 2)}-${pad(lastDayOfMonth(y, first + 2))}`,
      label: `${y}年第${quarter}季度`,
    };
  }
  if (month !== undefined)
    return {
      from: `${y}-${pad(month)}-01`,
      to: `${y}-${pad(month)}-${pad(lastDayOfMonth(y, month))}`,
      label: `${y}年${month}月`,
    };
  return { from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}年` };
}

/** The day after `day`: queries compare `day < next(to)`. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
