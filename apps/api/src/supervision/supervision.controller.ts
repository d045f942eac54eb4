import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { ApiProblems } from '../openapi/problems.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { BulkReassignmentService } from './bulkReassignment.service.js';
import { BulkReassignDto } from './dto/bulk-reassign.dto.js';
import { SupervisionBoardQuery } from './dto/supervision-board.query.js';
import { SupervisionBoardService } from './supervisionBoard.service.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/supervision`)
@Roles('supervisor')
export class SupervisionController {
  constructor(
    private readonly boardService: SupervisionBoardService,
    private readonly reassignment: BulkReassignmentService,
  ) {}

  @Get('board')
  @ApiOperation({
    summary:
      'The supervision board (督办台) of your subtree: breached / due within 3 working days / on track, red risk,' +
      ' escalated, supervised, stuck',
    description:
      'Open cases by organisation and level; each list carries the case `version` for `If-Match` on an action sent ' +
      'with POST /cases/{id}/events (case.escalated, case.assigned, case.transferred, case.supervised). Stuck: ' +
      'no event for the organisation’s stuckThreshold (default 10 working days, official calendar).',
  })
  @ApiOkResponse({ description: 'the board', schema: responseRef('SupervisionBoard') })
  @ApiProblems(403)
  board(@Query() query: SupervisionBoardQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.boardService.board(actor, query);
  }

  @Post('reassignments')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bulk reassignment: every open case of a mediator (e.g. on leave) to another mediator of the same organisation',
    description:
      'Each case moves by its own events through the flow (people’s mediation: mediator.recused, ' +
      'then mediator.assigned), in its own trail, guarded by its version; a case that fails is reported with the ' +
      'problem its own request would have given and does not undo the others. Delegated mediations are skipped: ' +
      'the parties or the court choose again there.',
  })
  @ApiOkResponse({ description: 'the outcome per case', schema: responseRef('BulkReassignment') })
  @ApiProblems(403, 422)
  reassign(@Body() dto: BulkReassignDto, @CurrentActor() actor: AuthenticatedUser) {
    return this.reassignment.reassign(actor, dto);
  }
}
