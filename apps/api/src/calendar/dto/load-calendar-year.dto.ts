import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../common/isIsoDate.decorator.js';

/** `{ "2027-01-01": "元旦", … }`: dates to the holiday's name (1–20 characters), at most 40 of them. */
const IsDateNameMap = () =>
  ValidateBy(
    {
      name: 'isDateNameMap',
      validator: {
        validate: (value: unknown) =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 40 &&
          Object.entries(value).every(
            ([date, name]) =>
              /^\d{4}-\d{2}-\d{2}$/.test(date) &&
              typeof name === 'string' &&
              name.trim().length >= 1 &&
              name.length <= 20,
          ),
      },
    },
    { message: 'must map dates (YYYY-MM-DD) to the holiday’s name (1-20 characters), at most 40 dates' },
  );

export class CalendarNoticeDto {
  @ApiProperty({ example: '国办发明电〔2026〕7号', description: 'the notice’s number (文号)' })
  @IsString()
  @Length(1, 100)
  number!: string;

  @ApiProperty({ example: '2026-11-12', description: 'the notice’s date' })
  @IsIsoDate()
  date!: string;
}

/** A year's schedule from the State Council General Office's notice (国务院办公厅关于…部分节假日安排的通知). */
export class LoadCalendarYearDto {
  @ApiProperty({
    example: { '2027-01-01': '元旦', '2027-02-05': '春节' },
    description: 'the days off (放假), each with its holiday',
  })
  @IsDateNameMap()
  holidays!: Record<string, string>;

  @ApiProperty({ example: { '2027-02-14': '春节' }, description: 'the make-up working days (调休上班), weekends only' })
  @IsDateNameMap()
  makeUpWorkdays!: Record<string, string>;

  @ApiProperty({ type: CalendarNoticeDto })
  @ValidateNested()
  @Type(() => CalendarNoticeDto)
  notice!: CalendarNoticeDto;

  @ApiPropertyOptional({
    example: 0,
    description: 'to correct a loaded year: the version being corrected (0 = the bundled schedule)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  replacesVersion?: number;

  @ApiPropertyOptional({
    example: '补充遗漏的调休上班日',
    description: 'why the year is corrected (required with replacesVersion)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
