/**
 * Job dispatch benchmark (not a test): `npm run bench:dispatch`.
 * Boots the API in its own process on a fresh database (bench/pg-server.ts: DATABASE_URL's server,
 * else the local Postgres at 127.0.0.1:5432, else an embedded one), then for 1, 5 and 20 polling
 * workers: enqueues BENCH_DISPATCH_JOBS (default 2,000) TRAIN jobs through `launchRun` (runs on a
 * READY feature cache, so every job is claimable at once), and lets the workers drain the queue
 * as the real worker does (apps/worker/src/service/worker.ts): its ApiClient and its generated
 * operations (ClaimJob, CompleteJob, a Heartbeat every 5 s), each worker with its own WORKER
 * token, a poll interval of 1 s after an empty claim. A job is completed as soon as it is claimed
 * (no work): what is measured is dispatch, the claim → complete round trips through the API.
 * Figures per worker count: claim latency (claims that got a job; p50/p95/p99), complete latency,
 * jobs/s end to end (first claim to last completion) and the enqueue rate. The per-token rate
 * limit is off (LOFFTA_RATE_LIMIT_PER_SEC=0): one dummy worker sends far more than a real one
 * and would measure the limiter. Writes bench/results/dispatch.json.
 */
import { randomBytes } from "node:crypto";
import { createPrisma, dropDatabase, ensureDbExists, generateToken, migrateDeploy, withDatabase } from "@loffta/db";
import { ApiClient } from "../apps/worker/src/service/api-client";
import { ClaimJobDocument, CompleteJobDocument, HeartbeatDocument, RegisterWorkerDocument, type JobType } from "../apps/worker/src/generated/graphql";
import { startApiProcess } from "./api-process";
import { loadAvg, machine, ownCpuSeconds, processCpuSeconds, writeResult } from "./machine";
import { benchPostgres } from "./pg-server";

const JOBS = Number(process.env.BENCH_DISPATCH_JOBS ?? 2_000);
const WORKER_COUNTS = (process.env.BENCH_DISPATCH_WORKERS ?? "1,5,20").split(",").map(Number);
const ENQUEUE_CLIENTS = 4;
/** As the worker's defaults (apps/worker/src/service/worker.ts). */
const POLL_MS = 1000;
const HEARTBEAT_MS = 5000;
const LEASE_SECONDS = 60;
const TYPES: JobType[] = ["EXTRACT", "TRAIN"];
const API_ENV = { LOFFTA_RATE_LIMIT_PER_SEC: "0" };

const log = (m: string) => console.log(`[bench:dispatch] ${m}`);

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50 / p95 / p99 / mean of a list of milliseconds, to 0.1 ms. */
function summary(ms: number[]): { p50: number; p95: number; p99: number; mean: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => +x.toFixed(1);
  return { p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), mean: r(s.reduce((a, b) => a + b, 0) / s.length), n: s.length };
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

interface Phase {
  workers: number;
  jobs: number;
  enqueueJobsPerSec: number;
  jobsPerSec: number;
  wallSec: number;
  claimMs: ReturnType<typeof summary>;
  completeMs: ReturnType<typeof summary>;
  emptyClaims: number;
  /** CPU per dispatched job (claim + complete + heartbeats), ms: the API process, the benchmark's clients. */
  cpuMsPerJob: { api: number | null; clients: number };
  /** The API process's CPU ÷ wall time during the drain (1 = one core busy all the time). */
  apiCpuShare: number | null;
  loadAvgAfter: number[];
}

async function main(): Promise<void> {
  const loadBefore = loadAvg();
  log(`load average ${loadBefore.join(" ")}`);
  const pgServer = await benchPostgres(log);
  const dbUrl = withDatabase(pgServer.url, `loffta_bench_${randomBytes(4).toString("hex")}`);
  await ensureDbExists(dbUrl);
  try {
    log(`migrating ${new URL(dbUrl).pathname.slice(1)}`);
    await migrateDeploy(dbUrl);
    const prisma = createPrisma(dbUrl);
    const team = await prisma.team.create({ data: { name: "bench", slug: "bench" } });
    const project = await prisma.project.create({ data: { teamId: team.id, name: "bench" } });
    const token = async (name: string, scopes: ("ADMIN" | "WORKER")[]) => {
      const t = generateToken();
      await prisma.apiToken.create({ data: { teamId: team.id, name, prefix: t.prefix, hash: t.hash, scopes } });
      return t.secret;
    };
    const admin = await token("bench-admin", ["ADMIN"]);
    const maxWorkers = Math.max(...WORKER_COUNTS);
    const workerTokens = await Promise.all(Array.from({ length: maxWorkers }, (_, i) => token(`bench-worker-${i}`, ["WORKER"])));
    // A READY cache: a TRAIN job on it is claimable as soon as it is queued.
    const dataset = await prisma.dataset.create({
      data: { teamId: team.id, name: "bench", rootUri: "/data/bench", layout: "IMAGE_FOLDER", classNames: ["a", "b"], splitCounts: { train: 8, val: 2 }, status: "READY" },
    });
    const model = await prisma.foundationModel.create({
      data: { teamId: team.id, name: "bench", family: "DINOV2", patchSize: 14, embedDim: 384, depth: 12, heads: 6, defaultImageSize: 224, mean: [], std: [], weightsUri: "/w/bench" },
    });
    const cache = await prisma.featureCache.create({ data: { datasetId: dataset.id, modelId: model.id, resolution: 224, layer: 12, status: "READY" } });

    const server = await startApiProcess(dbUrl, API_ENV);
    log(`server at ${server.url}`);
    const clients = workerTokens.map((t) => new ApiClient(server.url, t));
    const workerIds = await Promise.all(
      clients.map(async (api, i) => (await api.request(RegisterWorkerDocument, { input: { name: `bench-${i}`, host: "bench", backend: "none", device: "none" } })).registerWorker.id),
    );

    const phases: Phase[] = [];
    let launched = 0;
    for (const n of WORKER_COUNTS) {
      // ---- enqueue: launchRun, ENQUEUE_CLIENTS at a time
      const e0 = performance.now();
      await Promise.all(
        Array.from({ length: ENQUEUE_CLIENTS }, async (_, c) => {
          for (let i = c; i < JOBS; i += ENQUEUE_CLIENTS)
            await post(server.url, admin, LAUNCH, { input: { projectId: project.id, name: `d${n}-${i}`, kind: "UNFROZEN_LINEAR", config: { epochs: 1 }, cacheId: cache.id } });
        }),
      );
      launched += JOBS;
      const enqueueJobsPerSec = Math.round(JOBS / ((performance.now() - e0) / 1000));

      // ---- drain: n polling workers
      const claimMs: number[] = [];
      const completeMs: number[] = [];
      let emptyClaims = 0;
      let completed = 0;
      let lastDone = 0;
      const stop = new AbortController();
      const apiCpu0 = processCpuSeconds(server.pid);
      const ownCpu0 = ownCpuSeconds();
      const t0 = performance.now();
      await Promise.all(
        clients.slice(0, n).map(async (api, i) => {
          const workerId = workerIds[i];
          const beat = setInterval(() => void api.request(HeartbeatDocument, { workerId }).catch(() => {}), HEARTBEAT_MS);
          try {
            while (!stop.signal.aborted) {
              const c0 = performance.now();
              const job = (await api.request(ClaimJobDocument, { workerId, types: TYPES, leaseSeconds: LEASE_SECONDS })).claimJob;
              const c1 = performance.now();
              if (!job) {
                emptyClaims++;
                await new Promise((r) => setTimeout(r, POLL_MS));
                continue;
              }
              claimMs.push(c1 - c0);
              await api.request(CompleteJobDocument, { jobId: job.id, workerId, result: { run: { finalMetrics: { accuracy: 1 } } } });
              lastDone = performance.now();
              completeMs.push(lastDone - c1);
              if (++completed === JOBS) stop.abort();
            }
          } finally {
            clearInterval(beat);
          }
        }),
      );
      const wallSec = (lastDone - t0) / 1000;
      const apiCpu1 = processCpuSeconds(server.pid);
      const apiCpu = apiCpu0 === null || apiCpu1 === null ? null : apiCpu1 - apiCpu0;
      const drainSec = (performance.now() - t0) / 1000; // the CPU figures run to the workers' exit
      const phase: Phase = {
        workers: n,
        jobs: completed,
        enqueueJobsPerSec,
        jobsPerSec: Math.round(completed / wallSec),
        wallSec: +wallSec.toFixed(2),
        claimMs: summary(claimMs),
        completeMs: summary(completeMs),
        emptyClaims,
        cpuMsPerJob: { api: apiCpu === null ? null : +((apiCpu * 1000) / completed).toFixed(2), clients: +(((ownCpuSeconds() - ownCpu0) * 1000) / completed).toFixed(2) },
        apiCpuShare: apiCpu === null ? null : +(apiCpu / drainSec).toFixed(2),
        loadAvgAfter: loadAvg(),
      };
      phases.push(phase);
      log(
        `${n} worker(s): ${phase.jobsPerSec} jobs/s (${completed} in ${phase.wallSec} s); claim p50 ${phase.claimMs.p50} / p95 ${phase.claimMs.p95} / p99 ${phase.claimMs.p99} ms; ` +
          `complete p50 ${phase.completeMs.p50} ms; ${emptyClaims} empty claims; enqueue ${enqueueJobsPerSec} jobs/s; ` +
          `CPU/job: API ${phase.cpuMsPerJob.api} ms, clients ${phase.cpuMsPerJob.clients} ms; API CPU share ${phase.apiCpuShare}; load ${phase.loadAvgAfter.join(" ")}`,
      );
    }

    // The API's own count (GET /metrics, ADMIN token): every job launched has succeeded.
    const scrape = await (await fetch(server.url.replace(/\/graphql$/, "/metrics"), { headers: { authorization: `Bearer ${admin}` } })).text();
    const succeeded = Number(/^loffta_jobs\{kind="TRAIN",status="SUCCEEDED"\} (\d+)$/m.exec(scrape)?.[1]);
    if (succeeded !== launched) throw new Error(`/metrics counts ${succeeded} TRAIN jobs SUCCEEDED, ${launched} were launched`);
    log(`/metrics: loffta_jobs{kind="TRAIN",status="SUCCEEDED"} ${succeeded}`);

    await server.close();
    await prisma.$disconnect();
    const result = {
      jobsPerPhase: JOBS,
      phases,
      setup: {
        apiProcess: "separate process (apps/api/src/main.ts), workers in the benchmark process",
        workers: "apps/worker's ApiClient and generated ClaimJob / CompleteJob / Heartbeat operations, one WORKER token each; claimJob types [EXTRACT, TRAIN], lease 60 s",
        jobs: "TRAIN jobs of UNFROZEN_LINEAR runs launched with launchRun on a READY cache; completed right after the claim with finalMetrics only",
        pollMsAfterEmptyClaim: POLL_MS,
        heartbeatMs: HEARTBEAT_MS,
        enqueueClients: ENQUEUE_CLIENTS,
        apiEnv: API_ENV,
        apiPoolSize: "default (LOFFTA_API_POOL_SIZE 10)",
        timing: "claimMs: claimJob round trips that returned a job; jobsPerSec: jobs ÷ (first claim → last completion)",
        cpu: "cpuMsPerJob.api: the API process's user+system CPU (/proc/<pid>/stat) over the drain ÷ jobs; clients: this process's (the workers' HTTP clients); apiCpuShare: API CPU ÷ drain wall time",
      },
      machine: { ...machine(), loadAvg: { before: loadBefore, after: loadAvg() } },
      date: new Date().toISOString(),
    };
    log(`wrote ${writeResult("dispatch", result)}`);
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
