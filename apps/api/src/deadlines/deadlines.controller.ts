import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { CurrentActor } from '../common/currentActor.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { DeadlinesService } from './deadlines.service.js';
import { ListDeadlinesQuery } from './dto/list-deadlines.query.js';
import { responseRef } from '../openapi/responseSchemas.js';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/deadlines`)
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @ApiOperation({
    summary: 'Work list: deadlines falling due (e.g. dueBefore = end of this week), soonest first',
    description: 'Running deadlines of the cases in your scope, with the days left on the official calendar.',
  })
  @ApiOkResponse({ description: 'the deadlines, soonest first', schema: responseRef('DeadlineList') })
  list(@Query() query: ListDeadlinesQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.deadlines.list(actor, query);
  }
}
