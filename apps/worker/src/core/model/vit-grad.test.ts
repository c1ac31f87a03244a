/**
 * The classifier's hand-written backward pass (vit-grad.ts) against tfjs autodiff of the same
 * forward (tf.variableGrads): every parameter's gradient, the loss, soft targets, both CLS modes,
 * micro-batch denominators, and no tensor left behind.
 */
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend";
import { createRng } from "../rng";
import { buildClassifier } from "./vit";
import type { Classifier, ClassifierOptions } from "./vit";

beforeAll(async () => {
  await initBackend({ quiet: true });
});

function softTargets(B: number, C: number, seed: number): tf.Tensor2D {
  const rng = createRng(seed);
  const t = new Float32Array(B * C);
  for (let b = 0; b < B; b++) {
    // mixup-like: two classes with weights λ, 1 − λ, then smoothed
    const lam = rng.uniform(0.3, 1);
    t[b * C + rng.int(0, C - 1)] += lam;
    t[b * C + rng.int(0, C - 1)] += 1 - lam;
    for (let c = 0; c < C; c++) t[b * C + c] = 0.9 * t[b * C + c] + 0.1 / C;
  }
  return tf.tensor2d(t, [B, C]);
}

function autodiff(model: Classifier, grid: tf.Tensor4D, cls: tf.Tensor2D | undefined, targets: tf.Tensor2D, denom: number) {
  const vars = [...model.params.values()];
  const { value, grads } = tf.variableGrads(
    () => tf.div(tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(model.forward(grid, cls))))), denom) as tf.Scalar,
    vars,
  );
  const loss = (value.dataSync() as Float32Array)[0];
  value.dispose();
  const byName = new Map<string, tf.Tensor>();
  for (const [name, v] of model.params) byName.set(name, grads[v.name]);
  return { loss, grads: byName };
}

const cases: [string, Partial<ClassifierOptions>][] = [
  ["learned CLS", { useCachedCls: false, hasCls: true }],
  ["cached CLS as the first token", { useCachedCls: true, hasCls: true }],
  ["no CLS in the cache", { useCachedCls: false, hasCls: false }],
];

describe("vitLossAndGrads equals tf.variableGrads of the same forward", () => {
  it.each(cases)("%s", (_label, extra) => {
    const opts: ClassifierOptions = {
      preset: "tiny",
      inDim: 12,
      grid: { h: 3, w: 4 },
      numClasses: 5,
      useCachedCls: false,
      hasCls: true,
      seed: 7,
      ...extra,
    };
    const model = buildClassifier(opts);
    // Move off the init (zeros biases, unit norms) so every term of the backward matters.
    const rng = createRng(11);
    for (const v of model.params.values()) {
      const d = Float32Array.from({ length: v.size }, () => rng.normal() * 0.2);
      tf.tidy(() => v.assign(tf.add(v, tf.tensor(d, v.shape))));
    }
    const B = 6;
    const grid = tf.randomNormal([B, 3, 4, 12], 0, 1.5, "float32", 3) as tf.Tensor4D;
    const cls = opts.hasCls ? (tf.randomNormal([B, 12], 0, 1.5, "float32", 4) as tf.Tensor2D) : undefined;
    const targets = softTargets(B, 5, 5);
    const denom = 16; // a micro-batch of 6 out of a batch of 16
    const ref = autodiff(model, grid, cls, targets, denom);
    const before = tf.memory().numTensors;
    const got = (model.lossAndGrads as NonNullable<Classifier["lossAndGrads"]>)({ grid, cls, targets }, denom);
    expect(tf.memory().numTensors - before).toBe(got.grads.size);
    expect(got.loss).toBeCloseTo(ref.loss, 5);
    expect(ref.loss).toBeGreaterThan(0.1);
    expect([...got.grads.keys()].sort()).toEqual([...ref.grads.keys()].sort());
    for (const [name, g] of ref.grads) {
      const a = g.dataSync() as Float32Array;
      const b = (got.grads.get(name) as tf.Tensor).dataSync() as Float32Array;
      let maxAbs = 0;
      let maxDiff = 0;
      for (let i = 0; i < a.length; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(a[i]));
        maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
      }
      expect({ name, ok: maxAbs > 0 && maxDiff <= 1e-4 * maxAbs + 1e-7, maxDiff, maxAbs }).toMatchObject({ name, ok: true });
    }
    tf.dispose([...ref.grads.values(), ...got.grads.values(), grid, targets, ...(cls ? [cls] : [])]);
    model.dispose();
  });
});
