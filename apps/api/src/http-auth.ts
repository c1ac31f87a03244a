/**
 * Bearer-token checks of the API's plain HTTP routes (files: artifacts, sample images): the same
 * token rules as `/graphql` (./auth.ts), the per-token rate limit (./limits.ts), and errors as
 * GraphQL-shaped JSON `{ errors: [{ message, extensions: { code } }] }`.
 */
import type { Request, Response } from "express";
import type { TokenScope } from "./generated/resolvers";
import { authenticate, hasScope, type Viewer } from "./auth";
import type { RateLimiter } from "./limits";
import type { Db } from "./services/db";

/** Answer an error in the API's shape. */
export function httpFail(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Why a request's token is refused: the HTTP status, the error code and message. */
export interface HttpRefusal {
  status: 401 | 403 | 429;
  code: "UNAUTHENTICATED" | "FORBIDDEN" | "RATE_LIMITED";
  message: string;
  /** 429: seconds to wait (the `Retry-After` header). */
  retryAfterSec?: number;
}

/**
 * The one check of a plain HTTP request's bearer token: 401 without a valid one, 429 over its
 * rate limit, 403 without `scope` (null: any valid token may read).
 */
export async function checkBearer(db: Db, limiter: RateLimiter, header: string | undefined, scope: TokenScope | null, what: string): Promise<{ viewer: Viewer; refusal?: undefined } | { viewer?: undefined; refusal: HttpRefusal }> {
  const auth = await authenticate(db, header);
  if (!auth.viewer) return { refusal: { status: 401, code: "UNAUTHENTICATED", message: auth.error } };
  const wait = limiter.take(`token:${auth.viewer.tokenId}`);
  if (wait !== null) return { refusal: { status: 429, code: "RATE_LIMITED", message: limiter.error(wait).message, retryAfterSec: Math.ceil(wait / 1000) } };
  if (scope && !hasScope(auth.viewer, scope)) return { refusal: { status: 403, code: "FORBIDDEN", message: `${what} needs a token with scope ${scope}` } };
  return { viewer: auth.viewer };
}

/** The headers a refusal carries (`WWW-Authenticate`, `Retry-After`). */
export function refusalHeaders(res: Response, r: HttpRefusal): void {
  if (r.status === 401) res.setHeader("WWW-Authenticate", "Bearer");
  if (r.retryAfterSec !== undefined) res.setHeader("Retry-After", String(r.retryAfterSec));
}

/** checkBearer, a refusal answered: the caller, or null once the error is sent. */
export async function httpViewer(db: Db, limiter: RateLimiter, req: Request, res: Response, scope: TokenScope | null, what: string): Promise<Viewer | null> {
  const r = await checkBearer(db, limiter, req.headers.authorization, scope, what);
  if (r.viewer) return r.viewer;
  refusalHeaders(res, r.refusal);
  httpFail(res, r.refusal.status, r.refusal.code, r.refusal.message);
  return null;
}
