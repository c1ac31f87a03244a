import { parseRunConfig, RunConfigError } from "@loffta/graphql/run-config";
import type { Run } from "@loffta/db";
import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { badField, badInput, conflict, isUniqueViolation, isUuid, notFound } from "../errors";
import { loadCache, loadProject, loadRun } from "../services/access";
import { listRuns } from "../services/runs";
import { compareRuns } from "../services/compare";
import { cancelRunJobs } from "../services/queue";
import { publishRun, topics } from "../events";
import { mapIterator } from "../pubsub";
import { bigToNumber } from "./common";

const MAX_TAGS = 50;

function cleanTags(tags: string[] | null | undefined, path: string): string[] {
  const out = [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
  if (out.some((t) => t.length > 100)) throw badField(path, "tags are at most 100 characters");
  if (out.length > MAX_TAGS) throw badField(path, `at most ${MAX_TAGS} tags`);
  return out;
}

export const runResolvers: Resolvers = {
  Query: {
    projects: (_p, _a, ctx) =>
      ctx.prisma.project.findMany({ where: { teamId: requireViewer(ctx).teamId }, orderBy: { name: "asc" } }),
    project: (_p, { id }, ctx) => {
      const v = requireViewer(ctx);
      return isUuid(id) ? ctx.prisma.project.findFirst({ where: { id, teamId: v.teamId } }) : null;
    },
    runs: (_p, args, ctx) => listRuns(ctx.pool, ctx.prisma, requireViewer(ctx).teamId, args),
    run: (_p, { id }, ctx) => {
      const v = requireViewer(ctx);
      return isUuid(id) ? ctx.prisma.run.findFirst({ where: { id, project: { teamId: v.teamId } } }) : null;
    },
    compareRuns: (_p, { ids }, ctx) => compareRuns(ctx, requireViewer(ctx), ids),
    calibration: (_p, { modelId, resolution, batchSize, device }, ctx) => {
      const v = requireViewer(ctx);
      if (!isUuid(modelId)) return null;
      return ctx.prisma.calibration.findFirst({
        where: { modelId, resolution, batchSize, device, model: { teamId: v.teamId } },
      });
    },
  },
  Mutation: {
    createProject: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const name = input.name.trim();
      if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
      try {
        return await ctx.prisma.project.create({
          data: { teamId: v.teamId, name, description: input.description ?? null },
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict(`a project named "${name}" already exists in this team`);
        throw e;
      }
    },
    launchRun: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const project = await loadProject(ctx, v, input.projectId);
      const name = input.name.trim();
      if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
      let config;
      try {
        config = parseRunConfig(input.config);
      } catch (e) {
        if (e instanceof RunConfigError) {
          const fields = e.issues.map((i) => ({
            path: i.path ? `input.config.${i.path}` : "input.config",
            message: i.message,
          }));
          throw badInput(
            `invalid run config: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
            fields,
          );
        }
        throw e;
      }
      let cacheId: string | null = null;
      if (input.kind === "LOFF" || input.kind === "LOFF_TA") {
        if (!input.cacheId) throw badField("input.cacheId", `a ${input.kind} run needs a feature cache`);
        const cache = await loadCache(ctx, v, input.cacheId);
        if (cache.status === "FAILED")
          throw badField("input.cacheId", `feature cache ${cache.id} FAILED: request it again`);
        cacheId = cache.id;
      } else if (input.cacheId) {
        cacheId = (await loadCache(ctx, v, input.cacheId)).id;
      }
      let baselineRunId: string | null = null;
      if (input.baselineRunId) {
        const base = await loadRun(ctx, v, input.baselineRunId).catch(() => {
          throw badField("input.baselineRunId", `run ${input.baselineRunId} not found`);
        });
        if (base.kind !== "UNFROZEN_LINEAR")
          throw badField(
            "input.baselineRunId",
            `the baseline must be an UNFROZEN_LINEAR run (got ${base.kind})`,
          );
        baselineRunId = base.id;
      }
      const run = await ctx.prisma.$transaction(async (tx) => {
        const r = await tx.run.create({
          data: {
            projectId: project.id,
            name,
            kind: input.kind,
            config: config as object,
            cacheId,
            baselineRunId,
            seed: input.seed ?? 0,
            tags: cleanTags(input.tags, "input.tags"),
            notes: input.notes ?? null,
            authorId: v.userId,
          },
        });
        await tx.job.create({
          data: { type: "TRAIN", teamId: v.teamId, payload: { runId: r.id }, runId: r.id, cacheId },
        });
        return r;
      });
      publishRun(ctx.pubsub, run);
      return run;
    },
    cancelRun: async (_p, { id }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const run = await loadRun(ctx, v, id);
      if (run.status === "CANCELLED") return run;
      if (run.status !== "QUEUED" && run.status !== "RUNNING")
        throw conflict(`run ${id} already ${run.status}`);
      const updated = await ctx.prisma.run.update({
        where: { id: run.id },
        data: { status: "CANCELLED", endedAt: new Date() },
      });
      await cancelRunJobs(ctx.pool, run.id);
      publishRun(ctx.pubsub, updated);
      return updated;
    },
    tagRun: async (_p, { id, add, remove }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const run = await loadRun(ctx, v, id);
      const drop = new Set(cleanTags(remove, "remove"));
      const tags = cleanTags([...run.tags.filter((t) => !drop.has(t)), ...cleanTags(add, "add")], "add");
      const updated = await ctx.prisma.run.update({ where: { id: run.id }, data: { tags } });
      publishRun(ctx.pubsub, updated);
      return updated;
    },
    setRunNotes: async (_p, { id, notes }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const run = await loadRun(ctx, v, id);
      if (notes && notes.length > 20_000) throw badField("notes", "at most 20,000 characters");
      const updated = await ctx.prisma.run.update({ where: { id: run.id }, data: { notes: notes ?? null } });
      publishRun(ctx.pubsub, updated);
      return updated;
    },
  },
  Subscription: {
    runUpdated: {
      subscribe: async (_p, { projectId }, ctx) => {
        const v = requireViewer(ctx);
        await loadProject(ctx, v, projectId);
        return mapIterator(ctx.pubsub.subscribe<Run>(topics.runs(projectId)), (run) => ({ runUpdated: run }));
      },
    },
  },
  Project: {
    runCount: (p, _a, ctx) => ctx.prisma.run.count({ where: { projectId: p.id } }),
  },
  Run: {
    project: async (r, _a, ctx) => {
      const p = await ctx.prisma.project.findUnique({ where: { id: r.projectId } });
      if (!p) throw notFound("project", r.projectId);
      return p;
    },
    cache: (r, _a, ctx) =>
      r.cacheId ? ctx.prisma.featureCache.findUnique({ where: { id: r.cacheId } }) : null,
    baselineRun: (r, _a, ctx) =>
      r.baselineRunId ? ctx.prisma.run.findUnique({ where: { id: r.baselineRunId } }) : null,
    calibration: (r, _a, ctx) =>
      r.calibrationId ? ctx.prisma.calibration.findUnique({ where: { id: r.calibrationId } }) : null,
    author: (r, _a, ctx) => (r.authorId ? ctx.prisma.user.findUnique({ where: { id: r.authorId } }) : null),
    peakMemoryBytes: (r) => bigToNumber(r.peakMemoryBytes),
    metricKeys: async (r, _a, ctx) => {
      // Loose index scan over (runId, key, step): one probe per distinct key.
      const res = await ctx.pool.query<{ key: string }>(
        `WITH RECURSIVE k AS (
           (SELECT key FROM "MetricPoint" WHERE "runId" = $1 ORDER BY key LIMIT 1)
           UNION ALL
           SELECT (SELECT m.key FROM "MetricPoint" m WHERE m."runId" = $1 AND m.key > k.key ORDER BY m.key LIMIT 1) FROM k WHERE k.key IS NOT NULL
         ) SELECT key FROM k WHERE key IS NOT NULL`,
        [r.id],
      );
      return res.rows.map((x) => x.key);
    },
  },
  RunEfficiency: {
    run: (e) => e.run,
  },
  Calibration: {
    model: async (c, _a, ctx) => {
      const m = await ctx.prisma.foundationModel.findUnique({ where: { id: c.modelId } });
      if (!m) throw notFound("foundation model", c.modelId);
      return m;
    },
    peakMemoryBytes: (c) => Number(c.peakMemoryBytes),
    createdAt: (c) => c.createdAt.toISOString(),
  },
};
