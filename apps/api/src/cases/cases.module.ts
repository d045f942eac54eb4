import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { CaseRunner } from './caseRunner.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { FlowInputValidator } from './flowInputValidator.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseRunner, FlowInputValidator],
  exports: [CaseRunner],
})
export class CasesModule {}
