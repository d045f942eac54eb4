import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SHORT_NAME } from '../caseNumberPattern.js';

/** `PATCH /organizations/{id}`: rename it, or deactivate (reactivate) it; every change is kept in its history. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ example: '玄武区社会治安综合治理中心' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    example: '玄',
    description: 'changes the case numbers issued from now on; numbers already issued stay',
  })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  @Matches(SHORT_NAME, {
    message: 'must not contain digits or braces: the only digits of a case number are its year and sequence',
  })
  shortName?: string;

  @ApiPropertyOptional({
    description:
      'false deactivates: the organisation keeps its cases and history but takes no new case; refused (409 ' +
      'ORGANIZATION_IN_USE) while it has open cases, active users or active organisations below it',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'why, for the history', example: '机构改革：区矛调中心并入区综治中心' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
