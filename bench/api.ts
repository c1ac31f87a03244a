/**
 * API benchmark (not a test): `npm run bench:api`.
 * Boots the API on a fresh database (DATABASE_URL's server if set, else the local Postgres at
 * 127.0.0.1:5432, else an embedded one) and measures:
 *  - ingestPointsPerSec: logMetricColumns (what the worker sends) over HTTP, batches of 1,000
 *    points, 8 concurrent clients; ingestObjectsPointsPerSec: the same with logMetrics (a list of
 *    point objects);
 *  - copyPointsPerSec: the same rows (fresh runs, same keys/steps, empty table again) written by
 *    8 raw pg connections from this process with one `COPY … FROM STDIN` per batch of 1,000 (one
 *    commit per batch, as the API), into the same table with the same indexes and foreign key:
 *    the database's limit for this table, and apiOverCopy = ingest ÷ COPY;
 *  - bytesPerPoint: MetricPoint (heap, indexes) and MetricRollup on disk ÷ stored points, after
 *    VACUUM ANALYZE, for the points the API ingest stored;
 *  - subscriptionP99Ms: log → delivery latency to 100 graphql-ws subscribers (own sockets);
 *  - compareQueryMs: metricSeries for 50 runs × 5 keys × 10,000 points, downsampled to 1,000
 *    (points bulk-loaded with SQL, rollups rebuilt as ingest would have kept them).
 * Writes bench/results/api.json.
 */
import { randomBytes } from "node:crypto";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import pg from "pg";
import {
  createPrisma,
  dropDatabase,
  ensureDbExists,
  generateToken,
  migrateDeploy,
  withDatabase,
} from "@loffta/db";
import { startApiProcess } from "./api-process";
import { cpuSecondsOfAll, loadAvg, machine, ownCpuSeconds, processCpuSeconds, writeResult } from "./machine";
import { benchPostgres } from "./pg-server";
import { copyFrom, copyText } from "./ingest-copy";
import { rebuildRollups } from "../apps/api/src/services/metrics";
import { toMetricColumns } from "@loffta/graphql/metric-columns";

const INGEST_CLIENTS = 8;
const INGEST_BATCH = 1_000;
const INGEST_BATCHES_PER_CLIENT = 40;
const SUBSCRIBERS = 100;
const SUB_EVENTS = 60;
const COMPARE_RUNS = 50;
const COMPARE_KEYS = 5;
const COMPARE_POINTS = 10_000;

const log = (m: string) => console.log(`[bench:api] ${m}`);

async function post(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const LOG = `mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { inserted } }`;
const LOG_COLUMNS = `mutation($runId: ID!, $columns: MetricColumnsInput!) { logMetricColumns(runId: $runId, columns: $columns) { inserted } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Checkpoints the server has run so far (pg_stat_bgwriter, Postgres ≤ 16). A checkpoint during a
 * phase (the benches write GBs of WAL: max_wal_size forces them) stalls commits for 100s of ms:
 * the JSON records how many fell in each phase, to read its figure against.
 */
const checkpoints = async (pool: pg.Pool): Promise<number | null> =>
  pool
    .query<{ n: number }>(`SELECT (checkpoints_timed + checkpoints_req)::int AS n FROM pg_stat_bgwriter`)
    .then((r) => r.rows[0].n)
    .catch(() => null);

interface DiskBytes {
  points: number;
  tableBytes: number;
  indexBytes: number;
  rollupBytes: number;
}

/** On-disk size of the metric tables after VACUUM ANALYZE (heap incl. TOAST/FSM/VM, indexes). */
async function diskBytes(pool: pg.Pool): Promise<DiskBytes> {
  await pool.query(`VACUUM ANALYZE "MetricPoint"`);
  await pool.query(`VACUUM ANALYZE "MetricRollup"`);
  const r = await pool.query<{ points: string; table: string; indexes: string; rollup: string }>(
    `SELECT (SELECT count(*) FROM "MetricPoint")::text AS points,
            pg_table_size('"MetricPoint"')::text AS table, pg_indexes_size('"MetricPoint"')::text AS indexes,
            pg_total_relation_size('"MetricRollup"')::text AS rollup`,
  );
  const x = r.rows[0];
  return { points: Number(x.points), tableBytes: Number(x.table), indexBytes: Number(x.indexes), rollupBytes: Number(x.rollup) };
}

const perPoint = (d: DiskBytes) => ({
  table: +(d.tableBytes / d.points).toFixed(1),
  indexes: +(d.indexBytes / d.points).toFixed(1),
  total: +((d.tableBytes + d.indexBytes) / d.points).toFixed(1),
  rollups: +(d.rollupBytes / d.points).toFixed(1),
  points: d.points,
});

async function main(): Promise<void> {
  const loadBefore = loadAvg();
  const pgServer = await benchPostgres(log);
  const dbUrl = withDatabase(pgServer.url, `loffta_bench_${randomBytes(4).toString("hex")}`);
  await ensureDbExists(dbUrl);
  try {
    log(`migrating ${new URL(dbUrl).pathname.slice(1)}`);
    await migrateDeploy(dbUrl);
    const prisma = createPrisma(dbUrl);
    const team = await prisma.team.create({ data: { name: "bench", slug: "bench" } });
    const project = await prisma.project.create({ data: { teamId: team.id, name: "bench" } });
    const t = generateToken();
    await prisma.apiToken.create({
      data: { teamId: team.id, name: "bench", prefix: t.prefix, hash: t.hash, scopes: ["ADMIN"] },
    });
    const token = t.secret;
    const mkRun = (name: string) =>
      prisma.run.create({ data: { projectId: project.id, name, kind: "LOFF_TA", config: {} } });
    // The API runs in its own process, as in production: the clients below (JSON building, 100
    // WebSocket subscribers) must not share its event loop.
    const server = await startApiProcess(dbUrl);
    log(`server at ${server.url}`);

    // ---- ingest: the worker's mutation (columns), then logMetrics with a list of point objects
    const batch = (c: number, b: number) =>
      Array.from({ length: INGEST_BATCH }, (_, i) => ({
        key: ["loss", "acc", "lr", "grad", "f1"][i % 5],
        step: b * 200 + Math.floor(i / 5),
        value: Math.sin(c + b + i),
      }));
    const ingest = async (name: string, send: (runId: string, c: number, b: number) => Promise<void>) => {
      const runs = await Promise.all(Array.from({ length: INGEST_CLIENTS }, (_, i) => mkRun(`${name}-${i}`)));
      await send(runs[0].id, 0, 999); // warm-up
      const cpu = () => ({ api: processCpuSeconds(server.pid), postgres: cpuSecondsOfAll("postgres"), bench: ownCpuSeconds() });
      const c0 = cpu();
      const t0 = performance.now();
      await Promise.all(
        runs.map(async (run, c) => {
          for (let b = 0; b < INGEST_BATCHES_PER_CLIENT; b++) await send(run.id, c, b);
        }),
      );
      const wall = (performance.now() - t0) / 1000;
      const c1 = cpu();
      const batches = INGEST_CLIENTS * INGEST_BATCHES_PER_CLIENT;
      const perSec = Math.round((batches * INGEST_BATCH) / wall);
      // Where the machine's cores went, per batch of 1,000 points (CPU ms; the wall's share is per core).
      const perBatchMs = (k: keyof typeof c0) => {
        const [a, b] = [c0[k], c1[k]];
        return a === null || b === null ? null : +(((b - a) * 1000) / batches).toFixed(2);
      };
      const cpuMsPerBatch = { api: perBatchMs("api"), postgres: perBatchMs("postgres"), bench: perBatchMs("bench"), wallMs: +((wall * 1000) / batches).toFixed(2) };
      cpuPerBatch[name] = cpuMsPerBatch;
      log(`ingest (${name}): ${perSec} points/s (${INGEST_CLIENTS} clients × ${INGEST_BATCHES_PER_CLIENT} batches of ${INGEST_BATCH}); CPU ms per batch ${JSON.stringify(cpuMsPerBatch)}`);
      return perSec;
    };
    const cpuPerBatch: Record<string, { api: number | null; postgres: number | null; bench: number | null; wallMs: number }> = {};
    const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
    const cp0 = await checkpoints(pool);
    const ingestObjectsPointsPerSec = await ingest("objects", (runId, c, b) => post(server.url, token, LOG, { runId, points: batch(c, b) }));
    await pool.query(`TRUNCATE "MetricPoint", "MetricRollup"`);
    // As the worker sends them: encoded as columns on the client (toMetricColumns).
    const cp1 = await checkpoints(pool);
    const ingestPointsPerSec = await ingest("columns", (runId, c, b) => post(server.url, token, LOG_COLUMNS, { runId, columns: toMetricColumns(batch(c, b)) }));
    const cp2 = await checkpoints(pool);
    const loadAfterIngest = loadAvg();
    const ingestDisk = await diskBytes(pool);
    const bytesPerPoint = perPoint(ingestDisk);
    log(`on disk per point: ${JSON.stringify(bytesPerPoint)}`);

    // ---- the database's limit: raw COPY of the same rows into the same, emptied table
    await pool.query(`TRUNCATE "MetricPoint", "MetricRollup"`);
    const copyRuns = await Promise.all(
      Array.from({ length: INGEST_CLIENTS }, (_, i) => mkRun(`copy-${i}`)),
    );
    const copyClients = await Promise.all(
      copyRuns.map(async () => {
        const c = new pg.Client({ connectionString: dbUrl });
        await c.connect();
        return c;
      }),
    );
    const COPY_SQL = `COPY "MetricPoint" ("runId", key, step, value) FROM STDIN`;
    const copyBatch = (runId: string, c: number, b: number) =>
      copyText(batch(c, b).map((p) => [runId, p.key, p.step, p.value]));
    await copyFrom(copyClients[0], COPY_SQL, copyBatch(copyRuns[0].id, 0, 999)); // warm-up, as above
    const c0 = performance.now();
    await Promise.all(
      copyRuns.map(async (run, c) => {
        for (let b = 0; b < INGEST_BATCHES_PER_CLIENT; b++)
          await copyFrom(copyClients[c], COPY_SQL, copyBatch(run.id, c, b));
      }),
    );
    const copySec = (performance.now() - c0) / 1000;
    await Promise.all(copyClients.map((c) => c.end()));
    const copyPointsPerSec = Math.round(
      (INGEST_CLIENTS * INGEST_BATCHES_PER_CLIENT * INGEST_BATCH) / copySec,
    );
    const apiOverCopy = +(ingestPointsPerSec / copyPointsPerSec).toFixed(3);
    const copyBytesPerPoint = perPoint(await diskBytes(pool));
    log(`COPY: ${copyPointsPerSec} points/s; API ÷ COPY = ${apiOverCopy}; on disk per point ${JSON.stringify(copyBytesPerPoint)}`);
    const loadAfterCopy = loadAvg();
    const cp3 = await checkpoints(pool);

    // ---- subscription latency
    const subRun = await mkRun("subscribed");
    const sent = new Map<number, number>();
    const latencies: number[] = [];
    const clients: Client[] = [];
    let ready = 0;
    await new Promise<void>((resolve, reject) => {
      for (let i = 0; i < SUBSCRIBERS; i++) {
        const client = createClient({
          url: server.wsUrl,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          retryAttempts: 0,
        });
        clients.push(client);
        client.on("connected", () => {
          if (++ready === SUBSCRIBERS) resolve();
        });
        client.subscribe<{ metricsAppended: { points: { step: number }[] } }>(
          {
            query: `subscription($r: ID!) { metricsAppended(runId: $r, keys: ["loss"]) { points { step } } }`,
            variables: { r: subRun.id },
          },
          {
            next: (v) => {
              const step = v.data?.metricsAppended.points[0]?.step;
              const at = step === undefined ? undefined : sent.get(step);
              if (at !== undefined) latencies.push(performance.now() - at);
            },
            error: reject,
            complete: () => {},
          },
        );
      }
    });
    await new Promise((r) => setTimeout(r, 500)); // subscriptions registered
    for (let e = 0; e < SUB_EVENTS; e++) {
      sent.set(e, performance.now());
      await post(server.url, token, LOG, {
        runId: subRun.id,
        points: Array.from({ length: 10 }, (_, i) => ({
          key: i === 0 ? "loss" : `k${i}`,
          step: e,
          value: e,
        })),
      });
      await new Promise((r) => setTimeout(r, 25));
    }
    const deadline = Date.now() + 5000;
    while (latencies.length < SUBSCRIBERS * SUB_EVENTS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    latencies.sort((a, b) => a - b);
    const delivered = latencies.length;
    const subscriptionP50Ms = +percentile(latencies, 50).toFixed(1);
    const subscriptionP99Ms = +percentile(latencies, 99).toFixed(1);
    log(
      `subscriptions: ${delivered}/${SUBSCRIBERS * SUB_EVENTS} delivered, p50 ${subscriptionP50Ms} ms, p99 ${subscriptionP99Ms} ms`,
    );
    await Promise.all(clients.map((c) => c.dispose()));
    const cp4 = await checkpoints(pool);

    // ---- compare query: 50 runs × 5 keys × 10,000 points, loaded with SQL (not the measure)
    const cmpRuns = await Promise.all(Array.from({ length: COMPARE_RUNS }, (_, i) => mkRun(`compare-${i}`)));
    const keys = ["train/loss", "val/loss", "val/accuracy", "lr", "grad-norm"];
    await pool.query(
      `INSERT INTO "MetricPoint" ("runId", key, step, value)
       SELECT r.id, k.key, s.step, sin(s.step / 500.0 + k.i) + random() * 0.1
       FROM unnest($1::uuid[]) AS r(id) CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS k(key, i) CROSS JOIN generate_series(0, $3 - 1) AS s(step)`,
      [cmpRuns.map((r) => r.id), keys, COMPARE_POINTS],
    );
    // Bulk-loaded rows bypass logMetrics: build their rollups as ingest would have.
    await rebuildRollups(
      pool,
      cmpRuns.map((r) => r.id),
    );
    await pool.query(`VACUUM ANALYZE "MetricPoint"`);
    await pool.query(`VACUUM ANALYZE "MetricRollup"`);
    await pool.end();
    const q = `query($ids: [ID!]!, $keys: [String!]!) { metricSeries(runIds: $ids, keys: $keys, maxPoints: 1000) { runId key steps values totalPoints } }`;
    const vars = { ids: cmpRuns.map((r) => r.id), keys };
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const s = performance.now();
      await post(server.url, token, q, vars);
      if (i > 0) times.push(performance.now() - s); // first run warms caches
    }
    times.sort((a, b) => a - b);
    const compareQueryMs = Math.round(percentile(times, 50));
    log(
      `metricSeries ${COMPARE_RUNS}×${COMPARE_KEYS}×${COMPARE_POINTS} → 1000: median ${compareQueryMs} ms (min ${Math.round(times[0])}, max ${Math.round(times.at(-1)!)})`,
    );

    await server.close();
    await prisma.$disconnect();

    const result = {
      ingestPointsPerSec,
      ingestObjectsPointsPerSec,
      /** CPU ms per batch of 1,000 points in each ingest phase: the API process, every Postgres process, this bench's clients; wallMs = wall time ÷ batches. */
      ingestCpuMsPerBatch: cpuPerBatch,
      copyPointsPerSec,
      apiOverCopy,
      bytesPerPoint,
      copyBytesPerPoint,
      subscriptionP99Ms,
      subscriptionP50Ms,
      compareQueryMs,
      targets: { ingestPointsPerSec: 100_000, apiOverCopy: 0.5, subscriptionP99Ms: 50, compareQueryMs: 300 },
      setup: {
        apiProcess: "separate process (apps/api/src/main.ts), clients in the benchmark process",
        ingest: {
          clients: INGEST_CLIENTS,
          batchSize: INGEST_BATCH,
          batchesPerClient: INGEST_BATCHES_PER_CLIENT,
          order: "logMetrics (objects), table truncated, logMetricColumns (columns), then COPY",
          copyBaseline: "8 raw pg connections, one COPY FROM STDIN (text) per batch of 1,000, fresh runs, table truncated first",
        },
        subscriptions: { subscribers: SUBSCRIBERS, events: SUB_EVENTS, pointsPerEvent: 10, delivered },
        compare: {
          runs: COMPARE_RUNS,
          keys: COMPARE_KEYS,
          pointsPerSeries: COMPARE_POINTS,
          maxPoints: 1000,
          samples: times.length,
        },
      },
      machine: {
        ...machine(),
        // Other work shares this machine: the 1/5/15-minute load averages around the measures.
        loadAvg: { before: loadBefore, afterIngest: loadAfterIngest, afterCopy: loadAfterCopy, after: loadAvg() },
        checkpointsDuring: {
          ingestObjects: cp1 !== null && cp0 !== null ? cp1 - cp0 : null,
          ingestColumns: cp2 !== null && cp1 !== null ? cp2 - cp1 : null,
          copy: cp3 !== null && cp2 !== null ? cp3 - cp2 : null,
          subscriptions: cp4 !== null && cp3 !== null ? cp4 - cp3 : null,
        },
      },
      date: new Date().toISOString(),
    };
    log(`wrote ${writeResult("api", result)}`);
  } finally {
    await dropDatabase(dbUrl).catch(() => {});
    await pgServer.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
