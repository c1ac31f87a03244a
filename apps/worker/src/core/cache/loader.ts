/**
 * Streaming batch loader over a feature cache split. Shard order is shuffled per epoch and
 * items are shuffled within groups of shards that fit half the memory budget (the other half
 * holds the prefetched next group): small caches get a full shuffle, large ones a bounded one.
 * Float16 is converted to float32 one batch at a time. Deterministic for (seed, epoch).
 */
import { float16ToFloat32 } from "../float16";
import { createRng, deriveSeed } from "../rng";
import type { FeatureCache, ShardData } from "./reader";
import type { ShardEntry } from "./format";

export interface Batch {
  /** [size, tokensPerItem, dim] float32, row-major. */
  tokens: Float32Array;
  labels: Int32Array;
  index: Int32Array;
  size: number;
  tokensPerItem: number;
  dim: number;
}

export interface LoaderOptions {
  split: string;
  batchSize: number;
  shuffle?: boolean;
  seed?: number;
  epoch?: number;
  /** Drop the last partial batch (default false). */
  dropLast?: boolean;
  /** Bytes of float16 shard data held at once, prefetch included (default 1 GiB). */
  memoryBudgetBytes?: number;
  /** Skip the first n batches (resume mid-epoch); they are not converted. */
  skipBatches?: number;
  /** Verify sha256 of each shard as it is loaded (default true). */
  verify?: boolean;
}

export function countItems(cache: FeatureCache, split: string): number {
  return cache.shardsOf(split).reduce((a, s) => a + s.count, 0);
}

export function countBatches(
  cache: FeatureCache,
  split: string,
  batchSize: number,
  dropLast = false,
): number {
  const n = countItems(cache, split);
  return dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
}

interface ItemRef {
  data: Uint16Array;
  offset: number;
  label: number;
  index: number;
}

export async function* iterateBatches(cache: FeatureCache, opts: LoaderOptions): AsyncGenerator<Batch> {
  const { split, batchSize } = opts;
  if (!(batchSize > 0)) throw new Error(`batchSize must be positive, got ${batchSize}`);
  const shuffle = opts.shuffle ?? true;
  const rng = createRng(deriveSeed(opts.seed ?? 0, opts.epoch ?? 0, 0x10ad));
  const D = cache.manifest.dim;
  const T = cache.tokensPerItem;
  const row = T * D;
  const shards: ShardEntry[] = [...cache.shardsOf(split)];
  if (shuffle) rng.shuffle(shards);
  const budget = opts.memoryBudgetBytes ?? 1 << 30;
  const avgBytes = shards.length ? shards.reduce((a, s) => a + s.bytes, 0) / shards.length : 1;
  const groupSize = Math.max(1, Math.floor(budget / 2 / avgBytes));
  const groups: ShardEntry[][] = [];
  for (let i = 0; i < shards.length; i += groupSize) groups.push(shards.slice(i, i + groupSize));
  const load = (g: ShardEntry[]): Promise<ShardData[]> =>
    Promise.all(g.map((s) => cache.readShard(s, { verify: opts.verify ?? true })));

  let skip = opts.skipBatches ?? 0;
  let carry: ItemRef[] = [];
  let next: Promise<ShardData[]> | null = groups.length ? load(groups[0]) : null;
  // Avoid unhandled rejections of a prefetch that is awaited later.
  next?.catch(() => undefined);
  const makeBatch = (items: ItemRef[]): Batch => {
    const tokens = new Float32Array(items.length * row);
    const labels = new Int32Array(items.length);
    const index = new Int32Array(items.length);
    items.forEach((it, b) => {
      float16ToFloat32(it.data, tokens.subarray(b * row, (b + 1) * row), it.offset, row);
      labels[b] = it.label;
      index[b] = it.index;
    });
    return { tokens, labels, index, size: items.length, tokensPerItem: T, dim: D };
  };
  for (let g = 0; g < groups.length; g++) {
    const data = await (next as Promise<ShardData[]>);
    next = g + 1 < groups.length ? load(groups[g + 1]) : null;
    next?.catch(() => undefined);
    const items: ItemRef[] = [...carry];
    for (const sd of data)
      for (let i = 0; i < sd.count; i++)
        items.push({ data: sd.tokens, offset: i * row, label: sd.labels[i], index: sd.index[i] });
    if (shuffle) rng.shuffle(items);
    let pos = 0;
    for (; pos + batchSize <= items.length; pos += batchSize) {
      if (skip > 0) {
        skip--;
        continue;
      }
      yield makeBatch(items.slice(pos, pos + batchSize));
    }
    // Copy the leftover rows so the group's shard buffers can be released.
    carry = items
      .slice(pos)
      .map((it) => ({ ...it, data: it.data.slice(it.offset, it.offset + row), offset: 0 }));
  }
  if (carry.length > 0 && !(opts.dropLast ?? false) && skip <= 0) yield makeBatch(carry);
}

/** Per-channel mean and std of the patch tokens (CLS excluded) over up to maxItems items. */
export async function estimateChannelStats(
  cache: FeatureCache,
  split: string,
  maxItems = 2048,
): Promise<{ mean: Float32Array; std: Float32Array; items: number }> {
  const D = cache.manifest.dim;
  const T = cache.tokensPerItem;
  const first = cache.manifest.hasCls ? 1 : 0;
  const sum = new Float64Array(D);
  const sq = new Float64Array(D);
  let items = 0;
  let count = 0;
  const rowF = new Float32Array(T * D);
  for (const s of cache.shardsOf(split)) {
    const sd = await cache.readShard(s);
    for (let i = 0; i < sd.count && items < maxItems; i++, items++) {
      float16ToFloat32(sd.tokens, rowF, i * T * D, T * D);
      for (let t = first; t < T; t++) {
        for (let d = 0; d < D; d++) {
          const v = rowF[t * D + d];
          sum[d] += v;
          sq[d] += v * v;
        }
        count++;
      }
    }
    if (items >= maxItems) break;
  }
  const mean = new Float32Array(D);
  const std = new Float32Array(D);
  for (let d = 0; d < D; d++) {
    const m = count ? sum[d] / count : 0;
    mean[d] = m;
    std[d] = count ? Math.sqrt(Math.max(0, sq[d] / count - m * m)) : 1;
  }
  return { mean, std, items };
}
