/**
 * Feature caches in the object store (`store:caches/<id>`): written there by the worker that
 * extracted them, read by any worker through its local copy (../store.ts).
 *
 * Reading streams: the manifest is fetched first (its sha256 checked against the one the API
 * recorded), training starts as soon as the first shard it asks for is here, and the remaining
 * shards are fetched in the background in manifest order (read-ahead), each checked against the
 * manifest's size and sha256. A shard found corrupt in the local copy is fetched once more.
 */
import { promises as fsp } from "node:fs";
import { CacheCorruptError, MANIFEST_FILE, SHARD_RE, type CacheManifest, type ShardEntry } from "../../core/cache/format";
import { openCache, type FeatureCache } from "../../core/cache/reader";
import { inParallel, type StoreMirror, type ObjectStore } from "@loffta/graphql/object-store";
import path from "node:path";

/** Shards fetched in the background at once while training reads others. */
const READ_AHEAD = 2;

export interface StoredCache {
  cache: FeatureCache;
  /** Stop the read-ahead and let the shards be evicted again. */
  close(): void;
  /** Resolves when every shard is in the local copy (tests, benchmarks). */
  complete: Promise<void>;
}

export async function openStoredCache(mirror: StoreMirror, key: string, manifestSha256?: string | null): Promise<StoredCache> {
  const release = mirror.pin(key);
  try {
    // The manifest always comes fresh: it is small, and says what every shard must be.
    const manifestKey = `${key}/${MANIFEST_FILE}`;
    await mirror.forget(manifestKey);
    await mirror.fetch(manifestKey, manifestSha256 ? { sha256: manifestSha256 } : {});
    const local = await openCache(path.dirname(mirror.fileOf(manifestKey)), { checkFiles: false });
    const fetchShard = (s: ShardEntry): Promise<string> => mirror.fetch(`${key}/${s.file}`, { bytes: s.bytes, sha256: s.sha256 });

    let closed = false;
    const queue = [...local.manifest.shards];
    const ahead = async (): Promise<void> => {
      while (!closed && queue.length) await fetchShard(queue.shift()!);
    };
    const complete = Promise.all(Array.from({ length: READ_AHEAD }, ahead)).then(() => undefined);
    // A failed read-ahead is not an error by itself: the shard's reader fetches it again and reports.
    complete.catch(() => undefined);

    const cache: FeatureCache = {
      ...local,
      async readShard(entry, opts) {
        await fetchShard(entry);
        try {
          return await local.readShard(entry, opts);
        } catch (e) {
          // Damaged (or evicted by another process) since it was fetched: once more from the store.
          if (!(e instanceof CacheCorruptError)) throw e;
          await mirror.forget(`${key}/${entry.file}`);
          await fetchShard(entry);
          return local.readShard(entry, opts);
        }
      },
    };
    return {
      cache,
      complete,
      close: () => {
        closed = true;
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * A finished cache folder into the store under `key`: shards first (those already there with
 * their size, put as they were written, are not sent again), the manifest last (a reader that
 * finds the manifest finds every shard it names).
 */
export async function uploadCache(store: ObjectStore, dir: string, key: string, manifest: CacheManifest): Promise<void> {
  const there = new Map((await store.list(`${key}/`)).map((o) => [o.key, o.bytes]));
  const shards = manifest.shards.filter((s) => there.get(`${key}/${s.file}`) !== s.bytes);
  await inParallel(shards, 4, (s) => store.putFile(`${key}/${s.file}`, path.join(dir, s.file)));
  await store.putFile(`${key}/${MANIFEST_FILE}`, path.join(dir, MANIFEST_FILE));
}

/**
 * The shards an earlier attempt of an extraction put in the store (no manifest yet: the cache is
 * not finished) into `dir`, where the cache writer adopts every complete one it can decode. The
 * number of shards fetched.
 */
export async function restoreShards(store: ObjectStore, key: string, dir: string): Promise<number> {
  const objects = await store.list(`${key}/`);
  if (objects.some((o) => o.key === `${key}/${MANIFEST_FILE}`)) return 0; // finished: nothing to resume
  let n = 0;
  for (const o of objects) {
    const file = o.key.slice(key.length + 1);
    if (!SHARD_RE.test(file)) continue;
    const local = path.join(dir, file);
    if ((await fsp.stat(local).catch(() => null))?.size === o.bytes) continue;
    await store.download(o.key, local, { bytes: o.bytes });
    n++;
  }
  return n;
}
