import type { StatisticsGroup } from './dto/statistics.query.js';

/** The four report families of issue 16 (docs/reports.md). */
export const REPORT_KINDS = ['mediation', 'centre', 'petitions', 'courts'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A reporting period: China days, `from` and `to` both inclusive. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** 2026年, 2026年第1季度, 2026年3月, 2026-01-05至2026-02-04. */
  label: string;
}

/** What every report says about itself, on the JSON and on the workbook's first rows. */
export interface ReportHeader {
  report: ReportKind;
  /** The form's title, e.g. 人民调解案件统计表. */
  title: string;
  organization: { id: string; name: string; level: string };
  period: ReportPeriod;
  filters: { level?: string; category?: string; flow?: string };
  groupBy: StatisticsGroup;
  generatedAt: string;
}

/** One row: a group (organisation with its subtree, level, category, flow or month) and its figures. */
export type ReportRow<F> = { key: string; label: string; level?: string } & F;

export interface Report<F> extends ReportHeader {
  rows: ReportRow<F>[];
  total: F;
}

/** 人民调解 (MoJ form): see docs/reports.md "People's mediation". */
export interface MediationFigures {
  /** 受理: cases accepted in the period. */
  accepted: number;
  /** 调解: mediations concluded in the period, succeeded + failed. */
  concluded: number;
  /** 调解成功: agreements reached (agreement.signed) in the period. */
  succeeded: number;
  /** 调解不成功: mediations ended in the period without agreement. */
  failed: number;
  /** succeeded ÷ concluded; null when nothing concluded. */
  successRate: number | null;
  /** 口头协议 / 书面协议. */
  oralAgreements: number;
  writtenAgreements: number;
  /** 自动履行: agreements confirmed performed in the period. */
  performed: number;
  /** 司法确认: agreements of these cases confirmed by a court in the period. */
  judiciallyConfirmed: number;
  /** 当事人数 of the concluded mediations. */
  parties: number;
  /** 群体性: concluded mediations with 3 or more parties, and their parties. */
  groupCases: number;
  groupParties: number;
  /** 协议涉及金额 (yuan, 2 decimals): the sum of the terms' amounts of the agreements reached. */
  amount: string;
  /** 防止民转刑 (件 and 人): concluded mediations flagged criminal_risk_prevented. */
  criminalRiskPrevented: number;
  criminalRiskPreventedParties: number;
}

/** 综治/矛调中心考核: see docs/reports.md "Centre assessment". */
export interface CentreFigures {
  /** Cases accepted in the period, and of them those resolved (status resolved). */
  accepted: number;
  resolved: number;
  /** 化解率 = resolved ÷ accepted. */
  resolutionRate: number | null;
  /** Of the resolved: resolved within 30 days of acceptance. */
  resolvedWithin30Days: number;
  within30DaysRate: number | null;
  /** Of the resolved: no statutory limit or body's target expired before resolution. */
  resolvedWithinTimeLimit: number;
  withinTimeLimitRate: number | null;
  /** Of the resolved: handled at street or community level (不出街镇). */
  resolvedAtStreetLevel: number;
  streetLevelRate: number | null;
  /** Cases escalated (case.escalated) in the period. */
  escalated: number;
  /** Cases one of whose statutory limits or body's targets expired in the period (超期). */
  overdue: number;
  /** Of the accepted: red / orange risk. */
  redRisk: number;
  orangeRisk: number;
  /** Return visits (回访) in the period and their satisfaction. */
  returnVisits: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (satisfied + basicallySatisfied) ÷ return visits. */
  satisfactionRate: number | null;
}

/** 信访: see docs/reports.md "Petitions". */
export interface PetitionFigures {
  /** Petitions registered (opened) in the period. */
  registered: number;
  /** Acceptance decisions in the period (accepted, rejected, routed), and those within the 15-day target. */
  acceptanceDecisions: number;
  acceptedTimely: number;
  timelyAcceptanceRate: number | null;
  /** Replies (opinion.issued) in the period, and those within 60 (+30 extended) days. */
  replies: number;
  repliedOnTime: number;
  onTimeReplyRate: number | null;
  /** Of the registered: repeat petitions (same petitioner, same matter). */
  repeat: number;
  repeatRate: number | null;
  returnVisits: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionRate: number | null;
}

/** 司法确认 at the courts: see docs/reports.md "Courts". */
export interface CourtFigures {
  /** Applications received (cases opened) in the period. */
  received: number;
  /** Decisions in the period: accepted (受理), not accepted (不予受理), confirmed, dismissed (驳回), withdrawn. */
  accepted: number;
  notAccepted: number;
  confirmed: number;
  dismissed: number;
  withdrawn: number;
  /** Rulings = confirmed + dismissed; median days from acceptance to ruling. */
  rulings: number;
  medianDaysToRuling: number | null;
  /** Rulings within the 30-day special-procedure period (CPL Art. 187). */
  withinSpecialPeriod: number;
  withinSpecialPeriodRate: number | null;
}

export type MediationReport = Report<MediationFigures>;
export type CentreReport = Report<CentreFigures>;
export type PetitionReport = Report<PetitionFigures>;
export type CourtReport = Report<CourtFigures>;

/** A share rounded to 4 decimals as the resolution-rate report gives it; null on an empty denominator. */
export const rateOf = (part: number, whole: number): number | null =>
  whole ? Math.round((part / whole) * 10_000) / 10_000 : null;
