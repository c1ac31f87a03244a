/**
 * The worker's storage roots (LOFFTA_STORAGE_ROOTS, the API's value): jobs open datasets and
 * weights only through them (`@loffta/graphql/storage-roots`: inside a root, no symlink out of
 * the dataset's or model's area, regular files only, size limits). Unset: a job reads nothing.
 * The command line (`loffta-worker extract`) reads any local path unless the variable is set.
 */
import fs from "node:fs";
import path from "node:path";
import { StorageRoots, localAccess, type FileAccess, type StorageLocation } from "@loffta/graphql/storage-roots";
import { workerEnv } from "../config";

/**
 * This process's roots (none when LOFFTA_STORAGE_ROOTS is unset: every URI refused), and with an
 * object store (LOFFTA_STORE) the worker's local copy of it, `<LOFFTA_HOME>/store-copy`: a child
 * process given a path the worker fetched from the store (a `store:` model's weights) reads it
 * under the same confinement.
 */
export function workerStorageRoots(env: NodeJS.ProcessEnv = process.env): StorageRoots {
  const roots = [...(workerEnv("LOFFTA_STORAGE_ROOTS", env) ?? [])];
  if (workerEnv("LOFFTA_STORE", env)) {
    const copy = path.resolve(workerEnv("LOFFTA_HOME", env) ?? ".loffta", "store-copy");
    // A home inside a storage root: that root already covers the copy (roots may not nest).
    const real = (p: string) => {
      try {
        return fs.realpathSync(p);
      } catch {
        return p;
      }
    };
    const inside = (root: string) => !path.relative(real(root), real(copy)).startsWith("..");
    if (!roots.some(inside)) roots.push(copy);
  }
  return new StorageRoots(roots);
}

/**
 * A URI the API stored (a dataset root, a model's weights), checked again here: its location and
 * an access confined to its area. StorageError (its message names the URI as stored) otherwise.
 */
export async function locateStored(uri: string, env: NodeJS.ProcessEnv = process.env): Promise<{ location: StorageLocation; access: FileAccess }> {
  const roots = workerStorageRoots(env);
  const location = await roots.locate(uri);
  return { location, access: roots.access(location) };
}

/**
 * How a loader given a plain path reads it: confined to the roots when LOFFTA_STORAGE_ROOTS is
 * set (the worker service and the child processes it starts), else any local path.
 */
export async function accessFor(p: string, env: NodeJS.ProcessEnv = process.env): Promise<{ path: string; access: FileAccess }> {
  if (!workerEnv("LOFFTA_STORAGE_ROOTS", env)) return { path: path.resolve(p), access: localAccess() };
  const { location, access } = await locateStored(p, env);
  return { path: location.real, access };
}
