import fs from "node:fs";
import path from "node:path";

export interface MetricPointInput {
  key: string;
  step: number;
  value: number;
  /** ISO time the point was measured. */
  wallTime: string;
}

/** Sends one batch of a run's points; throws when the API cannot be reached. */
export type SendMetrics = (runId: string, points: MetricPointInput[]) => Promise<void>;

/** Sends one batch of a run's items; throws when it was not delivered. */
export type SendBatch<T> = (runId: string, items: T[]) => Promise<void>;

export interface SpoolBufferOptions<T> {
  send: SendBatch<T>;
  /** Folder for the on-disk spool of unsent batches (one JSON line per batch). */
  spoolDir: string;
  /** Spool file name in spoolDir (default metrics-spool.jsonl). */
  fileName?: string;
  /**
   * Errors for which resending cannot help (e.g. the run was deleted): the batch is dropped
   * instead of retried. Default: none (every failed batch is retried).
   */
  isPermanent?: (e: unknown) => boolean;
  /** Flush when this many points are buffered. */
  maxPoints?: number;
  /** Flush at least this often while points are buffered. */
  intervalMs?: number;
  /** First retry delay after a failed send; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  onError?: (e: unknown) => void;
}

export type MetricBufferOptions = SpoolBufferOptions<MetricPointInput>;

interface SpooledBatch<T> {
  runId: string;
  points: T[];
}

/**
 * Metrics with no loss: points are batched (every `maxPoints` or `intervalMs`), every batch is
 * appended to an on-disk spool before it is sent and the spool is only truncated once
 * everything in it was acknowledged. A batch that fails stays spooled and is resent, oldest
 * first, on the next flush (also after a worker restart). The API's ingest is idempotent on
 * (run, key, step), so a batch sent twice never duplicates points. Generic over the item type:
 * run logs use a second spool of their own (worker.ts, `logs-spool.jsonl`).
 */
export class SpoolBuffer<T> {
  private pending = new Map<string, T[]>();
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private backoff = 0;
  private retryAt = 0;
  private readonly spoolFile: string;
  private readonly opts: Required<Omit<SpoolBufferOptions<T>, "onError" | "isPermanent">> &
    Pick<SpoolBufferOptions<T>, "onError" | "isPermanent">;

  constructor(opts: SpoolBufferOptions<T>) {
    this.opts = {
      maxPoints: 500,
      intervalMs: 1000,
      backoffMs: 500,
      maxBackoffMs: 15_000,
      fileName: "metrics-spool.jsonl",
      ...opts,
    };
    fs.mkdirSync(opts.spoolDir, { recursive: true });
    this.spoolFile = path.join(opts.spoolDir, this.opts.fileName);
  }

  /** Points waiting in memory or in the spool. */
  get backlog(): number {
    return this.pendingCount + this.readSpool().reduce((n, b) => n + b.points.length, 0);
  }

  add(runId: string, point: T): void {
    const list = this.pending.get(runId) ?? [];
    list.push(point);
    this.pending.set(runId, list);
    this.pendingCount++;
    if (this.pendingCount >= this.opts.maxPoints) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.opts.intervalMs);
  }

  /** Move buffered points to the spool and send everything spooled. Never throws. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.spoolPending();
    if (!this.flushing) {
      this.flushing = this.sendSpool().finally(() => (this.flushing = undefined));
    }
    return this.flushing;
  }

  /** Flush until the spool is empty or `timeoutMs` passes; true when everything was sent. */
  async drain(timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.retryAt = 0;
      await this.flush();
      if (this.backlog === 0) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, Math.min(this.backoff || 100, 1000)));
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.spoolPending();
  }

  private spoolPending(): void {
    if (this.pendingCount === 0) return;
    const lines = [...this.pending].map(
      ([runId, points]) => JSON.stringify({ runId, points } satisfies SpooledBatch<T>) + "\n",
    );
    const fd = fs.openSync(this.spoolFile, "a");
    try {
      fs.writeSync(fd, lines.join(""));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.pending.clear();
    this.pendingCount = 0;
  }

  private readSpool(): SpooledBatch<T>[] {
    let text: string;
    try {
      text = fs.readFileSync(this.spoolFile, "utf8");
    } catch {
      return [];
    }
    const out: SpooledBatch<T>[] = [];
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        out.push(JSON.parse(line) as SpooledBatch<T>);
      } catch {
        // A torn last line (crash mid-append): its points were never acknowledged, but its
        // content is unreadable. Everything before it is intact.
      }
    }
    return out;
  }

  private writeSpool(batches: SpooledBatch<T>[]): void {
    const tmp = `${this.spoolFile}.tmp`;
    fs.writeFileSync(tmp, batches.map((b) => JSON.stringify(b) + "\n").join(""));
    fs.renameSync(tmp, this.spoolFile);
  }

  private async sendSpool(): Promise<void> {
    if (Date.now() < this.retryAt) {
      this.schedule(this.retryAt - Date.now());
      return;
    }
    let batches = this.readSpool();
    while (batches.length > 0) {
      const first = batches[0]!;
      try {
        await this.opts.send(first.runId, first.points);
      } catch (e) {
        if (this.opts.isPermanent?.(e)) {
          // Resending cannot help: drop this batch (below) and go on with the next.
          this.opts.onError?.(e);
          batches = this.readSpool().slice(1);
          this.writeSpool(batches);
          continue;
        }
        this.backoff = Math.min(
          this.backoff ? this.backoff * 2 : this.opts.backoffMs,
          this.opts.maxBackoffMs,
        );
        this.retryAt = Date.now() + this.backoff;
        this.opts.onError?.(e);
        this.schedule(this.backoff);
        return;
      }
      this.backoff = 0;
      // Only this loop removes batches and only from the front; points added while sending
      // were appended behind, so dropping the first line drops exactly the acknowledged batch.
      batches = this.readSpool().slice(1);
      this.writeSpool(batches);
    }
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), ms);
  }
}

/** The metric spool: SpoolBuffer of metric points (`<spoolDir>/metrics-spool.jsonl`). */
export class MetricBuffer extends SpoolBuffer<MetricPointInput> {}
