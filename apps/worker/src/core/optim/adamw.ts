/**
 * AdamW (Loshchilov & Hutter) with decoupled weight decay, as torch.optim.AdamW:
 *   p ← p − lr·wd·p (decayed params only);  m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;
 *   p ← p − lr · m̂ / (√v̂ + ε),  m̂ = m/(1−β1^t), v̂ = v/(1−β2^t).
 * Also global-norm gradient clipping. State lives in tf.Variables (checkpointable).
 */
import * as tf from "@tensorflow/tfjs";

export interface AdamWOptions {
  betas: [number, number] | readonly [number, number];
  eps: number;
  weightDecay: number;
}

export interface AdamW {
  readonly options: AdamWOptions;
  /** Number of updates applied so far. */
  step: number;
  readonly m: Map<string, tf.Variable>;
  readonly v: Map<string, tf.Variable>;
  /** Apply one update with the given grads (not disposed) at learning rate lr. */
  apply(grads: Map<string, tf.Tensor>, lr: number): void;
  dispose(): void;
}

export function createAdamW(
  params: Map<string, tf.Variable>,
  decayed: (name: string) => boolean,
  options: AdamWOptions,
): AdamW {
  const m = new Map<string, tf.Variable>();
  const v = new Map<string, tf.Variable>();
  for (const [name, p] of params) {
    // tf.tidy disposes the zero temporaries; the variables (shared data) are kept.
    tf.tidy(() => {
      m.set(name, tf.variable(tf.zerosLike(p), false, `${p.name}/adam.m`));
      v.set(name, tf.variable(tf.zerosLike(p), false, `${p.name}/adam.v`));
    });
  }
  const [b1, b2] = options.betas;
  const opt: AdamW = {
    options,
    step: 0,
    m,
    v,
    apply(grads, lr) {
      opt.step++;
      const t = opt.step;
      const bc1 = 1 - Math.pow(b1, t);
      const bc2 = 1 - Math.pow(b2, t);
      // One tidy per parameter: a single tidy around the loop kept every parameter's ~10
      // temporaries alive until the end (≈ 1 GB at 22 M parameters).
      for (const [name, p] of params) {
        const g = grads.get(name);
        if (!g) continue;
        tf.tidy(() => {
          const mv = m.get(name) as tf.Variable;
          const vv = v.get(name) as tf.Variable;
          const mNew = tf.add(tf.mul(mv, b1), tf.mul(g, 1 - b1));
          const vNew = tf.add(tf.mul(vv, b2), tf.mul(tf.square(g), 1 - b2));
          mv.assign(mNew);
          vv.assign(vNew);
          let base: tf.Tensor = p;
          if (options.weightDecay > 0 && decayed(name)) base = tf.mul(p, 1 - lr * options.weightDecay);
          const upd = tf.div(tf.div(mNew, bc1), tf.add(tf.sqrt(tf.div(vNew, bc2)), options.eps));
          p.assign(tf.sub(base, tf.mul(upd, lr)));
        });
      }
    },
    dispose() {
      m.forEach((x) => x.dispose());
      v.forEach((x) => x.dispose());
    },
  };
  return opt;
}

/** Global L2 norm of the grads; scales them in place (replacing map entries) when above maxNorm. */
export function clipGlobalNorm(grads: Map<string, tf.Tensor>, maxNorm: number): number {
  const norm = tf.tidy(() => {
    const sq = [...grads.values()].map((g) => tf.sum(tf.square(g)));
    return tf.sqrt(tf.addN(sq));
  });
  const n = (norm.dataSync() as Float32Array)[0];
  norm.dispose();
  if (maxNorm > 0 && n > maxNorm) {
    const s = maxNorm / (n + 1e-6);
    for (const [k, g] of grads) {
      grads.set(k, tf.mul(g, s));
      g.dispose();
    }
  }
  return n;
}
