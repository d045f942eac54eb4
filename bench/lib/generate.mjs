// Item 4's data set: the demo organisations extended to a city (orgTree.mjs), then `cases` cases
// cloned in SQL from case templates (walk.mjs: real flows, real events, protected as the service
// protects them), ~10 events each, opened over the last three years with 50% growth, handled by
// organisations chosen with skewed weights, with their parties, deadline rows and case numbers.
// Bulk load: secondary indexes are dropped first and rebuilt after, and foreign keys are not
// checked during the load (session_replication_role = replica); the data is consistent by
// construction. Then VACUUM ANALYZE, as a database in steady state would be.
import { performance } from 'node:perf_hooks';
import { pg } from './deps.mjs';
import { apiDist } from './paths.mjs';
import { extendedTree, poolsOf } from './orgTree.mjs';
import { addDays, PLACEHOLDER, PROFILES, protectionFrom, walk } from './walk.mjs';

const BUCKET_DAYS = 3;
const VARIANTS = 4;
const START = '2024-01-01';

/** Today in China (the service's calendar). */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function migrate(url, demoPassword) {
  const { createDataSource } = await import(new URL('database/dataSource.js', apiDist).href);
  const { seedDemoData } = await import(new URL('demo/seedDemoData.js', apiDist).href);
  const ds = createDataSource(url, 2);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemoData(ds, { info() {} }, demoPassword);
  await ds.destroy();
}

export async function generateDataset(url, { cases, secrets, log = () => {} }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const timings = {};
  const step = async (name, work) => {
    const t0 = performance.now();
    const result = await work();
    timings[name] = (performance.now() - t0) / 1000;
    log(`  ${name}: ${timings[name].toFixed(1)} s`);
    return result;
  };
  try {
    const today = chinaToday();
    await client.query('DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench');

    // Organisations.
    const extended = extendedTree();
    await step('organisations', async () => {
      const { rows: demo } = await client.query('SELECT id, path FROM organizations');
      const paths = new Map(demo.map((o) => [o.id, o.path]));
      const patterns = {
        centre: '（{year}）{short}调字第{seq:5}号',
        committee: '（{year}）{short}人调字第{seq:5}号',
        court: '（{year}）{short}调确字第{seq:5}号',
        petitionOffice: '（{year}）{short}信字第{seq:5}号',
        department: '（{year}）{short}行调字第{seq:5}号',
      };
      for (const o of extended) paths.set(o.id, `${paths.get(o.parentId)}${o.id}/`);
      const rows = extended.map((o) => ({ ...o, path: paths.get(o.id), caseNumberPattern: patterns[o.kind] }));
      await client.query(
        `INSERT INTO organizations (id, parent_id, name, short_name, kind, level, path, case_number_pattern, policy)
         SELECT id, "parentId", name, "shortName", kind, level, path, "caseNumberPattern", '{}'
           FROM jsonb_to_recordset($1::jsonb)
           AS o(id uuid, "parentId" uuid, name text, "shortName" text, kind text, level text, path text,
             "caseNumberPattern" text)`,
        [JSON.stringify(rows)],
      );
    });
    const { rows: organizations } = await client.query(
      'SELECT id, parent_id, kind, level, path, short_name, case_number_pattern FROM organizations',
    );
    const weights = new Map(extended.map((o) => [o.id, o.weight]));
    const pools = poolsOf(organizations.map((o) => ({ ...o, weight: weights.get(o.id) ?? 1 })));
    // The court a court-related case is before: its district's basic court (the city's court above a district).
    const courtOfDistrict = new Map(organizations.filter((o) => o.kind === 'court').map((o) => [o.parent_id, o.id]));
    const courtOf = (o) =>
      courtOfDistrict.get(o.path.split('/').filter(Boolean)[1]) ??
      courtOfDistrict.get(o.path.split('/').filter(Boolean)[0]);
    await client.query(`CREATE UNLOGGED TABLE bench.pools (pidx int PRIMARY KEY, ids uuid[] NOT NULL)`);
    for (const [pidx, profile] of PROFILES.entries()) {
      // An organisation appears in its pool about `weight × 10` times: a weighted pick is one array index.
      const ids = pools[profile.orgs].flatMap(([id, w]) =>
        Array.from({ length: Math.max(1, Math.round(w * 10)) }, () => id),
      );
      await client.query('INSERT INTO bench.pools VALUES ($1, $2)', [pidx, ids]);
    }
    await client.query(`CREATE UNLOGGED TABLE bench.court (org_id uuid PRIMARY KEY, court_id uuid)`);
    await client.query(`INSERT INTO bench.court SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
      organizations.map((o) => o.id),
      organizations.map((o) => courtOf(o) ?? null),
    ]);

    // Case templates.
    const buckets = Math.floor((Date.parse(today) - Date.parse(START)) / 86_400_000 / BUCKET_DAYS);
    const protection = protectionFrom(secrets);
    const templateStats = await step('templates', async () => {
      await client.query(`
        CREATE UNLOGGED TABLE bench.tpl (id int PRIMARY KEY, flow_id text, flow_version int, state text, status text,
          final boolean, overdue boolean,
          accepted_on date, ended_on date, received_on date, last_day date, category text, channel text,
            risk_level text, amount numeric,
          summary text, names text, snapshot jsonb, parties jsonb, parties_view jsonb, deadlines jsonb, n_events int,
            court_path text[])`);
      await client.query(
        `CREATE UNLOGGED TABLE bench.tpl_event (tpl int, seq int, type text, payload jsonb, actor jsonb, today date,
          meta jsonb)`,
      );
      let batch = [];
      let events = [];
      let count = 0;
      let eventCount = 0;
      const flush = async () => {
        if (!batch.length) return;
        await client.query(
          `INSERT INTO bench.tpl SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id int, flow_id text,
             flow_version int, state text, status text,
             final boolean, overdue boolean, accepted_on date, ended_on date, received_on date, last_day date,
               category text, channel text,
             risk_level text, amount numeric, summary text, names text, snapshot jsonb, parties jsonb,
               parties_view jsonb, deadlines jsonb,
             n_events int, court_path text[])`,
          [JSON.stringify(batch)],
        );
        await client.query(
          `INSERT INTO bench.tpl_event SELECT * FROM jsonb_to_recordset($1::jsonb) AS e(tpl int, seq int, type text,
            payload jsonb, actor jsonb, today date, meta jsonb)`,
          [JSON.stringify(events)],
        );
        batch = [];
        events = [];
      };
      for (const [pidx, profile] of PROFILES.entries()) {
        for (let b = 0; b < buckets; b++) {
          for (let v = 0; v < VARIANTS; v++) {
            const id = (pidx * buckets + b) * VARIANTS + v;
            const start = addDays(START, b * BUCKET_DAYS + (v % BUCKET_DAYS));
            let t;
            for (let attempt = 0; !t && attempt < 20; attempt++)
              t = walk(profile, start > today ? today : start, today, id * 31 + attempt, protection);
            if (!t) throw new Error(`no template for ${profile.key} at ${start}`);
            // Where the template names its court (replaced per case by the handling organisation's district court).
            const courtPath =
              t.snapshot.context.facts?.courtId === PLACEHOLDER.court
                ? ['context', 'facts', 'courtId']
                : t.snapshot.context.records?.courtId === PLACEHOLDER.court
                  ? ['context', 'records', 'courtId']
                  : null;
            batch.push({
              id,
              flow_id: t.flowId,
              flow_version: t.flowVersion,
              state: t.state,
              status: t.status,
              final: t.final,
              overdue: t.overdue,
              accepted_on: t.acceptedOn,
              ended_on: t.endedOn,
              received_on: t.receivedOn,
              last_day: t.lastDay,
              category: t.category,
              channel: t.channel,
              risk_level: t.riskLevel,
              amount: t.amount,
              summary: t.summary,
              names: t.names.join(' '),
              snapshot: t.snapshot,
              parties: t.parties,
              parties_view: t.partiesView,
              deadlines: t.deadlines,
              n_events: t.events.length,
              court_path: courtPath,
            });
            t.events.forEach((e, i) =>
              events.push({
                tpl: id,
                seq: i + 1,
                type: e.type,
                payload: e.payload,
                actor: e.actor,
                today: e.today,
                meta: e.meta ?? null,
              }),
            );
            count++;
            eventCount += t.events.length;
            if (batch.length >= 400) await flush();
          }
        }
      }
      await flush();
      return { templates: count, meanEvents: eventCount / count };
    });
    log(`  ${templateStats.templates} templates, ${templateStats.meanEvents.toFixed(1)} events each on average`);

    // Secondary indexes and primary keys of the big tables go, to be rebuilt after the load.
    const { rows: indexes } = await client.query(`
      SELECT i.indexname, i.indexdef, c.conname, c.contype, i.tablename
      FROM pg_indexes i LEFT JOIN pg_constraint c ON c.conname = i.indexname
      WHERE i.schemaname = 'public' AND i.tablename IN ('cases', 'case_events', 'parties', 'deadlines')
        AND NOT (i.tablename = 'cases' AND i.indexname IN ('cases_pkey'))`);
    const constraints = [];
    for (const ix of indexes) {
      if (ix.contype) {
        const { rows } = await client.query(
          `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`,
          [ix.conname],
        );
        constraints.push({ table: ix.tablename, name: ix.conname, def: rows[0].def });
        await client.query(`ALTER TABLE ${ix.tablename} DROP CONSTRAINT ${ix.conname}`);
      } else {
        await client.query(`DROP INDEX ${ix.indexname}`);
      }
    }

    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '256MB'`);
    const shares = PROFILES.map((p) => p.share);
    const cumulative = shares.map((_, i) => shares.slice(0, i + 1).reduce((a, b) => a + b, 0));
    const profileCase = `CASE ${cumulative
      .slice(0, -1)
      .map((c, i) => `WHEN r1 < ${c} THEN ${i}`)
      .join(' ')} ELSE ${PROFILES.length - 1} END`;

    await step('cases (staging)', async () => {
      await client.query(
        `CREATE UNLOGGED TABLE bench.gen (n int, id uuid, tpl int, org_id uuid, court_id uuid, opened_at timestamptz,
          year int, case_number text)`,
      );
      // Opening dates grow by 50% over the period (density rising linearly from 1 to 1.5).
      await client.query(
        `WITH r AS (SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
              FROM generate_series(1, $1) g),
              p AS (SELECT g, ${profileCase} AS pidx, least($2 - 1, floor($2 * (sqrt(1 + 1.25 * r2) - 1) / 0.5))::int AS
                bucket, r3, r4, r5 FROM r)
         INSERT INTO bench.gen (n, id, tpl, org_id, opened_at)
         SELECT p.g, gen_random_uuid(), (p.pidx * $2 + p.bucket) * $3 + floor(p.r3 * $3)::int,
                pools.ids[1 + floor(p.r4 * array_length(pools.ids, 1))::int], NULL
         FROM p JOIN bench.pools pools ON pools.pidx = p.pidx`,
        [cases, buckets, VARIANTS],
      );
      // Opened on the day it was received or up to two days later, in office hours, never in the future.
      await client.query(`
        UPDATE bench.gen g SET
          opened_at = least(now(), ((t.received_on + floor(random() * 3)::int)::timestamp + interval '8 hours' +
            random() * interval '10 hours') AT TIME ZONE 'Asia/Shanghai'),
          court_id = CASE WHEN t.court_path IS NOT NULL THEN coalesce(c.court_id, g.org_id) END
        FROM bench.tpl t, bench.court c WHERE t.id = g.tpl AND c.org_id = g.org_id`);
      await client.query(`UPDATE bench.gen SET year = extract(year FROM opened_at AT TIME ZONE 'Asia/Shanghai')::int`);
      // Case numbers: each organisation's yearly sequence, in opening order.
      await client.query(`
        UPDATE bench.gen g SET case_number = replace(replace(replace(o.case_number_pattern, '{year}', g.year::text),
                 '{short}', o.short_name), '{seq:5}',
                 CASE WHEN s.seq < 100000 THEN lpad(s.seq::text, 5, '0') ELSE s.seq::text END)
        FROM (SELECT n, row_number() OVER (PARTITION BY org_id, year ORDER BY opened_at, n) AS seq FROM bench.gen) s,
          organizations o
        WHERE s.n = g.n AND o.id = g.org_id`);
      await client.query(`CREATE INDEX ON bench.gen (tpl)`);
      await client.query(`ANALYZE bench.gen`);
    });

    await step('cases', () =>
      client.query(`
        INSERT INTO cases (id, case_number, flow_id, flow_version, state, status, final, snapshot, version,
          organization_id, organization_path,
          receiving_organization_id, category, channel, risk_level, amount, summary, search_text, received_on,
            accepted_on, ended_on, overdue,
          linked_case_id, parent_case_id, links, opened_at, updated_at, court_id, parties_view)
        SELECT g.id, g.case_number, t.flow_id, t.flow_version, t.state, t.status, t.final,
          CASE WHEN t.court_path IS NOT NULL THEN jsonb_set(s.snap, t.court_path, to_jsonb(g.court_id::text))
            ELSE s.snap END,
          t.n_events, g.org_id, o.path, g.org_id, t.category, t.channel, t.risk_level, t.amount, t.summary,
          lower(g.case_number || ' ' || t.summary || ' ' || t.names), t.received_on, t.accepted_on, t.ended_on,
            t.overdue,
          NULL, NULL, '[]', g.opened_at, greatest(g.opened_at, (t.last_day::timestamp + interval '17 hours') AT TIME
            ZONE 'Asia/Shanghai'),
          g.court_id, t.parties_view
        FROM bench.gen g JOIN bench.tpl t ON t.id = g.tpl JOIN organizations o ON o.id = g.org_id,
        LATERAL (SELECT jsonb_set(jsonb_set(t.snapshot, '{context,organizationId}', to_jsonb(g.org_id::text)),
          '{context,receivingOrganizationId}', to_jsonb(g.org_id::text)) AS snap) s`),
    );

    await step('events', () =>
      client.query(`
        INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key, meta)
        SELECT g.id, e.seq, e.type, e.payload, e.actor,
          CASE WHEN e.seq = 1 THEN g.opened_at ELSE greatest(g.opened_at, (e.today::timestamp + interval '9 hours' +
            e.seq * interval '7 minutes') AT TIME ZONE 'Asia/Shanghai') END,
          e.today, NULL, e.meta
        FROM bench.gen g JOIN bench.tpl_event e ON e.tpl = g.tpl`),
    );

    await step('parties', () =>
      client.query(`
        INSERT INTO parties (case_id, party_id, role, kind, name, id_number_encrypted, id_number_hash, credit_code,
          phone_encrypted, address, agent)
        SELECT g.id, p."partyId", p.role, p.kind, p.name, p."idNumberEncrypted", p."idNumberHash", p."creditCode",
          p."phoneEncrypted", p.address, p.agent
        FROM bench.gen g JOIN bench.tpl t ON t.id = g.tpl,
        jsonb_to_recordset(t.parties) AS p("partyId" text, role text, kind text, name text, "idNumberEncrypted" text,
          "idNumberHash" text,
          "creditCode" text, "phoneEncrypted" text, address text, agent text)`),
    );

    await step('deadlines', () =>
      client.query(
        `INSERT INTO deadlines (case_id, kind, sort, status, basis, due_on, remind_on, provisional, organization_id,
         organization_path, updated_at, reminded_on)
         SELECT g.id, d.kind, d.sort, d.status, d.basis, d."dueOn", d."remindOn", d.provisional, g.org_id, o.path,
           g.opened_at,
           CASE WHEN d."remindOn" <= $1::date THEN d."remindOn" END
         FROM bench.gen g JOIN bench.tpl t ON t.id = g.tpl JOIN organizations o ON o.id = g.org_id,
         jsonb_to_recordset(t.deadlines) AS d(kind text, sort text, status text, basis text, "dueOn" date,
           "remindOn" date, provisional boolean)`,
        [today],
      ),
    );

    await step('case-number counters', () =>
      client.query(`
        INSERT INTO case_number_counters (organization_id, year, last)
        SELECT org_id, year, count(*) FROM bench.gen GROUP BY org_id, year
        ON CONFLICT (organization_id, year) DO UPDATE SET last = case_number_counters.last + EXCLUDED.last`),
    );

    await client.query(`SET session_replication_role = origin`);
    await step('indexes', async () => {
      for (const c of constraints) await client.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
      for (const ix of indexes.filter((i) => !i.contype)) await client.query(ix.indexdef);
    });
    await client.query('DROP SCHEMA bench CASCADE');
    await step('vacuum analyze', () => client.query('VACUUM ANALYZE'));

    const { rows: counts } = await client.query(`
      SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events,
             (SELECT count(*) FROM parties)::int AS parties,
             (SELECT count(*) FROM deadlines)::int AS deadlines, (SELECT count(*) FROM organizations)::int AS
               organizations,
             (SELECT count(*) FROM cases WHERE status = 'open')::int AS open, (SELECT count(*) FROM cases
               WHERE overdue)::int AS overdue,
             pg_database_size(current_database()) AS bytes`);
    const { rows: byStatus } = await client.query(
      `SELECT status, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 2 DESC`,
    );
    const { rows: byFlow } = await client.query(
      `SELECT flow_id, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 2 DESC`,
    );
    return { ...counts[0], bytes: Number(counts[0].bytes), byStatus, byFlow, templates: templateStats, timings };
  } finally {
    await client.end();
  }
}
