/** compareRuns: loads the runs and their baselines, then the pure comparisons of configdiff.ts. */
import type { Calibration, Run } from "@loffta/db";
import { badField, notFound, isUuid } from "../errors";
import { teamScope, type TeamOf } from "./access";
import type { Db } from "./db";
import { BASELINE_REF_KINDS, CACHE_READING_KINDS } from "@loffta/graphql/domain";
import { LIMITS } from "../limits";
import { comparableConfig } from "../wandb/mapping";
import { compareMetrics, diffConfigs, savings, type ConfigDifference } from "./configdiff";

export interface EfficiencyRow {
  run: Run;
  trainImagesPerSec: number | null;
  peakMemoryBytes: number | null;
  baselineRun: Run | null;
  calibration: Calibration | null;
  baselineSource: "run" | "calibration" | null;
  speedup: number | null;
  memorySaving: number | null;
}

export interface CostRow {
  run: Run;
  trainingSeconds: number | null;
  cacheShareSeconds: number;
  totalSeconds: number | null;
  memoryGbSeconds: number | null;
}

export interface Comparison {
  runs: Run[];
  configDiff: ConfigDifference[];
  metrics: { key: string; values: (number | null)[] }[];
  efficiency: EfficiencyRow[];
  cost: CostRow[];
}

/**
 * What each run cost in total: its training wall time plus, for a run on the cached tokens, its
 * share of the cache's build (build seconds ÷ the cache's finished reading runs); memory as
 * GB·s (peak GB × seconds, the build's share at its own peak). Image baselines run the backbone
 * themselves: no cache share.
 */
export async function costsOf(db: Db, runs: Run[]): Promise<CostRow[]> {
  const cacheIds = [...new Set(runs.filter((r) => r.cacheId && (CACHE_READING_KINDS as string[]).includes(r.kind)).map((r) => r.cacheId!))];
  const caches = await db.prisma.featureCache.findMany({
    where: { id: { in: cacheIds } },
    select: { id: true, extractSeconds: true, extractPeakMemoryBytes: true, _count: { select: { runs: { where: { kind: { in: CACHE_READING_KINDS }, status: "SUCCEEDED" } } } } },
  });
  const byId = new Map(caches.map((c) => [c.id, c]));
  return runs.map((run) => {
    const c = (CACHE_READING_KINDS as string[]).includes(run.kind) && run.cacheId ? byId.get(run.cacheId) : undefined;
    const readers = Math.max(1, c?._count.runs ?? 1);
    const cacheShareSeconds = c?.extractSeconds ? c.extractSeconds / readers : 0;
    const cacheShareGbs = c?.extractSeconds && c.extractPeakMemoryBytes ? (Number(c.extractPeakMemoryBytes) / 1e9) * (c.extractSeconds / readers) : 0;
    const t = run.wallTimeSec;
    return {
      run,
      trainingSeconds: t,
      cacheShareSeconds,
      totalSeconds: t == null ? null : t + cacheShareSeconds,
      memoryGbSeconds: t == null || run.peakMemoryBytes == null ? null : (Number(run.peakMemoryBytes) / 1e9) * t + cacheShareGbs,
    };
  });
}

const num = (b: bigint | null): number | null => (b === null ? null : Number(b));

export async function compareRuns(db: Db, viewer: TeamOf, ids: string[]): Promise<Comparison> {
  if (ids.length === 0 || ids.length > LIMITS.maxCompareRuns)
    throw badField("ids", `give 1–${LIMITS.maxCompareRuns} run ids`);
  const valid = ids.filter(isUuid);
  const rows = await db.prisma.run.findMany({
    where: { id: { in: valid }, ...teamScope.run(viewer) },
    include: { baselineRun: true, calibration: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw notFound("run", id);
    return r;
  });
  const runs: Run[] = ordered.map(({ baselineRun: _b, calibration: _c, ...run }) => run);
  const efficiency = ordered.map((r): EfficiencyRow => {
    // A baseline is only meaningful as fine-tuning on the same team's data (or an external run, docs/wandb.md).
    const base = r.baselineRun && BASELINE_REF_KINDS.includes(r.baselineRun.kind) ? r.baselineRun : null;
    // Without a full fine-tuning run, the worker's short fine-tuning calibration stands in.
    const cal = base ? null : r.calibration;
    const e = {
      trainImagesPerSec: r.trainImagesPerSec,
      peakMemoryBytes: num(r.peakMemoryBytes),
      baselineImagesPerSec: base ? base.trainImagesPerSec : (cal?.imagesPerSec ?? null),
      baselinePeakMemoryBytes: base ? num(base.peakMemoryBytes) : num(cal?.peakMemoryBytes ?? null),
    };
    const { baselineRun: _b, calibration: _c, ...run } = r;
    return {
      run,
      trainImagesPerSec: e.trainImagesPerSec,
      peakMemoryBytes: e.peakMemoryBytes,
      baselineRun: base,
      calibration: cal,
      baselineSource: base ? "run" : cal ? "calibration" : null,
      ...savings(e),
    };
  });
  return {
    runs,
    configDiff: diffConfigs(runs.map((r) => comparableConfig(r.kind, r.config))),
    metrics: compareMetrics(runs.map((r) => r.finalMetrics)),
    efficiency,
    cost: await costsOf(db, runs),
  };
}
