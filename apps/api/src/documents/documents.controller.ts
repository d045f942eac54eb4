import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { IfMatchVersion } from '../common/requestHeaders.js';
import { UuidParamPipe } from '../common/uuidParam.pipe.js';
import { ApiProblems } from '../openapi/problems.js';
import { CorrectDocumentDto } from './dto/correct-document.dto.js';
import { DocumentAccessQuery } from './dto/document-access.query.js';
import { DocumentDownloadQuery } from './dto/document-download.query.js';
import { DocumentsService, type DocumentFile } from './documents.service.js';
import { PDF_CONTENT, responseRef } from '../openapi/responseSchemas.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/cases/:id`)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('documents')
  @ApiOperation({
    summary:
      'The case’s documents (文书): kind, 文号, issued at, the event that issued it, SHA-256; ' +
      'pending ones are not yet produced',
    description:
      'Every document the case’s events issued, in the order of those events, with its SHA-256 and size once produced.',
  })
  @ApiResponse({
    status: 200,
    description: 'the documents in the order of the events that issued them',
    schema: responseRef('DocumentList'),
  })
  @ApiResponse({ status: 404, description: 'no such case in your scope (CASE_NOT_FOUND)' })
  list(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: AuthenticatedUser) {
    return this.documents.list(actor, id);
  }

  @Get('documents/:documentId')
  @ApiOperation({
    summary:
      'One issued document as archived (PDF, A4), or with format=docx the Word working copy of an agreement — ' +
      'personal data in full: the case’s mediator or court only; logged like a reveal',
    description:
      'The bytes as archived when the document was produced; the access is logged with ' +
      'the reason given (PIPL Art. 51).',
  })
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiResponse({
    status: 200,
    description: 'the stored bytes; Repr-Digest carries their SHA-256',
    content: PDF_CONTENT,
  })
  @ApiResponse({ status: 403, description: 'not the case’s mediator nor the court it is before (FORBIDDEN)' })
  @ApiResponse({ status: 404, description: 'no such case in your scope, or no such issued document on it' })
  async download(
    @Param('id', UuidParamPipe) id: string,
    @Param('documentId', UuidParamPipe) documentId: string,
    @Query() query: DocumentDownloadQuery,
    @CurrentActor() actor: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(await this.documents.download(actor, id, documentId, query), response);
  }

  @Post('documents/:documentId/corrections')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Correct (更正) an issued document: a new document from the current case data naming the one it replaces',
    description:
      'The same template rendered again after commit (pending until produced) with the original event’s payload, ' +
      'a new 文号 when the document is numbered, and a line naming the replaced document (文号, date) and the reason. ' +
      'The replaced one stays listed and downloadable, marked `replacedByDocumentId`. Written with a ' +
      '`case.documentCorrected` trail entry and the version bumped. By the case’s mediator or the court it is before.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'the case version you read, e.g. "3"; a stale one is refused with 412',
  })
  @ApiResponse({
    status: 201,
    description: 'the correction, pending until produced, with the case’s new version',
    schema: responseRef('DocumentCorrection'),
  })
  @ApiProblems(400, 403, 404, 409, 412)
  correct(
    @Param('id', UuidParamPipe) id: string,
    @Param('documentId', UuidParamPipe) documentId: string,
    @Body() dto: CorrectDocumentDto,
    @CurrentActor() actor: AuthenticatedUser,
    @IfMatchVersion() expectedVersion: number | undefined,
  ) {
    return this.documents.correct(actor, id, documentId, dto.reason, expectedVersion);
  }

  @Get('dossier')
  @ApiOperation({
    summary:
      'The dossier (一案一卷): cover, index, every issued document in binding order, back cover — one PDF; ' +
      'mediator or court only, logged',
    description:
      'PML Art. 27: the registration, the records and the agreement filed as one dossier; the access is ' +
      'logged with the reason given.',
  })
  @ApiProduces('application/pdf')
  @ApiResponse({
    status: 200,
    description: 'one PDF: cover, index, the archived documents, back cover',
    content: PDF_CONTENT,
  })
  @ApiResponse({ status: 403, description: 'not the case’s mediator nor the court it is before (FORBIDDEN)' })
  @ApiResponse({ status: 404, description: 'no such case in your scope (CASE_NOT_FOUND)' })
  async dossier(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: DocumentAccessQuery,
    @CurrentActor() actor: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(await this.documents.dossier(actor, id, query.reason), response);
  }
}

function send(file: DocumentFile, response: Response): StreamableFile {
  if (file.sha256) response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
  response.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.content, {
    type: file.type,
    disposition:
      `${file.type === 'application/pdf' ? 'inline' : 'attachment'}; ` +
      `filename="document.${file.type === 'application/pdf' ? 'pdf' : 'docx'}"; ` +
      `filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    length: file.content.length,
  });
}
