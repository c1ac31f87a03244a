/**
 * The tfjs backbone's parameters (models/backbone.ts BackboneParams, as every family's loader
 * builds them from the Hugging Face weights) copied out as plain arrays for the ONNX graph.
 * Reusing the loaders keeps one source of truth for key names, shape checks and config rules.
 */
import * as tf from "@tensorflow/tfjs";
import type { BackboneParams } from "../models/backbone";
import type { Ffn, Linear, Norm } from "../models/layers";
import type { FfnWeights, LinearWeights, NormWeights, VitWeights } from "./vit-graph";

const arr = (t: tf.Tensor): Float32Array => Float32Array.from(t.dataSync());
const linear = (l: Linear): LinearWeights => ({ w: arr(l.w), in: l.w.shape[0], out: l.w.shape[1], b: l.b ? arr(l.b) : null });
const norm = (n: Norm): NormWeights => ({ g: arr(n.g), b: arr(n.b), eps: n.eps });
const ffn = (f: Ffn): FfnWeights => (f.kind === "mlp" ? { kind: "mlp", fc1: linear(f.fc1), fc2: linear(f.fc2), act: f.act } : { kind: "swiglu", win: linear(f.win), wout: linear(f.wout) });

export function weightsFromBackbone(p: BackboneParams): VitWeights {
  // tf conv kernel [P, P, 3, D] → PyTorch / ONNX [D, 3, P, P].
  const patchW = tf.tidy(() => Float32Array.from(tf.transpose(p.patch.w, [3, 2, 0, 1]).dataSync()));
  return {
    patchSize: p.patchSize,
    dim: p.dim,
    heads: p.heads,
    patchW,
    patchB: p.patch.b ? arr(p.patch.b) : null,
    prefix: arr(p.prefix),
    posPrefix: Float32Array.from(p.posPrefix),
    registers: p.registers ? arr(p.registers) : null,
    posGrid: p.posGrid,
    posGridSize: p.posGridSize,
    posAntialias: p.posAntialias,
    preNorm: p.preNorm ? norm(p.preNorm) : null,
    blocks: p.blocks.map((b) => ({ ln1: norm(b.ln1), qkv: linear(b.qkv), proj: linear(b.proj), ls1: b.ls1 ? arr(b.ls1) : null, ln2: norm(b.ln2), ffn: ffn(b.ffn), ls2: b.ls2 ? arr(b.ls2) : null })),
    finalNorm: norm(p.finalNorm),
  };
}
