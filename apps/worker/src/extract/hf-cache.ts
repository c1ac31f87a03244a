/**
 * Resolve a local model location to its weights and config files. Accepted:
 * - a `.safetensors` file (config.json / preprocessor_config.json looked up next to it);
 * - a `model.safetensors.index.json` (sharded checkpoint);
 * - a folder holding `model.safetensors` (or the index) and config.json;
 * - a Hugging Face cache folder `models--org--name` (snapshot from refs/main, else the only /
 *   newest snapshot), or one of its `snapshots/<rev>` folders;
 * - a Hugging Face cache root (`~/.cache/huggingface/hub`) plus a repo id `org/name`.
 * Nothing is ever downloaded.
 */
import { existsSync, promises as fsp } from "node:fs";
import path from "node:path";
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

async function isDir(p: string): Promise<boolean> {
  return (await fsp.stat(p).catch(() => null))?.isDirectory() ?? false;
}

async function pickSnapshot(repoDir: string): Promise<string> {
  const snaps = path.join(repoDir, "snapshots");
  const ref = path.join(repoDir, "refs", "main");
  if (existsSync(ref)) {
    const rev = (await fsp.readFile(ref, "utf8")).trim();
    if (await isDir(path.join(snaps, rev))) return path.join(snaps, rev);
  }
  const revs = (await fsp.readdir(snaps).catch(() => [] as string[])).filter((r) => !r.startsWith("."));
  if (!revs.length) throw new WeightsError(`${repoDir}: Hugging Face cache folder without snapshots`);
  const withTime = await Promise.all(revs.map(async (r) => ({ r, t: (await fsp.stat(path.join(snaps, r))).mtimeMs })));
  withTime.sort((a, b) => b.t - a.t || a.r.localeCompare(b.r));
  return path.join(snaps, withTime[0].r);
}

function sibling(dir: string, name: string): string | null {
  const p = path.join(dir, name);
  return existsSync(p) ? p : null;
}

/** Resolve `location` (see module doc). `repoId` is only used when `location` is a hub cache root. */
export async function resolveModelFiles(location: string, repoId?: string): Promise<ResolvedModelFiles> {
  if (/^https?:\/\//.test(location)) throw new WeightsError(`${location}: only local paths are supported (weights are never downloaded)`);
  const abs = path.resolve(location);
  const st = await fsp.stat(abs).catch(() => null);
  if (!st) throw new WeightsError(`model path ${abs} does not exist`);
  let dir: string;
  if (st.isFile()) {
    dir = path.dirname(abs);
    return { weights: abs, config: sibling(dir, "config.json"), preprocessor: sibling(dir, "preprocessor_config.json"), dir };
  }
  dir = abs;
  if (repoId && (await isDir(path.join(abs, `models--${repoId.replace(/\//g, "--")}`)))) dir = path.join(abs, `models--${repoId.replace(/\//g, "--")}`);
  if (path.basename(dir).startsWith("models--") || (await isDir(path.join(dir, "snapshots")))) dir = await pickSnapshot(dir);
  for (const n of WEIGHT_NAMES) {
    const w = sibling(dir, n);
    if (w) return { weights: w, config: sibling(dir, "config.json"), preprocessor: sibling(dir, "preprocessor_config.json"), dir };
  }
  const any = (await fsp.readdir(dir)).filter((f) => f.endsWith(".safetensors")).sort();
  if (any.length === 1) return { weights: path.join(dir, any[0]), config: sibling(dir, "config.json"), preprocessor: sibling(dir, "preprocessor_config.json"), dir };
  throw new WeightsError(`${dir}: no model.safetensors (found ${any.length ? any.join(", ") : "no .safetensors files"}); PyTorch .bin checkpoints are not supported, convert them to safetensors`);
}
