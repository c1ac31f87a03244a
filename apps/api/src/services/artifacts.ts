/**
 * A run's artifacts and its evaluation sample by sample. A worker puts the files in the object
 * store at the catalogue's keys (RUN_ARTIFACTS, `runs/<run id>/…`) and registers them
 * (registerRunArtifacts); the API reads each object back, records its size and sha256, and checks
 * a predictions file before recording it. The evaluation (confusion matrix, samples, curves) is
 * computed from that file (@loffta/graphql/domain evaluation), parsed once per artifact version.
 * Sample images come from the run's dataset, only while the dataset still holds, at each index,
 * an image of the label the run was evaluated on.
 */
import { promises as fsp } from "node:fs";
import type { Artifact, Run } from "@loffta/db";
import {
  PREDICTIONS_ARTIFACT,
  PredictionsFormatError,
  RUN_ARTIFACTS,
  isRunArtifactName,
  parsePredictions,
  type PredictionsFile,
  type RunArtifactName,
} from "@loffta/graphql/domain";
import { DatasetScanError, scanDataset, type DatasetItem } from "@loffta/graphql/dataset-scan";
import { StoreError, runArtifactKey } from "@loffta/graphql/object-store";
import type { FileAccess } from "@loffta/graphql/storage-roots";
import type { Viewer } from "../auth";
import { apiError, badField, badInput, isUuid, type FieldError } from "../errors";
import type { Db } from "./db";
import { loadRunForWorkerWrite } from "./queue";
import { checkForTeam, type StorageContext } from "./storage";

/** Largest predictions file the API parses (≈ 1 M samples of 10 classes). */
export const MAX_PREDICTIONS_BYTES = 256 * 1024 ** 2;
/** Parsed predictions kept in memory (by artifact id and sha256). */
const EVALUATIONS_KEPT = 16;
/** A dataset scan is reused this long for sample images (a changed dataset is seen after it). */
const SCAN_TTL_MS = 5_000;
const SCANS_KEPT = 8;

export const artifactKeyOf = (a: Pick<Artifact, "runId" | "name">): string =>
  runArtifactKey(a.runId, isRunArtifactName(a.name) ? RUN_ARTIFACTS[a.name].path : a.name);

export const downloadPathOf = (a: Pick<Artifact, "id">): string => `/artifacts/${a.id}`;

export function listArtifacts(db: Db, runId: string): Promise<Artifact[]> {
  return db.prisma.artifact.findMany({ where: { runId }, orderBy: { name: "asc" } });
}

/** An artifact of the viewer's team, or null (another team's answers alike). */
export function findArtifact(db: Db, viewer: Pick<Viewer, "teamId">, id: string): Promise<Artifact | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return db.prisma.artifact.findFirst({ where: { id, run: { project: { teamId: viewer.teamId } } } });
}

function noStore(): Error {
  return apiError("FAILED_PRECONDITION", "this server has no object store (the operator sets LOFFTA_STORE): artifacts cannot be kept");
}

/**
 * registerRunArtifacts: read each named object of the run from the store (size, sha256; a
 * predictions file must parse), then record them all in one transaction (same name: replaced).
 */
export async function registerRunArtifacts(db: Db & StorageContext, viewer: Viewer, runId: string, inputs: { name: string }[]): Promise<Artifact[]> {
  const run = await loadRunForWorkerWrite(db, viewer, runId);
  if (inputs.length < 1 || inputs.length > 8) throw badField("artifacts", `between 1 and 8 artifacts, got ${inputs.length}`);
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  inputs.forEach((a, i) => {
    if (!isRunArtifactName(a.name)) problems.push({ path: `artifacts.${i}.name`, message: `not an artifact name (one of ${Object.keys(RUN_ARTIFACTS).join(", ")})` });
    else if (seen.has(a.name)) problems.push({ path: `artifacts.${i}.name`, message: `${a.name} is listed twice` });
    seen.add(a.name);
  });
  if (problems.length) throw badInput(problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  const mirror = db.storeMirror;
  if (!mirror) throw noStore();
  const read: { name: RunArtifactName; bytes: number; sha256: string }[] = [];
  for (const [i, a] of inputs.entries()) {
    const name = a.name as RunArtifactName;
    const key = runArtifactKey(run.id, RUN_ARTIFACTS[name].path);
    // Read into the API's copy of the store (replacing an older version there): the bytes it
    // hashes now are the ones downloads and the evaluation later serve, fetched once.
    const file = mirror.fileOf(key);
    let got: { bytes: number; sha256: string };
    try {
      got = await mirror.store.download(key, file);
    } catch (e) {
      if (e instanceof StoreError && e.reason === "missing") problems.push({ path: `artifacts.${i}.name`, message: `${name} is not in the object store at the run's key` });
      else throw e;
      continue;
    }
    if (RUN_ARTIFACTS[name].kind === "PREDICTIONS") {
      try {
        if (got.bytes > MAX_PREDICTIONS_BYTES) throw new PredictionsFormatError(`predictions: larger than ${MAX_PREDICTIONS_BYTES} bytes`);
        parsePredictions(await fsp.readFile(file, "utf8"));
      } catch (e) {
        if (!(e instanceof PredictionsFormatError)) throw e;
        problems.push({ path: `artifacts.${i}.name`, message: e.message });
        continue;
      }
    }
    read.push({ name, ...got });
  }
  if (problems.length) {
    // Nothing is recorded: the API's copy must not keep bytes other than the records say.
    for (const a of inputs) if (isRunArtifactName(a.name)) await mirror.forget(runArtifactKey(run.id, RUN_ARTIFACTS[a.name].path));
    throw badInput(problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  }
  await mirror.evict();
  return await db.prisma.$transaction(
    read.map((r) =>
      db.prisma.artifact.upsert({
        where: { runId_name: { runId: run.id, name: r.name } },
        create: { runId: run.id, name: r.name, kind: RUN_ARTIFACTS[r.name].kind, uri: `store:${runArtifactKey(run.id, RUN_ARTIFACTS[r.name].path)}`, bytes: BigInt(r.bytes), sha256: r.sha256 },
        update: { bytes: BigInt(r.bytes), sha256: r.sha256, createdAt: new Date() },
      }),
    ),
  );
}

/** The local file of an artifact (the API's copy of the store object, checked against its record). */
export async function artifactFile(db: StorageContext, a: Artifact): Promise<string> {
  const mirror = db.storeMirror;
  if (!mirror) throw noStore();
  return mirror.fetch(artifactKeyOf(a), { bytes: Number(a.bytes), sha256: a.sha256 });
}

/** What `Run.evaluation` resolves from: the run and its parsed predictions. */
export interface Evaluation {
  run: Run;
  artifact: Artifact;
  file: PredictionsFile;
  /** Rows by dataset index. */
  rowOfIndex: Map<number, number>;
}

const evaluations = new Map<string, Evaluation>();

/** The run's evaluation, null without a predictions artifact. */
export async function loadEvaluation(db: Db & StorageContext, run: Run): Promise<Evaluation | null> {
  const artifact = await db.prisma.artifact.findUnique({ where: { runId_name: { runId: run.id, name: PREDICTIONS_ARTIFACT } } });
  if (!artifact) return null;
  const cacheKey = `${artifact.id}:${artifact.sha256}`;
  const hit = evaluations.get(cacheKey);
  if (hit) {
    evaluations.delete(cacheKey);
    evaluations.set(cacheKey, hit);
    return { ...hit, run };
  }
  const file = parsePredictions(await fsp.readFile(await artifactFile(db, artifact), "utf8"));
  const rowOfIndex = new Map<number, number>();
  file.index.forEach((ix, row) => rowOfIndex.set(ix, row));
  const ev: Evaluation = { run, artifact, file, rowOfIndex };
  evaluations.set(cacheKey, ev);
  while (evaluations.size > EVALUATIONS_KEPT) evaluations.delete(evaluations.keys().next().value!);
  return ev;
}

interface ScannedItems {
  at: number;
  items: DatasetItem[];
  labelNames: string[];
  access: FileAccess;
}
const scans = new Map<string, ScannedItems>();

/** The run's dataset as scanned now (reused for SCAN_TTL_MS), null when it cannot be read. */
async function scanOfRun(db: Db & StorageContext, viewer: Viewer, run: Run): Promise<ScannedItems | null> {
  if (!run.cacheId) return null;
  const cache = await db.prisma.featureCache.findUnique({ where: { id: run.cacheId }, include: { dataset: true } });
  if (!cache) return null;
  const ds = cache.dataset;
  const hit = scans.get(ds.id);
  if (hit && Date.now() - hit.at < SCAN_TTL_MS) return hit;
  const located = await checkForTeam(db, viewer, ds.rootUri, "rootUri");
  if (located.problem) return null;
  try {
    const scan = await scanDataset(located.location.real, ds.layout, { access: located.access });
    const entry: ScannedItems = { at: Date.now(), items: scan.items, labelNames: scan.labelNames, access: located.access };
    scans.set(ds.id, entry);
    while (scans.size > SCANS_KEPT) scans.delete(scans.keys().next().value!);
    return entry;
  } catch (e) {
    if (e instanceof DatasetScanError) return null;
    throw e;
  }
}

/**
 * The dataset items of the evaluation's samples, by row — null when the dataset no longer has,
 * at every evaluated index, an image of the label the run was evaluated on (files added, removed
 * or renamed since the cache was extracted).
 */
export async function sampleItems(db: Db & StorageContext, viewer: Viewer, ev: Evaluation): Promise<{ items: DatasetItem[]; access: FileAccess } | null> {
  const scan = await scanOfRun(db, viewer, ev.run);
  if (!scan) return null;
  const { file } = ev;
  const out: DatasetItem[] = [];
  for (let row = 0; row < file.index.length; row++) {
    const item = scan.items[file.index[row]];
    if (!item || item.index !== file.index[row] || scan.labelNames[item.label] !== file.labelNames[file.label[row]]) return null;
    out.push(item);
  }
  return { items: out, access: scan.access };
}

/** Largest sample image the API answers. */
export const MAX_SAMPLE_IMAGE_BYTES = 32 * 1024 ** 2;
