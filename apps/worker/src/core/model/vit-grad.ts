/**
 * The LOFF-TA ViT classifier's forward pass and its hand-written backward pass (one definition of
 * the math for inference and training).
 *
 * Why not tf.variableGrads: tfjs's tape keeps every intermediate tensor of the forward pass (a
 * LayerNorm is 9 of them, the tanh-GELU 9 more on the 4×-wide MLP activations) and every gradient
 * it computes until the whole backward pass ends, and clones what kernels save. For the `deit-s`
 * classifier on 16×16 tokens that was ~9.9 GB of tf memory for one micro-batch of 8 (3,834 kernels
 * per forward+backward). Here each block saves only what its backward needs (LayerNorm: x̂ and
 * 1/σ; attention: q, k, v and the softmax; MLP: its input, the GELU input and tanh), each block's
 * backward runs in its own tf.tidy and frees that block's saved tensors as soon as it is done, and
 * biases ride in fused matmuls. docs/benchmarks.md has the before/after. Gradients are checked
 * against tf.variableGrads of the same forward in core/model/vit-grad.test.ts.
 *
 * Layout: tokens are kept 2-D, [M = B·T, width], so every linear is one matmul.
 */
import * as tf from "@tensorflow/tfjs";

export const LN_EPS = 1e-6;
const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_K = 0.044715;

export interface BlockParams {
  n1g: tf.Variable;
  n1b: tf.Variable;
  qkvW: tf.Variable;
  qkvB: tf.Variable;
  oW: tf.Variable;
  oB: tf.Variable;
  n2g: tf.Variable;
  n2b: tf.Variable;
  f1W: tf.Variable;
  f1B: tf.Variable;
  f2W: tf.Variable;
  f2B: tf.Variable;
}

export interface VitParams {
  projW: tf.Variable;
  projB: tf.Variable;
  projG: tf.Variable;
  projBeta: tf.Variable;
  /** Learned CLS token [1, 1, W]; null when the projected cached CLS is the first token. */
  clsTok: tf.Variable | null;
  pos: tf.Variable;
  blocks: BlockParams[];
  normG: tf.Variable;
  normB: tf.Variable;
  headW: tf.Variable;
  headB: tf.Variable;
}

export interface VitShape {
  width: number;
  heads: number;
  /** Grid tokens h·w. */
  tokens: number;
  inDim: number;
}

/** tf.tidy for functions returning plain objects (nested records of tensors). */
function tidy<T>(f: () => T): T {
  return tf.tidy(f as unknown as () => tf.TensorContainer) as unknown as T;
}

/** x [M, in] @ w [in, out] + b, one fused kernel. */
function linear(x: tf.Tensor2D, w: tf.Variable, b: tf.Variable): tf.Tensor2D {
  return tf.fused.matMul({ a: x, b: w as tf.Tensor2D, bias: b }) as tf.Tensor2D;
}

interface LnSaved {
  xhat: tf.Tensor2D;
  rstd: tf.Tensor2D;
}

/** LayerNorm over the last axis of [M, W]; returns the output and what its backward needs. */
function layerNorm(x: tf.Tensor2D, g: tf.Variable, b: tf.Variable): { y: tf.Tensor2D } & LnSaved {
  const xc = tf.sub(x, tf.mean(x, -1, true));
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(xc), -1, true), LN_EPS)) as tf.Tensor2D;
  const xhat = tf.mul(xc, rstd) as tf.Tensor2D;
  return { y: tf.add(tf.mul(xhat, g), b) as tf.Tensor2D, xhat, rstd };
}

/** dL/dx of LayerNorm, and (added into `acc`) dL/dg, dL/db. */
function layerNormBackward(dy: tf.Tensor2D, s: LnSaved, g: tf.Variable): { dx: tf.Tensor2D; dg: tf.Tensor; db: tf.Tensor } {
  const dg = tf.sum(tf.mul(dy, s.xhat), 0);
  const db = tf.sum(dy, 0);
  const dxhat = tf.mul(dy, g);
  const dx = tf.mul(
    tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), tf.mul(s.xhat, tf.mean(tf.mul(dxhat, s.xhat), -1, true))),
    s.rstd,
  ) as tf.Tensor2D;
  return { dx, dg, db };
}

/** tanh-approximate GELU (torch.nn.GELU(approximate="tanh")); also returns tanh(inner). */
function geluWithTanh(u: tf.Tensor): { a: tf.Tensor; t: tf.Tensor } {
  const t = tf.tanh(tf.mul(tf.add(u, tf.mul(tf.mul(tf.square(u), u), GELU_K)), GELU_C));
  return { a: tf.mul(tf.mul(u, 0.5), tf.add(t, 1)), t };
}

/** GELU for inference (the training forward's exact formula). */
export function gelu(x: tf.Tensor): tf.Tensor {
  return geluWithTanh(x).a;
}

/** d gelu(u)/du · da, from u and tanh(inner). */
function geluBackward(da: tf.Tensor, u: tf.Tensor, t: tf.Tensor): tf.Tensor {
  // 0.5(1+t) + 0.5·u·(1−t²)·c·(1 + 3k·u²)
  const sech2 = tf.sub(1, tf.square(t));
  const inner = tf.mul(tf.add(tf.mul(tf.square(u), 3 * GELU_K * GELU_C), GELU_C), tf.mul(u, sech2));
  return tf.mul(da, tf.mul(tf.add(tf.add(t, 1), inner), 0.5));
}

/**
 * What a block's backward reads. Not kept, recomputed there from what is: the LayerNorm outputs
 * (x̂·g + b) and the GELU output (½u(1 + t)): two cheap elementwise kernels each instead of 25 MB
 * per block at micro-batch 8 on deit-s.
 */
interface BlockSaved {
  ln1: LnSaved;
  q: tf.Tensor4D;
  k: tf.Tensor4D;
  v: tf.Tensor4D;
  p: tf.Tensor4D;
  o: tf.Tensor2D;
  ln2: LnSaved;
  u: tf.Tensor2D;
  t: tf.Tensor2D;
}

/** One pre-norm block on x [M, W] (M = B·T): returns the output and, when `save`, its tape. */
function blockForward(
  x: tf.Tensor2D,
  bl: BlockParams,
  B: number,
  T: number,
  heads: number,
  save: boolean,
): { y: tf.Tensor2D; saved?: BlockSaved } {
  return tidy((): { y: tf.Tensor2D; saved?: BlockSaved } => {
    const W = x.shape[1];
    const dh = W / heads;
    const ln1 = layerNorm(x, bl.n1g, bl.n1b);
    // [M, 3W] → [3, B, heads, T, dh]
    const qkv = tf.transpose(tf.reshape(linear(ln1.y, bl.qkvW, bl.qkvB), [B, T, 3, heads, dh]), [2, 0, 3, 1, 4]);
    const [q, k, v] = tf.unstack(qkv) as tf.Tensor4D[];
    const p = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh))) as tf.Tensor4D;
    const o = tf.reshape(tf.transpose(tf.matMul(p, v), [0, 2, 1, 3]), [B * T, W]) as tf.Tensor2D;
    const x2 = tf.add(x, linear(o, bl.oW, bl.oB)) as tf.Tensor2D;
    const ln2 = layerNorm(x2, bl.n2g, bl.n2b);
    const u = linear(ln2.y, bl.f1W, bl.f1B);
    const { a, t } = geluWithTanh(u);
    const y = tf.add(x2, linear(a as tf.Tensor2D, bl.f2W, bl.f2B)) as tf.Tensor2D;
    if (!save) return { y };
    const saved: BlockSaved = {
      ln1: { xhat: ln1.xhat, rstd: ln1.rstd },
      q,
      k,
      v,
      p,
      o,
      ln2: { xhat: ln2.xhat, rstd: ln2.rstd },
      u,
      t: t as tf.Tensor2D,
    };
    return { y, saved };
  });
}

/** Gradient of a linear's weight and bias: x^T dy, Σ_rows dy. */
function linearGrads(x: tf.Tensor2D, dy: tf.Tensor2D): [tf.Tensor, tf.Tensor] {
  return [tf.matMul(x, dy, true, false), tf.sum(dy, 0)];
}

/**
 * Backward of one block: dL/dx and the block's parameter gradients (keyed like BlockParams). The
 * MLP half and the attention half run in separate tidies, and the MLP's saved tensors are freed
 * before the attention half starts, so their temporaries never coexist.
 */
function blockBackward(
  dy: tf.Tensor2D,
  s: BlockSaved,
  bl: BlockParams,
  B: number,
  T: number,
  heads: number,
): { dx: tf.Tensor2D; grads: Record<keyof BlockParams, tf.Tensor> } {
  const W = dy.shape[1];
  const dh = W / heads;
  // MLP: y = x2 + a W2 + b2, a = gelu(u), u = LN2(x2) W1 + b1
  const mlp = tidy(() => {
    const a = tf.mul(tf.mul(s.u, 0.5), tf.add(s.t, 1)) as tf.Tensor2D;
    const [f2W, f2B] = linearGrads(a, dy);
    const du = geluBackward(tf.matMul(dy, bl.f2W, false, true), s.u, s.t) as tf.Tensor2D;
    const [f1W, f1B] = linearGrads(tf.add(tf.mul(s.ln2.xhat, bl.n2g), bl.n2b) as tf.Tensor2D, du);
    const ln2 = layerNormBackward(tf.matMul(du, bl.f1W, false, true), s.ln2, bl.n2g);
    return { dx2: tf.add(dy, ln2.dx) as tf.Tensor2D, f2W, f2B, f1W, f1B, n2g: ln2.dg, n2b: ln2.db };
  });
  tf.dispose([s.u, s.t, s.ln2.xhat, s.ln2.rstd]);
  // Attention: x2 = x + o Wo + bo, o = softmax(q kᵀ/√dh) v, [q k v] = LN1(x) Wqkv + bqkv
  const attn = tidy(() => {
    const dx2 = mlp.dx2;
    const [oW, oB] = linearGrads(s.o, dx2);
    const dO = tf.transpose(tf.reshape(tf.matMul(dx2, bl.oW, false, true), [B, T, heads, dh]), [0, 2, 1, 3]);
    const dP = tf.matMul(dO, s.v, false, true);
    const dv = tf.matMul(s.p, dO, true, false);
    const dS = tf.mul(tf.mul(s.p, tf.sub(dP, tf.sum(tf.mul(dP, s.p), -1, true))), 1 / Math.sqrt(dh));
    const dq = tf.matMul(dS, s.k);
    const dk = tf.matMul(dS, s.q, true, false);
    // [3, B, heads, T, dh] → [M, 3W]
    const dqkv = tf.reshape(tf.transpose(tf.stack([dq, dk, dv]), [1, 3, 0, 2, 4]), [B * T, 3 * W]) as tf.Tensor2D;
    const [qkvW, qkvB] = linearGrads(tf.add(tf.mul(s.ln1.xhat, bl.n1g), bl.n1b) as tf.Tensor2D, dqkv);
    const ln1 = layerNormBackward(tf.matMul(dqkv, bl.qkvW, false, true), s.ln1, bl.n1g);
    return { dx: tf.add(dx2, ln1.dx) as tf.Tensor2D, oW, oB, qkvW, qkvB, n1g: ln1.dg, n1b: ln1.db };
  });
  mlp.dx2.dispose();
  const { dx, ...attnGrads } = attn;
  const { dx2: _dx2, ...mlpGrads } = mlp;
  void _dx2;
  return { dx, grads: { ...attnGrads, ...mlpGrads } };
}

/** Free what a block's backward read (its MLP half is freed inside blockBackward). */
function disposeSaved(s: BlockSaved): void {
  tf.dispose([s.ln1.xhat, s.ln1.rstd, s.q, s.k, s.v, s.p, s.o, s.ln2.xhat, s.ln2.rstd, s.u, s.t]);
}

/** Logits [B, C] for grid [B, h, w, D] (cls [B, D] when the first token is the cached CLS). */
export function vitForward(P: VitParams, shape: VitShape, grid: tf.Tensor4D, cls?: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const B = grid.shape[0];
    const { x, T } = embed(P, shape, grid, cls).out;
    let h = x;
    for (const bl of P.blocks) {
      const next = blockForward(h, bl, B, T, shape.heads, false).y;
      h.dispose();
      h = next;
    }
    const clsOut = tf.reshape(tf.slice(tf.reshape(h, [B, T, shape.width]), [0, 0, 0], [B, 1, shape.width]), [B, shape.width]) as tf.Tensor2D;
    return linear(layerNorm(clsOut, P.normG, P.normB).y, P.headW, P.headB);
  });
}

interface EmbedSaved {
  gridFlat: tf.Tensor2D;
  lnPatch: LnSaved;
  clsFlat?: tf.Tensor2D;
  lnCls?: LnSaved;
}

/** Projection + LayerNorm of the grid (and cached CLS), CLS prepended, + position embeddings. */
function embed(
  P: VitParams,
  shape: VitShape,
  grid: tf.Tensor4D,
  cls?: tf.Tensor2D,
): { out: { x: tf.Tensor2D; T: number }; saved: EmbedSaved } {
  const B = grid.shape[0];
  const { tokens: N, inDim: D, width: Wd } = shape;
  const T = 1 + N;
  const gridFlat = tf.reshape(grid, [B * N, D]) as tf.Tensor2D;
  const lnPatch = layerNorm(linear(gridFlat, P.projW, P.projB), P.projG, P.projBeta);
  let first: tf.Tensor;
  let clsFlat: tf.Tensor2D | undefined;
  let lnCls: ReturnType<typeof layerNorm> | undefined;
  if (P.clsTok) first = tf.tile(P.clsTok, [B, 1, 1]);
  else {
    if (!cls) throw new Error("useCachedCls needs the cached CLS tokens");
    clsFlat = cls;
    lnCls = layerNorm(linear(cls, P.projW, P.projB), P.projG, P.projBeta);
    first = tf.reshape(lnCls.y, [B, 1, Wd]);
  }
  const x = tf.reshape(tf.add(tf.concat([first, tf.reshape(lnPatch.y, [B, N, Wd])], 1), P.pos), [B * T, Wd]) as tf.Tensor2D;
  return {
    out: { x, T },
    saved: {
      gridFlat,
      lnPatch: { xhat: lnPatch.xhat, rstd: lnPatch.rstd },
      clsFlat,
      lnCls: lnCls && { xhat: lnCls.xhat, rstd: lnCls.rstd },
    },
  };
}

/**
 * Loss Σ_b −Σ_c t·log softmax(logits) / `denom` of one (micro-)batch and the gradients of every
 * parameter (keyed by the VitParams field / block index; mapped to names by the caller).
 * Inputs are not disposed; the returned gradients belong to the caller.
 */
export function vitLossAndGrads(
  P: VitParams,
  shape: VitShape,
  batch: { grid: tf.Tensor4D; cls?: tf.Tensor2D; targets: tf.Tensor2D },
  denom: number,
  probe?: { sample(): void },
): { loss: number; grads: Map<tf.Variable, tf.Tensor> } {
  const B = batch.grid.shape[0];
  const Wd = shape.width;
  const grads = new Map<tf.Variable, tf.Tensor>();
  const put = (v: tf.Variable, g: tf.Tensor): void => {
    const prev = grads.get(v);
    if (prev) {
      grads.set(v, tf.add(prev, g));
      prev.dispose();
      g.dispose();
    } else grads.set(v, g);
  };
  // Forward, keeping each block's tape.
  const emb = tidy(() => {
    const r = embed(P, shape, batch.grid, batch.cls);
    return { x: r.out.x, saved: r.saved };
  });
  const T = 1 + shape.tokens;
  const tapes: BlockSaved[] = [];
  let h = emb.x;
  for (const bl of P.blocks) {
    const r = blockForward(h, bl, B, T, shape.heads, true);
    h.dispose();
    tapes.push(r.saved as BlockSaved);
    h = r.y;
  }
  // Head and loss; dL/dh at the CLS position.
  const head = tidy(() => {
    const clsOut = tf.reshape(tf.slice(tf.reshape(h, [B, T, Wd]), [0, 0, 0], [B, 1, Wd]), [B, Wd]) as tf.Tensor2D;
    const ln = layerNorm(clsOut, P.normG, P.normB);
    const logits = linear(ln.y, P.headW, P.headB);
    const logp = tf.logSoftmax(logits);
    const loss = tf.div(tf.neg(tf.sum(tf.mul(batch.targets, logp))), denom);
    // d/dlogits of −Σ t·log softmax = softmax·Σt − t
    const dLogits = tf.div(tf.sub(tf.mul(tf.exp(logp), tf.sum(batch.targets, -1, true)), batch.targets), denom) as tf.Tensor2D;
    const [dHeadW, dHeadB] = linearGrads(ln.y, dLogits);
    const lnB = layerNormBackward(tf.matMul(dLogits, P.headW, false, true), ln, P.normG);
    // Scatter the CLS-position gradient into a zero [B, T, W] gradient of the last block's output.
    const dh = tf.reshape(tf.pad(tf.reshape(lnB.dx, [B, 1, Wd]), [[0, 0], [0, T - 1], [0, 0]]), [B * T, Wd]) as tf.Tensor2D;
    return { loss: loss as tf.Scalar, dh, dHeadW, dHeadB, dNormG: lnB.dg, dNormB: lnB.db };
  });
  h.dispose();
  probe?.sample(); // every block's tape is alive: the peak of the step
  const loss = (head.loss.dataSync() as Float32Array)[0];
  head.loss.dispose();
  put(P.headW, head.dHeadW);
  put(P.headB, head.dHeadB);
  put(P.normG, head.dNormG);
  put(P.normB, head.dNormB);
  let dh = head.dh;
  for (let i = P.blocks.length - 1; i >= 0; i--) {
    const bl = P.blocks[i];
    const r = blockBackward(dh, tapes[i], bl, B, T, shape.heads);
    disposeSaved(tapes[i]);
    dh.dispose();
    for (const key of Object.keys(r.grads) as (keyof BlockParams)[]) put(bl[key], r.grads[key]);
    dh = r.dx;
  }
  // Embedding: x = concat(first, LN(grid W + b)) + pos.
  const e = emb.saved;
  const embG = tidy(() => {
    const dx3 = tf.reshape(dh, [B, T, Wd]);
    const dPos = tf.sum(dx3, 0, true);
    const dFirst = tf.reshape(tf.slice(dx3, [0, 0, 0], [B, 1, Wd]), [B, Wd]) as tf.Tensor2D;
    const dPatches = tf.reshape(tf.slice(dx3, [0, 1, 0], [B, T - 1, Wd]), [B * (T - 1), Wd]) as tf.Tensor2D;
    const lnP = layerNormBackward(dPatches, e.lnPatch, P.projG);
    let [dProjW, dProjB] = linearGrads(e.gridFlat, lnP.dx);
    let dProjG = lnP.dg;
    let dProjBeta = lnP.db;
    let dCls: tf.Tensor | undefined;
    if (P.clsTok) dCls = tf.reshape(tf.sum(dFirst, 0), [1, 1, Wd]);
    else if (e.lnCls && e.clsFlat) {
      const lnC = layerNormBackward(dFirst, e.lnCls, P.projG);
      const [w2, b2] = linearGrads(e.clsFlat, lnC.dx);
      dProjW = tf.add(dProjW, w2);
      dProjB = tf.add(dProjB, b2);
      dProjG = tf.add(dProjG, lnC.dg);
      dProjBeta = tf.add(dProjBeta, lnC.db);
    }
    return { dPos, dProjW, dProjB, dProjG, dProjBeta, dCls };
  });
  dh.dispose();
  tf.dispose([e.lnPatch.xhat, e.lnPatch.rstd, ...(e.lnCls ? [e.lnCls.xhat, e.lnCls.rstd] : [])]);
  // gridFlat / clsFlat are views of the caller's inputs (reshape): disposing the handles is safe.
  e.gridFlat.dispose();
  put(P.pos, embG.dPos);
  put(P.projW, embG.dProjW);
  put(P.projB, embG.dProjB);
  put(P.projG, embG.dProjG);
  put(P.projBeta, embG.dProjBeta);
  if (P.clsTok && embG.dCls) put(P.clsTok, embG.dCls);
  return { loss, grads };
}
