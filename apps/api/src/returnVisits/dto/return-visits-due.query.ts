import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../common/isIsoDate.decorator.js';

/** `GET /return-visits/due`: the work queue of return visits falling due. */
export class ReturnVisitsDueQuery {
  @ApiPropertyOptional({ format: 'date', description: 'due on or before this day (default: today)' })
  @IsOptional()
  @IsIsoDate()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the organisation and its subtree (within your scope)' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the cases of this mediator' })
  @IsOptional()
  @IsUUID('all')
  mediatorId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
