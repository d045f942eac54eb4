import { Injectable } from '@nestjs/common';
import { describeCase } from '@jiefen/flows';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { caseNotFound, validationFailed } from '../common/errors/DomainError.js';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { caseDetailRow, caseEvents, decodeCursor, listCases } from './caseQueries.js';
import { caseView } from './caseView.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';

/** Reads: one case, its audit trail, filtered lists. Writes go through `CaseRunner`. */
@Injectable()
export class CasesService {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {
    this.pool = poolOf(dataSource);
  }

  async get(caseId: string) {
    const row = await caseDetailRow(this.pool, caseId);
    if (!row) throw caseNotFound(caseId);
    return caseView(
      {
        id: row.id,
        caseNumber: row.case_number,
        version: row.version,
        receivingOrganizationId: row.receiving_organization_id,
        openedAt: row.opened_at,
        updatedAt: row.updated_at,
        links: row.links,
      },
      row.snapshot,
      describeCase(row.snapshot),
    );
  }

  async events(caseId: string) {
    const events = await caseEvents(this.pool, caseId);
    if (events.length === 0) throw caseNotFound(caseId);
    return { caseId, items: events };
  }

  async list(query: ListCasesQuery) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.cursor && !after) throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API issued' }]);
    const organization = query.organizationId ? await this.organizations.get(query.organizationId) : undefined;
    return listCases(this.pool, query, { ...(organization ? { organizationPath: organization.path } : {}), ...(after ? { after } : {}) });
  }
}
