/**
 * A finished run's artifacts: its predictions file (the evaluation finalMetrics were computed
 * from, sample by sample) and its checkpoints, put in the object store at the catalogue's keys
 * (RUN_ARTIFACTS) and registered with the API, which reads them back and records their size and
 * sha256. Without an object store the run keeps its metrics and the files stay on this worker
 * (logged once per run); a registration the API refuses is logged, never fails the run.
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import { RUN_ARTIFACTS, buildPredictions, type RunArtifactName } from "@loffta/graphql/domain";
import { runArtifactKey } from "@loffta/graphql/object-store";
import type { TrainSummary } from "../../core/train";
import { RegisterRunArtifactsDocument } from "../../generated/graphql";
import type { JobContext } from "../worker";
import { workerMirror } from "../store";

/** Write `predictions.json` of the summary's final evaluation into `outDir`; null without one. */
export async function writePredictions(summary: TrainSummary, labelNames: string[], outDir: string): Promise<string | null> {
  const pred = summary.finalPrediction;
  if (!pred || !summary.evalSplit || !pred.index) return null;
  const file = path.join(outDir, "predictions.json");
  await fsp.mkdir(outDir, { recursive: true });
  const body = buildPredictions({ split: summary.evalSplit, labelNames, index: pred.index, labels: pred.labels, probs: pred.probs });
  await fsp.writeFile(`${file}.tmp`, JSON.stringify(body));
  await fsp.rename(`${file}.tmp`, file);
  return file;
}

/**
 * Put the run's files (those present in `outDir`) in the store and register them. Checkpoints go
 * again even when an epoch's copy is there: the last one written may not have been copied (its
 * metrics were not yet delivered), and the registered file must be the run's final one.
 */
export async function publishRunArtifacts(ctx: JobContext, runId: string, outDir: string): Promise<void> {
  const present: RunArtifactName[] = [];
  for (const name of Object.keys(RUN_ARTIFACTS) as RunArtifactName[])
    if (await fsp.stat(path.join(outDir, name)).then((s) => s.isFile(), () => false)) present.push(name);
  if (!present.length) return;
  const mirror = workerMirror(ctx.home);
  if (!mirror) {
    ctx.log(`run ${runId}: ${present.join(", ")} kept on this worker only (${outDir}): no object store (LOFFTA_STORE), so the API cannot serve them`, "WARN");
    return;
  }
  try {
    // Every metric point before the files (the API shows no artifact of a run whose curve is missing).
    await ctx.metrics.drain(60_000);
    for (const name of present) await mirror.store.putFile(runArtifactKey(runId, RUN_ARTIFACTS[name].path), path.join(outDir, name));
    const { registerRunArtifacts } = await ctx.api.request(RegisterRunArtifactsDocument, { runId, artifacts: present.map((name) => ({ name })) });
    ctx.log(`run ${runId}: artifacts ${registerRunArtifacts.map((a) => `${a.name} (${a.bytes} B)`).join(", ")} registered`);
  } catch (e) {
    ctx.log(`run ${runId}: artifacts not registered: ${e instanceof Error ? e.message : String(e)}`, "WARN");
  }
}
