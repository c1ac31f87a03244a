/** Bearer API tokens: looked up by their SHA-256, scoped to one team. */
import { TOKEN_PREFIX, type TokenScope } from "@loffta/db";
import type { Db } from "./services/db";
import { forbidden, unauthenticated } from "./errors";
import { findTokenBySecret, markTokenUsed, tokenDeadReason } from "./services/tokens";

/** Who is calling: resolved from the bearer token. */
export interface Viewer {
  tokenId: string;
  tokenName: string;
  tokenPrefix: string;
  teamId: string;
  userId: string | null;
  scopes: TokenScope[];
  /** When the token expires (a non-ADMIN token cannot issue one outliving it). */
  expiresAt: Date | null;
}

/** A token's viewer (and when the token expires), or why there is none. */
export type AuthResult = { viewer: Viewer; expiresAt: Date | null } | { viewer: null; error: string };

/** Parse `Bearer lft_…` (case-insensitive scheme); null when absent or malformed. */
export function bearerSecret(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m || !m[1].startsWith(TOKEN_PREFIX)) return null;
  return m[1];
}

const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticate(db: Db, header: string | undefined | null): Promise<AuthResult> {
  if (!header) return { viewer: null, error: "missing Authorization header" };
  const secret = bearerSecret(header);
  if (!secret) return { viewer: null, error: "malformed Authorization header: expected `Bearer lft_…`" };
  const token = await findTokenBySecret(db.pool, secret);
  if (!token) return { viewer: null, error: "unknown token" };
  const now = Date.now();
  const dead = tokenDeadReason(token, now);
  if (dead) return { viewer: null, error: dead };
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    markTokenUsed(db.prisma, token.id, new Date(now));
  }
  return {
    viewer: {
      tokenId: token.id,
      tokenName: token.name,
      tokenPrefix: token.prefix,
      teamId: token.teamId,
      userId: token.userId,
      scopes: token.scopes,
      expiresAt: token.expiresAt,
    },
    expiresAt: token.expiresAt,
  };
}

/**
 * `authenticate` for long-lived connections (WebSockets): an answer is reused for `ttlMs`
 * (so a token's many sockets and operations cost one lookup per period), except that a token
 * past its `expiresAt` is refused at once. A token revoked in the database is refused at the
 * first check after its cached answer is `ttlMs` old.
 */
export class TokenChecker {
  private cache = new Map<string, { at: number; result: Promise<AuthResult> }>();
  constructor(
    private readonly db: Db,
    readonly ttlMs: number,
  ) {}

  async check(header: string, now = Date.now()): Promise<AuthResult> {
    let hit = this.cache.get(header);
    if (!hit || now - hit.at >= this.ttlMs) {
      hit = { at: now, result: authenticate(this.db, header) };
      this.cache.set(header, hit);
      const entry = hit;
      entry.result.catch(() => this.cache.get(header) === entry && this.cache.delete(header));
    }
    const result = await hit.result;
    if (result.viewer && result.expiresAt && result.expiresAt.getTime() <= Date.now()) return { viewer: null, error: "token expired" };
    return result;
  }

  /** Drop answers older than the TTL. */
  prune(now = Date.now()): void {
    for (const [k, v] of this.cache) if (now - v.at >= this.ttlMs) this.cache.delete(k);
  }
}

/** True for a READ token: read-only, whatever other scopes it lists. */
export function isReadOnly(viewer: Viewer): boolean {
  return viewer.scopes.includes("READ");
}

/** Whether the viewer holds `scope`: ADMIN holds all; a READ token none (it may not write). */
export function hasScope(viewer: Viewer, scope: TokenScope): boolean {
  if (isReadOnly(viewer)) return scope === "READ";
  return viewer.scopes.includes("ADMIN") || viewer.scopes.includes(scope);
}

/** The caller, or UNAUTHENTICATED. */
export function requireViewer(ctx: { viewer: Viewer | null; authError?: string }): Viewer {
  if (!ctx.viewer) throw unauthenticated(ctx.authError ? `${ctx.authError}; a valid bearer token is required` : undefined);
  return ctx.viewer;
}

/**
 * The caller allowed to write, or UNAUTHENTICATED / FORBIDDEN (a READ token): every mutation
 * passes here first (resolvers/index.ts), whatever scope it then requires.
 */
export function requireWriter(ctx: { viewer: Viewer | null; authError?: string }): Viewer {
  const v = requireViewer(ctx);
  if (isReadOnly(v)) throw forbidden("this token has scope READ (read-only): mutations are refused");
  return v;
}

/** The caller holding `scope` (ADMIN holds all; a READ token none), or UNAUTHENTICATED / FORBIDDEN. */
export function requireScope(ctx: { viewer: Viewer | null; authError?: string }, scope: TokenScope): Viewer {
  const v = requireViewer(ctx);
  if (!hasScope(v, scope)) throw forbidden(`this operation needs a token with scope ${scope}`);
  return v;
}
