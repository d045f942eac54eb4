import pg from 'pg';
import { DataSource } from 'typeorm';
import { CaseEventRecord } from '../cases/case-event.entity.js';
import { CaseRecord } from '../cases/case.entity.js';
import { DeadlineRecord } from '../cases/deadline.entity.js';
import { PartyRecord } from '../cases/party.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
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

export const ENTITIES = [Organization, CaseRecord, CaseEventRecord, PartyRecord, DeadlineRecord, User];
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
];

// Postgres `date` columns stay ISO strings ('2026-03-02'), never shifted through a JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** The service's TypeORM data source. Migrations run explicitly at start; never `synchronize`. */
export function createDataSource(url: string, poolSize = 16): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, idleTimeoutMillis: 30_000 },
  });
}

/**
 * The pg pool under TypeORM. The event path issues its single-statement writes here as named
 * (prepared) statements, which TypeORM's `query()` cannot do; everything else goes through TypeORM.
 */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}
