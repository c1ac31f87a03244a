/** Feature-cache directory format (version 1): manifest types, names and typed errors. */
export const CACHE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";

export interface ShardEntry {
  /** File name inside the cache directory, e.g. "shard-00000.safetensors". */
  file: string;
  split: string;
  count: number;
  /** Hex sha256 of the whole shard file. */
  sha256: string;
  bytes: number;
  /** Smallest and largest dataset index stored in the shard. */
  firstIndex: number;
  lastIndex: number;
}

export interface SkippedImage {
  split?: string;
  index?: number;
  path?: string;
  reason: string;
}

/** Everything the writer needs to know up front (fixed for the whole cache). */
export interface CacheMeta {
  model: { name: string; family: string; patchSize?: number };
  dataset: { name: string };
  /** Input image resolution (square side in pixels, or [h, w]). */
  resolution: number | [number, number];
  /** Token grid after optional pooling. */
  grid: { h: number; w: number };
  dim: number;
  hasCls: boolean;
  /** Average pooling applied to the grid before caching (null: none). */
  pooling: { type: "avg"; kernel: number; from: { h: number; w: number } } | null;
  labelNames: string[];
  /** Free-form provenance (extraction settings, timings…). */
  extra?: Record<string, unknown>;
}

export interface CacheManifest extends CacheMeta {
  formatVersion: number;
  dtype: "float16";
  splits: Record<string, { count: number }>;
  shards: ShardEntry[];
  skipped: SkippedImage[];
  /** True once the writer's finish() ran: every image was processed. */
  complete: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Tokens per item stored in a shard: optional CLS first, then the h·w grid row-major. */
export const tokensPerItem = (m: Pick<CacheMeta, "grid" | "hasCls">): number =>
  (m.hasCls ? 1 : 0) + m.grid.h * m.grid.w;

export const shardFileName = (n: number): string => `shard-${String(n).padStart(5, "0")}.safetensors`;
export const SHARD_RE = /^shard-(\d{5,})\.safetensors$/;

export class CacheError extends Error {
  override name = "CacheError";
}
/** No cache (directory or manifest) at the given path. */
export class CacheMissingError extends CacheError {
  override name = "CacheMissingError";
}
/** The manifest is unreadable or inconsistent. */
export class CacheFormatError extends CacheError {
  override name = "CacheFormatError";
}
/** A shard file is missing, truncated, fails its sha256 or has wrong shapes. */
export class CacheCorruptError extends CacheError {
  override name = "CacheCorruptError";
  constructor(
    readonly shard: string,
    readonly reason: string,
  ) {
    super(`cache shard ${shard} is corrupt: ${reason}`);
  }
}
/** openCacheWriter on an existing cache whose meta differs. */
export class CacheMetaMismatchError extends CacheError {
  override name = "CacheMetaMismatchError";
}

/** Validate a parsed manifest's shape (throws CacheFormatError). */
export function checkManifest(m: unknown, where: string): CacheManifest {
  const bad = (msg: string): never => {
    throw new CacheFormatError(`${where}: ${msg}`);
  };
  if (!m || typeof m !== "object") bad("manifest is not an object");
  const x = m as CacheManifest;
  if (x.formatVersion !== CACHE_FORMAT_VERSION)
    bad(`unsupported formatVersion ${String(x.formatVersion)} (expected ${CACHE_FORMAT_VERSION})`);
  if (x.dtype !== "float16") bad(`unsupported dtype ${String(x.dtype)}`);
  if (!x.grid || !(x.grid.h > 0 && x.grid.w > 0)) bad("grid must have positive h and w");
  if (!(x.dim > 0)) bad("dim must be positive");
  if (!Array.isArray(x.labelNames) || x.labelNames.length < 1) bad("labelNames must be a non-empty array");
  if (!Array.isArray(x.shards)) bad("shards must be an array");
  if (typeof x.hasCls !== "boolean") bad("hasCls must be a boolean");
  return x;
}
