import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { FlowPolicy } from '@jiefen/flows';
import { IsFlowPolicy } from './create-organization.dto.js';

/**
 * `PUT /organizations/{id}/policy`: the organisation's own *(cfg)*
 * policy, replaced whole; kept in its history with who and when.
 */
export class UpdatePolicyDto {
  @ApiProperty({
    description:
      'deadline kind → period: the flows’ configurable periods (e.g. mediationPeriod), resolutionTarget (the ' +
      'centre’s target at this level), returnVisitTarget (回访 due after the last performance date), stuckThreshold ' +
      '(no event for this long: stuck on the board)',
    example: {
      mediationPeriod: { length: 30, unit: 'day', basis: 'SZ-DR Art. 25' },
      resolutionTarget: { length: 15, unit: 'workingDay' },
      returnVisitTarget: { length: 15, unit: 'day' },
      stuckThreshold: { length: 5, unit: 'workingDay' },
    },
  })
  @IsFlowPolicy()
  policy: FlowPolicy;

  @ApiPropertyOptional({ description: 'why, for the history' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
