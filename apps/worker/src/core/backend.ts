/**
 * TensorFlow.js backend selection (LOFFTA_TF_BACKEND):
 *
 * - `auto` (default): @tensorflow/tfjs-node-gpu, then @tensorflow/tfjs-node (both the native
 *   "tensorflow" backend), then the pure-JS "cpu" backend of @tensorflow/tfjs with a loud warning
 *   (~100-200× slower for training).
 * - `gpu`: @tensorflow/tfjs-node-gpu on a GPU TensorFlow can see, or a GpuBackendError naming
 *   what is missing — the package, the NVIDIA driver, the CUDA / cuDNN libraries, or a visible
 *   device — so a GPU worker never silently trains on its CPU (docs/deploy.md, GPU workers).
 * - `cpu`: the pure-JS backend.
 *
 * All core modules import ops from "@tensorflow/tfjs" (one shared engine); loading tfjs-node(-gpu)
 * registers and selects its backend on that engine.
 */
import { execFileSync } from "node:child_process";
import * as tf from "@tensorflow/tfjs";
import { workerEnv } from "../config";

export type Tf = typeof tf;

export const GPU_PACKAGE = "@tensorflow/tfjs-node-gpu";
export const NATIVE_CPU_PACKAGE = "@tensorflow/tfjs-node";

/** The GPU TensorFlow places ops on, as the NVIDIA driver names it (nvidia-smi). */
export interface GpuInfo {
  /** e.g. "NVIDIA H200"; undefined when nvidia-smi is not available. */
  name?: string;
  /** Total memory of the device; undefined when nvidia-smi is not available. */
  memoryBytes?: number;
}

export interface BackendInfo {
  tf: Tf;
  /** Backend name as tf.getBackend() reports it: "tensorflow" or "cpu". */
  backend: string;
  /**
   * Human-readable, registered as the worker's device (calibrations are per device) and reported
   * on every run: "tfjs-node (native TensorFlow, CPU)", "tfjs-node-gpu (native TensorFlow, GPU:
   * NVIDIA H200, 140 GiB)", "pure-JS cpu (@tensorflow/tfjs)".
   */
  device: string;
  /** The package that provided the backend. */
  package: string;
  /** Set when TensorFlow runs on a GPU (tfjs-node-gpu's binding reports a GPU device). */
  gpu?: GpuInfo;
}

/** What `gpu` found missing. */
export type GpuMissing = "package" | "driver" | "cuda-libraries" | "device";

/** LOFFTA_TF_BACKEND=gpu could not run on a GPU; `message` says what is missing and how to fix it. */
export class GpuBackendError extends Error {
  override name = "GpuBackendError";
  constructor(
    readonly missing: GpuMissing,
    message: string,
  ) {
    super(message);
    // A configuration problem, not a bug: where it was thrown helps nobody, and the worker's
    // start-up error line (which prints the stack) should read as the fix.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * The shared libraries TensorFlow 2.9 (the libtensorflow tfjs-node-gpu 4.22 downloads, built for
 * CUDA 11.2 / cuDNN 8.1) must dlopen before it registers a GPU: TensorFlow's
 * stream_executor/platform/default/dlopen_checker.cc (TryDlopenCUDALibraries) opens each of these,
 * named by dso_loader.cc from the CUDA versions of its build, and skips every GPU if one fails.
 */
export const TF_CUDA_LIBRARIES = [
  "libcudart.so.11.0",
  "libcublas.so.11",
  "libcublasLt.so.11",
  "libcufft.so.10",
  "libcurand.so.10",
  "libcusolver.so.11",
  "libcusparse.so.11",
  "libcudnn.so.8",
] as const;
/** The NVIDIA driver's CUDA library (from the host; a container gets it from the NVIDIA runtime). */
export const CUDA_DRIVER_LIBRARY = "libcuda.so.1";

let current: BackendInfo | null = null;

/** How a backend is chosen: LOFFTA_TF_BACKEND's values, and `native-cpu` (tfjs-node only: gpu:check's CPU reference). */
export type BackendPreference = "auto" | "cpu" | "gpu" | "native-cpu";

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
 * Whether the dynamic loader finds `lib` the way TensorFlow's dlopen does (same process, same
 * LD_LIBRARY_PATH and ld.so cache): null when it loads, else the loader's error. process.dlopen
 * of a library that is no Node addon loads it, then fails with "did not self-register" — that
 * failure means the library was found.
 */
export function dlopenProblem(lib: string): string | null {
  try {
    process.dlopen({ exports: {} }, lib);
    return null;
  } catch (e) {
    const msg = (e as Error).message;
    return /did not self-register/.test(msg) ? null : msg;
  }
}

/** Why TensorFlow (tfjs-node-gpu loaded) registered no GPU: the first missing piece, as a GpuBackendError. */
export function diagnoseNoGpu(
  probe: (lib: string) => string | null = dlopenProblem,
  env: NodeJS.ProcessEnv = process.env,
): GpuBackendError {
  const head = `LOFFTA_TF_BACKEND=gpu: ${GPU_PACKAGE} loaded but TensorFlow sees no GPU`;
  const driver = probe(CUDA_DRIVER_LIBRARY);
  if (driver)
    return new GpuBackendError(
      "driver",
      `${head}: the NVIDIA driver library ${CUDA_DRIVER_LIBRARY} does not load (${driver}). ` +
        "Install the NVIDIA driver (>= 450.80.02 for CUDA 11.2) on the host; in a container, give it the GPU " +
        "through the NVIDIA Container Toolkit (docker run --gpus all, compose `gpus: all`, Kubernetes `nvidia.com/gpu`).",
    );
  const missing = TF_CUDA_LIBRARIES.filter((lib) => probe(lib) !== null);
  if (missing.length)
    return new GpuBackendError(
      "cuda-libraries",
      `${head}: CUDA 11.2 / cuDNN 8.1 libraries not found: ${missing.join(", ")} ` +
        `(LD_LIBRARY_PATH=${env.LD_LIBRARY_PATH ?? "unset"}). Use deploy/worker-gpu.Dockerfile (CUDA 11.2 + cuDNN 8.1 base image) ` +
        "or install CUDA 11.2 and cuDNN 8.1 and put their lib folders on LD_LIBRARY_PATH (docs/deploy.md, GPU workers).",
    );
  const visible = env.CUDA_VISIBLE_DEVICES;
  return new GpuBackendError(
    "device",
    `${head} although the driver and the CUDA / cuDNN libraries load` +
      (visible !== undefined ? ` (CUDA_VISIBLE_DEVICES=${JSON.stringify(visible)} limits the devices it may use)` : "") +
      ": check `nvidia-smi`; TensorFlow's own log lines above say why it skipped the device " +
      "(e.g. a driver older than CUDA 11.2 needs, or a GPU this TensorFlow 2.9 build does not support).",
  );
}

/**
 * Name and memory of the GPU TensorFlow uses (its GPU:0: the first of CUDA_VISIBLE_DEVICES when
 * set), from nvidia-smi: tfjs-node-gpu's binding exposes only whether a GPU is used
 * (isUsingGpuDevice), not which. Empty when nvidia-smi is missing or fails.
 */
export function queryGpu(env: NodeJS.ProcessEnv = process.env): GpuInfo {
  const first = env.CUDA_VISIBLE_DEVICES?.split(",")[0]?.trim();
  const args = ["--query-gpu=name,memory.total", "--format=csv,noheader,nounits"];
  // nvidia-smi -i takes an index or a UUID, as CUDA_VISIBLE_DEVICES does.
  if (first && /^(\d+|GPU-[0-9a-fA-F-]+)$/.test(first)) args.push("-i", first);
  try {
    const line = execFileSync("nvidia-smi", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 5000 })
      .trim()
      .split("\n")[0];
    return parseNvidiaSmiLine(line ?? "");
  } catch {
    return {};
  }
}

/** One line of `nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits`: "NVIDIA H200, 143771" (MiB). */
export function parseNvidiaSmiLine(line: string): GpuInfo {
  const m = /^(.*\S)\s*,\s*(\d+)\s*$/.exec(line.trim());
  if (!m) return line.trim() ? { name: line.trim() } : {};
  return { name: m[1], memoryBytes: Number(m[2]) * 1024 * 1024 };
}

/** The device string of a native backend: whether and which GPU TensorFlow uses. */
export function nativeDevice(pkg: string, gpu: GpuInfo | undefined): string {
  if (pkg !== GPU_PACKAGE) return "tfjs-node (native TensorFlow, CPU)";
  if (!gpu) return "tfjs-node-gpu (native TensorFlow, CPU: no GPU visible)";
  const what = [gpu.name, gpu.memoryBytes ? `${Math.round(gpu.memoryBytes / 1024 ** 3)} GiB` : undefined].filter(Boolean);
  return `tfjs-node-gpu (native TensorFlow, GPU${what.length ? `: ${what.join(", ")}` : ""})`;
}

/**
 * Whether the active backend runs on a GPU: tfjs-node's NodeJSKernelBackend sets
 * `isUsingGpuDevice` from its binding's isUsingGpuDevice() (binding/tfjs_binding.cc), which is
 * true when the TFE context listed a device of type "GPU" (binding/tfjs_backend.cc, TFJSBackend's
 * constructor; else it runs on the host CPU).
 */
function usingGpu(): boolean {
  return (tf.backend() as { isUsingGpuDevice?: unknown }).isUsingGpuDevice === true;
}

async function selectNative(pkg: string): Promise<BackendInfo> {
  await tf.setBackend("tensorflow");
  await tf.ready();
  const gpu = pkg === GPU_PACKAGE && usingGpu() ? queryGpu() : undefined;
  current = { tf, backend: tf.getBackend(), device: nativeDevice(pkg, gpu), package: pkg, ...(gpu ? { gpu } : {}) };
  return current;
}

/** LOFFTA_TF_BACKEND=gpu: tfjs-node-gpu on a GPU, or a GpuBackendError saying what is missing. */
async function initGpu(): Promise<BackendInfo> {
  try {
    require.resolve(GPU_PACKAGE);
  } catch {
    throw new GpuBackendError(
      "package",
      `LOFFTA_TF_BACKEND=gpu: ${GPU_PACKAGE} is not installed: install it with scripts/install-gpu.sh ` +
        "(or build deploy/worker-gpu.Dockerfile; docs/deploy.md, GPU workers)",
    );
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(GPU_PACKAGE);
  } catch (e) {
    throw new GpuBackendError(
      "package",
      `LOFFTA_TF_BACKEND=gpu: ${GPU_PACKAGE} is installed but does not load (${(e as Error).message.split("\n")[0]}): ` +
        "reinstall it with scripts/install-gpu.sh (its install step downloads the GPU libtensorflow)",
    );
  }
  if (!tf.findBackend("tensorflow"))
    throw new GpuBackendError("package", `LOFFTA_TF_BACKEND=gpu: ${GPU_PACKAGE} loaded but registered no "tensorflow" backend`);
  await tf.setBackend("tensorflow");
  await tf.ready();
  if (!usingGpu()) throw diagnoseNoGpu();
  return selectNative(GPU_PACKAGE);
}

/**
 * Initialise (once) and return the backend. `prefer` (default LOFFTA_TF_BACKEND) chooses as the
 * variable does; `native-cpu` loads tfjs-node only (and fails when it does not load). `quiet`
 * suppresses the pure-JS fallback warning (tests).
 */
export async function initBackend(opts: { prefer?: BackendPreference; quiet?: boolean } = {}): Promise<BackendInfo> {
  if (current) return current;
  const prefer = opts.prefer ?? workerEnv("LOFFTA_TF_BACKEND");
  if (prefer === "gpu") return initGpu();
  if (prefer === "native-cpu") {
    if (tryRequire(NATIVE_CPU_PACKAGE) && tf.findBackend("tensorflow")) return selectNative(NATIVE_CPU_PACKAGE);
    throw new Error(`${NATIVE_CPU_PACKAGE} does not load: run scripts/setup-native.cjs`);
  }
  if (prefer === "auto") {
    for (const pkg of [GPU_PACKAGE, NATIVE_CPU_PACKAGE]) {
      if (tryRequire(pkg) && tf.findBackend("tensorflow")) return selectNative(pkg);
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
