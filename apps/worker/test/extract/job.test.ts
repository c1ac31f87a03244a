/**
 * Extraction end to end on a generated dataset (PNG/JPEG/WebP/TIFF, corrupt and truncated
 * files, grayscale, 16-bit, EXIF orientation, alpha) with the tiny random DINOv2 fixture:
 * valid cache, skipped images listed, crash (SIGKILL) + resume bit-exact, pooling grid.
 */
import { spawn } from "node:child_process";
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { openCache, verifyCache } from "../../src/core/cache/reader";
import { float16ToFloat32 } from "../../src/core/float16";
import { avgPoolGrid } from "../../src/core/pool";
import { scanDataset } from "@loffta/graphql/dataset-scan";
import { loadFoundationModel } from "../../src/extract/foundation";
import type { FoundationModel } from "../../src/extract/foundation";
import { loadImage } from "../../src/extract/images";
import { runExtraction } from "../../src/extract/job";
import type { ExtractProgress } from "../../src/extract/progress";

const ROOT = path.resolve(__dirname, "../../../..");
const MODEL = path.join(__dirname, "../../fixtures/reference/dinov2");
let tmp: string;
let data: string;
let model: FoundationModel;

function noise(w: number, h: number, c: number, seed: number): Buffer {
  const b = Buffer.alloc(w * h * c);
  let s = seed;
  for (let i = 0; i < b.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

async function makeDataset(root: string): Promise<void> {
  let seed = 1;
  for (const split of ["train", "val"]) {
    for (const cls of ["cat", "dog"]) {
      const dir = path.join(root, split, cls);
      await fsp.mkdir(dir, { recursive: true });
      const n = split === "train" ? 9 : 4;
      for (let i = 0; i < n; i++) {
        const w = 30 + ((i * 7) % 20);
        const h = 24 + ((i * 5) % 17);
        const img = sharp(noise(w, h, 3, seed++), { raw: { width: w, height: h, channels: 3 } });
        const fmt = ["png", "jpg", "webp", "tiff"][i % 4];
        await img.toFormat(fmt === "jpg" ? "jpeg" : (fmt as "png")).toFile(path.join(dir, `img${i}.${fmt}`));
      }
    }
  }
  const t = path.join(root, "train", "cat");
  await sharp(noise(33, 27, 1, 99), { raw: { width: 33, height: 27, channels: 1 } }).png().toFile(path.join(t, "gray.png"));
  await sharp(noise(31, 29, 3, 98), { raw: { width: 31, height: 29, channels: 3 } }).toColourspace("rgb16").png().toFile(path.join(t, "deep16.png"));
  await sharp(noise(30, 30, 4, 97), { raw: { width: 30, height: 30, channels: 4 } }).png().toFile(path.join(t, "alpha.png"));
  await sharp(noise(40, 20, 3, 96), { raw: { width: 40, height: 20, channels: 3 } }).jpeg().withMetadata({ orientation: 6 }).toFile(path.join(t, "exif.jpg"));
  await fsp.writeFile(path.join(root, "train", "dog", "corrupt.jpg"), noise(500, 1, 1, 5));
  const good = await sharp(noise(64, 64, 3, 95), { raw: { width: 64, height: 64, channels: 3 } }).jpeg().toBuffer();
  await fsp.writeFile(path.join(root, "train", "dog", "truncated.jpg"), good.subarray(0, Math.floor(good.length / 2)));
  await fsp.writeFile(path.join(root, "val", "cat", "empty.png"), Buffer.alloc(0));
}

function cli(args: string[]): { done: Promise<number>; kill: () => void } {
  // One process (node with the tsx loader), not the tsx CLI: SIGKILL on the CLI wrapper would
  // leave its node child running and writing the cache.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/worker/src/extract/bin.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const done = new Promise<number>((resolve) => child.on("exit", (code, sig) => resolve(code ?? (sig ? -1 : -2))));
  done.then((c) => {
    if (c > 0) console.error(err);
  });
  return { done, kill: () => child.kill("SIGKILL") };
}

const common = (out: string): string[] => ["--data", data, "--model", MODEL, "--family", "dinov2", "--size", "28", "--out", out, "--batch", "3", "--shard-size", "4", "--no-progress"];

beforeAll(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-extract-"));
  data = path.join(tmp, "data");
  await makeDataset(data);
  model = await loadFoundationModel({ path: MODEL });
});
afterAll(async () => {
  model?.dispose();
  await fsp.rm(tmp, { recursive: true, force: true });
});

describe("extraction job", () => {
  test("dataset listing is deterministic with splits and labels", async () => {
    const ds = await scanDataset(data);
    expect(ds.splits).toEqual(["train", "val"]);
    expect(ds.labelNames).toEqual(["cat", "dog"]);
    expect(ds.items.length).toBe(18 + 4 + 2 + 8 + 1);
    expect(ds.items.map((i) => i.index)).toEqual(ds.items.map((_, i) => i));
  });

  test("extracts a valid cache, skips unreadable images with reasons", async () => {
    const out = path.join(tmp, "cacheA");
    const events: ExtractProgress[] = [];
    const res = await runExtraction({ data, model, out, size: 28, batchSize: 3, shardSize: 4, onProgress: (p) => events.push(p) });
    expect(res.cancelled).toBe(false);
    expect(res.skipped.map((s) => path.basename(s.path ?? "")).sort()).toEqual(["corrupt.jpg", "empty.png", "truncated.jpg"]);
    for (const s of res.skipped) expect(s.reason.length).toBeGreaterThan(3);
    const cache = await openCache(out);
    expect(cache.manifest.complete).toBe(true);
    expect(cache.manifest.grid).toEqual({ h: 4, w: 4 });
    expect(cache.manifest.dim).toBe(32);
    expect(cache.manifest.splits).toEqual({ train: { count: 22 }, val: { count: 8 } });
    expect(cache.manifest.skipped).toHaveLength(3);
    expect(await verifyCache(out)).toEqual({ shards: cache.manifest.shards.length, items: 30 });
    const sh = await cache.readShard(cache.manifest.shards[0]);
    expect(sh.tokens.length).toBe(sh.count * 17 * 32);
    expect(events.at(-1)).toMatchObject({ phase: "done", done: 33, total: 33, skipped: 3 });
    expect(events.some((e) => e.phase === "extracting" && e.done < 33)).toBe(true);

    // Tokens equal a direct forward pass of the same image (to float16 precision).
    const ds = await scanDataset(data);
    const item = ds.items.find((i) => i.index === sh.index[1]);
    const px = await loadImage(item?.path as string, { size: 28, mean: model.mean, std: model.std });
    const tf = await import("@tensorflow/tfjs");
    const want = tf.tidy(() => {
      const { cls, grid } = model.forward(tf.tensor4d(px, [1, 28, 28, 3]));
      return tf.concat([cls.reshape([1, 1, 32]), grid.reshape([1, 16, 32])], 1).dataSync();
    });
    const got = float16ToFloat32(sh.tokens, undefined, 17 * 32, 17 * 32);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(2e-2 + 2e-3 * Math.abs(want[i]));
  });

  test("SIGKILL after the first shard, restart: the same cache bit-exactly", async () => {
    const out = path.join(tmp, "cacheB");
    const first = cli([...common(out), "--slow-ms", "400"]);
    const t0 = Date.now();
    // Kill once the manifest records a shard (the shard file is renamed into place just before
    // the manifest is rewritten: waiting for the file alone would race that write).
    const recorded = async (): Promise<number> => {
      try {
        return (JSON.parse(await fsp.readFile(path.join(out, "manifest.json"), "utf8")) as { shards: unknown[] }).shards.length;
      } catch {
        return 0; // not written yet, or caught mid-rename
      }
    };
    while ((await recorded()) < 1 && Date.now() - t0 < 60000) await new Promise((r) => setTimeout(r, 20));
    first.kill();
    expect(await first.done).toBe(-1);
    const partial = JSON.parse(await fsp.readFile(path.join(out, "manifest.json"), "utf8")) as { complete: boolean; shards: unknown[] };
    expect(partial.complete).toBe(false);
    expect(partial.shards.length).toBeGreaterThanOrEqual(1);
    expect(partial.shards.length).toBeLessThan(9);
    expect(await cli(common(out)).done).toBe(0);

    const a = (await openCache(path.join(tmp, "cacheA"))).manifest;
    const b = (await openCache(out)).manifest;
    expect(b.complete).toBe(true);
    expect(b.shards.map((s) => [s.file, s.sha256, s.count])).toEqual(a.shards.map((s) => [s.file, s.sha256, s.count]));
    expect(b.skipped.map((s) => s.index).sort()).toEqual(a.skipped.map((s) => s.index).sort());
    for (const s of a.shards) expect(Buffer.compare(await fsp.readFile(path.join(out, s.file)), await fsp.readFile(path.join(tmp, "cacheA", s.file)))).toBe(0);
    expect((await fsp.readdir(out)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  }, 90000);

  test("k×k pooling at write time gives the pooled grid (56 px: 8×8 → 4×4)", async () => {
    const sub = path.join(tmp, "small");
    await fsp.mkdir(path.join(sub, "a"), { recursive: true });
    for (let i = 0; i < 3; i++) await sharp(noise(60, 50, 3, 200 + i), { raw: { width: 60, height: 50, channels: 3 } }).png().toFile(path.join(sub, "a", `${i}.png`));
    const plain = await runExtraction({ data: sub, model, out: path.join(tmp, "p1"), size: 56 });
    const pooled = await runExtraction({ data: sub, model, out: path.join(tmp, "p2"), size: 56, pool: 2 });
    expect(plain.manifest.grid).toEqual({ h: 8, w: 8 });
    expect(pooled.manifest.grid).toEqual({ h: 4, w: 4 });
    expect(pooled.manifest.pooling).toEqual({ type: "avg", kernel: 2, from: { h: 8, w: 8 } });
    const s1 = await (await openCache(path.join(tmp, "p1"))).readShard(plain.manifest.shards[0]);
    const s2 = await (await openCache(path.join(tmp, "p2"))).readShard(pooled.manifest.shards[0]);
    const t1 = float16ToFloat32(s1.tokens);
    const t2 = float16ToFloat32(s2.tokens);
    const D = 32;
    const grid = new Float32Array(3 * 64 * D);
    for (let n = 0; n < 3; n++) grid.set(t1.subarray((n * 65 + 1) * D, (n + 1) * 65 * D), n * 64 * D);
    const ref = avgPoolGrid(grid, { n: 3, h: 8, w: 8, d: D }, 2).data;
    for (let n = 0; n < 3; n++) {
      for (let j = 0; j < D; j++) expect(Math.abs(t2[n * 17 * D + j] - t1[n * 65 * D + j])).toBeLessThan(1e-2); // CLS unchanged
      for (let j = 0; j < 16 * D; j++) expect(Math.abs(t2[(n * 17 + 1) * D + j] - ref[n * 16 * D + j])).toBeLessThan(2e-2);
    }
  });

  test("cancellation through AbortSignal leaves a resumable cache", async () => {
    const ac = new AbortController();
    const out = path.join(tmp, "cacheC");
    const res = await runExtraction({ data, model, out, size: 28, batchSize: 3, shardSize: 4, signal: ac.signal, onShard: () => ac.abort() });
    expect(res.cancelled).toBe(true);
    const m = (await openCache(out)).manifest;
    expect(m.complete).toBe(false);
    expect(m.shards).toHaveLength(1);
    const again = await runExtraction({ data, model, out, size: 28, batchSize: 3, shardSize: 4 });
    expect(again.resumedItems).toBe(4);
    expect(again.manifest.complete).toBe(true);
  });
});
