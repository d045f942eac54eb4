import { Injectable, Logger } from '@nestjs/common';
import { describeCase } from '@jiefen/flows';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { inScope, scopeOf, type CaseScope } from '../auth/caseScope.js';
import { forbidden, mayReadPersonalData } from '../auth/permissions.js';
import { Clock } from '../common/clock.js';
import { caseNotFound, validationFailed } from '../common/errors/DomainError.js';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { DataProtection } from '../security/dataProtection.js';
import { CaseEventsRepository } from './caseEvents.repository.js';
import { caseDetailRow, decodeCursor, listCases } from './caseQueries.js';
import { caseView } from './caseView.js';
import { PartiesRepository } from './parties.repository.js';
import { viewForCaller } from './viewForCaller.js';
import { timeLeft } from '../deadlines/timeLeft.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';

/**
 * Reads: one case, its audit trail, filtered lists, a party's personal data in full. Writes go through `CaseRunner`.
 */
@Injectable()
export class CasesService {
  private readonly logger = new Logger('CasesService');
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly protection: DataProtection,
    private readonly clock: Clock,
    private readonly parties: PartiesRepository,
    private readonly trail: CaseEventsRepository,
  ) {
    this.pool = poolOf(dataSource);
  }

  async get(user: AuthenticatedUser, caseId: string) {
    const row = await this.visibleRow(user, caseId);
    const view = caseView(
      {
        id: row.id,
        caseNumber: row.case_number,
        version: row.version,
        receivingOrganizationId: row.receiving_organization_id,
        openedAt: row.opened_at,
        updatedAt: row.updated_at,
        links: row.links,
        parties: row.parties_view,
      },
      row.snapshot,
      describeCase(row.snapshot),
    );
    const today = this.clock.today();
    return viewForCaller(
      { ...view, deadlines: view.deadlines.map((d) => ({ ...d, ...timeLeft(d.dueOn, today) })) },
      user,
    );
  }

  async events(user: AuthenticatedUser, caseId: string) {
    await this.visibleRow(user, caseId);
    return { caseId, items: await this.trail.trail(caseId) };
  }

  async list(user: AuthenticatedUser, query: ListCasesQuery) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.cursor && !after)
      throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API issued' }]);
    const organization = query.organizationId ? await this.organizations.get(query.organizationId) : undefined;
    return listCases(this.pool, query, {
      caseScope: await this.scopeOf(user),
      ...(organization ? { organizationPath: organization.path } : {}),
      ...(after ? { after } : {}),
      ...(query.idNumber ? { idNumberHashes: this.protection.idNumberHashes(query.idNumber) } : {}),
    });
  }

  /**
   * A party's ID number, phone and ethnicity (民族) in full, for a reader who needs them for the case (its mediator,
   * the court), recording who, when and why (PIPL Arts. 28, 51).
   */
  async personalData(user: AuthenticatedUser, caseId: string, partyId: string, reason: string) {
    const row = await this.visibleRow(user, caseId);
    const subject = {
      mediatorId: row.snapshot.context.records.mediatorId,
      courtId: row.court_id,
      organizationPath: row.organization_path,
    };
    if (!mayReadPersonalData(user, subject)) {
      this.logger.warn({ userId: user.userId, role: user.role, caseId, partyId }, 'personal data read refused');
      throw forbidden('only the case’s mediator or the court it is before may read personal data in full');
    }
    const secrets = await this.parties.secretOf(caseId, partyId);
    if (!secrets) throw validationFailed([{ field: 'partyId', message: `no party ${partyId} on this case` }]);
    const idNumber = secrets.idNumberEncrypted ? this.protection.decrypt(secrets.idNumberEncrypted) : null;
    const phone = secrets.phoneEncrypted ? this.protection.decrypt(secrets.phoneEncrypted) : null;
    const ethnicity = secrets.ethnicityEncrypted ? this.protection.decrypt(secrets.ethnicityEncrypted) : null;
    const fields = [
      ...(idNumber ? ['idNumber'] : []),
      ...(phone ? ['phone'] : []),
      ...(ethnicity ? ['ethnicity'] : []),
    ];
    await this.parties.logAccess({
      at: this.clock.now(),
      userId: user.userId,
      role: user.role,
      organizationId: user.organizationId,
      caseId,
      partyId,
      fields,
      reason,
    });
    // 民族 only where the party gave one: the answer's shape for parties without it stays as it was.
    return { caseId, partyId, idNumber, phone, ...(ethnicity ? { ethnicity } : {}) };
  }

  private async visibleRow(user: AuthenticatedUser, caseId: string) {
    const row = await caseDetailRow(this.pool, caseId);
    if (!row || !inScope(await this.scopeOf(user), { organizationPath: row.organization_path, courtId: row.court_id }))
      throw caseNotFound(caseId);
    return row;
  }

  private async scopeOf(user: AuthenticatedUser): Promise<CaseScope> {
    return scopeOf(await this.organizations.get(user.organizationId));
  }
}
