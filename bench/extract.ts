/**
 * Extraction throughput: random-weight DINOv2 ViT-S/14 and ViT-B/14 (Hugging Face key layout)
 * at 224², batch 8, forward only (the extractor's model cost; image decoding overlaps with it).
 * Each model runs in its own child process so peak RSS is per model. PyTorch's figure for the
 * same shapes comes from bench/torch_extract.py when python3 + torch are available.
 *   npm run bench:extract   [-- --iters 3 --batch 8]
 * Writes bench/results/extract.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { encodeSafetensorsBuffer } from "../apps/worker/src/core/safetensors";
import type { StTensorIn } from "../apps/worker/src/core/safetensors";
import { loadFoundationModel } from "../apps/worker/src/extract/foundation";

const SHAPES: Record<string, { dim: number; layers: number; heads: number }> = {
  "dinov2-vit-s14": { dim: 384, layers: 12, heads: 6 },
  "dinov2-vit-b14": { dim: 768, layers: 12, heads: 12 },
};
const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};

function rand(n: number, std: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    a[i] = ((s / 4294967296) * 2 - 1) * std * 1.732;
  }
  return a;
}

async function writeRandomDinov2(dir: string, dim: number, layers: number, heads: number): Promise<void> {
  const P = 14;
  const g = 37; // 518 / 14, as the published checkpoints
  const t: Record<string, StTensorIn> = {};
  let seed = 1;
  const add = (name: string, shape: number[], std = 0.02, fill?: number): void => {
    const n = shape.reduce((a, b) => a * b, 1);
    t[name] = { dtype: "F32", shape, data: fill === undefined ? rand(n, std, seed++) : new Float32Array(n).fill(fill) };
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
    add(`${b}.mlp.fc1.weight`, [4 * dim, dim]);
    add(`${b}.mlp.fc1.bias`, [4 * dim], 0, 0);
    add(`${b}.mlp.fc2.weight`, [dim, 4 * dim]);
    add(`${b}.mlp.fc2.bias`, [dim], 0, 0);
  }
  add("layernorm.weight", [dim], 0, 1);
  add("layernorm.bias", [dim], 0, 0);
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, "model.safetensors"), encodeSafetensorsBuffer(t));
  const config = { architectures: ["Dinov2Model"], model_type: "dinov2", hidden_size: dim, num_hidden_layers: layers, num_attention_heads: heads, patch_size: P, image_size: 518, mlp_ratio: 4, layer_norm_eps: 1e-6, hidden_act: "gelu", layerscale_value: 1e-5, use_swiglu_ffn: false };
  await fsp.writeFile(path.join(dir, "config.json"), JSON.stringify(config, null, 2));
}

/** Child: load one model, time `iters` forward passes of `batch` images at 224². */
async function child(name: string, dir: string): Promise<void> {
  const batch = arg("batch", 8);
  const iters = arg("iters", 3);
  const m = await loadFoundationModel({ path: dir, hash: false });
  const x = tf.randomNormal([batch, 224, 224, 3], 0, 1, "float32", 1) as tf.Tensor4D;
  const run = (): void => {
    const { cls, grid } = m.forward(x);
    grid.dataSync();
    tf.dispose([cls, grid]);
  };
  run(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < iters; i++) run();
  const s = (performance.now() - t0) / 1000;
  const out = { model: name, extractor: "tfjs-node", backend: tf.getBackend(), batch, iters, imagesPerSec: (batch * iters) / s, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return child(process.argv[3], process.argv[4]);
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-bench-extract-"));
  const results: unknown[] = [];
  try {
    for (const [name, s] of Object.entries(SHAPES)) {
      const dir = path.join(tmp, name);
      await writeRandomDinov2(dir, s.dim, s.layers, s.heads);
      const r = spawnSync(process.execPath, [...process.execArgv, __filename, "--child", name, dir, ...process.argv.slice(2)], { encoding: "utf8", maxBuffer: 1 << 24 });
      const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (!line) throw new Error(`${name} failed:\n${r.stderr.slice(-2000)}`);
      results.push(JSON.parse(line.slice(7)));
      console.log(line.slice(7));
      // PyTorch reference for the same shape.
      try {
        const py = execFileSync("python3", [path.join(__dirname, "torch_extract.py"), "--dim", String(s.dim), "--layers", String(s.layers), "--heads", String(s.heads), "--batch", String(arg("batch", 8)), "--iters", String(arg("iters", 3))], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
        const pl = py.split("\n").find((l) => l.startsWith("RESULT "));
        if (pl) {
          const pr = { model: name, ...JSON.parse(pl.slice(7)) };
          results.push(pr);
          console.log(JSON.stringify(pr));
        }
      } catch (e) {
        console.log(`PyTorch reference skipped: ${(e as Error).message.split("\n")[0]}`);
      }
    }
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  const file = path.join(__dirname, "results", "extract.json");
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, JSON.stringify({ date: new Date().toISOString(), host: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30) }, resolution: 224, note: "forward pass only, random weights, batch of 8; onnxruntime extractor not implemented", results }, null, 2) + "\n");
  console.log(`wrote ${file}`);
}

void main();
