import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validationFailed } from '../common/errors/DomainError.js';

/** A calendar year in a path (`/calendar/years/2027`); otherwise a 400 naming it. */
@Injectable()
export class CalendarYearParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^\d{4}$/.test(value) || Number(value) < 1949) {
      throw validationFailed([
        { field: metadata.data ?? 'year', message: 'must be a year written YYYY, 1949 or later' },
      ]);
    }
    return Number(value);
  }
}
