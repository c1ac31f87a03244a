/**
 * wandb client benchmark (not a test): `npm run bench:wandb`.
 * Boots the API in-process on a fresh database (DATABASE_URL's server if set, else the local
 * Postgres at 127.0.0.1:5432, else an embedded one) and runs the real wandb client
 * (tests/wandb/py/train.py: 5 numeric metrics per step) for $LOFFTA_BENCH_WANDB_STEPS steps
 * (default 100,000), online against Loffta and, for reference, offline (the client's own cost).
 * Measures end-to-end points/s (script start to exit, every point stored) and checks every point
 * arrived exactly once. Writes bench/results/wandb.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrisma, dropDatabase, ensureDbExists, generateToken, migrateDeploy, withDatabase } from "@loffta/db";
import { benchPostgres } from "./pg-server";
import { startApiServer } from "../apps/api/src/server";
import { wandbKeyFor } from "../apps/api/src/wandb/mapping";
import { ensureWandbClient, runClient, TRAIN_SCRIPT } from "../tests/wandb/harness";

const STEPS = Number(process.env.LOFFTA_BENCH_WANDB_STEPS ?? 100_000);
const METRICS = 5; // loss, acc, lr, train/grad_norm, ok (tests/wandb/py/train.py)
const log = (m: string) => console.log(`[bench:wandb] ${m}`);

async function main(): Promise<void> {
  const installMode = ensureWandbClient();
  const server = await benchPostgres(log);
  const dbUrl = withDatabase(server.url, `loffta_bench_wandb_${randomBytes(4).toString("hex")}`);
  await ensureDbExists(dbUrl);
  await migrateDeploy(dbUrl);
  const prisma = createPrisma(dbUrl);
  const api = await startApiServer({ databaseUrl: dbUrl, log: () => {} });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-bench-wandb-"));
  try {
    const team = await prisma.team.create({ data: { name: "Bench", slug: "bench" } });
    const t = generateToken();
    await prisma.apiToken.create({ data: { teamId: team.id, name: "bench", prefix: t.prefix, hash: t.hash, scopes: ["MEMBER"] } });
    const target = { baseUrl: api.url.replace(/\/graphql$/, "/wandb"), key: wandbKeyFor(t.secret), dir, installMode };
    const env = { STEPS: String(STEPS), PROJECT: "bench", BATCH: String(Math.max(1000, STEPS / 10)) };

    const timingsOf = (mode: string) => path.join(dir, `timings-${mode}.json`);
    const readTimings = (mode: string) =>
      JSON.parse(fs.readFileSync(timingsOf(mode), "utf8")) as { calls: number; meanUs: number; p50Us: number; p99Us: number; maxUs: number; finishSeconds: number };
    const loadBefore = os.loadavg();
    log(`offline reference: ${STEPS} steps × ${METRICS} metrics`);
    let t0 = performance.now();
    const offline = await runClient(target, TRAIN_SCRIPT, { ...env, WANDB_MODE: "offline", TIMINGS: timingsOf("offline") }, { timeoutMs: 1_800_000 }).done;
    const offlineSec = (performance.now() - t0) / 1000;
    if (offline.code !== 0) throw new Error(`offline run failed:\n${offline.output.slice(-3000)}`);

    log(`online against Loffta: ${STEPS} steps × ${METRICS} metrics`);
    t0 = performance.now();
    const online = await runClient(target, TRAIN_SCRIPT, { ...env, TIMINGS: timingsOf("online") }, { timeoutMs: 1_800_000 }).done;
    const onlineSec = (performance.now() - t0) / 1000;
    if (online.code !== 0) throw new Error(`online run failed:\n${online.output.slice(-3000)}`);

    const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
    const r = await pool.query<{ n: string; distinct_steps: string }>(
      `SELECT count(*)::text AS n, count(DISTINCT (key, step))::text AS distinct_steps FROM "MetricPoint" m JOIN "Run" r ON r.id = m."runId" WHERE r.kind = 'EXTERNAL' AND key NOT LIKE 'system/%'`,
    );
    await pool.end();
    const stored = Number(r.rows[0].n);
    const expected = STEPS * METRICS;
    if (stored !== expected || Number(r.rows[0].distinct_steps) !== expected) throw new Error(`stored ${stored} points (${r.rows[0].distinct_steps} distinct), expected ${expected}`);

    const [on, off] = [readTimings("online"), readTimings("offline")];
    const round = (x: number) => Number(x.toFixed(1));
    const result = {
      measuredAt: new Date().toISOString(),
      client: "wandb 0.30.0 (" + installMode + " install)",
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", loadavgBefore: loadBefore.map(round), loadavgAfter: os.loadavg().map(round) },
      cpus: os.cpus().length,
      steps: STEPS,
      metricsPerStep: METRICS,
      points: expected,
      offlineSeconds: Number(offlineSec.toFixed(2)),
      onlineSeconds: Number(onlineSec.toFixed(2)),
      endToEndPointsPerSec: Math.round(expected / onlineSec),
      offlinePointsPerSec: Math.round(expected / offlineSec),
      // The training loop's cost of wandb.log, per call, online against Loffta vs offline (the
      // client alone): what a script pays for logging into Loffta is the difference.
      logCallUs: {
        online: { mean: round(on.meanUs), p50: round(on.p50Us), p99: round(on.p99Us), max: round(on.maxUs) },
        offline: { mean: round(off.meanUs), p50: round(off.p50Us), p99: round(off.p99Us), max: round(off.maxUs) },
        p99OnlineOverOffline: Number((on.p99Us / off.p99Us).toFixed(2)),
      },
      finishSeconds: { online: round(on.finishSeconds), offline: round(off.finishSeconds) },
      note: "end to end: script start to exit, every point stored in Loffta exactly once (checked); offline: the client alone, nothing sent; logCallUs: time of each wandb.log call in the script (perf_counter), microseconds",
    };
    log(JSON.stringify(result));
    const out = path.resolve(__dirname, "results/wandb.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${out}`);
  } finally {
    await api.close();
    await prisma.$disconnect();
    await dropDatabase(dbUrl);
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
