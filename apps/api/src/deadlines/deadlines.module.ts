import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DeadlineScheduler } from './deadlineScheduler.js';
import { DeadlinesController } from './deadlines.controller.js';
import { DeadlinesService } from './deadlines.service.js';

@Module({
  imports: [CasesModule, OrganizationsModule],
  controllers: [DeadlinesController],
  providers: [DeadlineScheduler, DeadlinesService],
  exports: [DeadlineScheduler],
})
export class DeadlinesModule {}
