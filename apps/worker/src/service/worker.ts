import os from "node:os";
import path from "node:path";
import { logSafe } from "@loffta/graphql/log-safe";
import { toMetricColumns } from "@loffta/graphql/metric-columns";
import type { JobType, RunLogLevel, RunLogLineInput } from "../generated/graphql";
import {
  AppendRunLogsDocument,
  ClaimJobDocument,
  CompleteJobDocument,
  FailJobDocument,
  HeartbeatDocument,
  LogMetricColumnsDocument,
  RegisterWorkerDocument,
  ReportProgressDocument,
  type JobResultInput,
  type WorkerJobFragment,
} from "../generated/graphql";
import { ApiError, ApiUnreachableError, type ApiClient } from "./api-client";
import { MetricBuffer, SpoolBuffer } from "./metric-buffer";
import type { Provenance } from "./provenance";
import { workerStore } from "./store";

/** Everything a job handler may use. */
export interface JobContext {
  job: WorkerJobFragment;
  workerId: string;
  api: ApiClient;
  /** Aborted when the run is cancelled or the worker stops. `signal.reason` says which. */
  signal: AbortSignal;
  /** Report progress; resolves true when the job was cancelled meanwhile. Never throws. */
  progress(done: number, total: number): Promise<boolean>;
  /** Where metric points go (batched, spooled to disk, resent until acknowledged). */
  metrics: MetricSink;
  /** Worker's home folder (caches, checkpoints, spool). */
  home: string;
  /** This worker's device, as registered (calibrations are per device). */
  device: string;
  /**
   * Log a line: to the worker's stderr and, for a job with a run, to the run's log in the API
   * (batched, spooled, never blocking; level default INFO).
   */
  log(msg: string, level?: RunLogLevel): void;
}

export type JobHandler = (ctx: JobContext) => Promise<JobResultInput>;

/**
 * What a handler may do with metrics: add points (delivery is the worker's business), and wait
 * until every point added so far reached the API (`drain`: true when it did within the time) —
 * before a checkpoint is published, so a run resumed from it elsewhere has every earlier point.
 */
export type MetricSink = Pick<MetricBuffer, "add" | "drain">;

/** A failure that retrying cannot fix (bad config, missing files): fail the job for good. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export interface WorkerOptions {
  api: ApiClient;
  name: string;
  home: string;
  backend: string;
  device: string;
  memoryBytes?: number;
  /** Versions added to every TRAIN result (provenance.ts, collected once at start). */
  provenance?: Provenance;
  handlers: Partial<Record<JobType, JobHandler>>;
  pollMs?: number;
  heartbeatMs?: number;
  leaseSeconds?: number;
  log?: (msg: string) => void;
}

/** Run log lines per job attempt (the seq range of an attempt). */
const LOG_SEQ_PER_ATTEMPT = 1_000_000;
/** The API's limit on a log line. */
const MAX_LOG_MESSAGE = 4000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * The worker process: registers, heartbeats, claims EXTRACT/TRAIN jobs with a lease, runs them,
 * reports progress and metrics, completes or fails them. API outages are ridden out: metrics
 * go to the disk spool and results are resent until the API acknowledges them.
 */
export class WorkerService {
  workerId: string | undefined;
  private readonly stopping = new AbortController();
  private current: { jobId: string; abort: AbortController } | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private loopDone: Promise<void> | undefined;
  readonly metrics: MetricBuffer;
  /** Run log lines on their way to the API (appendRunLogs), spooled like metrics. */
  readonly logs: SpoolBuffer<RunLogLineInput>;
  private readonly log: (m: string) => void;

  constructor(private readonly opts: WorkerOptions) {
    // One call, one line: run names, error messages and the worker's own name are user strings
    // that must not forge lines or move the terminal's cursor (@loffta/graphql/log-safe).
    this.log = opts.log ?? ((m) => process.stderr.write(`[worker ${logSafe(opts.name)}] ${logSafe(m)}\n`));
    this.metrics = new MetricBuffer({
      spoolDir: path.join(opts.home, "spool", opts.name),
      send: async (runId, points) => {
        await opts.api.request(LogMetricColumnsDocument, { runId, columns: toMetricColumns(points) });
      },
      onError: (e) => this.log(`metrics kept on disk, will resend: ${(e as Error).message}`),
    });
    this.logs = new SpoolBuffer<RunLogLineInput>({
      spoolDir: path.join(opts.home, "spool", opts.name),
      fileName: "logs-spool.jsonl",
      maxPoints: 200,
      send: async (runId, lines) => {
        await opts.api.request(AppendRunLogsDocument, { runId, lines });
      },
      // The API refused the batch (run deleted, invalid line): resending cannot help.
      isPermanent: (e) => e instanceof ApiError && e.code !== "INTERNAL_SERVER_ERROR",
      onError: (e) =>
        this.log(
          e instanceof ApiError && e.code !== "INTERNAL_SERVER_ERROR"
            ? `run log lines dropped: ${e.message}`
            : `run log lines kept on disk, will resend: ${(e as Error).message}`,
        ),
    });
  }

  async start(): Promise<void> {
    const reg = await this.retry("register", () =>
      this.opts.api.request(RegisterWorkerDocument, {
        input: {
          name: this.opts.name,
          host: os.hostname(),
          backend: this.opts.backend,
          device: this.opts.device,
          memoryBytes: this.opts.memoryBytes ?? os.totalmem(),
        },
      }),
    );
    this.workerId = reg.registerWorker.id;
    this.log(`registered as ${this.workerId} (${this.opts.backend} on ${this.opts.device})`);
    const store = workerStore();
    this.log(store ? `object store: ${store.describe} (local copy ${path.join(this.opts.home, "store-copy")})` : "no object store (LOFFTA_STORE unset): caches stay in this worker's home");
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.opts.heartbeatMs ?? 5000);
    void this.metrics.flush(); // resend what an earlier process left in the spool
    void this.logs.flush();
    this.loopDone = this.loop();
  }

  /** Stop claiming, abort the running job (it is retried elsewhere), flush metrics. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.current?.abort.abort("worker stopping");
    await this.loopDone;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    await this.metrics.drain(10_000);
    this.metrics.close();
    await this.logs.drain(5_000); // what is not sent stays spooled for the next start
    this.logs.close();
  }

  private async heartbeat(): Promise<void> {
    if (!this.workerId) return;
    try {
      const r = await this.opts.api.request(HeartbeatDocument, { workerId: this.workerId });
      const cur = this.current;
      if (cur && r.heartbeat.cancelledJobIds.includes(cur.jobId)) cur.abort.abort("cancelled");
    } catch (e) {
      this.log(`heartbeat failed: ${(e as Error).message}`);
    }
  }

  private async loop(): Promise<void> {
    const types = (Object.keys(this.opts.handlers) as JobType[]).filter((t) => this.opts.handlers[t]);
    while (!this.stopping.signal.aborted) {
      let job: WorkerJobFragment | null | undefined;
      try {
        job = (
          await this.opts.api.request(ClaimJobDocument, {
            workerId: this.workerId!,
            types,
            leaseSeconds: this.opts.leaseSeconds ?? 60,
          })
        ).claimJob;
      } catch (e) {
        this.log(`claim failed: ${(e as Error).message}`);
      }
      if (!job) {
        await sleep(this.opts.pollMs ?? 1000, this.stopping.signal);
        continue;
      }
      await this.runJob(job);
    }
  }

  private async runJob(job: WorkerJobFragment): Promise<void> {
    const handler = this.opts.handlers[job.type]!;
    const abort = new AbortController();
    this.current = { jobId: job.id, abort };
    const workerId = this.workerId!;
    const runLog = this.runLogger(job);
    const jobLog = (m: string, level: RunLogLevel = "INFO") => {
      this.log(`${job.type.toLowerCase()} ${job.id.slice(0, 8)}: ${m}`);
      runLog(m, level);
    };
    this.log(`claimed ${job.type} job ${job.id} (attempt ${job.attempts}/${job.maxAttempts})`);
    runLog(`${job.type} job ${job.id} claimed by worker ${this.opts.name} (attempt ${job.attempts}/${job.maxAttempts})`, "INFO");
    const ctx: JobContext = {
      job,
      workerId,
      api: this.opts.api,
      signal: abort.signal,
      metrics: this.metrics,
      home: this.opts.home,
      device: this.opts.device,
      log: jobLog,
      progress: (done, total) => {
        const report = (async () => {
          try {
            const r = await this.opts.api.request(ReportProgressDocument, {
              jobId: job.id,
              workerId,
              done,
              total,
            });
            if (r.reportProgress.cancelled) abort.abort("cancelled");
            return r.reportProgress.cancelled;
          } catch (e) {
            this.log(`progress not reported: ${(e as Error).message}`);
            return false;
          }
        })();
        progressInFlight.add(report);
        void report.finally(() => progressInFlight.delete(report));
        return report;
      },
    };
    // Handlers may report progress without awaiting it: let those reports land before the job
    // is completed (a report arriving after completeJob is refused: the job is no longer RUNNING).
    const progressInFlight = new Set<Promise<boolean>>();
    try {
      let result = await handler(ctx);
      // A run's provenance: this worker's versions (what the handler reported itself wins).
      if (result.run && this.opts.provenance) result = { ...result, run: { ...this.opts.provenance, ...result.run } };
      await Promise.allSettled([...progressInFlight]);
      if (abort.signal.aborted) throw abort.signal.reason;
      await this.metrics.drain(60_000);
      await this.retry("complete", () =>
        this.opts.api.request(CompleteJobDocument, { jobId: job.id, workerId, result }),
      );
      this.log(`completed job ${job.id}`);
      runLog("job completed", "INFO");
    } catch (e) {
      await this.metrics.drain(30_000);
      if (abort.signal.reason === "cancelled") {
        this.log(`job ${job.id} cancelled: stopped`);
        runLog("run cancelled: stopped", "WARN");
      } else if (abort.signal.reason === "worker stopping") {
        // Leave the lease to expire: another worker (or this one, restarted) resumes the job.
        this.log(`job ${job.id} interrupted by shutdown: it will be retried`);
        runLog("interrupted by a worker shutdown: the job will be retried", "WARN");
      } else {
        const message = e instanceof Error ? e.message : String(e);
        this.log(`job ${job.id} failed: ${message}`);
        const retryable = !(e instanceof PermanentJobError) && job.attempts < job.maxAttempts;
        runLog(`job failed${retryable ? " (will be retried)" : ""}: ${message}`, "ERROR");
        await this.retry("fail", () =>
          this.opts.api.request(FailJobDocument, {
            jobId: job.id,
            workerId,
            error: message.slice(0, 4000),
            retryable: !(e instanceof PermanentJobError),
          }),
        ).catch((err: unknown) => this.log(`could not report the failure: ${(err as Error).message}`));
      }
    } finally {
      this.current = undefined;
      void this.logs.flush(); // send the job's last lines now, without waiting for them
    }
  }

  /**
   * The run log of a job with a run: numbers its lines `attempt × 1,000,000 + n`, so lines stay
   * in order across attempts (and workers) and a resent batch is recognised by the API.
   * Lines after the millionth of an attempt go to stderr only. Jobs without a run log nothing.
   */
  private runLogger(job: WorkerJobFragment): (message: string, level: RunLogLevel) => void {
    const runId = job.run?.id;
    const base = job.attempts * LOG_SEQ_PER_ATTEMPT;
    if (!runId || base + LOG_SEQ_PER_ATTEMPT > 2 ** 31) return () => {};
    let n = 0;
    return (message, level) => {
      if (n >= LOG_SEQ_PER_ATTEMPT) return;
      const text = message.length > MAX_LOG_MESSAGE ? `${message.slice(0, MAX_LOG_MESSAGE - 1)}…` : message || " ";
      this.logs.add(runId, { seq: base + n++, time: new Date().toISOString(), level, message: text });
    };
  }

  /**
   * Retry while the API is unreachable (with backoff) or answers an internal error (a few
   * times: e.g. a transaction that lost a deadlock); other errors are thrown at once.
   */
  private async retry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    let internal = 0;
    for (let delay = 250; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        return await fn();
      } catch (e) {
        const transient =
          e instanceof ApiUnreachableError ||
          (e instanceof ApiError && e.code === "INTERNAL_SERVER_ERROR" && ++internal <= 5);
        if (!transient || (this.stopping.signal.aborted && what !== "complete")) throw e;
        this.log(`${what}: ${(e as Error).message}; retrying in ${delay} ms`);
        await sleep(delay);
      }
    }
  }
}

export { ApiError };
