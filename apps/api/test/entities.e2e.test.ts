import { ENTITIES } from '../src/database/dataSource.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(async () => {
  await t.close();
});

/** TypeORM's column types as PostgreSQL's information_schema names them. */
const DATA_TYPE: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  boolean: 'boolean',
  integer: 'integer',
  jsonb: 'jsonb',
  date: 'date',
  numeric: 'numeric',
  timestamptz: 'timestamp with time zone',
};

/** The migrations are the schema (never `synchronize`): an entity may only describe what they built. */
describe('the TypeORM entities against the migrated tables', () => {
  it('maps only the entities the service reads and writes through TypeORM', () => {
    expect(ENTITIES.map((e) => e.name).sort()).toEqual(['Organization', 'User']);
  });

  it.each(ENTITIES.map((e) => [e.name, e] as const))(
    '%s: every column exists in its table with the same type and nullability',
    async (_, entity) => {
      const metadata = t.dataSource.getMetadata(entity);
      const columns: { column_name: string; data_type: string; is_nullable: 'YES' | 'NO' }[] = await t.dataSource.query(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1`,
        [metadata.tableName],
      );
      const table = new Map(columns.map((c) => [c.column_name, c]));
      expect(metadata.columns.length).toBeGreaterThan(3);
      const mismatches = metadata.columns
        .map((c) => ({
          column: c.databaseName,
          type: DATA_TYPE[String(c.type)] ?? String(c.type),
          nullable: c.isNullable,
          actual: table.get(c.databaseName),
        }))
        .filter(
          ({ type, nullable, actual }) =>
            !actual || actual.data_type !== type || (actual.is_nullable === 'YES') !== nullable,
        )
        .map(({ column, type, nullable, actual }) => ({
          column,
          entity: `${type}${nullable ? ' null' : ''}`,
          table: actual ? `${actual.data_type}${actual.is_nullable === 'YES' ? ' null' : ''}` : 'missing',
        }));
      expect(mismatches).toEqual([]);
    },
  );
});
