/**
 * TensorFlow.js backend selection. Order: @tensorflow/tfjs-node-gpu, @tensorflow/tfjs-node
 * (native "tensorflow" backend), then the pure-JS "cpu" backend of @tensorflow/tfjs with a loud
 * warning (~100-200× slower for training). LOFFTA_TF_BACKEND=cpu forces the pure-JS backend.
 * All core modules import ops from "@tensorflow/tfjs" (one shared engine); loading tfjs-node
 * registers and selects its backend on that engine.
 */
import * as tf from "@tensorflow/tfjs";
import { workerEnv } from "../config";

export type Tf = typeof tf;

export interface BackendInfo {
  tf: Tf;
  /** Backend name as tf.getBackend() reports it: "tensorflow" or "cpu". */
  backend: string;
  /** Human-readable: "tfjs-node (native TensorFlow, CPU)", "tfjs-node-gpu (...)", "pure-JS cpu". */
  device: string;
  /** The package that provided the backend. */
  package: string;
}

let current: BackendInfo | null = null;

function tryRequire(name: string): boolean {
  try {
    // Dynamic, optional native addon: must be a runtime require (may be absent).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Initialise (once) and return the backend. `prefer: "cpu"` or env LOFFTA_TF_BACKEND=cpu forces
 * the pure-JS backend; `quiet` suppresses the fallback warning (tests).
 */
export async function initBackend(
  opts: { prefer?: "auto" | "cpu"; quiet?: boolean } = {},
): Promise<BackendInfo> {
  if (current) return current;
  const forced = (opts.prefer ?? workerEnv("LOFFTA_TF_BACKEND")) === "cpu";
  if (!forced) {
    for (const pkg of ["@tensorflow/tfjs-node-gpu", "@tensorflow/tfjs-node"]) {
      if (tryRequire(pkg) && tf.findBackend("tensorflow")) {
        await tf.setBackend("tensorflow");
        await tf.ready();
        const gpu = pkg.endsWith("-gpu");
        current = {
          tf,
          backend: tf.getBackend(),
          device: gpu
            ? "tfjs-node-gpu (native TensorFlow; GPU when CUDA is available)"
            : "tfjs-node (native TensorFlow, CPU)",
          package: pkg,
        };
        return current;
      }
    }
    if (!opts.quiet) {
      console.warn(
        "\n*** LOFFTA WARNING: @tensorflow/tfjs-node is not available; falling back to the pure-JS 'cpu' backend.\n" +
          "*** Training will be 100-200x slower. Run the native setup (scripts/setup-native.cjs) to fix this. ***\n",
      );
    }
  }
  await tf.setBackend("cpu");
  await tf.ready();
  current = {
    tf,
    backend: tf.getBackend(),
    device: "pure-JS cpu (@tensorflow/tfjs)",
    package: "@tensorflow/tfjs",
  };
  return current;
}

/** The already-initialised backend info (throws if initBackend() was not awaited). */
export function getBackendInfo(): BackendInfo {
  if (!current) throw new Error("initBackend() must be awaited first");
  return current;
}

export { tf };
