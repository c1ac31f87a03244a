/**
 * The API process's environment variables, each declared once: its name, default and what it
 * does. `main.ts` reads them with loadApiConfig (every bad value is reported at once) and
 * `server.ts` falls back to them for options a caller leaves out. docs/api.md lists them
 * (apps/api/test/unit.test.ts checks that every variable here is documented there).
 */

/** One environment variable: parse gets the raw value (trimmed, never empty). */
interface EnvVar<T> {
  description: string;
  /** Used when the variable is unset or empty; undefined: required. */
  default: T | undefined;
  parse(raw: string): T;
}

const str = (raw: string): string => raw;

function int(lo: number, hi: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`must be an integer from ${lo} to ${hi}`);
    return n;
  };
}

const list = (raw: string): string[] =>
  raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const envVar = <T>(v: EnvVar<T>): EnvVar<T> => v;

export const API_ENV = {
  DATABASE_URL: envVar<string>({
    description: "PostgreSQL connection string (`postgresql://user@host:port/db`). Required.",
    default: undefined,
    parse: str,
  }),
  PORT: envVar({ description: "TCP port of HTTP and WebSocket (`/graphql`, `/healthz`); 0 picks a free one.", default: 4000, parse: int(0, 65535) }),
  HOST: envVar({ description: "Interface to listen on (`127.0.0.1` for local only).", default: "0.0.0.0", parse: str }),
  LOFFTA_CORS_ORIGINS: envVar({
    description: "Origins allowed by CORS on `/graphql`, comma-separated; `*` allows any (the dashboard calls with a bearer token, no cookies).",
    default: ["*"],
    parse: list,
  }),
  LOFFTA_API_POOL_SIZE: envVar({
    description: "Connections of the raw pg pool (metric ingest, job claims, series, run listing); Prisma keeps its own.",
    default: 10,
    parse: int(1, 1000),
  }),
} as const;

export type ApiEnvName = keyof typeof API_ENV;
type ValueOf<K extends ApiEnvName> = (typeof API_ENV)[K] extends EnvVar<infer T> ? T : never;

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

/** The value of one variable (its default when unset); ConfigError when it is invalid or required and unset. */
export function readEnv<K extends ApiEnvName>(name: K, env: Env = process.env): ValueOf<K> {
  const spec = API_ENV[name] as EnvVar<ValueOf<K>>;
  const raw = env[name]?.trim();
  if (!raw) {
    if (spec.default === undefined) throw new ConfigError(`${name} is not set: ${spec.description}`);
    return spec.default;
  }
  try {
    return spec.parse(raw);
  } catch (e) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)}: ${(e as Error).message}`);
  }
}

export interface ApiConfig {
  databaseUrl: string;
  port: number;
  host: string;
  corsOrigins: string[];
  poolSize: number;
}

/** Every variable of the API process; one ConfigError listing every problem. */
export function loadApiConfig(env: Env = process.env): ApiConfig {
  const problems: string[] = [];
  const read = <K extends ApiEnvName>(name: K): ValueOf<K> => {
    try {
      return readEnv(name, env);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(e.message);
      return undefined as ValueOf<K>;
    }
  };
  const config: ApiConfig = {
    databaseUrl: read("DATABASE_URL"),
    port: read("PORT"),
    host: read("HOST"),
    corsOrigins: read("LOFFTA_CORS_ORIGINS"),
    poolSize: read("LOFFTA_API_POOL_SIZE"),
  };
  if (problems.length) throw new ConfigError(`invalid environment: ${problems.join("; ")}`);
  return config;
}
