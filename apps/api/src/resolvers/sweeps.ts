import { sweepProgress } from "@loffta/graphql/domain";
import type { Resolvers } from "../generated/resolvers";
import { costsOf } from "../services/compare";
import { requireScope, requireViewer } from "../auth";
import { publishRun } from "../events";
import { getProject } from "../services/projects";
import { findSweep, getSweep, launchSweep, listSweeps, sweepGroups, sweepParameters, sweepRuns, sweepSettingCount } from "../services/sweeps";
import { findUser } from "../services/tokens";

export const sweepResolvers: Resolvers = {
  Query: {
    sweep: (_p, { id }, ctx) => findSweep(ctx, requireViewer(ctx), id),
    sweeps: (_p, args, ctx) => listSweeps(ctx, requireViewer(ctx), args),
  },
  Mutation: {
    launchSweep: async (_p, { input }, ctx) => {
      const { sweep, runs } = await launchSweep(ctx, requireScope(ctx, "MEMBER"), input);
      for (const r of runs) publishRun(ctx.pubsub, r);
      return sweep;
    },
  },
  Run: {
    sweep: (r, _a, ctx) => getSweep(ctx, r.sweepId),
  },
  Sweep: {
    project: (s, _a, ctx) => getProject(ctx, s.projectId),
    parameters: (s) =>
      sweepParameters(s).map((p) => ({ path: p.path, values: p.values ? [...p.values] : null, min: p.min ?? null, max: p.max ?? null, log: !!p.log, integer: !!p.integer })),
    settingCount: (s) => sweepSettingCount(s),
    runs: async (s, _a, ctx) => (await sweepGroups(ctx, s)).flatMap((g) => g.runs),
    cost: async (s, _a, ctx) => costsOf(ctx, (await sweepGroups(ctx, s)).flatMap((g) => g.runs)),
    progress: async (s, _a, ctx) => sweepProgress(await sweepRuns(ctx, s)),
    groups: (s, _a, ctx) => sweepGroups(ctx, s),
    author: (s, _a, ctx) => findUser(ctx, s.authorId),
    createdAt: (s) => s.createdAt.toISOString(),
  },
};
