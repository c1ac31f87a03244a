import type { PrismaClient } from "./client";
import { generateToken, hashToken } from "./tokens";

export interface DemoSeed {
  teamId: string;
  projectId: string;
  userId: string;
  /** The demo token's secret, when it was created by this call or passed in. */
  token: string;
}

export const DEMO_TEAM = "demo";
export const DEMO_PROJECT = "demo";

/**
 * Idempotently seed the demo team, user, project and an admin token.
 * `existingToken` is the secret remembered from an earlier seed (the database keeps only its
 * hash); when it still matches, it is reused, else a new token is issued.
 */
export async function seedDemo(prisma: PrismaClient, existingToken?: string): Promise<DemoSeed> {
  const team = await prisma.team.upsert({
    where: { slug: DEMO_TEAM },
    update: {},
    create: { name: "Demo team", slug: DEMO_TEAM },
  });
  const user = await prisma.user.upsert({
    where: { email: "demo@loffta.local" },
    update: {},
    create: { email: "demo@loffta.local", name: "Demo user", teamId: team.id },
  });
  const project = await prisma.project.upsert({
    where: { teamId_name: { teamId: team.id, name: DEMO_PROJECT } },
    update: {},
    create: {
      teamId: team.id,
      name: DEMO_PROJECT,
      description: "Fashion-MNIST through a pretrained backbone: LOFF vs LOFF-TA vs baselines",
    },
  });
  if (existingToken) {
    const found = await prisma.apiToken.findUnique({ where: { hash: hashToken(existingToken) } });
    if (found && found.teamId === team.id && !found.revokedAt) {
      return { teamId: team.id, projectId: project.id, userId: user.id, token: existingToken };
    }
  }
  const t = generateToken();
  await prisma.apiToken.create({
    data: {
      teamId: team.id,
      userId: user.id,
      name: "demo admin token",
      prefix: t.prefix,
      hash: t.hash,
      scopes: ["ADMIN", "MEMBER", "WORKER"],
    },
  });
  return { teamId: team.id, projectId: project.id, userId: user.id, token: t.secret };
}

/**
 * Idempotently a WORKER-only service token of `teamId` (no user) for a platform's own worker:
 * `existingToken` is reused while it is that team's, active and WORKER-only, else a new one is
 * issued. Returns its secret.
 */
export async function seedWorkerToken(
  prisma: PrismaClient,
  teamId: string,
  name: string,
  existingToken?: string,
): Promise<string> {
  if (existingToken) {
    const found = await prisma.apiToken.findUnique({ where: { hash: hashToken(existingToken) } });
    const active = found && !found.revokedAt && (!found.expiresAt || found.expiresAt > new Date());
    if (active && found.teamId === teamId && found.scopes.length === 1 && found.scopes[0] === "WORKER")
      return existingToken;
  }
  const t = generateToken();
  await prisma.apiToken.create({
    data: { teamId, name, prefix: t.prefix, hash: t.hash, scopes: ["WORKER"] },
  });
  return t.secret;
}
