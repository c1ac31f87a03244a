/**
 * The worker's side of the object store (LOFFTA_STORE, `@loffta/graphql/object-store`): the
 * store, and the worker's local copy of it (`<home>/store-copy`, capped by
 * LOFFTA_SHARD_CACHE_BYTES) through which jobs read `store:` caches, datasets and weights.
 * Without LOFFTA_STORE a worker keeps its caches in its home (one machine).
 */
import path from "node:path";
import { StoreMirror, storeFromEnv, type ObjectStore } from "@loffta/graphql/object-store";
import { workerEnv } from "../config";

let memo: { raw: string | undefined; store: ObjectStore | null } | null = null;

/** This process's store (null without LOFFTA_STORE); a bad value throws naming the variable. */
export function workerStore(env: NodeJS.ProcessEnv = process.env): ObjectStore | null {
  const raw = workerEnv("LOFFTA_STORE", env);
  if (!memo || memo.raw !== raw) memo = { raw, store: storeFromEnv(env) };
  return memo.store;
}

const mirrors = new Map<string, StoreMirror>();

/** The local copy of the store under `home` (one per home in a process: in-flight downloads are shared). */
export function workerMirror(home: string, env: NodeJS.ProcessEnv = process.env): StoreMirror | null {
  const store = workerStore(env);
  if (!store) return null;
  const dir = path.resolve(home, "store-copy");
  let m = mirrors.get(dir);
  if (!m || m.store !== store) {
    m = new StoreMirror(store, dir, { capBytes: workerEnv("LOFFTA_SHARD_CACHE_BYTES", env) });
    mirrors.set(dir, m);
  }
  return m;
}
