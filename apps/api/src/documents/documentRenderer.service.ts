import { Injectable } from '@nestjs/common';
import { cjkFont, type CjkFont } from './cjkFont.js';
import type { DocumentData } from './documentData.js';
import type { DocumentTemplate } from './documentTemplate.js';
import { renderDocument } from './documentRenderer.js';
import { TemplateRegistry } from './templateRegistry.js';

/** The templates and the font, loaded once per process, and the one way documents are rendered (tests replace it to make renders fail). */
@Injectable()
export class DocumentRenderer {
  readonly templates = TemplateRegistry.load();
  readonly font: CjkFont = cjkFont();

  render(template: DocumentTemplate, data: DocumentData, createdAt: Date): Promise<Buffer> {
    return renderDocument(template, data, { font: this.font, labels: this.templates.labels, createdAt });
  }
}
