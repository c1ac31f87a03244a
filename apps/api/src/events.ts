/**
 * The API's events: topic names, what is published (ids + small data, within NOTIFY's limit),
 * and how a notification is hydrated into what subscribers receive.
 */
import type { RunLogLevel } from "@loffta/db";
import { NOTIFY_MAX_BYTES, type PubSub } from "./pubsub";
import { getCache } from "./services/caches";
import type { Db } from "./services/db";
import { logLinesBetween } from "./services/logs";
import { getWorker } from "./services/queue";
import { getRun, metricPointsBetween } from "./services/runs";

export const topics = {
  runs: (projectId: string) => `run:${projectId}`,
  metrics: (runId: string) => `metrics:${runId}`,
  cache: (cacheId: string) => `cache:${cacheId}`,
  workers: (teamId: string) => `workers:${teamId}`,
  logs: (runId: string) => `logs:${runId}`,
};

export interface LogLine {
  seq: number;
  time: Date | string;
  level: RunLogLevel;
  message: string;
}

/** What `runLogAppended` subscribers receive. */
export interface RunLogBatchEvent {
  runId: string;
  lines: LogLine[];
}

/** Published for log lines: inline when small, else the batch's seq range to read them by. */
type LogsNotice = RunLogBatchEvent | { runId: string; minSeq: number; maxSeq: number };

export interface MetricValue {
  key: string;
  step: number;
  value: number;
}

/** What `metricsAppended` subscribers receive (before key filtering). */
export interface MetricBatchEvent {
  runId: string;
  points: MetricValue[];
}

/** Published for metrics: the points inline, or (too large) the id range to fetch them by. */
type MetricsNotice = { runId: string; points: MetricValue[] } | { runId: string; minId: string; maxId: string };

function log(e: unknown): void {
  // Events are best effort: a lost NOTIFY must never fail the mutation that caused it.
  console.error(`[api] publish failed: ${e instanceof Error ? e.message : String(e)}`);
}

export function publishRun(pubsub: PubSub, run: { id: string; projectId: string }): void {
  pubsub.publish(topics.runs(run.projectId), { runId: run.id }).catch(log);
}

export function publishCache(pubsub: PubSub, cacheId: string): void {
  pubsub.publish(topics.cache(cacheId), { cacheId }).catch(log);
}

export function publishWorker(pubsub: PubSub, worker: { id: string; teamId: string }): void {
  pubsub.publish(topics.workers(worker.teamId), { workerId: worker.id }).catch(log);
}

/**
 * Metric points just inserted: inline when known and small enough for NOTIFY, else by the
 * batch's id range (insertPoints guarantees the run's rows in that range are exactly the batch).
 */
export function publishMetrics(pubsub: PubSub, runId: string, points: MetricValue[] | null, ids: { min: string; max: string }): Promise<void> {
  // Room for the envelope: {"topic":"metrics:<uuid>","data":…}
  const inline = points && { runId, points };
  const fits = inline !== null && JSON.stringify(inline).length + 80 < NOTIFY_MAX_BYTES;
  const notice: MetricsNotice = inline && fits ? inline : { runId, minId: ids.min, maxId: ids.max };
  return pubsub.publish(topics.metrics(runId), notice).catch(log);
}

/** Log lines just inserted (ascending by seq, non-empty): inline when they fit NOTIFY, else by seq range. */
export function publishLogs(pubsub: PubSub, runId: string, lines: LogLine[]): Promise<void> {
  const inline: LogsNotice = { runId, lines };
  const fits = JSON.stringify(inline).length + 80 < NOTIFY_MAX_BYTES; // room for {"topic":"logs:<uuid>","data":…}
  const notice: LogsNotice = fits ? inline : { runId, minSeq: lines[0].seq, maxSeq: lines[lines.length - 1].seq };
  return pubsub.publish(topics.logs(runId), notice).catch(log);
}

/** Turn a notification into what subscribers get; null drops it (e.g. the row is gone). */
export function createHydrator(db: Db) {
  return async (topic: string, data: unknown): Promise<unknown> => {
    const d = data as Record<string, string>;
    if (topic.startsWith("run:")) return getRun(db, d.runId);
    if (topic.startsWith("cache:")) return getCache(db, d.cacheId);
    if (topic.startsWith("workers:")) return getWorker(db, d.workerId);
    if (topic.startsWith("metrics:")) {
      const n = data as MetricsNotice;
      if ("points" in n) return n;
      return { runId: n.runId, points: await metricPointsBetween(db, n.runId, n.minId, n.maxId) } satisfies MetricBatchEvent;
    }
    if (topic.startsWith("logs:")) {
      const n = data as LogsNotice;
      if ("lines" in n) return n;
      return { runId: n.runId, lines: await logLinesBetween(db, n.runId, n.minSeq, n.maxSeq) } satisfies RunLogBatchEvent;
    }
    return data;
  };
}
