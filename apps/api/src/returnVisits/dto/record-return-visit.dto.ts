import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsIsoDate } from '../../common/isIsoDate.decorator.js';

export const PERFORMANCES = ['performed', 'partlyPerformed', 'notPerformed', 'notDue'] as const;
export type Performance = (typeof PERFORMANCES)[number];
export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** `POST /cases/{id}/return-visits`: one return visit (回访), as the mediator records it. */
export class RecordReturnVisitDto {
  @ApiProperty({
    format: 'date',
    example: '2026-05-20',
    description: 'the day of the visit: not in the future, not before the case was received',
  })
  @IsIsoDate()
  visitedOn: string;

  @ApiProperty({ example: '申请人张三、被申请人李四（电话回访）', description: 'who was visited, and how' })
  @IsString()
  @Length(1, 500)
  personsVisited: string;

  @ApiProperty({ enum: PERFORMANCES, description: 'performance of the agreement' })
  @IsIn(PERFORMANCES)
  performance: Performance;

  @ApiProperty({ enum: SATISFACTIONS, description: 'the parties’ satisfaction' })
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @ApiProperty({ description: 'a new dispute arose between the parties' })
  @IsBoolean()
  newDispute: boolean;

  @ApiPropertyOptional({
    example: '双方因维修质量再起争执，有激化可能',
    description: 'any new dispute or risk, in words',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  riskNote?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
