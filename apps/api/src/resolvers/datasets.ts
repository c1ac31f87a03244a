import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { badField } from "../errors";
import { findDataset, findModel } from "../services/access";
import { cachesOfDataset, cachesOfModel } from "../services/caches";
import { listDatasets, registerDataset, splitCountList } from "../services/datasets";
import { listModels, registerModel } from "../services/models";
import { bigToNumber } from "./common";

export const datasetResolvers: Resolvers = {
  Query: {
    datasets: (_p, _a, ctx) => listDatasets(ctx, requireViewer(ctx)),
    dataset: (_p, { id }, ctx) => findDataset(ctx, requireViewer(ctx), id),
    foundationModels: (_p, _a, ctx) => listModels(ctx, requireViewer(ctx)),
    foundationModel: (_p, { id }, ctx) => findModel(ctx, requireViewer(ctx), id),
  },
  Mutation: {
    registerDataset: (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const name = input.name.trim();
      if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
      return registerDataset(ctx, v, { name, rootUri: input.rootUri, layout: input.layout });
    },
    registerFoundationModel: (_p, { input }, ctx) => registerModel(ctx, requireScope(ctx, "MEMBER"), input),
  },
  Dataset: {
    splitCounts: (d) => splitCountList(d.splitCounts),
    imageCount: (d) => splitCountList(d.splitCounts).reduce((a, s) => a + s.count, 0),
    caches: (d, _a, ctx) => cachesOfDataset(ctx, d.id),
  },
  FoundationModel: {
    mean: (m) => (m.mean?.length ? m.mean : null),
    std: (m) => (m.std?.length ? m.std : null),
    parameterCount: (m) => bigToNumber(m.parameterCount),
    caches: (m, _a, ctx) => cachesOfModel(ctx, m.id),
  },
};
