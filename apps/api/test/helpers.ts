/** Test harness: a real API server on a fresh database, teams with tokens, HTTP and WS clients. */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { generateToken, type CacheStatus, type ModelFamily, type PrismaClient, type TokenScope } from "@loffta/db";
import type { RunKind } from "@loffta/graphql/domain";
import { createTestDatabase, type TestDatabase } from "@loffta/tests";
import type { Pool } from "pg";
import { publishCache, publishLogs, publishMetrics, publishRun } from "../src/events";
import { PgPubSub, type PubSub, type Queryable } from "../src/pubsub";
import { startApiServer, type ApiServer } from "../src/server";
import { TEST_STORAGE_ROOTS } from "../../../tests/e2e/harness";

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
  /** Events received, without the ones probes caused (see `live`). */
  events: T[];
  errors: unknown[];
  /** Resolves once `n` events arrived (rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<T[]>;
  /**
   * Prove the subscription is live before the test goes on: send `probe` (a harmless event the
   * subscription delivers) again and again until one arrives, then clear `events`. Events the
   * probe causes (also ones still in flight) never reach `events`.
   */
  live(probe: Probe<T>, ms?: number): Promise<void>;
  /**
   * Order barrier for absence checks, on a live subscription: publish `probe` once more and wait
   * until it arrives. Events of one topic arrive in the order they were published, so whatever
   * was announced before this call has arrived by the time it resolves.
   */
  fence(probe: Probe<T>, ms?: number): Promise<void>;
  /** Resolves when the server answered with an error or completed. */
  ended: Promise<void>;
  dispose(): void;
}

/**
 * A harmless event that a subscription delivers, for `Collector.live` and `fence`: `send`
 * publishes it (resolving once the NOTIFY is committed); `is` tells its events from others.
 * Without `is`, the probe's events are those equal to the first one received, until another
 * event arrives (a probe changes nothing, so it always yields the same event; and events of one
 * topic arrive in order, so a probe still in flight cannot arrive after a real event).
 */
export interface Probe<T> {
  send(): Promise<void>;
  is?(event: T): boolean;
}

export function collect<T = Record<string, unknown>>(client: Client, query: string, variables?: Record<string, unknown>): Collector<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  let endResolve: () => void = () => {};
  const ended = new Promise<void>((r) => (endResolve = r));
  let probe: Probe<T> | undefined;
  /** Without probe.is: the probe's event (JSON), and whether a real event came since. */
  let probeEvent: string | undefined;
  let realSince = false;
  let probesSeen = 0;
  const isProbe = (e: T): boolean => {
    if (!probe) return false;
    if (probe.is) return probe.is(e);
    if (realSince) return false;
    const json = JSON.stringify(e);
    probeEvent ??= json;
    if (json === probeEvent) return true;
    realSince = true;
    return false;
  };
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) errors.push(...v.errors);
        if (v.data) {
          if (isProbe(v.data as T)) probesSeen++;
          else events.push(v.data as T);
        }
        wake();
      },
      error: (e) => {
        errors.push(e);
        endResolve();
        wake();
      },
      complete: () => endResolve(),
    },
  );
  let isEnded = false;
  void ended.then(() => (isEnded = true));
  /** Resolves true once `cond` holds, false after `ms` (or when the subscription ended). */
  const until = (cond: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(cond()), ms);
      const check = () => {
        if (cond() || isEnded || errors.length) {
          clearTimeout(timer);
          resolve(cond());
        } else waiters.push(check);
      };
      check();
    });
  const use = (p: Probe<T>) => {
    if (probe && probe !== p) throw new Error("one probe per collector");
    probe = p;
  };
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
    live: async (p, ms = 20_000) => {
      use(p);
      const deadline = Date.now() + ms;
      // Until the server has registered the subscription, a probe is dropped: publish again,
      // waiting a little longer each time for the last one to arrive.
      for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
        const seen = probesSeen;
        await p.send();
        if (await until(() => probesSeen > seen, Math.max(1, Math.min(wait, deadline - Date.now())))) break;
        if (errors.length || isEnded) throw new Error(`subscription failed before it was live: ${JSON.stringify(errors)}`);
        if (Date.now() >= deadline) throw new Error(`subscription not live after ${ms} ms (no probe event arrived)`);
      }
      events.length = 0;
    },
    fence: async (p, ms = 10_000) => {
      use(p);
      if (!p.is) throw new Error("fence needs a probe whose events are recognisable (Probe.is)");
      const seen = probesSeen;
      await p.send();
      if (!(await until(() => probesSeen > seen, ms))) throw new Error(`fence probe not delivered within ${ms} ms (errors ${JSON.stringify(errors)})`);
    },
  };
}

/**
 * Publish from the test exactly as the API does (its own publish functions, channel and
 * envelope): a NOTIFY through the test's Prisma client. Every API server listening on that
 * database delivers it. Each function resolves once its NOTIFY is committed.
 */
function publisher(prisma: PrismaClient) {
  const pool = { query: (text: string, values: unknown[]) => prisma.$executeRawUnsafe(text, ...values) };
  const real = new PgPubSub({ connectionString: "", pool: pool as unknown as Pool });
  let sent: Promise<void> = Promise.resolve();
  // The same, remembering its last publish (publishRun and publishCache do not return it).
  const pubsub: PubSub = Object.assign(Object.create(real) as PubSub, { publish: (topic: string, data: unknown, tx?: Queryable) => (sent = real.publish(topic, data, tx)) });
  /** Run a publisher and wait for the NOTIFY it sent. */
  const sentBy = async (publish: () => unknown) => {
    await publish();
    await sent;
  };
  return { pubsub, sentBy };
}

/** Probe of `runUpdated(projectId)`: announces `run` (an existing run of the project) unchanged. Select `id`. */
export function runProbe(prisma: PrismaClient, run: { id: string; projectId: string }): Probe<{ runUpdated: { id: string } }> {
  const { pubsub, sentBy } = publisher(prisma);
  return { send: () => sentBy(() => publishRun(pubsub, run)), is: (e) => e.runUpdated.id === run.id };
}

/** Probe of `featureCacheProgress(id)`: announces the cache unchanged (its events are told apart by equality). */
export function cacheProbe<T>(prisma: PrismaClient, cacheId: string): Probe<T> {
  const { pubsub, sentBy } = publisher(prisma);
  return { send: () => sentBy(() => publishCache(pubsub, cacheId)) };
}

/** A step (and seq) no stored point or log line has (logMetrics and appendRunLogs refuse negatives): marks probe events. */
const PROBE_STEP = -1;

/**
 * Probe of `metricsAppended(runId, keys)`: announces one point at step -1 (nothing is stored);
 * `key` must be one the subscription asks for. Select `points { step }`.
 */
export function metricsProbe(prisma: PrismaClient, runId: string, key = "probe"): Probe<{ metricsAppended: { points: { step: number }[] } }> {
  const { pubsub, sentBy } = publisher(prisma);
  return {
    // No stored rows (ids 0): delivered as announced.
    send: () => sentBy(() => publishMetrics(pubsub, runId, [{ key, step: PROBE_STEP, value: 0 }], { min: "0", max: "0" })),
    is: (e) => e.metricsAppended.points.every((p) => p.step === PROBE_STEP),
  };
}

/** Probe of `runLogAppended(runId)`: announces one line with seq -1 (nothing is stored). Select `lines { seq }`. */
export function logsProbe(prisma: PrismaClient, runId: string): Probe<{ runLogAppended: { lines: { seq: number }[] } }> {
  const { pubsub, sentBy } = publisher(prisma);
  return {
    // No row id: delivered as announced.
    send: () => sentBy(() => publishLogs(pubsub, runId, [{ seq: PROBE_STEP, time: new Date(), level: "INFO", message: "subscription probe" }])),
    is: (e) => e.runLogAppended.lines.every((l) => l.seq === PROBE_STEP),
  };
}

/** Resolves once `cond` holds (checked every `every` ms); rejects after `ms`. */
export async function waitUntil(cond: () => boolean | Promise<boolean>, ms = 10_000, every = 1, what = "a condition"): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

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
  const server = await startApiServer({ databaseUrl: db.url, poolSize: 5, log: () => {}, storageRoots: TEST_STORAGE_ROOTS });
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
