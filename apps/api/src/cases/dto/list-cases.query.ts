import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CATEGORIES, RISK_LEVELS } from '@jiefen/flows';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../common/isIsoDate.decorator.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `GET /cases` filters; every filter is backed by an index (see the initial migration). */
export class ListCasesQuery {
  @ApiPropertyOptional({ example: 'people-mediation' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  flow?: string;

  @ApiPropertyOptional({ example: 'mediating' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  state?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the organisation and its whole subtree' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'a target or window has passed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'case number, summary or party name contains this' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({
    description: 'a party’s resident ID number: finds the cases it appears in (matched by keyed hash)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: 'must be an 18-character resident ID number' })
  idNumber?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  openedFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  openedTo?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'is not a cursor this API issued' })
  cursor?: string;
}
