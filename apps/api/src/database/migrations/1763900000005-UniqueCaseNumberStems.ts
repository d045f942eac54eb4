import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case numbers unique by construction (docs/decisions/service.md "Case numbers never collide").
 * A case number is its organisation's pattern with the short name, year and sequence filled in;
 * two organisations whose patterns read the same once the short name is in (two 玄 committees, or
 * a 玄 committee's 玄人调字 and a 玄人 centre's 玄人调字) would hand out the same numbers, and the
 * second opening failed on `cases.case_number`. `case_number_stem` is that reading with the year
 * and sequence as `#` (runs of them as one `#`), and it is unique across organisations.
 * An existing database with two such organisations stops here with their names: one of them needs
 * another short name before the service can number their cases apart.
 */
export class UniqueCaseNumberStems1763900000005 implements MigrationInterface {
  name = 'UniqueCaseNumberStems1763900000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION case_number_stem(pattern text, short_name text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN regexp_replace(regexp_replace(replace(pattern, '{short}', short_name), '\\{(year|seq)(:[0-9]{1,2})?\\}',
        '#', 'g'), '#+', '#', 'g')`);
    const clashes: { stem: string; organizations: string }[] = await q.query(`
      SELECT case_number_stem(case_number_pattern, short_name) AS stem, string_agg(name || ' (' || id || ')', ', '
        ORDER BY name) AS organizations
      FROM organizations GROUP BY 1 HAVING count(*) > 1`);
    if (clashes.length) {
      throw new Error(
        `organisations that would give the same case ` +
          `numbers: ${clashes.map((c) => `${c.organizations} all number ${c.stem}`).join('; ')}. ` +
          'Change the short_name (or case_number_pattern) of all but one of each group, then start again.',
      );
    }
    await q.query(
      `CREATE UNIQUE INDEX organizations_case_number_stem ON organizations (case_number_stem(case_number_pattern,
        short_name))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organizations_case_number_stem`);
    await q.query(`DROP FUNCTION case_number_stem(text, text)`);
  }
}
