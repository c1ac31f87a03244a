/** Typed API errors: every error a client should act on carries `extensions.code`. */
import { GraphQLError, type GraphQLFormattedError } from "graphql";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "QUERY_TOO_COMPLEX"
  | "PAYLOAD_TOO_LARGE"
  | "LIMIT_EXCEEDED"
  | "RATE_LIMITED"
  | "FAILED_PRECONDITION";

/** What `extensions.limit` names (docs/security.md lists each with its variable). */
export type LimitName =
  | "depth"
  | "cost"
  | "aliases"
  | "directives"
  | "tokens"
  | "filterConditions"
  | "responseBytes"
  | "rate"
  | "socketsPerToken"
  | "subscriptionsPerSocket"
  | "subscriptionsPerToken";

/** A field that failed validation: dotted path from the argument root, and why. */
export interface FieldError {
  path: string;
  message: string;
}

export function apiError(code: ErrorCode, message: string, fields?: FieldError[]): GraphQLError {
  return new GraphQLError(message, { extensions: fields ? { code, fields } : { code } });
}

export const unauthenticated = (message = "a valid bearer token is required (Authorization: Bearer lft_…)") => apiError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => apiError("FORBIDDEN", message);
/** Also used for another team's objects: their existence is not revealed. */
export const notFound = (what: string, id: string) => apiError("NOT_FOUND", `${what} ${id} not found`);
export const conflict = (message: string) => apiError("CONFLICT", message);

export function badInput(message: string, fields?: FieldError[]): GraphQLError {
  return apiError("BAD_USER_INPUT", message, fields ?? []);
}

/** One-field BAD_USER_INPUT. */
export const badField = (path: string, message: string) => badInput(`${path}: ${message}`, [{ path, message }]);

/** A unique-constraint violation: Prisma's P2002, or Postgres's SQLSTATE 23505 from a `pg` query. */
export function isUniqueViolation(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === "P2002" || code === "23505";
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` can be a row id (UUID). Malformed ids are reported as NOT_FOUND by callers. */
export const isUuid = (id: string): boolean => UUID_RE.test(id);

/**
 * A request over one of the limits: `extensions` `{ code, limit, max, found? }` (QUERY_TOO_COMPLEX
 * for the shape of a query, LIMIT_EXCEEDED for caps, RATE_LIMITED for the rate limit).
 */
export function limitError(
  code: "QUERY_TOO_COMPLEX" | "LIMIT_EXCEEDED" | "RATE_LIMITED",
  limit: LimitName,
  max: number,
  message: string,
  found?: number,
  fields?: FieldError[],
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, max, ...(found === undefined ? {} : { found }), ...(fields ? { fields } : {}), ...extra } });
}

/** Codes our rules and checks set that Apollo replaces with its own (validation, parse errors). */
const TYPED_CODES = new Set<string>(["QUERY_TOO_COMPLEX", "LIMIT_EXCEEDED", "RATE_LIMITED", "BAD_USER_INPUT"]);

/** The error and whatever it wraps (GraphQLError.originalError, Error.cause). */
function chainOf(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e: unknown = error; e && out.length < 10 && !out.includes(e); ) {
    out.push(e);
    e = e instanceof GraphQLError ? e.originalError : e instanceof Error ? e.cause : undefined;
  }
  return out;
}

/** Prisma error codes that mean "this value does not fit the column". */
const PRISMA_INPUT_CODES = new Set(["P2000", "P2005", "P2006", "P2007", "P2009", "P2012", "P2019", "P2020", "P2023", "P2033"]);

/**
 * A database error (node-postgres or Prisma) in the chain: `input` when Postgres refused a
 * value (SQLSTATE class 22, data exception: invalid text, out of range, NUL bytes …).
 */
function databaseError(error: unknown): { input: boolean } | null {
  for (const e of chainOf(error)) {
    if (!(e instanceof Error)) continue;
    const code = (e as { code?: unknown }).code;
    if (e.name.startsWith("PrismaClient")) {
      const meta = (e as { meta?: { code?: unknown } }).meta;
      const sqlstate = typeof meta?.code === "string" ? meta.code : /\b(?:SqlState\(E|code: "?)(22[0-9A-Z]{3})/.exec(e.message)?.[1];
      return { input: (typeof code === "string" && PRISMA_INPUT_CODES.has(code)) || (sqlstate?.startsWith("22") ?? false) };
    }
    // node-postgres DatabaseError: a five-character SQLSTATE and a severity.
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && "severity" in e) return { input: code.startsWith("22") };
  }
  return null;
}

/**
 * The error a client sees, on HTTP (Apollo's formatError) and on the WebSocket alike:
 *  - our typed codes survive Apollo's re-coding of validation errors (GRAPHQL_VALIDATION_FAILED);
 *  - a value Postgres refused is BAD_USER_INPUT, and no database message reaches the client
 *    (other database failures are INTERNAL_SERVER_ERROR "internal server error", logged).
 */
export function clientError(formatted: GraphQLFormattedError, error: unknown, log: (msg: string) => void = () => {}): GraphQLFormattedError {
  const { http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const typed = chainOf(error)
    .slice(1)
    .find((e): e is GraphQLError => e instanceof GraphQLError && TYPED_CODES.has(String(e.extensions?.code)));
  if (typed && extensions.code !== typed.extensions.code) return { ...formatted, extensions: { ...extensions, code: typed.extensions.code } };
  const db = databaseError(error);
  if (db) {
    log(`database error${db.input ? " (refused input)" : ""}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return db.input
      ? { ...formatted, message: "invalid input: a value of the arguments cannot be stored or compared (wrong type, out of range or invalid text)", extensions: { code: "BAD_USER_INPUT", fields: [] } }
      : { ...formatted, message: "internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
  if ((extensions.code ?? "INTERNAL_SERVER_ERROR") === "INTERNAL_SERVER_ERROR") log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return formatted.extensions === undefined ? formatted : { ...formatted, extensions };
}
