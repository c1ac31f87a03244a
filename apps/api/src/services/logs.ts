/** Run logs: idempotent batched append (ON CONFLICT on (run, seq)) and cursor-paged reads. */
import type { Db } from "./db";
import { RunLogLevel as RUN_LOG_LEVELS } from "@loffta/db";
import { badInput, type FieldError } from "../errors";
import { LIMITS } from "../limits";
import type { RunLogLevel, RunLogLineInput } from "../generated/resolvers";

export const MAX_LOG_MESSAGE = 4000;
const LEVELS = new Set<RunLogLevel>(Object.values(RUN_LOG_LEVELS));

/** A stored line as the API returns it. */
export interface RunLogRow {
  seq: number;
  time: Date | string;
  level: RunLogLevel;
  message: string;
}

/** Check a batch; BAD_USER_INPUT lists every bad line as `lines.<i>.<field>` (at most 20). */
export function validateLogLines(lines: RunLogLineInput[]): (Date | null)[] {
  if (lines.length === 0) throw badInput("lines: at least one line is required", [{ path: "lines", message: "empty batch" }]);
  if (lines.length > LIMITS.maxLogBatch) {
    throw badInput(`lines: at most ${LIMITS.maxLogBatch} lines per call (got ${lines.length})`, [{ path: "lines", message: `more than ${LIMITS.maxLogBatch} lines` }]);
  }
  const fields: FieldError[] = [];
  const times: (Date | null)[] = new Array(lines.length);
  for (let i = 0; i < lines.length && fields.length < 20; i++) {
    const l = lines[i];
    if (l.seq < 0) fields.push({ path: `lines.${i}.seq`, message: "must be ≥ 0" });
    if (l.message.length === 0 || l.message.length > MAX_LOG_MESSAGE) fields.push({ path: `lines.${i}.message`, message: `must be 1–${MAX_LOG_MESSAGE} characters` });
    if (l.level != null && !LEVELS.has(l.level)) fields.push({ path: `lines.${i}.level`, message: `must be ${[...LEVELS].join(", ")}` });
    if (l.time) {
      const d = new Date(l.time);
      if (Number.isNaN(d.getTime())) fields.push({ path: `lines.${i}.time`, message: "not an ISO-8601 date-time" });
      times[i] = d;
    } else times[i] = null;
  }
  if (fields.length) throw badInput(`invalid log lines: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, fields);
  return times;
}

/** Lines as stored, `time` as an ISO string (timestamps are kept in UTC). */
const SELECT_LINE = `seq, to_char("time", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS time, level::text AS level, message`;

/**
 * First key of the per-run advisory lock taken while a batch is inserted (second: hash of the run
 * id), as for metric points: batches of one run get disjoint ids, committed in id order, so a live
 * subscription can catch up by id (services/replay.ts).
 */
export const LOGS_LOCK_SPACE = 7302;

/** A line just stored, with its row id (ascending per run in commit order; see LOGS_LOCK_SPACE). */
export interface InsertedLogRow extends RunLogRow {
  id: string;
}

/**
 * Insert a batch in one statement; lines whose (run, seq) exists — stored or earlier in the
 * batch — are skipped. Returns the new lines, ascending by seq.
 */
export async function insertLogLines(db: Db, runId: string, lines: RunLogLineInput[], times: (Date | null)[]): Promise<InsertedLogRow[]> {
  const r = await db.pool.query<InsertedLogRow>(
    `WITH ins AS (
       INSERT INTO "RunLog" ("runId", seq, "time", level, message)
       SELECT $1::uuid, t.seq, COALESCE(t.time AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'), t.level::"RunLogLevel", t.message
       FROM (SELECT pg_advisory_xact_lock(${LOGS_LOCK_SPACE}, hashtext($1::uuid::text))) AS lock,
            unnest($2::int[], $3::timestamptz[], $4::text[], $5::text[]) AS t(seq, time, level, message)
       ON CONFLICT ("runId", seq) DO NOTHING
       RETURNING id, seq, "time", level, message
     )
     SELECT id::text AS id, ${SELECT_LINE} FROM ins ORDER BY seq`,
    [runId, lines.map((l) => l.seq), times.map((t) => t?.toISOString() ?? null), lines.map((l) => l.level ?? "INFO"), lines.map((l) => l.message)],
  );
  return r.rows;
}

/** Lines of a run with seq in [lo, hi], ascending (hydrates announcements too large for NOTIFY). */
export async function logLinesBetween(db: Db, runId: string, lo: number, hi: number): Promise<RunLogRow[]> {
  const r = await db.pool.query<RunLogRow>(`SELECT ${SELECT_LINE} FROM "RunLog" WHERE "runId" = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`, [runId, lo, hi]);
  return r.rows;
}

export interface RunLogPageResult {
  lines: RunLogRow[];
  hasMore: boolean;
  startCursor: number | null;
  endCursor: number | null;
}

/**
 * One page of a run's log (already access-checked). Forward from `after` (exclusive), or
 * backward (the last `limit` lines before `before`, or of the whole log): both one index range
 * scan on (runId, seq), one row more than the page to know whether more exist.
 */
export async function readRunLogs(db: Db, runId: string, o: { after?: number | null; before?: number | null; fromEnd?: boolean | null; limit: number }): Promise<RunLogPageResult> {
  const backward = o.after == null && (o.before != null || o.fromEnd === true);
  let rows: RunLogRow[];
  if (backward) {
    const r = await db.pool.query<RunLogRow>(
      `SELECT * FROM (SELECT ${SELECT_LINE} FROM "RunLog" WHERE "runId" = $1 AND ($2::int IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3) x ORDER BY seq`,
      [runId, o.before ?? null, o.limit + 1],
    );
    rows = r.rows;
    const hasMore = rows.length > o.limit;
    if (hasMore) rows = rows.slice(1);
    return { lines: rows, hasMore, startCursor: rows[0]?.seq ?? null, endCursor: rows.at(-1)?.seq ?? null };
  }
  const r = await db.pool.query<RunLogRow>(
    `SELECT ${SELECT_LINE} FROM "RunLog" WHERE "runId" = $1 AND ($2::int IS NULL OR seq > $2) AND ($3::int IS NULL OR seq < $3) ORDER BY seq LIMIT $4`,
    [runId, o.after ?? null, o.before ?? null, o.limit + 1],
  );
  rows = r.rows;
  const hasMore = rows.length > o.limit;
  if (hasMore) rows = rows.slice(0, o.limit);
  return { lines: rows, hasMore, startCursor: rows[0]?.seq ?? null, endCursor: rows.at(-1)?.seq ?? o.after ?? null };
}
