import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { MeController } from './me.controller.js';
import { MeService } from './me.service.js';

@Module({ imports: [OrganizationsModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
