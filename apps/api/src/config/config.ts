import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { secretsFromEnv, type Secrets } from '../security/secrets.js';
import { passwordProblem } from '../users/passwordRule.js';

/** The service's configuration, read from the environment and validated once at boot. */
export interface AppConfig {
  port: number;
  /** A real PostgreSQL server; when absent the service runs an embedded one. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  /** Seed the demo organisations on the first embedded start. */
  demoData: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Database connections in the pool. */
  poolSize: number;
  /** Run the deadline scheduler and the outbox dispatcher in this instance. */
  backgroundJobs: boolean;
  /** How often they look for work when idle. */
  pollIntervalMs: number;
  /** Key material from the environment; the embedded default generates its own when absent. */
  secrets: Secrets | undefined;
  /** Lifetime of a bearer token. */
  tokenTtlSeconds: number;
  /** Origins allowed by CORS (comma-separated `JIEFEN_CORS_ORIGINS`); none by default. */
  corsOrigins: string[];
  /** Demo users' password (`JIEFEN_DEMO_PASSWORD`), set again at every start; generated at the first start if unset. */
  demoPassword: string | undefined;
  /**
   * A province's own document templates (`JIEFEN_TEMPLATE_DIR`): files there override the bundled
   * ones file by file (docs/documents.md "Templates"); none by default.
   */
  templateDir: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEFAULT_PORT = 3000;
const DEFAULT_BODY_LIMIT = 256 * 1024;
const DEFAULT_POOL_SIZE = 16;
const DEFAULT_POLL_INTERVAL_MS = 500;
const DEFAULT_TOKEN_TTL_SECONDS = 15 * 60;

/** Reads and checks every variable, reporting all problems at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection URL');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  const demo = env.JIEFEN_DEMO_DATA ?? (databaseUrl ? 'false' : 'true');
  if (!['true', 'false'].includes(demo)) problems.push(`JIEFEN_DEMO_DATA="${demo}" must be true or false`);
  const dataDir = env.JIEFEN_DATA_DIR || '.data/postgres';
  const jobs = env.JIEFEN_BACKGROUND_JOBS ?? 'true';
  if (!['true', 'false'].includes(jobs)) problems.push(`JIEFEN_BACKGROUND_JOBS="${jobs}" must be true or false`);
  const config: AppConfig = {
    port: integer('PORT', DEFAULT_PORT, 0, 65535),
    databaseUrl,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(PROJECT_ROOT, dataDir),
    demoData: demo === 'true',
    logLevel,
    bodyLimitBytes: integer('JIEFEN_BODY_LIMIT', DEFAULT_BODY_LIMIT, 1024, 10 * 1024 * 1024),
    poolSize: integer('JIEFEN_DB_POOL_SIZE', DEFAULT_POOL_SIZE, 1, 200),
    backgroundJobs: jobs === 'true',
    pollIntervalMs: integer('JIEFEN_POLL_INTERVAL_MS', DEFAULT_POLL_INTERVAL_MS, 50, 60_000),
    secrets: secretsFromEnv(env, problems),
    tokenTtlSeconds: integer('JIEFEN_TOKEN_TTL_SECONDS', DEFAULT_TOKEN_TTL_SECONDS, 60, 24 * 3600),
    corsOrigins: (env.JIEFEN_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    demoPassword: env.JIEFEN_DEMO_PASSWORD || undefined,
    templateDir: templateDir(env.JIEFEN_TEMPLATE_DIR, problems),
  };
  const demoPasswordProblem = config.demoPassword === undefined ? undefined : passwordProblem(config.demoPassword);
  if (demoPasswordProblem) problems.push(`JIEFEN_DEMO_PASSWORD ${demoPasswordProblem}`);
  for (const origin of config.corsOrigins)
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`JIEFEN_CORS_ORIGINS entry "${origin}" must be an origin like https://example.org`);
  if (databaseUrl && !config.secrets && !problems.some((p) => p.startsWith('JIEFEN_'))) {
    problems.push(
      'JIEFEN_DATA_KEYS, JIEFEN_HASH_KEY and JIEFEN_JWT_SECRET are required with DATABASE_URL ' +
        '(print a set with: node apps/api/dist/cli.js generate-keys)',
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** `JIEFEN_TEMPLATE_DIR`: relative to the project root, like `JIEFEN_DATA_DIR`; it must be a directory. */
function templateDir(raw: string | undefined, problems: string[]): string | undefined {
  if (!raw) return undefined;
  const dir = isAbsolute(raw) ? raw : resolve(PROJECT_ROOT, raw);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    problems.push(`JIEFEN_TEMPLATE_DIR="${raw}" must be a directory of document templates (${dir} is not one)`);
  return dir;
}
