import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto.js';

/** What an administrator may change about a user; each change signs the user out everywhere (docs/security.md). */
export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['role', 'organizationId'] as const)) {
  @ApiPropertyOptional({ description: 'true: the user can no longer sign in, and their tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
