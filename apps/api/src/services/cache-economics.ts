/**
 * Cache economics and staleness. Economics: the records of a cache's reading runs (LOFF /
 * LOFF_TA, SUCCEEDED, with `imagesSeen`) against the speed of a reference that runs the backbone
 * every step (@loffta/graphql/domain breakEven). Staleness: a dataset scanned again
 * (rescanDataset, and requestFeatureCache before it looks for a cache) marks each READY cache
 * extracted from other content stale, with the reason; a stale cache is kept for its runs, and
 * the next request for its key builds a new one (one current cache per key: a partial unique index).
 */
import type { Dataset, FeatureCache } from "@loffta/db";
import { CACHE_READING_KINDS, breakEven, type BreakEven, type CostReference } from "@loffta/graphql/domain";
import { DatasetScanError, scanDataset } from "@loffta/graphql/dataset-scan";
import type { Viewer } from "../auth";
import { badField } from "../errors";
import { loadDataset } from "./access";
import type { Db } from "./db";
import { locateForTeam, type StorageContext } from "./storage";

export interface Economics {
  buildSeconds: number | null;
  readingRuns: number;
  forwardPassesAvoided: number;
  trainingSeconds: number;
  breakEven: BreakEven[];
}

export interface Rescan {
  dataset: Dataset;
  changed: boolean;
  staleCaches: FeatureCache[];
}

/** Images the extraction ran the backbone on: written (per split) and skipped. */
export function forwardPassesOf(c: FeatureCache): number {
  const counts = c.splitCounts && typeof c.splitCounts === "object" ? Object.values(c.splitCounts as Record<string, unknown>) : [];
  return counts.reduce<number>((n, v) => n + (typeof v === "number" ? v : 0), 0) + c.skippedCount;
}

export async function cacheEconomics(db: Db, c: FeatureCache): Promise<Economics> {
  const runs = await db.prisma.run.findMany({
    where: { cacheId: c.id, status: "SUCCEEDED" },
    select: { id: true, kind: true, imagesSeen: true, wallTimeSec: true, endedAt: true, trainImagesPerSec: true },
    orderBy: { endedAt: "asc" },
  });
  const reading = runs
    .filter((r) => (CACHE_READING_KINDS as string[]).includes(r.kind) && r.imagesSeen != null && r.wallTimeSec != null)
    .map((r) => ({ id: r.id, imagesSeen: r.imagesSeen!, wallTimeSec: r.wallTimeSec!, endedAt: r.endedAt?.getTime() ?? 0 }));
  // References: the latest finished fine-tuning and Frozen+linear runs on this cache; without a
  // fine-tuning run, the model's calibration at this resolution (the fastest device measured).
  const references: CostReference[] = [];
  for (const kind of ["UNFROZEN_LINEAR", "FROZEN_LINEAR"] as const) {
    const r = [...runs].reverse().find((x) => x.kind === kind && x.trainImagesPerSec && x.trainImagesPerSec > 0);
    if (r) references.push({ source: "RUN", kind, imagesPerSec: r.trainImagesPerSec!, runId: r.id });
  }
  if (!references.some((r) => r.kind === "UNFROZEN_LINEAR")) {
    const cal = await db.prisma.calibration.findFirst({ where: { modelId: c.modelId, resolution: c.resolution, imagesPerSec: { gt: 0 } }, orderBy: { imagesPerSec: "desc" } });
    if (cal) references.unshift({ source: "CALIBRATION", kind: "UNFROZEN_LINEAR", imagesPerSec: cal.imagesPerSec });
  }
  const build = c.extractSeconds ?? 0;
  return {
    buildSeconds: c.extractSeconds,
    readingRuns: reading.length,
    forwardPassesAvoided: reading.reduce((n, r) => n + r.imagesSeen, 0),
    trainingSeconds: reading.reduce((n, r) => n + r.wallTimeSec, 0),
    breakEven: references.map((ref) => breakEven(build, reading, ref)),
  };
}

/**
 * Scan the dataset again; update its record; mark stale every READY, current cache of it whose
 * extraction read other content. `field` names the argument in a BAD_USER_INPUT.
 */
export async function rescanDataset(db: Db & StorageContext, viewer: Viewer, datasetId: string, field = "id"): Promise<Rescan> {
  const dataset = await loadDataset(db, viewer, datasetId);
  const { location, access } = await locateForTeam(db, viewer, dataset.rootUri, field);
  let scan;
  try {
    scan = await scanDataset(location.real, dataset.layout, { access });
  } catch (e) {
    if (e instanceof DatasetScanError) throw badField(field, `dataset ${dataset.name}: ${e.message}`);
    throw e;
  }
  const changed = scan.contentHash !== dataset.contentHash;
  const updated = changed
    ? await db.prisma.dataset.update({ where: { id: dataset.id }, data: { contentHash: scan.contentHash, classNames: scan.labelNames, splitCounts: scan.splitCounts } })
    : dataset;
  const candidates = await db.prisma.featureCache.findMany({
    where: { datasetId: dataset.id, status: "READY", staleAt: null, datasetContentHash: { not: null } },
  });
  const staleCaches: FeatureCache[] = [];
  for (const c of candidates) {
    if (c.datasetContentHash === scan.contentHash) continue;
    const was = forwardPassesOf(c);
    const reason = `the dataset's content changed since extraction (extracted ${was} images; it now has ${scan.items.length}, content hash ${scan.contentHash.slice(0, 12)}… instead of ${c.datasetContentHash!.slice(0, 12)}…)`;
    const r = await db.prisma.featureCache.updateMany({ where: { id: c.id, staleAt: null }, data: { staleAt: new Date(), staleReason: reason } });
    if (r.count) staleCaches.push({ ...c, staleAt: new Date(), staleReason: reason });
  }
  return { dataset: updated, changed, staleCaches };
}
