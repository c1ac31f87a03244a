/**
 * The API process's environment variables, each declared once: its name, default and what it
 * does. `main.ts` reads them with loadApiConfig (every bad value is reported at once) and
 * `server.ts` falls back to them for options a caller leaves out. docs/api.md lists them
 * (apps/api/test/unit.test.ts checks that every variable here is documented there).
 */

import { STORE_ENV } from "@loffta/graphql/object-store";
import { parseStorageRoots } from "@loffta/graphql/storage-roots";

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

/** `:`-separated absolute folders (the worker reads the same value, apps/worker/src/config.ts). */
const storageRoots = (raw: string): string[] => parseStorageRoots(raw);

export const API_ENV = {
  DATABASE_URL: envVar<string>({
    description: "PostgreSQL connection string (`postgresql://user@host:port/db`). Required.",
    default: undefined,
    parse: str,
  }),
  PORT: envVar({ description: "TCP port of HTTP and WebSocket (`/graphql`, `/healthz`); 0 picks a free one.", default: 4000, parse: int(0, 65535) }),
  HOST: envVar({ description: "Interface to listen on: loopback only by default; `0.0.0.0` (or `::`) for every interface, a host's address for one.", default: "127.0.0.1", parse: str }),
  LOFFTA_CORS_ORIGINS: envVar({
    description: "Origins allowed by CORS on `/graphql`, comma-separated; `*` allows any (the dashboard calls with a bearer token, no cookies).",
    default: ["*"],
    parse: list,
  }),
  LOFFTA_STORAGE_ROOTS: envVar<string[]>({
    description:
      "Folders datasets and model weights may be registered from, `:`-separated absolute paths (give the worker the same value); `<root>/teams/<team slug>/` is that team's, the rest of a root is shared by all teams; relative URIs resolve against the first root. Unset: no path is accepted (docs/security.md, Storage roots).",
    default: [],
    parse: storageRoots,
  }),
  // The object store (@loffta/graphql/object-store, shared with the worker; "" = unset); S3 credentials come from the AWS SDK's own chain.
  LOFFTA_STORE: envVar<string>({ description: STORE_ENV.LOFFTA_STORE, default: "", parse: str }),
  LOFFTA_S3_ENDPOINT: envVar<string>({ description: STORE_ENV.LOFFTA_S3_ENDPOINT, default: "", parse: str }),
  LOFFTA_S3_FORCE_PATH_STYLE: envVar<string>({ description: STORE_ENV.LOFFTA_S3_FORCE_PATH_STYLE, default: "", parse: str }),
  LOFFTA_MAX_UPLOAD_BYTES: envVar({
    description: "Largest file `PUT /uploads/<name>` accepts into the team's folder (in the object store, else under the first storage root).",
    default: 8 * 1024 ** 3,
    parse: int(1024, 2 ** 40),
  }),
  LOFFTA_API_POOL_SIZE: envVar({
    description: "Connections of the raw pg pool (metric ingest, job claims, series, run listing); Prisma keeps its own.",
    default: 10,
    parse: int(1, 1000),
  }),
  LOFFTA_WANDB_CRASH_AFTER_S: envVar({
    description: "A RUNNING external run (wandb client, docs/wandb.md) whose client sent nothing for this many seconds is marked FAILED (`crashed: …`); the client heart-beats every 30 s.",
    default: 120,
    parse: int(1, 86_400),
  }),
  // Request limits (docs/security.md): each answers a typed error carrying `limit` and `max`.
  LOFFTA_MAX_QUERY_DEPTH: envVar({ description: "Deepest field nesting of an operation (fragments followed; introspection's `__schema` not counted).", default: 12, parse: int(1, 1000) }),
  LOFFTA_MAX_QUERY_COST: envVar({ description: "Estimated cost of an operation: 1 per field, list fields multiply their selection by their page size.", default: 20_000, parse: int(1, 1_000_000_000) }),
  LOFFTA_MAX_ALIASES: envVar({ description: "Aliased fields per operation (fragments followed).", default: 20, parse: int(0, 100_000) }),
  LOFFTA_MAX_DIRECTIVES: envVar({ description: "Directives per operation (fragments followed).", default: 20, parse: int(0, 100_000) }),
  LOFFTA_MAX_TOKENS: envVar({ description: "Lexical tokens per GraphQL document (checked while parsing; pass large inputs as variables).", default: 2000, parse: int(100, 10_000_000) }),
  LOFFTA_MAX_FILTER_CONDITIONS: envVar({ description: "Config conditions of one `runs(filter: { config })`.", default: 20, parse: int(1, 10_000) }),
  LOFFTA_MAX_RESPONSE_BYTES: envVar({ description: "Size of one response (HTTP body or WebSocket result); larger ones are replaced by LIMIT_EXCEEDED.", default: 16 * 1024 * 1024, parse: int(1024, 2 ** 31 - 1) }),
  LOFFTA_RATE_LIMIT_PER_SEC: envVar({ description: "Operations per second per token (HTTP and WebSocket together; anonymous requests per client address); 0 turns the limit off.", default: 50, parse: int(0, 1_000_000) }),
  LOFFTA_RATE_LIMIT_BURST: envVar({ description: "Operations a token may send at once before `LOFFTA_RATE_LIMIT_PER_SEC` applies.", default: 500, parse: int(1, 10_000_000) }),
  LOFFTA_MAX_SOCKETS_PER_TOKEN: envVar({ description: "Open WebSockets per token (per API process).", default: 100, parse: int(1, 1_000_000) }),
  LOFFTA_MAX_SUBSCRIPTIONS_PER_SOCKET: envVar({ description: "Active subscriptions per WebSocket.", default: 100, parse: int(1, 1_000_000) }),
  LOFFTA_MAX_SUBSCRIPTIONS_PER_TOKEN: envVar({ description: "Active subscriptions per token over all its WebSockets (per API process).", default: 500, parse: int(1, 10_000_000) }),
  LOFFTA_TOKEN_RECHECK_MS: envVar({ description: "A WebSocket operation re-reads its token (revoked, expired) once the last check is this old.", default: 2000, parse: int(0, 60_000) }),
  LOFFTA_WS_AUTH_CHECK_MS: envVar({ description: "How often every open WebSocket's token is checked; sockets of revoked or expired tokens are closed with 4403.", default: 5000, parse: int(100, 600_000) }),
} as const;

/** Request limits (see docs/security.md), each read from its variable unless a caller sets it. */
export interface RequestLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxFilterConditions: number;
  maxResponseBytes: number;
  rateLimitPerSec: number;
  rateLimitBurst: number;
  maxSocketsPerToken: number;
  maxSubscriptionsPerSocket: number;
  maxSubscriptionsPerToken: number;
  tokenRecheckMs: number;
  wsAuthCheckMs: number;
}

/** The variable of each request limit. */
export const LIMIT_ENV = {
  maxDepth: "LOFFTA_MAX_QUERY_DEPTH",
  maxCost: "LOFFTA_MAX_QUERY_COST",
  maxAliases: "LOFFTA_MAX_ALIASES",
  maxDirectives: "LOFFTA_MAX_DIRECTIVES",
  maxTokens: "LOFFTA_MAX_TOKENS",
  maxFilterConditions: "LOFFTA_MAX_FILTER_CONDITIONS",
  maxResponseBytes: "LOFFTA_MAX_RESPONSE_BYTES",
  rateLimitPerSec: "LOFFTA_RATE_LIMIT_PER_SEC",
  rateLimitBurst: "LOFFTA_RATE_LIMIT_BURST",
  maxSocketsPerToken: "LOFFTA_MAX_SOCKETS_PER_TOKEN",
  maxSubscriptionsPerSocket: "LOFFTA_MAX_SUBSCRIPTIONS_PER_SOCKET",
  maxSubscriptionsPerToken: "LOFFTA_MAX_SUBSCRIPTIONS_PER_TOKEN",
  tokenRecheckMs: "LOFFTA_TOKEN_RECHECK_MS",
  wsAuthCheckMs: "LOFFTA_WS_AUTH_CHECK_MS",
} as const satisfies Record<keyof RequestLimits, keyof typeof API_ENV>;

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
  storageRoots: string[];
  port: number;
  host: string;
  corsOrigins: string[];
  poolSize: number;
}

/** Every request limit: `overrides` where given, else its variable (ConfigError when invalid). */
export function readLimits(overrides: Partial<RequestLimits> = {}, env: Env = process.env): RequestLimits {
  const out = {} as RequestLimits;
  for (const key of Object.keys(LIMIT_ENV) as (keyof RequestLimits)[]) out[key] = overrides[key] ?? readEnv(LIMIT_ENV[key], env);
  return out;
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
    storageRoots: read("LOFFTA_STORAGE_ROOTS"),
    port: read("PORT"),
    host: read("HOST"),
    corsOrigins: read("LOFFTA_CORS_ORIGINS"),
    poolSize: read("LOFFTA_API_POOL_SIZE"),
  };
  // The request limits are read by startApiServer (readLimits); checked here with the rest.
  for (const name of Object.values(LIMIT_ENV)) read(name);
  if (problems.length) throw new ConfigError(`invalid environment: ${problems.join("; ")}`);
  return config;
}
