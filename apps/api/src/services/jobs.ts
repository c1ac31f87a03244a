/**
 * The queue page's operations on jobs (issue #17): cancel a QUEUED or RUNNING job, retry a
 * FAILED or CANCELLED one. A TRAIN job acts through its run (cancelRun / retryRun in ./runs.ts);
 * an EXTRACT job through its cache. Jobs are loaded team-scoped (./access.ts): another team's job
 * is NOT_FOUND.
 */
import type { Job } from "@loffta/db";
import type { Viewer } from "../auth";
import { conflict } from "../errors";
import { loadJob } from "./access";
import { withTx, type Db } from "./db";
import { cancelRunJobs, failTarget, type Touched } from "./queue";
import { cancelRun, retryRun } from "./runs";

/** What the cancelled EXTRACT job's cache (and the runs waiting on it) fail with. */
export const EXTRACTION_CANCELLED = "extraction cancelled";

/** Cancel a QUEUED or RUNNING job; CONFLICT when it is finished. */
export async function cancelJob(db: Db, viewer: Pick<Viewer, "teamId">, id: string): Promise<{ job: Job; touched: Touched }> {
  const job = await loadJob(db, viewer, id);
  const touched: Touched = { runIds: [], cacheIds: [] };
  if (job.status !== "QUEUED" && job.status !== "RUNNING") throw conflict(`job ${job.id} is ${job.status}: only QUEUED or RUNNING jobs are cancelled`);
  if (job.type === "TRAIN" && job.runId) {
    const run = await db.prisma.run.findUnique({ where: { id: job.runId }, select: { status: true } });
    // The run's cancellation cancels its jobs; a job left live under a finished run is cancelled alone.
    if (run && (run.status === "QUEUED" || run.status === "RUNNING")) await cancelRun(db, viewer, job.runId);
    else await cancelRunJobs(db, job.runId);
    touched.runIds.push(job.runId);
  } else {
    await withTx(db.pool, async (c) => {
      const r = await c.query<{ id: string }>(
        `UPDATE "Job" SET status = 'CANCELLED', "lastError" = $2, "updatedAt" = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
        [job.id, EXTRACTION_CANCELLED],
      );
      if (!r.rows[0]) throw conflict(`job ${job.id} finished meanwhile`);
      await failTarget(c, job, EXTRACTION_CANCELLED, touched);
    });
  }
  return { job: await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } }), touched };
}

/**
 * Retry a FAILED or CANCELLED job; returns the new QUEUED job. TRAIN: `retryRun` of its run (a
 * new run). EXTRACT: its FAILED cache back to PENDING with a new EXTRACT job.
 */
export async function retryJob(db: Db, viewer: Pick<Viewer, "teamId" | "userId">, id: string): Promise<{ job: Job; touched: Touched }> {
  const job = await loadJob(db, viewer, id);
  if (job.status !== "FAILED" && job.status !== "CANCELLED") throw conflict(`job ${job.id} is ${job.status}: only FAILED or CANCELLED jobs are retried`);
  if (job.type === "TRAIN") {
    if (!job.runId) throw conflict(`job ${job.id} has no run any more`);
    const run = await retryRun(db, viewer, job.runId);
    const next = await db.prisma.job.findFirstOrThrow({ where: { runId: run.id }, orderBy: { createdAt: "desc" } });
    return { job: next, touched: { runIds: [run.id], cacheIds: [] } };
  }
  const cacheId = job.cacheId;
  if (!cacheId) throw conflict(`job ${job.id} has no feature cache any more`);
  const next = await db.prisma.$transaction(async (tx) => {
    const n = await tx.featureCache.updateMany({ where: { id: cacheId, status: "FAILED" }, data: { status: "PENDING", error: null, progressDone: 0 } });
    if (n.count !== 1) throw conflict(`the feature cache of job ${job.id} is not FAILED (already retried, or extracted): nothing to retry`);
    return tx.job.create({ data: { type: "EXTRACT", teamId: viewer.teamId, payload: { cacheId }, cacheId } });
  });
  return { job: next, touched: { runIds: [], cacheIds: [cacheId] } };
}
