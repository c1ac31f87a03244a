/**
 * The matrix products of one DeiT-S LOFF-TA training step (bench/train-core.ts's setting), as a
 * list of shapes: what both runtimes must compute whatever else they do. bench:train-core times
 * this list alone in tfjs-node and in PyTorch (bench/torch_matmuls.py, same list as JSON), to
 * split each runtime's step into products and everything else.
 */

/** One product: `batch` × (op(A) [m, k] · op(B) [k, n]), op = transpose when ta / tb. */
export interface MatMulSpec {
  what: string;
  batch: number;
  m: number;
  k: number;
  n: number;
  ta: boolean;
  tb: boolean;
  /** How many times one step computes it. */
  times: number;
}

/** Forward and backward products of a step: `steps` micro-batches of `micro` images. */
export function stepMatMuls(o: { micro: number; microBatches: number; tokens: number; inDim: number; width: number; depth: number; heads: number }): MatMulSpec[] {
  const t = o.tokens + 1; // + CLS
  const rows = o.micro * t;
  const per = o.microBatches;
  const blocks = per * o.depth;
  const hb = o.micro * o.heads;
  const dh = o.width / o.heads;
  const linear = (what: string, m: number, i: number, out: number, n: number, withDx = true): MatMulSpec[] => [
    { what: `${what} forward`, batch: 1, m, k: i, n: out, ta: false, tb: false, times: n },
    ...(withDx ? [{ what: `${what} dX`, batch: 1, m, k: out, n: i, ta: false, tb: true, times: n }] : []),
    { what: `${what} dW`, batch: 1, m: i, k: m, n: out, ta: true, tb: false, times: n },
  ];
  return [
    // The input projection: no gradient for the cached tokens.
    ...linear("embed", o.micro * o.tokens, o.inDim, o.width, per, false),
    ...linear("qkv", rows, o.width, 3 * o.width, blocks),
    ...linear("proj", rows, o.width, o.width, blocks),
    ...linear("fc1", rows, o.width, 4 * o.width, blocks),
    ...linear("fc2", rows, 4 * o.width, o.width, blocks),
    { what: "attention q·kᵀ", batch: hb, m: t, k: dh, n: t, ta: false, tb: true, times: blocks },
    { what: "attention p·v", batch: hb, m: t, k: t, n: dh, ta: false, tb: false, times: blocks },
    { what: "attention dP = dO·vᵀ", batch: hb, m: t, k: dh, n: t, ta: false, tb: true, times: blocks },
    { what: "attention dV = pᵀ·dO", batch: hb, m: t, k: t, n: dh, ta: true, tb: false, times: blocks },
    { what: "attention dQ = dS·k", batch: hb, m: t, k: t, n: dh, ta: false, tb: false, times: blocks },
    { what: "attention dK = dSᵀ·q", batch: hb, m: t, k: t, n: dh, ta: true, tb: false, times: blocks },
  ];
}

/** Multiply-adds of the list. */
export const matMulFlops = (specs: MatMulSpec[]): number => specs.reduce((s, x) => s + x.batch * x.m * x.k * x.n * x.times, 0);
