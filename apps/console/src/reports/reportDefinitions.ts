import type { ChartOption } from '../charts/echarts';
import type { Period } from '../format/period';
import { centreZh } from '../messages/centreZh';

/**
 * The four statistics reports of issue 16 as the console lays them out: the columns (and the
 * header groups) of the paper forms, as `GET /reports/{kind}` and its workbook name them
 * (apps/api/src/reports/reportWorkbook.ts), and which figures the charts draw.
 */
export type Format = 'count' | 'rate' | 'amount' | 'days';

export interface ReportColumn {
  key: string;
  header: string;
  /** The header over several columns (the form's first header row). */
  group?: string;
  format?: Format;
}

export type ReportKind = 'mediation' | 'centre' | 'petitions' | 'courts';
export type GroupBy = 'organization' | 'level' | 'category' | 'flow' | 'month';

export interface ReportRow {
  key: string;
  label: string;
  level?: string;
  [figure: string]: unknown;
}

/** The JSON every report answers (ReportHeader + rows + total). */
export interface ReportData {
  report: ReportKind;
  title: string;
  organization: { id: string; name: string; level: string };
  period: { from: string; to: string; label: string };
  groupBy: GroupBy;
  generatedAt: string;
  rows: ReportRow[];
  total: Record<string, unknown>;
}

export interface ReportDefinition {
  title: string;
  defaultGroup: GroupBy;
  columns: ReportColumn[];
  /** The figures the charts draw (by category, by organisation, trend by month). */
  chartFigures: { key: string; name: string }[];
}

const satisfaction: ReportColumn[] = [
  { key: 'returnVisits', group: '回访（次）', header: '合计' },
  { key: 'satisfied', group: '回访（次）', header: '满意' },
  { key: 'basicallySatisfied', group: '回访（次）', header: '基本满意' },
  { key: 'dissatisfied', group: '回访（次）', header: '不满意' },
  { key: 'satisfactionRate', header: '满意率', format: 'rate' },
];

export const REPORTS: Record<ReportKind, ReportDefinition> = {
  mediation: {
    title: '人民调解案件统计',
    defaultGroup: 'category',
    columns: [
      { key: 'accepted', header: '受理（件）' },
      { key: 'concluded', group: '调解（件）', header: '合计' },
      { key: 'succeeded', group: '调解（件）', header: '成功' },
      { key: 'failed', group: '调解（件）', header: '不成功' },
      { key: 'successRate', header: '调解成功率', format: 'rate' },
      { key: 'oralAgreements', group: '调解协议（件）', header: '口头' },
      { key: 'writtenAgreements', group: '调解协议（件）', header: '书面' },
      { key: 'performed', header: '自动履行（件）' },
      { key: 'judiciallyConfirmed', header: '司法确认（件）' },
      { key: 'parties', header: '当事人数（人）' },
      { key: 'groupCases', group: '其中3人以上（群体性）', header: '件' },
      { key: 'groupParties', group: '其中3人以上（群体性）', header: '人' },
      { key: 'amount', header: '协议涉及金额（元）', format: 'amount' },
      { key: 'criminalRiskPrevented', group: '防止民转刑', header: '件' },
      { key: 'criminalRiskPreventedParties', group: '防止民转刑', header: '人' },
    ],
    chartFigures: [
      { key: 'succeeded', name: '调解成功' },
      { key: 'failed', name: '调解不成功' },
    ],
  },
  centre: {
    title: '中心考核',
    defaultGroup: 'organization',
    columns: [
      { key: 'accepted', header: '受理（件）' },
      { key: 'resolved', header: '化解（件）' },
      { key: 'resolutionRate', header: '化解率', format: 'rate' },
      { key: 'resolvedWithin30Days', group: '30日内化解', header: '件' },
      { key: 'within30DaysRate', group: '30日内化解', header: '占比', format: 'rate' },
      { key: 'resolvedWithinTimeLimit', group: '法定期限内化解', header: '件' },
      { key: 'withinTimeLimitRate', group: '法定期限内化解', header: '占比', format: 'rate' },
      { key: 'resolvedAtStreetLevel', group: '不出街镇化解', header: '件' },
      { key: 'streetLevelRate', group: '不出街镇化解', header: '占比', format: 'rate' },
      { key: 'escalated', header: '上报（件）' },
      { key: 'overdue', header: '超期（件）' },
      { key: 'redRisk', group: '风险等级（件）', header: '红色' },
      { key: 'orangeRisk', group: '风险等级（件）', header: '橙色' },
      ...satisfaction,
    ],
    chartFigures: [
      { key: 'accepted', name: '受理' },
      { key: 'resolved', name: '化解' },
    ],
  },
  petitions: {
    title: '信访工作统计',
    defaultGroup: 'organization',
    columns: [
      { key: 'registered', header: '登记（件）' },
      { key: 'acceptanceDecisions', group: '及时受理', header: '受理告知（件）' },
      { key: 'acceptedTimely', group: '及时受理', header: '15日内（件）' },
      { key: 'timelyAcceptanceRate', group: '及时受理', header: '及时受理率', format: 'rate' },
      { key: 'replies', group: '按期答复', header: '出具意见（件）' },
      { key: 'repliedOnTime', group: '按期答复', header: '按期（件）' },
      { key: 'onTimeReplyRate', group: '按期答复', header: '按期答复率', format: 'rate' },
      { key: 'repeat', group: '重复信访', header: '件' },
      { key: 'repeatRate', group: '重复信访', header: '占比', format: 'rate' },
      ...satisfaction,
    ],
    chartFigures: [
      { key: 'registered', name: '登记' },
      { key: 'repliedOnTime', name: '按期答复' },
    ],
  },
  courts: {
    title: '司法确认案件统计',
    defaultGroup: 'organization',
    columns: [
      { key: 'received', header: '收到申请（件）' },
      { key: 'accepted', header: '受理（件）' },
      { key: 'notAccepted', header: '不予受理（件）' },
      { key: 'confirmed', group: '裁定（件）', header: '确认有效' },
      { key: 'dismissed', group: '裁定（件）', header: '驳回申请' },
      { key: 'withdrawn', header: '撤回（件）' },
      { key: 'medianDaysToRuling', header: '审查天数中位数', format: 'days' },
      { key: 'withinSpecialPeriod', group: '30日内审结', header: '件' },
      { key: 'withinSpecialPeriodRate', group: '30日内审结', header: '占比', format: 'rate' },
    ],
    chartFigures: [
      { key: 'received', name: '收到申请' },
      { key: 'confirmed', name: '确认有效' },
    ],
  },
};

export const GROUP_HEADER: Record<GroupBy, string> = {
  organization: '单位',
  level: '层级',
  category: '纠纷类别',
  flow: '案件类型',
  month: '月份',
};

/** Consecutive columns of one group under one header, as on the paper form. */
export function headerGroups(columns: ReportColumn[]): { group?: string; columns: ReportColumn[] }[] {
  const out: { group?: string; columns: ReportColumn[] }[] = [];
  for (const column of columns) {
    const last = out[out.length - 1];
    if (column.group && last?.group === column.group) last.columns.push(column);
    else out.push({ group: column.group, columns: [column] });
  }
  return out;
}

/**
 * A figure as the table shows it: counts and amounts as sent; a rate (a ratio the API rounds to
 * four decimals) as a percentage with two, which is the same number; null (nothing to divide by) as —.
 */
export function formatFigure(value: unknown, format: Format | undefined): string {
  if (value === null || value === undefined) return centreZh.reports.notApplicable;
  if (format === 'rate' && typeof value === 'number') return `${(value * 100).toFixed(2)}%`;
  return String(value);
}

/** The API's query for a period picked on the page (year, year+quarter, year+month or from+to). */
export function periodQuery(p: Period): Record<string, string> | null {
  const year = p.value.slice(0, 4);
  if (p.kind === 'range') return p.range ? { from: p.range[0], to: p.range[1] } : null;
  if (!/^\d{4}$/.test(year)) return null;
  if (p.kind === 'year') return { year };
  if (p.kind === 'quarter') return { year, quarter: String(p.quarter) };
  const month = Number(p.value.slice(5, 7));
  return month ? { year, month: String(month) } : null;
}

export function barChart(
  categories: string[],
  series: { name: string; data: (number | null)[] }[],
  horizontal = false,
): ChartOption {
  const category = {
    type: 'category' as const,
    data: categories,
    axisLabel: { interval: 0, width: 110, overflow: 'truncate' as const, rotate: horizontal ? 0 : 30 },
  };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: horizontal ? 130 : 50, right: 30, top: 40, bottom: 40 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.data,
      barMaxWidth: 40,
      label: { show: true, position: horizontal ? ('right' as const) : ('top' as const) },
    })),
  };
}

export function lineChart(categories: string[], series: { name: string; data: (number | null)[] }[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    // Distinct marker shapes as well as colours: a series is told apart without colour.
    series: series.map((s, i) => ({
      type: 'line' as const,
      name: s.name,
      data: s.data,
      label: { show: true },
      symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4],
      symbolSize: 8,
    })),
  };
}
