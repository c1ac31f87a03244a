/**
 * Random-weight DINOv2 checkpoints in the Hugging Face `Dinov2Model` layout (config.json +
 * model.safetensors), for benchmarks and calibrations where only the shapes matter.
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import { encodeSafetensors } from "../core/safetensors";
import type { StTensorIn } from "../core/safetensors";

export interface RandomDinov2Shape {
  dim: number;
  layers: number;
  heads: number;
  /** Default 14. */
  patchSize?: number;
  /** Pretraining grid side of the position table (default 37: 518 / 14 as the published ones). */
  posGrid?: number;
  mlpRatio?: number;
}

/** DINOv2 shapes of the published checkpoints. */
export const DINOV2_SHAPES: Record<"vit-s14" | "vit-b14" | "vit-l14", RandomDinov2Shape> = {
  "vit-s14": { dim: 384, layers: 12, heads: 6 },
  "vit-b14": { dim: 768, layers: 12, heads: 12 },
  "vit-l14": { dim: 1024, layers: 24, heads: 16 },
};

function uniform(n: number, std: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = ((s / 4294967296) * 2 - 1) * std * 1.7320508;
  }
  return a;
}

/** Write config.json + model.safetensors for a random DINOv2 of the given shape into `dir`. */
export async function writeRandomDinov2(dir: string, shape: RandomDinov2Shape, seed = 1): Promise<string> {
  const { dim, layers, heads } = shape;
  const P = shape.patchSize ?? 14;
  const g = shape.posGrid ?? 37;
  const hidden = Math.trunc(dim * (shape.mlpRatio ?? 4));
  const t: Record<string, StTensorIn> = {};
  let s = seed;
  const add = (name: string, sh: number[], std = 0.02, fill?: number): void => {
    const n = sh.reduce((a, b) => a * b, 1);
    t[name] = { dtype: "F32", shape: sh, data: fill === undefined ? uniform(n, std, s++) : new Float32Array(n).fill(fill) };
  };
  add("embeddings.cls_token", [1, 1, dim]);
  add("embeddings.mask_token", [1, dim], 0, 0);
  add("embeddings.position_embeddings", [1, 1 + g * g, dim]);
  add("embeddings.patch_embeddings.projection.weight", [dim, 3, P, P]);
  add("embeddings.patch_embeddings.projection.bias", [dim], 0, 0);
  for (let i = 0; i < layers; i++) {
    const b = `encoder.layer.${i}`;
    for (const n of ["norm1", "norm2"]) {
      add(`${b}.${n}.weight`, [dim], 0, 1);
      add(`${b}.${n}.bias`, [dim], 0, 0);
    }
    for (const q of ["query", "key", "value"]) {
      add(`${b}.attention.attention.${q}.weight`, [dim, dim]);
      add(`${b}.attention.attention.${q}.bias`, [dim], 0, 0);
    }
    add(`${b}.attention.output.dense.weight`, [dim, dim]);
    add(`${b}.attention.output.dense.bias`, [dim], 0, 0);
    add(`${b}.layer_scale1.lambda1`, [dim], 0, 1e-5);
    add(`${b}.layer_scale2.lambda1`, [dim], 0, 1e-5);
    add(`${b}.mlp.fc1.weight`, [hidden, dim]);
    add(`${b}.mlp.fc1.bias`, [hidden], 0, 0);
    add(`${b}.mlp.fc2.weight`, [dim, hidden]);
    add(`${b}.mlp.fc2.bias`, [dim], 0, 0);
  }
  add("layernorm.weight", [dim], 0, 1);
  add("layernorm.bias", [dim], 0, 0);
  await fsp.mkdir(dir, { recursive: true });
  const { header, chunks } = encodeSafetensors(t);
  const fh = await fsp.open(path.join(dir, "model.safetensors"), "w");
  try {
    await fh.write(header);
    for (const c of chunks) await fh.write(c);
  } finally {
    await fh.close();
  }
  const config = {
    architectures: ["Dinov2Model"],
    model_type: "dinov2",
    hidden_size: dim,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    patch_size: P,
    image_size: g * P,
    mlp_ratio: shape.mlpRatio ?? 4,
    layer_norm_eps: 1e-6,
    hidden_act: "gelu",
    layerscale_value: 1e-5,
    use_swiglu_ffn: false,
    qkv_bias: true,
  };
  await fsp.writeFile(path.join(dir, "config.json"), JSON.stringify(config, null, 2));
  return dir;
}
