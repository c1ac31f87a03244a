/** Typed API errors: every error a client should act on carries `extensions.code`. */
import { GraphQLError } from "graphql";

export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_USER_INPUT" | "CONFLICT" | "QUERY_TOO_COMPLEX" | "PAYLOAD_TOO_LARGE";

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

/** Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` can be a row id (UUID). Malformed ids are reported as NOT_FOUND by callers. */
export const isUuid = (id: string): boolean => UUID_RE.test(id);
