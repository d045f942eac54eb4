import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const RESOLUTION_RATE_GROUPS = ['organization', 'level', 'category'] as const;
export type ResolutionRateGroup = (typeof RESOLUTION_RATE_GROUPS)[number];

/** `GET /reports/resolution-rate`. */
export class ResolutionRateQuery {
  @ApiProperty({
    example: 2025,
    minimum: 2000,
    maximum: 2100,
    description: 'cases accepted in this calendar year (China time); required',
  })
  // Checked before the others (class-validator runs IsDefined first), so a missing year says so.
  @IsDefined({ message: 'is required' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'the organisation whose subtree is reported; default: your own' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({
    enum: RESOLUTION_RATE_GROUPS,
    default: 'organization',
    description:
      'organization: the organisation itself and each organisation directly below it, with its subtree; level: ' +
      'the handling organisation’s level; category: the dispute category',
  })
  @IsOptional()
  @IsIn(RESOLUTION_RATE_GROUPS)
  groupBy?: ResolutionRateGroup;
}
