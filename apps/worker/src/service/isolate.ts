/**
 * Run a job handler in a fresh child process (job-child.ts), one process per job. Which file
 * that process runs, and how, is entry-points.ts's: from the sources job-child.ts through tsx,
 * in the compiled build its bundle (which carries the handlers: the module to import the
 * handler from is then the child's own bundle).
 *
 * Why: a long-lived worker's resident memory keeps whatever earlier jobs left (TensorFlow's
 * allocator and V8 keep freed memory), so a run measured in it reports the worker's high-water
 * mark, not its own: every run on one worker showed the same ~2.4 GiB and "1.00× less memory
 * than fine-tuning". In its own process a run's peak memory is that process's high-water mark
 * (getrusage maxrss: the Node + TensorFlow runtime, the data and the model, as a standalone
 * training script would measure), the same way fine-tuning calibrations are measured. A crash
 * or leak in a run also stays in its process.
 *
 * The parent keeps everything that must survive the child: the lease and heartbeats, the metric
 * buffer (points are sent to the parent as they come, so a child that dies loses none that it
 * produced), progress reports and cancellation (forwarded to the child as an abort).
 */
import { fork } from "node:child_process";
import path from "node:path";
import { handlerModule, workerEntry } from "../entry-points";
import type { JobResultInput, RunLogLevel, WorkerJobFragment } from "../generated/graphql";
import type { MetricPointInput } from "./metric-buffer";
import { PermanentJobError, type JobHandler } from "./worker";

/** Which handler the child runs: a module path and its exported handler's name. */
export interface HandlerRef {
  module: string;
  name: string;
}

/** Parent → child. */
export type ToChild =
  | {
      type: "start";
      handler: HandlerRef;
      job: WorkerJobFragment;
      workerId: string;
      apiUrl: string;
      token: string;
      home: string;
      device: string;
    }
  | { type: "abort"; reason: string }
  | { type: "drained"; id: number; ok: boolean };

/** Child → parent. */
export type FromChild =
  | { type: "metric"; runId: string; point: MetricPointInput }
  /** Wait until the metrics sent so far are delivered (answered with `drained`). */
  | { type: "drain"; id: number; timeoutMs: number }
  | { type: "progress"; done: number; total: number }
  | { type: "log"; msg: string; level?: RunLogLevel }
  | { type: "result"; result: JobResultInput }
  | { type: "error"; message: string; permanent: boolean };

const CHILD = workerEntry("service/job-child");
/** The file each job's process runs. */
export const JOB_CHILD = CHILD.file;
/** The repository root: the child's working directory (from the sources, `--import tsx` resolves tsx there). */
const ROOT = path.resolve(__dirname, "../../../..");

export interface IsolateOptions {
  apiUrl: string;
  token: string;
  /** Extra environment for the child. */
  env?: NodeJS.ProcessEnv;
  /** After an abort, SIGKILL the child if it has not exited within this long (default 30 s). */
  killAfterMs?: number;
}

/** A handler that runs `ref` in a child process per job. */
export function isolatedHandler(ref: HandlerRef, o: IsolateOptions): JobHandler {
  return (ctx) =>
    new Promise<JobResultInput>((resolve, reject) => {
      const child = fork(JOB_CHILD, [], {
        cwd: ROOT,
        execArgv: CHILD.execArgv,
        env: { ...process.env, ...o.env },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      let outcome: { ok: true; result: JobResultInput } | { ok: false; error: Error } | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        if (child.connected) child.send({ type: "abort", reason: String(ctx.signal.reason ?? "aborted") } satisfies ToChild);
        killTimer = setTimeout(() => child.kill("SIGKILL"), o.killAfterMs ?? 30_000);
      };
      ctx.log(`running in child process ${child.pid}`);
      child.on("message", (m: FromChild) => {
        switch (m.type) {
          case "metric":
            ctx.metrics.add(m.runId, m.point);
            break;
          case "drain":
            // Metric messages before this one were added already (IPC keeps their order).
            void ctx.metrics.drain(m.timeoutMs).then((ok) => {
              if (child.connected) child.send({ type: "drained", id: m.id, ok } satisfies ToChild);
            });
            break;
          case "progress":
            void ctx.progress(m.done, m.total);
            break;
          case "log":
            ctx.log(m.msg, m.level);
            break;
          case "result":
            outcome = { ok: true, result: m.result };
            break;
          case "error":
            outcome = { ok: false, error: m.permanent ? new PermanentJobError(m.message) : new Error(m.message) };
            break;
        }
      });
      child.on("error", (e) => {
        outcome ??= { ok: false, error: e };
      });
      child.on("exit", (code, signal) => {
        ctx.signal.removeEventListener("abort", onAbort);
        if (killTimer) clearTimeout(killTimer);
        if (ctx.signal.aborted) return reject(ctx.signal.reason);
        if (outcome?.ok) return resolve(outcome.result);
        reject(outcome?.error ?? new Error(`the job's process died (${signal ? `signal ${signal}` : `exit code ${code}`}) before reporting a result`));
      });
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      if (ctx.signal.aborted) onAbort();
      child.send({
        type: "start",
        handler: { ...ref, module: handlerModule(ref.module) },
        job: ctx.job,
        workerId: ctx.workerId,
        apiUrl: o.apiUrl,
        token: o.token,
        home: ctx.home,
        device: ctx.device,
      } satisfies ToChild);
    });
}
