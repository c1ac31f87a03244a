import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { badInput, isUniqueViolation, isUuid, notFound } from "../errors";
import { loadCache, loadDataset, loadModel } from "../services/access";
import { publishCache } from "../events";
import { mapIterator } from "../pubsub";
import { topics } from "../events";
import type { FeatureCache } from "@loffta/db";
import { bigToNumber } from "./common";

export const cacheResolvers: Resolvers = {
  Query: {
    featureCaches: (_p, { filter }, ctx) => {
      const v = requireViewer(ctx);
      return ctx.prisma.featureCache.findMany({
        where: {
          dataset: { teamId: v.teamId },
          ...(filter?.datasetId && isUuid(filter.datasetId) ? { datasetId: filter.datasetId } : {}),
          ...(filter?.modelId && isUuid(filter.modelId) ? { modelId: filter.modelId } : {}),
          ...(filter?.status ? { status: filter.status } : {}),
        },
        include: { _count: { select: { runs: true } } },
        orderBy: { createdAt: "desc" },
      });
    },
    featureCache: async (_p, { id }, ctx) => {
      const v = requireViewer(ctx);
      return isUuid(id) ? ctx.prisma.featureCache.findFirst({ where: { id, dataset: { teamId: v.teamId } } }) : null;
    },
  },
  Mutation: {
    requestFeatureCache: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const [dataset, model] = await Promise.all([loadDataset(ctx, v, input.datasetId), loadModel(ctx, v, input.modelId)]);
      const pooling = input.pooling ?? 1;
      const layer = input.layer ?? -1;
      const fields: { path: string; message: string }[] = [];
      if (input.resolution < 16 || input.resolution > 4096) fields.push({ path: "input.resolution", message: "must be between 16 and 4096" });
      else if (input.resolution % model.patchSize !== 0) fields.push({ path: "input.resolution", message: `must be a multiple of the model's patch size ${model.patchSize}` });
      if (pooling < 1 || pooling > 16) fields.push({ path: "input.pooling", message: "must be between 1 and 16" });
      if (layer < -1 || layer >= model.depth) fields.push({ path: "input.layer", message: `must be -1 or a block index below ${model.depth}` });
      if (fields.length) throw badInput(`invalid cache request: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, fields);
      const key = { datasetId: dataset.id, modelId: model.id, resolution: input.resolution, pooling, layer };
      const enqueue = (cacheId: string) => ({ type: "EXTRACT" as const, teamId: v.teamId, payload: { cacheId }, cacheId });
      const existing = await ctx.prisma.featureCache.findUnique({ where: { datasetId_modelId_resolution_pooling_layer: key } });
      if (existing) {
        if (existing.status !== "FAILED") return existing;
        // A failed cache is retried on request.
        const retried = await ctx.prisma.$transaction(async (tx) => {
          const c = await tx.featureCache.update({ where: { id: existing.id }, data: { status: "PENDING", error: null, progressDone: 0 } });
          await tx.job.create({ data: enqueue(c.id) });
          return c;
        });
        publishCache(ctx.pubsub, retried.id);
        return retried;
      }
      try {
        const created = await ctx.prisma.$transaction(async (tx) => {
          const c = await tx.featureCache.create({ data: key });
          await tx.job.create({ data: enqueue(c.id) });
          return c;
        });
        publishCache(ctx.pubsub, created.id);
        return created;
      } catch (e) {
        // A concurrent identical request won the race: return its cache.
        if (!isUniqueViolation(e)) throw e;
        const c = await ctx.prisma.featureCache.findUnique({ where: { datasetId_modelId_resolution_pooling_layer: key } });
        if (!c) throw e;
        return c;
      }
    },
  },
  Subscription: {
    featureCacheProgress: {
      subscribe: async (_p, { id }, ctx) => {
        const v = requireViewer(ctx);
        await loadCache(ctx, v, id);
        return mapIterator(ctx.pubsub.subscribe<FeatureCache>(topics.cache(id)), (c) => ({ featureCacheProgress: c }));
      },
    },
  },
  FeatureCache: {
    dataset: async (c, _a, ctx) => {
      const d = await ctx.prisma.dataset.findUnique({ where: { id: c.datasetId } });
      if (!d) throw notFound("dataset", c.datasetId);
      return d;
    },
    model: async (c, _a, ctx) => {
      const m = await ctx.prisma.foundationModel.findUnique({ where: { id: c.modelId } });
      if (!m) throw notFound("foundation model", c.modelId);
      return m;
    },
    progress: (c) => (c.progressTotal > 0 ? Math.min(1, c.progressDone / c.progressTotal) : c.status === "READY" ? 1 : null),
    bytes: (c) => bigToNumber(c.bytes),
    runCount: (c, _a, ctx) => {
      const counted = (c as FeatureCache & { _count?: { runs: number } })._count;
      return counted ? counted.runs : ctx.prisma.run.count({ where: { cacheId: c.id } });
    },
  },
};
