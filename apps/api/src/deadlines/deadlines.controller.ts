import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { CurrentActor } from '../common/currentActor.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { DeadlinesService } from './deadlines.service.js';
import { ListDeadlinesQuery } from './dto/list-deadlines.query.js';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/deadlines`)
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @ApiOperation({ summary: 'Work list: deadlines falling due (e.g. dueBefore = end of this week), soonest first' })
  list(@Query() query: ListDeadlinesQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.deadlines.list(actor, query);
  }
}
