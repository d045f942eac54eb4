import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../common/isIsoDate.decorator.js';

/** `GET /deadlines`: the work list of what falls due, e.g. this week, in an organisation's subtree. */
export class ListDeadlinesQuery {
  @ApiPropertyOptional({ format: 'date', description: 'due on or before this day' })
  @IsOptional()
  @IsIsoDate()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the organisation and its subtree' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ example: 'mediationPeriod' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  kind?: string;

  @ApiPropertyOptional({ enum: ['running', 'expired', 'paused'], default: 'running' })
  @IsOptional()
  @IsIn(['running', 'expired', 'paused'])
  status?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
