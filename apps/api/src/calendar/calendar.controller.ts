import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '../common/apiPrefix.js';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentActor } from '../common/currentActor.js';
import { CalendarService } from './calendar.service.js';
import { CalendarYearParamPipe } from './calendarYearParam.pipe.js';
import { LoadCalendarYearDto } from './dto/load-calendar-year.dto.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { ApiProblems } from '../openapi/problems.js';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/calendar/years`)
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({
    summary: 'The official calendar years in use: bundled with the release, or loaded by whom and when',
    description:
      'Legal periods count on the State Council’s schedule of each year (CPL Art. 85); a year not listed counts the ' +
      'statutory holidays only and its deadlines are provisional.',
  })
  @ApiOkResponse({
    description:
      'every year with a schedule, oldest first; years not listed apply the statutory holidays (provisional)',
    schema: responseRef('CalendarYears'),
  })
  list() {
    return this.calendar.list();
  }

  @Get(':year')
  @ApiParam({ name: 'year', example: 2027 })
  @ApiOperation({
    summary: 'One year’s schedule: its days off, its make-up working days, and every version',
    description: 'Version 0 is the bundled schedule; later versions are corrections, each naming the one it replaces.',
  })
  @ApiOkResponse({ description: 'the year’s current schedule and its versions', schema: responseRef('CalendarYear') })
  @ApiProblems(404)
  get(@Param('year', CalendarYearParamPipe) year: number) {
    return this.calendar.get(year);
  }

  @Put(':year')
  @Roles('admin')
  @HttpCode(200)
  @ApiParam({ name: 'year', example: 2027 })
  @ApiOperation({
    summary: 'Load a year’s State Council schedule (or correct a loaded one, as a new version)',
    description:
      'Validated (dates inside the year, no day both off and a make-up working day, make-up days on weekends only, ' +
      'the statutory holidays included), ' +
      'stored, used by every instance within one polling interval, and every running deadline whose count ' +
      'touched the year is recomputed ' +
      '(`deadline.recomputed` in its case’s trail).',
  })
  @ApiOkResponse({
    description: 'the version stored and the recomputation queued',
    schema: responseRef('CalendarYearLoaded'),
  })
  @ApiProblems(403, 409)
  load(
    @Param('year', CalendarYearParamPipe) year: number,
    @Body() dto: LoadCalendarYearDto,
    @CurrentActor() user: AuthenticatedUser,
  ) {
    return this.calendar.load(year, dto, user);
  }
}
