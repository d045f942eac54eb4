// Item 4: queries at scale. On the generated data set (lib/generate.mjs), through the running
// service over HTTP, one request at a time from this process, timed end to end:
//   - case lists filtered by organisation subtree + status (+ overdue): the first page, and a deep
//     keyset page (a cursor 90% of the way down the filtered list);
//   - a case with its audit trail (GET /cases/:id then GET /cases/:id/events);
//   - the work list of deadlines due this week (today and the six days after);
//   - the resolution-rate report for a year, by organisation, level and category.
// Parameters vary per request (organisations at every level, statuses, overdue or not). Every
// kind is first run once over its parameter set to warm the caches, then measured. The lists are
// also timed through the same query function the service uses (caseQueries.listCases) straight on
// a pg pool, to separate the database from HTTP; and one EXPLAIN (ANALYZE) per kind is kept.
import { performance } from 'node:perf_hooks';
import { pg } from './lib/deps.mjs';
import { HttpClient, signIn } from './lib/http.mjs';
import { apiDist } from './lib/paths.mjs';
import { DEMO_PASSWORD } from './lib/service.mjs';
import { rng } from './lib/walk.mjs';
import { summarize } from './lib/stats.mjs';
import { chinaToday } from './lib/generate.mjs';

const { listCases, encodeCursor, subtreeCondition } = await import(new URL('cases/caseQueries.js', apiDist).href);

export async function runQueries({ url, baseUrl, repeats = 100, log = () => {} }) {
  const r = rng(7);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
  const admin = new HttpClient(baseUrl, { token: await signIn(baseUrl, 'admin', DEMO_PASSWORD) });
  const supervisor = new HttpClient(baseUrl, { token: await signIn(baseUrl, 'supervisor', DEMO_PASSWORD) });
  const results = {};
  try {
    const { rows: orgs } = await pool.query(
      `SELECT id, path, level, kind FROM organizations WHERE kind = 'centre' ORDER BY path`,
    );
    const city = orgs.find((o) => o.level === 'city');
    const byLevel = (level) => orgs.filter((o) => o.level === level);
    const sample = (list, n) => Array.from({ length: n }, () => list[Math.floor(r() * list.length)]);
    const adminScope = { caseScope: { organizationPath: city.path, organizationId: city.id } };

    // Lists: organisation (district, street or community centre) × status × overdue.
    const STATUSES = ['open', 'resolved', 'unresolved'];
    const OVERDUE = [true, false, undefined];
    const listParams = [];
    for (let attempt = 0; listParams.length < repeats && attempt < repeats * 200; attempt++) {
      const level = ['district', 'street', 'community'][attempt % 3];
      const org = sample(byLevel(level), 1)[0];
      const status = STATUSES[Math.floor(r() * STATUSES.length)];
      const overdue = OVERDUE[Math.floor(r() * OVERDUE.length)];
      const filters = { status, ...(overdue === undefined ? {} : { overdue }) };
      // Where the deep page starts: 90% of the way down the filtered list, newest first.
      const values = [];
      const [sub, subValue] = subtreeCondition(org.path, true);
      values.push(subValue, status);
      let where = `${sub.replace('?', '$1')} AND status = $2`;
      if (overdue !== undefined) where += ` AND overdue = $${values.push(overdue)}`;
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM cases WHERE ${where}`, values);
      const n = rows[0].n;
      if (n < 41) continue; // a list too short to have a deep page (more than two pages of 20)
      const offset = Math.floor(n * 0.9);
      const { rows: at } = await pool.query(
        `SELECT opened_at, id FROM cases WHERE ${where} ORDER BY opened_at DESC, id DESC OFFSET ${offset} LIMIT 1`,
        values,
      );
      listParams.push({
        org,
        level,
        filters,
        total: n,
        offset,
        cursor: encodeCursor(at[0].opened_at.toISOString(), at[0].id),
      });
    }
    const listQuery = (p, deep) => {
      const q = new URLSearchParams({ organizationId: p.org.id, status: p.filters.status, limit: '20' });
      if (p.filters.overdue !== undefined) q.set('overdue', String(p.filters.overdue));
      if (deep) q.set('cursor', p.cursor);
      return `/api/v1/cases?${q}`;
    };
    for (const [name, deep] of [
      ['list: first page', false],
      ['list: deep keyset page', true],
    ]) {
      results[name] = await measure(listParams, async (p) => {
        const res = await admin.get(listQuery(p, deep));
        if (res.status !== 200 || !res.body.items.length)
          throw new Error(`${name}: ${res.status} ${res.text?.slice(0, 200)}`);
      });
      results[`${name} (SQL only)`] = await measure(listParams, async (p) => {
        const after = deep ? JSON.parse(Buffer.from(p.cursor, 'base64url').toString()) : undefined;
        await listCases(
          pool,
          { ...p.filters, limit: 20 },
          { ...adminScope, organizationPath: p.org.path, ...(after ? { after } : {}) },
        );
      });
      log(
        `  ${name}: p50 ${results[name].p50.toFixed(1)} ms, p95 ${results[name].p95.toFixed(1)} ms (SQL only ` +
          `p95 ${results[`${name} (SQL only)`].p95.toFixed(1)} ms)`,
      );
    }
    results.listSets = {
      levels: {
        district: listParams.filter((p) => p.level === 'district').length,
        street: listParams.filter((p) => p.level === 'street').length,
        community: listParams.filter((p) => p.level === 'community').length,
      },
      medianTotal: summarize(listParams.map((p) => p.total)).p50,
      medianDeepOffset: summarize(listParams.map((p) => p.offset)).p50,
      maxDeepOffset: Math.max(...listParams.map((p) => p.offset)),
    };

    // A case and its audit trail.
    const { rows: someCases } = await pool.query(`SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT ${repeats}`);
    results['case + audit trail'] = await measure(someCases, async ({ id }) => {
      const one = await admin.get(`/api/v1/cases/${id}`);
      const trail = await admin.get(`/api/v1/cases/${id}/events`);
      if (one.status !== 200 || trail.status !== 200 || !trail.body.items.length)
        throw new Error(`case ${id}: ${one.status} ${trail.status}`);
    });
    const { rows: eventCounts } = await pool.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1) GROUP BY case_id`,
      [someCases.map((c) => c.id)],
    );
    results.caseSet = { meanEvents: eventCounts.reduce((a, c) => a + c.n, 0) / eventCounts.length };
    log(
      `  case + audit trail: p50 ${results['case + audit trail'].p50.toFixed(1)} ms, ` +
        `p95 ${results['case + audit trail'].p95.toFixed(1)} ms`,
    );

    // The work list: running deadlines due this week — the seven days from today — for the city
    // (admin), a district (supervisor), districts and streets (admin).
    const today = chinaToday();
    const sunday = new Date(Date.parse(`${today}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    const workParams = [
      ...Array.from({ length: Math.ceil(repeats / 4) }, () => ({ client: admin, query: `dueBefore=${sunday}` })),
      ...Array.from({ length: Math.ceil(repeats / 4) }, () => ({ client: supervisor, query: `dueBefore=${sunday}` })),
      ...sample(byLevel('district'), Math.ceil(repeats / 4)).map((o) => ({
        client: admin,
        query: `dueBefore=${sunday}&organizationId=${o.id}`,
      })),
      ...sample(byLevel('street'), Math.ceil(repeats / 4)).map((o) => ({
        client: admin,
        query: `dueBefore=${sunday}&organizationId=${o.id}`,
      })),
    ];
    results['work list: due this week'] = await measure(workParams, async (p) => {
      const res = await p.client.get(`/api/v1/deadlines?${p.query}`);
      if (res.status !== 200) throw new Error(`work list: ${res.status} ${res.text?.slice(0, 200)}`);
    });
    const { rows: dueThisWeek } = await pool.query(
      `SELECT count(*)::int AS n FROM deadlines WHERE status = 'running' AND due_on <= $1`,
      [sunday],
    );
    results.workListSet = { dueBefore: sunday, runningDueCityWide: dueThisWeek[0].n };
    log(
      `  work list: p50 ${results['work list: due this week'].p50.toFixed(1)} ms, ` +
        `p95 ${results['work list: due this week'].p95.toFixed(1)} ms`,
    );

    // The resolution rate for last year: the whole city (the largest), and districts and streets.
    const year = Number(today.slice(0, 4)) - 1;
    const GROUPS = ['organization', 'level', 'category'];
    const cityParams = Array.from({ length: Math.max(30, Math.ceil(repeats / 3)) }, (_, i) => ({
      org: city,
      groupBy: GROUPS[i % 3],
    }));
    const subParams = [
      ...sample(byLevel('district'), Math.ceil(repeats / 2)),
      ...sample(byLevel('street'), Math.ceil(repeats / 2)),
    ].map((org, i) => ({ org, groupBy: GROUPS[i % 3] }));
    const report = async (p) => {
      const res = await admin.get(
        `/api/v1/reports/resolution-rate?year=${year}&organizationId=${p.org.id}&groupBy=${p.groupBy}`,
      );
      if (res.status !== 200) throw new Error(`report: ${res.status} ${res.text?.slice(0, 200)}`);
      return res.body;
    };
    results['report: whole city, one year'] = await measure(cityParams, report);
    results['report: a district or street, one year'] = await measure(subParams, report);
    const cityReport = await report({ org: city, groupBy: 'organization' });
    results.reportSet = {
      year,
      cityAccepted: cityReport.total.accepted,
      cityResolved: cityReport.total.resolved,
      cityRate: cityReport.total.rate,
    };
    log(
      `  report (city): p50 ${results['report: whole city, one year'].p50.toFixed(1)} ms, ` +
        `p95 ${results['report: whole city, one year'].p95.toFixed(1)} ms`,
    );

    results.plans = await plans(pool, { city, district: byLevel('district')[0], sunday, year, listParams });
    return results;
  } finally {
    admin.close();
    supervisor.close();
    await pool.end();
  }
}

/** Runs `work` once per parameter to warm up, then once more per parameter, timed. */
async function measure(params, work) {
  for (const p of params) await work(p);
  const times = [];
  for (const p of params) {
    const t0 = performance.now();
    await work(p);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** One EXPLAIN (ANALYZE) per kind of query, with the index it used, for the record. */
async function plans(pool, { city, district, sunday, year, listParams }) {
  const out = {};
  const explain = async (name, sql, values) => {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    out[name] = {
      indexes: [...new Set(text.match(/using (\w+)/g)?.map((m) => m.slice(6)) ?? [])],
      execution: text.match(/Execution Time: ([\d.]+)/)?.[1],
      plan: text,
    };
  };
  const p = listParams.find((x) => x.level === 'district' && x.filters.status === 'open') ?? listParams[0];
  const [sub, subValue] = subtreeCondition(p.org.path, true);
  await explain(
    'list (district, open, first page)',
    `SELECT id, case_number, status, opened_at FROM cases WHERE (organization_path LIKE $1 OR court_id = $2::uuid)
      AND status = $3 AND ${sub.replace('?', '$4')} ORDER BY opened_at DESC, id DESC LIMIT 21`,
    [`${city.path}%`, city.id, 'open', subValue],
  );
  await explain(
    'work list (city, due this week)',
    `SELECT d.case_id, d.kind, d.due_on, c.case_number FROM deadlines d JOIN cases c ON c.id = d.case_id
     WHERE d.status = 'running' AND (c.organization_path LIKE $1 OR c.court_id = $2::uuid) AND d.due_on <= $3
     ORDER BY d.due_on NULLS LAST, d.case_id, d.kind LIMIT 100`,
    [`${city.path}%`, city.id, sunday],
  );
  await explain(
    'report (whole city, by organisation)',
    `SELECT organization_id, count(*), count(*) FILTER (WHERE status = 'resolved') FROM cases
      WHERE accepted_on >= $1::date AND accepted_on < $2::date GROUP BY 1`,
    [`${year}-01-01`, `${year + 1}-01-01`],
  );
  await explain(
    'report (a district, by organisation)',
    `SELECT organization_id, count(*), count(*) FILTER (WHERE status = 'resolved') FROM cases
     WHERE accepted_on >= $1::date AND accepted_on < $2::date AND organization_id IN (SELECT id FROM organizations
       WHERE path LIKE $3) GROUP BY 1`,
    [`${year}-01-01`, `${year + 1}-01-01`, `${district.path}%`],
  );
  return out;
}
