/** Test harness: a real API server on a fresh database, teams with tokens, HTTP and WS clients. */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { generateToken, type CacheStatus, type ModelFamily, type PrismaClient, type TokenScope } from "@loffta/db";
import type { RunKind } from "@loffta/graphql/domain";
import { createTestDatabase, type TestDatabase } from "@loffta/tests";
import { startApiServer, type ApiServer } from "../src/server";

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: { path: string; message: string }[] } }[];
}

export interface TeamFixture {
  teamId: string;
  projectId: string;
  userId: string;
  member: string;
  worker: string;
}

export async function createTeam(prisma: PrismaClient, slug: string): Promise<TeamFixture> {
  const team = await prisma.team.create({ data: { name: `Team ${slug}`, slug } });
  const user = await prisma.user.create({ data: { teamId: team.id, email: `${slug}@test.local`, name: slug } });
  const project = await prisma.project.create({ data: { teamId: team.id, name: "main" } });
  const token = async (scopes: TokenScope[], userId: string | null) => {
    const t = generateToken();
    await prisma.apiToken.create({ data: { teamId: team.id, userId, name: scopes.join("+"), prefix: t.prefix, hash: t.hash, scopes } });
    return t.secret;
  };
  return { teamId: team.id, projectId: project.id, userId: user.id, member: await token(["MEMBER"], user.id), worker: await token(["WORKER"], null) };
}

export async function gql<T = Record<string, unknown>>(url: string, token: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

/** Data of a successful operation; fails the test with the errors otherwise. */
export async function ok<T = Record<string, unknown>>(url: string, token: string | null, query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await gql<T>(url, token, query, variables);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** The first error code of a failed operation. */
export async function errorCode(url: string, token: string | null, query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
  const r = await gql(url, token, query, variables);
  return r.errors?.[0]?.extensions?.code;
}

export function wsClient(wsUrl: string, token: string): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });
}

export interface Collector<T> {
  events: T[];
  errors: unknown[];
  /** Resolves once `n` events arrived (rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<T[]>;
  /** Resolves when the server answered with an error or completed. */
  ended: Promise<void>;
  dispose(): void;
}

export function collect<T = Record<string, unknown>>(client: Client, query: string, variables?: Record<string, unknown>): Collector<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  let endResolve: () => void = () => {};
  const ended = new Promise<void>((r) => (endResolve = r));
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) errors.push(...v.errors);
        if (v.data) events.push(v.data as T);
        for (const w of waiters.splice(0)) w();
      },
      error: (e) => {
        errors.push(e);
        endResolve();
        for (const w of waiters.splice(0)) w();
      },
      complete: () => endResolve(),
    },
  );
  return {
    events,
    errors,
    ended,
    dispose,
    waitFor: (n, ms = 5000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${n} events (got ${events.length}; errors ${JSON.stringify(errors)})`)), ms);
        const check = () => {
          if (events.length >= n) {
            clearTimeout(timer);
            resolve(events);
          } else waiters.push(check);
        };
        check();
      }),
  };
}

/** Wait until the server's LISTEN/subscription has registered (subscriptions are async). */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

export interface Harness {
  db: TestDatabase;
  server: ApiServer;
  url: string;
  a: TeamFixture;
  b: TeamFixture;
  close(): Promise<void>;
}

export async function startHarness(label: string): Promise<Harness> {
  const db = await createTestDatabase(label);
  const server = await startApiServer({ databaseUrl: db.url, poolSize: 5, log: () => {} });
  const a = await createTeam(db.prisma, `a-${label}`);
  const b = await createTeam(db.prisma, `b-${label}`);
  return {
    db,
    server,
    url: server.url,
    a,
    b,
    close: async () => {
      await server.close();
      await db.drop();
    },
  };
}

/** A run straight in the database (bypasses launchRun), for metric and compare tests. */
export async function insertRun(prisma: PrismaClient, projectId: string, data: Partial<{ name: string; kind: RunKind; config: object; trainImagesPerSec: number; peakMemoryBytes: bigint; finalMetrics: object; baselineRunId: string; tags: string[] }> = {}) {
  return prisma.run.create({ data: { projectId, name: data.name ?? "run", kind: data.kind ?? "LOFF_TA", config: data.config ?? {}, ...data } });
}

/**
 * A dataset, a foundation model and a feature cache of them straight in the database (the
 * dataset as a scan would register it: ≥ 2 classes and a train split unless overridden).
 */
export async function insertCache(
  prisma: PrismaClient,
  teamId: string,
  opts: Partial<{ name: string; status: CacheStatus; classNames: string[]; splitCounts: Record<string, number>; family: ModelFamily; depth: number; weightsSha256: string }> = {},
) {
  const name = opts.name ?? `c-${Math.random().toString(36).slice(2, 10)}`;
  const dataset = await prisma.dataset.create({
    data: { teamId, name, rootUri: `/data/${name}`, layout: "IMAGE_FOLDER", classNames: opts.classNames ?? ["cat", "dog"], splitCounts: opts.splitCounts ?? { train: 8, val: 2 }, status: "READY" },
  });
  const depth = opts.depth ?? 12;
  const model = await prisma.foundationModel.create({
    data: { teamId, name, family: opts.family ?? "DINOV2", patchSize: 14, embedDim: 384, depth, heads: 6, defaultImageSize: 224, mean: [], std: [], weightsUri: `/w/${name}`, weightsSha256: opts.weightsSha256 ?? null },
  });
  const cache = await prisma.featureCache.create({
    data: { datasetId: dataset.id, modelId: model.id, resolution: 224, layer: opts.family === "OTHER" ? 0 : depth, status: opts.status ?? "READY" },
  });
  return { dataset, model, cache };
}
