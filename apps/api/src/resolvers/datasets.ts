import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { badInput, conflict, isUniqueViolation, isUuid } from "../errors";
import { DatasetScanError, scanDataset } from "../services/datasets";
import { bigToNumber } from "./common";

const SPLIT_ORDER = ["train", "val", "test"];
const splitRank = (s: string) => (SPLIT_ORDER.includes(s) ? SPLIT_ORDER.indexOf(s) : SPLIT_ORDER.length);

/** Split counts in train, val, test order (jsonb does not keep key order). */
function splitCounts(json: unknown): { split: string; count: number }[] {
  if (typeof json !== "object" || json === null) return [];
  return Object.entries(json as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === "number")
    .map(([split, count]) => ({ split, count }))
    .sort((a, b) => splitRank(a.split) - splitRank(b.split) || a.split.localeCompare(b.split));
}

export const datasetResolvers: Resolvers = {
  Query: {
    datasets: (_p, _a, ctx) => ctx.prisma.dataset.findMany({ where: { teamId: requireViewer(ctx).teamId }, orderBy: { createdAt: "desc" } }),
    dataset: async (_p, { id }, ctx) => {
      const v = requireViewer(ctx);
      return isUuid(id) ? ctx.prisma.dataset.findFirst({ where: { id, teamId: v.teamId } }) : null;
    },
    foundationModels: (_p, _a, ctx) => ctx.prisma.foundationModel.findMany({ where: { teamId: requireViewer(ctx).teamId }, orderBy: { name: "asc" } }),
    foundationModel: async (_p, { id }, ctx) => {
      const v = requireViewer(ctx);
      return isUuid(id) ? ctx.prisma.foundationModel.findFirst({ where: { id, teamId: v.teamId } }) : null;
    },
  },
  Mutation: {
    registerDataset: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const name = input.name.trim();
      if (!name || name.length > 200) throw badInput("input.name: must be 1–200 characters", [{ path: "input.name", message: "must be 1–200 characters" }]);
      let scan;
      try {
        scan = await scanDataset(input.layout, input.rootUri);
      } catch (e) {
        if (e instanceof DatasetScanError) throw badInput(`input.rootUri: ${e.message}`, [{ path: "input.rootUri", message: e.message }]);
        throw e;
      }
      try {
        return await ctx.prisma.dataset.create({
          data: {
            teamId: v.teamId,
            name,
            rootUri: input.rootUri,
            layout: input.layout,
            classNames: scan.classNames,
            splitCounts: scan.splitCounts,
            contentHash: scan.contentHash,
            status: "READY",
          },
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict(`a dataset named "${name}" already exists in this team`);
        throw e;
      }
    },
    registerFoundationModel: async (_p, { input }, ctx) => {
      const v = requireScope(ctx, "MEMBER");
      const fields: { path: string; message: string }[] = [];
      const range = (k: "patchSize" | "embedDim" | "depth" | "heads" | "defaultImageSize", lo: number, hi: number) => {
        if (input[k] < lo || input[k] > hi) fields.push({ path: `input.${k}`, message: `must be between ${lo} and ${hi}` });
      };
      range("patchSize", 1, 64);
      range("embedDim", 1, 16384);
      range("depth", 1, 256);
      range("heads", 1, 256);
      range("defaultImageSize", 16, 4096);
      if (input.embedDim % input.heads !== 0) fields.push({ path: "input.heads", message: "must divide embedDim" });
      const mean = input.mean ?? [0.485, 0.456, 0.406];
      const std = input.std ?? [0.229, 0.224, 0.225];
      if (mean.length !== 3) fields.push({ path: "input.mean", message: "needs 3 values" });
      if (std.length !== 3 || std.some((s) => !(s > 0))) fields.push({ path: "input.std", message: "needs 3 positive values" });
      if (input.weightsSha256 && !/^[0-9a-f]{64}$/i.test(input.weightsSha256)) fields.push({ path: "input.weightsSha256", message: "must be 64 hex digits" });
      const options = input.options ?? {};
      if (typeof options !== "object" || options === null || Array.isArray(options)) fields.push({ path: "input.options", message: "must be a JSON object" });
      if (!input.name.trim()) fields.push({ path: "input.name", message: "must not be empty" });
      if (fields.length) throw badInput(`invalid foundation model: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, fields);
      try {
        return await ctx.prisma.foundationModel.create({
          data: {
            teamId: v.teamId,
            name: input.name.trim(),
            family: input.family,
            patchSize: input.patchSize,
            embedDim: input.embedDim,
            depth: input.depth,
            heads: input.heads,
            defaultImageSize: input.defaultImageSize,
            mean,
            std,
            weightsUri: input.weightsUri,
            weightsSha256: input.weightsSha256 ?? null,
            parameterCount: input.parameterCount == null ? null : BigInt(Math.round(input.parameterCount)),
            options: options as object,
          },
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict(`a foundation model named "${input.name}" already exists in this team`);
        throw e;
      }
    },
  },
  Dataset: {
    splitCounts: (d) => splitCounts(d.splitCounts),
    imageCount: (d) => splitCounts(d.splitCounts).reduce((a, s) => a + s.count, 0),
    caches: (d, _a, ctx) => ctx.prisma.featureCache.findMany({ where: { datasetId: d.id }, orderBy: { createdAt: "desc" } }),
  },
  FoundationModel: {
    parameterCount: (m) => bigToNumber(m.parameterCount),
    caches: (m, _a, ctx) => ctx.prisma.featureCache.findMany({ where: { modelId: m.id }, orderBy: { createdAt: "desc" } }),
  },
};
