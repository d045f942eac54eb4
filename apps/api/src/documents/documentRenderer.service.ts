import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { cjkFont, type CjkFont } from './cjkFont.js';
import type { DocumentData } from './documentData.js';
import type { DocumentTemplate } from './documentTemplate.js';
import { renderDocument } from './documentRenderer.js';
import { RenderThread } from './renderThread.js';
import { TemplateRegistry, templateFile } from './templateRegistry.js';

/**
 * The templates (the bundled ones under the province's) and the font, loaded once per process (the
 * font only when first needed), and the one way documents are rendered: on the render thread when the
 * build runs, in-thread under the tests (which replace `render` to make renders fail).
 */
@Injectable()
export class DocumentRenderer implements OnApplicationShutdown {
  readonly templates: TemplateRegistry;
  private readonly thread: RenderThread | undefined;

  constructor(@Inject('APP_CONFIG') config: AppConfig) {
    // The province's directory over the bundled templates (JIEFEN_TEMPLATE_DIR); a broken file stops the boot here.
    this.templates = TemplateRegistry.load(undefined, config.templateDir);
    this.thread = RenderThread.available ? new RenderThread(this.templates.snapshot) : undefined;
  }

  /** For what the main thread still draws on demand: the dossier's cover and index, the Word copy's checks. */
  get font(): CjkFont {
    return cjkFont();
  }

  render(template: DocumentTemplate, data: DocumentData, createdAt: Date): Promise<Buffer> {
    if (this.thread) return this.thread.render(templateFile(template), data, createdAt);
    return renderDocument(template, data, { font: this.font, labels: this.templates.labels, createdAt });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.thread?.stop();
  }
}
