/**
 * The worker process: `LOFFTA_TOKEN=… loffta-worker serve --api URL [--token-file FILE]
 * [--name N] [--home DIR] [--lease-seconds S] [--heartbeat-ms MS] [--in-process]` (also started
 * by `npm start`, with LOFFTA_TOKEN_FILE). Each training job runs in its own child process
 * (isolate.ts) unless --in-process or LOFFTA_ISOLATE_RUNS=0. The lease must
 * outlast a heartbeat interval: a worker that stops heartbeating loses its job after it. Env fallbacks: LOFFTA_API_URL, LOFFTA_HOME,
 * LOFFTA_WORKER_NAME.
 *
 * The token never comes from the command line: every user of the host can read a process's
 * arguments (`ps`, /proc/<pid>/cmdline), so `--token` is refused. It comes from LOFFTA_TOKEN, or
 * from a file only its owner can read (--token-file or LOFFTA_TOKEN_FILE); once read it is
 * dropped from the environment, so no child process inherits it (job children get it over IPC).
 */
import os from "node:os";
import path from "node:path";
import { logSafe } from "@loffta/graphql/log-safe";
import { readTokenFile } from "@loffta/graphql/token-file";
import { dropWorkerToken, setWorkerEnv, workerEnv } from "../config";
import { initBackend } from "../core/backend";
import { ApiClient } from "./api-client";
import { jobHandlers } from "./handlers";
import { isolatedHandler } from "./isolate";
import { collectProvenance } from "./provenance";
import { WorkerService } from "./worker";

export interface ServeArgs {
  api: string;
  token: string;
  name: string;
  home: string;
  leaseSeconds?: number;
  heartbeatMs?: number;
  /** Run each training job in its own child process (default; LOFFTA_ISOLATE_RUNS=0 turns it off). */
  isolateRuns?: boolean;
}

/** The TRAIN handler, as the per-job child process loads it. */
const TRAIN_HANDLER = { module: path.join(__dirname, "jobs/train.ts"), name: "trainRun" };

/** The ways to pass a token, for messages. */
const TOKEN_WAYS = "LOFFTA_TOKEN=… in the environment, or a file only you can read (chmod 600) with --token-file FILE or LOFFTA_TOKEN_FILE=FILE";

/**
 * The worker's token: --token-file, else LOFFTA_TOKEN or LOFFTA_TOKEN_FILE (not both). A token
 * on the command line (`--token T`, `--token=T`) is refused: every user of the host can read it.
 */
export function resolveToken(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  if (argv.some((a) => a === "--token" || a.startsWith("--token="))) {
    throw new Error(
      `--token is refused: a secret on the command line is visible to every user of this host (ps, /proc/<pid>/cmdline). Pass it as ${TOKEN_WAYS}`,
    );
  }
  const i = argv.indexOf("--token-file");
  const flagFile = i >= 0 ? argv[i + 1] : undefined;
  if (i >= 0 && !flagFile) throw new Error("--token-file needs a file name");
  if (flagFile) return readTokenFile(flagFile);
  const token = workerEnv("LOFFTA_TOKEN", env);
  const file = workerEnv("LOFFTA_TOKEN_FILE", env);
  if (token && file) throw new Error("both LOFFTA_TOKEN and LOFFTA_TOKEN_FILE are set: set one");
  if (file) return readTokenFile(file);
  if (!token) throw new Error(`a worker token (scope WORKER) is needed: ${TOKEN_WAYS}`);
  return token;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const api = get("--api") ?? workerEnv("LOFFTA_API_URL", env) ?? "http://localhost:4000";
  const token = resolveToken(argv, env);
  return {
    api,
    token,
    name: get("--name") ?? workerEnv("LOFFTA_WORKER_NAME", env) ?? `${os.hostname()}-${process.pid}`,
    home: path.resolve(get("--home") ?? workerEnv("LOFFTA_HOME", env) ?? ".loffta"),
    leaseSeconds: get("--lease-seconds") ? Number(get("--lease-seconds")) : undefined,
    heartbeatMs: get("--heartbeat-ms") ? Number(get("--heartbeat-ms")) : undefined,
    isolateRuns: !argv.includes("--in-process") && workerEnv("LOFFTA_ISOLATE_RUNS", env),
  };
}

export async function serve(args: ServeArgs): Promise<WorkerService> {
  // Job child processes find the worker's home (its copy of the object store) as this one does.
  setWorkerEnv("LOFFTA_HOME", args.home);
  const backend = await initBackend();
  const worker = new WorkerService({
    api: new ApiClient(args.api, args.token),
    name: args.name,
    home: args.home,
    backend: backend.backend,
    device: backend.device,
    provenance: collectProvenance(backend),
    handlers: args.isolateRuns === false ? jobHandlers : { ...jobHandlers, TRAIN: isolatedHandler(TRAIN_HANDLER, { apiUrl: args.api, token: args.token }) },
    leaseSeconds: args.leaseSeconds,
    heartbeatMs: args.heartbeatMs,
  });
  await worker.start();
  const stop = () => {
    void worker.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return worker;
}

/** parseServeArgs for this process: the token is then dropped from its environment. */
export function parseServeArgv(argv: string[]): ServeArgs {
  const args = parseServeArgs(argv);
  dropWorkerToken();
  return args;
}

if (require.main === module) {
  let args: ServeArgs;
  try {
    args = parseServeArgv(process.argv.slice(2));
  } catch (e) {
    console.error(`loffta-worker serve: ${logSafe((e as Error).message)}`);
    process.exit(2);
  }
  serve(args).catch((e: unknown) => {
    console.error(`loffta-worker serve: ${logSafe(e instanceof Error ? e.message : e)}`);
    process.exit(1);
  });
}
