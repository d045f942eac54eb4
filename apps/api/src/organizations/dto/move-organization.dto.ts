import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** `POST /organizations/{id}/move`: the organisation and its whole subtree go under another centre. */
export class MoveOrganizationDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'the new parent: a centre at the level above (for a centre) or at the same level (for an attached body), ' +
      'never the organisation itself or one below it',
  })
  @IsUUID('all')
  parentId: string;

  @ApiPropertyOptional({ description: 'why, for the history' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
