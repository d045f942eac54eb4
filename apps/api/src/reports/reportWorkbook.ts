import ExcelJS from 'exceljs';
import type { StatisticsGroup } from './dto/statistics.query.js';
import type {
  CentreFigures,
  CourtFigures,
  MediationFigures,
  PetitionFigures,
  Report,
  ReportKind,
} from './statisticsReport.js';

type Format = 'count' | 'rate' | 'amount' | 'days';
interface Column<F> {
  /** The header over several columns (the form's first header row), if any. */
  group?: string;
  header: string;
  value: (f: F) => number | string | null;
  format?: Format;
}

const MEDIATION: Column<MediationFigures>[] = [
  { header: '受理（件）', value: (f) => f.accepted },
  { group: '调解（件）', header: '合计', value: (f) => f.concluded },
  { group: '调解（件）', header: '成功', value: (f) => f.succeeded },
  { group: '调解（件）', header: '不成功', value: (f) => f.failed },
  { header: '调解成功率', value: (f) => f.successRate, format: 'rate' },
  { group: '调解协议（件）', header: '口头', value: (f) => f.oralAgreements },
  { group: '调解协议（件）', header: '书面', value: (f) => f.writtenAgreements },
  { header: '自动履行（件）', value: (f) => f.performed },
  { header: '司法确认（件）', value: (f) => f.judiciallyConfirmed },
  { header: '当事人数（人）', value: (f) => f.parties },
  { group: '其中3人以上（群体性）', header: '件', value: (f) => f.groupCases },
  { group: '其中3人以上（群体性）', header: '人', value: (f) => f.groupParties },
  { header: '协议涉及金额（元）', value: (f) => Number(f.amount), format: 'amount' },
  { group: '防止民间纠纷转化为刑事案件', header: '件', value: (f) => f.criminalRiskPrevented },
  { group: '防止民间纠纷转化为刑事案件', header: '人', value: (f) => f.criminalRiskPreventedParties },
];

const satisfaction = <
  F extends {
    returnVisits: number;
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    satisfactionRate: number | null;
  },
>(): Column<F>[] => [
  { group: '回访（次）', header: '合计', value: (f) => f.returnVisits },
  { group: '回访（次）', header: '满意', value: (f) => f.satisfied },
  { group: '回访（次）', header: '基本满意', value: (f) => f.basicallySatisfied },
  { group: '回访（次）', header: '不满意', value: (f) => f.dissatisfied },
  { header: '满意率', value: (f) => f.satisfactionRate, format: 'rate' },
];

const CENTRE: Column<CentreFigures>[] = [
  { header: '受理（件）', value: (f) => f.accepted },
  { header: '化解（件）', value: (f) => f.resolved },
  { header: '化解率', value: (f) => f.resolutionRate, format: 'rate' },
  { group: '30日内化解', header: '件', value: (f) => f.resolvedWithin30Days },
  { group: '30日内化解', header: '占比', value: (f) => f.within30DaysRate, format: 'rate' },
  { group: '法定期限内化解', header: '件', value: (f) => f.resolvedWithinTimeLimit },
  { group: '法定期限内化解', header: '占比', value: (f) => f.withinTimeLimitRate, format: 'rate' },
  { group: '不出街镇化解', header: '件', value: (f) => f.resolvedAtStreetLevel },
  { group: '不出街镇化解', header: '占比', value: (f) => f.streetLevelRate, format: 'rate' },
  { header: '上报（件）', value: (f) => f.escalated },
  { header: '超期（件）', value: (f) => f.overdue },
  { group: '风险等级（件）', header: '红色', value: (f) => f.redRisk },
  { group: '风险等级（件）', header: '橙色', value: (f) => f.orangeRisk },
  ...satisfaction<CentreFigures>(),
];

const PETITIONS: Column<PetitionFigures>[] = [
  { header: '登记（件）', value: (f) => f.registered },
  { group: '及时受理', header: '受理告知（件）', value: (f) => f.acceptanceDecisions },
  { group: '及时受理', header: '15日内（件）', value: (f) => f.acceptedTimely },
  { group: '及时受理', header: '及时受理率', value: (f) => f.timelyAcceptanceRate, format: 'rate' },
  { group: '按期答复', header: '出具意见（件）', value: (f) => f.replies },
  { group: '按期答复', header: '按期（件）', value: (f) => f.repliedOnTime },
  { group: '按期答复', header: '按期答复率', value: (f) => f.onTimeReplyRate, format: 'rate' },
  { group: '重复信访', header: '件', value: (f) => f.repeat },
  { group: '重复信访', header: '占比', value: (f) => f.repeatRate, format: 'rate' },
  ...satisfaction<PetitionFigures>(),
];

const COURTS: Column<CourtFigures>[] = [
  { header: '收到申请（件）', value: (f) => f.received },
  { header: '受理（件）', value: (f) => f.accepted },
  { header: '不予受理（件）', value: (f) => f.notAccepted },
  { group: '裁定（件）', header: '确认有效', value: (f) => f.confirmed },
  { group: '裁定（件）', header: '驳回申请', value: (f) => f.dismissed },
  { header: '撤回（件）', value: (f) => f.withdrawn },
  { header: '审查天数中位数', value: (f) => f.medianDaysToRuling, format: 'days' },
  { group: '30日内审结', header: '件', value: (f) => f.withinSpecialPeriod },
  { group: '30日内审结', header: '占比', value: (f) => f.withinSpecialPeriodRate, format: 'rate' },
];

const COLUMNS: Record<ReportKind, Column<never>[]> = {
  mediation: MEDIATION as never,
  centre: CENTRE as never,
  petitions: PETITIONS as never,
  courts: COURTS as never,
};
const GROUP_HEADER: Record<StatisticsGroup, string> = {
  organization: '单位',
  level: '层级',
  category: '纠纷类别',
  flow: '案件类型',
  month: '月份',
};
const NUMBER_FORMAT: Record<Format, string> = { count: '0', rate: '0.00%', amount: '#,##0.00', days: '0.0' };
const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * A report as the paper form lays it out: the title, the reporting organisation and period, two
 * header rows (a group over its columns), one row per group, the total (合计), and a note on where
 * the figures are defined. Numbers stay numbers (rates as percentages), so the sheet can be summed.
 */
export async function reportWorkbook(kind: ReportKind, report: Report<object>): Promise<Buffer> {
  const columns = COLUMNS[kind] as Column<object>[];
  const width = columns.length + 1;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jiefen';
  workbook.created = new Date(report.generatedAt);
  const sheet = workbook.addWorksheet(report.title, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = report.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  const half = Math.max(1, Math.floor(width / 2));
  sheet.mergeCells(2, 1, 2, half);
  sheet.getCell(2, 1).value = `填报单位：${report.organization.name}`;
  sheet.mergeCells(2, half + 1, 2, width);
  sheet.getCell(2, half + 1).value = `统计期间：${report.period.label}（${report.period.from}至${report.period.to}）`;
  sheet.getCell(2, half + 1).alignment = { horizontal: 'right' };

  // Header rows 3 and 4: a column without a group spans both rows.
  const headerTop = 3;
  sheet.mergeCells(headerTop, 1, headerTop + 1, 1);
  sheet.getCell(headerTop, 1).value = GROUP_HEADER[report.groupBy];
  for (let i = 0; i < columns.length;) {
    const col = i + 2;
    const group = columns[i]!.group;
    if (!group) {
      sheet.mergeCells(headerTop, col, headerTop + 1, col);
      sheet.getCell(headerTop, col).value = columns[i]!.header;
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < columns.length && columns[end + 1]!.group === group) end++;
    if (end > i) sheet.mergeCells(headerTop, col, headerTop, end + 2);
    sheet.getCell(headerTop, col).value = group;
    for (let j = i; j <= end; j++) sheet.getCell(headerTop + 1, j + 2).value = columns[j]!.header;
    i = end + 1;
  }
  for (const r of [headerTop, headerTop + 1]) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }

  const put = (label: string, figures: object, bold: boolean) => {
    const row = sheet.addRow([label, ...columns.map((c) => c.value(figures))]);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.border = BORDER;
      if (bold) cell.font = { bold: true };
      if (c > 1) {
        cell.numFmt = NUMBER_FORMAT[columns[c - 2]!.format ?? 'count'];
        cell.alignment = { horizontal: 'right' };
      }
    });
  };
  for (const row of report.rows) put(row.label, row, false);
  put('合计', report.total, true);

  const note = sheet.rowCount + 2;
  sheet.mergeCells(note, 1, note, width);
  sheet.getCell(note, 1).value =
    `说明：各项口径见 docs/reports.md；按事件发生日（北京时间）统计。制表时间：${report.generatedAt}`;
  sheet.getCell(note, 1).font = { size: 9, color: { argb: 'FF666666' } };

  sheet.getColumn(1).width = report.groupBy === 'organization' ? 34 : 18;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 11;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerTop + 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
