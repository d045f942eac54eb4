import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

/** `POST /cases/:id/events`. The payload is validated by the DTO derived from the case's flow for `type`. */
export class SendEventDto {
  @ApiProperty({
    example: 'application.accepted',
    description: 'a dot-separated past-tense fact the case’s flow accepts',
  })
  @IsString()
  @Length(3, 64)
  @Matches(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/, {
    message: 'must be a dot-separated event name such as mediator.assigned',
  })
  type: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'see GET /flows/{id} for each event’s payload',
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}
