import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `GET /supervision/board`: your subtree, or one organisation's within it. */
export class SupervisionBoardQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'narrow the board to this organisation and its subtree (within your own)',
  })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    default: 50,
    description: 'cases per list (red risk, supervised, escalated, stuck); the totals count them all',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
