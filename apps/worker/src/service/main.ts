/**
 * The worker process: `loffta-worker serve --api URL --token T [--name N] [--home DIR]
 * [--lease-seconds S] [--heartbeat-ms MS] [--in-process]` (also started by `npm start`). Each
 * training job runs in its own child process (isolate.ts) unless --in-process or
 * LOFFTA_ISOLATE_RUNS=0. The lease must
 * outlast a heartbeat interval: a worker that stops heartbeating loses its job after it. Env fallbacks: LOFFTA_API_URL, LOFFTA_TOKEN, LOFFTA_HOME,
 * LOFFTA_WORKER_NAME.
 */
import os from "node:os";
import path from "node:path";
import { workerEnv } from "../config";
import { initBackend } from "../core/backend";
import { ApiClient } from "./api-client";
import { jobHandlers } from "./handlers";
import { isolatedHandler } from "./isolate";
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

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const api = get("--api") ?? workerEnv("LOFFTA_API_URL", env) ?? "http://localhost:4000";
  const token = get("--token") ?? workerEnv("LOFFTA_TOKEN", env);
  if (!token) throw new Error("a worker token is needed: --token T or LOFFTA_TOKEN (scope WORKER)");
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
  const backend = await initBackend();
  const worker = new WorkerService({
    api: new ApiClient(args.api, args.token),
    name: args.name,
    home: args.home,
    backend: backend.backend,
    device: backend.device,
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

if (require.main === module) {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`loffta-worker serve: ${(e as Error).message}`);
    process.exit(2);
  }
  serve(args).catch((e: unknown) => {
    console.error(`loffta-worker serve: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
