/**
 * Incremental, resumable feature-cache writer. Each shard is written atomically (temp file,
 * fsync, rename) and the manifest is rewritten atomically after every shard, so a crash leaves
 * a cache made of complete shards only. openCacheWriter() on an existing directory adopts the
 * complete shards (also a shard renamed just before a crash but missing from the manifest),
 * removes stale temp files and reports how many items are done per split.
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import { float32ToFloat16 } from "../float16";
import { decodeSafetensors, encodeSafetensors, asI32, SafetensorsFormatError } from "../safetensors";
import {
  CACHE_FORMAT_VERSION,
  CacheMetaMismatchError,
  MANIFEST_FILE,
  SHARD_RE,
  checkManifest,
  shardFileName,
  tokensPerItem,
} from "./format";
import type { CacheManifest, CacheMeta, ShardEntry, SkippedImage } from "./format";
import { sha256Hex, writeFileAtomic } from "./fsutil";

export interface ShardInput {
  split: string;
  /** [count, tokensPerItem, dim] row-major: float32 values or float16 bits. */
  tokens: Float32Array | Uint16Array;
  labels: Int32Array | number[];
  /** Dataset index of each item (stable id used for resume and for joining back to images). */
  index: Int32Array | number[];
}

export interface CacheWriter {
  readonly dir: string;
  readonly manifest: Readonly<CacheManifest>;
  /** Items already stored, per split (from complete shards). */
  readonly done: { shards: number; items: number; bySplit: Record<string, number> };
  /** The exact dataset indices already stored for a split (reads only shard index tensors). */
  doneIndices(split: string): Promise<Set<number>>;
  /** Write one shard (atomic) and update the manifest. Returns its manifest entry. */
  writeShard(input: ShardInput): Promise<ShardEntry>;
  /** Record images that could not be processed (persisted with the next manifest write). */
  addSkipped(items: SkippedImage[]): Promise<void>;
  /** Mark the cache complete and write the final manifest. */
  finish(extra?: Record<string, unknown>): Promise<CacheManifest>;
}

export interface OpenWriterOptions {
  /** Verify sha256 of existing shards on resume (default true; false only checks sizes). */
  verify?: boolean;
}

const META_KEYS: (keyof CacheMeta)[] = [
  "model",
  "resolution",
  "grid",
  "dim",
  "hasCls",
  "pooling",
  "labelNames",
];

function minMax(a: Int32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of a) {
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  }
  return [lo, hi];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function readShardIndexAndCount(
  file: string,
): Promise<{ count: number; index: Int32Array; split?: string }> {
  const buf = await fsp.readFile(file);
  const { tensors, metadata } = decodeSafetensors(buf);
  const idx = tensors.index;
  if (!idx || idx.dtype !== "I32") throw new SafetensorsFormatError("missing index tensor");
  return { count: idx.shape[0], index: new Int32Array(asI32(idx.bytes)), split: metadata.split };
}

export async function openCacheWriter(
  dir: string,
  meta: CacheMeta,
  opts: OpenWriterOptions = {},
): Promise<CacheWriter> {
  const verify = opts.verify ?? true;
  await fsp.mkdir(dir, { recursive: true });
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const now = new Date().toISOString();
  let manifest: CacheManifest;
  let existing: CacheManifest | null = null;
  try {
    existing = checkManifest(JSON.parse(await fsp.readFile(manifestPath, "utf8")), manifestPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (existing) {
    for (const k of META_KEYS) {
      if (!sameJson(existing[k], meta[k]))
        throw new CacheMetaMismatchError(
          `existing cache in ${dir} has a different ${k}: ${JSON.stringify(existing[k])} vs ${JSON.stringify(meta[k])}`,
        );
    }
    manifest = { ...existing, shards: [], complete: false, updatedAt: now };
  } else {
    manifest = {
      formatVersion: CACHE_FORMAT_VERSION,
      ...meta,
      dtype: "float16",
      splits: {},
      shards: [],
      skipped: [],
      complete: false,
      createdAt: now,
      updatedAt: now,
    };
  }

  // Reconcile the directory: stale temp files go; listed shards are checked; complete orphans are adopted.
  const files = await fsp.readdir(dir);
  for (const f of files)
    if (f.startsWith(".") && f.includes(".tmp-")) await fsp.rm(path.join(dir, f), { force: true });
  const listed = new Map((existing?.shards ?? []).map((s) => [s.file, s]));
  const T = tokensPerItem(meta);
  let maxShard = -1;
  const kept: ShardEntry[] = [];
  for (const f of files.filter((x) => SHARD_RE.test(x)).sort()) {
    const n = Number(SHARD_RE.exec(f)?.[1]);
    maxShard = Math.max(maxShard, n);
    const full = path.join(dir, f);
    const entry = listed.get(f);
    try {
      if (entry) {
        const st = await fsp.stat(full);
        if (st.size !== entry.bytes) throw new Error("size mismatch");
        if (verify && sha256Hex(await fsp.readFile(full)) !== entry.sha256)
          throw new Error("sha256 mismatch");
        kept.push(entry);
      } else {
        // Orphan: a rename completed but the manifest update did not. Adopt it if it decodes.
        const buf = await fsp.readFile(full);
        const { tensors, metadata } = decodeSafetensors(buf);
        const tok = tensors.tokens;
        if (!tok || tok.dtype !== "F16" || tok.shape[1] !== T || tok.shape[2] !== meta.dim || !metadata.split)
          throw new Error("shape mismatch");
        const [lo, hi] = minMax(asI32(tensors.index.bytes));
        kept.push({
          file: f,
          split: metadata.split,
          count: tok.shape[0],
          sha256: sha256Hex(buf),
          bytes: buf.byteLength,
          firstIndex: lo,
          lastIndex: hi,
        });
      }
    } catch {
      // Incomplete or damaged: remove so the extraction redoes those items.
      await fsp.rm(full, { force: true });
    }
  }
  kept.sort((a, b) => a.file.localeCompare(b.file));
  manifest.shards = kept;
  let nextShard = maxShard + 1;

  const recount = (): void => {
    const splits: Record<string, { count: number }> = {};
    for (const s of manifest.shards) splits[s.split] = { count: (splits[s.split]?.count ?? 0) + s.count };
    manifest.splits = splits;
  };
  const done = { shards: 0, items: 0, bySplit: {} as Record<string, number> };
  const refreshDone = (): void => {
    done.shards = manifest.shards.length;
    done.items = manifest.shards.reduce((a, s) => a + s.count, 0);
    done.bySplit = Object.fromEntries(Object.entries(manifest.splits).map(([k, v]) => [k, v.count]));
  };
  const writeManifest = async (): Promise<void> => {
    manifest.updatedAt = new Date().toISOString();
    await writeFileAtomic(manifestPath, [Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8")]);
  };
  recount();
  refreshDone();
  await writeManifest();

  return {
    dir,
    manifest,
    done,
    async doneIndices(split) {
      const out = new Set<number>();
      for (const s of manifest.shards.filter((x) => x.split === split)) {
        const { index } = await readShardIndexAndCount(path.join(dir, s.file));
        for (const i of index) out.add(i);
      }
      return out;
    },
    async writeShard(input) {
      const count = input.labels.length;
      if (count === 0) throw new Error("writeShard: empty shard");
      if (input.index.length !== count)
        throw new Error(`writeShard: index has ${input.index.length} items, labels ${count}`);
      if (input.tokens.length !== count * T * meta.dim)
        throw new Error(
          `writeShard: tokens has ${input.tokens.length} values, expected ${count}×${T}×${meta.dim}`,
        );
      const labels = Int32Array.from(input.labels);
      for (const l of labels)
        if (l < 0 || l >= meta.labelNames.length)
          throw new Error(`writeShard: label ${l} outside [0, ${meta.labelNames.length})`);
      const index = Int32Array.from(input.index);
      const tokens = input.tokens instanceof Uint16Array ? input.tokens : float32ToFloat16(input.tokens);
      const file = shardFileName(nextShard++);
      const enc = encodeSafetensors(
        {
          tokens: { dtype: "F16", shape: [count, T, meta.dim], data: tokens },
          labels: { dtype: "I32", shape: [count], data: labels },
          index: { dtype: "I32", shape: [count], data: index },
        },
        { split: input.split, format: "loffta-cache", formatVersion: String(CACHE_FORMAT_VERSION) },
      );
      const { sha256, bytes } = await writeFileAtomic(path.join(dir, file), [enc.header, ...enc.chunks]);
      const [lo, hi] = minMax(index);
      const entry: ShardEntry = {
        file,
        split: input.split,
        count,
        sha256,
        bytes,
        firstIndex: lo,
        lastIndex: hi,
      };
      manifest.shards.push(entry);
      recount();
      refreshDone();
      await writeManifest();
      return entry;
    },
    async addSkipped(items) {
      manifest.skipped.push(...items);
      await writeManifest();
    },
    async finish(extra) {
      if (extra) manifest.extra = { ...(manifest.extra ?? {}), ...extra };
      manifest.complete = true;
      await writeManifest();
      return manifest;
    },
  };
}
