import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer, type Viewer } from "../auth";
import { badField } from "../errors";
import { LIMITS } from "../limits";
import { checkRunsOwned, loadRun } from "../services/access";
import { batchSize, metricSeries, storePoints, validateColumns, validatePoints, type PointBatch } from "../services/metrics";
import { loadRunForWorkerWrite } from "../services/queue";
import { liveMetrics } from "../events";
import { mapIterator } from "../pubsub";
import type { Context } from "../context";

/** logMetrics and logMetricColumns after their input is checked: the run's access, then the write. */
async function logBatch(ctx: Context, v: Viewer, runId: string, batch: PointBatch) {
  const row = await loadRunForWorkerWrite(ctx, v, runId);
  const inserted = await storePoints(ctx, runId, batch);
  return { inserted: inserted.count, duplicates: batchSize(batch) - inserted.count, cancelled: row.status === "CANCELLED" };
}

/** A `metricsAppended(after:)` cursor: a MetricBatch.cursor (a decimal row id). */
function parseCursor(after: string): bigint {
  if (!/^\d{1,19}$/.test(after) || BigInt(after) > 2n ** 63n - 1n) throw badField("after", "not a cursor of this subscription (MetricBatch.cursor)");
  return BigInt(after);
}

export const metricResolvers: Resolvers = {
  Query: {
    metricSeries: async (_p, { runIds, keys, maxPoints }, ctx) => {
      const v = requireViewer(ctx);
      const max = maxPoints ?? 1000;
      const ids = [...new Set(runIds)];
      const ks = [...new Set(keys)];
      if (ids.length < 1 || ids.length > LIMITS.maxSeriesRuns) throw badField("runIds", `give 1–${LIMITS.maxSeriesRuns} run ids`);
      if (ks.length < 1 || ks.length > LIMITS.maxSeriesKeys) throw badField("keys", `give 1–${LIMITS.maxSeriesKeys} keys`);
      if (max < 10 || max > LIMITS.maxSeriesPoints) throw badField("maxPoints", `must be between 10 and ${LIMITS.maxSeriesPoints}`);
      await checkRunsOwned(ctx, v, ids);
      return metricSeries(ctx.pool, ids, ks, max);
    },
  },
  Mutation: {
    logMetrics: (_p, { runId, points }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      return logBatch(ctx, v, runId, validatePoints(points));
    },
    logMetricColumns: (_p, { runId, columns }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      return logBatch(ctx, v, runId, validateColumns(columns));
    },
  },
  Subscription: {
    metricsAppended: {
      subscribe: async (_p, { runId, keys, after }, ctx) => {
        const v = requireViewer(ctx);
        const cursor = after == null ? null : parseCursor(after);
        const run = await loadRun(ctx, v, runId);
        return mapIterator(await liveMetrics(ctx, ctx.pubsub, run.id, keys ?? null, cursor), (batch) => ({ metricsAppended: batch }));
      },
    },
  },
};
