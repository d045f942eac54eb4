// CPU accounting over a measurement window: the whole machine, the service process and the
// PostgreSQL server (postmaster, its live backends and those that already exited).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuOf, machineCpu } from './service.mjs';

function postmasterPid(dataDir) {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

function childrenOf(ppid) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.split(') ')[1].split(' ')[1]) === ppid) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

function postgresCpu(dataDir) {
  const pm = dataDir && postmasterPid(dataDir);
  if (!pm) return NaN;
  const own = cpuOf(pm);
  let total = own.self + own.children;
  for (const pid of childrenOf(pm)) {
    try {
      total += cpuOf(pid).self;
    } catch {
      // exited between the listing and the read: counted in the postmaster's children next time
    }
  }
  return total;
}

export function cpuSnapshot({ servicePid, dataDir }) {
  return {
    at: Date.now(),
    machine: machineCpu(),
    service: servicePid ? cpuOf(servicePid).self : NaN,
    postgres: postgresCpu(dataDir),
  };
}

/** Cores used on average between two snapshots (2.0 = both cores of a 2-core machine busy). */
export function cpuBetween(a, b) {
  const seconds = (b.at - a.at) / 1000;
  return {
    seconds,
    machineCores: (b.machine.busy - a.machine.busy) / seconds,
    serviceCores: (b.service - a.service) / seconds,
    postgresCores: (b.postgres - a.postgres) / seconds,
  };
}
