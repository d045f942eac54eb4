import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseResult } from '@jiefen/flows';
import { ancestorIds, isCentre, RED_RISK_REPORT_LEVEL } from '../centres/centrePolicy.js';
import { notificationsFor } from '../notifications/notificationsFor.js';
import { formatCaseNumber } from '../organizations/caseNumberPattern.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { DataProtection } from '../security/dataProtection.js';
import { forAuditTrail, protectCase } from '../security/personalData.js';
import type { Actor } from './actor.js';
import type { NewCase, OutboxRow } from './caseChange.js';
import type { CaseLink } from './caseLink.js';
import { columnsOf } from './caseRow.js';
import type { CasesRepository } from './cases.repository.js';

export interface NewCaseContext {
  intake: Record<string, unknown>;
  actor: Actor;
  at: Date;
  today: string;
  links: CaseLink[];
  parentCaseId: string | null;
}

/**
 * What an opened case becomes in the database: its number in the organisation's yearly sequence
 * (taken on `cases`, inside the caller's transaction, so that a rollback gives it back), its
 * parties' personal data encrypted, its opening event, its notifications and red-risk reports.
 */
@Injectable()
export class NewCases {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly protection: DataProtection,
  ) {}

  async prepare(
    cases: CasesRepository,
    result: CaseResult,
    organization: Organization,
    o: NewCaseContext,
  ): Promise<NewCase> {
    const protectedCase = protectCase(result.snapshot, this.protection);
    const snapshot = protectedCase.snapshot;
    const c = snapshot.context;
    const year = Number(o.today.slice(0, 4));
    const seq = await cases.nextCaseSequence(organization.id, year);
    const caseNumber = formatCaseNumber(organization.caseNumberPattern, { year, short: organization.shortName, seq });
    return {
      id: randomUUID(),
      caseNumber,
      snapshot,
      columns: columnsOf(snapshot),
      organizationPath: organization.path,
      receivingOrganizationId: organization.id,
      category: c.category,
      channel: c.channel,
      riskLevel: c.riskLevel,
      amount: c.amount,
      summary: c.summary,
      searchText: [caseNumber, c.summary, ...c.parties.map((p) => p.name)].join(' ').toLowerCase(),
      receivedOn: c.receivedOn,
      linkedCaseId: c.linkedCaseId,
      parentCaseId: o.parentCaseId,
      links: o.links,
      parties: protectedCase.parties,
      partiesView: protectedCase.partiesView,
      openingEvent: {
        type: 'case.opened',
        payload: forAuditTrail(o.intake),
        actor: o.actor,
        today: o.today,
        idempotencyKey: null,
      },
      outbox: [
        ...notificationsFor(result.effects, c, caseNumber),
        ...(await this.riskReports(organization, c.riskLevel, caseNumber)),
      ],
      at: o.at,
    };
  }

  /** A red-risk case is reported at once to the city level (centre policy, legal-reference §8.3). */
  private async riskReports(organization: Organization, riskLevel: string, caseNumber: string): Promise<OutboxRow[]> {
    if (riskLevel !== 'red') return [];
    for (const id of [organization.id, ...ancestorIds(organization)]) {
      const candidate = await this.organizations.find(id);
      if (candidate && isCentre(candidate) && candidate.level === RED_RISK_REPORT_LEVEL) {
        return [
          {
            kind: 'risk.red',
            recipient: { type: 'organization', organizationId: candidate.id },
            payload: { caseNumber, reportedBy: organization.id },
          },
        ];
      }
    }
    return [];
  }
}
