/** `loffta-worker train --cache DIR --config run.json [--out DIR] [--resume] [--max-steps N]` */
import { promises as fsp } from "node:fs";
import { parseRunConfig, RunConfigError } from "@loffta/graphql/run-config";
import { initBackend } from "../core/backend";
import { CacheError } from "../core/cache/format";
import { openCache } from "../core/cache/reader";
import { checkCompatibility, train } from "../core/train";
import { parseArgs } from "./args";
import { CliUsageError } from "./errors";
import { createProgress } from "./progress";

export const trainUsage =
  "train --cache DIR --config run.json [--out DIR] [--resume] [--max-steps N] [--eval-split NAME]";

export async function trainCommand(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, {
    values: ["cache", "config", "out", "max-steps", "eval-split"],
    booleans: ["resume"],
  });
  const cacheDir = flags.cache;
  const configPath = flags.config;
  if (typeof cacheDir !== "string") throw new CliUsageError("missing --cache DIR");
  if (typeof configPath !== "string") throw new CliUsageError("missing --config run.json");
  let raw: unknown;
  try {
    raw = JSON.parse(await fsp.readFile(configPath, "utf8"));
  } catch (e) {
    throw new CliUsageError(`cannot read config ${configPath}: ${(e as Error).message}`);
  }
  let config;
  try {
    config = parseRunConfig(raw);
  } catch (e) {
    if (e instanceof RunConfigError)
      throw new CliUsageError(
        `bad config ${configPath}: ${e.issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`,
      );
    throw e;
  }
  let cache;
  try {
    cache = await openCache(cacheDir);
  } catch (e) {
    if (e instanceof CacheError) throw new CliUsageError(e.message);
    throw e;
  }
  const problems = checkCompatibility(config, cache.manifest);
  if (problems.length)
    throw new CliUsageError(`config cannot be used with cache ${cacheDir}: ${problems.join("; ")}`);
  const maxSteps = flags["max-steps"] !== undefined ? Number(flags["max-steps"]) : undefined;
  if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && maxSteps > 0))
    throw new CliUsageError("--max-steps must be a positive integer");
  const out = typeof flags.out === "string" ? flags.out : undefined;
  if (out) await fsp.mkdir(out, { recursive: true });

  const info = await initBackend();
  const progress = createProgress();
  progress.message(
    `loffta-worker train: ${config.classifier.preset} on ${cache.manifest.model.name} ${cache.manifest.grid.h}×${cache.manifest.grid.w}×${cache.manifest.dim} (${info.device})`,
  );
  const ac = new AbortController();
  const onSig = (): void => ac.abort();
  process.once("SIGINT", onSig);
  process.once("SIGTERM", onSig);
  try {
    const summary = await train({
      cache,
      config,
      outDir: out,
      resume: flags.resume === true,
      maxSteps,
      evalSplit: typeof flags["eval-split"] === "string" ? flags["eval-split"] : undefined,
      signal: ac.signal,
      onStep: (s) =>
        progress.update({
          epoch: s.epoch,
          epochs: config.epochs,
          step: s.step,
          totalSteps: s.totalSteps,
          loss: s.loss,
          imagesPerSec: s.imagesPerSec,
          lr: s.lr,
        }),
      onEpoch: (e) =>
        progress.message(
          `epoch ${e.epoch + 1}: train loss ${e.trainLoss.toFixed(4)}${e.metrics ? ` eval accuracy ${e.metrics.accuracy.toFixed(4)} loss ${e.metrics.loss.toFixed(4)}` : ""}${e.best ? " (best)" : ""}`,
        ),
    });
    progress.done();
    const { history: _history, ...rest } = summary;
    process.stdout.write(JSON.stringify({ ...rest, device: info.device, config }, null, 2) + "\n");
    return summary.cancelled ? 130 : 0;
  } finally {
    process.off("SIGINT", onSig);
    process.off("SIGTERM", onSig);
  }
}
