import { DomainError } from '../common/errors/DomainError.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { Queryable } from '../database/dataSource.js';
import { MediatorAccountsRepository } from './mediatorAccounts.repository.js';

/** Payload fields that name the mediator who will mediate the case. */
export const MEDIATOR_FIELDS = ['mediatorId'] as const;

/**
 * A mediator is one of the organisation's own: a people's mediator is a member of the committee or
 * hired by it (PML Art. 13), designated by it or chosen by the parties among its mediators (PML
 * Art. 19); in delegated mediation, one of the roster organisation's mediators, chosen by the
 * parties or designated by the organisation or the court (SPC-Invited Art. 12).
 */
export const MEDIATOR_OF_ORGANIZATION = {
  code: 'MEDIATOR_NOT_OF_ORGANIZATION',
  basis: 'PML Arts. 13, 19; SPC-Invited Art. 12',
  requirement:
    'the mediator is an active mediator account of the handling organisation, or of a committee attached to it',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses (422, RULE_VIOLATED) a payload whose mediator is not an active mediator user of the
 * handling organisation or of a committee directly below it. `organizationOf` finds an organisation.
 */
export async function checkMediators(
  accounts: MediatorAccountsRepository | Queryable,
  payload: Record<string, unknown>,
  handling: Organization,
  organizationOf: (id: string) => Promise<Organization | undefined>,
  state: string,
): Promise<void> {
  const repository =
    accounts instanceof MediatorAccountsRepository ? accounts : new MediatorAccountsRepository(accounts);
  for (const field of MEDIATOR_FIELDS) {
    const id = payload[field];
    if (typeof id !== 'string') continue;
    const user = UUID.test(id) ? await repository.find(id) : undefined;
    const home = user ? await organizationOf(user.organizationId) : undefined;
    const ofHandling =
      !!home && (home.id === handling.id || (home.kind === 'committee' && home.parentId === handling.id));
    if (!user || user.role !== 'mediator' || user.disabled || !ofHandling) {
      throw new DomainError(
        'RULE_VIOLATED',
        `${id} is not an active mediator of ${handling.name} or of a committee attached to it ` +
          `(${MEDIATOR_OF_ORGANIZATION.basis})`,
        {
          rule: MEDIATOR_OF_ORGANIZATION.code,
          basis: MEDIATOR_OF_ORGANIZATION.basis,
          requirement: MEDIATOR_OF_ORGANIZATION.requirement,
          state,
          field: `payload.${field}`,
        },
      );
    }
  }
}
