import os from "node:os";
import path from "node:path";
import type { JobType } from "../generated/graphql";
import {
  ClaimJobDocument,
  CompleteJobDocument,
  FailJobDocument,
  HeartbeatDocument,
  LogMetricsDocument,
  RegisterWorkerDocument,
  ReportProgressDocument,
  type JobResultInput,
  type WorkerJobFragment,
} from "../generated/graphql";
import { ApiError, ApiUnreachableError, type ApiClient } from "./api-client";
import { MetricBuffer } from "./metric-buffer";

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
  log(msg: string): void;
}

export type JobHandler = (ctx: JobContext) => Promise<JobResultInput>;

/** What a handler may do with metrics: add points (delivery is the worker's business). */
export type MetricSink = Pick<MetricBuffer, "add">;

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
  handlers: Partial<Record<JobType, JobHandler>>;
  pollMs?: number;
  heartbeatMs?: number;
  leaseSeconds?: number;
  log?: (msg: string) => void;
}

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
  private readonly log: (m: string) => void;

  constructor(private readonly opts: WorkerOptions) {
    this.log = opts.log ?? ((m) => process.stderr.write(`[worker ${opts.name}] ${m}\n`));
    this.metrics = new MetricBuffer({
      spoolDir: path.join(opts.home, "spool", opts.name),
      send: async (runId, points) => {
        await opts.api.request(LogMetricsDocument, { runId, points });
      },
      onError: (e) => this.log(`metrics kept on disk, will resend: ${(e as Error).message}`),
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
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.opts.heartbeatMs ?? 5000);
    void this.metrics.flush(); // resend what an earlier process left in the spool
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
    this.log(`claimed ${job.type} job ${job.id} (attempt ${job.attempts}/${job.maxAttempts})`);
    const ctx: JobContext = {
      job,
      workerId,
      api: this.opts.api,
      signal: abort.signal,
      metrics: this.metrics,
      home: this.opts.home,
      device: this.opts.device,
      log: (m) => this.log(`${job.type.toLowerCase()} ${job.id.slice(0, 8)}: ${m}`),
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
      const result = await handler(ctx);
      await Promise.allSettled([...progressInFlight]);
      if (abort.signal.aborted) throw abort.signal.reason;
      await this.metrics.drain(60_000);
      await this.retry("complete", () =>
        this.opts.api.request(CompleteJobDocument, { jobId: job.id, workerId, result }),
      );
      this.log(`completed job ${job.id}`);
    } catch (e) {
      await this.metrics.drain(30_000);
      if (abort.signal.reason === "cancelled") {
        this.log(`job ${job.id} cancelled: stopped`);
      } else if (abort.signal.reason === "worker stopping") {
        // Leave the lease to expire: another worker (or this one, restarted) resumes the job.
        this.log(`job ${job.id} interrupted by shutdown: it will be retried`);
      } else {
        const message = e instanceof Error ? e.message : String(e);
        this.log(`job ${job.id} failed: ${message}`);
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
    }
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
