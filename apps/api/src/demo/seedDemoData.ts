import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DEFAULT_CASE_NUMBER_PATTERNS } from '../organizations/caseNumberPattern.js';
import { Organization } from '../organizations/organization.entity.js';
import { DEMO_ORGANIZATIONS } from './demoOrganizations.js';

/** Seeds the demo organisations once, into an empty database (JIEFEN_DEMO_DATA=false skips it). */
export async function seedDemoData(dataSource: DataSource, logger: Logger): Promise<void> {
  const repository = dataSource.getRepository(Organization);
  if ((await repository.count()) > 0) return;
  const paths = new Map<string, string>();
  for (const o of DEMO_ORGANIZATIONS) {
    const path = `${o.parentId ? paths.get(o.parentId) : '/'}${o.id}/`;
    paths.set(o.id, path);
    await repository.insert({ ...o, path, caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERNS[o.kind], policy: {} });
  }
  logger.info({ organizations: DEMO_ORGANIZATIONS.length }, 'demo organisations seeded');
}
