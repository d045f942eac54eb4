import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DocumentAccessQuery } from './document-access.query.js';

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** `format=docx`: the Word working copy of a form a mediator completes before printing (templates with `editable`). */
export class DocumentDownloadQuery extends DocumentAccessQuery {
  @ApiPropertyOptional({
    enum: DOCUMENT_FORMATS,
    default: 'pdf',
    description: 'pdf: the archived document; docx: a Word working copy (agreements)',
  })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}
