import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'mediator' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'the demo password printed at first start' })
  @IsString()
  @Length(1, 200)
  password: string;
}
