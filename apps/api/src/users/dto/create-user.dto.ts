import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwordRule.js';
import { USER_ROLES, type UserRole } from '../user.entity.js';

export class CreateUserDto {
  @ApiProperty({ example: 'li.mediator' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'must be 3-64 lower-case letters, digits, dots, dashes or underscores',
  })
  username: string;

  @ApiProperty({ example: '李调解员' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  })
  password: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organizationId: string;
}
