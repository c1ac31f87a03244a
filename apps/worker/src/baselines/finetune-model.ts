/**
 * Linear-head models on a foundation model for the two image baselines:
 * - frozen: the FoundationModel's own forward (plain tensors, run outside any gradient tape) →
 *   CLS → linear head (core's "linear" classifier preset);
 * - fine-tuning: a trainable copy of the backbone where every tensor is a tf.Variable, with a
 *   differentiable forward written here over the same BackboneParams layout (re-using the block
 *   / LayerNorm functions of extract/models/layers.ts), plus the same linear head.
 *
 * FoundationModel does not expose its BackboneParams, so the trainable copy re-reads the
 * weights from `model.weights` (same loaders, same prefix stripping as loadFoundationModel).
 * Position embeddings: the backbone keeps them as Float32Arrays resampled to the input grid
 * outside the graph; fine-tuning makes the resampled [1, P + h·w, D] table for the training
 * resolution a variable (equivalent to training the interpolated table at a fixed resolution).
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { FoundationModel } from "../extract/foundation";
import type { BackboneParams, VitBackbone } from "../extract/models/backbone";
import { buildClip } from "../extract/models/clip";
import { buildDinov2 } from "../extract/models/dinov2";
import type { HfConfig } from "../extract/models/hf-config";
import { block, layerNorm } from "../extract/models/layers";
import type { BlockParams, Linear, Norm } from "../extract/models/layers";
import { resampleGrid } from "../extract/models/pos-embed";
import { buildVit } from "../extract/models/vit";
import { WeightStore } from "../extract/weights";
import type { Classifier } from "../core/model/vit";
import { createRng } from "../core/rng";
import { finetunesBackbone } from "./kinds";
import type { BaselineKind } from "./kinds";

export class BaselineError extends Error {
  override name = "BaselineError";
}

const PREFIXES = ["", "dinov2.", "vit.", "deit.", "vision_model.", "model.", "backbone."];
const STEMS = ["embeddings.patch_embedding.weight", "embeddings.patch_embeddings.projection.weight"];

/** A fresh VitBackbone (plain tensors, owned by the caller) from a FoundationModel's weights. */
export async function loadBackbone(model: FoundationModel): Promise<VitBackbone> {
  if (model.family === "tfjs") throw new BaselineError("fine-tuning needs a ViT-family model (dinov2, vit, clip); TF.js models are not supported");
  let store = await WeightStore.open(model.weights.path);
  const prefix = PREFIXES.find((pf) => STEMS.some((s) => store.has(pf + s))) ?? "";
  store = store.withPrefix(prefix);
  const cfg = model.weights.config ? (JSON.parse(await fsp.readFile(model.weights.config, "utf8")) as HfConfig) : {};
  if (model.family === "dinov2") return buildDinov2(store, cfg);
  if (model.family === "vit") return buildVit(store, cfg);
  return buildClip(store, cfg);
}

/** Model usable by core's trainStep: forward(pixels [B,H,W,3]) → logits. */
export interface ImageClassifier extends Classifier {
  kind: BaselineKind;
  /** Input side (pixels) the model was built for. */
  imageSize: number;
  /** The backbone's trainable variables (empty map when frozen), keyed by parameter name. */
  backbone: Map<string, tf.Variable>;
  /** CLS features [B, D] (no gradient tape needed; call inside tf.tidy). */
  features(pixels: tf.Tensor4D): tf.Tensor2D;
  /** Logits from CLS features (the linear head). */
  head(cls: tf.Tensor2D): tf.Tensor2D;
}

let uidCounter = 0;

interface TrainableBackbone {
  params: BackboneParams;
  pos: tf.Variable;
  layer: number;
  vars: Map<string, tf.Variable>;
}

function toVariables(src: BackboneParams, layer: number, imageSize: number): TrainableBackbone {
  const uid = `ft${++uidCounter}`;
  const vars = new Map<string, tf.Variable>();
  const v = <T extends tf.Tensor>(name: string, t: T): T => {
    // tf.variable shares the source's data (no copy) until the first assign.
    const x = tf.variable(t, true, `${uid}/${name}`);
    vars.set(name, x);
    return x as unknown as T;
  };
  const lin = (name: string, l: Linear): Linear => ({ w: v(`${name}.weight`, l.w), b: l.b ? v(`${name}.bias`, l.b) : null });
  const norm = (name: string, n: Norm): Norm => ({ g: v(`${name}.weight`, n.g), b: v(`${name}.bias`, n.b), eps: n.eps });
  const blocks: BlockParams[] = src.blocks.slice(0, layer).map((b, i) => {
    const p = `blocks.${i}`;
    return {
      ln1: norm(`${p}.norm1`, b.ln1),
      qkv: lin(`${p}.attn.qkv`, b.qkv),
      proj: lin(`${p}.attn.proj`, b.proj),
      ls1: b.ls1 ? v(`${p}.ls1`, b.ls1) : null,
      ln2: norm(`${p}.norm2`, b.ln2),
      ffn: b.ffn.kind === "mlp" ? { kind: "mlp", fc1: lin(`${p}.mlp.fc1`, b.ffn.fc1), fc2: lin(`${p}.mlp.fc2`, b.ffn.fc2), act: b.ffn.act } : { kind: "swiglu", win: lin(`${p}.mlp.w_in`, b.ffn.win), wout: lin(`${p}.mlp.w_out`, b.ffn.wout) },
      ls2: b.ls2 ? v(`${p}.ls2`, b.ls2) : null,
    };
  });
  const params: BackboneParams = {
    ...src,
    patch: { w: v("patch_embed.weight", src.patch.w), b: src.patch.b ? v("patch_embed.bias", src.patch.b) : null },
    prefix: v("prefix_tokens", src.prefix),
    registers: src.registers ? v("register_tokens", src.registers) : null,
    preNorm: src.preNorm ? norm("pre_norm", src.preNorm) : null,
    blocks,
    finalNorm: norm("norm", src.finalNorm),
  };
  const g = Math.floor(imageSize / src.patchSize);
  const grid = resampleGrid(src.posGrid, src.posGridSize, src.posGridSize, src.dim, g, g, { antialias: src.posAntialias });
  const all = new Float32Array(src.posPrefix.length + grid.length);
  all.set(src.posPrefix, 0);
  all.set(grid, src.posPrefix.length);
  const init = tf.tensor3d(all, [1, all.length / src.dim, src.dim]);
  const pos = tf.variable(init, true, `${uid}/pos_embed`);
  init.dispose(); // the variable shares its data
  vars.set("pos_embed", pos);
  return { params, pos, layer, vars };
}

/** Differentiable backbone forward → CLS [B, D] after the final norm (no tidy around blocks). */
export function trainableForward(tb: TrainableBackbone, pixels: tf.Tensor4D): tf.Tensor2D {
  const p = tb.params;
  const [B, H, W] = pixels.shape;
  const h = Math.floor(H / p.patchSize);
  const w = Math.floor(W / p.patchSize);
  const D = p.dim;
  if (tb.pos.shape[1] !== p.prefix.shape[0] + h * w) throw new BaselineError(`fine-tuning model was built for another resolution (input ${H}×${W})`);
  let patches = tf.conv2d(pixels, p.patch.w, p.patchSize, "valid") as tf.Tensor4D;
  if (p.patch.b) patches = tf.add(patches, p.patch.b);
  const P = p.prefix.shape[0];
  const pre = tf.broadcastTo(tf.reshape(p.prefix, [1, P, D]), [B, P, D]);
  let x = tf.add(tf.concat([pre, tf.reshape(patches, [B, h * w, D])], 1), tb.pos) as tf.Tensor3D;
  if (p.registers) {
    const R = p.registers.shape[0];
    x = tf.concat([tf.slice(x, [0, 0, 0], [B, P, D]), tf.broadcastTo(tf.reshape(p.registers, [1, R, D]), [B, R, D]), tf.slice(x, [0, P, 0], [B, h * w, D])], 1);
  }
  if (p.preNorm) x = layerNorm(x, p.preNorm) as tf.Tensor3D;
  for (let i = 0; i < tb.layer; i++) x = block(x, p.blocks[i], p.heads);
  // Only the CLS row is needed: LayerNorm is per token.
  const cls = tf.reshape(tf.slice(x, [0, 0, 0], [B, 1, D]), [B, D]);
  return layerNorm(cls, p.finalNorm) as tf.Tensor2D;
}

const isMatrix = (name: string): boolean => /(qkv|proj|fc1|fc2|w_in|w_out|patch_embed)\.weight$/.test(name);

export interface BuildImageClassifierOptions {
  kind: BaselineKind;
  numClasses: number;
  imageSize: number;
  seed: number;
}

/** Linear head D → C: weight truncated-normal(0.02) seeded, bias zeros (as core's "linear" preset). */
function linearHead(D: number, C: number, seed: number): { params: Map<string, tf.Variable>; forward: (cls: tf.Tensor2D) => tf.Tensor2D } {
  const rng = createRng(seed);
  const data = new Float32Array(D * C);
  for (let i = 0; i < data.length; i++) {
    let v = rng.normal();
    while (Math.abs(v) > 2) v = rng.normal();
    data[i] = v * 0.02;
  }
  const uid = `head${++uidCounter}`;
  const mk = (t: tf.Tensor, name: string): tf.Variable => {
    const v = tf.variable(t, true, `${uid}/${name}`);
    t.dispose();
    return v;
  };
  const w = mk(tf.tensor2d(data, [D, C]), "head.weight");
  const b = mk(tf.zeros([C]), "head.bias");
  return {
    params: new Map([
      ["head.weight", w],
      ["head.bias", b],
    ]),
    forward: (cls) => tf.add(tf.matMul(cls, w as tf.Tensor2D), b) as tf.Tensor2D,
  };
}

/**
 * A TF.js layers model made trainable: the sub-model up to the feature layer, its trainable
 * weights as variables, and features = the grid averaged over h×w (what the frozen path uses
 * as CLS), computed in training mode (batch-norm uses batch statistics).
 */
async function tfjsTrainable(model: FoundationModel): Promise<{ vars: Map<string, tf.Variable>; features: (pixels: tf.Tensor4D) => tf.Tensor2D; dispose(): void }> {
  const file = model.weights.path;
  const json = JSON.parse(await fsp.readFile(file, "utf8")) as { format?: string };
  if (json.format === "graph-model") throw new BaselineError("fine-tuning needs a TF.js layers model (graph models are frozen)");
  const base = await tf.loadLayersModel(`file://${path.resolve(file)}`);
  let feat: tf.LayersModel = base;
  if (model.tfjsLayer) feat = tf.model({ inputs: base.inputs, outputs: base.getLayer(model.tfjsLayer).output as tf.SymbolicTensor });
  const vars = new Map<string, tf.Variable>();
  for (const w of feat.trainableWeights) vars.set(w.name, (w as unknown as { read(): tf.Variable }).read());
  return {
    vars,
    features: (pixels) => {
      const y = feat.apply(pixels, { training: true }) as tf.Tensor;
      if (y.rank !== 4) throw new BaselineError(`TF.js feature layer output has rank ${y.rank}; fine-tuning needs a [B, h, w, C] grid`);
      return tf.mean(y, [1, 2]) as tf.Tensor2D;
    },
    dispose: () => base.dispose(),
  };
}

/** Build the frozen or fine-tuning linear classifier on a foundation model. */
export async function buildImageClassifier(model: FoundationModel, o: BuildImageClassifierOptions): Promise<ImageClassifier> {
  const D = model.dim;
  const C = o.numClasses;
  if (!(C >= 2)) throw new BaselineError(`need at least 2 classes, got ${C}`);
  const head = linearHead(D, C, o.seed);
  const params = new Map<string, tf.Variable>();
  const base = {
    options: { preset: "linear" as const, inDim: D, grid: { h: 1, w: 1 }, numClasses: C, useCachedCls: true, hasCls: true, seed: o.seed },
    arch: { kind: "linear" as const },
    imageSize: o.imageSize,
    params,
    head: head.forward,
  };
  if (!finetunesBackbone(o.kind)) {
    head.params.forEach((v, k) => params.set(k, v));
    const features = (pixels: tf.Tensor4D): tf.Tensor2D =>
      tf.tidy(() => {
        const out = model.forward(pixels);
        out.grid.dispose();
        return out.cls;
      });
    return {
      ...base,
      kind: o.kind,
      numParams: D * C + C,
      backbone: new Map(),
      features,
      forward: (pixels) => head.forward(features(pixels)),
      decayed: (name) => name === "head.weight",
      dispose: () => params.forEach((v) => v.dispose()),
    };
  }
  if (model.family === "tfjs") {
    const tj = await tfjsTrainable(model);
    tj.vars.forEach((v, k) => params.set(`backbone.${k}`, v));
    head.params.forEach((v, k) => params.set(k, v));
    let n = 0;
    params.forEach((v) => (n += v.size));
    return {
      ...base,
      kind: o.kind,
      numParams: n,
      backbone: tj.vars,
      features: tj.features,
      forward: (pixels) => head.forward(tj.features(pixels)),
      decayed: (name) => name === "head.weight" || (name.startsWith("backbone.") && /kernel/.test(name)),
      dispose: () => {
        head.params.forEach((v) => v.dispose());
        tj.dispose();
      },
    };
  }
  const src = await loadBackbone(model);
  let tb: TrainableBackbone;
  try {
    tb = toVariables(src.p, model.layer ?? src.numLayers, o.imageSize);
  } finally {
    src.dispose(); // the variables keep their (shared) data alive
  }
  tb.vars.forEach((v, k) => params.set(`backbone.${k}`, v));
  head.params.forEach((v, k) => params.set(k, v));
  let numParams = 0;
  params.forEach((v) => (numParams += v.size));
  return {
    ...base,
    kind: o.kind,
    numParams,
    backbone: tb.vars,
    features: (pixels) => trainableForward(tb, pixels),
    forward: (pixels) => head.forward(trainableForward(tb, pixels)),
    decayed: (name) => name === "head.weight" || (name.startsWith("backbone.") && isMatrix(name)),
    dispose: () => params.forEach((v) => v.dispose()),
  };
}
