#!/usr/bin/env node
// The load generator for item 2, run as its own process: `node bench/http-load.mjs <plan.json>`.
// Each client signs in once (its own bearer token and its own keep-alive connection), then loops
// over its own cases sending `session.recorded` — a valid people-mediation self-transition in
// `mediating`, so every request goes through auth, validation, the runner, the event log, the
// snapshot, the deadline rows and the outbox. Requests in the warm-up are not counted. With
// `rate` (events/s over all clients) it paces itself instead of sending flat out.
// Prints one line of JSON with the figures.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { HttpClient, signIn } from './lib/http.mjs';
import { summarize } from './lib/stats.mjs';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { baseUrl, username, password, cases, warmupSec, durationSec, rate } = plan;
const clients = cases.length;

// The day in China: a session held today is valid (a future one is refused by the flow).
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const SUMMARY = '双方到场，调解员释明相关法律规定，双方就维修费用分担初步达成一致意见，约定下次调解时间。';

const tokens = [];
for (let i = 0; i < clients; i++) tokens.push(await signIn(baseUrl, username, password));

const latencies = [];
const statusCounts = {};
const errorSamples = [];
const perSecond = new Map();
let measured = 0;
let errors = 0;
let warmupRequests = 0;
let state = 'warmup';
const cpuStart = { value: undefined };
let measureStart = 0;
let measureEnd;

async function client(i) {
  const http = new HttpClient(baseUrl, { token: tokens[i], skipOkBodies: true });
  const own = cases[i];
  const interval = rate ? (clients / rate) * 1000 : 0;
  let next = performance.now() + (interval ? Math.random() * interval : 0);
  let k = 0;
  while (state !== 'done') {
    if (interval) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      next += interval;
      if (state === 'done') break;
    }
    const caseId = own[k++ % own.length];
    const t0 = performance.now();
    let status;
    let text;
    try {
      const res = await http.post(`/api/v1/cases/${caseId}/events`, {
        type: 'session.recorded',
        payload: { heldOn: today, summary: SUMMARY },
      });
      status = res.status;
      if (status !== 200) text = res.text;
    } catch (error) {
      status = `error:${error.code ?? error.message}`;
    }
    const t1 = performance.now();
    if (state === 'measure' && t0 >= measureStart) {
      measured++;
      latencies.push(t1 - t0);
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      const second = Math.floor((t1 - measureStart) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
      if (status !== 200) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push({ status, text: text?.slice(0, 300) });
      }
    } else if (state === 'warmup') {
      warmupRequests++;
      if (status !== 200 && errorSamples.length < 5)
        errorSamples.push({ phase: 'warmup', status, text: text?.slice(0, 300) });
    }
  }
  http.close();
}

const running = Array.from({ length: clients }, (_, i) => client(i));
await new Promise((r) => setTimeout(r, warmupSec * 1000));
measureStart = performance.now();
cpuStart.value = process.cpuUsage();
state = 'measure';
process.stderr.write(`load: measuring for ${durationSec} s with ${clients} clients${rate ? ` at ${rate}/s` : ''}\n`);
await new Promise((r) => setTimeout(r, durationSec * 1000));
measureEnd = performance.now();
const cpu = process.cpuUsage(cpuStart.value);
state = 'done';
await Promise.all(running);

const seconds = (measureEnd - measureStart) / 1000;
const series = [...perSecond.entries()]
  .filter(([s]) => s < Math.floor(seconds))
  .sort((a, b) => a[0] - b[0])
  .map(([, n]) => n);
process.stdout.write(
  `${JSON.stringify({
    clients,
    casesPerClient: cases[0]?.length ?? 0,
    rate: rate ?? null,
    warmupSec,
    durationSec: seconds,
    warmupRequests,
    requests: measured,
    errors,
    statusCounts,
    errorSamples,
    eventsPerSecond: (measured - errors) / seconds,
    latencyMs: summarize(latencies),
    perSecond: series,
    loadGeneratorCpuSeconds: (cpu.user + cpu.system) / 1e6,
    measureStartedAt: new Date(Date.now() - (performance.now() - measureStart)).toISOString(),
  })}\n`,
);
