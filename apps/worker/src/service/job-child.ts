/**
 * Child-process entry of isolate.ts: receives one job, runs its handler with a context whose
 * metrics, progress and log go to the parent over IPC, and reports the result (a training run's
 * peak memory raised to this process's high-water mark) or the error. Exits when done, and when
 * the parent goes away (IPC disconnect).
 */
import { initBackend } from "../core/backend";
import { ApiClient } from "./api-client";
import type { FromChild, ToChild } from "./isolate";
import { PermanentJobError, type JobContext, type JobHandler } from "./worker";

const send = (m: FromChild): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(m, undefined, {}, () => resolve());
  });

const abort = new AbortController();

/** Drains asked of the parent, by id, resolved by its `drained` answer (false when it goes away). */
const drains = new Map<number, (ok: boolean) => void>();
let nextDrain = 0;
function drain(timeoutMs = 30_000): Promise<boolean> {
  if (!process.connected) return Promise.resolve(false);
  const id = ++nextDrain;
  return new Promise((resolve) => {
    drains.set(id, resolve);
    void send({ type: "drain", id, timeoutMs });
  });
}

async function run(start: Extract<ToChild, { type: "start" }>): Promise<void> {
  try {
    await initBackend({ quiet: true });
    const mod = (await import(start.handler.module)) as Record<string, unknown>;
    const handler = mod[start.handler.name] as JobHandler | undefined;
    if (typeof handler !== "function") throw new PermanentJobError(`no job handler ${start.handler.name} in ${start.handler.module}`);
    const ctx: JobContext = {
      job: start.job,
      workerId: start.workerId,
      api: new ApiClient(start.apiUrl, start.token),
      signal: abort.signal,
      // Cancellation reaches this process as an abort message: nothing to wait for here.
      progress: (done, total) => {
        void send({ type: "progress", done, total });
        return Promise.resolve(abort.signal.aborted);
      },
      metrics: { add: (runId, point) => void send({ type: "metric", runId, point }), drain },
      home: start.home,
      device: start.device,
      log: (msg, level) => void send({ type: "log", msg, level }),
    };
    const result = await handler(ctx);
    if (result.run) {
      // The whole process served this one run: its high-water mark is the run's peak memory.
      const processPeak = process.resourceUsage().maxRSS * 1024;
      result.run = { ...result.run, peakMemoryBytes: Math.max(result.run.peakMemoryBytes ?? 0, processPeak) };
    }
    await send({ type: "result", result });
  } catch (e) {
    await send({
      type: "error",
      message: e instanceof Error ? e.message : String(e),
      permanent: e instanceof PermanentJobError,
    });
  }
  process.exit(0);
}

process.on("disconnect", () => {
  // The worker is gone (killed or stopped): so is its lease on this job.
  abort.abort("worker stopping");
  for (const resolve of drains.values()) resolve(false);
  drains.clear();
  setTimeout(() => process.exit(1), 2000).unref();
});
process.on("message", (m: ToChild) => {
  if (m.type === "abort") abort.abort(m.reason);
  else if (m.type === "start") void run(m);
  else if (m.type === "drained") {
    drains.get(m.id)?.(m.ok);
    drains.delete(m.id);
  }
});
