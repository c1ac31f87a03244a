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
  /** Names of parameters that get weight decay (matrices; not biases, norms, embeddings). */
  decayed(name: string): boolean;
  dispose(): void;
}

export class ClassifierConfigError extends Error {
  override name = "ClassifierConfigError";
}

const LN_EPS = 1e-6;
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

function layerNorm(x: tf.Tensor, g: tf.Variable, b: tf.Variable): tf.Tensor {
  const centered = tf.sub(x, tf.mean(x, -1, true));
  const variance = tf.mean(tf.square(centered), -1, true);
  return tf.add(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, LN_EPS))), g), b);
}

/** GELU, tanh approximation (matches torch.nn.GELU(approximate="tanh")). */
export function gelu(x: tf.Tensor): tf.Tensor {
  const c = Math.sqrt(2 / Math.PI);
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.square(x), x), 0.044715)), c);
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

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
  const dh = Wd / heads;
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
  const scale = 1 / Math.sqrt(dh);

  const forward = (grid: tf.Tensor4D, cls?: tf.Tensor2D): tf.Tensor2D => {
    const B = grid.shape[0];
    if (grid.shape[1] !== opts.grid.h || grid.shape[2] !== opts.grid.w || grid.shape[3] !== D) {
      throw new ClassifierConfigError(
        `input grid ${grid.shape.slice(1).join("×")} does not match the model's ${opts.grid.h}×${opts.grid.w}×${D}`,
      );
    }
    const patches = layerNorm(linear(tf.reshape(grid, [B, N, D]), projW, projB), projG, projBeta);
    let first: tf.Tensor;
    if (clsTok) first = tf.tile(clsTok, [B, 1, 1]);
    else {
      if (!cls) throw new ClassifierConfigError("useCachedCls needs the cached CLS tokens");
      first = tf.reshape(layerNorm(linear(cls, projW, projB), projG, projBeta), [B, 1, Wd]);
    }
    let x = tf.add(tf.concat([first, patches], 1), pos);
    const T = 1 + N;
    for (const bl of blocks) {
      const h = layerNorm(x, bl.n1g, bl.n1b);
      const qkv = tf.reshape(linear(h, bl.qkvW, bl.qkvB), [B, T, 3, heads, dh]);
      const [q, k, v] = tf
        .split(qkv, 3, 2)
        .map((t) => tf.transpose(tf.reshape(t, [B, T, heads, dh]), [0, 2, 1, 3]));
      const att = tf.softmax(tf.mul(tf.matMul(q, k, false, true), scale));
      const o = tf.reshape(tf.transpose(tf.matMul(att, v), [0, 2, 1, 3]), [B, T, Wd]);
      x = tf.add(x, linear(o, bl.oW, bl.oB));
      const h2 = layerNorm(x, bl.n2g, bl.n2b);
      x = tf.add(x, linear(gelu(linear(h2, bl.f1W, bl.f1B)), bl.f2W, bl.f2B));
    }
    const clsOut = tf.reshape(tf.slice(x, [0, 0, 0], [B, 1, Wd]), [B, Wd]);
    return linear(layerNorm(clsOut, normG, normB), headW, headB) as tf.Tensor2D;
  };

  return {
    options: opts,
    arch,
    params,
    numParams,
    forward,
    decayed: (name) => name.endsWith(".weight") && !name.includes("norm") && params.get(name)?.rank === 2,
    dispose: () => params.forEach((v) => v.dispose()),
  };
}
