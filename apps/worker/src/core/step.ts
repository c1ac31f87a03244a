/**
 * The optimizer step both trainers share (core/train.ts on cached tokens, baselines on images):
 * softmax cross-entropy against soft targets, gradients accumulated over micro-batches (tfjs keeps
 * every activation of a micro-batch until its gradients are taken: memory scales with microBatch,
 * not batchSize), global-norm clipping, one AdamW update.
 */
import * as tf from "@tensorflow/tfjs";
import type { MemoryProbe } from "./loop";
import type { Classifier } from "./model/vit";
import { clipGlobalNorm } from "./optim/adamw";
import type { AdamW } from "./optim/adamw";

/** One-hot targets [B, C], label-smoothed: (1 − s)·onehot + s/C. */
export function smoothedTargets(labels: Int32Array, numClasses: number, smoothing: number): tf.Tensor2D {
  return tf.tidy(() => {
    const oh = tf.oneHot(tf.tensor1d(labels, "int32"), numClasses).toFloat();
    return tf.add(tf.mul(oh, 1 - smoothing), smoothing / numClasses) as tf.Tensor2D;
  });
}

/**
 * One optimizer step over a (possibly augmented) batch, accumulated over micro-batches.
 * Inputs are not disposed. Returns the mean loss and the pre-clip gradient norm.
 */
export function trainStep(
  model: Classifier,
  opt: AdamW,
  batch: { grid: tf.Tensor4D; cls?: tf.Tensor2D; targets: tf.Tensor2D },
  o: { microBatch: number; lr: number; gradClip: number; probe?: MemoryProbe },
): { loss: number; gradNorm: number } {
  const B = batch.grid.shape[0];
  const vars = [...model.params.values()];
  const names = [...model.params.keys()];
  const acc = new Map<string, tf.Tensor>();
  let lossSum = 0;
  for (let start = 0; start < B; start += o.microBatch) {
    const size = Math.min(o.microBatch, B - start);
    const g = tf.slice(batch.grid, [start, 0, 0, 0], [size, -1, -1, -1]);
    const c = batch.cls ? tf.slice(batch.cls, [start, 0], [size, -1]) : undefined;
    const t = tf.slice(batch.targets, [start, 0], [size, -1]);
    let micro: Map<string, tf.Tensor>;
    try {
      if (model.lossAndGrads) {
        // Sum over the micro-batch / full batch size: accumulated grads equal the full-batch mean.
        const r = model.lossAndGrads({ grid: g, cls: c, targets: t }, B, o.probe);
        lossSum += r.loss;
        micro = r.grads;
      } else {
        const { value, grads } = tf.variableGrads(() => {
          const logits = model.forward(g, c);
          o.probe?.sample(); // the forward's activations are alive on the tape
          return tf.div(tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(logits)))), B) as tf.Scalar;
        }, vars);
        lossSum += (value.dataSync() as Float32Array)[0];
        value.dispose();
        micro = new Map();
        for (let i = 0; i < names.length; i++) {
          const gi = grads[vars[i].name];
          if (gi) micro.set(names[i], gi);
        }
      }
    } finally {
      tf.dispose([g, t, ...(c ? [c] : [])]);
    }
    for (const [name, gi] of micro) {
      const prev = acc.get(name);
      if (prev) {
        acc.set(name, tf.add(prev, gi));
        prev.dispose();
        gi.dispose();
      } else acc.set(name, gi);
    }
  }
  o.probe?.sample();
  const gradNorm = clipGlobalNorm(acc, o.gradClip);
  opt.apply(acc, o.lr);
  acc.forEach((g) => g.dispose());
  return { loss: lossSum, gradNorm };
}
