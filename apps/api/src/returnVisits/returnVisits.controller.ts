import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { IfMatchVersion } from '../common/requestHeaders.js';
import { UuidParamPipe } from '../common/uuidParam.pipe.js';
import { ApiProblems } from '../openapi/problems.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { CriminalRiskDto } from './dto/criminal-risk.dto.js';
import { RecordReturnVisitDto } from './dto/record-return-visit.dto.js';
import { ReturnVisitsDueQuery } from './dto/return-visits-due.query.js';
import { ReturnVisitsService } from './returnVisits.service.js';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'the case version you read, e.g. "3"; a stale one is refused with 412',
};

@ApiTags('return-visits')
@ApiBearerAuth()
@Controller(API_PREFIX)
export class ReturnVisitsController {
  constructor(private readonly returnVisits: ReturnVisitsService) {}

  @Post('cases/:id/return-visits')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a return visit (回访) on a case with an agreement, or one that has ended',
    description:
      'By the case’s mediator (or, when it names none, a mediator of the handling organisation) or a supervisor. ' +
      'Written with a `case.returnVisited` entry in the case’s trail and the version bumped, in one transaction; ' +
      'satisfaction feeds the reports.',
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({
    description: 'the return visit, with the case’s new version',
    schema: responseRef('ReturnVisitRecorded'),
  })
  @ApiProblems(403, 404, 412, 422)
  record(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RecordReturnVisitDto,
    @CurrentActor() actor: AuthenticatedUser,
    @IfMatchVersion() expectedVersion: number | undefined,
  ) {
    return this.returnVisits.record(actor, id, dto, expectedVersion);
  }

  @Get('cases/:id/return-visits')
  @ApiOperation({
    summary: 'A case’s return visits, oldest first, with when the next is due and the 防止民转刑 flag',
    description: 'Any user who sees the case.',
  })
  @ApiOkResponse({ description: 'the return visits', schema: responseRef('ReturnVisitList') })
  @ApiProblems(404)
  list(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: AuthenticatedUser) {
    return this.returnVisits.list(actor, id);
  }

  @Put('cases/:id/criminal-risk-prevented')
  @ApiOperation({
    summary: 'Set or clear the 防止民转刑 flag (a dispute kept from turning criminal)',
    description:
      'By the case’s mediator or a supervisor, in any state; a change is a `case.criminalRiskFlagged` entry in the ' +
      'trail with the version bumped.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: 'the flag and the case’s version', schema: responseRef('CriminalRiskFlag') })
  @ApiProblems(403, 404, 412)
  setCriminalRisk(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CriminalRiskDto,
    @CurrentActor() actor: AuthenticatedUser,
    @IfMatchVersion() expectedVersion: number | undefined,
  ) {
    return this.returnVisits.setCriminalRisk(actor, id, dto, expectedVersion);
  }

  @Get('return-visits/due')
  @ApiOperation({
    summary: 'Work queue: return visits falling due (default: due by today), soonest first',
    description:
      'Cases in your scope with an agreement and no return visit yet; due the returnVisitTarget (default 30 days) ' +
      'after the agreement’s last performance date, or after it took effect when it names none.',
  })
  @ApiOkResponse({ description: 'the visits due', schema: responseRef('ReturnVisitsDue') })
  @ApiProblems(403)
  due(@Query() query: ReturnVisitsDueQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.returnVisits.due(actor, query);
  }
}
