import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const ORGANIZATION_CHANGES = ['renamed', 'moved', 'deactivated', 'reactivated', 'policy'] as const;
export type OrganizationChange = (typeof ORGANIZATION_CHANGES)[number];

/** `GET /organizations/{id}/history`: every change, newest first; `change=policy` for the policy's alone. */
export class OrganizationHistoryQuery {
  @ApiPropertyOptional({ enum: ORGANIZATION_CHANGES })
  @IsOptional()
  @IsIn(ORGANIZATION_CHANGES)
  change?: OrganizationChange;
}
