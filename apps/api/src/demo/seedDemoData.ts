import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DEFAULT_CASE_NUMBER_PATTERNS } from '../organizations/caseNumberPattern.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { createUser } from '../users/users.service.js';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from './demoOrganizations.js';

/**
 * Seeds the demo organisations and one user per role into an empty database (JIEFEN_DEMO_DATA).
 * The users' password is JIEFEN_DEMO_PASSWORD, or generated and printed once, at this first start.
 */
export async function seedDemoData(dataSource: DataSource, logger: Logger, demoPassword?: string): Promise<void> {
  const organizations = dataSource.getRepository(Organization);
  if ((await organizations.count()) === 0) {
    const paths = new Map<string, string>();
    for (const o of DEMO_ORGANIZATIONS) {
      const path = `${o.parentId ? paths.get(o.parentId) : '/'}${o.id}/`;
      paths.set(o.id, path);
      await organizations.insert({ ...o, path, caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERNS[o.kind], policy: {} });
    }
    logger.info({ organizations: DEMO_ORGANIZATIONS.length }, 'demo organisations seeded');
  }
  const users = dataSource.getRepository(User);
  if ((await users.count()) > 0) return;
  const password = demoPassword ?? randomBytes(12).toString('base64url');
  for (const u of DEMO_USERS) await createUser(users, { ...u, password }, u.id);
  logger.info({ users: DEMO_USERS.map((u) => `${u.username} (${u.role})`) }, 'demo users seeded');
  if (!demoPassword) {
    // Printed once, to the person starting the service; it is not stored anywhere in clear.
    process.stdout.write(`\n  Demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}\n  Password:   ${password}\n  (set JIEFEN_DEMO_PASSWORD to choose it)\n\n`);
  }
}
