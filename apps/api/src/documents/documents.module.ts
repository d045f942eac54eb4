import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DocumentProducer } from './documentProducer.js';
import { DocumentRenderer } from './documentRenderer.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentProducer, DocumentRenderer],
  exports: [DocumentProducer],
})
export class DocumentsModule {}
