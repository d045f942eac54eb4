import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ReturnVisitsController } from './returnVisits.controller.js';
import { ReturnVisitsService } from './returnVisits.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [ReturnVisitsController],
  providers: [ReturnVisitsService],
})
export class ReturnVisitsModule {}
