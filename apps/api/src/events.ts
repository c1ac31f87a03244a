/**
 * The API's events: topic names, what is published (ids + small data, within NOTIFY's limit),
 * how a notification is hydrated into what subscribers receive, and the live subscriptions that
 * catch up after lost notifications (./pubsub.ts gaps, ./services/live.ts):
 *
 * - metricsAppended / runLogAppended: by row id (every point / line exactly once, in order);
 *   they can also resume from a client's `after` cursor;
 * - runUpdated / featureCacheProgress: by re-reading the rows that may have changed;
 * - workerStatus (pubsub.subscribe): ends with EVENTS_LOST at a gap.
 *
 * The guarantee is documented in docs/security.md, "Events".
 */
import { logSafe } from "@loffta/graphql/log-safe";
import type { FeatureCache, Run, RunLogLevel } from "@loffta/db";
import { badField } from "./errors";
import { NOTIFY_MAX_BYTES, eventsLost, mapIterator, notifySql, type PubSub, type Queryable } from "./pubsub";
import { getCache } from "./services/caches";
import type { Db } from "./services/db";
import { CursorStream, SnapshotStream, type LiveOptions, type Stamped } from "./services/live";
import { logLinesBetween } from "./services/logs";
import { getWorker } from "./services/queue";
import { cacheNow, logLinesAfterId, logLinesAfterSeq, logLinesByIds, logsStartCursor, metricPointsAfter, metricsStartCursor, runsUpdatedSince } from "./services/replay";
import { getRun, metricPointsBetween } from "./services/runs";

export const topics = {
  runs: (projectId: string) => `run:${projectId}`,
  runsDeleted: (projectId: string) => `runs-deleted:${projectId}`,
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
  /** Row id, when known (just inserted): announced as the batch's id range, not per line. */
  id?: string;
}

/** What `runLogAppended` subscribers receive. */
export interface RunLogBatchEvent {
  runId: string;
  lines: LogLine[];
}

/**
 * Published for log lines: inline when small (with the batch's row id range), else the id range
 * to read them by. `minSeq`/`maxSeq` (read by seq range) and lines without ids: older publishers.
 */
type LogsNotice = (RunLogBatchEvent & { minId?: string; maxId?: string }) | { runId: string; minId: string; maxId: string } | { runId: string; minSeq: number; maxSeq: number };

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

/** Published for metrics: the points inline (and their id range), or (too large) the id range to fetch them by. */
type MetricsNotice = { runId: string; points: MetricValue[]; minId?: string; maxId?: string } | { runId: string; minId: string; maxId: string };

function log(e: unknown): void {
  // Events are best effort: a lost NOTIFY must never fail the mutation that caused it (live
  // subscriptions of this process catch up instead; see PgPubSub.publish).
  console.error(`[api] publish failed: ${logSafe(e instanceof Error ? e.message : e)}`);
}

export function publishRun(pubsub: PubSub, run: { id: string; projectId: string }): void {
  pubsub.publish(topics.runs(run.projectId), { runId: run.id }).catch(log);
}

/** Runs just deleted (any projects): one `runsDeleted` event per project. */
export function publishRunsDeleted(pubsub: PubSub, runs: { id: string; projectId: string }[]): void {
  const byProject = new Map<string, string[]>();
  for (const r of runs) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r.id]);
  for (const [projectId, ids] of byProject) pubsub.publish(topics.runsDeleted(projectId), { projectId, ids }).catch(log);
}

export function publishCache(pubsub: PubSub, cacheId: string): void {
  pubsub.publish(topics.cache(cacheId), { cacheId }).catch(log);
}

export function publishWorker(pubsub: PubSub, worker: { id: string; teamId: string }): void {
  pubsub.publish(topics.workers(worker.teamId), { workerId: worker.id }).catch(log);
}

/** Room for the envelope: {"topic":"metrics:<uuid>","data":…} */
const fits = (notice: unknown) => JSON.stringify(notice).length + 80 < NOTIFY_MAX_BYTES;

/**
 * Metric points being inserted, announced in the inserting transaction `tx` (services/metrics.ts
 * storePoints): inline when known and small enough for NOTIFY, else by the batch's id range
 * (insertPoints guarantees the run's rows in that range are exactly the batch). Either way with
 * the id range, by which subscriptions order and deduplicate batches — which needs the
 * announcements in id order: the run's advisory lock makes commit order the id order, and
 * NOTIFYs sent inside the transactions arrive in commit order. (Sent after the commit instead,
 * two batches' announcements could cross, and the later-delivered lower range was taken for
 * one a catch-up had delivered: a lost batch.) With `tx`, errors are the caller's (the transaction
 * rolls back); without (tests' probes, no rows behind them), they are logged.
 */
export function publishMetrics(pubsub: PubSub, runIdArg: string, points: MetricValue[] | null, ids: { min: string; max: string }, tx?: Queryable): Promise<void> {
  const runId = runIdArg.toLowerCase(); // as stored (subscriptions use the stored id)
  const inline = points && { runId, points, minId: ids.min, maxId: ids.max };
  const notice: MetricsNotice = inline && fits(inline) ? inline : { runId, minId: ids.min, maxId: ids.max };
  return tx ? pubsub.publish(topics.metrics(runId), notice, tx) : pubsub.publish(topics.metrics(runId), notice).catch(log);
}

/** A batch's announcement by id range, sent by the statement that inserts it (metricsAnnouncement). */
export interface Announcement {
  /** The statement's parameters it reads: channel, topic, run id as stored. */
  values: [string, string, string];
  /** The `pg_notify(…)` expression, those parameters from `$first` on; minId / maxId: SQL expressions of the batch's ids. */
  sql(first: number, minId: string, maxId: string): string;
}

/**
 * publishMetrics's `{ runId, minId, maxId }` notice for a statement that sends it itself, in SQL,
 * in the transaction that inserts the batch (so in commit order, as publishMetrics with `tx`).
 */
export function metricsAnnouncement(channel: string, runIdArg: string): Announcement {
  const runId = runIdArg.toLowerCase(); // as stored (subscriptions use the stored id)
  return {
    values: [channel, topics.metrics(runId), runId],
    sql: (p, minId, maxId) => notifySql(`$${p}`, `$${p + 1}::text`, `json_build_object('runId', $${p + 2}::text, 'minId', ${minId}, 'maxId', ${maxId})`),
  };
}

/** Log lines just inserted (ascending by seq, non-empty): inline when they fit NOTIFY, else by id (or seq) range. */
export function publishLogs(pubsub: PubSub, runIdArg: string, lines: LogLine[]): Promise<void> {
  const runId = runIdArg.toLowerCase(); // as stored (subscriptions use the stored id)
  let ids: { minId: string; maxId: string } | undefined;
  if (lines.every((l) => l.id !== undefined)) {
    const sorted = lines.map((l) => BigInt(l.id as string)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    ids = { minId: sorted[0].toString(), maxId: sorted[sorted.length - 1].toString() };
  }
  const inline: LogsNotice = { runId, lines: lines.map(({ seq, time, level, message }) => ({ seq, time, level, message })), ...ids };
  const notice: LogsNotice = fits(inline) ? inline : ids ? { runId, ...ids } : { runId, minSeq: lines[0].seq, maxSeq: lines[lines.length - 1].seq };
  return pubsub.publish(topics.logs(runId), notice).catch(log);
}

const stamp = <E>(event: E, n: { minId?: string; maxId?: string }): Stamped<E> => ({ event, minId: BigInt(n.minId ?? 0), maxId: BigInt(n.maxId ?? 0) });

/** Turn a notification into what subscribers get; null drops it (e.g. the row is gone). */
export function createHydrator(db: Db) {
  return async (topic: string, data: unknown): Promise<unknown> => {
    const d = data as Record<string, string>;
    if (topic.startsWith("run:")) return getRun(db, d.runId);
    if (topic.startsWith("cache:")) return getCache(db, d.cacheId);
    if (topic.startsWith("workers:")) return getWorker(db, d.workerId);
    if (topic.startsWith("metrics:")) {
      const n = data as MetricsNotice;
      if ("points" in n) return stamp<MetricBatchEvent>({ runId: n.runId, points: n.points }, n);
      return stamp<MetricBatchEvent>({ runId: n.runId, points: await metricPointsBetween(db, n.runId, n.minId, n.maxId) }, n);
    }
    if (topic.startsWith("logs:")) {
      const n = data as LogsNotice;
      if ("lines" in n) return stamp<RunLogBatchEvent>({ runId: n.runId, lines: n.lines }, n);
      if ("minId" in n) return stamp<RunLogBatchEvent>({ runId: n.runId, lines: await logLinesByIds(db, n.runId, n.minId, n.maxId) }, n);
      return stamp<RunLogBatchEvent>({ runId: n.runId, lines: await logLinesBetween(db, n.runId, n.minSeq, n.maxSeq) }, {});
    }
    return data;
  };
}

/** Close the watch when the subscription cannot start (e.g. its first read failed). */
async function starting<T>(src: AsyncIterableIterator<unknown>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    await src.return?.();
    throw e;
  }
}

/** Points per catch-up read for metricsAppended (one event each). */
const METRICS_PAGE = 5000;
/** Lines per catch-up read for runLogAppended. */
const LOGS_PAGE = 1000;
/** runUpdated re-reads at most this many changed runs after a gap; more: EVENTS_LOST. */
const MAX_RUNS_RESYNC = 1000;

/**
 * `metricsAppended` of a run (already access-checked; `runId` as stored): every point stored
 * after the subscription started — or after `after`, a cursor it delivered — exactly once, in
 * the order logged, even across lost notifications. Each event carries its resume cursor.
 */
export async function liveMetrics(db: Db, pubsub: PubSub, runId: string, keys: string[] | null, after: bigint | null, opts: LiveOptions = {}) {
  const src = pubsub.watch<Stamped<MetricBatchEvent>>(topics.metrics(runId));
  const cursor = await starting(src, async () => {
    const start = await metricsStartCursor(db, runId);
    // A cursor beyond every stored point was not one of ours: everything would be skipped.
    if (after !== null && after > start) throw badField("after", "not a cursor this subscription delivered (ahead of every stored point)");
    return after ?? start;
  });
  const stream: CursorStream<MetricBatchEvent> = new CursorStream<MetricBatchEvent>(
    src,
    async (from, limit) => {
      const page = await metricPointsAfter(db, runId, from, limit);
      return { event: page.rows.length ? { runId, points: page.rows } : null, last: page.last, count: page.rows.length };
    },
    { cursor, catchUp: after !== null },
    () => ({ refetch: "metricSeries", after: stream.position.toString() }),
    { pageSize: METRICS_PAGE, ...opts },
  );
  const only = keys?.length ? new Set(keys) : null;
  return mapIterator(stream, ({ event, cursor: at }) => {
    const points = only ? event.points.filter((p) => only.has(p.key)) : event.points;
    return points.length ? { runId: event.runId, points, cursor: at.toString() } : undefined;
  });
}

/**
 * `runLogAppended` of a run (already access-checked; `runId` as stored): every line stored after
 * the subscription started exactly once, even across lost notifications. With `afterSeq`, first
 * the lines stored before with a greater seq (as runLogs(after:) reads them), ascending by seq.
 */
export async function liveLogs(db: Db, pubsub: PubSub, runId: string, afterSeq: number | null, opts: LiveOptions = {}) {
  const src = pubsub.watch<Stamped<RunLogBatchEvent>>(topics.logs(runId));
  const start = await starting(src, () => logsStartCursor(db, runId));
  let seq = afterSeq ?? -1;
  let prelude: (() => Promise<RunLogBatchEvent | null>) | undefined;
  if (afterSeq !== null) {
    let done = false;
    prelude = async () => {
      if (done) return null;
      const lines = await logLinesAfterSeq(db, runId, seq, start, LOGS_PAGE);
      done = lines.length < LOGS_PAGE;
      if (!lines.length) return null;
      seq = lines[lines.length - 1].seq;
      return { runId, lines };
    };
  }
  /** The largest seq delivered: where a client resumes (runLogs(after:) / runLogAppended(after:)). */
  let lastSeq = afterSeq;
  const stream = new CursorStream<RunLogBatchEvent>(
    src,
    async (from, limit) => {
      const page = await logLinesAfterId(db, runId, from, limit);
      return { event: page.rows.length ? { runId, lines: page.rows } : null, last: page.last, count: page.rows.length };
    },
    { cursor: start, catchUp: false, prelude },
    () => ({ refetch: "runLogs", ...(lastSeq !== null ? { after: String(lastSeq) } : {}) }),
    { pageSize: LOGS_PAGE, ...opts },
  );
  return mapIterator(stream, ({ event }) => {
    if (!event.lines.length) return undefined;
    for (const l of event.lines) if (lastSeq === null || l.seq > lastSeq) lastSeq = l.seq;
    return event;
  });
}

/** How far before a gap runs are re-read (commit delays, clock skew between API hosts); also the baseline window. */
const RESYNC_MARGIN_MS = 30_000;

/**
 * `runUpdated` of a project (already access-checked; `projectId` as stored): each announced
 * change; after lost notifications, the project's runs updated since are re-read and those that
 * differ from what this subscription delivered last (or from the runs as they were when it
 * started) are delivered.
 */
export async function liveRuns(db: Db, pubsub: PubSub, projectId: string, opts: LiveOptions = {}): Promise<AsyncIterableIterator<Run>> {
  const src = pubsub.watch<Run>(topics.runs(projectId));
  // Runs that may fall into a later re-read window, as they are now: re-read unchanged, not re-sent.
  const baseline = await starting(src, () => runsUpdatedSince(db, projectId, new Date(Date.now() - RESYNC_MARGIN_MS), MAX_RUNS_RESYNC));
  return new SnapshotStream<Run>(
    src,
    {
      changedSince: async (since) => {
        const rows = await runsUpdatedSince(db, projectId, since, MAX_RUNS_RESYNC + 1);
        if (rows.length > MAX_RUNS_RESYNC) throw eventsLost(`more than ${MAX_RUNS_RESYNC} runs changed while events were lost`, { refetch: "runs" });
        return rows;
      },
      key: (r) => r.id,
    },
    baseline,
    () => ({ refetch: "runs" }),
    { marginMs: RESYNC_MARGIN_MS, ...opts },
  );
}

/**
 * `featureCacheProgress` of a cache (`cache`: the row as read at subscription): each announced
 * change; after lost notifications the row is re-read and delivered if it changed.
 */
export function liveCache(db: Db, pubsub: PubSub, cache: FeatureCache, opts: LiveOptions = {}): AsyncIterableIterator<FeatureCache> {
  return new SnapshotStream<FeatureCache>(
    pubsub.watch<FeatureCache>(topics.cache(cache.id)),
    {
      changedSince: async () => {
        const row = await cacheNow(db, cache.id);
        return row ? [row] : [];
      },
      key: (c) => c.id,
    },
    [cache],
    () => ({ refetch: "featureCache" }),
    opts,
  );
}
