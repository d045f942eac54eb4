import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Why the caller opens a document in full; kept in the personal-data access log like a reveal. */
export class DocumentAccessQuery {
  @ApiPropertyOptional({ example: '打印协议书交当事人签字', description: 'kept in the access log; default: 下载文书' })
  @IsOptional()
  @IsString()
  @Length(2, 500)
  reason?: string;
}
