import { Module } from '@nestjs/common';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationAdminService } from './organizationAdmin.service.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrganizationAdminService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
