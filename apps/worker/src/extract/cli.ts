/**
 * `loffta-worker extract`: build a feature cache from a dataset with a frozen model.
 *   loffta-worker extract --data DIR|CSV --model WEIGHTS --family dinov2 --size 224 [--pool 2] [--layer N] --out DIR
 * Exported as a command object for apps/worker/src/cli.ts's command table; bin.ts runs it
 * standalone (tsx apps/worker/src/extract/bin.ts --data …).
 */
import { parseArgs } from "node:util";
import { logSafe } from "@loffta/graphql/log-safe";
import { FAMILIES } from "./foundation";
import type { Family, Rgb } from "./foundation";
import { EXTRACTOR_SETTINGS, parseExtractor } from "./extractor";
import type { ExtractorSetting } from "./extractor";
import { runExtraction } from "./job";

/** Structurally the `Command` of apps/worker/src/cli.ts ({ usage, describe, run }) plus the full help. */
export interface WorkerCommand {
  name: string;
  /** One line, after "loffta-worker ". */
  usage: string;
  describe: string;
  help: string;
  run(argv: string[]): Promise<number>;
}

const USAGE = `usage: loffta-worker extract --data DIR|CSV --model PATH --out DIR [options]
  --data DIR|CSV        ImageFolder (root/class/img or root/{train,val,test}/class/img) or CSV path,label[,split]
  --model PATH          model.safetensors, model folder, HF cache folder (models--org--name), or TF.js model.json
  --family F            dinov2 | vit | clip | tfjs (default: from config.json / tensor names)
  --size N              input resolution (default: the model's)
  --pool K              K×K average pooling of the token grid at write time
  --layer N             block whose output is cached (1-based, default last)
  --out DIR             cache directory (an interrupted extraction into DIR resumes)
  --batch N             images per forward pass (default 8)
  --shard-size N        images per shard (default 256)
  --resize crop|direct  shorter side + centre crop (default) or direct resize
  --crop-pct P          crop: resize shorter side to size/P first (default 1)
  --alpha black|drop    composite transparent images on black (default) or drop alpha
  --extractor E         tfjs | onnx | auto: the runtime of the forward pass (default: LOFFTA_EXTRACTOR, else tfjs;
                        auto = onnxruntime for dinov2 / vit / clip, tfjs for TF.js models)
  --onnx-cache DIR      where exported ONNX graphs are kept (default <LOFFTA_HOME or .loffta>/onnx)
  --tfjs-layer NAME     tfjs models: layer / node giving the feature grid
  --mean r,g,b --std r,g,b   override normalisation (pixels in [0,1])
  --repo-id ORG/NAME    with --model pointing at a Hugging Face hub cache root
  --allow-download      accepted, but downloading is unsupported (offline): local paths only
  --no-progress         no progress bar on stderr
  --slow-ms N           testing: pause N ms after each shard`;

const rgb = (s: string | undefined, what: string): Rgb | undefined => {
  if (s === undefined) return undefined;
  const v = s.split(",").map(Number);
  if (v.length !== 3 || v.some((x) => !Number.isFinite(x))) throw new Error(`--${what} needs three comma-separated numbers`);
  return v as Rgb;
};
const int = (s: string | undefined, what: string): number | undefined => {
  if (s === undefined) return undefined;
  const v = Number(s);
  if (!Number.isInteger(v)) throw new Error(`--${what} must be an integer, got ${s}`);
  return v;
};

export const extractCommand: WorkerCommand = {
  name: "extract",
  usage: "extract --data DIR|CSV --model PATH --out DIR [--family F] [--size N] [--pool K] [--layer N] [--help]",
  describe: "cache a frozen foundation model's patch tokens + CLS for a dataset (resumable)",
  help: USAGE,
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          data: { type: "string" },
          model: { type: "string" },
          family: { type: "string" },
          size: { type: "string" },
          pool: { type: "string" },
          layer: { type: "string" },
          out: { type: "string" },
          batch: { type: "string" },
          "shard-size": { type: "string" },
          resize: { type: "string" },
          "crop-pct": { type: "string" },
          alpha: { type: "string" },
          "tfjs-layer": { type: "string" },
          extractor: { type: "string" },
          "onnx-cache": { type: "string" },
          mean: { type: "string" },
          std: { type: "string" },
          "repo-id": { type: "string" },
          "allow-download": { type: "boolean" },
          "no-progress": { type: "boolean" },
          "slow-ms": { type: "string" },
          help: { type: "boolean", short: "h" },
        },
        strict: true,
      }));
    } catch (e) {
      console.error(`${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (!values.data || !values.model || !values.out) {
      console.error(`--data, --model and --out are required\n${USAGE}`);
      return 2;
    }
    if (values.family && !FAMILIES.includes(values.family as Family)) {
      console.error(`--family must be one of ${FAMILIES.join(", ")}`);
      return 2;
    }
    let extractor: ExtractorSetting | undefined;
    if (values.extractor !== undefined) {
      if (!(EXTRACTOR_SETTINGS as readonly string[]).includes(values.extractor)) {
        console.error(`--extractor must be one of ${EXTRACTOR_SETTINGS.join(", ")}`);
        return 2;
      }
      extractor = parseExtractor(values.extractor);
    }
    if (values.resize && !["crop", "direct"].includes(values.resize)) {
      console.error("--resize must be crop or direct");
      return 2;
    }
    if (values.alpha && !["black", "drop"].includes(values.alpha)) {
      console.error("--alpha must be black or drop");
      return 2;
    }
    const ac = new AbortController();
    const onSig = (): void => ac.abort();
    process.once("SIGINT", onSig);
    process.once("SIGTERM", onSig);
    try {
      const slow = int(values["slow-ms"], "slow-ms") ?? 0;
      const res = await runExtraction({
        data: values.data,
        model: {
          path: values.model,
          family: values.family as Family | undefined,
          layer: int(values.layer, "layer"),
          tfjsLayer: values["tfjs-layer"],
          imageSize: int(values.size, "size"),
          mean: rgb(values.mean, "mean"),
          std: rgb(values.std, "std"),
          repoId: values["repo-id"],
          allowDownload: values["allow-download"],
        },
        extractor,
        onnxCacheDir: values["onnx-cache"],
        out: values.out,
        size: int(values.size, "size"),
        pool: int(values.pool, "pool"),
        batchSize: int(values.batch, "batch"),
        shardSize: int(values["shard-size"], "shard-size"),
        resize: values.resize as "crop" | "direct" | undefined,
        cropPct: values["crop-pct"] === undefined ? undefined : Number(values["crop-pct"]),
        alpha: values.alpha as "black" | "drop" | undefined,
        progressBar: !values["no-progress"],
        signal: ac.signal,
        onShard: async (file, count) => {
          console.error(`wrote ${file} (${count} items)`);
          if (slow > 0) await new Promise((r) => setTimeout(r, slow));
        },
      });
      const m = res.manifest;
      console.error(
        `${res.cancelled ? "cancelled" : "done"}: ${m.shards.length} shards, ${Object.values(m.splits).reduce((a, s) => a + s.count, 0)} items, grid ${m.grid.h}×${m.grid.w}×${m.dim}, ${m.skipped.length} skipped, ${res.imagesPerSec.toFixed(1)} img/s (${res.extractor})${res.resumedItems ? `, resumed after ${res.resumedItems} items` : ""}`,
      );
      for (const s of res.skipped) console.error(`  skipped ${s.path}: ${s.reason}`);
      return res.cancelled ? 130 : 0;
    } catch (e) {
      console.error(`extract failed: ${logSafe(`${(e as Error).name}: ${(e as Error).message}`)}`);
      return 1;
    } finally {
      process.off("SIGINT", onSig);
      process.off("SIGTERM", onSig);
    }
  },
};
