/**
 * Resolve a local model location to its weights and config files. Accepted:
 * - a `.safetensors` file (config.json / preprocessor_config.json looked up next to it);
 * - a `model.safetensors.index.json` (sharded checkpoint);
 * - a folder holding `model.safetensors` (or the index) and config.json;
 * - a Hugging Face cache folder `models--org--name` (snapshot from refs/main, else the only /
 *   newest snapshot), or one of its `snapshots/<rev>` folders;
 * - a Hugging Face cache root (`~/.cache/huggingface/hub`) plus a repo id `org/name`.
 * Nothing is ever downloaded. Everything is read through a FileAccess (on the platform: confined
 * to the model's storage area, see ./storage.ts); messages name paths as the access shows them.
 */
import path from "node:path";
import { STORAGE_LIMITS, localAccess, type FileAccess } from "@loffta/graphql/storage-roots";
import { WeightsError } from "./weights";

export interface ResolvedModelFiles {
  /** `.safetensors` file or `model.safetensors.index.json`. */
  weights: string;
  config: string | null;
  preprocessor: string | null;
  /** The folder the files were found in. */
  dir: string;
}

const WEIGHT_NAMES = ["model.safetensors", "model.safetensors.index.json", "pytorch_model.safetensors"];

/** Stats of `p` through `access`, null when missing; its other problems as WeightsError. */
async function statOf(access: FileAccess, p: string) {
  try {
    return await access.stat(p);
  } catch (e) {
    throw new WeightsError((e as Error).message);
  }
}

async function isDir(access: FileAccess, p: string): Promise<boolean> {
  return (await statOf(access, p))?.isDirectory() ?? false;
}

/** A snapshot folder name (a revision), never a path. */
const REV_RE = /^[A-Za-z0-9._-]{1,200}$/;

async function pickSnapshot(access: FileAccess, repoDir: string): Promise<string> {
  const snaps = path.join(repoDir, "snapshots");
  const ref = path.join(repoDir, "refs", "main");
  if ((await statOf(access, ref))?.isFile()) {
    const rev = (await access.readFile(ref, STORAGE_LIMITS.textBytes)).toString("utf8").trim();
    if (REV_RE.test(rev) && rev !== "." && rev !== ".." && (await isDir(access, path.join(snaps, rev)))) return path.join(snaps, rev);
  }
  const revs = (await isDir(access, snaps) ? (await access.readdir(snaps)).filter((d) => d.isDirectory() || d.isSymbolicLink()).map((d) => d.name) : []).filter((r) => !r.startsWith("."));
  if (!revs.length) throw new WeightsError(`${access.show(repoDir)}: Hugging Face cache folder without snapshots`);
  const withTime = await Promise.all(revs.map(async (r) => ({ r, t: (await statOf(access, path.join(snaps, r)))?.mtimeMs ?? 0 })));
  withTime.sort((a, b) => b.t - a.t || a.r.localeCompare(b.r));
  return path.join(snaps, withTime[0].r);
}

async function sibling(access: FileAccess, dir: string, name: string): Promise<string | null> {
  const p = path.join(dir, name);
  return (await statOf(access, p))?.isFile() ? p : null;
}

async function filesIn(access: FileAccess, dir: string, weights: string): Promise<ResolvedModelFiles> {
  return { weights, config: await sibling(access, dir, "config.json"), preprocessor: await sibling(access, dir, "preprocessor_config.json"), dir };
}

/**
 * Resolve `location` (see module doc). `repoId` is only used when `location` is a hub cache root.
 * Paths returned are as named under `location` (the access resolves symlinks when it opens them).
 */
export async function resolveModelFiles(location: string, repoId?: string, access: FileAccess = localAccess()): Promise<ResolvedModelFiles> {
  if (/^https?:\/\//.test(location)) throw new WeightsError(`${location}: only local paths are supported (weights are never downloaded)`);
  const abs = path.resolve(location);
  const st = await statOf(access, abs);
  if (!st) throw new WeightsError(`model path ${access.show(abs)} does not exist`);
  let dir: string;
  if (st.isFile()) return filesIn(access, path.dirname(abs), abs);
  dir = abs;
  const repoDir = repoId && /^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/.test(repoId) ? path.join(abs, `models--${repoId.replace(/\//g, "--")}`) : null;
  if (repoDir && (await isDir(access, repoDir))) dir = repoDir;
  if (path.basename(dir).startsWith("models--") || (await isDir(access, path.join(dir, "snapshots")))) dir = await pickSnapshot(access, dir);
  for (const n of WEIGHT_NAMES) {
    const w = await sibling(access, dir, n);
    if (w) return filesIn(access, dir, w);
  }
  const any = (await access.readdir(dir)).map((d) => d.name).filter((f) => f.endsWith(".safetensors")).sort();
  if (any.length === 1) return filesIn(access, dir, path.join(dir, any[0]));
  throw new WeightsError(`${access.show(dir)}: no model.safetensors (found ${any.length ? any.join(", ") : "no .safetensors files"}); PyTorch .bin checkpoints are not supported, convert them to safetensors`);
}
