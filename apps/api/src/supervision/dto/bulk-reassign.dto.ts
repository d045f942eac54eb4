import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

/** `POST /supervision/reassignments`: every open case of one mediator to another of the same organisation. */
export class BulkReassignDto {
  @ApiProperty({ format: 'uuid', description: 'the mediator whose open cases move (e.g. on leave)' })
  @IsUUID('all')
  fromMediatorId: string;

  @ApiProperty({ format: 'uuid', description: 'an active mediator of the same organisation' })
  @IsUUID('all')
  toMediatorId: string;

  @ApiProperty({ example: '调解员休假，案件改派', description: 'recorded in each case’s trail' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
