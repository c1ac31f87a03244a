/**
 * The worker's environment variables, each declared once (name, default, meaning); every module
 * reads them through workerEnv(). docs/worker-service.md lists them (a test checks it does).
 * Command-line flags of `loffta-worker serve` take precedence over the first five.
 */
import { STORE_ENV } from "@loffta/graphql/object-store";
import { parseStorageRoots } from "@loffta/graphql/storage-roots";

interface EnvVar<T> {
  description: string;
  default: T;
  parse(raw: string): T;
}

const str = (raw: string): string => raw;
const positiveInt = (raw: string): number | undefined => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
};
const envVar = <T>(v: EnvVar<T>): EnvVar<T> => v;

export const WORKER_ENV = {
  LOFFTA_API_URL: envVar<string | undefined>({ description: "API base URL (`--api`).", default: undefined, parse: str }),
  LOFFTA_TOKEN: envVar<string | undefined>({ description: "API token with the WORKER scope (never `--token`: the command line is public to the host).", default: undefined, parse: str }),
  LOFFTA_TOKEN_FILE: envVar<string | undefined>({ description: "File holding the token, readable by its owner only (`--token-file`; instead of `LOFFTA_TOKEN`).", default: undefined, parse: str }),
  LOFFTA_WORKER_NAME: envVar<string | undefined>({ description: "Worker name shown in the dashboard (`--name`; default host-pid).", default: undefined, parse: str }),
  LOFFTA_HOME: envVar<string | undefined>({ description: "Folder for caches, checkpoints and spools (`--home`; default `.loffta`).", default: undefined, parse: str }),
  LOFFTA_STORAGE_ROOTS: envVar<string[] | undefined>({
    description:
      "Folders datasets and weights are read from, `:`-separated absolute paths: the API's value (docs/security.md, Storage roots). Unset: jobs read nothing (every dataset and weights URI refused); the command line reads any path.",
    default: undefined,
    parse: parseStorageRoots,
  }),
  // The object store's variables, declared with the API's in @loffta/graphql/object-store (read there by storeFromEnv).
  LOFFTA_STORE: envVar<string | undefined>({ description: STORE_ENV.LOFFTA_STORE, default: undefined, parse: str }),
  LOFFTA_S3_ENDPOINT: envVar<string | undefined>({ description: STORE_ENV.LOFFTA_S3_ENDPOINT, default: undefined, parse: str }),
  LOFFTA_S3_FORCE_PATH_STYLE: envVar<string | undefined>({ description: STORE_ENV.LOFFTA_S3_FORCE_PATH_STYLE, default: undefined, parse: str }),
  LOFFTA_SHARD_CACHE_BYTES: envVar<number>({
    description:
      "Most bytes of the worker's local copy of the object store (`<home>/store-copy`: cache shards, `store:` datasets and weights), least recently used first out; files a running job reads stay. Default 20 GiB. The store itself is `LOFFTA_STORE` (docs/deploy.md).",
    default: 20 * 1024 ** 3,
    parse: (r) => positiveInt(r) ?? 20 * 1024 ** 3,
  }),
  LOFFTA_ISOLATE_RUNS: envVar<boolean>({ description: "`0`: train in the worker process instead of one child process per training job.", default: true, parse: (r) => r !== "0" }),
  LOFFTA_TF_BACKEND: envVar<"auto" | "cpu" | "gpu">({
    description:
      "`gpu`: tfjs-node-gpu on a GPU TensorFlow sees, else the worker stops at start naming what is missing (the package, the NVIDIA driver, CUDA 11.2 / cuDNN 8.1, a visible GPU; docs/deploy.md, GPU workers); `cpu` forces the pure-JS TensorFlow.js backend; `auto` (default): tfjs-node-gpu, then tfjs-node, then pure JS with a warning.",
    default: "auto",
    // A typo (`GPU`, `cuda`) must not silently become `auto` and train on the CPU.
    parse: (r) => {
      if (r === "auto" || r === "cpu" || r === "gpu") return r;
      throw new Error(`must be auto, cpu or gpu, got ${JSON.stringify(r)}`);
    },
  }),
  LOFFTA_CALIBRATION: envVar<boolean>({ description: "`off`: do not measure the fine-tuning calibration for runs without a baseline run.", default: true, parse: (r) => r !== "off" }),
  LOFFTA_SYSTEM_METRICS_MS: envVar<number>({
    description: "Interval (ms) of a training run's system metrics (`system/cpu_percent`, `system/rss_bytes`, `system/gpu_bytes`).",
    default: 5000,
    parse: (r) => positiveInt(r) ?? 5000,
  }),
  LOFFTA_EXTRACTOR: envVar<string | undefined>({
    description:
      "Feature extractor: `tfjs` (default), `onnx` (onnxruntime-node on a graph exported from the same weights: dinov2, vit, clip; other families are an error) or `auto` (onnx where supported, else tfjs with a warning). docs/extraction.md.",
    default: undefined,
    parse: str,
  }),
  LOFFTA_ONNX_THREADS: envVar<number | undefined>({ description: "onnxruntime's intra-op threads for the `onnx` extractor (default: every CPU).", default: undefined, parse: positiveInt }),
  LOFFTA_EXTRACT_SHARD_SIZE: envVar<number | undefined>({ description: "Images per cache shard (default 256).", default: undefined, parse: positiveInt }),
  LOFFTA_FAULT_KILL_AFTER_SHARDS: envVar<number | undefined>({
    description: "Tests only: the worker SIGKILLs itself after writing this many shards (crash tests).",
    default: undefined,
    parse: positiveInt,
  }),
} as const;

export type WorkerEnvName = keyof typeof WORKER_ENV;
type ValueOf<K extends WorkerEnvName> = (typeof WORKER_ENV)[K] extends EnvVar<infer T> ? T : never;

/** The value of one variable (its default when unset or empty); a bad value throws naming it. */
export function workerEnv<K extends WorkerEnvName>(name: K, env: NodeJS.ProcessEnv = process.env): ValueOf<K> {
  const raw = env[name]?.trim();
  const v = WORKER_ENV[name] as EnvVar<ValueOf<K>>;
  if (!raw) return v.default;
  try {
    return v.parse(raw);
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`);
  }
}

/** Set a variable for this process and the child processes it starts (job children read what the service was told by flags). */
export function setWorkerEnv(name: WorkerEnvName, value: string, env: NodeJS.ProcessEnv = process.env): void {
  env[name] = value;
}

/** Forget the token once read: child processes (training jobs, calibrations) never inherit it. */
export function dropWorkerToken(env: NodeJS.ProcessEnv = process.env): void {
  delete env.LOFFTA_TOKEN;
}
