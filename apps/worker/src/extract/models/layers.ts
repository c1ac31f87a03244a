/**
 * Shared transformer pieces for the ViT families (inference only, NHWC / [B, T, D] tensors):
 * linear, LayerNorm, multi-head self-attention, MLP (gelu / quick_gelu) and SwiGLU, the pre-LN
 * block with optional LayerScale, and a parameter loader from HF weight names.
 */
import * as tf from "@tensorflow/tfjs";
import type { WeightStore } from "../weights";

export interface Linear {
  /** [in, out] (transposed from PyTorch's [out, in]). */
  w: tf.Tensor2D;
  b: tf.Tensor1D | null;
}
export interface Norm {
  g: tf.Tensor1D;
  b: tf.Tensor1D;
  eps: number;
}
export type Activation = "gelu" | "gelu_new" | "quick_gelu" | "relu" | "silu";

export type Ffn = { kind: "mlp"; fc1: Linear; fc2: Linear; act: Activation } | { kind: "swiglu"; win: Linear; wout: Linear };

export interface BlockParams {
  ln1: Norm;
  /** Fused query/key/value projection [D, 3D]. */
  qkv: Linear;
  proj: Linear;
  ls1: tf.Tensor1D | null;
  ln2: Norm;
  ffn: Ffn;
  ls2: tf.Tensor1D | null;
}

export function linear(x: tf.Tensor, l: Linear): tf.Tensor {
  return tf.tidy(() => {
    const shape = x.shape;
    const inDim = shape[shape.length - 1];
    let y: tf.Tensor = tf.matMul(x.reshape([-1, inDim]), l.w);
    if (l.b) y = tf.add(y, l.b);
    return y.reshape([...shape.slice(0, -1), l.w.shape[1]]);
  });
}

export function layerNorm(x: tf.Tensor, n: Norm): tf.Tensor {
  return tf.tidy(() => {
    const axis = x.rank - 1;
    const { mean, variance } = tf.moments(x, axis, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, n.eps))), n.g), n.b);
  });
}

export function activate(x: tf.Tensor, act: Activation): tf.Tensor {
  return tf.tidy(() => {
    switch (act) {
      case "gelu": // exact (erf) GELU, as torch.nn.GELU()
        return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));
      case "gelu_new": {
        const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
        return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(inner)));
      }
      case "quick_gelu":
        return tf.mul(x, tf.sigmoid(tf.mul(x, 1.702)));
      case "relu":
        return tf.relu(x);
      case "silu":
        return tf.mul(x, tf.sigmoid(x));
    }
  });
}

/** Multi-head self-attention over [B, T, D]. */
export function selfAttention(x: tf.Tensor3D, qkv: Linear, proj: Linear, heads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [B, T, D] = x.shape;
    const hd = D / heads;
    const y = linear(x, qkv).reshape([B, T, 3, heads, hd]).transpose([2, 0, 3, 1, 4]) as tf.Tensor5D; // [3, B, H, T, hd]
    const [q, k, v] = tf.unstack(y, 0) as tf.Tensor4D[];
    const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(hd));
    const ctx = tf.matMul(tf.softmax(scores, -1), v); // [B, H, T, hd]
    return linear(ctx.transpose([0, 2, 1, 3]).reshape([B, T, D]), proj) as tf.Tensor3D;
  });
}

export function ffn(x: tf.Tensor, f: Ffn): tf.Tensor {
  return tf.tidy(() => {
    if (f.kind === "mlp") return linear(activate(linear(x, f.fc1), f.act), f.fc2);
    const h = linear(x, f.win);
    const half = h.shape[h.rank - 1] / 2;
    const [x1, x2] = tf.split(h, [half, half], -1);
    return linear(tf.mul(activate(x1, "silu"), x2), f.wout);
  });
}

/** Pre-LN transformer block: x + ls1·attn(ln1(x)); x + ls2·ffn(ln2(x)). */
export function block(x: tf.Tensor3D, p: BlockParams, heads: number): tf.Tensor3D {
  return tf.tidy(() => {
    let a: tf.Tensor = selfAttention(layerNorm(x, p.ln1) as tf.Tensor3D, p.qkv, p.proj, heads);
    if (p.ls1) a = tf.mul(a, p.ls1);
    const h = tf.add(x, a);
    let m = ffn(layerNorm(h, p.ln2), p.ffn);
    if (p.ls2) m = tf.mul(m, p.ls2);
    return tf.add(h, m) as tf.Tensor3D;
  });
}

/** Expected-shape registry + loader of HF-named parameters into tf tensors. */
export class ParamLoader {
  readonly expected = new Map<string, number[]>();
  private readonly loaded: tf.Tensor[] = [];
  constructor(readonly store: WeightStore) {}

  expect(name: string, shape: number[]): void {
    this.expected.set(name, shape);
  }
  expectLinear(prefix: string, inDim: number, outDim: number, bias = true): void {
    this.expect(`${prefix}.weight`, [outDim, inDim]);
    if (bias) this.expect(`${prefix}.bias`, [outDim]);
  }
  expectNorm(prefix: string, dim: number): void {
    this.expect(`${prefix}.weight`, [dim]);
    this.expect(`${prefix}.bias`, [dim]);
  }
  /** Throws WeightsMismatchError naming every missing / mis-shaped tensor. */
  check(): void {
    this.store.check(this.expected);
  }

  private track<T extends tf.Tensor>(t: T): T {
    this.loaded.push(t);
    return t;
  }
  async raw(name: string): Promise<Float32Array> {
    return (await this.store.get(name)).data;
  }
  async tensor(name: string, shape?: number[]): Promise<tf.Tensor> {
    const { data, shape: s } = await this.store.get(name);
    return this.track(tf.tensor(data, shape ?? s));
  }
  async mat(name: string, rows: number, cols: number): Promise<tf.Tensor2D> {
    const { data } = await this.store.get(name);
    return this.track(tf.tensor2d(data, [rows, cols]));
  }
  async vec(name: string): Promise<tf.Tensor1D> {
    const { data } = await this.store.get(name);
    return this.track(tf.tensor1d(data));
  }
  async linear(prefix: string, bias = true): Promise<Linear> {
    const { data, shape } = await this.store.get(`${prefix}.weight`);
    const w = this.track(tf.tidy(() => tf.tensor2d(data, [shape[0], shape[1]]).transpose<tf.Tensor2D>()));
    return { w, b: bias ? await this.vec(`${prefix}.bias`) : null };
  }
  /** Fuse separate q/k/v linears (HF layout) into one [D, 3D] projection. */
  async fusedQkv(q: string, k: string, v: string, bias = true): Promise<Linear> {
    const parts = [await this.linear(q, bias), await this.linear(k, bias), await this.linear(v, bias)];
    const w = this.track(tf.concat(parts.map((p) => p.w), 1) as tf.Tensor2D);
    const b = bias ? this.track(tf.concat(parts.map((p) => p.b as tf.Tensor1D)) as tf.Tensor1D) : null;
    for (const p of parts) this.disposeLinear(p);
    return { w, b };
  }
  async norm(prefix: string, eps: number): Promise<Norm> {
    return { g: await this.vec(`${prefix}.weight`), b: await this.vec(`${prefix}.bias`), eps };
  }
  /** Conv patch embedding: PyTorch [D, 3, P, P] → tf [P, P, 3, D]. */
  async patchConv(prefix: string, bias: boolean): Promise<{ w: tf.Tensor4D; b: tf.Tensor1D | null }> {
    const { data, shape } = await this.store.get(`${prefix}.weight`);
    const w = this.track(tf.tidy(() => tf.tensor4d(data, shape as [number, number, number, number]).transpose([2, 3, 1, 0]) as tf.Tensor4D));
    return { w, b: bias ? await this.vec(`${prefix}.bias`) : null };
  }
  private disposeLinear(l: Linear): void {
    for (const t of [l.w, l.b]) {
      if (!t) continue;
      const i = this.loaded.indexOf(t);
      if (i >= 0) this.loaded.splice(i, 1);
      t.dispose();
    }
  }
  /** Every tensor loaded so far (owned by the model; disposed with it). */
  get tensors(): tf.Tensor[] {
    return this.loaded;
  }
}
