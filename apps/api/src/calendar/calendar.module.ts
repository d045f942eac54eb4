import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { CalendarSync } from './calendarSync.js';
import { DeadlineRecomputer } from './deadlineRecomputer.js';

@Module({
  imports: [CasesModule],
  controllers: [CalendarController],
  providers: [CalendarSync, CalendarService, DeadlineRecomputer],
  exports: [CalendarSync, DeadlineRecomputer],
})
export class CalendarModule {}
