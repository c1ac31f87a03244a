/**
 * What a worker trains with, reported with every TRAIN result (Run.lofftaVersion, gitCommit,
 * tfjsVersion, tfjsNodeVersion, tensorflowVersion, nodeVersion). Collected once at worker start
 * (`git rev-parse HEAD` runs once per worker, never per run) and added to each run's result by
 * the worker service; the job child reports the run's backend, host and device itself.
 *
 * Every key of Provenance is sent as a field of completeJob's RunResultInput (the worker spreads
 * it into each run's result; provenance.test.ts checks the schema has each). The GPU a worker
 * trains on (name and memory, LOFFTA_TF_BACKEND=gpu) is therefore not a key here but part of the
 * registered `device` string (core/backend.ts nativeDevice: "tfjs-node-gpu (native TensorFlow,
 * GPU: NVIDIA H200, 140 GiB)"), which reaches Worker.device, Run.device and the calibrations'
 * device key without an API change.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BackendInfo } from "../core/backend";

export interface Provenance {
  lofftaVersion?: string;
  gitCommit?: string;
  tfjsVersion?: string;
  tfjsNodeVersion?: string;
  tensorflowVersion?: string;
  nodeVersion: string;
}

/** The repository root (its package.json is Loffta's). */
const ROOT = path.resolve(__dirname, "../../../..");

/** HEAD of the checkout at `root` when `root` is a git work tree's top level; undefined otherwise. */
export function gitCommitOf(root: string): string | undefined {
  try {
    const [top, head] = execFileSync("git", ["rev-parse", "--show-toplevel", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5000,
    })
      .trim()
      .split("\n");
    // A copy inside some other repository is not that repository's commit.
    if (!top || !head || fs.realpathSync(top) !== fs.realpathSync(root)) return undefined;
    return /^[0-9a-f]{40,64}$/.test(head) ? head : undefined;
  } catch {
    return undefined;
  }
}

function packageVersion(file: string): string | undefined {
  try {
    const v = (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown }).version;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The provenance of this process with backend `b` (call once, at worker start). */
export function collectProvenance(b: BackendInfo, root = ROOT): Provenance {
  const out: Provenance = { nodeVersion: process.version };
  const loffta = packageVersion(path.join(root, "package.json"));
  if (loffta) out.lofftaVersion = loffta;
  const commit = gitCommitOf(root);
  if (commit) out.gitCommit = commit;
  out.tfjsVersion = b.tf.version_core;
  if (b.package !== "@tensorflow/tfjs") {
    try {
      // The native package in use (already loaded by initBackend).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const native = require(b.package) as { version?: Record<string, string> };
      const v = native.version?.["tfjs-node"];
      if (v) out.tfjsNodeVersion = v;
    } catch {
      /* not loadable: leave it out */
    }
    const binding = (b.tf.backend() as { binding?: { TF_Version?: unknown } }).binding;
    if (typeof binding?.TF_Version === "string") out.tensorflowVersion = binding.TF_Version;
  }
  return out;
}
