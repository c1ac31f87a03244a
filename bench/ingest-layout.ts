/**
 * Layout experiment (not a test, not a product path): `npx tsx bench/ingest-layout.ts`.
 * The same points as bench:api's ingest (8 runs × 40 batches of 1,000 points: 5 keys × 200 steps
 * a batch, 8 concurrent connections) stored two ways in a scratch database:
 *  - rows: "MetricPoint" as migrated (one row per point, unique (runId, key, step)), raw COPY;
 *  - chunks: one row per (run, key, chunk of 1,000 steps) with int4[] steps and float8[] values,
 *    each batch appending to its chunks (INSERT … ON CONFLICT DO UPDATE SET steps = steps || …).
 * Reports ingest points/s, bytes on disk per point (after VACUUM ANALYZE, and for chunks also
 * after a rewrite, i.e. once a chunk is complete) and the time to read every point of the 40
 * series in step order (median of 5), as the series query reads raw points.
 * Writes bench/results/ingest-layout.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, ensureDbExists, migrateDeploy, withDatabase } from "@loffta/db";
import { benchPostgres } from "./pg-server";
import { copyFrom, copyText } from "./ingest-copy";

const CLIENTS = 8;
const BATCHES = 40;
const BATCH = 1_000;
const KEYS = ["loss", "acc", "lr", "grad", "f1"];
const CHUNK_STEPS = 1_000;
const log = (m: string) => console.log(`[ingest-layout] ${m}`);

const batch = (c: number, b: number) =>
  Array.from({ length: BATCH }, (_, i) => ({ key: KEYS[i % 5], step: b * 200 + Math.floor(i / 5), value: Math.sin(c + b + i) }));

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const server = await benchPostgres(log);
  const dbUrl = withDatabase(server.url, `loffta_layout_${randomBytes(4).toString("hex")}`);
  await ensureDbExists(dbUrl);
  const loadBefore = os.loadavg();
  try {
    await migrateDeploy(dbUrl);
    const pool = new pg.Pool({ connectionString: dbUrl, max: CLIENTS + 2, options: "-c jit=off" });
    pool.on("error", (e) => log(`idle connection lost: ${e.message}`));
    const team = await pool.query<{ id: string }>(`INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES (gen_random_uuid(), 'b', 'b', now()) RETURNING id`);
    const project = await pool.query<{ id: string }>(`INSERT INTO "Project" (id, "teamId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'b', now()) RETURNING id`, [team.rows[0].id]);
    const runs = (
      await pool.query<{ id: string }>(
        `INSERT INTO "Run" (id, "projectId", name, kind, config, "updatedAt") SELECT gen_random_uuid(), $1, 'r' || g, 'LOFF_TA', '{}', now() FROM generate_series(1, $2) g RETURNING id`,
        [project.rows[0].id, CLIENTS],
      )
    ).rows.map((r) => r.id);
    await pool.query(`CREATE TABLE metric_chunk ("runId" uuid NOT NULL REFERENCES "Run"(id) ON DELETE CASCADE, key text NOT NULL, chunk int NOT NULL, steps int4[] NOT NULL, vals float8[] NOT NULL, PRIMARY KEY ("runId", key, chunk))`);
    const clients = await Promise.all(runs.map(() => pool.connect()));
    const run8 = async (write: (c: pg.PoolClient, run: string, ci: number, b: number) => Promise<unknown>) =>
      Math.round(
        (CLIENTS * BATCHES * BATCH * 1000) /
          (await timed(() => Promise.all(runs.map(async (run, c) => {
            for (let b = 0; b < BATCHES; b++) await write(clients[c], run, c, b);
          })))),
      );
    const rowsPps = await run8((c, run, ci, b) => copyFrom(c, `COPY "MetricPoint" ("runId", key, step, value) FROM STDIN`, copyText(batch(ci, b).map((p) => [run, p.key, p.step, p.value]))));
    log(`rows (COPY): ${rowsPps} points/s`);
    const chunkPps = await run8((c, run, ci, b) => {
      const pts = batch(ci, b);
      return c.query(
        `INSERT INTO metric_chunk AS m ("runId", key, chunk, steps, vals)
         SELECT $1::uuid, t.key, t.step / ${CHUNK_STEPS}, array_agg(t.step ORDER BY t.step), array_agg(t.value ORDER BY t.step)
         FROM unnest($2::text[], $3::int[], $4::float8[]) AS t(key, step, value) GROUP BY 2, 3
         ORDER BY 2, 3
         ON CONFLICT ("runId", key, chunk) DO UPDATE SET steps = m.steps || EXCLUDED.steps, vals = m.vals || EXCLUDED.vals`,
        [run, pts.map((p) => p.key), pts.map((p) => p.step), pts.map((p) => p.value)],
      );
    });
    log(`chunks (append per batch): ${chunkPps} points/s`);
    for (const c of clients) c.release();
    const size = async (table: string) => {
      await pool.query(`VACUUM ANALYZE ${table}`);
      const r = await pool.query<{ t: string; i: string }>(`SELECT pg_table_size($1)::text AS t, pg_indexes_size($1)::text AS i`, [table]);
      const n = CLIENTS * BATCHES * BATCH;
      return { table: +(Number(r.rows[0].t) / n).toFixed(1), indexes: +(Number(r.rows[0].i) / n).toFixed(1), total: +((Number(r.rows[0].t) + Number(r.rows[0].i)) / n).toFixed(1) };
    };
    const rowsBytes = await size(`"MetricPoint"`);
    const chunkBytes = await size(`metric_chunk`);
    await pool.query(`VACUUM FULL metric_chunk`);
    const chunkBytesCompact = await size(`metric_chunk`);
    log(`bytes/point: rows ${JSON.stringify(rowsBytes)}, chunks ${JSON.stringify(chunkBytes)}, chunks rewritten ${JSON.stringify(chunkBytesCompact)}`);

    // Read every point of the 40 series, step order, packed as the series query packs raw points.
    const readRows = () =>
      pool.query(
        `SELECT s.run_id, k.key, a.buf FROM unnest($1::uuid[]) AS s(run_id) CROSS JOIN unnest($2::text[]) AS k(key)
         CROSS JOIN LATERAL (SELECT string_agg(int4send(x.step) || float8send(x.value), ''::bytea) AS buf
           FROM (SELECT step, value FROM "MetricPoint" m WHERE m."runId" = s.run_id AND m.key = k.key ORDER BY step) x) a`,
        [runs, KEYS],
      );
    const readChunks = () =>
      pool.query(
        `SELECT s.run_id, k.key, a.steps, a.vals FROM unnest($1::uuid[]) AS s(run_id) CROSS JOIN unnest($2::text[]) AS k(key)
         CROSS JOIN LATERAL (SELECT array_agg(u.step ORDER BY c.chunk, u.ord) AS steps, array_agg(u.value ORDER BY c.chunk, u.ord) AS vals
           FROM metric_chunk c CROSS JOIN LATERAL unnest(c.steps, c.vals) WITH ORDINALITY AS u(step, value, ord)
           WHERE c."runId" = s.run_id AND c.key = k.key) a`,
        [runs, KEYS],
      );
    // Chunks as stored: the arrays travel as they are, the client decodes them (text arrays here).
    const readChunksRaw = () => pool.query(`SELECT "runId", key, chunk, steps, vals FROM metric_chunk WHERE "runId" = ANY($1::uuid[]) AND key = ANY($2::text[]) ORDER BY 1, 2, 3`, [runs, KEYS]);
    // …or in binary (array_send), for the client to decode like the packed rows (not timed here).
    const readChunksBinary = () =>
      pool.query(`SELECT "runId", key, chunk, array_send(steps) AS steps, array_send(vals) AS vals FROM metric_chunk WHERE "runId" = ANY($1::uuid[]) AND key = ANY($2::text[]) ORDER BY 1, 2, 3`, [runs, KEYS]);
    const reads: Record<string, number> = {};
    for (const [name, fn] of [["rows", readRows], ["chunks (unnested in SQL)", readChunks], ["chunks (text arrays to the client)", readChunksRaw], ["chunks (binary arrays to the client)", readChunksBinary]] as const) {
      await fn();
      const ts: number[] = [];
      for (let i = 0; i < 5; i++) ts.push(await timed(fn));
      reads[name] = Math.round(median(ts));
      log(`read 40 series × 8,000 points, ${name}: median ${reads[name]} ms`);
    }
    await pool.end();
    const out = path.resolve(__dirname, "results/ingest-layout.json");
    fs.writeFileSync(
      out,
      `${JSON.stringify(
        {
          ingestPointsPerSec: { rowsCopy: rowsPps, chunksAppend: chunkPps },
          bytesPerPoint: { rows: rowsBytes, chunks: chunkBytes, chunksRewritten: chunkBytesCompact },
          readAllPointsMs: reads,
          setup: { clients: CLIENTS, batches: BATCHES, batch: BATCH, chunkSteps: CHUNK_STEPS, series: runs.length * KEYS.length },
          machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memGiB: Math.round(os.totalmem() / 2 ** 30), loadAvg: { before: loadBefore, after: os.loadavg() } },
          date: new Date().toISOString(),
        },
        null,
        2,
      )}\n`,
    );
    log(`wrote ${out}`);
  } finally {
    await dropDatabase(dbUrl).catch(() => {});
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
