// Runs one of the benchmark's own scripts as a separate process with a JSON plan, and returns
// the one line of JSON it prints.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function runScript(script, plan, { nodeArgs = [], onStart } = {}) {
  const file = join(tmpdir(), `jiefen-bench-plan-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    onStart?.(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      rmSync(file, { force: true });
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${out.slice(-500)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)));
      } catch (error) {
        reject(new Error(`${script} printed no JSON: ${out.slice(-500)}`));
      }
    });
  });
}
