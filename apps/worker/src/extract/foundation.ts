/**
 * loadFoundationModel: one entry point for every supported frozen model.
 * - dinov2 (Dinov2Model / Dinov2WithRegistersModel), vit (ViTModel / DeiTModel), clip
 *   (CLIPVisionModel / CLIPModel's vision tower): safetensors with the original Hugging Face
 *   key names (any "dinov2." / "vit." / "deit." / "vision_model." prefix is stripped), from a
 *   file, a folder or a Hugging Face cache folder (see hf-cache.ts). Never downloads.
 * - tfjs: a TensorFlow.js layers or graph model.json, with a chosen layer as the feature grid.
 * Every tensor name and shape is checked before loading (WeightsMismatchError names each
 * missing / mis-shaped tensor). The sha256 of the weights is computed for provenance.
 * Files are read through a FileAccess: `opts.access`, else ./storage.ts's accessFor (confined to
 * the storage roots when LOFFTA_STORAGE_ROOTS is set, any local path otherwise).
 */
import path from "node:path";
import { STORAGE_LIMITS, StorageError, type FileAccess } from "@loffta/graphql/storage-roots";
import type * as tf from "@tensorflow/tfjs";
import { initBackend } from "../core/backend";
import { resolveModelFiles } from "./hf-cache";
import type { BackboneOutput, VitBackbone } from "./models/backbone";
import { buildClip } from "./models/clip";
import { buildDinov2 } from "./models/dinov2";
import { LOADERS, MODEL_FAMILIES, familyOfLoader, type Loader, type Rgb } from "@loffta/graphql/domain";
import type { HfConfig } from "./models/hf-config";
import { loadTfjsModel } from "./models/tfjs-model";
import { buildVit } from "./models/vit";
import { accessFor } from "./storage";
import { WeightStore, WeightsError, sha256File, sha256Files } from "./weights";

/** The loaders (the catalogue's MODEL_FAMILIES say which family each reads). */
export type Family = Loader;
export const FAMILIES: readonly Family[] = LOADERS;
export type { Rgb };

export interface LoadFoundationOptions {
  /** Weights file, model folder, HF cache folder (`models--org--name`), or TF.js model.json. */
  path: string;
  /** Default: from config.json's model_type, else from the tensor names (model.json → tfjs). */
  family?: Family;
  /** 1-based block whose output is cached (default: the last). For tfjs: use `tfjsLayer`. */
  layer?: number;
  /** Hugging Face repo id when `path` is a hub cache root (e.g. facebook/dinov2-small). */
  repoId?: string;
  /** Accepted for CLI compatibility: downloading is not supported (offline); a notice is printed. */
  allowDownload?: boolean;
  /** Compute the sha256 of the weights (default true; seconds per GB). */
  hash?: boolean;
  /** tfjs family: layer / node name of the feature grid, and the model's native input size. */
  tfjsLayer?: string;
  imageSize?: number;
  /** Override the normalisation (pixels in [0, 1] → (x − mean) / std). */
  mean?: Rgb;
  std?: Rgb;
  /** How files are read (default: accessFor(path)); `path` is then a path this access resolves. */
  access?: FileAccess;
}

export interface FoundationModel {
  family: Family;
  /** Human-readable: config `_name_or_path`, HF cache repo, or file name. */
  name: string;
  /** Architecture class from config.json (e.g. Dinov2Model) or "tfjs layers-model". */
  architecture: string;
  dim: number;
  patchSize: number | null;
  /** Blocks in the model (null for tfjs models). */
  numLayers: number | null;
  /** The block forward() returns by default (1-based; null for tfjs). */
  layer: number | null;
  /** Native (pretraining / config) input size. */
  imageSize: number;
  mean: Rgb;
  std: Rgb;
  /** Always true: CLS first (tfjs: grid average). */
  hasCls: true;
  weights: { path: string; files: string[]; sha256: string | null; config: string | null };
  /** Token grid for an input of height × width pixels. */
  gridSize(height: number, width: number): { h: number; w: number };
  /** pixels: normalised [B, H, W, 3] → CLS [B, D] and grid [B, h, w, D] after the final norm. */
  forward(pixels: tf.Tensor4D, opts?: { layer?: number }): BackboneOutput;
  dispose(): void;
  /** tfjs family: the layer / node whose output is the feature grid (null: the model output). */
  tfjsLayer?: string | null;
  /** What computes forward: "tfjs" (this loader) or "onnx" (onnx/onnx-model.ts). Unset: tfjs. */
  extractor?: "tfjs" | "onnx";
  /** The runtime behind forward, for the cache manifest (e.g. "tfjs-node (native TensorFlow, CPU)"). */
  runtime?: string;
  /** onnx: the keys of the exported graphs in use (onnx/model-file.ts). */
  onnxGraphs?: readonly string[];
  /** Set when the forward pass is asynchronous (onnx): same result as forward, which then throws. */
  forwardAsync?(pixels: tf.Tensor4D, opts?: { layer?: number }): Promise<BackboneOutput>;
  /** Dinov2 / vit / clip: the loaded backbone (its parameters feed the ONNX exporter). */
  backbone?: VitBackbone;
}

const PREFIXES = ["", "dinov2.", "vit.", "deit.", "vision_model.", "model.", "backbone."];
const STEMS: [string, Family][] = [
  ["embeddings.patch_embedding.weight", "clip"],
  ["embeddings.patch_embeddings.projection.weight", "dinov2"],
];

function familyFromConfig(cfg: HfConfig): Family | null {
  const t = String(cfg.model_type ?? "");
  if (t.startsWith("dinov2")) return "dinov2";
  if (t === "vit" || t === "deit") return "vit";
  if (t.startsWith("clip")) return "clip";
  return null;
}

async function readJson(access: FileAccess, file: string | null): Promise<HfConfig> {
  if (!file) return {};
  let text: string;
  try {
    text = (await access.readFile(file, STORAGE_LIMITS.textBytes)).toString("utf8");
  } catch (e) {
    throw new WeightsError((e as Error).message);
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new SyntaxError("not an object");
    return v as HfConfig;
  } catch {
    // JSON.parse's message quotes the text: never pass it on.
    throw new WeightsError(`${access.show(file)} is not a valid JSON object`);
  }
}

function nameFrom(dir: string, cfg: HfConfig, weights: string): string {
  const m = /models--([^/]+?)--([^/]+)\/snapshots\//.exec(dir + "/");
  if (m) return `${m[1]}/${m[2]}`;
  const n = cfg._name_or_path;
  if (typeof n === "string" && n) return n;
  return path.basename(path.dirname(weights)) || path.basename(weights);
}

export async function loadFoundationModel(opts: LoadFoundationOptions): Promise<FoundationModel> {
  if (opts.allowDownload) console.warn("loffta: --allow-download is not supported (offline workers): weights are only read from local paths.");
  const backend = await initBackend({ quiet: true });
  let located: { path: string; access: FileAccess };
  try {
    located = opts.access ? { path: path.resolve(opts.path), access: opts.access } : await accessFor(opts.path);
  } catch (e) {
    if (e instanceof StorageError && e.reason === "missing") throw new WeightsError(`model path ${opts.path} does not exist`);
    if (e instanceof StorageError) throw new WeightsError(e.message);
    throw e;
  }
  const { path: p, access } = located;
  const hasModelJson = async () => ((await access.stat(path.join(p, "model.json")).catch(() => null))?.isFile() ?? false) && !(opts.family && opts.family !== "tfjs");
  const isTfjs = opts.family === "tfjs" || p.endsWith("model.json") || (await hasModelJson());
  if (isTfjs) return loadTfjs(p.endsWith(".json") ? p : path.join(p, "model.json"), opts, access, backend.device);

  const files = await resolveModelFiles(p, opts.repoId, access);
  const cfg = await readJson(access, files.config);
  const pre = await readJson(access, files.preprocessor);
  let store = await WeightStore.open(files.weights, access);
  // Strip a wrapper prefix (ForImageClassification, CLIPModel, timm-style "model.").
  let fam: Family | null = opts.family ?? familyFromConfig(cfg);
  let prefix = "";
  outer: for (const pf of PREFIXES) {
    for (const [stem, f] of STEMS) {
      if (store.has(pf + stem)) {
        prefix = pf;
        if (!fam) fam = f === "dinov2" ? (store.has(`${pf}encoder.layer.0.layer_scale1.lambda1`) ? "dinov2" : "vit") : f;
        break outer;
      }
    }
  }
  if (!fam) throw new WeightsError(`${access.show(files.weights)}: cannot tell the model family (no config.json model_type and no known patch-embedding tensor); pass family`);
  store = store.withPrefix(prefix);
  let backbone: VitBackbone;
  if (fam === "dinov2") backbone = await buildDinov2(store, cfg);
  else if (fam === "vit") backbone = await buildVit(store, cfg);
  else backbone = await buildClip(store, cfg);
  const vcfg = (cfg.vision_config as HfConfig | undefined) ?? cfg;
  // Normalisation: an explicit override, else the model's preprocessor_config.json, else the
  // family default of the catalogue (the same rule for the CLI and the platform).
  const familyDefault = MODEL_FAMILIES[familyOfLoader(fam, String(cfg.model_type ?? ""))];
  const mean = opts.mean ?? (pre.image_mean as Rgb | undefined) ?? familyDefault.mean;
  const std = opts.std ?? (pre.image_std as Rgb | undefined) ?? familyDefault.std;
  const L = backbone.numLayers;
  const layer = opts.layer ?? L;
  if (!(Number.isInteger(layer) && layer >= 1 && layer <= L)) {
    backbone.dispose();
    throw new RangeError(`layer must be an integer in [1, ${L}], got ${layer}`);
  }
  const imageSize = opts.imageSize ?? (typeof vcfg.image_size === "number" ? vcfg.image_size : backbone.p.posGridSize * backbone.p.patchSize);
  return {
    family: fam,
    name: nameFrom(files.dir, cfg, files.weights),
    architecture: Array.isArray(cfg.architectures) ? String(cfg.architectures[0]) : `${fam} (no config.json)`,
    dim: backbone.p.dim,
    patchSize: backbone.p.patchSize,
    numLayers: L,
    layer,
    imageSize,
    mean,
    std,
    hasCls: true,
    weights: { path: files.weights, files: store.files, sha256: opts.hash === false ? null : await sha256Files(store.files, access), config: files.config },
    gridSize: (h, w) => backbone.gridSize(h, w),
    extractor: "tfjs",
    runtime: backend.device,
    backbone,
    forward: (pixels, o) => backbone.forward(pixels, o?.layer ?? layer),
    dispose: () => backbone.dispose(),
  };
}

async function loadTfjs(modelJson: string, opts: LoadFoundationOptions, access: FileAccess, runtime: string): Promise<FoundationModel> {
  const m = await loadTfjsModel(modelJson, { layer: opts.tfjsLayer, access });
  const size = opts.imageSize ?? 224;
  const hash = opts.hash === false ? null : m.files.length === 1 ? await sha256File(m.files[0], access) : await sha256Files(m.files, access);
  return {
    family: "tfjs",
    name: path.basename(path.dirname(modelJson)),
    architecture: `tfjs ${m.format}${opts.tfjsLayer ? ` @ ${opts.tfjsLayer}` : ""}`,
    tfjsLayer: opts.tfjsLayer ?? null,
    dim: m.dim(size, size),
    patchSize: null,
    numLayers: null,
    layer: null,
    imageSize: size,
    mean: opts.mean ?? MODEL_FAMILIES.OTHER.mean,
    std: opts.std ?? MODEL_FAMILIES.OTHER.std,
    hasCls: true,
    weights: { path: modelJson, files: m.files, sha256: hash, config: null },
    gridSize: (h, w) => {
      const g = m.gridSize(h, w);
      return { h: g.h, w: g.w };
    },
    extractor: "tfjs",
    runtime,
    forward: (pixels) => m.forward(pixels),
    dispose: () => m.dispose(),
  };
}
