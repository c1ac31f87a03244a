/**
 * Ingest experiment (not a test, not a product path): `npx tsx bench/ingest-variants.ts`.
 * Where Postgres spends an ingest batch: the same rows as bench:api's ingest (8 concurrent
 * connections × 40 batches of 1,000 points, 5 keys, fresh runs, table truncated before each
 * variant), written straight from this process with several statements and schema variants.
 * Prints points/s per variant (and writes bench/results/ingest-variants.json). ROUNDS=n repeats.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, ensureDbExists, migrateDeploy, withDatabase } from "@loffta/db";
import { benchPostgres } from "./pg-server";
import { copyFrom, copyText } from "./ingest-copy";
import { insertPoints, METRICS_LOCK_SPACE } from "../apps/api/src/services/metrics";
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
const writers: Record<string, Writer> = {
  copy: (c, _p, runId, pts) => copyFrom(c, `COPY "MetricPoint" ("runId", key, step, value) FROM STDIN`, copyText(pts.map((p) => [runId, p.key, p.step, p.value]))),
  unnestNoRollup: (c, _p, runId, pts) =>
    c.query(
      `INSERT INTO "MetricPoint" ("runId", key, step, value, "wallTime")
       SELECT $1::uuid, t.key, t.step, t.value, now() AT TIME ZONE 'UTC'
       FROM (SELECT pg_advisory_xact_lock(${METRICS_LOCK_SPACE}, hashtext($1::text))) AS lock,
            unnest($2::text[], $3::int[], $4::float8[]) AS t(key, step, value)
       ON CONFLICT ("runId", key, step) DO NOTHING`,
      [runId, pts.map((p) => p.key), pts.map((p) => p.step), pts.map((p) => p.value)],
    ),
  insertPoints: (_c, pool, runId, pts) => insertPoints(pool, runId, pts, walls),
  insertPointsNotify: async (c, pool, runId, pts) => {
    const r = await insertPoints(pool, runId, pts, walls);
    await c.query(`SELECT pg_notify('bench_events', $1)`, [JSON.stringify({ topic: `metrics:${runId}`, data: { runId, minId: r.minId, maxId: r.maxId } })]);
  },
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
    const schemas: [string, string | null][] = [
      ["as migrated (run checked per statement)", null],
      // What the table had before migration metric_point_lean: a foreign key checked per row.
      [
        "per-row foreign key",
        `DROP TRIGGER "MetricPoint_runId_exists" ON "MetricPoint"; ALTER TABLE "MetricPoint" ADD CONSTRAINT "MetricPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"(id) ON DELETE CASCADE`,
      ],
    ];
    for (const [schema, ddl] of schemas) {
      if (ddl) await pool.query(ddl);
      for (const [name, w] of Object.entries(writers)) {
        for (let r = 0; r < ROUNDS; r++) {
          const pps = await measure(pool, mkRuns, w);
          (results[`${schema}: ${name}`] ??= []).push(pps);
          log(`${schema}: ${name}: ${pps} points/s (load ${os.loadavg()[0].toFixed(2)})`);
        }
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
