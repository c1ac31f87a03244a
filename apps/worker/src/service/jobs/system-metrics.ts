/**
 * System metrics of a training run, sampled every `LOFFTA_SYSTEM_METRICS_MS` (default 5000) while
 * the run trains and logged as ordinary metric points through the run's metric sink (the same
 * path as `train/loss`):
 *
 * - `system/cpu_percent`: CPU time of this process (process.cpuUsage, user + system) over the
 *   wall time since the previous sample, 100 = one core fully busy (can exceed 100 with several
 *   threads, e.g. TensorFlow's intra-op pool).
 * - `system/rss_bytes`: resident set size of this process (process.memoryUsage().rss).
 * - `system/gpu_bytes`: bytes TensorFlow.js holds in tensors (tf.memory().numBytes), only when
 *   the GPU backend (tfjs-node-gpu) is active. On CPU backends tensor memory is part of the RSS
 *   and no GPU figure exists, so the series is not logged.
 *
 * The step of every point is the whole seconds elapsed since the run started training (`since`:
 * the run's `startedAt`, set when its job was first claimed; else since sampling started): the
 * API keeps one point per (run, key, step), and a training step can last longer than the
 * interval, so the optimizer step would collapse samples. Counting from the run's first start
 * keeps a retried job (a lost worker, training resumed from its checkpoint) from restarting at
 * second 0, where the first attempt's points would win and its own would be dropped. A worker
 * clock behind the API's cannot make a step negative (clamped to 0; steps only grow). Each sample costs two
 * syscalls; the timer is unref'd and stopped by `stop()` (call it in a `finally`).
 */
import { workerEnv } from "../../config";
import { initBackend } from "../../core/backend";
import type { MetricPointInput } from "../metric-buffer";
import type { JobContext } from "../worker";

export interface SystemSample {
  cpuPercent: number;
  rssBytes: number;
  /** Only with a GPU backend. */
  gpuBytes?: number;
}

export interface SystemMetricsOptions {
  /** Where points go: `(point) => ctx.metrics.add(runId, point)`. */
  emit: (point: MetricPointInput) => void;
  /** Sampling interval; default LOFFTA_SYSTEM_METRICS_MS. */
  intervalMs?: number;
  /** GPU memory in bytes when a GPU backend is active, else undefined. */
  gpuBytes?: () => number | undefined;
  /** When the run started training (its first attempt); default: now. */
  since?: Date;
}

export interface SystemMetricsSampler {
  /** Take one sample now (also used for the last sample at stop). */
  sample(): SystemSample;
  /** Stop the timer and log a final sample; idempotent. */
  stop(): void;
  readonly running: boolean;
}

/** GPU memory from tf.memory() when the active backend is tfjs-node-gpu's, else undefined. */
export function tfGpuBytes(tf: { memory(): { numBytes: number } }, pkg: string): () => number | undefined {
  return pkg.endsWith("-gpu") ? () => tf.memory().numBytes : () => undefined;
}

export function startSystemMetrics(o: SystemMetricsOptions): SystemMetricsSampler {
  const intervalMs = o.intervalMs ?? workerEnv("LOFFTA_SYSTEM_METRICS_MS");
  const t0 = performance.now();
  // Milliseconds from `since` to t0 (0 without it, never negative).
  const offsetMs = o.since ? Math.max(0, Date.now() - o.since.getTime()) : 0;
  let lastWall = t0;
  let lastCpu = process.cpuUsage();
  let lastStep = -1;
  let timer: NodeJS.Timeout | undefined;

  const sample = (): SystemSample => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const cpuUs = cpu.user - lastCpu.user + (cpu.system - lastCpu.system);
    const wallUs = (now - lastWall) * 1000;
    lastWall = now;
    lastCpu = cpu;
    const s: SystemSample = {
      cpuPercent: wallUs > 0 ? (100 * cpuUs) / wallUs : 0,
      rssBytes: process.memoryUsage.rss(),
    };
    const gpu = o.gpuBytes?.();
    if (gpu !== undefined) s.gpuBytes = gpu;
    // One point per key and second, the step being the seconds since the start to the nearest
    // second: a timer due at 1000 ms may fire at 999.6 (timers are not exact), which is second 1,
    // not 0. A second sample that rounds to the same second is not logged.
    const step = Math.round((offsetMs + now - t0) / 1000);
    if (step > lastStep) {
      lastStep = step;
      const wallTime = new Date().toISOString();
      o.emit({ key: "system/cpu_percent", step, value: s.cpuPercent, wallTime });
      o.emit({ key: "system/rss_bytes", step, value: s.rssBytes, wallTime });
      if (s.gpuBytes !== undefined) o.emit({ key: "system/gpu_bytes", step, value: s.gpuBytes, wallTime });
    }
    return s;
  };

  timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      if (!timer) return;
      clearInterval(timer);
      timer = undefined;
      sample();
    },
    get running() {
      return timer !== undefined;
    },
  };
}

/**
 * Run `fn` (a run's training) with system metrics sampled into the run's series; the sampler
 * stops (final sample, no timer left) when `fn` settles, also on error or cancellation.
 */
export async function withSystemMetrics<T>(
  ctx: Pick<JobContext, "metrics">,
  run: { id: string; startedAt?: string | null },
  fn: () => Promise<T>,
): Promise<T> {
  const b = await initBackend({ quiet: true });
  const sampler = startSystemMetrics({
    emit: (p) => ctx.metrics.add(run.id, p),
    gpuBytes: tfGpuBytes(b.tf, b.package),
    since: run.startedAt ? new Date(run.startedAt) : undefined,
  });
  try {
    return await fn();
  } finally {
    sampler.stop();
  }
}
