/**
 * The platform's object store: every file the platform writes for later (feature-cache shards
 * and manifests, checkpoints) and what a team puts there for it to read (datasets, weights under
 * `store:` URIs). One small interface, two implementations: a local folder (./local.ts, the
 * embedded default) and S3-compatible storage (./s3.ts: AWS S3, MinIO, R2, Ceph).
 *
 * Keys are `/`-separated relative names (`caches/<id>/shard-00000.safetensors`); every part is
 * letters, digits, `.`, `_`, `-` and neither `.` nor `..` — a key never names a server path, and
 * the two implementations accept exactly the same keys. Objects are written whole (a reader sees
 * the old object or the new one, never a part) and read whole, by byte range, or into a file
 * with its sha256 checked on the way.
 */

/** One stored object, as listed. */
export interface StoredObject {
  key: string;
  bytes: number;
}

export interface ObjectStore {
  /** Where it is, for logs and docs (`s3://bucket/prefix`, a folder): never a credential. */
  readonly describe: string;
  /** Write an object from memory (replaces an existing one). */
  put(key: string, body: Buffer | string): Promise<void>;
  /**
   * Write an object from a local file, streamed (multipart on S3 above a part's size). With
   * `ifAbsent`, an existing object is kept and false returned (S3: a conditional `If-None-Match`
   * write; a server that ignores the condition is checked with a HEAD first).
   */
  putFile(key: string, file: string, o?: { ifAbsent?: boolean }): Promise<boolean>;
  /** The whole object, null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Bytes [start, end) of an object (ranged GET on S3); StoreError "missing" when there is none. */
  getRange(key: string, start: number, end: number): Promise<Buffer>;
  /**
   * Stream an object into `file` (written beside it and renamed when complete). With `sha256`,
   * the bytes' hash must match or nothing is kept (StoreError "checksum"). Returns its size and hash.
   */
  download(key: string, file: string, expect?: { sha256?: string; bytes?: number }): Promise<{ bytes: number; sha256: string }>;
  /** Size of an object, null when there is none. */
  head(key: string): Promise<{ bytes: number } | null>;
  /** Every object whose key starts with `prefix` (a folder: end it with `/`), in key order. */
  list(prefix: string): Promise<StoredObject[]>;
  /** Remove an object (no error when it is not there). */
  delete(key: string): Promise<void>;
}

export type StoreErrorReason = "key" | "missing" | "checksum" | "unavailable";

/** A refused key, a missing object, a checksum that does not match, a store that does not answer. */
export class StoreError extends Error {
  override name = "StoreError";
  constructor(
    readonly reason: StoreErrorReason,
    message: string,
  ) {
    super(message);
  }
}

const PART_RE = /^[A-Za-z0-9._-]{1,255}$/;
const MAX_KEY = 1024;

/** `key` when it is a valid object key, else StoreError "key" naming it. */
export function checkKey(key: string, { prefix = false } = {}): string {
  const parts = key.split("/");
  // A listing prefix may end with "/" (an empty last part) or be empty (everything).
  if (prefix && parts[parts.length - 1] === "") parts.pop();
  const ok =
    key.length <= MAX_KEY &&
    (prefix ? true : parts.length > 0) &&
    parts.every((p) => PART_RE.test(p) && p !== "." && p !== "..");
  if (!ok) throw new StoreError("key", `${JSON.stringify(key.slice(0, 100))} is not an object key (parts of letters, digits, '.', '_', '-', separated by '/', no '.' or '..')`);
  return key;
}

/** The URI scheme of objects in the platform's store: `store:<key>`. */
export const STORE_SCHEME = "store:";

/** `store:<key>` → the key (checked); null for a URI of another kind. */
export function storeKeyOf(uri: string): string | null {
  if (!uri.startsWith(STORE_SCHEME)) return null;
  return checkKey(uri.slice(STORE_SCHEME.length).replace(/\/+$/, ""));
}

export const storeUri = (key: string): string => `${STORE_SCHEME}${checkKey(key)}`;

/** Where the platform keeps what it writes; clients may not name these keys as datasets or weights. */
export const PLATFORM_PREFIXES = {
  /** `caches/<cache id>/manifest.json` and its shards. */
  caches: "caches",
  /** `runs/<run id>/checkpoints/{last,best}.safetensors`, `runs/<run id>/predictions.json` (the run's artifacts). */
  runs: "runs",
} as const;

export const cacheKey = (cacheId: string): string => checkKey(`${PLATFORM_PREFIXES.caches}/${cacheId}`);
export const checkpointKey = (runId: string, file: string): string => checkKey(`${PLATFORM_PREFIXES.runs}/${runId}/checkpoints/${file}`);
/** The key of a run's artifact, from its catalogue path (`RUN_ARTIFACTS[name].path`, @loffta/graphql/domain). */
export const runArtifactKey = (runId: string, artifactPath: string): string => checkKey(`${PLATFORM_PREFIXES.runs}/${runId}/${artifactPath}`);

/**
 * Who may name a key in a `store:` URI (a dataset's root, a model's weights), as in a storage
 * root (../storage-roots.ts): `teams/<slug>/…` is that team's, the platform's own prefixes and
 * `teams` itself are nobody's, everything else is the shared area.
 */
export function storeAreaOf(key: string): "platform" | "top" | "shared" | `team:${string}` {
  const parts = checkKey(key).split("/");
  if ((Object.values(PLATFORM_PREFIXES) as string[]).includes(parts[0])) return "platform";
  if (parts[0] !== "teams") return "shared";
  return parts.length < 2 ? "top" : `team:${parts[1]}`;
}

/** `fn` over `items`, at most `parallel` at once (transfers of one prefix: a dataset's files, a cache's shards). */
export async function inParallel<T>(items: readonly T[], parallel: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}
