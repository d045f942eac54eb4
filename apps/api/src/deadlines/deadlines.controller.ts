import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '../common/apiPrefix.js';
import { DeadlinesService } from './deadlines.service.js';
import { ListDeadlinesQuery } from './dto/list-deadlines.query.js';

@ApiTags('deadlines')
@Controller(`${API_PREFIX}/deadlines`)
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @ApiOperation({ summary: 'Work list: deadlines falling due (e.g. dueBefore = end of this week), soonest first' })
  list(@Query() query: ListDeadlinesQuery) {
    return this.deadlines.list(query);
  }
}
