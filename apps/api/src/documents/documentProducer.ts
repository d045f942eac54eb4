import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { BackgroundJob } from '../common/backgroundJob.js';
import type { AppConfig } from '../config/config.js';
import { poolOf, withTransaction } from '../database/dataSource.js';
import { backoffMs } from '../notifications/outboxDispatcher.js';
import { DataProtection } from '../security/dataProtection.js';
import { sealContent } from './documentContent.js';
import { documentData } from './documentData.js';
import { documentNumber } from './documentNumber.js';
import { DocumentRenderer } from './documentRenderer.service.js';
import { renderingSource } from './documentRendering.js';
import { templateFile } from './templateRegistry.js';
import {
  claimPending,
  lockPending,
  markFailed,
  markIssued,
  nextNumber,
  type PendingDocument,
} from './documentStore.js';

const BATCH = 20;
const LEASE_MS = 60_000;

/**
 * Produces the documents events asked for, after their commit: claims pending rows with a lease,
 * and issues each in one transaction — lock it, take the next 文号 of its organisation and year,
 * render, store bytes and SHA-256. A render that fails rolls the number back (no gaps) and leaves
 * the document pending, retried with backoff; it is never lost, and never issued twice (the row
 * lock and `status = 'pending'`). The event path only wrote a row (the outbox trigger).
 */
@Injectable()
export class DocumentProducer extends BackgroundJob {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly renderer: DocumentRenderer,
    private readonly protection: DataProtection,
    private readonly clock: Clock,
    @Inject('APP_CONFIG') config: AppConfig,
  ) {
    super(config, 'DocumentProducer', 'document pass failed');
    this.pool = poolOf(dataSource);
  }

  /** A full batch means more is waiting: the next pass starts at once. */
  protected async pass(): Promise<boolean> {
    const { issued, failed } = await this.produceOnce();
    return issued + failed === BATCH;
  }

  /** One pass: produce what is due now. */
  async produceOnce(): Promise<{ issued: number; failed: number }> {
    const pending = await claimPending(this.pool, this.clock.now(), LEASE_MS, BATCH);
    let issued = 0;
    let failed = 0;
    for (const doc of pending) {
      try {
        if (await this.issue(doc)) issued++;
      } catch (error) {
        failed++;
        const message = String((error as Error)?.message ?? error);
        this.logger.warn(
          { documentId: doc.id, caseId: doc.caseId, kind: doc.kind, attempt: doc.attempts, err: message },
          'document not produced; it will be retried',
        );
        await markFailed(this.pool, doc.id, new Date(this.clock.now().getTime() + backoffMs(doc.attempts)), message);
      }
    }
    return { issued, failed };
  }

  private async issue(doc: PendingDocument): Promise<boolean> {
    // One transaction (database/dataSource.ts): a throw rolls the 文号 back with everything else.
    return withTransaction(this.pool, async (client) => {
      if (!(await lockPending(client, doc.id))) return false;
      const { template, facts, correction } = await renderingSource(
        client,
        this.protection,
        this.renderer.templates,
        doc,
      );
      // A correction takes a new 文号 of the day it is issued (docs/documents.md "Corrections").
      const year = Number(facts.event.today.slice(0, 4));
      const number = template.numbered ? await this.number(client, doc.organizationId, year, facts.organization) : null;
      const data = documentData({
        ...facts,
        details: doc.details,
        title: template.title,
        number: number?.text ?? null,
        correction,
      });
      const content = await this.renderer.render(template, data, doc.orderedAt);
      // The archive says which wording it was printed with: the release's file or the province's.
      const origin = this.renderer.templates.origin(templateFile(template));
      await markIssued(client, doc.id, {
        number,
        template: templateFile(template),
        templateVersion: template.version,
        templateSource: origin.source,
        templateSha256: origin.sha256,
        title: template.title,
        producedAt: this.clock.now(),
        ...sealContent(this.protection, content),
      });
      return true;
    });
  }

  private async number(
    client: pg.PoolClient,
    organizationId: string,
    year: number,
    organization: { shortName: string; caseNumberPattern: string },
  ) {
    const seq = await nextNumber(client, organizationId, year);
    return {
      year,
      seq,
      text: documentNumber(organization.caseNumberPattern, { year, short: organization.shortName, seq }),
    };
  }
}
