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

/**
 * The caller of a request, or null once the error is answered: 401 without a valid token, 429
 * over its rate limit, 403 without `scope` (null: any valid token may read).
 */
export async function httpViewer(db: Db, limiter: RateLimiter, req: Request, res: Response, scope: TokenScope | null, what: string): Promise<Viewer | null> {
  const auth = await authenticate(db, req.headers.authorization);
  if (!auth.viewer) {
    res.setHeader("WWW-Authenticate", "Bearer");
    httpFail(res, 401, "UNAUTHENTICATED", auth.error);
    return null;
  }
  const wait = limiter.take(`token:${auth.viewer.tokenId}`);
  if (wait !== null) {
    res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
    httpFail(res, 429, "RATE_LIMITED", limiter.error(wait).message);
    return null;
  }
  if (scope && !hasScope(auth.viewer, scope)) {
    httpFail(res, 403, "FORBIDDEN", `${what} needs a token with scope ${scope}`);
    return null;
  }
  return auth.viewer;
}
