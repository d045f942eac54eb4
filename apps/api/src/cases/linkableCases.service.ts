import { Injectable, Logger } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { DomainError } from '../common/errors/DomainError.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { CasesRepository } from './cases.repository.js';
import { maskDeep } from './masking.js';
import { mayLinkTo } from './mayLinkTo.js';

/**
 * A case found by its number for a new case to continue from (`linkedCaseId`): what a court clerk
 * needs to open a judicial confirmation from the agreement the parties bring — the case's id, its
 * parties (names only) and the agreement it holds. Only a case the caller may name (the same rule
 * as the opening's, `mayLinkTo`); any other answers as a missing one, so its existence does not leak.
 */
@Injectable()
export class LinkableCasesService {
  private readonly logger = new Logger('LinkableCasesService');

  constructor(
    private readonly cases: CasesRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async byNumber(user: AuthenticatedUser, caseNumber: string) {
    const id = await this.cases.idByNumber(caseNumber.trim());
    const row = id ? await this.cases.load(id) : undefined;
    const own = await this.organizations.find(user.organizationId);
    if (!row || !own || !mayLinkTo(own, row))
      throw new DomainError('CASE_NOT_FOUND', `no case ${caseNumber}`, { caseNumber });
    // A court reads a case it cannot otherwise read: who looked which case up is kept in the log.
    this.logger.log({ userId: user.userId, role: user.role, caseId: row.id }, 'linkable case looked up');
    const c = row.snapshot.context;
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      flowId: row.snapshot.flowId,
      state: row.snapshot.state,
      organizationId: c.organizationId,
      category: c.category,
      summary: c.summary,
      parties: row.partiesView.map((p) => ({ id: p.id, role: p.role, kind: p.kind, name: p.name })),
      agreement: c.agreement ? maskDeep(c.agreement) : null,
    };
  }
}
