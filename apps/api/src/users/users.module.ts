import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({ imports: [OrganizationsModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
