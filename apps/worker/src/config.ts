/**
 * The worker's environment variables, each declared once (name, default, meaning); every module
 * reads them through workerEnv(). docs/worker-service.md lists them (a test checks it does).
 * Command-line flags of `loffta-worker serve` take precedence over the first five.
 */
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
  LOFFTA_ISOLATE_RUNS: envVar<boolean>({ description: "`0`: train in the worker process instead of one child process per training job.", default: true, parse: (r) => r !== "0" }),
  LOFFTA_TF_BACKEND: envVar<"auto" | "cpu">({
    description: "`cpu` forces the pure-JS TensorFlow.js backend; default: tfjs-node when it loads.",
    default: "auto",
    parse: (r) => (r === "cpu" ? "cpu" : "auto"),
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

/** Forget the token once read: child processes (training jobs, calibrations) never inherit it. */
export function dropWorkerToken(env: NodeJS.ProcessEnv = process.env): void {
  delete env.LOFFTA_TOKEN;
}
