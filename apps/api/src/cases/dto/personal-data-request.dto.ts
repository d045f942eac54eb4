import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Why the caller needs a party's personal data in full; kept in the access log. */
export class PersonalDataRequestDto {
  @ApiProperty({ example: '制作调解协议书需核对身份证号' })
  @IsString()
  @Length(4, 500)
  reason: string;
}
