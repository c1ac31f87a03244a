/** Tokens and who they belong to: the bearer-token lookup of authentication, the viewer's team and users. */
import { hashToken, type ApiToken, type PrismaClient, type Team, type User } from "@loffta/db";
import { notFound } from "../errors";
import type { Db } from "./db";

/** The token whose secret is `secret` (looked up by its SHA-256), or null. */
export function findTokenBySecret(prisma: PrismaClient, secret: string): Promise<ApiToken | null> {
  return prisma.apiToken.findUnique({ where: { hash: hashToken(secret) } });
}

/** Record a token's use (best effort, off the request path: errors are ignored). */
export function markTokenUsed(prisma: PrismaClient, tokenId: string, at: Date): void {
  prisma.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } }).catch(() => {});
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
