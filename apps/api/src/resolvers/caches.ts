import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { findCache, loadCache } from "../services/access";
import { cacheRunCount, listCaches, requestCache } from "../services/caches";
import { getDataset, splitCountList } from "../services/datasets";
import { getModel } from "../services/models";
import { liveCache, publishCache } from "../events";
import { mapIterator } from "../pubsub";
import { bigToNumber } from "./common";
import { cacheEconomics, forwardPassesOf, rescanDataset } from "../services/cache-economics";
import { getRun } from "../services/runs";

export const cacheResolvers: Resolvers = {
  Query: {
    featureCaches: (_p, { filter }, ctx) => listCaches(ctx, requireViewer(ctx), filter),
    featureCache: (_p, { id }, ctx) => findCache(ctx, requireViewer(ctx), id),
  },
  Mutation: {
    requestFeatureCache: async (_p, { input }, ctx) => {
      const { cache, changed, stale } = await requestCache(ctx, requireScope(ctx, "MEMBER"), input);
      if (changed) publishCache(ctx.pubsub, cache.id);
      for (const c of stale) publishCache(ctx.pubsub, c.id);
      return cache;
    },
    rescanDataset: async (_p, { id }, ctx) => {
      const r = await rescanDataset(ctx, requireScope(ctx, "MEMBER"), id);
      for (const c of r.staleCaches) publishCache(ctx.pubsub, c.id);
      return r;
    },
  },
  Subscription: {
    featureCacheProgress: {
      subscribe: async (_p, { id }, ctx) => {
        const v = requireViewer(ctx);
        const cache = await loadCache(ctx, v, id);
        return mapIterator(liveCache(ctx, ctx.pubsub, cache), (c) => ({ featureCacheProgress: c }));
      },
    },
  },
  FeatureCache: {
    dataset: (c, _a, ctx) => getDataset(ctx, c.datasetId),
    model: (c, _a, ctx) => getModel(ctx, c.modelId),
    progress: (c) => (c.progressTotal > 0 ? Math.min(1, c.progressDone / c.progressTotal) : c.status === "READY" ? 1 : null),
    bytes: (c) => bigToNumber(c.bytes),
    mean: (c) => (c.mean?.length ? c.mean : null),
    std: (c) => (c.std?.length ? c.std : null),
    splitCounts: (c) => splitCountList(c.splitCounts),
    runCount: (c, _a, ctx) => cacheRunCount(ctx, c),
    extractPeakMemoryBytes: (c) => bigToNumber(c.extractPeakMemoryBytes),
    forwardPasses: (c) => forwardPassesOf(c),
    skipped: (c) => (Array.isArray(c.skipped) ? (c.skipped as { path: string; reason: string }[]) : []),
    stale: (c) => c.staleAt !== null,
    staleAt: (c) => c.staleAt?.toISOString() ?? null,
    economics: (c, _a, ctx) => cacheEconomics(ctx, c),
  },
  CacheBreakEven: {
    savedHours: (b) => b.savedSeconds / 3600,
  },
  CostReference: {
    run: (r, _a, ctx) => getRun(ctx, r.runId ?? null),
  },
};
