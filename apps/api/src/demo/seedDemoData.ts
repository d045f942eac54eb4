import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DEFAULT_CASE_NUMBER_PATTERNS } from '../organizations/caseNumberPattern.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { createUser, setPassword } from '../users/users.service.js';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from './demoOrganizations.js';

/** How to sign in to the demo data set, printed at every start (see `demoLoginBlock`). */
export interface DemoLogin {
  usernames: string[];
  /** Undefined when an earlier version generated it and it was not stored. */
  password: string | undefined;
  source: 'JIEFEN_DEMO_PASSWORD' | 'generated' | 'stored' | 'unknown';
  /** Where the current password is kept (mode 0600), when the service has one. */
  passwordFile: string | undefined;
}

export interface DemoOptions {
  /** JIEFEN_DEMO_PASSWORD: the demo users' password, set again at every start. */
  password?: string;
  /** Where to keep the current password for later starts (beside the embedded data directory). */
  passwordFile?: string;
}

const DEMO_USERNAMES: string[] = DEMO_USERS.map((u) => u.username);

/**
 * Seeds the demo organisations and one user per role into an empty database (JIEFEN_DEMO_DATA).
 * The users' password is JIEFEN_DEMO_PASSWORD, or generated at the first start; it is kept in
 * `passwordFile` so that every start can say it again, also after a first start that failed.
 * With JIEFEN_DEMO_PASSWORD set on a later start, the demo users' password is reset to it.
 */
export async function seedDemoData(
  dataSource: DataSource,
  logger: Logger,
  options: DemoOptions = {},
): Promise<DemoLogin> {
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
  const login = (password: string | undefined, source: DemoLogin['source']): DemoLogin => ({
    usernames: DEMO_USERNAMES,
    password,
    source,
    passwordFile: password === undefined ? undefined : options.passwordFile,
  });
  if ((await users.count()) === 0) {
    const password = options.password ?? randomBytes(12).toString('base64url');
    for (const u of DEMO_USERS) await createUser(users, { ...u, password }, u.id);
    await store(options.passwordFile, password);
    logger.info({ users: DEMO_USERS.map((u) => `${u.username} (${u.role})`) }, 'demo users seeded');
    return login(password, options.password ? 'JIEFEN_DEMO_PASSWORD' : 'generated');
  }
  if (options.password) {
    const reset = await setPassword(users, DEMO_USERNAMES, options.password);
    await store(options.passwordFile, options.password);
    if (reset.length) logger.info({ users: reset }, 'demo users: password set from JIEFEN_DEMO_PASSWORD');
    return login(options.password, 'JIEFEN_DEMO_PASSWORD');
  }
  const stored = options.passwordFile ? (await readFile(options.passwordFile, 'utf8').catch(() => '')).trim() : '';
  return stored ? login(stored, 'stored') : login(undefined, 'unknown');
}

async function store(file: string | undefined, password: string): Promise<void> {
  if (!file) return;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // `mode` applies only when the file is created
}

/** The lines printed at every start with the demo data set, so that the password is never lost among the logs. */
export function demoLoginBlock(login: DemoLogin): string {
  const lines = [`Demo users:  ${login.usernames.join(', ')}`];
  if (login.password === undefined) {
    lines.push(
      'Password:    not stored (set by an earlier version of Jiefen)',
      'To set it:   start again with JIEFEN_DEMO_PASSWORD=<12 or more characters>',
    );
  } else {
    const from = {
      JIEFEN_DEMO_PASSWORD: 'from JIEFEN_DEMO_PASSWORD',
      generated: 'generated at this first start',
      stored: 'as generated at the first start',
      unknown: '',
    }[login.source];
    lines.push(`Password:    ${login.password}   (${from})`);
    if (login.passwordFile) lines.push(`Kept in:     ${login.passwordFile} (readable by this user only)`);
    lines.push('To change:   start with JIEFEN_DEMO_PASSWORD=<12 or more characters>');
  }
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '─'.repeat(width + 2);
  return `\n┌${rule}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${rule}┘\n\n`;
}
