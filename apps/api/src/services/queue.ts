/**
 * Workers and the Postgres job queue. Claims lock one row with `FOR UPDATE SKIP LOCKED` inside a
 * transaction, so concurrent workers never get the same job; a lease that expires makes the job
 * claimable again, every claim counts an attempt, and a job out of attempts fails for good.
 * The queue operations take ids already checked to belong to the caller's team (./access.ts).
 *
 * A worker is bound to the token that registered it (`Worker.tokenId`): only that token may act
 * for the worker (`loadOwnWorker`) and log to a run whose job the worker holds or finished
 * (`loadRunForWorkerWrite`), so one WORKER token of a team cannot report for another's worker.
 */
import type { PoolClient } from "pg";
import type { Job, JobStatus, JobType, RunKind, Worker } from "@loffta/db";
import { canonicalSplit, resolveRunConfig, RunConfigError, SPLITS, type RunConfig } from "@loffta/graphql/domain";
import type { Viewer } from "../auth";
import { badInput, conflict, forbidden, isUuid, notFound, type FieldError } from "../errors";
import type { CacheResultInput, JobResultInput, RegisterWorkerInput, RunResultInput } from "../generated/resolvers";
import { jobsOfTeamSql, loadWorker, runsOfTeamSql, teamScope, type TeamOf } from "./access";
import { withTx, type Db } from "./db";
import { diffConfigs, jsonEqual } from "./configdiff";

export const DEFAULT_LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 300;
/** A worker is online while its last heartbeat is at most this old (`Worker.online`'s default, `loffta_workers_online`). */
export const ONLINE_WITHIN_SECONDS = 30;

/** Whether `w` heartbeated within the last `withinSeconds`. */
export function isOnline(w: Pick<Worker, "lastHeartbeatAt">, withinSeconds = ONLINE_WITHIN_SECONDS, now = Date.now()): boolean {
  return now - w.lastHeartbeatAt.getTime() <= withinSeconds * 1000;
}

/** The team's workers online now (isOnline, counted by Postgres). */
export async function countOnlineWorkers(db: Db, teamId: string): Promise<number> {
  const r = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Worker" WHERE "teamId" = $1::uuid AND "lastHeartbeatAt" >= now() - make_interval(secs => $2::int)`,
    [teamId, ONLINE_WITHIN_SECONDS],
  );
  return r.rows[0]?.n ?? 0;
}

/** The team's jobs per type and status, in one GROUP BY (pairs with no job are left out). */
export async function countJobs(db: Db, teamId: string): Promise<{ type: JobType; status: JobStatus; n: number }[]> {
  const r = await db.pool.query<{ type: JobType; status: JobStatus; n: number }>(
    `SELECT type, status, count(*)::int AS n FROM "Job" WHERE ${jobsOfTeamSql(null, "$1")} GROUP BY type, status`,
    [teamId],
  );
  return r.rows;
}

export function listWorkers(db: Db, viewer: TeamOf): Promise<Worker[]> {
  return db.prisma.worker.findMany({ where: teamScope.worker(viewer), orderBy: { name: "asc" } });
}

/**
 * Register (or refresh, by name) a worker of the viewer's team and bind it to the viewer's token;
 * `name` already checked. An existing worker bound to another token is taken over only when that
 * token is no longer active (revoked, expired, deleted) or the caller is ADMIN (who could revoke
 * it anyway); else FORBIDDEN. One statement, so two tokens racing for a name cannot both win.
 */
export async function registerWorker(db: Db, viewer: Viewer, input: RegisterWorkerInput & { name: string }): Promise<Worker> {
  const memoryBytes = input.memoryBytes == null ? null : BigInt(Math.round(input.memoryBytes)).toString();
  const r = await db.pool.query<{ id: string }>(
    `INSERT INTO "Worker" (id, "teamId", name, host, backend, device, "memoryBytes", "lastHeartbeatAt", "tokenId", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5, $6::bigint, now(), $7::uuid, now(), now())
     ON CONFLICT ("teamId", name) DO UPDATE
       SET host = EXCLUDED.host, backend = EXCLUDED.backend, device = EXCLUDED.device, "memoryBytes" = EXCLUDED."memoryBytes",
           "lastHeartbeatAt" = now(), "tokenId" = EXCLUDED."tokenId", "updatedAt" = now()
       WHERE $8::boolean OR "Worker"."tokenId" IS NULL OR "Worker"."tokenId" = EXCLUDED."tokenId"
          OR NOT EXISTS (SELECT 1 FROM "ApiToken" t WHERE t.id = "Worker"."tokenId" AND t."revokedAt" IS NULL
                         AND (t."expiresAt" IS NULL OR t."expiresAt" > now()))
     RETURNING id`,
    [viewer.teamId, input.name, input.host, input.backend, input.device, memoryBytes, viewer.tokenId, viewer.scopes.includes("ADMIN")],
  );
  const id = r.rows[0]?.id;
  if (!id) {
    const bound = await db.prisma.worker.findUnique({ where: { teamId_name: { teamId: viewer.teamId, name: input.name } }, include: { token: true } });
    throw forbidden(
      `worker ${input.name} is bound to another active token${bound?.token ? ` (${bound.token.prefix}…)` : ""}: only that token may register it again ` +
        "(revoke it first, register with an ADMIN token, or choose another name)",
    );
  }
  return db.prisma.worker.findUniqueOrThrow({ where: { id } });
}

/** FORBIDDEN unless `viewer`'s token is the one worker `w` is bound to (`what`: the refused act, for the message). */
export function checkWorkerToken(w: Pick<Worker, "name" | "tokenId">, viewer: Pick<Viewer, "tokenId">, what = "act for it"): void {
  if (w.tokenId === viewer.tokenId) return;
  throw forbidden(
    w.tokenId === null
      ? `worker ${w.name} is bound to no token (registered before workers were bound to their tokens): register it again with its token to ${what}`
      : `worker ${w.name} is bound to another token: only the token that registered it may ${what}`,
  );
}

/** A worker of the viewer's team (else NOT_FOUND) bound to the viewer's token (else FORBIDDEN). */
export async function loadOwnWorker(db: Db, viewer: Viewer, id: string): Promise<Worker> {
  const w = await loadWorker(db, viewer, id);
  checkWorkerToken(w, viewer);
  return w;
}

/** Public prefix of the token a worker is bound to, or null. */
export async function workerTokenPrefix(db: Db, tokenId: string | null): Promise<string | null> {
  if (!tokenId) return null;
  const t = await db.prisma.apiToken.findUnique({ where: { id: tokenId }, select: { prefix: true } });
  return t?.prefix ?? null;
}

/**
 * A run's status for a worker's write on the hot path (logMetrics, appendRunLogs), in one indexed
 * query on the pool: NOT_FOUND for another team's run; FORBIDDEN when the run's latest job is
 * held (or was finished) by a worker bound to another token than the viewer's. A run whose job
 * waits in the queue (never claimed, or re-queued after a failure) takes writes of any WORKER token.
 */
export async function loadRunForWorkerWrite(db: Db, viewer: Viewer, id: string): Promise<{ id: string; status: string }> {
  const r = isUuid(id)
    ? await db.pool.query<{ id: string; status: string; holder: string | null; holderName: string | null; holderTokenId: string | null }>(
        `SELECT r.id, r.status, j."leaseOwner" AS holder, w.name AS "holderName", w."tokenId" AS "holderTokenId"
           FROM "Run" r
           LEFT JOIN LATERAL (SELECT "leaseOwner" FROM "Job" WHERE "runId" = r.id ORDER BY "createdAt" DESC LIMIT 1) j ON true
           LEFT JOIN "Worker" w ON w.id = j."leaseOwner"
          WHERE r.id = $1 AND ${runsOfTeamSql("r", "$2")}`,
        [id, viewer.teamId],
      )
    : null;
  const row = r?.rows[0];
  if (!row) throw notFound("run", id);
  if (row.holder) checkWorkerToken({ name: row.holderName ?? row.holder, tokenId: row.holderTokenId }, viewer, `write to run ${row.id}, whose job it holds or finished`);
  return { id: row.id, status: row.status };
}

/** The worker of an already-scoped job or heartbeat, or null. */
export function getWorker(db: Db, id: string | null): Promise<Worker | null> | null {
  return id ? db.prisma.worker.findUnique({ where: { id } }) : null;
}

/** Jobs a worker holds now. */
export function workerJobs(db: Db, workerId: string): Promise<Job[]> {
  return db.prisma.job.findMany({ where: { leaseOwner: workerId, status: "RUNNING" } });
}

export function listJobs(
  db: Db,
  viewer: TeamOf,
  filter: { statuses?: JobStatus[] | null; type?: JobType | null; runId?: string | null } | null | undefined,
  take: number,
  after?: Pick<Job, "id" | "createdAt"> | null,
): Promise<Job[]> {
  if (filter?.runId && !isUuid(filter.runId)) return Promise.resolve([]);
  return db.prisma.job.findMany({
    where: {
      ...teamScope.job(viewer),
      ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}),
      ...(filter?.type ? { type: filter.type } : {}),
      ...(filter?.runId ? { runId: filter.runId } : {}),
      // Keyset page: after the given job in (createdAt, id) descending order.
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** A job by id after an operation on it (it exists: jobs are never deleted while leased). */
export async function getJob(db: Db, id: string): Promise<Job> {
  const j = await db.prisma.job.findUnique({ where: { id } });
  if (!j) throw notFound("job", id);
  return j;
}

/** Side effects of a job state change that subscribers must hear about. */
export interface Touched {
  runIds: string[];
  cacheIds: string[];
}

interface JobRow {
  id: string;
  type: JobType;
  status: string;
  runId: string | null;
  cacheId: string | null;
  leaseOwner: string | null;
  attempts: number;
  maxAttempts: number;
}

/** Fail jobs whose lease expired after their last attempt (and their run / cache). */
async function failExhausted(c: PoolClient, teamId: string, touched: Touched): Promise<void> {
  const dead = await c.query<JobRow>(
    `UPDATE "Job" SET status = 'FAILED', "lastError" = 'lease expired after the last attempt (' || attempts || '/' || "maxAttempts" || ')',
            "leaseExpiresAt" = NULL, "updatedAt" = now()
     WHERE ${jobsOfTeamSql(null, "$1")} AND status = 'RUNNING' AND "leaseExpiresAt" < now() AND attempts >= "maxAttempts"
     RETURNING id, type, "runId", "cacheId"`,
    [teamId],
  );
  for (const j of dead.rows) await failTarget(c, j, "lease expired after the last attempt", touched);
}

/** Mark a job's run or cache FAILED (and, for a cache, the runs waiting on it). */
export async function failTarget(
  c: PoolClient,
  j: Pick<JobRow, "type" | "runId" | "cacheId">,
  error: string,
  touched: Touched,
): Promise<void> {
  if (j.type === "TRAIN" && j.runId) {
    await c.query(
      `UPDATE "Run" SET status = 'FAILED', error = $2, "endedAt" = now(), "updatedAt" = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [j.runId, error],
    );
    touched.runIds.push(j.runId);
  } else if (j.type === "EXTRACT" && j.cacheId) {
    await c.query(
      `UPDATE "FeatureCache" SET status = 'FAILED', error = $2, "updatedAt" = now() WHERE id = $1`,
      [j.cacheId, error],
    );
    touched.cacheIds.push(j.cacheId);
    const waiting = await c.query<{ runId: string }>(
      `UPDATE "Job" SET status = 'FAILED', "lastError" = 'feature cache failed', "updatedAt" = now()
       WHERE "cacheId" = $1 AND type = 'TRAIN' AND status = 'QUEUED' RETURNING "runId"`,
      [j.cacheId],
    );
    for (const w of waiting.rows) {
      await c.query(
        `UPDATE "Run" SET status = 'FAILED', error = $2, "endedAt" = now(), "updatedAt" = now() WHERE id = $1 AND status = 'QUEUED'`,
        [w.runId, `feature cache failed: ${error}`],
      );
      touched.runIds.push(w.runId);
    }
  }
}

/**
 * Lease the next claimable job of the team for `workerId`, or null. Claimable: QUEUED and
 * available, or RUNNING with an expired lease and attempts left; a TRAIN job waits for a READY
 * cache. Highest priority, then oldest, first.
 */
export async function claimJob(
  db: Db,
  teamId: string,
  workerId: string,
  types: JobType[],
  leaseSeconds: number,
): Promise<{ jobId: string | null; touched: Touched }> {
  const touched: Touched = { runIds: [], cacheIds: [] };
  const jobId = await withTx(db.pool, async (c) => {
    await failExhausted(c, teamId, touched);
    const r = await c.query<JobRow>(
      `SELECT j.id, j.type, j."runId", j."cacheId" FROM "Job" j
       WHERE ${jobsOfTeamSql("j", "$1")} AND j.type = ANY($2::"JobType"[])
         AND ((j.status = 'QUEUED' AND j."availableAt" <= now())
              OR (j.status = 'RUNNING' AND j."leaseExpiresAt" < now() AND j.attempts < j."maxAttempts"))
         AND (j.type <> 'TRAIN' OR j."cacheId" IS NULL
              OR EXISTS (SELECT 1 FROM "FeatureCache" fc WHERE fc.id = j."cacheId" AND fc.status = 'READY'))
       ORDER BY j.priority DESC, j."availableAt", j."createdAt"
       LIMIT 1
       FOR UPDATE OF j SKIP LOCKED`,
      [teamId, types],
    );
    const job = r.rows[0];
    if (!job) return null;
    await c.query(
      `UPDATE "Job" SET status = 'RUNNING', attempts = attempts + 1, "leaseOwner" = $2, "leaseSeconds" = $3::int,
              "leaseExpiresAt" = now() + make_interval(secs => $3::int), "updatedAt" = now()
       WHERE id = $1`,
      [job.id, workerId, leaseSeconds],
    );
    if (job.type === "TRAIN" && job.runId) {
      await c.query(
        `UPDATE "Run" SET status = 'RUNNING', "startedAt" = COALESCE("startedAt", now()), "updatedAt" = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
        [job.runId],
      );
      touched.runIds.push(job.runId);
    } else if (job.type === "EXTRACT" && job.cacheId) {
      await c.query(
        `UPDATE "FeatureCache" SET status = 'EXTRACTING', "updatedAt" = now() WHERE id = $1 AND status IN ('PENDING', 'EXTRACTING')`,
        [job.cacheId],
      );
      touched.cacheIds.push(job.cacheId);
    }
    return job.id;
  });
  return { jobId, touched };
}

export interface HeartbeatOutcome {
  workerId: string;
  cancelledJobIds: string[];
}

/** Mark the worker alive; renew its running leases; list its jobs cancelled meanwhile. */
export async function heartbeat(db: Db, workerId: string): Promise<HeartbeatOutcome> {
  return withTx(db.pool, async (c) => {
    // Jobs before the worker row: reportProgress / completeJob lock the job first, then touch the
    // worker; the same order here keeps concurrent calls of one worker from deadlocking.
    await c.query(
      `UPDATE "Job" SET "leaseExpiresAt" = GREATEST("leaseExpiresAt", now() + make_interval(secs => "leaseSeconds")), "updatedAt" = now()
       WHERE "leaseOwner" = $1 AND status = 'RUNNING'`,
      [workerId],
    );
    await c.query(`UPDATE "Worker" SET "lastHeartbeatAt" = now(), "updatedAt" = now() WHERE id = $1`, [
      workerId,
    ]);
    const cancelled = await c.query<{ id: string }>(
      `SELECT id FROM "Job" WHERE "leaseOwner" = $1 AND status = 'CANCELLED' AND "leaseExpiresAt" > now()`,
      [workerId],
    );
    return { workerId, cancelledJobIds: cancelled.rows.map((r) => r.id) };
  });
}

/** Lock a job the worker must hold; CONFLICT when the lease is lost. Cancelled jobs are returned as such. */
async function lockOwned(c: PoolClient, jobId: string, workerId: string): Promise<JobRow> {
  const r = await c.query<JobRow>(
    `SELECT id, type, status, "runId", "cacheId", "leaseOwner", attempts, "maxAttempts" FROM "Job" WHERE id = $1 FOR UPDATE`,
    [jobId],
  );
  const j = r.rows[0];
  if (!j) throw conflict(`job ${jobId} does not exist`);
  if (j.leaseOwner !== workerId) throw conflict(`worker ${workerId} does not hold the lease of job ${jobId}`);
  if (j.status !== "RUNNING" && j.status !== "CANCELLED")
    throw conflict(`job ${jobId} is ${j.status}, not RUNNING`);
  return j;
}

export interface ProgressOutcome {
  jobId: string;
  cancelled: boolean;
}

export async function reportProgress(
  db: Db,
  jobId: string,
  workerId: string,
  done: number,
  total: number,
): Promise<ProgressOutcome & { touched: Touched }> {
  const touched: Touched = { runIds: [], cacheIds: [] };
  return withTx(db.pool, async (c) => {
    const j = await lockOwned(c, jobId, workerId);
    if (j.status === "CANCELLED") return { jobId, cancelled: true, touched };
    await c.query(
      `UPDATE "Job" SET "leaseExpiresAt" = GREATEST("leaseExpiresAt", now() + make_interval(secs => "leaseSeconds")), "updatedAt" = now() WHERE id = $1`,
      [jobId],
    );
    await c.query(`UPDATE "Worker" SET "lastHeartbeatAt" = now() WHERE id = $1`, [workerId]);
    if (j.type === "EXTRACT" && j.cacheId) {
      await c.query(
        `UPDATE "FeatureCache" SET "progressDone" = $2, "progressTotal" = $3, status = 'EXTRACTING', "updatedAt" = now() WHERE id = $1`,
        [j.cacheId, done, total],
      );
      touched.cacheIds.push(j.cacheId);
    } else if (j.runId) {
      touched.runIds.push(j.runId);
    }
    return { jobId, cancelled: false, touched };
  });
}

const SHA256 = /^[0-9a-f]{64}$/i;

/** Everything wrong with an EXTRACT result (paths `result.cache.<field>`); the split counts as an object. */
export function validateCacheResult(r: CacheResultInput): { fields: FieldError[]; splitCounts: Record<string, number> } {
  const fields: FieldError[] = [];
  const rgb = (k: "mean" | "std", positive: boolean) => {
    const v = r[k];
    if (v == null) return;
    if (v.length !== 3 || v.some((x) => !Number.isFinite(x) || (positive && !(x > 0))))
      fields.push({ path: `result.cache.${k}`, message: positive ? "needs 3 positive values" : "needs 3 finite values" });
  };
  rgb("mean", false);
  rgb("std", true);
  if (r.weightsSha256 != null && !SHA256.test(r.weightsSha256)) fields.push({ path: "result.cache.weightsSha256", message: "must be 64 hex digits" });
  const splitCounts: Record<string, number> = {};
  (r.splitCounts ?? []).forEach((s, i) => {
    const split = canonicalSplit(s.split);
    if (!split || split !== s.split) fields.push({ path: `result.cache.splitCounts.${i}.split`, message: `must be one of ${SPLITS.join(", ")}` });
    else if (split in splitCounts) fields.push({ path: `result.cache.splitCounts.${i}.split`, message: `${split} is given twice` });
    else if (!Number.isInteger(s.count) || s.count < 0) fields.push({ path: `result.cache.splitCounts.${i}.count`, message: "must be ≥ 0" });
    else splitCounts[split] = s.count;
  });
  const nonNegative = (k: "extractSeconds" | "extractPeakMemoryBytes") => {
    const v = r[k];
    if (v != null && !(Number.isFinite(v) && v >= 0)) fields.push({ path: `result.cache.${k}`, message: "must be a finite number ≥ 0" });
  };
  nonNegative("extractSeconds");
  nonNegative("extractPeakMemoryBytes");
  if (r.extractDevice != null && (r.extractDevice.trim().length < 1 || r.extractDevice.length > MAX_TRAINED_ON_LENGTH))
    fields.push({ path: "result.cache.extractDevice", message: `must be 1–${MAX_TRAINED_ON_LENGTH} characters` });
  if (r.datasetContentHash != null && !SHA256.test(r.datasetContentHash)) fields.push({ path: "result.cache.datasetContentHash", message: "must be 64 hex digits" });
  if ((r.skipped?.length ?? 0) > 1000) fields.push({ path: "result.cache.skipped", message: "at most 1000 entries" });
  else
    r.skipped?.forEach((s, i) => {
      if (s.path.length < 1 || s.path.length > 1000) fields.push({ path: `result.cache.skipped.${i}.path`, message: "must be 1–1000 characters" });
      if (s.reason.length > 1000) fields.push({ path: `result.cache.skipped.${i}.reason`, message: "at most 1000 characters" });
    });
  return { fields, splitCounts };
}

function failFields(what: string, fields: FieldError[]): never {
  throw badInput(`invalid ${what}: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, fields);
}

/**
 * The config a worker reports it applied: it must be a resolved config of the run's kind
 * (resolving it changes nothing), so what is stored as the run's config is what ran.
 */
export function checkAppliedConfig(kind: RunKind, config: unknown): RunConfig {
  let resolved: RunConfig;
  try {
    resolved = resolveRunConfig(kind, config);
  } catch (e) {
    if (!(e instanceof RunConfigError)) throw e;
    failFields("result.run.config", e.issues.map((i) => ({ path: i.path ? `result.run.config.${i.path}` : "result.run.config", message: i.message })));
  }
  const json = JSON.parse(JSON.stringify(resolved)) as unknown;
  if (!jsonEqual(json, config)) {
    const paths = diffConfigs([json, config]).map((d) => d.path);
    failFields(
      "result.run.config",
      (paths.length ? paths : [""]).slice(0, 20).map((p) => ({
        path: p ? `result.run.config.${p}` : "result.run.config",
        message: `is not what a ${kind} run applies (the config must resolve to itself: resolveRunConfig)`,
      })),
    );
  }
  return resolved;
}

/** Store (or refresh) a fine-tuning calibration of the run's cache's model; its id, or null. */
async function saveCalibration(c: PoolClient, runId: string, r: RunResultInput): Promise<string | null> {
  if (r.calibration) {
    const k = r.calibration;
    const res = await c.query<{ id: string }>(
      `INSERT INTO "Calibration" (id, "modelId", resolution, "batchSize", device, "imagesPerSec", "peakMemoryBytes", steps, "updatedAt")
       SELECT gen_random_uuid(), fc."modelId", $2, $3, $4, $5, $6, $7, now()
         FROM "Run" r JOIN "FeatureCache" fc ON fc.id = r."cacheId" WHERE r.id = $1
       ON CONFLICT ("modelId", resolution, "batchSize", device) DO UPDATE
         SET "imagesPerSec" = EXCLUDED."imagesPerSec", "peakMemoryBytes" = EXCLUDED."peakMemoryBytes", steps = EXCLUDED.steps, "updatedAt" = now()
       RETURNING id`,
      [runId, k.resolution, k.batchSize, k.device, k.imagesPerSec, Math.round(k.peakMemoryBytes), k.steps],
    );
    return res.rows[0]?.id ?? null;
  }
  if (r.calibrationId && isUuid(r.calibrationId)) {
    // Only a calibration of the same model as the run's cache (so of the same team).
    const res = await c.query<{ id: string }>(
      `SELECT k.id FROM "Calibration" k JOIN "FeatureCache" fc ON fc."modelId" = k."modelId" JOIN "Run" r ON r."cacheId" = fc.id
        WHERE r.id = $1 AND k.id = $2`,
      [runId, r.calibrationId],
    );
    return res.rows[0]?.id ?? null;
  }
  return null;
}

/** What a run result reports about where and with what it trained (Run fields of the same names). */
export const TRAINED_ON_FIELDS = [
  "host",
  "backend",
  "device",
  "lofftaVersion",
  "gitCommit",
  "tfjsVersion",
  "tfjsNodeVersion",
  "tensorflowVersion",
  "nodeVersion",
] as const;
type TrainedOnField = (typeof TRAINED_ON_FIELDS)[number];

/** Longest host, backend, device or version a run result may report. */
export const MAX_TRAINED_ON_LENGTH = 200;

/**
 * Where and with what a run trained, as its result reports it (`result.run.host` / `backend` / `device` and the
 * provenance versions of TRAINED_ON_FIELDS):
 * trimmed, null when not reported; BAD_USER_INPUT when empty or longer than 200 characters.
 */
export function trainedOn(r: RunResultInput): Record<TrainedOnField, string | null> {
  const fields: FieldError[] = [];
  const read = (k: TrainedOnField): string | null => {
    const v = r[k];
    if (v == null) return null;
    const t = v.trim();
    if (!t || t.length > MAX_TRAINED_ON_LENGTH)
      fields.push({ path: `result.run.${k}`, message: `must be 1–${MAX_TRAINED_ON_LENGTH} characters` });
    return t;
  };
  const out = Object.fromEntries(TRAINED_ON_FIELDS.map((k) => [k, read(k)])) as Record<TrainedOnField, string | null>;
  if (fields.length) failFields("run result", fields);
  return out;
}

/** Finish a leased job with its results; CONFLICT when the job was cancelled or the lease lost. */
export async function completeJob(
  db: Db,
  jobId: string,
  workerId: string,
  result: JobResultInput,
): Promise<Touched> {
  const touched: Touched = { runIds: [], cacheIds: [] };
  await withTx(db.pool, async (c) => {
    const j = await lockOwned(c, jobId, workerId);
    if (j.status === "CANCELLED") throw conflict(`job ${jobId} was cancelled`);
    if (j.type === "EXTRACT" && j.cacheId) {
      const r = result.cache;
      if (!r) throw conflict("an EXTRACT job completes with result.cache");
      const { fields, splitCounts } = validateCacheResult(r);
      if (fields.length) failFields("cache result", fields);
      touched.cacheIds.push(j.cacheId);
      // The weights the extraction read: the model's sha256 when it has none yet; another sha256
      // means the file under the model's weightsUri changed, and the cache would not be of this model.
      const m = await c.query<{ id: string; name: string; weightsSha256: string | null }>(
        `SELECT m.id, m.name, m."weightsSha256" FROM "FeatureCache" fc JOIN "FoundationModel" m ON m.id = fc."modelId" WHERE fc.id = $1 FOR UPDATE OF m`,
        [j.cacheId],
      );
      const model = m.rows[0];
      const sha = r.weightsSha256?.toLowerCase() ?? null;
      if (model && sha) {
        if (model.weightsSha256 === null) {
          await c.query(`UPDATE "FoundationModel" SET "weightsSha256" = $2, "updatedAt" = now() WHERE id = $1`, [model.id, sha]);
        } else if (model.weightsSha256.toLowerCase() !== sha) {
          const error = `the weights changed under foundation model ${model.name}: it is registered with sha256 ${model.weightsSha256.toLowerCase()}, the extraction read ${sha} (register the new weights as a new model)`;
          await c.query(
            `UPDATE "Job" SET status = 'FAILED', "leaseExpiresAt" = NULL, "lastError" = $2, "updatedAt" = now() WHERE id = $1`,
            [jobId, error],
          );
          await failTarget(c, j, error, touched);
          return;
        }
      }
      await c.query(
        `UPDATE "FeatureCache" SET status = 'READY', "gridH" = $2, "gridW" = $3, dim = $4, dtype = COALESCE($5, dtype), bytes = $6, "shardCount" = $7,
                "imagesPerSec" = $8, "storageUri" = $9, "manifestSha256" = $10, "skippedCount" = COALESCE($11, 0),
                mean = $12::float8[], std = $13::float8[], "weightsSha256" = $14, "splitCounts" = $15::jsonb,
                "progressDone" = GREATEST("progressDone", "progressTotal"), error = NULL,
                "extractSeconds" = $16, "extractPeakMemoryBytes" = $17, "extractDevice" = $18, "datasetContentHash" = $19, skipped = $20::jsonb,
                "updatedAt" = now()
         WHERE id = $1`,
        [
          j.cacheId,
          r.gridH,
          r.gridW,
          r.dim,
          r.dtype ?? null,
          Math.round(r.bytes),
          r.shardCount,
          r.imagesPerSec ?? null,
          r.storageUri,
          r.manifestSha256 ?? null,
          r.skippedCount ?? null,
          r.mean ?? [],
          r.std ?? [],
          sha,
          JSON.stringify(splitCounts),
          r.extractSeconds ?? null,
          r.extractPeakMemoryBytes == null ? null : Math.round(r.extractPeakMemoryBytes),
          r.extractDevice?.trim() ?? null,
          r.datasetContentHash?.toLowerCase() ?? null,
          JSON.stringify((r.skipped ?? []).map((s) => ({ path: s.path, reason: s.reason }))),
        ],
      );
    } else if (j.type === "TRAIN" && j.runId) {
      const r = result.run;
      if (!r) throw conflict("a TRAIN job completes with result.run");
      // The config the worker applied becomes the run's (and its seed the run's seed: Run.seed is config.seed).
      let applied: RunConfig | null = null;
      if (r.config !== undefined && r.config !== null) {
        const run = await c.query<{ kind: RunKind }>(`SELECT kind FROM "Run" WHERE id = $1`, [j.runId]);
        if (run.rows[0]) applied = checkAppliedConfig(run.rows[0].kind, r.config);
      }
      if (r.imagesSeen != null && r.imagesSeen < 0) failFields("run result", [{ path: "result.run.imagesSeen", message: "must be ≥ 0" }]);
      const where = trainedOn(r);
      const calibrationId = await saveCalibration(c, j.runId, r);
      // Where it trained: the worker holding the lease now (lockOwned checked it) and what it reported.
      await c.query(
        `UPDATE "Run" SET status = 'SUCCEEDED', "finalMetrics" = $2, "trainImagesPerSec" = $3, "peakMemoryBytes" = $4, "wallTimeSec" = $5,
                "calibrationId" = COALESCE($6, "calibrationId"), config = COALESCE($7::jsonb, config), seed = COALESCE($8, seed),
                "trainedById" = $9, host = $10, backend = $11, device = $12, "lofftaVersion" = $13, "gitCommit" = $14,
                "tfjsVersion" = $15, "tfjsNodeVersion" = $16, "tensorflowVersion" = $17, "nodeVersion" = $18,
                "imagesSeen" = $19, "endedAt" = now(), error = NULL, "updatedAt" = now()
         WHERE id = $1`,
        [
          j.runId,
          JSON.stringify(r.finalMetrics),
          r.trainImagesPerSec ?? null,
          r.peakMemoryBytes == null ? null : Math.round(r.peakMemoryBytes),
          r.wallTimeSec ?? null,
          calibrationId,
          applied && JSON.stringify(applied),
          applied?.seed ?? null,
          workerId,
          where.host,
          where.backend,
          where.device,
          where.lofftaVersion,
          where.gitCommit,
          where.tfjsVersion,
          where.tfjsNodeVersion,
          where.tensorflowVersion,
          where.nodeVersion,
          r.imagesSeen ?? null,
        ],
      );
      touched.runIds.push(j.runId);
    }
    await c.query(
      `UPDATE "Job" SET status = 'SUCCEEDED', "leaseExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = now() WHERE id = $1`,
      [jobId],
    );
  });
  return touched;
}

/** A failure report: retried with exponential back-off while attempts remain, else FAILED. */
export async function failJob(
  db: Db,
  jobId: string,
  workerId: string,
  error: string,
  retryable: boolean,
): Promise<Touched> {
  const touched: Touched = { runIds: [], cacheIds: [] };
  await withTx(db.pool, async (c) => {
    const j = await lockOwned(c, jobId, workerId);
    if (j.status === "CANCELLED") return;
    if (retryable && j.attempts < j.maxAttempts) {
      const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** j.attempts);
      await c.query(
        `UPDATE "Job" SET status = 'QUEUED', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "lastError" = $2,
                "availableAt" = now() + make_interval(secs => $3), "updatedAt" = now() WHERE id = $1`,
        [jobId, error, backoff],
      );
      if (j.type === "TRAIN" && j.runId) {
        await c.query(
          `UPDATE "Run" SET status = 'QUEUED', "updatedAt" = now() WHERE id = $1 AND status = 'RUNNING'`,
          [j.runId],
        );
        touched.runIds.push(j.runId);
      }
      return;
    }
    await c.query(
      `UPDATE "Job" SET status = 'FAILED', "leaseExpiresAt" = NULL, "lastError" = $2, "updatedAt" = now() WHERE id = $1`,
      [jobId, error],
    );
    await failTarget(c, j, error, touched);
  });
  return touched;
}

/** Cancel a run's queued and running jobs (running ones keep their owner, who learns it on its next call). */
export async function cancelRunJobs(db: Db, runId: string): Promise<void> {
  await db.pool.query(
    `UPDATE "Job" SET status = 'CANCELLED', "updatedAt" = now() WHERE "runId" = $1 AND status IN ('QUEUED', 'RUNNING')`,
    [runId],
  );
}
