import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { badField } from "../errors";
import { LIMITS } from "../limits";
import { loadRun } from "../services/access";
import { insertLogLines, readRunLogs, validateLogLines } from "../services/logs";
import { loadRunForWorkerWrite } from "../services/queue";
import { liveLogs, publishLogs } from "../events";
import { mapIterator } from "../pubsub";

export const logResolvers: Resolvers = {
  Query: {
    runLogs: async (_p, { runId, after, before, fromEnd, limit }, ctx) => {
      const v = requireViewer(ctx);
      const n = limit ?? 500;
      if (n < 1 || n > LIMITS.maxLogPage) throw badField("limit", `must be between 1 and ${LIMITS.maxLogPage}`);
      if (after != null && after < -1) throw badField("after", "must be ≥ -1");
      if (before != null && before < 0) throw badField("before", "must be ≥ 0");
      await loadRun(ctx, v, runId);
      return readRunLogs(ctx, runId, { after, before, fromEnd, limit: n });
    },
  },
  Mutation: {
    appendRunLogs: async (_p, { runId, lines }, ctx) => {
      const v = requireScope(ctx, "WORKER");
      const times = validateLogLines(lines);
      await loadRunForWorkerWrite(ctx, v, runId);
      const inserted = await insertLogLines(ctx, runId, lines, times);
      if (inserted.length) await publishLogs(ctx.pubsub, runId, inserted);
      return { inserted: inserted.length, duplicates: lines.length - inserted.length };
    },
  },
  Subscription: {
    runLogAppended: {
      subscribe: async (_p, { runId, after }, ctx) => {
        const v = requireViewer(ctx);
        if (after != null && after < -1) throw badField("after", "must be ≥ -1");
        const run = await loadRun(ctx, v, runId);
        return mapIterator(await liveLogs(ctx, ctx.pubsub, run.id, after ?? null), (batch) => ({ runLogAppended: batch }));
      },
    },
  },
};
