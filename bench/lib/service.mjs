// Starts the service as `pnpm start` does (node with the flags of apps/api's start script) in its
// own process, against the benchmark's database, and watches its memory and CPU from /proc.
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { freePort } from './ports.mjs';
import { apiDist, path } from './paths.mjs';

export const DEMO_PASSWORD = 'bench-demo-password';

/** Everything started by this run that must be stopped if the run is interrupted (see run.mjs). */
export const running = new Set();

let secretsEnv;
/** One set of keys per benchmark run, from the service's own CLI (`cli.js generate-keys`). */
function secrets() {
  secretsEnv ??= Object.fromEntries(
    execFileSync(process.execPath, [path(new URL('cli.js', apiDist)), 'generate-keys'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
  return secretsEnv;
}

export function serviceSecrets() {
  return secrets();
}

/**
 * Starts the service. `env` overrides the production defaults (pool size, background jobs, log
 * level…); `logFile` receives its stdout and stderr (one JSON line per request at LOG_LEVEL=info).
 */
export async function startService({ databaseUrl, env = {}, logFile, nodeArgs = [], log = () => {} }) {
  const port = await freePort();
  const logFd = logFile ? openSync(logFile, 'a') : 'ignore';
  // BENCH_SERVICE_NODE_ARGS adds Node flags, e.g. "--cpu-prof --cpu-prof-dir=bench/results/prof"
  // to profile the service.
  const extra = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...startFlags(), ...extra, ...nodeArgs, path(new URL('main.js', apiDist))], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JIEFEN_DEMO_DATA: 'true',
      JIEFEN_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'info',
      ...secrets(),
      ...env,
    },
    // Straight into the log file: no pipe through this process, whose CPU would then count against the run.
    stdio: ['ignore', logFd, logFd],
  });
  if (logFile) closeSync(logFd);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    const state = await Promise.race([exited.then((e) => ({ exited: e })), sleep(100).then(() => undefined)]);
    if (state?.exited)
      throw new Error(`the service exited during start (${JSON.stringify(state.exited)}); see ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error('the service did not answer /health within 120 s');
  }
  log(`service pid ${child.pid} listening on ${baseUrl} after ${Date.now() - started} ms`);
  const handle = {
    pid: child.pid,
    baseUrl,
    port,
    async stop() {
      running.delete(handle);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited, sleep(20_000).then(() => undefined)]);
      if (!done) child.kill('SIGKILL');
      await exited;
    },
  };
  running.add(handle);
  return handle;
}

/** The Node flags of the service's own start script (apps/api/package.json), so the benchmark runs it as users do. */
function startFlags() {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', apiDist), 'utf8'));
  return scripts.start.split(' ').filter((word) => word.startsWith('--'));
}

/** Resident memory of a process, from /proc/<pid>/status: current (VmRSS) and peak since start (VmHWM), in MB. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds used so far by a process (utime + stime), and by its reaped children. */
export function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  return {
    self: (Number(fields[11]) + Number(fields[12])) / TICKS,
    children: (Number(fields[13]) + Number(fields[14])) / TICKS,
  };
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
export function machineCpu() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

/** Samples a process's RSS every `everyMs` until stopped; reports the peak seen and the samples. */
export function watchMemory(pid, everyMs = 200) {
  let peak = 0;
  const samples = [];
  const timer = setInterval(() => {
    try {
      const { rssMb } = memoryOf(pid);
      peak = Math.max(peak, rssMb);
      samples.push(rssMb);
    } catch {
      // process gone
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakRssMb: peak, lastRssMb: samples.at(-1) ?? NaN, samples: samples.length };
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
