import { Controller, Get, Headers, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { ResolutionRateQuery } from './dto/resolution-rate.query.js';
import { StatisticsQuery, XLSX_TYPE } from './dto/statistics.query.js';
import { ReportsService } from './reports.service.js';
import { StatisticsService } from './statistics.service.js';
import { reportWorkbook } from './reportWorkbook.js';
import type { Report, ReportKind } from './statisticsReport.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { ApiProblems } from '../openapi/problems.js';

const PERIOD_DOC =
  'Period: `year`, `year`+`quarter`, `year`+`month`, or `from`+`to` (China days, inclusive); every figure counts by ' +
  'the day of its own event (docs/reports.md). ' +
  'Scope: your organisation and those below it (403 otherwise). `format=xlsx` (or `Accept: ' +
  XLSX_TYPE +
  '`) answers the same figures as an Excel workbook laid out like the paper form.';

const XLSX_CONTENT = { [XLSX_TYPE]: { schema: { type: 'string', contentMediaType: XLSX_TYPE } } };

@ApiTags('reports')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/reports`)
@Roles('supervisor', 'admin')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly statistics: StatisticsService,
  ) {}

  @Get('resolution-rate')
  @ApiOperation({
    summary:
      'Resolution rate (resolved ÷ accepted) of the cases accepted in a year, by organisation (with subtree), ' +
      'level or category (supervisor, admin)',
    description:
      '`year` is required. Cases count by their acceptance day (China time); ' +
      'a rate is null where nothing was accepted.',
  })
  @ApiOkResponse({ description: 'the total and one row per group', schema: responseRef('ResolutionRate') })
  @ApiProblems(403)
  resolutionRate(@Query() query: ResolutionRateQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.reports.resolutionRate(actor, query);
  }

  @Get('mediation')
  @ApiOperation({
    summary:
      'People’s mediation statistics (人民调解案件统计表, MoJ form): by dispute category × result, agreements, parties, ' +
      'amount, 防止民转刑 (supervisor, admin)',
    description: `${PERIOD_DOC} Covers the people-mediation and delegated-mediation flows.`,
  })
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({
    description: 'the total and one row per group',
    content: { 'application/json': { schema: responseRef('MediationReport') }, ...XLSX_CONTENT },
  })
  @ApiProblems(403)
  mediation(
    @Query() query: StatisticsQuery,
    @CurrentActor() actor: AuthenticatedUser,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('mediation', query, actor, accept, response);
  }

  @Get('centre')
  @ApiOperation({
    summary:
      'Centre assessment (综治/矛调中心考核): 化解率, within 30 days and the time limits, 不出街镇, escalated, overdue, risk, ' +
      'satisfaction (supervisor, admin)',
    description: `${PERIOD_DOC} Covers every flow.`,
  })
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({
    description: 'the total and one row per group',
    content: { 'application/json': { schema: responseRef('CentreReport') }, ...XLSX_CONTENT },
  })
  @ApiProblems(403)
  centre(
    @Query() query: StatisticsQuery,
    @CurrentActor() actor: AuthenticatedUser,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('centre', query, actor, accept, response);
  }

  @Get('petitions')
  @ApiOperation({
    summary:
      'Petition statistics (信访): timely acceptance (15 days), on-time reply (60 (+30) days), repeat petitions, ' +
      'satisfaction (supervisor, admin)',
    description: `${PERIOD_DOC} Covers the petition flow.`,
  })
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({
    description: 'the total and one row per group',
    content: { 'application/json': { schema: responseRef('PetitionReport') }, ...XLSX_CONTENT },
  })
  @ApiProblems(403)
  petitions(
    @Query() query: StatisticsQuery,
    @CurrentActor() actor: AuthenticatedUser,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('petitions', query, actor, accept, response);
  }

  @Get('courts')
  @ApiOperation({
    summary:
      'Judicial-confirmation statistics (司法确认): applications received, accepted, confirmed, dismissed; ' +
      'median days to ruling; within the 30-day period (supervisor, admin)',
    description: `${PERIOD_DOC} Covers the judicial-confirmation flow, by the court handling it.`,
  })
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({
    description: 'the total and one row per group',
    content: { 'application/json': { schema: responseRef('CourtReport') }, ...XLSX_CONTENT },
  })
  @ApiProblems(403)
  courts(
    @Query() query: StatisticsQuery,
    @CurrentActor() actor: AuthenticatedUser,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('courts', query, actor, accept, response);
  }

  private async answer(
    kind: ReportKind,
    query: StatisticsQuery,
    actor: AuthenticatedUser,
    accept: string | undefined,
    response: Response,
  ): Promise<Report<object> | StreamableFile> {
    const report = await this.statistics.report(kind, actor, query);
    const xlsx = query.format === 'xlsx' || (query.format === undefined && (accept ?? '').includes(XLSX_TYPE));
    if (!xlsx) return report;
    const bytes = await reportWorkbook(kind, report);
    response.setHeader('Cache-Control', 'no-store');
    const fileName = `${report.title}-${report.organization.name}-${report.period.label}.xlsx`;
    return new StreamableFile(bytes, {
      type: XLSX_TYPE,
      disposition: `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
