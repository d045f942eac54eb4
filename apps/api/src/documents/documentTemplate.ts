import type { PartyRole } from '@jiefen/flows';

/**
 * A document kind's template, as data (`templates/<flow>/<kind>[.<variant>].json`): a province
 * adapts the wording by editing the file, not the code. The format is described in docs/documents.md.
 * Texts hold placeholders — `{{case.number}}`, `{{document.issuedOn|date}}`, `{{case.category|label:categories}}` —
 * filled from `DocumentData`; a value the case does not hold prints as a line to fill in by hand.
 */
export interface DocumentTemplate {
  /** The effect's document kind (`DOCUMENT_KINDS` in @jiefen/flows). */
  kind: string;
  flow: string;
  /** The flow versions whose effects this template renders. */
  flowVersions: number[];
  /** The template's own version, stored with every document rendered from it. */
  version: number;
  /** Chosen over the plain template when `details[field] === equals` (e.g. the oral agreement's 登记表). */
  variant?: { field: string; equals: string };
  /** The document's title (文书名称), also its name in lists and the dossier index. */
  title: string;
  /** Whether it takes a 文号 from the organisation's yearly sequence. */
  numbered: boolean;
  /** A Word version is offered (`?format=docx`): forms a mediator completes before printing, e.g. the agreement. */
  editable?: boolean;
  /** Position in the dossier (人民调解卷宗 binding order, documents.md); ties keep the order of issue. */
  dossierOrder: number;
  /** Where the wording comes from (format, article). */
  basis: string;
  blocks: Block[];
}

export type Block =
  | { type: 'title'; text?: string }
  | { type: 'number' }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; indent?: boolean }
  | { type: 'fields'; items: [label: string, text: string][] }
  | { type: 'parties'; roles?: PartyRole[]; person: string; organization: string }
  | { type: 'each'; list: string; text: string; numbered?: boolean; empty?: string }
  | { type: 'signatures'; perParty?: string; lines?: string[] }
  | { type: 'signOff'; lines: string[] }
  | { type: 'space'; lines?: number };

export const BLOCK_TYPES = [
  'title',
  'number',
  'heading',
  'paragraph',
  'fields',
  'parties',
  'each',
  'signatures',
  'signOff',
  'space',
] as const;
