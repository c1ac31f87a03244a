import { JobType, type Worker } from "@loffta/db";
import type { Resolvers } from "../generated/resolvers";
import type { Context } from "../context";
import { requireScope, requireViewer } from "../auth";
import { badField, notFound } from "../errors";
import { cancelJob, retryJob } from "../services/jobs";
import { findJob, loadJob } from "../services/access";
import { getCache } from "../services/caches";
import * as queue from "../services/queue";
import { getRun, runRefs } from "../services/runs";
import { publishCache, publishRun, publishWorker, topics } from "../events";
import { mapIterator } from "../pubsub";
import { bigToNumber } from "./common";

const ALL_TYPES = Object.values(JobType);

/** Tell subscribers about runs and caches a queue operation changed. */
async function announce(ctx: Context, touched: queue.Touched): Promise<void> {
  if (touched.runIds.length) for (const r of await runRefs(ctx, touched.runIds)) publishRun(ctx.pubsub, r);
  for (const id of new Set(touched.cacheIds)) publishCache(ctx.pubsub, id);
}

export const workerResolvers: Resolvers = {
  Query: {
    workers: (_p, _a, ctx) => queue.listWorkers(ctx, requireViewer(ctx)),
    jobs: async (_p, { filter, first, after }, ctx) => {
      const v = requireViewer(ctx);
      const take = first ?? 50;
      if (take < 1 || take > 200) throw badField("first", "must be between 1 and 200");
      const last = after ? await findJob(ctx, v, after) : null;
      if (after && !last) throw badField("after", `job ${after} is not a job of the team`);
      return queue.listJobs(ctx, v, filter, take, last);
    },
    job: (_p, { id }, ctx) => findJob(ctx, requireViewer(ctx), id),
  },
  Mutation: {
    registerWorker: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const name = input.name.trim();
      if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
      const w = await queue.registerWorker(ctx, v, { ...input, name });
      publishWorker(ctx.pubsub, w);
      return w;
    },
    heartbeat: async (_p, { workerId }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const w = await queue.loadOwnWorker(ctx, v, workerId);
      const out = await queue.heartbeat(ctx, w.id);
      publishWorker(ctx.pubsub, w);
      return out;
    },
    claimJob: async (_p, { workerId, types, leaseSeconds }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const lease = leaseSeconds ?? queue.DEFAULT_LEASE_SECONDS;
      if (lease < 5 || lease > 3600) throw badField("leaseSeconds", "must be between 5 and 3600");
      const w = await queue.loadOwnWorker(ctx, v, workerId);
      const { jobId, touched } = await queue.claimJob(ctx, v.teamId, w.id, types?.length ? types : ALL_TYPES, lease);
      await announce(ctx, touched);
      return jobId ? queue.getJob(ctx, jobId) : null;
    },
    reportProgress: async (_p, { jobId, workerId, done, total }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      if (done < 0 || total < 0) throw badField("done", "done and total must be ≥ 0");
      const [job, w] = await Promise.all([loadJob(ctx, v, jobId), queue.loadOwnWorker(ctx, v, workerId)]);
      const r = await queue.reportProgress(ctx, job.id, w.id, done, total);
      await announce(ctx, r.touched);
      return { jobId: r.jobId, cancelled: r.cancelled };
    },
    completeJob: async (_p, { jobId, workerId, result }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const [job, w] = await Promise.all([loadJob(ctx, v, jobId), queue.loadOwnWorker(ctx, v, workerId)]);
      const fm = result.run?.finalMetrics;
      if (result.run && (typeof fm !== "object" || fm === null || Array.isArray(fm))) throw badField("result.run.finalMetrics", "must be a JSON object");
      await announce(ctx, await queue.completeJob(ctx, job.id, w.id, result));
      return queue.getJob(ctx, job.id);
    },
    failJob: async (_p, { jobId, workerId, error, retryable }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const [job, w] = await Promise.all([loadJob(ctx, v, jobId), queue.loadOwnWorker(ctx, v, workerId)]);
      await announce(ctx, await queue.failJob(ctx, job.id, w.id, error.slice(0, 10_000), retryable ?? true));
      return queue.getJob(ctx, job.id);
    },
    cancelJob: async (_p, { id }, ctx) => {
      const { job, touched } = await cancelJob(ctx, requireScope(ctx, "MEMBER"), id);
      await announce(ctx, touched);
      return job;
    },
    retryJob: async (_p, { id }, ctx) => {
      const { job, touched } = await retryJob(ctx, requireScope(ctx, "MEMBER"), id);
      await announce(ctx, touched);
      return job;
    },
  },
  Subscription: {
    workerStatus: {
      subscribe: (_p, _a, ctx) => {
        const v = requireViewer(ctx);
        return mapIterator(ctx.pubsub.subscribe<Worker>(topics.workers(v.teamId)), (w) => ({ workerStatus: w }));
      },
    },
  },
  Worker: {
    memoryBytes: (w) => bigToNumber(w.memoryBytes),
    tokenPrefix: (w, _a, ctx) => queue.workerTokenPrefix(ctx, w.tokenId),
    online: (w, { withinSeconds }) => queue.isOnline(w, withinSeconds ?? queue.ONLINE_WITHIN_SECONDS),
    currentJobs: (w, _a, ctx) => queue.workerJobs(ctx, w.id),
  },
  Job: {
    worker: (j, _a, ctx) => queue.getWorker(ctx, j.leaseOwner),
    run: (j, _a, ctx) => getRun(ctx, j.runId),
    cache: (j, _a, ctx) => getCache(ctx, j.cacheId),
  },
  HeartbeatResult: {
    worker: async (h, _a, ctx) => {
      const w = await queue.getWorker(ctx, h.workerId);
      if (!w) throw notFound("worker", h.workerId);
      return w;
    },
  },
  ProgressResult: {
    job: (p, _a, ctx) => queue.getJob(ctx, p.jobId),
  },
};
