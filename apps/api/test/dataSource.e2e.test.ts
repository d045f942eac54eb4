import { DataSource } from 'typeorm';
import { createDataSource, poolOf } from '../src/database/dataSource.js';
import { createTestDatabase } from './support/testApp.js';

describe('the data source and its pg pool', () => {
  it('serves the SQL paths from a pool of its own, of the configured size, ended with the data source', async () => {
    const dataSource = createDataSource(await createTestDatabase(), 3);
    await dataSource.initialize();
    const pool = poolOf(dataSource);
    expect(pool.options.max).toBe(3);
    const { rows } = await pool.query('SELECT current_database() AS name');
    expect(rows[0].name).toBe((await dataSource.query('SELECT current_database() AS name'))[0].name);
    await dataSource.destroy();
    expect(pool.ended).toBe(true);
    await expect(pool.query('SELECT 1')).rejects.toThrow();
    // Destroying twice (a stop after a failed start) is not an error.
    await expect(dataSource.destroy()).resolves.toBeUndefined();
  });

  it('refuses a data source it did not make, rather than reaching into TypeORM’s driver', () => {
    const foreign = new DataSource({ type: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
    expect(() => poolOf(foreign)).toThrow('not made by createDataSource');
  });
});
