import { ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORIES, listFlows, type Category } from '@jiefen/flows';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../common/isIsoDate.decorator.js';

export const STATISTICS_GROUPS = ['organization', 'level', 'category', 'flow', 'month'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];
export const ORGANIZATION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export const REPORT_FORMATS = ['json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The workbook's media type; `Accept` with it is the same as `format=xlsx`. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const flowIds = () => listFlows().map((f) => f.id);

/**
 * The period and filters every statistics report takes (`GET /reports/mediation`, `/centre`,
 * `/petitions`, `/courts`). The period is either a calendar `year`, optionally narrowed to one
 * `quarter` or `month`, or any `from`–`to` range of days (both inclusive); days are China days
 * (Asia/Shanghai). The combinations are checked in `reportPeriod` (400 naming the field).
 */
export class StatisticsQuery {
  @ApiPropertyOptional({
    example: 2026,
    minimum: 2000,
    maximum: 2100,
    description: 'a calendar year (China time); with `quarter` or `month` a part of it',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, description: 'one quarter of `year`' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'one month of `year`' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'first day of a range (inclusive), with `to`; instead of `year`',
  })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-06-30',
    description: 'last day of a range (inclusive), with `from`; at most 5 years after it',
  })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the organisation whose subtree is reported; default: your own' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({
    enum: ORGANIZATION_LEVELS,
    description: 'only cases whose handling organisation is at this level',
  })
  @IsOptional()
  @IsIn(ORGANIZATION_LEVELS)
  level?: (typeof ORGANIZATION_LEVELS)[number];

  @ApiPropertyOptional({ enum: CATEGORIES, description: 'only cases of this dispute category' })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: Category;

  @ApiPropertyOptional({
    description: 'only cases of this flow (within the flows the report covers)',
    example: 'people-mediation',
  })
  @IsOptional()
  @IsIn(flowIds())
  flow?: string;

  @ApiPropertyOptional({
    enum: STATISTICS_GROUPS,
    description:
      'rows: organization — the organisation itself and each one directly below it, with its subtree; ' +
      'level — the handling organisation’s level; category; flow; month — the calendar month of each figure’s own ' +
      'day. Default: category for `mediation` (the MoJ form), organization for the others',
  })
  @IsOptional()
  @IsIn(STATISTICS_GROUPS)
  groupBy?: StatisticsGroup;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description:
      `xlsx: the same figures as an Excel workbook laid out like the paper form (also ` +
      `with \`Accept: ${XLSX_TYPE}\`)`,
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
