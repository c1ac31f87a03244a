import type { Worker } from "@loffta/db";
import type { Resolvers } from "../generated/resolvers";
import type { Context } from "../context";
import { requireScope, requireViewer } from "../auth";
import { badField, isUuid, notFound } from "../errors";
import { loadJob, loadWorker } from "../services/access";
import * as queue from "../services/queue";
import { publishCache, publishRun, publishWorker, topics } from "../events";
import { mapIterator } from "../pubsub";
import { bigToNumber } from "./common";

const ALL_TYPES = ["EXTRACT", "TRAIN"] as const;

/** Tell subscribers about runs and caches a queue operation changed. */
async function announce(ctx: Context, touched: queue.Touched): Promise<void> {
  if (touched.runIds.length) {
    const runs = await ctx.prisma.run.findMany({ where: { id: { in: touched.runIds } }, select: { id: true, projectId: true } });
    for (const r of runs) publishRun(ctx.pubsub, r);
  }
  for (const id of new Set(touched.cacheIds)) publishCache(ctx.pubsub, id);
}

async function jobById(ctx: Context, id: string) {
  const j = await ctx.prisma.job.findUnique({ where: { id } });
  if (!j) throw notFound("job", id);
  return j;
}

export const workerResolvers: Resolvers = {
  Query: {
    workers: (_p, _a, ctx) => ctx.prisma.worker.findMany({ where: { teamId: requireViewer(ctx).teamId }, orderBy: { name: "asc" } }),
    jobs: (_p, { filter, first }, ctx) => {
      const v = requireViewer(ctx);
      const take = first ?? 50;
      if (take < 1 || take > 200) throw badField("first", "must be between 1 and 200");
      if (filter?.runId && !isUuid(filter.runId)) return [];
      return ctx.prisma.job.findMany({
        where: {
          teamId: v.teamId,
          ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}),
          ...(filter?.type ? { type: filter.type } : {}),
          ...(filter?.runId ? { runId: filter.runId } : {}),
        },
        orderBy: { createdAt: "desc" },
        take,
      });
    },
    job: (_p, { id }, ctx) => {
      const v = requireViewer(ctx);
      return isUuid(id) ? ctx.prisma.job.findFirst({ where: { id, teamId: v.teamId } }) : null;
    },
  },
  Mutation: {
    registerWorker: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const name = input.name.trim();
      if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
      const data = { host: input.host, backend: input.backend, device: input.device, memoryBytes: input.memoryBytes == null ? null : BigInt(Math.round(input.memoryBytes)), lastHeartbeatAt: new Date() };
      const w = await ctx.prisma.worker.upsert({ where: { teamId_name: { teamId: v.teamId, name } }, create: { teamId: v.teamId, name, ...data }, update: data });
      publishWorker(ctx.pubsub, w);
      return w;
    },
    heartbeat: async (_p, { workerId }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const w = await loadWorker(ctx, v, workerId);
      const out = await queue.heartbeat(ctx.pool, w.id);
      publishWorker(ctx.pubsub, w);
      return out;
    },
    claimJob: async (_p, { workerId, types, leaseSeconds }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const lease = leaseSeconds ?? queue.DEFAULT_LEASE_SECONDS;
      if (lease < 5 || lease > 3600) throw badField("leaseSeconds", "must be between 5 and 3600");
      const w = await loadWorker(ctx, v, workerId);
      const { jobId, touched } = await queue.claimJob(ctx.pool, v.teamId, w.id, types?.length ? types : [...ALL_TYPES], lease);
      await announce(ctx, touched);
      return jobId ? jobById(ctx, jobId) : null;
    },
    reportProgress: async (_p, { jobId, workerId, done, total }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      if (done < 0 || total < 0) throw badField("done", "done and total must be ≥ 0");
      const [job, w] = await Promise.all([loadJob(ctx, v, jobId), loadWorker(ctx, v, workerId)]);
      const r = await queue.reportProgress(ctx.pool, job.id, w.id, done, total);
      await announce(ctx, r.touched);
      return { jobId: r.jobId, cancelled: r.cancelled };
    },
    completeJob: async (_p, { jobId, workerId, result }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const [job, w] = await Promise.all([loadJob(ctx, v, jobId), loadWorker(ctx, v, workerId)]);
      const fm = result.run?.finalMetrics;
      if (result.run && (typeof fm !== "object" || fm === null || Array.isArray(fm))) throw badField("result.run.finalMetrics", "must be a JSON object");
      await announce(ctx, await queue.completeJob(ctx.pool, job.id, w.id, result));
      return jobById(ctx, job.id);
    },
    failJob: async (_p, { jobId, workerId, error, retryable }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const [job, w] = await Promise.all([loadJob(ctx, v, jobId), loadWorker(ctx, v, workerId)]);
      await announce(ctx, await queue.failJob(ctx.pool, job.id, w.id, error.slice(0, 10_000), retryable ?? true));
      return jobById(ctx, job.id);
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
    online: (w, { withinSeconds }) => Date.now() - w.lastHeartbeatAt.getTime() <= (withinSeconds ?? 30) * 1000,
    currentJobs: (w, _a, ctx) => ctx.prisma.job.findMany({ where: { leaseOwner: w.id, status: "RUNNING" } }),
  },
  Job: {
    worker: (j, _a, ctx) => (j.leaseOwner ? ctx.prisma.worker.findUnique({ where: { id: j.leaseOwner } }) : null),
    run: (j, _a, ctx) => (j.runId ? ctx.prisma.run.findUnique({ where: { id: j.runId } }) : null),
    cache: (j, _a, ctx) => (j.cacheId ? ctx.prisma.featureCache.findUnique({ where: { id: j.cacheId } }) : null),
  },
  HeartbeatResult: {
    worker: async (h, _a, ctx) => {
      const w = await ctx.prisma.worker.findUnique({ where: { id: h.workerId } });
      if (!w) throw notFound("worker", h.workerId);
      return w;
    },
  },
  ProgressResult: {
    job: (p, _a, ctx) => jobById(ctx, p.jobId),
  },
};
