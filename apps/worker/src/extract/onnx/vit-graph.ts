/**
 * The ONNX graph (opset 17) of the ViT backbone every family shares (models/backbone.ts), for a
 * fixed input size and cached block:
 *   pixels [batch, H, W, 3] (normalised NHWC, as the tfjs extractor takes them)
 *   → Transpose → Conv (stride = patch) → + position table resampled to the h×w grid at export
 *     time (models/pos-embed.ts, exactly the tfjs resampling) → prefix tokens (CLS, DeiT's
 *     distillation token; their positions added) and register tokens (no position)
 *   → optional pre-norm (CLIP) → `layer` pre-LN blocks (Gemm on [batch·T, D]; attention with
 *     MatMul / Softmax; exact-erf GELU, gelu_new, quick_gelu, relu, silu, SwiGLU)
 *   → CLS + patch tokens (other prefix tokens and registers dropped) → final LayerNormalization
 *   → tokens [batch, 1 + h·w, D].
 * Folded at export (exact up to float rounding): the 1/√head_dim attention scale into the query
 * projection, LayerScale into the projection / FFN output weights. Pure: weights in, GraphSpec out.
 */
import { GraphBuilder } from "./graph";
import type { GraphSpec } from "./onnx-proto";
import { resampleGrid } from "../models/pos-embed";
import type { Activation } from "../models/layers";

export interface LinearWeights {
  /** [in, out], row-major. */
  w: Float32Array;
  in: number;
  out: number;
  b: Float32Array | null;
}
export interface NormWeights {
  g: Float32Array;
  b: Float32Array;
  eps: number;
}
export type FfnWeights = { kind: "mlp"; fc1: LinearWeights; fc2: LinearWeights; act: Activation } | { kind: "swiglu"; win: LinearWeights; wout: LinearWeights };
export interface BlockWeights {
  ln1: NormWeights;
  /** Fused q | k | v: [D, 3D]. */
  qkv: LinearWeights;
  proj: LinearWeights;
  ls1: Float32Array | null;
  ln2: NormWeights;
  ffn: FfnWeights;
  ls2: Float32Array | null;
}

/** The backbone's parameters as plain arrays (see weights-from-backbone.ts). */
export interface VitWeights {
  patchSize: number;
  dim: number;
  heads: number;
  /** Patch conv, PyTorch layout [D, 3, P, P]. */
  patchW: Float32Array;
  patchB: Float32Array | null;
  /** Prefix tokens (CLS first) [nPrefix, D] and their position embeddings [nPrefix, D]. */
  prefix: Float32Array;
  posPrefix: Float32Array;
  /** Register tokens [nRegisters, D] (no position embedding), or null. */
  registers: Float32Array | null;
  /** Pretraining position grid [g, g, D]. */
  posGrid: Float32Array;
  posGridSize: number;
  posAntialias: boolean;
  preNorm: NormWeights | null;
  blocks: BlockWeights[];
  finalNorm: NormWeights;
}

export interface VitGraphOptions {
  height: number;
  width: number;
  /** 1-based block whose output is returned. */
  layer: number;
}

export const INPUT = "pixels";
export const OUTPUT = "tokens";
export const OPSET = 17;
export const IR_VERSION = 8;

function scaledColumns(l: LinearWeights, scale: (col: number) => number, cols: number): LinearWeights {
  const w = new Float32Array(l.w);
  for (let r = 0; r < l.in; r++) for (let c = 0; c < cols; c++) w[r * l.out + c] *= scale(c);
  let b = l.b;
  if (b) {
    b = new Float32Array(b);
    for (let c = 0; c < cols; c++) b[c] *= scale(c);
  }
  return { ...l, w, b };
}

/** The graph of `w` for one input size and block; output `tokens` [batch, 1 + h·w, D]. */
export function buildVitGraph(w: VitWeights, opts: VitGraphOptions): GraphSpec {
  const { height: H, width: W, layer } = opts;
  const { patchSize: P, dim: D, heads } = w;
  const L = w.blocks.length;
  if (!(Number.isInteger(layer) && layer >= 1 && layer <= L)) throw new RangeError(`layer must be an integer in [1, ${L}], got ${layer}`);
  const gh = Math.floor(H / P);
  const gw = Math.floor(W / P);
  if (gh < 1 || gw < 1) throw new RangeError(`image ${H}×${W} is smaller than one ${P}-px patch`);
  const nPrefix = w.prefix.length / D;
  const nReg = w.registers ? w.registers.length / D : 0;
  const T = nPrefix + nReg + gh * gw;
  const hd = D / heads;
  if (!Number.isInteger(hd)) throw new RangeError(`width ${D} is not divisible by ${heads} heads`);
  const g = new GraphBuilder("loffta_vit");
  const px = g.input(INPUT);

  // Patch embedding on NCHW, then [batch, h·w, D] + resampled positions.
  const nchw = g.node("Transpose", [px], "embed", { perm: [0, 3, 1, 2] });
  const convIn = [nchw, g.weight("patch.weight", [D, 3, P, P], w.patchW)];
  if (w.patchB) convIn.push(g.weight("patch.bias", [D], w.patchB));
  const conv = g.node("Conv", convIn, "embed", { kernel_shape: [P, P], strides: [P, P] });
  const flat = g.node("Reshape", [conv, g.ints([0, D, gh * gw])], "embed");
  const seq = g.node("Transpose", [flat], "embed", { perm: [0, 2, 1] });
  const pos = resampleGrid(w.posGrid, w.posGridSize, w.posGridSize, D, gh, gw, { antialias: w.posAntialias });
  const patches = g.node("Add", [seq, g.weight("pos.grid", [1, gh * gw, D], pos)], "embed");
  // Prefix (+ its positions) then registers: one constant [1, nPrefix + nReg, D], broadcast to the batch.
  const head = new Float32Array((nPrefix + nReg) * D);
  for (let i = 0; i < nPrefix * D; i++) head[i] = w.prefix[i] + w.posPrefix[i];
  if (w.registers) head.set(w.registers, nPrefix * D);
  const batch = g.node("Shape", [px], "embed", { start: 0, end: 1 });
  const headShape = g.node("Concat", [batch, g.ints([nPrefix + nReg, D])], "embed", { axis: 0 });
  const heads3 = g.node("Expand", [g.weight("prefix", [1, nPrefix + nReg, D], head), headShape], "embed");
  const tokens = g.node("Concat", [heads3, patches], "embed", { axis: 1 });
  let x = g.node("Reshape", [tokens, g.ints([-1, D])], "embed"); // [batch·T, D]

  const norm = (v: string, n: NormWeights, name: string): string => g.node("LayerNormalization", [v, g.weight(`${name}.weight`, [D], n.g), g.weight(`${name}.bias`, [D], n.b)], name, { axis: -1, epsilon: { f: n.eps } });
  const gemm = (v: string, l: LinearWeights, name: string): string => {
    const ins = [v, g.weight(`${name}.weight`, [l.in, l.out], l.w)];
    if (l.b) ins.push(g.weight(`${name}.bias`, [l.out], l.b));
    return g.node("Gemm", ins, name);
  };
  const act = (v: string, a: Activation, name: string): string => {
    switch (a) {
      case "gelu": {
        // x · ½(1 + erf(x/√2)): the pattern onnxruntime fuses into its Gelu kernel.
        const e = g.node("Erf", [g.node("Div", [v, g.scalar(Math.SQRT2)], name)], name);
        return g.node("Mul", [g.node("Mul", [v, g.node("Add", [e, g.scalar(1)], name)], name), g.scalar(0.5)], name);
      }
      case "gelu_new": {
        const cube = g.node("Mul", [g.node("Mul", [v, v], name), v], name);
        const inner = g.node("Mul", [g.node("Add", [v, g.node("Mul", [cube, g.scalar(0.044715)], name)], name), g.scalar(Math.sqrt(2 / Math.PI))], name);
        return g.node("Mul", [g.node("Mul", [v, g.scalar(0.5)], name), g.node("Add", [g.node("Tanh", [inner], name), g.scalar(1)], name)], name);
      }
      case "quick_gelu":
        return g.node("Mul", [v, g.node("Sigmoid", [g.node("Mul", [v, g.scalar(1.702)], name)], name)], name);
      case "relu":
        return g.node("Relu", [v], name);
      case "silu":
        return g.node("Mul", [v, g.node("Sigmoid", [v], name)], name);
    }
  };

  if (w.preNorm) x = norm(x, w.preNorm, "pre_norm");
  const scale = 1 / Math.sqrt(hd);
  for (let i = 0; i < layer; i++) {
    const b = w.blocks[i];
    const n = `block${i}`;
    const qkvW = scaledColumns(b.qkv, () => scale, D);
    const qkv = gemm(norm(x, b.ln1, `${n}.ln1`), qkvW, `${n}.qkv`); // [batch·T, 3D]
    const [q, k, v] = g.nodeN("Split", [qkv], 3, `${n}.attn`, { axis: 1 });
    const split4 = (t: string, perm: number[]): string => g.node("Transpose", [g.node("Reshape", [t, g.ints([-1, T, heads, hd])], `${n}.attn`)], `${n}.attn`, { perm });
    const scores = g.node("MatMul", [split4(q, [0, 2, 1, 3]), split4(k, [0, 2, 3, 1])], `${n}.attn`); // [batch, heads, T, T]
    const probs = g.node("Softmax", [scores], `${n}.attn`, { axis: -1 });
    const ctx = g.node("MatMul", [probs, split4(v, [0, 2, 1, 3])], `${n}.attn`); // [batch, heads, T, hd]
    const merged = g.node("Reshape", [g.node("Transpose", [ctx], `${n}.attn`, { perm: [0, 2, 1, 3] }), g.ints([-1, D])], `${n}.attn`);
    const proj = gemm(merged, b.ls1 ? scaledColumns(b.proj, (c) => (b.ls1 as Float32Array)[c], D) : b.proj, `${n}.proj`);
    const h = g.node("Add", [x, proj], n);
    const m = norm(h, b.ln2, `${n}.ln2`);
    let f: string;
    if (b.ffn.kind === "mlp") {
      const fc2 = b.ls2 ? scaledColumns(b.ffn.fc2, (c) => (b.ls2 as Float32Array)[c], D) : b.ffn.fc2;
      f = gemm(act(gemm(m, b.ffn.fc1, `${n}.fc1`), b.ffn.act, `${n}.act`), fc2, `${n}.fc2`);
    } else {
      const wout = b.ls2 ? scaledColumns(b.ffn.wout, (c) => (b.ls2 as Float32Array)[c], D) : b.ffn.wout;
      const [x1, x2] = g.nodeN("Split", [gemm(m, b.ffn.win, `${n}.win`)], 2, `${n}.swiglu`, { axis: 1 });
      f = gemm(g.node("Mul", [act(x1, "silu", `${n}.swiglu`), x2], `${n}.swiglu`), wout, `${n}.wout`);
    }
    x = g.node("Add", [h, f], n);
  }

  // CLS + patch tokens only, then the final norm (per token, so selecting first is the same).
  let y = g.node("Reshape", [x, g.ints([-1, T, D])], "head");
  const skip = nPrefix + nReg;
  if (skip > 1) {
    const cls = g.node("Slice", [y, g.ints([0]), g.ints([1]), g.ints([1])], "head");
    const grid = g.node("Slice", [y, g.ints([skip]), g.ints([T]), g.ints([1])], "head");
    y = g.node("Concat", [cls, grid], "head", { axis: 1 });
  }
  g.output(norm(y, w.finalNorm, "final_norm"), OUTPUT);
  return g.build([{ name: INPUT, type: "FLOAT", dims: ["batch", H, W, 3] }], [{ name: OUTPUT, type: "FLOAT", dims: ["batch", 1 + gh * gw, D] }]);
}
