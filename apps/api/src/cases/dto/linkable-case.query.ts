import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The case number as the parties' agreement (调解协议书) carries it. */
export class LinkableCaseQuery {
  @ApiProperty({ example: '（2026）玄梅人调字第00001号' })
  @IsString()
  @Length(4, 64)
  caseNumber: string;
}
