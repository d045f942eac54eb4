import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { MediatorsController } from './mediators.controller.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [UsersController, MediatorsController],
  providers: [UsersService],
})
export class UsersModule {}
