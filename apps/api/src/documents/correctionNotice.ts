import type { CorrectionData } from './documentData.js';

/**
 * The line a correction (更正) prints under its title and 文号: which document it replaces (文号,
 * title and date) and why. An issued document is never changed (archive integrity, docs/documents.md):
 * the correction says that the original is superseded, and the original stays on file.
 */
export function correctionNoticeText(correction: CorrectionData): string {
  const replaced = correction.replaces.number
    ? '{{correction.replaces.number}}《{{correction.replaces.title}}》（{{correction.replaces.issuedOn|date}}出具）'
    : '{{correction.replaces.issuedOn|date}}出具的《{{correction.replaces.title}}》';
  return `更正说明：本文书系对${replaced}的更正，原文书自本文书出具之日起不再使用。更正原因：{{correction.reason}}。`;
}
