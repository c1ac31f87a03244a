import { confusionOf, curveClasses, prCurve, rocCurve, sampleAt, selectSamples, thinCurve } from "@loffta/graphql/domain";
import type { Resolvers } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { badField } from "../errors";
import { reportsOfRun } from "../services/reports";
import { downloadPathOf, listArtifacts, loadEvaluation, registerRunArtifacts, sampleItems } from "../services/artifacts";

/** Points of a curve in an answer (the area is computed from every sample). */
const CURVE_POINTS = 200;

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

export const artifactResolvers: Resolvers = {
  Mutation: {
    registerRunArtifacts: (_p, { runId, artifacts }, ctx) => registerRunArtifacts(ctx, requireScope(ctx, "WORKER"), runId, artifacts),
  },
  Run: {
    artifacts: (r, _a, ctx) => listArtifacts(ctx, r.id),
    reports: (r, _a, ctx) => reportsOfRun(ctx, r),
    evaluation: (r, _a, ctx) => loadEvaluation(ctx, r),
  },
  Artifact: {
    bytes: (a) => Number(a.bytes),
    createdAt: (a) => a.createdAt.toISOString(),
    downloadPath: (a) => downloadPathOf(a),
  },
  RunEvaluation: {
    split: (e) => e.file.split,
    labelNames: (e) => e.file.labelNames,
    count: (e) => e.file.label.length,
    confusionMatrix: (e) => confusionOf(e.file),
    imagesAvailable: async (e, _a, ctx) => (await sampleItems(ctx, requireViewer(ctx), e)) !== null,
    samples: async (e, { filter, order, first, offset }, ctx) => {
      const C = e.file.labelNames.length;
      const n = first ?? 50;
      const skip = offset ?? 0;
      if (!Number.isInteger(n) || n < 1 || n > 200) throw badField("first", "must be from 1 to 200");
      if (!Number.isInteger(skip) || skip < 0) throw badField("offset", "must be ≥ 0");
      for (const f of ["trueLabel", "predictedLabel"] as const) {
        const v = filter?.[f];
        if (v != null && (!Number.isInteger(v) || v < 0 || v >= C)) throw badField(`filter.${f}`, `must be a class index from 0 to ${C - 1}`);
      }
      const rows = selectSamples(e.file, { ...filter, order: order ?? "ROW" });
      const items = await sampleItems(ctx, requireViewer(ctx), e);
      return {
        total: rows.length,
        samples: rows.slice(skip, skip + n).map((row) => ({ ...sampleAt(e.file, row), path: items?.items[row]?.rel ?? null })),
      };
    },
    curves: (e, { kind }) =>
      curveClasses(e.file.labelNames.length).map((c) => {
        const curve = kind === "ROC" ? rocCurve(e.file, c) : prCurve(e.file, c);
        return {
          kind,
          classIndex: c,
          className: e.file.labelNames[c],
          area: finite(curve.area),
          positives: curve.positives,
          negatives: curve.negatives,
          points: thinCurve(curve.points, CURVE_POINTS).map((p) => ({ x: finite(p.x) ?? 0, y: finite(p.y) ?? 0, threshold: finite(p.threshold) })),
        };
      }),
  },
};
