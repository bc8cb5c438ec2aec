import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Parsed once at start; a bad value stops the process with a
 * readable line (see main.ts) instead of surfacing later as an odd failure.
 */
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().default('.data'),
  DEMO_SEED: bool.default(true),
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD 至少 8 位').default('Demo#2026'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  // Days before a password must be changed (等保: periodic change); 0 turns expiry off.
  PASSWORD_MAX_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  // 办法第十条: departments answer within the set time; working days, holidays and 调休 counted.
  REVIEW_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  COOKIE_SECURE: bool.default(false),
  TIANDITU_KEY: z.string().optional(),
  BASEMAP_XYZ_URL: z.string().url('BASEMAP_XYZ_URL 必须是 URL').optional(),
  BASEMAP_XYZ_NAME: z.string().default('自定义底图'),
  BASEMAP_XYZ_ATTRIBUTION: z.string().optional(),
  LOG_REQUESTS: bool.default(false),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoSeed: boolean;
  demoPassword: string;
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean; passwordMaxDays: number };
  consultation: { reviewWorkingDays: number };
  basemaps: { tiandituKey?: string; xyzUrl?: string; xyzName: string; xyzAttribution?: string };
  logRequests: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`配置项 ${issue.path.join('.')} 无效：${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    demoSeed: e.DEMO_SEED,
    demoPassword: e.DEMO_PASSWORD,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS, cookieSecure: e.COOKIE_SECURE, passwordMaxDays: e.PASSWORD_MAX_DAYS },
    consultation: { reviewWorkingDays: e.REVIEW_WORKING_DAYS },
    basemaps: {
      tiandituKey: e.TIANDITU_KEY || undefined,
      xyzUrl: e.BASEMAP_XYZ_URL,
      xyzName: e.BASEMAP_XYZ_NAME,
      xyzAttribution: e.BASEMAP_XYZ_ATTRIBUTION,
    },
    logRequests: e.LOG_REQUESTS,
  };
}
