/**
 * The MobileNetV2 bundled in the `nsfwjs` npm package (Keras layers topology + one base64
 * weight shard, shipped as JS modules) written out as a standard TF.js layers model folder:
 * `model.json` (topology + `weightsManifest` pointing at `weights.bin`) and `weights.bin`.
 * `loadFoundationModel({ path: <dir>/model.json, family: "tfjs", tfjsLayer: BUNDLED_BACKBONE_LAYER })`
 * loads it (extract/models/tfjs-model.ts).
 *
 * Layer: `block_13_expand_relu`, the last 14×14 feature map at 224² input (stride 16): the
 * 1×1 expansion (96 → 576 channels, ReLU6) of block 13, just before its stride-2 depthwise
 * convolution drops the grid to 7×7. A 14×14 grid (196 tokens, like a ViT-B/16 at 224²) gives
 * the token-grid augmentations room (a 0.5-scale crop still covers ~10×10 tokens; 7×7 would
 * leave ~5×5), and 576 channels are a richer token than the 96-channel `block_12_add` residual
 * output at the same resolution. The deeper `out_relu` (7×7×1280) is the classifier's own
 * input: more semantic, but a coarse grid. Pixels in [0, 1] (nsfwjs divides by 255): mean 0, std 1.
 */
import fs from "node:fs";
import path from "node:path";

export const BUNDLED_BACKBONE_LAYER = "block_13_expand_relu";
export const BUNDLED_BACKBONE_IMAGE_SIZE = 224;
/** Grid and channels of BUNDLED_BACKBONE_LAYER at 224² input. */
export const BUNDLED_BACKBONE_GRID = { h: 14, w: 14, dim: 576 };

interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; min?: number; scale?: number };
}

export interface BackboneExport {
  dir: string;
  modelJson: string;
  layer: string;
  /** false when an identical export was already there. */
  written: boolean;
  /** Number of weight values in the model. */
  parameterCount: number;
}

function nsfwModelDir(): string {
  // nsfwjs' "exports" map hides package.json; its main entry sits at dist/cjs/index.js.
  return path.join(path.dirname(require.resolve("nsfwjs")), "../models/mobilenet_v2");
}

/** Write `<dir>/model.json` + `<dir>/weights.bin` (idempotent: kept when already identical). */
export async function exportBundledBackbone(dir: string): Promise<BackboneExport> {
  const src = nsfwModelDir();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const topo = require(path.join(src, "model.min.js")) as {
    modelTopology: unknown;
    weightsManifest: { paths: string[]; weights: WeightEntry[] }[];
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const b64 = require(path.join(src, "group1-shard1of1.min.js")) as string;
  if (typeof b64 !== "string" || !topo.modelTopology || topo.weightsManifest.length !== 1)
    throw new Error(`unexpected nsfwjs MobileNetV2 bundle layout in ${src}`);
  const weights = Buffer.from(b64, "base64");
  const manifest = [{ paths: ["weights.bin"], weights: topo.weightsManifest[0].weights }];
  const json = JSON.stringify({
    format: "layers-model",
    generatedBy: "nsfwjs MobileNetV2 (exported by loffta-worker import)",
    convertedBy: null,
    modelTopology: topo.modelTopology,
    weightsManifest: manifest,
  });
  const out = path.resolve(dir);
  const modelJson = path.join(out, "model.json");
  const bin = path.join(out, "weights.bin");
  const parameterCount = manifest[0].weights.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
  const same =
    fs.existsSync(modelJson) &&
    fs.existsSync(bin) &&
    fs.readFileSync(modelJson, "utf8") === json &&
    fs.readFileSync(bin).equals(weights);
  if (!same) {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(bin + ".tmp", weights);
    fs.renameSync(bin + ".tmp", bin);
    fs.writeFileSync(modelJson + ".tmp", json);
    fs.renameSync(modelJson + ".tmp", modelJson);
  }
  return { dir: out, modelJson, layer: BUNDLED_BACKBONE_LAYER, written: !same, parameterCount };
}
