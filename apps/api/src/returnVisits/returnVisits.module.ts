import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ReturnVisitsController } from './returnVisits.controller.js';
import { ReturnVisitsRepository } from './returnVisits.repository.js';
import { ReturnVisitsService } from './returnVisits.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [ReturnVisitsController],
  providers: [ReturnVisitsService, ReturnVisitsRepository],
})
export class ReturnVisitsModule {}
