import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /cases/{id}/documents/{documentId}/corrections`: why an issued document is corrected (更正). */
export class CorrectDocumentDto {
  @ApiProperty({
    example: '申请人姓名误写为“张山”，经核对身份证件更正为“张三”',
    description: 'why: printed on the correction and kept in the case’s trail',
  })
  @IsString()
  @Length(2, 500)
  reason: string;
}
