/**
 * Tokens and who they belong to: the bearer-token lookup of authentication, the viewer's team and
 * users, and token and member management (who may do what: `createToken`, `revokeToken`,
 * `addTeamMember`, `removeTeamMember` in graphql/auth.graphql).
 * Every row is read in the viewer's team: another team's ids are NOT_FOUND, like unknown ones.
 */
import { generateToken, hashToken, type ApiToken, type PrismaClient, type Team, type TokenScope, type User } from "@loffta/db";
import type { Pool } from "pg";
import type { Viewer } from "../auth";
import { badInput, forbidden, isUniqueViolation, isUuid, notFound, type FieldError } from "../errors";
import type { CreateTokenInput, AddTeamMemberInput } from "../generated/resolvers";
import type { Db } from "./db";
import { teamScope } from "./access";

/** A token with its user (if any): what authentication and the token lists read. */
export type TokenRow = ApiToken & { user: User | null };

/** Answer to `createToken`: the stored token and its secret (never stored). */
export interface CreatedTokenRow {
  token: TokenRow;
  secret: string;
}

/**
 * The token whose secret is `secret` (looked up by its SHA-256), or null. One indexed query on
 * every request, on the pg pool (through Prisma it cost ~1.6 ms of API CPU per request: a
 * quarter of a 1,000-point logMetrics, docs/benchmarks.md). The user is not read (removing a
 * member revokes its tokens in the same transaction). Prisma's DateTime columns are UTC
 * `timestamp`s: read as timestamptz so they do not depend on the server's time zone.
 */
export async function findTokenBySecret(pool: Pool, secret: string): Promise<ApiToken | null> {
  const r = await pool.query<ApiToken>(
    `SELECT id, "teamId", "userId", name, prefix, hash, scopes::text[] AS scopes,
            "lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
            "revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", "createdAt" AT TIME ZONE 'UTC' AS "createdAt",
            "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
       FROM "ApiToken" WHERE hash = $1`,
    [hashToken(secret)],
  );
  return r.rows[0] ?? null;
}

/** Record a token's use (best effort, off the request path: errors are ignored). */
export function markTokenUsed(prisma: PrismaClient, tokenId: string, at: Date): void {
  prisma.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } }).catch(() => {});
}

/** Why a token does not work (revoked, expired, its user (when read) removed), or null when it does. */
export function tokenDeadReason(t: ApiToken & { user?: User | null }, now = Date.now()): string | null {
  if (t.revokedAt) return "token revoked";
  if (t.expiresAt && t.expiresAt.getTime() <= now) return "token expired";
  if (t.user?.removedAt) return "token of a user removed from the team";
  return null;
}

export async function getTeam(db: Db, id: string): Promise<Team> {
  const t = await db.prisma.team.findUnique({ where: { id } });
  if (!t) throw notFound("team", id);
  return t;
}

/** A user of an already-scoped row (the viewer, a run's author), or null. */
export function findUser(db: Db, id: string | null): Promise<User | null> | null {
  return id ? db.prisma.user.findUnique({ where: { id } }) : null;
}

/** The team's members (removed users left out), by name. */
export function listMembers(db: Db, teamId: string): Promise<User[]> {
  return db.prisma.user.findMany({ where: { ...teamScope.user({ teamId }), removedAt: null }, orderBy: [{ name: "asc" }, { email: "asc" }] });
}

const isAdmin = (v: Viewer) => v.scopes.includes("ADMIN");
/** May manage tokens at all: ADMIN, or MEMBER (its own user's). READ tokens never reach here (mutations are refused). */
const mayManageTokens = (v: Viewer) => isAdmin(v) || v.scopes.includes("MEMBER");

/** Tokens the viewer may see: an ADMIN all of its team's, a user's token that user's, a service token itself. */
export function listTokens(db: Db, viewer: Viewer): Promise<TokenRow[]> {
  const where = isAdmin(viewer)
    ? teamScope.token(viewer)
    : viewer.userId
      ? { ...teamScope.token(viewer), userId: viewer.userId }
      : { ...teamScope.token(viewer), id: viewer.tokenId };
  return db.prisma.apiToken.findMany({ where, include: { user: true }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** A token of the viewer's team, or NOT_FOUND (also for malformed ids). */
async function loadToken(db: Db, viewer: Viewer, id: string): Promise<TokenRow> {
  const t = isUuid(id) ? await db.prisma.apiToken.findFirst({ where: { id, ...teamScope.token(viewer) }, include: { user: true } }) : null;
  if (!t) throw notFound("token", id);
  return t;
}

/** A member (not removed) of the viewer's team, or NOT_FOUND. */
async function loadMember(db: Db, viewer: Viewer, id: string, includeRemoved = false): Promise<User> {
  const u = isUuid(id) ? await db.prisma.user.findFirst({ where: { id, ...teamScope.user(viewer), ...(includeRemoved ? {} : { removedAt: null }) } }) : null;
  if (!u) throw notFound("user", id);
  return u;
}

export const MAX_TOKEN_NAME = 100;
export const MAX_MEMBER_NAME = 200;
const MAX_EMAIL = 254;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Issue a token. Checks, in order: the caller may manage tokens (MEMBER or ADMIN: FORBIDDEN), the
 * input (BAD_USER_INPUT, every field at once), then who it is for and what it may do (FORBIDDEN
 * for a non-ADMIN asking for another user, a service token, ADMIN, a scope it lacks, or a later
 * expiry than its own; NOT_FOUND for a user not in the team).
 */
export async function createToken(db: Db, viewer: Viewer, input: CreateTokenInput): Promise<CreatedTokenRow> {
  if (!mayManageTokens(viewer)) throw forbidden("issuing tokens needs a token with scope MEMBER or ADMIN");
  const fields: FieldError[] = [];
  const name = input.name.trim();
  if (!name || name.length > MAX_TOKEN_NAME) fields.push({ path: "input.name", message: `must be 1–${MAX_TOKEN_NAME} characters` });
  const scopes = [...new Set(input.scopes)];
  if (!scopes.length) fields.push({ path: "input.scopes", message: "give at least one scope" });
  else if (scopes.includes("READ") && scopes.length > 1) fields.push({ path: "input.scopes", message: "READ is read-only: give it alone" });
  const expiresAt = input.expiresAt == null ? null : new Date(input.expiresAt);
  if (expiresAt && expiresAt.getTime() <= Date.now()) fields.push({ path: "input.expiresAt", message: "must be in the future" });
  const service = input.service ?? false;
  if (service && input.userId != null) fields.push({ path: "input.service", message: "a service token has no user: give userId or service, not both" });
  if (fields.length) throw badInput(`invalid token: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, fields);

  let userId: string | null;
  let expiry = expiresAt;
  if (isAdmin(viewer)) {
    userId = service ? null : input.userId != null ? (await loadMember(db, viewer, input.userId)).id : viewer.userId;
  } else {
    if (!viewer.userId) throw forbidden("this token belongs to no user: only an ADMIN token may issue tokens");
    if (service) throw forbidden("only an ADMIN token may issue service tokens");
    if (input.userId != null && input.userId.toLowerCase() !== viewer.userId.toLowerCase())
      throw forbidden("a MEMBER token may issue tokens only to its own user");
    userId = viewer.userId;
    const above = scopes.filter((s: TokenScope) => s === "ADMIN" || (s !== "READ" && !viewer.scopes.includes(s)));
    if (above.length) throw forbidden(`a MEMBER token may not issue scope ${above.join(", ")}: only scopes it holds (${viewer.scopes.join(", ")}) or READ`);
    if (viewer.expiresAt) {
      if (!expiry) expiry = viewer.expiresAt;
      else if (expiry.getTime() > viewer.expiresAt.getTime())
        throw forbidden(`a MEMBER token may not issue a token outliving itself (it expires ${viewer.expiresAt.toISOString()})`);
    }
  }
  const t = generateToken();
  const token = await db.prisma.apiToken.create({
    data: { teamId: viewer.teamId, userId, name, prefix: t.prefix, hash: t.hash, scopes, expiresAt: expiry },
    include: { user: true },
  });
  return { token, secret: t.secret };
}

/** Revoke a token of the team: an ADMIN any, a MEMBER its own user's; a revoked token is returned as it is. */
export async function revokeToken(db: Db, viewer: Viewer, id: string): Promise<TokenRow> {
  if (!mayManageTokens(viewer)) throw forbidden("revoking tokens needs a token with scope MEMBER or ADMIN");
  const t = await loadToken(db, viewer, id);
  if (!isAdmin(viewer) && (!viewer.userId || t.userId !== viewer.userId)) throw forbidden("a MEMBER token may revoke only its own user's tokens");
  if (t.revokedAt) return t;
  await db.prisma.apiToken.updateMany({ where: { id: t.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return db.prisma.apiToken.findUniqueOrThrow({ where: { id: t.id }, include: { user: true } });
}

/** Add a member (ADMIN, checked by the caller); a removed member of the team with this e-mail comes back. */
export async function addTeamMember(db: Db, viewer: Viewer, input: AddTeamMemberInput): Promise<User> {
  const fields: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  if (!EMAIL_RE.test(email) || email.length > MAX_EMAIL) fields.push({ path: "input.email", message: "must be an e-mail address" });
  const name = input.name.trim();
  if (!name || name.length > MAX_MEMBER_NAME) fields.push({ path: "input.name", message: `must be 1–${MAX_MEMBER_NAME} characters` });
  if (fields.length) throw badInput(`invalid member: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, fields);
  const inUse = () => badInput("input.email: is already in use", [{ path: "input.email", message: "is already in use" }]);
  const existing = await db.prisma.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } });
  if (existing) {
    // The same answer for a member of this team and a user of another: nothing about other teams leaks.
    if (existing.teamId !== viewer.teamId || !existing.removedAt) throw inUse();
    return db.prisma.user.update({ where: { id: existing.id }, data: { removedAt: null, name } });
  }
  try {
    return await db.prisma.user.create({ data: { teamId: viewer.teamId, email, name } });
  } catch (e) {
    if (isUniqueViolation(e)) throw inUse();
    throw e;
  }
}

/** Remove a member (ADMIN, checked by the caller) and revoke its tokens, in one transaction. */
export async function removeTeamMember(db: Db, viewer: Viewer, id: string): Promise<User> {
  const u = await loadMember(db, viewer, id, true);
  if (u.id === viewer.userId) throw forbidden("an ADMIN cannot remove its own user (its tokens would be revoked): ask another ADMIN");
  if (u.removedAt) return u;
  const now = new Date();
  const [user] = await db.prisma.$transaction([
    db.prisma.user.update({ where: { id: u.id }, data: { removedAt: now } }),
    db.prisma.apiToken.updateMany({ where: { userId: u.id, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  return user;
}
