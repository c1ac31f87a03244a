/**
 * Database reads behind live subscriptions that catch up (../events.ts, ./live.ts): where a
 * subscription starts, and what was stored after the last row it delivered.
 *
 * Metric points and run log lines have bigserial ids, and batches of one run are inserted under
 * a per-run advisory lock (METRICS_LOCK_SPACE, LOGS_LOCK_SPACE) taken before their ids are drawn:
 * a batch draws its ids only after the previous batch of the run has committed. So a run's stored
 * rows, in id order, grow only at the end: once a row with id N is visible, every row of the run
 * with a smaller id is too, and "the run's rows with id > cursor" read later holds exactly what
 * was stored since. (The sequences have CACHE 1, the default, so ids follow allocation order.)
 */
import type { FeatureCache, Run } from "@loffta/db";
import type { Db } from "./db";
import { withTx } from "./db";
import { LOGS_LOCK_SPACE, type RunLogRow } from "./logs";
import { METRICS_LOCK_SPACE } from "./metrics";

/** Lines as stored, `time` as an ISO string (as services/logs.ts returns them). */
const SELECT_LINE = `seq, to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS time, level::text AS level, message`;

/**
 * Where a live subscription of a run's rows starts: an id such that every row of the run stored
 * so far has an id ≤ it and every row stored later a greater one. Taken under the run's insert
 * lock (shared: waits for a batch being inserted, blocks nobody else), the table's largest id is
 * such a bound (rows of other runs in between are told apart by runId). One index probe.
 */
async function startCursor(db: Db, table: "MetricPoint" | "RunLog", space: number, runId: string): Promise<bigint> {
  return withTx(db.pool, async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock_shared($1, hashtext($2::uuid::text))`, [space, runId]);
    // A new statement: its snapshot is taken after the lock was granted, so it sees that batch.
    const r = await c.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM "${table}"`);
    return BigInt(r.rows[0].max ?? "0");
  });
}

export const metricsStartCursor = (db: Db, runId: string) => startCursor(db, "MetricPoint", METRICS_LOCK_SPACE, runId);
export const logsStartCursor = (db: Db, runId: string) => startCursor(db, "RunLog", LOGS_LOCK_SPACE, runId);

export interface IdPage<T> {
  rows: T[];
  /** Id of the last row read (`after` when none). */
  last: bigint;
}

/** Metric points of a run with id > `after`, in id order (the order logged), at most `limit`. */
export async function metricPointsAfter(db: Db, runId: string, after: bigint, limit: number): Promise<IdPage<{ key: string; step: number; value: number }>> {
  const r = await db.pool.query<{ id: string; key: string; step: number; value: number }>(
    `SELECT m.id::text AS id, key, step, value FROM "MetricPoint" m WHERE m."runId" = $1 AND m.id > $2 ORDER BY m.id LIMIT $3`,
    [runId, after.toString(), limit],
  );
  return { rows: r.rows.map(({ key, step, value }) => ({ key, step, value })), last: r.rows.length ? BigInt(r.rows[r.rows.length - 1].id) : after };
}

/** Log lines of a run with id > `after`, in id order (commit order), at most `limit`. */
export async function logLinesAfterId(db: Db, runId: string, after: bigint, limit: number): Promise<IdPage<RunLogRow>> {
  const r = await db.pool.query<RunLogRow & { id: string }>(`SELECT l.id::text AS id, ${SELECT_LINE} FROM "RunLog" l WHERE l."runId" = $1 AND l.id > $2 ORDER BY l.id LIMIT $3`, [
    runId,
    after.toString(),
    limit,
  ]);
  return { rows: r.rows.map(({ seq, time, level, message }) => ({ seq, time, level, message })), last: r.rows.length ? BigInt(r.rows[r.rows.length - 1].id) : after };
}

/** Log lines of a run with ids in [lo, hi], ascending by seq (hydrates a batch announced by id range). */
export async function logLinesByIds(db: Db, runId: string, lo: string, hi: string): Promise<RunLogRow[]> {
  const r = await db.pool.query<RunLogRow>(`SELECT ${SELECT_LINE} FROM "RunLog" WHERE "runId" = $1 AND id BETWEEN $2 AND $3 ORDER BY seq`, [runId, lo, hi]);
  return r.rows;
}

/**
 * For `runLogAppended(after:)`: lines with seq > `afterSeq` stored by the time the subscription
 * started (id ≤ `upTo`), ascending by seq, at most `limit` (index range scan on (runId, seq)).
 */
export async function logLinesAfterSeq(db: Db, runId: string, afterSeq: number, upTo: bigint, limit: number): Promise<RunLogRow[]> {
  const r = await db.pool.query<RunLogRow>(`SELECT ${SELECT_LINE} FROM "RunLog" WHERE "runId" = $1 AND seq > $2 AND id <= $3 ORDER BY seq LIMIT $4`, [
    runId,
    afterSeq,
    upTo.toString(),
    limit,
  ]);
  return r.rows;
}

/** Runs of a project updated at or after `since`, oldest change first, at most `limit`. */
export function runsUpdatedSince(db: Db, projectId: string, since: Date, limit: number): Promise<Run[]> {
  return db.prisma.run.findMany({ where: { projectId, updatedAt: { gte: since } }, orderBy: { updatedAt: "asc" }, take: limit });
}

/** The cache row now (null once deleted). */
export function cacheNow(db: Db, id: string): Promise<FeatureCache | null> {
  return db.prisma.featureCache.findUnique({ where: { id } });
}
