import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { BulkReassignmentService } from './bulkReassignment.service.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionBoardService } from './supervisionBoard.service.js';

@Module({
  imports: [OrganizationsModule, CasesModule],
  controllers: [SupervisionController],
  providers: [SupervisionBoardService, BulkReassignmentService],
})
export class SupervisionModule {}
