import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { ResolutionRateQuery } from './dto/resolution-rate.query.js';
import { ReportsService } from './reports.service.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { ApiProblems } from '../openapi/problems.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/reports`)
@Roles('supervisor', 'admin')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('resolution-rate')
  @ApiOperation({
    summary: 'Resolution rate (resolved ÷ accepted) of the cases accepted in a year, by organisation (with subtree), level or category (supervisor, admin)',
    description: '`year` is required. Cases count by their acceptance day (China time); a rate is null where nothing was accepted.',
  })
  @ApiOkResponse({ description: 'the total and one row per group', schema: responseRef('ResolutionRate') })
  @ApiProblems(403)
  resolutionRate(@Query() query: ResolutionRateQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.reports.resolutionRate(actor, query);
  }
}
