#!/usr/bin/env node
// Item 9: the statistics reports of issue 16 (docs/reports.md) at 1,000,000 cases. On the data set
// of item 4 (lib/generate.mjs) with what the generator does not make added in SQL: return visits
// (40% of agreements and handling opinions, 15–60 days later, 70% 满意 / 25% 基本满意 / 5% 不满意),
// the 防止民转刑 flag on 2% of mediations, and every judicial-confirmation case linked to a resolved
// people's mediation. The generator's bulk load bypasses triggers, so `case_statistics` is then
// filled by the migration's own backfill (BACKFILL_CASE_STATISTICS), as an upgrade fills it.
//
// Measured through the running service over HTTP, one request at a time, as an administrator of the
// city: each report (mediation, centre, petitions, courts) for the whole city for the last complete
// year, by its default rows and by month, JSON (target ≤ 500 ms p95) and the Excel export
// (≤ 3 s); and for a district. Every kind is warmed once first.
//
// Standalone on a database already generated and prepared:
//   BENCH_STATISTICS_DATABASE_URL=postgres://… node bench/statistics.mjs   (BENCH_STATISTICS_PREPARE=1 to prepare it
// first)
import { performance } from 'node:perf_hooks';
import { pg } from './lib/deps.mjs';
import { HttpClient, signIn } from './lib/http.mjs';
import { apiDist } from './lib/paths.mjs';
import { DEMO_PASSWORD } from './lib/service.mjs';
import { summarize } from './lib/stats.mjs';
import { chinaToday } from './lib/generate.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const STATISTICS_REPORTS = ['mediation', 'centre', 'petitions', 'courts'];

/** What the generator leaves out, then `case_statistics` from the migration's backfill. */
export async function prepareStatistics(url, log = () => {}) {
  const { BACKFILL_CASE_STATISTICS } = await import(
    new URL('database/migrations/1763900000011-CaseStatistics.js', apiDist).href
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const timings = {};
  const step = async (name, sql) => {
    const t0 = performance.now();
    await client.query(sql);
    timings[name] = (performance.now() - t0) / 1000;
    log(`  ${name}: ${timings[name].toFixed(1)} s`);
  };
  try {
    await step(
      '防止民转刑 flags',
      `UPDATE cases SET criminal_risk_prevented = true WHERE flow_id IN ('people-mediation', 'delegated-mediation')
        AND random() < 0.02`,
    );
    await step(
      'return visits',
      `INSERT INTO return_visits (id, case_id, organization_id, visited_on, visited_by, persons_visited, performance,
       satisfaction, new_dispute)
       SELECT gen_random_uuid(), e.case_id, c.organization_id, least(e.today + 15 + floor(x.r * 45)::int,
         (now() AT TIME ZONE 'Asia/Shanghai')::date),
         (SELECT id FROM users ORDER BY username LIMIT 1), '申请人、被申请人（电话回访）',
         (ARRAY['performed', 'partlyPerformed', 'notPerformed', 'notDue'])[1 + floor(x.r * 4)::int],
         CASE WHEN x.r < 0.7 THEN 'satisfied' WHEN x.r < 0.95 THEN 'basicallySatisfied' ELSE 'dissatisfied' END,
           x.r > 0.97
       FROM case_events e JOIN cases c ON c.id = e.case_id CROSS JOIN LATERAL (SELECT random() AS r, random() AS pick
         WHERE e.case_id IS NOT NULL) x
       WHERE e.type IN ('agreement.signed', 'opinion.issued') AND x.pick < 0.4`,
    );
    await step(
      'judicial confirmations linked',
      `UPDATE cases j SET linked_case_id = m.id
       FROM (SELECT id, row_number() OVER () AS rn FROM cases WHERE flow_id = 'people-mediation'
            AND status = 'resolved') m,
            (SELECT id, row_number() OVER () AS rn FROM cases WHERE flow_id = 'judicial-confirmation') jj
       WHERE j.id = jj.id AND jj.rn = m.rn`,
    );
    await step(
      'case_statistics (migration backfill)',
      `TRUNCATE case_statistics, return_visit_statistics; ${BACKFILL_CASE_STATISTICS}`,
    );
    // One statement each: VACUUM cannot run inside the implicit transaction of a multi-statement query.
    for (const table of ['cases', 'return_visits', 'case_statistics', 'return_visit_statistics'])
      await step(`vacuum analyze ${table}`, `VACUUM ANALYZE ${table}`);
    const { rows } = await client.query(`SELECT (SELECT count(*) FROM case_statistics)::int AS rows, (SELECT count(*)
        FROM return_visits)::int AS visits,
      pg_relation_size('case_statistics') AS bytes`);
    return { ...rows[0], bytes: Number(rows[0].bytes), timings };
  } finally {
    await client.end();
  }
}

export async function runStatistics({ url, baseUrl, repeats = 20, exports = 5, log = () => {} }) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const admin = new HttpClient(baseUrl, { token: await signIn(baseUrl, 'admin', DEMO_PASSWORD) });
  const year = Number(chinaToday().slice(0, 4)) - 1;
  const results = { year, kinds: {} };
  try {
    const { rows: districts } = await pool.query(
      `SELECT id FROM organizations WHERE kind = 'centre' AND level = 'district' ORDER BY path`,
    );
    const kinds = [];
    for (const report of STATISTICS_REPORTS) {
      kinds.push({ name: `${report}: city, year`, path: `/api/v1/reports/${report}?year=${year}` });
      kinds.push({
        name: `${report}: city, year by month`,
        path: `/api/v1/reports/${report}?year=${year}&groupBy=month`,
      });
      kinds.push({
        name: `${report}: a district, year`,
        paths: districts.map((d) => `/api/v1/reports/${report}?year=${year}&organizationId=${d.id}`),
      });
      kinds.push({
        name: `${report}: city, year, xlsx`,
        path: `/api/v1/reports/${report}?year=${year}&format=xlsx`,
        xlsx: true,
      });
    }
    for (const kind of kinds) {
      const paths = kind.paths ?? [kind.path];
      const n = kind.xlsx ? exports : repeats;
      const first = await timed(admin, paths[0], kind.xlsx);
      const samples = [];
      let bytes = first.bytes;
      for (let i = 0; i < n; i++) {
        const r = await timed(admin, paths[i % paths.length], kind.xlsx);
        samples.push(r.ms);
        bytes = r.bytes;
      }
      results.kinds[kind.name] = {
        ...summarize(samples),
        coldMs: first.ms,
        bytes,
        ...(kind.xlsx ? {} : { total: first.total }),
      };
      log(
        `  ${kind.name}: p50 ${results.kinds[kind.name].p50.toFixed(0)} ms, ` +
          `p95 ${results.kinds[kind.name].p95.toFixed(0)} ms (first ${first.ms.toFixed(0)} ms)`,
      );
    }
    const plan = async (sql) =>
      (await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`)).rows[0]['QUERY PLAN'][0]['Execution Time'];
    results.sql = {
      'centre accepted (city, year)': await plan(
        `SELECT organization_id, count(*) FROM case_statistics WHERE accepted_on >= '${year}-01-01'
          AND accepted_on < '${year + 1}-01-01' GROUP BY 1`,
      ),
    };
  } finally {
    admin.close();
    await pool.end();
  }
  return results;
}

async function timed(client, path, xlsx) {
  const t0 = performance.now();
  const res = await client.request('GET', path, undefined, xlsx ? { accept: XLSX } : {});
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text?.slice(0, 300)}`);
  if (xlsx && !String(res.headers['content-type']).startsWith(XLSX))
    throw new Error(`${path}: not a workbook (${res.headers['content-type']})`);
  return { ms, bytes: Number(res.headers['content-length'] ?? res.text?.length ?? 0), total: res.body?.total };
}

// Standalone: on a database already generated (lib/generate.mjs) and, with BENCH_STATISTICS_PREPARE=1, prepared here.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_STATISTICS_DATABASE_URL;
  if (!url) {
    console.error(
      'BENCH_STATISTICS_DATABASE_URL: a database generated by bench/lib/generate.mjs (or run bench/run.mjs with ' +
        'BENCH_ONLY=statistics)',
    );
    process.exit(1);
  }
  const { startService } = await import('./lib/service.mjs');
  const log = (m) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);
  const prepared = process.env.BENCH_STATISTICS_PREPARE === '1' ? await prepareStatistics(url, log) : undefined;
  // The keys the data set was generated with (BENCH_STATISTICS_SECRETS: a JSON file of them),
  // if its personal data is to be read.
  const secrets = process.env.BENCH_STATISTICS_SECRETS
    ? JSON.parse((await import('node:fs')).readFileSync(process.env.BENCH_STATISTICS_SECRETS, 'utf8'))
    : {};
  const service = await startService({
    databaseUrl: url,
    env: { ...secrets, JIEFEN_BACKGROUND_JOBS: 'false' },
    logFile: process.env.BENCH_STATISTICS_LOG ?? '/dev/null',
    log,
  });
  try {
    const out = await runStatistics({
      url,
      baseUrl: service.baseUrl,
      repeats: Number(process.env.BENCH_QUERY_REPEATS ?? 20),
      log,
    });
    process.stdout.write(`${JSON.stringify({ prepared, ...out }, null, 2)}\n`);
  } finally {
    await service.stop();
  }
}
