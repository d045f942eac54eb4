import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsIsoDate } from '../../common/isIsoDate.decorator.js';

export const PERFORMANCES = ['performed', 'partlyPerformed', 'notPerformed', 'notDue'] as const;
export type Performance = (typeof PERFORMANCES)[number];
export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
/** How the visit was made (回访方式): 上门, 电话, 来访 (at the committee), 网络 (video, messaging), 信函. */
export const VISIT_MANNERS = ['onSite', 'phone', 'atOffice', 'online', 'letter'] as const;
export type VisitManner = (typeof VISIT_MANNERS)[number];

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

  @ApiPropertyOptional({
    enum: VISIT_MANNERS,
    description: 'how the visit was made (回访方式), printed on the 回访记录',
  })
  @IsOptional()
  @IsIn(VISIT_MANNERS)
  manner?: VisitManner;

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

  @ApiPropertyOptional({
    example: '双方对调解结果表示满意，被申请人承诺按期付款',
    description: 'the parties’ opinions on the mediation and its result (当事人意见)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  opinions?: string;

  @ApiPropertyOptional({
    example: '督促被申请人于4月30日前履行，约定再次电话回访',
    description: 'the measures taken for the problems found (采取的措施), e.g. urging performance',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  measures?: string;

  @ApiPropertyOptional({
    example: '无人起诉',
    description: 'whether a party went to court over the agreement, and the result (起诉及裁判情况)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  lawsuit?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
