import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles, sqlSites } from './support/sqlInSource.js';

/**
 * Where SQL lives (docs/architecture.md): in a repository (`*.repository.ts`, one aggregate's
 * persistence), a read model (`*.queries.ts`) or a migration. No database: the sources are read.
 */
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Where SQL belongs, by file name. */
const SQL_HOMES = [/\.repository\.ts$/, /\.queries\.ts$/, /^database\/migrations\//];

/** Files that may hold SQL for a reason of their own; each reason is the rule's exception. */
const EXCEPTIONS: Record<string, string> = {
  'database/dataSource.ts': 'the pool and `withTransaction` (BEGIN / COMMIT / ROLLBACK): no table named',
  'database/embeddedPostgres.ts': 'creates the database on the embedded server before any migration runs',
  'health/health.controller.ts': 'the liveness probe `SELECT 1` asks whether the server answers, not for data',
  'documents/documentStore.ts': "the documents' repository, named before the `*.repository.ts` rule",
  'cases/caseQueries.ts': 'read model (the case list), named before the `*.queries.ts` rule',
  'reports/centreStatistics.ts': 'read model: a report definition, SQL composed by StatisticsSql',
  'reports/courtStatistics.ts': 'read model: a report definition, SQL composed by StatisticsSql',
  'reports/mediationStatistics.ts': 'read model: a report definition, SQL composed by StatisticsSql',
  'reports/petitionStatistics.ts': 'read model: a report definition, SQL composed by StatisticsSql',
};

const allowed = (file: string) => SQL_HOMES.some((home) => home.test(file)) || file in EXCEPTIONS;
describe('architecture: where SQL lives', () => {
  const files = sourceFiles(SRC);

  it('finds the sources, and SQL in the repositories (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(sqlSites(SRC, 'deadlines/deadlines.repository.ts').map((s) => s.sql)).toEqual(
      expect.arrayContaining([expect.stringContaining('UPDATE deadlines d SET claimed_until')]),
    );
  });

  it('has SQL only in repositories, read models (*.queries.ts), migrations and the named exceptions', () => {
    const misplaced = files
      .filter((file) => !allowed(file))
      .flatMap((file) => sqlSites(SRC, file))
      .map((s) => `src/${s.file}:${s.line} ${s.sql}`);
    if (misplaced.length)
      throw new Error(
        `SQL outside a repository (*.repository.ts), read model (*.queries.ts) or migration; move it there ` +
          `(docs/architecture.md "Where SQL lives"):\n  ${misplaced.join('\n  ')}`,
      );
  });

  it('reports SQL planted in a service (capitals in a constant, lower case handed to .query), not prose', () => {
    const root = mkdtempSync(join(tmpdir(), 'jiefen-architecture-'));
    try {
      writeFileSync(
        join(root, 'planted.service.ts'),
        [
          'export const load = (id: string) => `SELECT id FROM cases WHERE id = ${id}`;',
          "export const drop = (db: { query(text: string): unknown }) => db.query('delete from outbox');",
          "export const named = (db: any) => db.query({ name: 'n', text: 'UPDATE users SET disabled = true' });",
          "export const prose = 'SELECT a mediator, then INSERT the date';",
          'export const fragment = `(c.organization_path LIKE $1 OR c.court_id = $2::uuid)`;',
        ].join('\n'),
      );
      expect(sqlSites(root, 'planted.service.ts').map((s) => [s.line, s.sql])).toEqual([
        [1, 'SELECT id FROM cases WHERE id = $x'],
        [2, 'delete from outbox'],
        [3, 'UPDATE users SET disabled = true'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names in its exceptions only files that exist and still hold SQL', () => {
    const holdsSql = (entry: string) =>
      existsSync(join(SRC, entry)) &&
      files.some(
        (file) =>
          (entry.endsWith('/') ? file.startsWith(entry) && !allowed(file) : file === entry) &&
          sqlSites(SRC, file).length > 0,
      );
    const stale = Object.keys(EXCEPTIONS).filter((entry) => !holdsSql(entry));
    expect(stale).toEqual([]);
  });
});
