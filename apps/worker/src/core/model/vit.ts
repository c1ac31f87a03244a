/**
 * LOFF-TA classifier written with low-level tf ops (gradients through everything):
 *   tokens [B, h, w, D] → linear D→width → LayerNorm → prepend CLS (learned, or the projected
 *   cached CLS) → + learned position embeddings (1 + h·w) → pre-norm ViT blocks
 *   (LN, MHSA, LN, MLP with GELU) → final LN → linear head on the CLS position.
 * The "linear" preset is a linear head on the cached CLS (mean of the grid when there is none).
 * Parameters are tf.Variables keyed by name; init is seeded and backend-independent.
 */
import * as tf from "@tensorflow/tfjs";
import { createRng } from "../rng";
import { PRESETS } from "./presets";
import { gelu, vitForward, vitLossAndGrads } from "./vit-grad";
import type { VitParams } from "./vit-grad";
import type { PresetName, VitPreset } from "./presets";

export interface ClassifierOptions {
  preset: PresetName;
  /** Cached feature dim D. */
  inDim: number;
  grid: { h: number; w: number };
  numClasses: number;
  /** Use the projected cached CLS as the first token instead of a learned CLS token. */
  useCachedCls: boolean;
  /** Whether the cache has CLS tokens (required for useCachedCls). */
  hasCls: boolean;
  seed: number;
}

export interface Classifier {
  readonly options: ClassifierOptions;
  readonly arch: VitPreset | { kind: "linear" };
  /** Trainable parameters in a stable order. */
  readonly params: Map<string, tf.Variable>;
  readonly numParams: number;
  /** grid [B, h, w, D], cls [B, D] (when hasCls) → logits [B, classes]. */
  forward(grid: tf.Tensor4D, cls?: tf.Tensor2D): tf.Tensor2D;
  /**
   * Loss −Σ t·log softmax(forward) / denom of a (micro-)batch and the gradient of every parameter
   * (keyed like `params`), computed without the tfjs tape (core/model/vit-grad.ts). Absent: the
   * trainer differentiates `forward` with tf.variableGrads.
   */
  lossAndGrads?(
    batch: { grid: tf.Tensor4D; cls?: tf.Tensor2D; targets: tf.Tensor2D },
    denom: number,
    probe?: { sample(): void },
  ): { loss: number; grads: Map<string, tf.Tensor> };
  /** Names of parameters that get weight decay (matrices; not biases, norms, embeddings). */
  decayed(name: string): boolean;
  dispose(): void;
}

export class ClassifierConfigError extends Error {
  override name = "ClassifierConfigError";
}

let instanceCounter = 0;

function truncNormal(n: number, std: number, rng: ReturnType<typeof createRng>): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let v = rng.normal();
    while (Math.abs(v) > 2) v = rng.normal();
    a[i] = v * std;
  }
  return a;
}

export { gelu };

/** x [..., in] @ W [in, out] + b, via a 2D matmul. */
function linear(x: tf.Tensor, w: tf.Variable, b: tf.Variable): tf.Tensor {
  const [inDim, outDim] = w.shape as number[];
  const lead = x.shape.slice(0, -1);
  const y = tf.add(tf.matMul(tf.reshape(x, [-1, inDim]) as tf.Tensor2D, w as tf.Tensor2D), b);
  return tf.reshape(y, [...lead, outDim]);
}

export function buildClassifier(opts: ClassifierOptions): Classifier {
  const arch = PRESETS[opts.preset];
  if (!arch) throw new ClassifierConfigError(`unknown classifier preset "${String(opts.preset)}"`);
  if (opts.useCachedCls && !opts.hasCls)
    throw new ClassifierConfigError("useCachedCls is set but the cache has no CLS token");
  if (!(opts.numClasses >= 2))
    throw new ClassifierConfigError(`need at least 2 classes, got ${opts.numClasses}`);
  const rng = createRng(opts.seed);
  const uid = `clf${++instanceCounter}`;
  const params = new Map<string, tf.Variable>();
  const add = (name: string, shape: number[], init: "trunc" | "zeros" | "ones"): tf.Variable => {
    const n = shape.reduce((a, b) => a * b, 1);
    const data =
      init === "trunc" ? truncNormal(n, 0.02, rng) : new Float32Array(n).fill(init === "ones" ? 1 : 0);
    // tf variable names are global: make them unique per model instance.
    const initial = tf.tensor(data, shape, "float32");
    const v = tf.variable(initial, true, `${uid}/${name}`);
    // The variable shares the initial tensor's data (ref-counted): drop the temporary so the
    // memory goes with the variable when the model is disposed.
    initial.dispose();
    params.set(name, v);
    return v;
  };
  const D = opts.inDim;
  const C = opts.numClasses;
  const N = opts.grid.h * opts.grid.w;

  if (arch.kind === "linear") {
    const w = add("head.weight", [D, C], "trunc");
    const b = add("head.bias", [C], "zeros");
    return {
      options: opts,
      arch,
      params,
      numParams: D * C + C,
      forward: (grid, cls) => {
        const feat =
          opts.hasCls && cls ? cls : (tf.mean(tf.reshape(grid, [grid.shape[0], N, D]), 1) as tf.Tensor2D);
        return linear(feat, w, b) as tf.Tensor2D;
      },
      decayed: (name) => name === "head.weight",
      dispose: () => params.forEach((v) => v.dispose()),
    };
  }

  const { width: Wd, depth, heads, mlpRatio } = arch;
  if (Wd % heads !== 0) throw new ClassifierConfigError(`width ${Wd} not divisible by heads ${heads}`);
  const hidden = Wd * mlpRatio;
  const projW = add("proj.weight", [D, Wd], "trunc");
  const projB = add("proj.bias", [Wd], "zeros");
  const projG = add("proj_norm.weight", [Wd], "ones");
  const projBeta = add("proj_norm.bias", [Wd], "zeros");
  const clsTok = opts.useCachedCls ? null : add("cls_token", [1, 1, Wd], "trunc");
  const pos = add("pos_embed", [1, 1 + N, Wd], "trunc");
  const blocks = Array.from({ length: depth }, (_, i) => {
    const p = `blocks.${i}.`;
    return {
      n1g: add(`${p}norm1.weight`, [Wd], "ones"),
      n1b: add(`${p}norm1.bias`, [Wd], "zeros"),
      qkvW: add(`${p}attn.qkv.weight`, [Wd, 3 * Wd], "trunc"),
      qkvB: add(`${p}attn.qkv.bias`, [3 * Wd], "zeros"),
      oW: add(`${p}attn.proj.weight`, [Wd, Wd], "trunc"),
      oB: add(`${p}attn.proj.bias`, [Wd], "zeros"),
      n2g: add(`${p}norm2.weight`, [Wd], "ones"),
      n2b: add(`${p}norm2.bias`, [Wd], "zeros"),
      f1W: add(`${p}mlp.fc1.weight`, [Wd, hidden], "trunc"),
      f1B: add(`${p}mlp.fc1.bias`, [hidden], "zeros"),
      f2W: add(`${p}mlp.fc2.weight`, [hidden, Wd], "trunc"),
      f2B: add(`${p}mlp.fc2.bias`, [Wd], "zeros"),
    };
  });
  const normG = add("norm.weight", [Wd], "ones");
  const normB = add("norm.bias", [Wd], "zeros");
  const headW = add("head.weight", [Wd, C], "trunc");
  const headB = add("head.bias", [C], "zeros");
  let numParams = 0;
  params.forEach((v) => (numParams += v.size));
  const P: VitParams = { projW, projB, projG, projBeta, clsTok, pos, blocks, normG, normB, headW, headB };
  const shape = { width: Wd, heads, tokens: N, inDim: D };
  const nameOf = new Map<tf.Variable, string>();
  params.forEach((v, k) => nameOf.set(v, k));
  const checkInput = (grid: tf.Tensor4D, cls?: tf.Tensor2D): void => {
    if (grid.shape[1] !== opts.grid.h || grid.shape[2] !== opts.grid.w || grid.shape[3] !== D) {
      throw new ClassifierConfigError(
        `input grid ${grid.shape.slice(1).join("×")} does not match the model's ${opts.grid.h}×${opts.grid.w}×${D}`,
      );
    }
    if (!clsTok && !cls) throw new ClassifierConfigError("useCachedCls needs the cached CLS tokens");
  };
  const forward = (grid: tf.Tensor4D, cls?: tf.Tensor2D): tf.Tensor2D => {
    checkInput(grid, cls);
    return vitForward(P, shape, grid, clsTok ? undefined : cls);
  };
  const lossAndGrads = (
    batch: { grid: tf.Tensor4D; cls?: tf.Tensor2D; targets: tf.Tensor2D },
    denom: number,
    probe?: { sample(): void },
  ): { loss: number; grads: Map<string, tf.Tensor> } => {
    checkInput(batch.grid, batch.cls);
    const r = vitLossAndGrads(P, shape, { ...batch, cls: clsTok ? undefined : batch.cls }, denom, probe);
    const grads = new Map<string, tf.Tensor>();
    r.grads.forEach((g, v) => grads.set(nameOf.get(v) as string, g));
    return { loss: r.loss, grads };
  };

  return {
    options: opts,
    arch,
    params,
    numParams,
    forward,
    lossAndGrads,
    decayed: (name) => name.endsWith(".weight") && !name.includes("norm") && params.get(name)?.rank === 2,
    dispose: () => params.forEach((v) => v.dispose()),
  };
}
