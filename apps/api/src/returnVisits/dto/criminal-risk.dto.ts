import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

/** `PUT /cases/{id}/criminal-risk-prevented`: the 防止民转刑 flag the MoJ statistics count. */
export class CriminalRiskDto {
  @ApiProperty({ description: 'true: the mediation kept this dispute from turning into a criminal case (防止民转刑)' })
  @IsBoolean()
  prevented: boolean;

  @ApiPropertyOptional({ example: '双方曾扬言报复，经调解化解', description: 'why, for the trail' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
