/**
 * Checkpoints as safetensors (F32): "param.<name>", "adam.m.<name>", "adam.v.<name>", with the
 * training state (step, epoch, rng state, early-stopping state…) as JSON in __metadata__.loffta.
 * Files are written atomically.
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { writeFileAtomic } from "./cache/fsutil";
import { asF32, decodeSafetensors, encodeSafetensors } from "./safetensors";
import type { StTensorIn } from "./safetensors";
import type { AdamW } from "./optim/adamw";

export interface CheckpointState {
  /** Optimizer updates applied. */
  step: number;
  /** Epoch in progress (0-based) and batches of it already done. */
  epoch: number;
  batchInEpoch: number;
  rngState: number;
  [key: string]: unknown;
}

export class CheckpointError extends Error {
  override name = "CheckpointError";
}

export async function saveCheckpoint(
  file: string,
  params: Map<string, tf.Variable>,
  optimizer: AdamW | null,
  state: CheckpointState,
): Promise<void> {
  const tensors: Record<string, StTensorIn> = {};
  const put = (key: string, v: tf.Variable): void => {
    tensors[key] = { dtype: "F32", shape: v.shape, data: v.dataSync() as Float32Array };
  };
  for (const [name, v] of params) put(`param.${name}`, v);
  if (optimizer) {
    for (const [name, v] of optimizer.m) put(`adam.m.${name}`, v);
    for (const [name, v] of optimizer.v) put(`adam.v.${name}`, v);
  }
  const enc = encodeSafetensors(tensors, {
    format: "loffta-checkpoint",
    loffta: JSON.stringify({ ...state, optimizerStep: optimizer?.step ?? 0 }),
  });
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, [enc.header, ...enc.chunks]);
}

export interface LoadedCheckpoint {
  state: CheckpointState & { optimizerStep: number };
  tensors: Map<string, { shape: number[]; data: Float32Array }>;
}

export async function loadCheckpoint(file: string): Promise<LoadedCheckpoint> {
  const buf = await fsp.readFile(file);
  let dec: ReturnType<typeof decodeSafetensors>;
  try {
    dec = decodeSafetensors(buf);
  } catch (e) {
    throw new CheckpointError(`${file}: ${(e as Error).message}`);
  }
  if (!dec.metadata.loffta) throw new CheckpointError(`${file}: not a loffta checkpoint`);
  const tensors = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const [k, t] of Object.entries(dec.tensors))
    tensors.set(k, { shape: t.shape, data: new Float32Array(asF32(t.bytes)) });
  return { state: JSON.parse(dec.metadata.loffta) as LoadedCheckpoint["state"], tensors };
}

/** Copy a loaded checkpoint into model params (and optimizer state when given). Shapes must match. */
export function restoreCheckpoint(
  ck: LoadedCheckpoint,
  params: Map<string, tf.Variable>,
  optimizer: AdamW | null,
): void {
  const assign = (key: string, v: tf.Variable): void => {
    const t = ck.tensors.get(key);
    if (!t) throw new CheckpointError(`checkpoint has no tensor ${key}`);
    if (JSON.stringify(t.shape) !== JSON.stringify(v.shape))
      throw new CheckpointError(
        `checkpoint ${key} has shape ${JSON.stringify(t.shape)}, model needs ${JSON.stringify(v.shape)}`,
      );
    tf.tidy(() => v.assign(tf.tensor(t.data, t.shape, "float32")));
  };
  for (const [name, v] of params) assign(`param.${name}`, v);
  if (optimizer) {
    for (const [name, v] of optimizer.m) assign(`adam.m.${name}`, v);
    for (const [name, v] of optimizer.v) assign(`adam.v.${name}`, v);
    optimizer.step = ck.state.optimizerStep;
  }
}
