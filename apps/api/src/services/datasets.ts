/**
 * Datasets: registration scans the dataset with the one scanner of the domain catalogue
 * (`@loffta/graphql/dataset-scan`, the same one the worker extracts and trains with), so the
 * classes and split counts the API stores are the images the worker reads. Only from the
 * platform's storage roots (./storage.ts): the shared area or the team's own folder.
 */
import type { Dataset } from "@loffta/db";
import { splitRank, type Split } from "@loffta/graphql/domain";
import { DatasetScanError, scanDataset, type Dataset as ScannedDataset } from "@loffta/graphql/dataset-scan";
import type { Viewer } from "../auth";
import { badField, conflict, isUniqueViolation, notFound } from "../errors";
import type { DatasetLayout } from "../generated/resolvers";
import { teamScope, type TeamOf } from "./access";
import type { Db } from "./db";
import { locateForTeam, type StorageContext } from "./storage";

export { DatasetScanError };

export function listDatasets(db: Db, viewer: TeamOf): Promise<Dataset[]> {
  return db.prisma.dataset.findMany({ where: teamScope.dataset(viewer), orderBy: { createdAt: "desc" } });
}

/** The dataset of an already-scoped cache. */
export async function getDataset(db: Db, id: string): Promise<Dataset> {
  const d = await db.prisma.dataset.findUnique({ where: { id } });
  if (!d) throw notFound("dataset", id);
  return d;
}

/**
 * Scan and store a dataset (`name` already checked). A URI outside the team's storage, or a
 * dataset that cannot be read as its layout says → BAD_USER_INPUT on input.rootUri naming what to
 * fix (paths as the client wrote them); a taken name → CONFLICT. The URI is stored as sent (a
 * relative one resolves against the first storage root, on the worker too).
 */
export async function registerDataset(db: Db & StorageContext, viewer: Viewer, input: { name: string; rootUri: string; layout: DatasetLayout }): Promise<Dataset> {
  const { location, access } = await locateForTeam(db, viewer, input.rootUri, "input.rootUri");
  let scan: ScannedDataset;
  try {
    scan = await scanDataset(location.real, input.layout, { access });
  } catch (e) {
    if (e instanceof DatasetScanError) throw badField("input.rootUri", e.message);
    throw e;
  }
  try {
    return await db.prisma.dataset.create({
      data: {
        teamId: viewer.teamId,
        name: input.name,
        rootUri: input.rootUri,
        layout: input.layout,
        classNames: scan.labelNames,
        splitCounts: scan.splitCounts,
        contentHash: scan.contentHash,
        status: "READY",
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`a dataset named "${input.name}" already exists in this team`);
    throw e;
  }
}

export interface SplitCount {
  split: string;
  count: number;
}

/**
 * A stored `{split: count}` object (Dataset.splitCounts, FeatureCache.splitCounts) as a list in
 * train, val, test order (jsonb does not keep key order); non-numeric entries are dropped.
 */
export function splitCountList(json: unknown): SplitCount[] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return [];
  return Object.entries(json as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === "number")
    .map(([split, count]) => ({ split, count }))
    .sort((a, b) => splitRank(a.split) - splitRank(b.split) || (a.split < b.split ? -1 : a.split > b.split ? 1 : 0));
}

/** Images of a stored `{split: count}` object in `split` (0 when absent). */
export function splitCountOf(json: unknown, split: Split): number {
  return splitCountList(json).find((s) => s.split === split)?.count ?? 0;
}
