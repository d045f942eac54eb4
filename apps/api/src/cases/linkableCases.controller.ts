import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { ApiProblems } from '../openapi/problems.js';
import { LinkableCaseQuery } from './dto/linkable-case.query.js';
import { LinkableCasesService } from './linkableCases.service.js';

const party = {
  type: 'object',
  properties: { id: { type: 'string' }, role: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
  required: ['id', 'role', 'kind', 'name'],
};

@ApiTags('cases')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/linkable-cases`)
export class LinkableCasesController {
  constructor(private readonly linkable: LinkableCasesService) {}

  @Get()
  @ApiOperation({
    summary: 'A case a new case may continue from (linkedCaseId), found by its case number',
    description:
      'For a court clerk opening a judicial confirmation from the agreement the parties bring (CPL Art. 205; ' +
      'PML Art. 33): the case’s id, its parties by name and the agreement it holds (masked). Only a case you may ' +
      'name as `linkedCaseId`; any other is 404.',
  })
  @ApiOkResponse({
    description: 'the case',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        caseNumber: { type: 'string' },
        flowId: { type: 'string' },
        state: { type: 'string' },
        organizationId: { type: 'string', format: 'uuid' },
        category: { type: 'string' },
        summary: { type: 'string' },
        parties: { type: 'array', items: party },
        agreement: {
          type: 'object',
          nullable: true,
          description: 'the agreement the case holds (form, effectiveOn, terms, boundPartyIds), or null',
        },
      },
      required: [
        'id',
        'caseNumber',
        'flowId',
        'state',
        'organizationId',
        'category',
        'summary',
        'parties',
        'agreement',
      ],
    },
  })
  @ApiProblems(404)
  find(@Query() query: LinkableCaseQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.linkable.byNumber(actor, query.caseNumber);
  }
}
