/**
 * Live events survive the loss of the API's LISTEN connection (docs/security.md, "Events").
 *
 * A real API server and a real Postgres: the test terminates the API's LISTEN backend
 * (pg_terminate_backend) while a worker logs 2,000 points / log lines in batches, and checks
 * that the subscriber still gets every one exactly once, in order — or, where catching up is
 * impossible, a typed EVENTS_LOST error — never silence.
 */
import type { PrismaClient } from "@loffta/db";
import { cacheProbe, collect, insertCache, insertRun, logsProbe, metricsProbe, ok, runProbe, startHarness, waitUntil, wsClient, type Collector, type Harness } from "../../apps/api/test/helpers";

const LOG_METRICS = `mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { inserted } }`;
const APPEND_LOGS = `mutation($runId: ID!, $lines: [RunLogLineInput!]!) { appendRunLogs(runId: $runId, lines: $lines) { inserted } }`;
const SUB_METRICS = `subscription($runId: ID!, $keys: [String!]) { metricsAppended(runId: $runId, keys: $keys) { runId points { key step value } } }`;
const SUB_LOGS = `subscription($runId: ID!) { runLogAppended(runId: $runId) { runId lines { seq message } } }`;
/** Resuming subscriptions: `after` (the last cursor / seq seen). */
const RESUME_METRICS = `subscription($runId: ID!, $after: ID) { metricsAppended(runId: $runId, after: $after) { runId cursor points { key step value } } }`;
const RESUME_LOGS = `subscription($runId: ID!, $after: Int) { runLogAppended(runId: $runId, after: $after) { runId lines { seq message } } }`;

type MetricsEvent = { metricsAppended: { runId: string; cursor?: string; points: { key: string; step: number; value: number }[] } };
type LogsEvent = { runLogAppended: { runId: string; lines: { seq: number; message: string }[] } };
type GqlError = { message: string; extensions?: { code?: string; refetch?: string } };

let h: Harness;
beforeAll(async () => {
  h = await startHarness("events-replay");
});
afterAll(async () => {
  await h?.close();
});

/**
 * Terminate the API's LISTEN connection(s) on this test's database (the API names it
 * `loffta-api-events`; older code is found by its last query, `LISTEN …`). Returns how many.
 */
async function killListener(prisma: PrismaClient): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ pid: number; ok: boolean }[]>(
    `SELECT pid, pg_terminate_backend(pid) AS ok FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND (application_name = 'loffta-api-events' OR query ILIKE 'LISTEN%')`,
  );
  return rows.filter((r) => r.ok).length;
}

/** Waits until the API listens again (a LISTEN backend whose LISTEN has run). */
async function listenerBack(prisma: PrismaClient): Promise<void> {
  await waitUntil(
    async () => {
      const r = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle' AND (query ILIKE 'LISTEN%' OR (application_name = 'loffta-api-events' AND query = 'SELECT 1'))`,
      );
      return r[0].n > 0;
    },
    15_000,
    50,
    "the API's LISTEN connection to come back",
  );
}

/** Resolves once `count()` reaches n or the subscription failed; rejects after `ms` with what arrived. */
async function received<T>(sub: Collector<T>, count: () => number, n: number, what: string, ms = 20_000): Promise<void> {
  try {
    await waitUntil(() => count() >= n || sub.errors.length > 0, ms, 20, what);
  } catch {
    throw new Error(`silent loss: received ${count()} of ${n} ${what}, and no error (errors: ${JSON.stringify(sub.errors)})`);
  }
}

/** Alternating batch sizes: 50 (announced inline) and 150 (announced by id/seq range), 2,000 in all. */
const BATCH_SIZES = Array.from({ length: 20 }, (_, i) => (i % 2 ? 150 : 50));

test("metricsAppended: 2,000 points logged while the LISTEN connection is killed twice arrive exactly once, in order", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<MetricsEvent>(client, SUB_METRICS, { runId: run.id });
  const probe = metricsProbe(h.db.prisma, run.id);
  await sub.live(probe);

  const expected: string[] = [];
  let step = 0;
  let killed = 0;
  for (let b = 0; b < BATCH_SIZES.length; b++) {
    // Mid-way (and again later), kill the API's LISTEN connection; keep logging at once, so
    // batches are committed while nobody listens.
    if (b === 8 || b === 14) {
      // A listener to kill: on a loaded machine the first one may still be reconnecting.
      await listenerBack(h.db.prisma);
      killed += await killListener(h.db.prisma);
    }
    const points = Array.from({ length: BATCH_SIZES[b] }, (_, i) => ({ key: i % 2 ? "acc" : "loss", step: step + (i >> 1), value: b * 1000 + i }));
    step += BATCH_SIZES[b];
    await ok(h.url, h.a.worker, LOG_METRICS, { runId: run.id, points });
    expected.push(...points.map((p) => `${p.key}@${p.step}=${p.value}`));
  }
  expect(killed).toBe(2);
  expect(expected).toHaveLength(2000);
  const got = () => sub.events.flatMap((e) => e.metricsAppended.points.map((p) => `${p.key}@${p.step}=${p.value}`));
  await received(sub, () => got().length, expected.length, "points");
  expect(sub.errors).toEqual([]);
  await listenerBack(h.db.prisma);
  await sub.fence(probe); // anything still announced (a duplicate) would arrive before this
  expect(got()).toEqual(expected); // every point, once, in the order logged
  expect(await h.db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(2000);
  sub.dispose();
  await client.dispose();
});

test("runLogAppended: 2,000 lines appended while the LISTEN connection is killed twice arrive exactly once, in order", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<LogsEvent>(client, SUB_LOGS, { runId: run.id });
  const probe = logsProbe(h.db.prisma, run.id);
  await sub.live(probe);

  const expected: number[] = [];
  let seq = 0;
  let killed = 0;
  for (let b = 0; b < BATCH_SIZES.length; b++) {
    if (b === 8 || b === 14) {
      // A listener to kill: on a loaded machine the first one may still be reconnecting.
      await listenerBack(h.db.prisma);
      killed += await killListener(h.db.prisma);
    }
    const lines = Array.from({ length: BATCH_SIZES[b] }, (_, i) => ({ seq: seq + i, message: `batch ${b} line ${seq + i}: some progress text` }));
    seq += BATCH_SIZES[b];
    await ok(h.url, h.a.worker, APPEND_LOGS, { runId: run.id, lines });
    expected.push(...lines.map((l) => l.seq));
  }
  expect(killed).toBe(2);
  const got = () => sub.events.flatMap((e) => e.runLogAppended.lines.map((l) => l.seq));
  await received(sub, () => got().length, expected.length, "log lines");
  expect(sub.errors).toEqual([]);
  await listenerBack(h.db.prisma);
  await sub.fence(probe);
  expect(got()).toEqual(expected);
  sub.dispose();
  await client.dispose();
});

test("points stored while no notification got through are delivered once the API listens again", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<MetricsEvent>(client, SUB_METRICS, { runId: run.id, keys: ["loss"] });
  const probe = metricsProbe(h.db.prisma, run.id, "loss");
  await sub.live(probe);
  await ok(h.url, h.a.worker, LOG_METRICS, { runId: run.id, points: [{ key: "loss", step: 0, value: 1 }] });
  await sub.waitFor(1);
  // Rows whose announcement never reached this API (written straight to the table, as if the
  // NOTIFY had been lost with the connection), then the connection drops.
  await h.db.prisma.$executeRawUnsafe(
    `INSERT INTO "MetricPoint" ("runId", key, step, value) SELECT $1::uuid, k, s, s FROM generate_series(1, 300) s, unnest(ARRAY['loss', 'acc']) k`,
    run.id,
  );
  expect(await killListener(h.db.prisma)).toBe(1);
  const got = () => sub.events.flatMap((e) => e.metricsAppended.points.map((p) => p.step));
  await received(sub, () => got().length, 301, "points");
  await listenerBack(h.db.prisma); // a probe is not stored: sent while nobody listens, it is gone
  await sub.fence(probe);
  expect(got()).toEqual(Array.from({ length: 301 }, (_, i) => i)); // only "loss", once each
  sub.dispose();
  await client.dispose();
});

test("a client that reconnects resumes with `after`: what it missed, then live, nothing twice", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const log = (from: number, n: number) => ok(h.url, h.a.worker, LOG_METRICS, { runId: run.id, points: Array.from({ length: n }, (_, i) => ({ key: "loss", step: from + i, value: from + i })) });
  const c1 = wsClient(h.server.wsUrl, h.a.member);
  const first = collect<MetricsEvent>(c1, RESUME_METRICS, { runId: run.id });
  await first.live(metricsProbe(h.db.prisma, run.id));
  await log(0, 40);
  await log(40, 200);
  await first.waitFor(2);
  const cursor = first.events.at(-1)!.metricsAppended.cursor!;
  expect(cursor).toMatch(/^\d+$/);
  first.dispose();
  await c1.dispose();
  // Logged while the client is away.
  await log(240, 30);
  await log(270, 500);

  const c2 = wsClient(h.server.wsUrl, h.a.member);
  const again = collect<MetricsEvent>(c2, RESUME_METRICS, { runId: run.id, after: cursor });
  const steps = () => again.events.flatMap((e) => e.metricsAppended.points.map((p) => p.step));
  await received(again, () => steps().length, 530, "missed points");
  await log(770, 10); // and live after that
  await received(again, () => steps().length, 540, "points");
  expect(steps()).toEqual(Array.from({ length: 540 }, (_, i) => 240 + i));
  // Cursors only grow.
  const cursors = again.events.map((e) => BigInt(e.metricsAppended.cursor!));
  expect([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(cursors);

  // A cursor this subscription never gave out (ahead of every point) is refused, not silently skipped to.
  const bogus = collect<MetricsEvent>(c2, RESUME_METRICS, { runId: run.id, after: "999999999999" });
  await bogus.ended;
  expect((bogus.errors.flat() as GqlError[])[0].extensions?.code).toBe("BAD_USER_INPUT");

  // Logs resume by seq, like runLogs(after:).
  await ok(h.url, h.a.worker, APPEND_LOGS, { runId: run.id, lines: Array.from({ length: 30 }, (_, i) => ({ seq: i, message: `l${i}` })) });
  const logs = collect<LogsEvent>(c2, RESUME_LOGS, { runId: run.id, after: 9 });
  const seqs = () => logs.events.flatMap((e) => e.runLogAppended.lines.map((l) => l.seq));
  await received(logs, () => seqs().length, 20, "missed lines");
  await ok(h.url, h.a.worker, APPEND_LOGS, { runId: run.id, lines: [{ seq: 30, message: "l30" }] });
  await received(logs, () => seqs().length, 21, "lines");
  expect(seqs()).toEqual(Array.from({ length: 21 }, (_, i) => 10 + i));
  again.dispose();
  logs.dispose();
  await c2.dispose();
});

test("runUpdated and featureCacheProgress re-read their rows after a reconnect and deliver what changed", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const probeRun = await insertRun(h.db.prisma, h.a.projectId, { name: "probe" }); // the probe's events are told apart by run id
  const { cache } = await insertCache(h.db.prisma, h.a.teamId, { status: "EXTRACTING" });
  const client = wsClient(h.server.wsUrl, h.a.member);
  const runs = collect<{ runUpdated: { id: string; notes: string | null } }>(client, `subscription($p: ID!) { runUpdated(projectId: $p) { id notes } }`, { p: h.a.projectId });
  const caches = collect<{ featureCacheProgress: { id: string; status: string; progress: number | null } }>(client, `subscription($id: ID!) { featureCacheProgress(id: $id) { id status progress } }`, { id: cache.id });
  const rp = runProbe(h.db.prisma, probeRun);
  await runs.live(rp);
  await caches.live(cacheProbe(h.db.prisma, cache.id));
  // Changes whose announcements were lost with the connection.
  await h.db.prisma.run.update({ where: { id: run.id }, data: { notes: "changed while nobody listened" } });
  await h.db.prisma.featureCache.update({ where: { id: cache.id }, data: { progressDone: 3, progressTotal: 4 } });
  expect(await killListener(h.db.prisma)).toBe(1);
  await runs.waitFor(1, 20_000);
  await caches.waitFor(1, 20_000);
  await listenerBack(h.db.prisma);
  await runs.fence(rp);
  // Only what changed: the other runs of the project (unchanged since the subscription began) are not re-sent.
  expect(runs.events.map((e) => e.runUpdated)).toEqual([{ id: run.id, notes: "changed while nobody listened" }]);
  expect(caches.events.map((e) => e.featureCacheProgress)).toEqual([{ id: cache.id, status: "EXTRACTING", progress: 0.75 }]);
  expect(runs.errors).toEqual([]);
  expect(caches.errors).toEqual([]);
  runs.dispose();
  caches.dispose();
  await client.dispose();
});

test("a subscription that cannot catch up ends with a typed EVENTS_LOST error, not silence", async () => {
  // workerStatus has no cursor and no row to re-read: after a gap it tells the client to refetch.
  const reg = await ok<{ registerWorker: { id: string } }>(h.url, h.a.worker, `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, {
    input: { name: "w-events", host: "h", backend: "cpu", device: "cpu" },
  });
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<{ workerStatus: { id: string } }>(client, `subscription { workerStatus { id } }`);
  const heartbeat = async () => void (await ok(h.url, h.a.worker, `mutation($w: ID!) { heartbeat(workerId: $w) { cancelledJobIds } }`, { w: reg.registerWorker.id }));
  await sub.live({ send: heartbeat });
  expect(await killListener(h.db.prisma)).toBe(1);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([sub.ended, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
  clearTimeout(timer);
  const errors = sub.errors.flat() as GqlError[];
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0].extensions?.code).toBe("EVENTS_LOST");
  expect(errors[0].extensions?.refetch).toBeTruthy();
  sub.dispose();
  await client.dispose();
});
