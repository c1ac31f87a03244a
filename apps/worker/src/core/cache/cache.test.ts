import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import { float16ToFloat32, float32ToFloat16 } from "../float16";
import { createRng } from "../rng";
import { CacheCorruptError, CacheMetaMismatchError, CacheMissingError } from "./format";
import { countBatches, iterateBatches } from "./loader";
import { openCache, verifyCache } from "./reader";
import { openCacheWriter } from "./writer";
import { syntheticMeta } from "../testing/synthetic";

const tmp = (): Promise<string> => fsp.mkdtemp(path.join(os.tmpdir(), "loffta-cache-"));
const H = 3;
const W = 2;
const D = 4;
const T = 1 + H * W;

function items(n: number, seed: number): { tokens: Float32Array; labels: Int32Array } {
  const r = createRng(seed);
  return {
    tokens: Float32Array.from({ length: n * T * D }, () => r.normal()),
    labels: Int32Array.from({ length: n }, () => r.int(0, 1)),
  };
}

async function writeCache(
  dir: string,
  shards: number[],
  split = "train",
): Promise<{ tokens: Float32Array[]; labels: Int32Array[] }> {
  const w = await openCacheWriter(dir, syntheticMeta(H, W, D));
  const out = { tokens: [] as Float32Array[], labels: [] as Int32Array[] };
  let idx = 0;
  for (const [s, n] of shards.entries()) {
    const it = items(n, s + 1);
    await w.writeShard({
      split,
      tokens: it.tokens,
      labels: it.labels,
      index: Int32Array.from({ length: n }, () => idx++),
    });
    out.tokens.push(it.tokens);
    out.labels.push(it.labels);
  }
  await w.finish();
  return out;
}

describe("feature cache", () => {
  it("write → read is bit exact (float16 bits) and the manifest is complete", async () => {
    const dir = await tmp();
    const src = await writeCache(dir, [5, 3]);
    const cache = await openCache(dir);
    const m = cache.manifest;
    expect(m.splits).toEqual({ train: { count: 8 } });
    expect(m.complete).toBe(true);
    expect(m.shards.map((s) => s.file)).toEqual(["shard-00000.safetensors", "shard-00001.safetensors"]);
    expect(m.shards[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const s0 = await cache.readShard(m.shards[0]);
    expect(Array.from(s0.tokens)).toEqual(Array.from(float32ToFloat16(src.tokens[0])));
    expect(Array.from(s0.labels)).toEqual(Array.from(src.labels[0]));
    expect(Array.from(s0.index)).toEqual([0, 1, 2, 3, 4]);
    // a second write of float16 bits read back is identical (bit exact)
    const dir2 = await tmp();
    const w2 = await openCacheWriter(dir2, syntheticMeta(H, W, D));
    await w2.writeShard({ split: "train", tokens: s0.tokens, labels: s0.labels, index: s0.index });
    const back = await (await openCache(dir2)).readShard((await openCache(dir2)).manifest.shards[0]);
    expect(
      Buffer.from(back.tokens.buffer, back.tokens.byteOffset, back.tokens.byteLength).equals(
        Buffer.from(s0.tokens.buffer, s0.tokens.byteOffset, s0.tokens.byteLength),
      ),
    ).toBe(true);
  });

  it("detects a flipped byte by shard name", async () => {
    const dir = await tmp();
    await writeCache(dir, [4, 4]);
    const f = path.join(dir, "shard-00001.safetensors");
    const buf = await fsp.readFile(f);
    buf[buf.length - 10] ^= 0x01;
    await fsp.writeFile(f, buf);
    const err = await verifyCache(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheCorruptError);
    expect((err as CacheCorruptError).shard).toBe("shard-00001.safetensors");
    expect((err as Error).message).toMatch(/sha256/);
  });

  it("detects a truncated shard by name when opening", async () => {
    const dir = await tmp();
    await writeCache(dir, [4, 4]);
    const f = path.join(dir, "shard-00000.safetensors");
    const st = await fsp.stat(f);
    await fsp.truncate(f, st.size - 7);
    const err = await openCache(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheCorruptError);
    expect((err as CacheCorruptError).shard).toBe("shard-00000.safetensors");
    expect((err as Error).message).toMatch(/truncated/);
    await expect(openCache(path.join(dir, "nope"))).rejects.toBeInstanceOf(CacheMissingError);
  });

  it("resumes: keeps complete shards, drops damaged and temp files, adopts orphans, reports items done", async () => {
    const dir = await tmp();
    await writeCache(dir, [4, 3, 2]);
    // crash simulations: a leftover temp file; the last shard truncated; an orphan not in the manifest
    await fsp.writeFile(path.join(dir, ".shard-00009.safetensors.tmp-1-2"), "partial");
    const f2 = path.join(dir, "shard-00002.safetensors");
    await fsp.truncate(f2, 20);
    const m = JSON.parse(await fsp.readFile(path.join(dir, "manifest.json"), "utf8"));
    const orphan = m.shards[1];
    m.shards = [m.shards[0], m.shards[2]];
    await fsp.writeFile(path.join(dir, "manifest.json"), JSON.stringify(m));
    const w = await openCacheWriter(dir, syntheticMeta(H, W, D));
    expect(w.done.shards).toBe(2);
    expect(w.done.bySplit).toEqual({ train: 7 });
    expect(w.manifest.shards.map((s) => s.file)).toEqual([
      "shard-00000.safetensors",
      "shard-00001.safetensors",
    ]);
    expect(w.manifest.shards[1].sha256).toBe(orphan.sha256);
    expect([...(await w.doneIndices("train"))].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const files = await fsp.readdir(dir);
    expect(files.filter((x) => x.includes("tmp"))).toEqual([]);
    const e = await w.writeShard({ split: "train", ...items(2, 9), index: [7, 8] });
    expect(e.file).toBe("shard-00003.safetensors");
    await w.finish();
    expect((await verifyCache(dir)).items).toBe(9);
    await expect(openCacheWriter(dir, syntheticMeta(H, W, D + 1))).rejects.toBeInstanceOf(
      CacheMetaMismatchError,
    );
  });

  it("loader: seeded shuffles across shards, every item once per epoch, float32 values, bounded groups", async () => {
    const dir = await tmp();
    const src = await writeCache(dir, [5, 5, 5, 5]);
    const cache = await openCache(dir);
    const collect = async (seed: number, epoch: number, budget?: number) => {
      const idx: number[] = [];
      const sizes: number[] = [];
      for await (const b of iterateBatches(cache, {
        split: "train",
        batchSize: 6,
        seed,
        epoch,
        memoryBudgetBytes: budget,
      })) {
        idx.push(...b.index);
        sizes.push(b.size);
        // check values of the first item in the batch against the source
        const i = b.index[0];
        const shard = Math.floor(i / 5);
        const off = (i % 5) * T * D;
        const expected = float16ToFloat32(float32ToFloat16(src.tokens[shard].subarray(off, off + T * D)));
        expect(Array.from(b.tokens.subarray(0, T * D))).toEqual(Array.from(expected));
        expect(b.labels[0]).toBe(src.labels[shard][i % 5]);
      }
      return { idx, sizes };
    };
    const a = await collect(1, 0);
    expect([...a.idx].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(a.sizes).toEqual([6, 6, 6, 2]);
    expect(countBatches(cache, "train", 6)).toBe(4);
    expect((await collect(1, 0)).idx).toEqual(a.idx);
    expect((await collect(1, 1)).idx).not.toEqual(a.idx);
    // budget of one shard per group (+ prefetch): still every item exactly once
    const small = await collect(2, 0, 2 * cache.manifest.shards[0].bytes);
    expect([...small.idx].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
