#!/usr/bin/env node
// µs per sendEvent (restore + checks + transition + effects + serialise) against raw xstate
// transition() on the same machine, in one run. Imports the BUILT library: build first
// (`node scripts/pnpm.mjs run build` at the repository root), then `pnpm bench:flows`.
//
// Columns, per event (mean µs per operation, median over rounds):
//   raw       transition(machine, machineSnapshot, event) on a snapshot restored once, outside the loop
//   raw+rs    machine.resolveState({ value, context }) from the parsed JSON, transition(),
//             JSON.stringify({ value, context }) of the result: what any host of xstate must do anyway
//   ours      sendEvent(snapshot, event, { today }) then JSON.stringify(result.snapshot)
// and, to show what our layer's own checks cost, one more (not a baseline the issue names):
//   floor     raw+rs with pureTransition from the library, the call sendEvent makes: the machine's
//             own transition in an inert scope built once per machine, instead of transition(),
//             which builds a throwaway actor per call (and that actor computes the machine's
//             initial snapshot)
//
// Tuning (environment): BENCH_ROUNDS (default 15), BENCH_OPS (operations per round, default 2000),
// BENCH_WARMUP (operations per variant before measuring, default 3000); BENCH_JSON=1 also prints
// the figures as one line of JSON. Also printed: per-operation p50 and p99 over all rounds.
// Exits non-zero only when something fails (an event refused, results that differ), never on a
// missed target.
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { transition } from 'xstate';

let flows;
let pureTransition;
try {
  flows = await import('../dist/index.js');
  ({ pureTransition } = await import('../dist/machineSnapshot.js'));
} catch (error) {
  console.error(
    'Cannot load ../dist/index.js: build first (`node scripts/pnpm.mjs run build` at the repository root).',
  );
  console.error(error);
  process.exit(1);
}
const { getFlow, sendEvent, startCase } = flows;

const ROUNDS = positive('BENCH_ROUNDS', 15);
const OPS = positive('BENCH_OPS', 2000);
const WARMUP = positive('BENCH_WARMUP', 3000);
const BLOCK = 100; // operations of one variant before switching to the next
const TARGET = 25; // % sendEvent may add over raw + restore + serialise

function positive(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

const roundTrip = (value) => JSON.parse(JSON.stringify(value));

// ---------------------------------------------------------------------------------------------
// Cases brought to the state each measured event starts from, as a host would load them (JSON).

const ID = { zhang: '11010519491231002X', li: '32010619850312123X' };
const party = (overrides = {}) => ({
  role: 'applicant',
  kind: 'person',
  name: '张三',
  idNumber: ID.zhang,
  phone: '13800138000',
  ...overrides,
});
const intake = (overrides = {}) => ({
  category: 'neighbour',
  summary: '邻里之间因排水问题发生纠纷',
  parties: [party(), party({ role: 'respondent', name: '李四', idNumber: ID.li })],
  channel: 'walkIn',
  organizationId: 'org-street-1',
  receivedOn: '2026-03-02',
  ...overrides,
});

function drive(flowId, input, today, steps) {
  let snapshot = roundTrip(startCase(flowId, input, { today }).snapshot);
  for (const [type, payload, on, host] of steps) {
    snapshot = roundTrip(sendEvent(snapshot, { type, payload }, { today: on, ...(host ? { host } : {}) }).snapshot);
  }
  return snapshot;
}

const pmPending = () => drive('people-mediation', intake(), '2026-03-02', []);
const pmMediating = () =>
  drive('people-mediation', intake(), '2026-03-02', [
    ['application.accepted', {}, '2026-03-02'],
    ['mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03'],
    ['session.recorded', { heldOn: '2026-03-04', summary: '双方陈述意见，初步同意协商修缮方案' }, '2026-03-04'],
  ]);
const jcUnderReview = () =>
  drive(
    'judicial-confirmation',
    intake({
      category: 'contract',
      summary: '申请确认买卖合同纠纷调解协议效力',
      organizationId: 'court-basic-1',
      parties: [
        party({ linkedPartyId: 'p1' }),
        party({ name: '李四', idNumber: ID.li, phone: '13900139000', linkedPartyId: 'p2' }),
      ],
      receivedOn: '2026-03-16',
      appliedOn: '2026-03-16',
      agreement: {
        effectiveOn: '2026-03-10',
        subject: 'propertyObligation',
        boundParties: [
          { name: '张三', idNumber: ID.zhang },
          { name: '李四', idNumber: ID.li },
        ],
        terms: [
          { obligorPartyId: 'p2', description: '分期支付货款', amount: '6000.00', dueOn: '2026-05-31' },
          { obligorPartyId: 'p2', description: '支付余款', amount: '6000.00', dueOn: '2026-06-30' },
        ],
      },
    }),
    '2026-03-16',
    [['application.accepted', { acceptedOn: '2026-03-18' }, '2026-03-18']],
  );
const petitionHandling = () =>
  drive('petition', intake({ petitionType: 'claim', channel: 'letter' }), '2026-03-02', [
    ['petition.accepted', { acceptedOn: '2026-03-10' }, '2026-03-10'],
  ]);

/** Each measured step: the case before (plain JSON), the event and its day. */
const SCENARIOS = [
  {
    name: 'pm session.recorded (self)',
    note: 'people-mediation, mediating → mediating: payload validation, a record appended',
    snapshot: pmMediating(),
    event: {
      type: 'session.recorded',
      payload: { heldOn: '2026-03-09', summary: '第二次调解，双方就赔偿金额仍有分歧' },
    },
    today: '2026-03-09',
  },
  {
    name: 'pm agreement.signed',
    note:
      'people-mediation, mediating → agreementEffective: written, signed; ' +
      'window and performance deadlines computed',
    snapshot: pmMediating(),
    event: {
      type: 'agreement.signed',
      payload: {
        form: 'written',
        effectiveOn: '2026-03-10',
        terms: [{ obligorPartyId: 'p2', description: '赔偿修缮费用', amount: '3000.00', dueOn: '2026-04-30' }],
        signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
      },
    },
    today: '2026-03-10',
  },
  {
    name: 'pm application.accepted',
    note: 'people-mediation, pendingAcceptance → awaitingMediator: mediation period started',
    snapshot: pmPending(),
    event: { type: 'application.accepted', payload: {} },
    today: '2026-03-02',
  },
  {
    name: 'jc agreement.confirmed (final)',
    note: 'judicial-confirmation, underReview → confirmed (final): objection and enforcement periods, case.ended',
    snapshot: jcUnderReview(),
    event: {
      type: 'agreement.confirmed',
      payload: { rulingNo: '(2026)京0105民特123号', ruledOn: '2026-03-20', servedOn: '2026-03-20' },
    },
    today: '2026-03-20',
  },
  {
    name: 'petition opinion.issued',
    note: 'petition, handling → opinionIssued: handling span cleared, review-request period started',
    snapshot: petitionHandling(),
    event: { type: 'opinion.issued', payload: { result: 'notSupported', servedOn: '2026-04-20' } },
    today: '2026-04-20',
  },
];

// ---------------------------------------------------------------------------------------------
// The three variants of one step. Each returns something derived from its work (kept in a sink).

function variants(s) {
  const machine = getFlow(s.snapshot.flowId, s.snapshot.flowVersion).machine;
  const xEvent = { type: s.event.type, payload: s.event.payload, today: s.today, host: {} };
  const restored = machine.resolveState({ value: s.snapshot.state, context: s.snapshot.context });
  const options = { today: s.today };
  return {
    raw: () => transition(machine, restored, xEvent)[0],
    rawRs: () => {
      const current = machine.resolveState({ value: s.snapshot.state, context: s.snapshot.context });
      const [next] = transition(machine, current, xEvent);
      return JSON.stringify({ value: next.value, context: next.context });
    },
    ours: () => JSON.stringify(sendEvent(s.snapshot, s.event, options).snapshot),
    floor: () => {
      const current = machine.resolveState({ value: s.snapshot.state, context: s.snapshot.context });
      const [next] = pureTransition(machine, current, xEvent);
      return JSON.stringify({ value: next.value, context: next.context });
    },
  };
}

/** The three variants must reach the same state and context, or the comparison means nothing. */
function check(s, v) {
  const raw = v.raw();
  const rawRs = JSON.parse(v.rawRs());
  const ours = JSON.parse(v.ours());
  const floor = JSON.parse(v.floor());
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(raw.value, rawRs.value) || !same(raw.context, rawRs.context))
    throw new Error(`${s.name}: raw and raw+rs differ`);
  if (!same(rawRs.value, ours.state) || !same(rawRs.context, ours.context))
    throw new Error(`${s.name}: sendEvent differs from raw`);
  if (!same(floor.value, rawRs.value) || !same(floor.context, rawRs.context))
    throw new Error(`${s.name}: floor differs from raw`);
  if (same(ours.state, s.snapshot.state) && same(ours.context, s.snapshot.context))
    throw new Error(`${s.name}: nothing changed`);
}

let sink = 0;
const consume = (x) => {
  sink ^= typeof x === 'string' ? x.length : x ? 1 : 0;
};

/** Runs `fn` `n` times, timing each call; returns the per-op µs. */
function measure(fn, n) {
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = fn();
    const t1 = process.hrtime.bigint();
    consume(r);
    times[i] = Number(t1 - t0) / 1000;
  }
  return times;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

// ---------------------------------------------------------------------------------------------

function machineInfo() {
  const cpus = os.cpus();
  let model = cpus[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch {}
  return {
    node: process.version,
    cpu: model,
    cores: cpus.length,
    ramGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString(),
  };
}

function main() {
  const info = machineInfo();
  console.log('# sendEvent against raw xstate transition()');
  console.log(`node ${info.node} | ${info.cpu} | ${info.cores} cores | ${info.ramGiB} GiB | ${info.os}`);
  console.log(`date ${info.date} | ${ROUNDS} rounds × ${OPS} ops per variant, ${WARMUP} warm-up ops`);
  console.log('');

  const runs = SCENARIOS.map((s) => {
    const v = variants(s);
    check(s, v);
    return { s, v, per: { raw: [], rawRs: [], ours: [], floor: [] }, all: { raw: [], rawRs: [], ours: [], floor: [] } };
  });
  const kinds = ['raw', 'rawRs', 'ours', 'floor'];

  for (const r of runs) for (const k of kinds) measure(r.v[k], WARMUP);

  // Each round runs OPS operations of every variant in interleaved blocks of BLOCK, rotating the
  // order, so drift (frequency, a neighbour's load) and the garbage one variant leaves behind
  // fall on all three alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const r of runs) {
      const times = { raw: [], rawRs: [], ours: [], floor: [] };
      for (let b = 0, block = 0; b < OPS; b += BLOCK, block++) {
        const n = Math.min(BLOCK, OPS - b);
        for (let j = 0; j < kinds.length; j++) {
          const k = kinds[(round + block + j) % kinds.length];
          times[k].push(measure(r.v[k], n));
        }
      }
      for (const k of kinds) {
        const flat = Float64Array.from(times[k].flatMap((t) => [...t]));
        r.per[k].push(mean(flat));
        r.all[k].push(flat);
      }
    }
  }

  const rows = runs.map((r) => {
    const row = { event: r.s.name };
    for (const k of kinds) {
      row[k] = median(r.per[k]);
      const flat = Float64Array.from(r.all[k].flatMap((t) => [...t])).sort();
      row[`${k}P50`] = quantile(flat, 0.5);
      row[`${k}P99`] = quantile(flat, 0.99);
    }
    row.vsRaw = (row.ours / row.raw - 1) * 100;
    row.vsRawRs = (row.ours / row.rawRs - 1) * 100;
    row.layer = row.ours - row.floor;
    return row;
  });
  const total = { event: 'mean of the events' };
  for (const k of kinds) total[k] = mean(rows.map((r) => r[k]));
  total.vsRaw = (total.ours / total.raw - 1) * 100;
  total.vsRawRs = (total.ours / total.rawRs - 1) * 100;
  total.layer = total.ours - total.floor;

  const f = (x) => x.toFixed(1);
  const pct = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(0)}%`;
  const print = (header, lines) => {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const line of lines) console.log(`| ${line.join(' | ')} |`);
    console.log('');
  };
  console.log('Mean µs per operation (median of the rounds):');
  print(
    [
      'event',
      'raw µs',
      'raw+restore+serialise µs',
      'sendEvent µs',
      'overhead vs raw',
      'overhead vs raw+restore+serialise',
      'floor µs',
      'sendEvent − floor µs',
    ],
    [...rows, total].map((r) => [
      r.event,
      f(r.raw),
      f(r.rawRs),
      f(r.ours),
      pct(r.vsRaw),
      pct(r.vsRawRs),
      f(r.floor),
      f(r.layer),
    ]),
  );
  console.log('Per-operation percentiles over all rounds, µs (p50 / p99):');
  print(
    ['event', 'raw', 'raw+restore+serialise', 'sendEvent', 'floor'],
    rows.map((r) => [r.event, ...kinds.map((k) => `${f(r[`${k}P50`])} / ${f(r[`${k}P99`])}`)]),
  );
  for (const r of runs) console.log(`- ${r.s.name}: ${r.s.note}`);
  console.log('');
  for (const [key, baseline] of [
    ['vsRawRs', 'raw+restore+serialise'],
    ['vsRaw', 'raw transition()'],
  ]) {
    const over = rows.filter((r) => r[key] > TARGET).map((r) => r.event);
    console.log(
      over.length
        ? `target (sendEvent ≤ ${baseline} + ${TARGET}%) missed for: ${over.join(', ')}`
        : `target met: sendEvent adds at most ${TARGET}% over ${baseline} on every event`,
    );
  }
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ info, rows, total }));
  if (sink === 0.5) console.log(sink); // never true; keeps the results alive
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
