/**
 * Feature-cache reader: manifest + shards, with sha256 and shape verification. Problems are
 * reported by shard name with CacheCorruptError (missing / truncated / bad hash / bad shapes).
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import { asI32, asU16, decodeSafetensors, SafetensorsFormatError } from "../safetensors";
import {
  CacheCorruptError,
  CacheFormatError,
  CacheMissingError,
  MANIFEST_FILE,
  checkManifest,
  tokensPerItem,
} from "./format";
import type { CacheManifest, ShardEntry } from "./format";
import { sha256Hex } from "./fsutil";

export interface ShardData {
  shard: string;
  split: string;
  count: number;
  /** [count, tokensPerItem, dim] float16 bits. */
  tokens: Uint16Array;
  labels: Int32Array;
  index: Int32Array;
}

export interface FeatureCache {
  dir: string;
  manifest: CacheManifest;
  /** Tokens per item (1 + h·w with CLS, h·w without). */
  tokensPerItem: number;
  shardsOf(split: string): ShardEntry[];
  readShard(entry: ShardEntry, opts?: { verify?: boolean }): Promise<ShardData>;
}

export interface OpenCacheOptions {
  /** Stat every shard on open: missing or truncated shards fail fast (default true). */
  checkFiles?: boolean;
}

export async function openCache(dir: string, opts: OpenCacheOptions = {}): Promise<FeatureCache> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fsp.readFile(manifestPath, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new CacheMissingError(`no feature cache at ${dir} (missing ${MANIFEST_FILE})`);
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CacheFormatError(`${manifestPath}: invalid JSON (${(e as Error).message})`);
  }
  const manifest = checkManifest(parsed, manifestPath);
  if (opts.checkFiles ?? true) {
    for (const s of manifest.shards) {
      let size: number;
      try {
        size = (await fsp.stat(path.join(dir, s.file))).size;
      } catch {
        throw new CacheCorruptError(s.file, "file is missing");
      }
      if (size !== s.bytes)
        throw new CacheCorruptError(
          s.file,
          size < s.bytes
            ? `truncated: ${size} of ${s.bytes} bytes`
            : `size ${size} bytes, manifest says ${s.bytes}`,
        );
    }
  }
  const T = tokensPerItem(manifest);
  return {
    dir,
    manifest,
    tokensPerItem: T,
    shardsOf: (split) => manifest.shards.filter((s) => s.split === split),
    async readShard(entry, ropts = {}) {
      const file = path.join(dir, entry.file);
      let buf: Buffer;
      try {
        buf = await fsp.readFile(file);
      } catch {
        throw new CacheCorruptError(entry.file, "file is missing");
      }
      if (buf.byteLength !== entry.bytes)
        throw new CacheCorruptError(
          entry.file,
          buf.byteLength < entry.bytes
            ? `truncated: ${buf.byteLength} of ${entry.bytes} bytes`
            : `size ${buf.byteLength} bytes, manifest says ${entry.bytes}`,
        );
      if ((ropts.verify ?? true) && sha256Hex(buf) !== entry.sha256)
        throw new CacheCorruptError(entry.file, "sha256 mismatch");
      let dec: ReturnType<typeof decodeSafetensors>;
      try {
        dec = decodeSafetensors(buf);
      } catch (e) {
        if (e instanceof SafetensorsFormatError) throw new CacheCorruptError(entry.file, e.message);
        throw e;
      }
      const { tokens, labels, index } = dec.tensors;
      const n = entry.count;
      const shapeOk = (
        t: { dtype: string; shape: number[] } | undefined,
        dtype: string,
        shape: number[],
      ): boolean => !!t && t.dtype === dtype && JSON.stringify(t.shape) === JSON.stringify(shape);
      if (!shapeOk(tokens, "F16", [n, T, manifest.dim]))
        throw new CacheCorruptError(
          entry.file,
          `tokens must be F16 [${n}, ${T}, ${manifest.dim}], got ${tokens ? `${tokens.dtype} ${JSON.stringify(tokens.shape)}` : "none"}`,
        );
      if (!shapeOk(labels, "I32", [n])) throw new CacheCorruptError(entry.file, `labels must be I32 [${n}]`);
      if (!shapeOk(index, "I32", [n])) throw new CacheCorruptError(entry.file, `index must be I32 [${n}]`);
      const lab = asI32(labels.bytes);
      for (const l of lab)
        if (l < 0 || l >= manifest.labelNames.length)
          throw new CacheCorruptError(entry.file, `label ${l} outside [0, ${manifest.labelNames.length})`);
      return {
        shard: entry.file,
        split: entry.split,
        count: n,
        tokens: asU16(tokens.bytes),
        labels: lab,
        index: asI32(index.bytes),
      };
    },
  };
}

/** Read and verify every shard (sha256 + shapes); throws the first CacheCorruptError. */
export async function verifyCache(dir: string): Promise<{ shards: number; items: number }> {
  const cache = await openCache(dir);
  let items = 0;
  for (const s of cache.manifest.shards) items += (await cache.readShard(s)).count;
  return { shards: cache.manifest.shards.length, items };
}
