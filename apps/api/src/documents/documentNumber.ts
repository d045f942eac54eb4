import { formatCaseNumber } from '../organizations/caseNumberPattern.js';

/**
 * A document's 文号 in the organisation's own style — its case-number pattern, `（{year}）{short}人调字第{seq}号` —
 * from a separate gapless sequence per organisation and year, and unpadded like the formats'
 * samples (（2026）玄梅人调字第12号), so a 文号 never reads as the organisation's five-digit case numbers.
 */
export function documentNumber(
  caseNumberPattern: string,
  values: { year: number; short: string; seq: number },
): string {
  return formatCaseNumber(caseNumberPattern.replace(/\{seq:\d{1,2}\}/g, '{seq}'), values);
}
