/**
 * Feature caches: one per dataset × model × resolution × pooling × layer (the layer in its
 * canonical form, `canonicalLayer`), extracted once by an EXTRACT job and reused by runs.
 */
import type { FeatureCache } from "@loffta/db";
import { GraphQLError } from "graphql";
import { CACHE_READING_KINDS, canonicalLayer, LayerError } from "@loffta/graphql/domain";
import type { Viewer } from "../auth";
import { badInput, isUniqueViolation, isUuid, type FieldError } from "../errors";
import type { CacheStatus, RequestFeatureCacheInput } from "../generated/resolvers";
import { loadDataset, loadModel, teamScope, type TeamOf } from "./access";
import type { Db } from "./db";
import { rescanDataset } from "./cache-economics";
import type { StorageContext } from "./storage";

/** Runs that reuse a cache: those that train on its tokens (image baselines only name it). */
const readingRuns = { kind: { in: CACHE_READING_KINDS } };

/** A cache as listed: with its reuse count already counted. */
type CountedCache = FeatureCache & { _count?: { runs: number } };

export function listCaches(db: Db, viewer: TeamOf, filter?: { datasetId?: string | null; modelId?: string | null; status?: CacheStatus | null } | null): Promise<FeatureCache[]> {
  return db.prisma.featureCache.findMany({
    where: {
      ...teamScope.cache(viewer),
      ...(filter?.datasetId && isUuid(filter.datasetId) ? { datasetId: filter.datasetId } : {}),
      ...(filter?.modelId && isUuid(filter.modelId) ? { modelId: filter.modelId } : {}),
      ...(filter?.status ? { status: filter.status } : {}),
    },
    include: { _count: { select: { runs: { where: readingRuns } } } },
    orderBy: { createdAt: "desc" },
  });
}

/** How many runs train on the cache's tokens (CACHE_READING_KINDS). */
export function cacheRunCount(db: Db, cache: FeatureCache): number | Promise<number> {
  const counted = (cache as CountedCache)._count;
  return counted ? counted.runs : db.prisma.run.count({ where: { cacheId: cache.id, ...readingRuns } });
}

/** The cache of an already-scoped run or job, or null. */
export function getCache(db: Db, id: string | null): Promise<FeatureCache | null> | null {
  return id ? db.prisma.featureCache.findUnique({ where: { id } }) : null;
}

export function cachesOfDataset(db: Db, datasetId: string): Promise<FeatureCache[]> {
  return db.prisma.featureCache.findMany({ where: { datasetId }, orderBy: { createdAt: "desc" } });
}

export function cachesOfModel(db: Db, modelId: string): Promise<FeatureCache[]> {
  return db.prisma.featureCache.findMany({ where: { modelId }, orderBy: { createdAt: "desc" } });
}

/**
 * The cache of a request: the existing one (a FAILED one is re-queued), else a new one with its
 * EXTRACT job. `changed`: a cache was created or re-queued (subscribers should hear of it).
 */
export async function requestCache(db: Db & StorageContext, viewer: Viewer, input: RequestFeatureCacheInput): Promise<{ cache: FeatureCache; changed: boolean; stale: FeatureCache[] }> {
  const [dataset, model] = await Promise.all([loadDataset(db, viewer, input.datasetId), loadModel(db, viewer, input.modelId)]);
  const pooling = input.pooling ?? 1;
  const fields: FieldError[] = [];
  if (input.resolution < 16 || input.resolution > 4096) fields.push({ path: "input.resolution", message: "must be between 16 and 4096" });
  else if (input.resolution % model.patchSize !== 0) fields.push({ path: "input.resolution", message: `must be a multiple of the model's patch size ${model.patchSize}` });
  if (pooling < 1 || pooling > 16) fields.push({ path: "input.pooling", message: "must be between 1 and 16" });
  // The canonical layer is the cache key: omitting it and naming the last block are one cache.
  let layer = 0;
  try {
    layer = canonicalLayer(model.family, model.depth, input.layer);
  } catch (e) {
    if (!(e instanceof LayerError)) throw e;
    fields.push({ path: "input.layer", message: e.message });
  }
  if (fields.length) throw badInput(`invalid cache request: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, fields);
  const key = { datasetId: dataset.id, modelId: model.id, resolution: input.resolution, pooling, layer };
  const enqueue = (cacheId: string) => ({ type: "EXTRACT" as const, teamId: viewer.teamId, payload: { cacheId }, cacheId });
  // The dataset as it is now: a cache extracted from other content is stale, and a new one is built.
  // A dataset the API cannot read now (moved, outside the roots) is not judged here: the worker's
  // extraction reports what is wrong with it, as before.
  let stale: FeatureCache[] = [];
  try {
    stale = (await rescanDataset(db, viewer, dataset.id, "input.datasetId")).staleCaches;
  } catch (e) {
    if (!(e instanceof GraphQLError && e.extensions.code === "BAD_USER_INPUT")) throw e;
  }
  const current = { ...key, staleAt: null };
  const existing = await db.prisma.featureCache.findFirst({ where: current });
  if (existing) {
    if (existing.status !== "FAILED") return { cache: existing, changed: false, stale };
    // A failed cache is retried on request.
    const retried = await db.prisma.$transaction(async (tx) => {
      const c = await tx.featureCache.update({ where: { id: existing.id }, data: { status: "PENDING", error: null, progressDone: 0 } });
      await tx.job.create({ data: enqueue(c.id) });
      return c;
    });
    return { cache: retried, changed: true, stale };
  }
  try {
    const created = await db.prisma.$transaction(async (tx) => {
      const c = await tx.featureCache.create({ data: key });
      await tx.job.create({ data: enqueue(c.id) });
      return c;
    });
    return { cache: created, changed: true, stale };
  } catch (e) {
    // A concurrent identical request won the race: return its cache.
    if (!isUniqueViolation(e)) throw e;
    const c = await db.prisma.featureCache.findFirst({ where: current });
    if (!c) throw e;
    return { cache: c, changed: false, stale };
  }
}
