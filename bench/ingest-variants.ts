/**
 * Ingest experiment (not a test, not a product path): `npx tsx bench/ingest-variants.ts`.
 * Where Postgres spends an ingest batch: the same rows as bench:api's ingest (8 concurrent
 * connections × 40 batches of 1,000 points, 5 keys, fresh runs, table truncated before each
 * variant), written straight from this process: raw COPY; insertPoints (the product's
 * statement) announcing the batch itself as storePoints sends a large batch (the product path);
 * and as it was before: alone, in a transaction, with its NOTIFY in the transaction, and with the
 * NOTIFY after the commit. Variants alternate within each round. Prints points/s per variant (and writes bench/results/ingest-variants.json). ROUNDS=n repeats.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, ensureDbExists, migrateDeploy, withDatabase } from "@loffta/db";
import { benchPostgres } from "./pg-server";
import { copyFrom, copyText } from "./ingest-copy";
import { batchOf, insertPoints } from "../apps/api/src/services/metrics";
import { metricsAnnouncement } from "../apps/api/src/events";
import type { MetricPointInput } from "../apps/api/src/generated/resolvers";

const CLIENTS = 8;
const BATCHES = 40;
const BATCH = 1_000;
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const log = (m: string) => console.log(`[ingest-variants] ${m}`);

const batch = (c: number, b: number): MetricPointInput[] =>
  Array.from({ length: BATCH }, (_, i) => ({ key: ["loss", "acc", "lr", "grad", "f1"][i % 5], step: b * 200 + Math.floor(i / 5), value: Math.sin(c + b + i) }));

type Writer = (client: pg.PoolClient, pool: pg.Pool, runId: string, points: MetricPointInput[]) => Promise<unknown>;

const walls = new Array<Date | null>(BATCH).fill(null);
const notify = (c: pg.PoolClient, runId: string, r: { minId: string; maxId: string }) =>
  c.query(`SELECT pg_notify('bench_events', $1)`, [JSON.stringify({ topic: `metrics:${runId}`, data: { runId, minId: r.minId, maxId: r.maxId } })]);
const inTx = async <T>(c: pg.PoolClient, fn: () => Promise<T>): Promise<T> => {
  await c.query("BEGIN");
  try {
    const r = await fn();
    await c.query("COMMIT");
    return r;
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
};
const writers: Record<string, Writer> = {
  copy: (c, _p, runId, pts) => copyFrom(c, `COPY "MetricPoint" ("runId", key, step, value) FROM STDIN`, copyText(pts.map((p) => [runId, p.key, p.step, p.value]))),
  // insertPoints alone (its own transaction: one statement), no announcement.
  insertPoints: (c, _p, runId, pts) => insertPoints(c, runId, batchOf(pts, walls)),
  // BEGIN; insertPoints; COMMIT — the product's round trips without the NOTIFY.
  "insertPoints in a transaction": (c, _p, runId, pts) => inTx(c, () => insertPoints(c, runId, batchOf(pts, walls))),
  // The product path for a large batch (storePoints): one autocommit statement that inserts
  // (plain INSERT: the steps increase), keeps the rollups and NOTIFYs the batch by id range.
  "insertPoints announced, all new (storePoints)": (c, _p, runId, pts) =>
    insertPoints(c, runId, batchOf(pts, walls), { announce: metricsAnnouncement("bench_events", runId), allNew: true }),
  // The product path before: BEGIN; insertPoints; pg_notify; COMMIT.
  "insertPoints + pg_notify in one transaction": (c, _p, runId, pts) =>
    inTx(c, async () => {
      const r = await insertPoints(c, runId, batchOf(pts, walls));
      await notify(c, runId, r);
    }),
  // pg_notify after the insert committed (its own transaction).
  "insertPoints, then pg_notify": async (c, _p, runId, pts) => notify(c, runId, await insertPoints(c, runId, batchOf(pts, walls))),
};

async function measure(pool: pg.Pool, mkRuns: () => Promise<string[]>, write: Writer): Promise<number> {
  await pool.query(`TRUNCATE "MetricPoint", "MetricRollup"`);
  await pool.query(`CHECKPOINT`);
  const runs = await mkRuns();
  const clients = await Promise.all(runs.map(() => pool.connect()));
  await write(clients[0], pool, runs[0], batch(0, 999));
  const t0 = performance.now();
  await Promise.all(runs.map(async (run, c) => {
    for (let b = 0; b < BATCHES; b++) await write(clients[c], pool, run, batch(c, b));
  }));
  const sec = (performance.now() - t0) / 1000;
  for (const c of clients) c.release();
  return Math.round((CLIENTS * BATCHES * BATCH) / sec);
}

async function main(): Promise<void> {
  const server = await benchPostgres(log);
  const dbUrl = withDatabase(server.url, `loffta_ingest_${randomBytes(4).toString("hex")}`);
  await ensureDbExists(dbUrl);
  const results: Record<string, number[]> = {};
  const loadBefore = os.loadavg();
  try {
    await migrateDeploy(dbUrl);
    // Room for the 8 writers, the insertPoints pool and a spare.
    const pool = new pg.Pool({ connectionString: dbUrl, max: CLIENTS * 2 + 2, options: "-c jit=off" });
    const team = await pool.query<{ id: string }>(`INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES (gen_random_uuid(), 'b', 'b', now()) RETURNING id`);
    const project = await pool.query<{ id: string }>(`INSERT INTO "Project" (id, "teamId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'b', now()) RETURNING id`, [team.rows[0].id]);
    const mkRuns = async () =>
      (
        await pool.query<{ id: string }>(
          `INSERT INTO "Run" (id, "projectId", name, kind, config, "updatedAt") SELECT gen_random_uuid(), $1, 'r' || g, 'LOFF_TA', '{}', now() FROM generate_series(1, $2) g RETURNING id`,
          [project.rows[0].id, CLIENTS],
        )
      ).rows.map((r) => r.id);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, w] of Object.entries(writers)) {
        const pps = await measure(pool, mkRuns, w);
        (results[name] ??= []).push(pps);
        log(`${name}: ${pps} points/s (load ${os.loadavg()[0].toFixed(2)})`);
      }
    }
    await pool.end();
  } finally {
    await dropDatabase(dbUrl).catch(() => {});
    await server.stop();
  }
  const out = path.resolve(__dirname, "results/ingest-variants.json");
  fs.writeFileSync(out, `${JSON.stringify({ results, setup: { clients: CLIENTS, batches: BATCHES, batch: BATCH }, loadAvg: { before: loadBefore, after: os.loadavg() }, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, date: new Date().toISOString() }, null, 2)}\n`);
  log(`wrote ${out}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
