import { readFinalMetrics, resolveRunConfig, RunConfigError, type RunConfig } from "@loffta/graphql/domain";
import type { LaunchRunInput, Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { badField, badInput } from "../errors";
import { findProject, findRun, loadProject } from "../services/access";
import { compareRuns } from "../services/compare";
import { findCalibration, getCalibration, getModel } from "../services/models";
import { createProject, getProject, listProjects, projectRunCount } from "../services/projects";
import {
  cancelRun,
  cleanTags,
  deleteRuns,
  getRun,
  launchRun,
  listRuns,
  metricKeys,
  retryRun,
  setRunNotes,
  setRunsArchived,
  tagRun,
  tagRuns,
  updateRun,
} from "../services/runs";
import { getCache } from "../services/caches";
import { deleteView, listViews, saveView } from "../services/views";
import { getWorker } from "../services/queue";
import { findUser } from "../services/tokens";
import { liveRuns, publishRun, publishRunsDeleted, topics } from "../events";
import { mapIterator } from "../pubsub";
import { bigToNumber } from "./common";

/** The effective config of a launch: resolveRunConfig of the kind; its issues as `input.config.<path>` fields. */
function effectiveConfig(input: LaunchRunInput): RunConfig {
  try {
    return resolveRunConfig(input.kind, input.config, input.seed);
  } catch (e) {
    if (!(e instanceof RunConfigError)) throw e;
    const fields = e.issues.map((i) => ({ path: i.path ? `input.config.${i.path}` : "input.config", message: i.message }));
    throw badInput(`invalid run config: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, fields);
  }
}

export const runResolvers: Resolvers = {
  Query: {
    projects: (_p, _a, ctx) => listProjects(ctx, requireViewer(ctx)),
    project: (_p, { id }, ctx) => findProject(ctx, requireViewer(ctx), id),
    runs: (_p, args, ctx) => listRuns(ctx, requireViewer(ctx), args),
    run: (_p, { id }, ctx) => findRun(ctx, requireViewer(ctx), id),
    compareRuns: (_p, { ids }, ctx) => compareRuns(ctx, requireViewer(ctx), ids),
    calibration: (_p, key, ctx) => findCalibration(ctx, requireViewer(ctx), key),
    savedViews: (_p, _a, ctx) => listViews(ctx, requireViewer(ctx)),
  },
  Mutation: {
    saveView: (_p, { input }, ctx) => saveView(ctx, requireScope(ctx, "MEMBER"), input),
    deleteView: (_p, { id }, ctx) => deleteView(ctx, requireScope(ctx, "MEMBER"), id),
    createProject: (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const name = input.name.trim();
      if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
      return createProject(ctx, v, { name, description: input.description });
    },
    launchRun: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const project = await loadProject(ctx, v, input.projectId);
      const name = input.name.trim();
      if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
      const config = effectiveConfig(input);
      const run = await launchRun(ctx, v, {
        projectId: project.id,
        name,
        kind: input.kind,
        config,
        cacheId: input.cacheId,
        baselineRunId: input.baselineRunId,
        tags: cleanTags(input.tags, "input.tags"),
        notes: input.notes,
      });
      publishRun(ctx.pubsub, run);
      return run;
    },
    cancelRun: async (_p, { id }, ctx) => {
      const { run, changed } = await cancelRun(ctx, requireScope(ctx, "MEMBER"), id);
      if (changed) publishRun(ctx.pubsub, run);
      return run;
    },
    tagRun: async (_p, { id, add, remove }, ctx) => {
      const run = await tagRun(ctx, requireScope(ctx, "MEMBER"), id, add, remove);
      publishRun(ctx.pubsub, run);
      return run;
    },
    setRunNotes: async (_p, { id, notes }, ctx) => {
      const run = await setRunNotes(ctx, requireScope(ctx, "MEMBER"), id, notes);
      publishRun(ctx.pubsub, run);
      return run;
    },
    updateRun: async (_p, { id, input }, ctx) => {
      const run = await updateRun(ctx, requireScope(ctx, "MEMBER"), id, input);
      publishRun(ctx.pubsub, run);
      return run;
    },
    tagRuns: async (_p, { ids, add, remove }, ctx) => {
      const runs = await tagRuns(ctx, requireScope(ctx, "MEMBER"), ids, add, remove);
      for (const r of runs) publishRun(ctx.pubsub, r);
      return runs;
    },
    archiveRuns: async (_p, { ids }, ctx) => {
      const runs = await setRunsArchived(ctx, requireScope(ctx, "MEMBER"), ids, true);
      for (const r of runs) publishRun(ctx.pubsub, r);
      return runs;
    },
    unarchiveRuns: async (_p, { ids }, ctx) => {
      const runs = await setRunsArchived(ctx, requireScope(ctx, "MEMBER"), ids, false);
      for (const r of runs) publishRun(ctx.pubsub, r);
      return runs;
    },
    deleteRun: async (_p, { id }, ctx) => {
      const deleted = await deleteRuns(ctx, requireScope(ctx, "MEMBER"), [id]);
      publishRunsDeleted(ctx.pubsub, deleted);
      return deleted[0].id;
    },
    deleteRuns: async (_p, { ids }, ctx) => {
      const deleted = await deleteRuns(ctx, requireScope(ctx, "MEMBER"), ids);
      publishRunsDeleted(ctx.pubsub, deleted);
      return deleted.map((r) => r.id);
    },
    retryRun: async (_p, { id }, ctx) => {
      const run = await retryRun(ctx, requireScope(ctx, "MEMBER"), id);
      publishRun(ctx.pubsub, run);
      return run;
    },
  },
  Subscription: {
    runUpdated: {
      subscribe: async (_p, { projectId }, ctx) => {
        const v = requireViewer(ctx);
        const project = await loadProject(ctx, v, projectId);
        return mapIterator(await liveRuns(ctx, ctx.pubsub, project.id), (run) => ({ runUpdated: run }));
      },
    },
    runsDeleted: {
      subscribe: async (_p, { projectId }, ctx) => {
        const v = requireViewer(ctx);
        const project = await loadProject(ctx, v, projectId);
        return mapIterator(ctx.pubsub.subscribe<{ projectId: string; ids: string[] }>(topics.runsDeleted(project.id), { refetch: "runs" }), (e) => ({ runsDeleted: e }));
      },
    },
  },
  Project: {
    runCount: (p, _a, ctx) => projectRunCount(ctx, p.id),
    archivedRunCount: (p, _a, ctx) => projectRunCount(ctx, p.id, true),
  },
  Run: {
    project: (r, _a, ctx) => getProject(ctx, r.projectId),
    cache: (r, _a, ctx) => getCache(ctx, r.cacheId),
    baselineRun: (r, _a, ctx) => getRun(ctx, r.baselineRunId),
    calibration: (r, _a, ctx) => getCalibration(ctx, r.calibrationId),
    author: (r, _a, ctx) => findUser(ctx, r.authorId),
    // The worker that held the run's job when it completed (null before, or once that worker is deleted).
    trainedBy: (r, _a, ctx) => getWorker(ctx, r.trainedById),
    peakMemoryBytes: (r) => bigToNumber(r.peakMemoryBytes),
    finalMetrics: (r) => (r.finalMetrics == null ? null : readFinalMetrics(r.finalMetrics).metrics),
    confusionMatrix: (r) => readFinalMetrics(r.finalMetrics).confusion,
    evalSplit: (r) => readFinalMetrics(r.finalMetrics).evalSplit,
    evalCount: (r) => readFinalMetrics(r.finalMetrics).evalCount,
    metricKeys: (r, _a, ctx) => metricKeys(ctx, r.id),
  },
  RunEfficiency: {
    run: (e) => e.run,
  },
  Calibration: {
    model: (c, _a, ctx) => getModel(ctx, c.modelId),
    peakMemoryBytes: (c) => Number(c.peakMemoryBytes),
    createdAt: (c) => c.createdAt.toISOString(),
  },
};
