import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
/* eslint-disable @stylistic/max-len -- a migration's class name is its history (TypeORM records it) and Prettier
   keeps a one-name import on one line: the imports of the migrations may run past 120 columns. */
import { InitialSchema1763900000000 } from './migrations/1763900000000-InitialSchema.js';
import { DurableDeadlinesAndOutbox1763900000001 } from './migrations/1763900000001-DurableDeadlinesAndOutbox.js';
import { AccountsAndPersonalData1763900000002 } from './migrations/1763900000002-AccountsAndPersonalData.js';
import { ReportsAndListIndexes1763900000003 } from './migrations/1763900000003-ReportsAndListIndexes.js';
import { DeadlineWorkListOrder1763900000004 } from './migrations/1763900000004-DeadlineWorkListOrder.js';
import { UniqueCaseNumberStems1763900000005 } from './migrations/1763900000005-UniqueCaseNumberStems.js';
import { AccountSessionsAndTrailRedaction1763900000006 } from './migrations/1763900000006-AccountSessionsAndTrailRedaction.js';
import { CalendarYears1763900000007 } from './migrations/1763900000007-CalendarYears.js';
import { Documents1763900000009 } from './migrations/1763900000009-Documents.js';
import { CentreSupervisionAndReturnVisits1763900000010 } from './migrations/1763900000010-CentreSupervisionAndReturnVisits.js';
import { CaseStatistics1763900000011 } from './migrations/1763900000011-CaseStatistics.js';
import { PartyEthnicityAndOccupation1763900000012 } from './migrations/1763900000012-PartyEthnicityAndOccupation.js';
import { ReturnVisitRecordsAndCorrections1763900000013 } from './migrations/1763900000013-ReturnVisitRecordsAndCorrections.js';
import { DocumentTemplateSource1763900000014 } from './migrations/1763900000014-DocumentTemplateSource.js';
/* eslint-enable @stylistic/max-len */

/**
 * TypeORM maps only what goes through its repositories. Cases, their events, parties and deadlines
 * are written and read in SQL (the repositories under cases/); the migrations define every table.
 */
export const ENTITIES = [Organization, User];
export const MIGRATIONS = [
  InitialSchema1763900000000,
  DurableDeadlinesAndOutbox1763900000001,
  AccountsAndPersonalData1763900000002,
  ReportsAndListIndexes1763900000003,
  DeadlineWorkListOrder1763900000004,
  UniqueCaseNumberStems1763900000005,
  AccountSessionsAndTrailRedaction1763900000006,
  CalendarYears1763900000007,
  Documents1763900000009,
  CentreSupervisionAndReturnVisits1763900000010,
  CaseStatistics1763900000011,
  PartyEthnicityAndOccupation1763900000012,
  ReturnVisitRecordsAndCorrections1763900000013,
  DocumentTemplateSource1763900000014,
];

// Postgres `date` columns stay ISO strings ('2026-03-02'), never shifted through a JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/**
 * The data source the service and the CLI use. Beside TypeORM's own connections (entities,
 * migrations) it owns the `pg` pool the SQL paths use — the event path's named (prepared)
 * statements, which TypeORM's `query()` cannot issue — built from the same URL through pg's
 * public API, and closed with it (docs/architecture.md "Persistence").
 */
export class JiefenDataSource extends DataSource {
  readonly pool: pg.Pool;
  private poolEnded = false;

  constructor(options: DataSourceOptions, pool: pg.Pool) {
    super(options);
    this.pool = pool;
  }

  override async destroy(): Promise<void> {
    try {
      if (this.isInitialized) await super.destroy();
    } finally {
      if (!this.poolEnded) {
        this.poolEnded = true;
        await this.pool.end();
      }
    }
  }
}

/** TypeORM serves organisations, users and migrations only: a few connections suffice; the SQL pool gets `poolSize`. */
const typeOrmPoolSize = (poolSize: number) => Math.max(2, Math.ceil(poolSize / 4));

/** The service's data source. Migrations run explicitly at start; never `synchronize`. */
export function createDataSource(url: string, poolSize = 16): JiefenDataSource {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle connection the server drops (restart, relay closed) is reported here; the next query
  // opens a new one, and a query in flight gets the error itself (mapped to 503, databaseUnavailable.ts).
  pool.on('error', () => undefined);
  return new JiefenDataSource(
    {
      type: 'postgres',
      url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTableName: 'migrations',
      synchronize: false,
      logging: false,
      extra: { max: typeOrmPoolSize(poolSize), idleTimeoutMillis: 30_000 },
    },
    pool,
  );
}

/** What a repository issues its SQL on: the pool, or a client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/** The `pg` pool of a data source made by `createDataSource` (the repositories' and the SQL paths' pool). */
export function poolOf(dataSource: DataSource): pg.Pool {
  if (dataSource instanceof JiefenDataSource) return dataSource.pool;
  throw new Error('poolOf: this data source was not made by createDataSource, so it has no pool of its own');
}

/** Runs `work` in one transaction on a client of `pool`: committed if it returns, rolled back if it throws. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
