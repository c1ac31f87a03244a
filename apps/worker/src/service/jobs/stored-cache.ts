/**
 * Feature caches in the object store (`store:caches/<id>`): written there by the worker that
 * extracted them, read by any worker through its local copy (../store.ts).
 *
 * Reading streams: the manifest is fetched first (its sha256 checked against the one the API
 * recorded), training starts as soon as the first shard it asks for is here, and the remaining
 * shards are fetched in the background in manifest order (read-ahead), each checked against the
 * manifest's size and sha256. A shard found corrupt in the local copy is fetched once more.
 */
import { CacheCorruptError, MANIFEST_FILE, type CacheManifest, type ShardEntry } from "../../core/cache/format";
import { openCache, type FeatureCache } from "../../core/cache/reader";
import type { StoreMirror, ObjectStore } from "@loffta/graphql/object-store";
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
 * A finished cache folder into the store under `key`: shards first, the manifest last (a reader
 * that finds the manifest finds every shard it names).
 */
export async function uploadCache(store: ObjectStore, dir: string, key: string, manifest: CacheManifest): Promise<void> {
  let next = 0;
  const shards = manifest.shards;
  const worker = async (): Promise<void> => {
    while (next < shards.length) {
      const s = shards[next++];
      await store.putFile(`${key}/${s.file}`, path.join(dir, s.file));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, shards.length) }, worker));
  await store.putFile(`${key}/${MANIFEST_FILE}`, path.join(dir, MANIFEST_FILE));
}
