/** Metric ingest (batched, idempotent) and chart series (downsampled in the database). */
import type { Pool, PoolClient } from "pg";
import { badInput, isUniqueViolation, type FieldError } from "../errors";
import { LIMITS } from "../limits";
import { metricsAnnouncement, publishMetrics, type Announcement, type MetricValue } from "../events";
import type { PubSub } from "../pubsub";
import { withTx } from "./db";
import type { MetricColumnsInput, MetricPointInput } from "../generated/resolvers";
import { toMetricColumns, type MetricColumns } from "@loffta/graphql/metric-columns";
import { assembleSeries, bucketWidth, coarsen, minMaxDownsample, rollupLevelFor, ROLLUP_LEVELS, type BucketExtremes, type Series } from "./downsample";

const MAX_KEY_LENGTH = 200;
/**
 * First key of the per-run advisory lock taken while a batch is inserted (second: hash of the run
 * id). Live subscriptions take it (shared) to read a consistent starting cursor (services/replay.ts).
 */
export const METRICS_LOCK_SPACE = 7301;

/** A checked batch, as columns: point i is (keys[key[i]], steps[i], values[i], walls?.[i]). */
export type PointBatch = MetricColumns<Date>;

/** Where a bad entry of a batch is reported: a point's field, or one of the batch's keys. */
interface BatchPaths {
  batch: string;
  point(field: "key" | "step" | "value" | "wallTime", i: number): string;
  key(k: number, firstPoint: number): string;
}

const OBJECT_PATHS: BatchPaths = {
  batch: "points",
  point: (field, i) => `points.${i}.${field}`,
  key: (_k, i) => `points.${i}.key`,
};

const COLUMN_PATHS: BatchPaths = {
  batch: "columns",
  point: (field, i) => `columns.${{ key: "key", step: "steps", value: "values", wallTime: "wallTimes" }[field]}.${i}`,
  key: (k) => `columns.keys.${k}`,
};

/**
 * Check a batch of columns (sizes, key indexes, keys, steps, values, wall times) and parse its
 * wall times; BAD_USER_INPUT lists every bad entry (at most 20) at `paths`. One pass per column.
 */
function checkBatch(cols: MetricColumns<string>, paths: BatchPaths): PointBatch {
  const n = cols.steps.length;
  const where = paths.batch;
  if (n === 0) throw badInput(`${where}: at least one point is required`, [{ path: where, message: "empty batch" }]);
  if (n > LIMITS.maxMetricBatch) {
    throw badInput(`${where}: at most ${LIMITS.maxMetricBatch} points per call (got ${n})`, [{ path: where, message: `more than ${LIMITS.maxMetricBatch} points` }]);
  }
  const sizes: FieldError[] = [];
  if (cols.keys.length > n) sizes.push({ path: `${where}.keys`, message: `more keys (${cols.keys.length}) than points (${n})` });
  for (const [name, list] of [["key", cols.key], ["values", cols.values], ["wallTimes", cols.wallTimes]] as const) {
    if (list && list.length !== n) sizes.push({ path: `${where}.${name}`, message: `has ${list.length} entries for ${n} points (steps)` });
  }
  if (sizes.length) throw badInput(`invalid metric columns: ${sizes.map((f) => `${f.path} ${f.message}`).join("; ")}`, sizes);
  const fields: FieldError[] = [];
  // Each key is checked once, where a point first uses it (unused keys at the end).
  const checked = new Array<boolean>(cols.keys.length).fill(false);
  const checkKey = (k: number, i: number) => {
    checked[k] = true;
    const len = cols.keys[k].length;
    if (len === 0 || len > MAX_KEY_LENGTH) fields.push({ path: paths.key(k, i), message: `must be 1–${MAX_KEY_LENGTH} characters` });
  };
  for (let i = 0; i < n && fields.length < 20; i++) {
    const k = cols.key[i];
    if (!(k >= 0 && k < cols.keys.length)) fields.push({ path: paths.point("key", i), message: `must index keys (0–${cols.keys.length - 1})` });
    else if (!checked[k]) checkKey(k, i);
    if (cols.steps[i] < 0) fields.push({ path: paths.point("step", i), message: "must be ≥ 0" });
    if (!Number.isFinite(cols.values[i])) fields.push({ path: paths.point("value", i), message: "must be finite" });
  }
  for (let k = 0; k < cols.keys.length && fields.length < 20; k++) if (!checked[k]) checkKey(k, -1);
  let walls: (Date | null)[] | null = null;
  if (cols.wallTimes?.some((w) => w != null)) {
    walls = new Array<Date | null>(n);
    for (let i = 0; i < n; i++) {
      const w = cols.wallTimes[i];
      if (w == null) walls[i] = null;
      else {
        const d = new Date(w);
        if (Number.isNaN(d.getTime())) {
          if (fields.length < 20) fields.push({ path: paths.point("wallTime", i), message: "not an ISO-8601 date-time" });
        } else walls[i] = d;
      }
    }
  }
  if (fields.length) throw badInput(`invalid metric points: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, fields);
  return { keys: cols.keys, key: cols.key, steps: cols.steps, values: cols.values, wallTimes: walls };
}

/** Check a `logMetrics` list of points; bad entries are reported as `points.<i>.<field>`. */
export function validatePoints(points: MetricPointInput[]): PointBatch {
  return checkBatch(toMetricColumns(points), OBJECT_PATHS);
}

/** Check a `logMetricColumns` batch; bad entries are reported as `columns.<list>.<i>`. */
export function validateColumns(columns: MetricColumnsInput): PointBatch {
  return checkBatch(columns, COLUMN_PATHS);
}

/** Points already checked by their producer (the wandb ingest), as a batch. */
export function batchOf(points: { key: string; step: number; value: number }[], walls: (Date | null)[]): PointBatch {
  return toMetricColumns(points.map((p, i) => ({ ...p, wallTime: walls[i] })));
}

/** The number of points of a batch. */
export const batchSize = (b: PointBatch): number => b.steps.length;

/**
 * A Postgres array literal of numbers (`{1,2.5,-3}`), for an int[] / float8[] parameter: what pg
 * would send, without its per-element escaping (the numbers are checked finite; JS prints the
 * shortest decimal that reads back as the same double, so float8 values arrive exactly).
 */
const numberArray = (xs: number[]): string => `{${xs.join(",")}}`;

/**
 * Upsert rollup buckets from `source` (rows run_id, key, step, value; ascending levels in $6):
 * counts add up, and the min/max (with their steps) merge. The finest level is aggregated from
 * the points, every coarser level from those buckets (bucket >> (level − finest)), so the work
 * is one pass over the points plus a pass over far fewer buckets per extra level. Only points
 * actually inserted feed it, so a retried batch changes nothing. Rows are written in key order
 * to keep concurrent writers of one run from deadlocking.
 */
const ROLLUP_UPSERT = (source: string, levelsParam = "$6") => `
  WITH fine AS (
    SELECT s.run_id, s.key, s.step >> (${levelsParam}::int[])[1] AS bucket, count(*)::int AS n,
           min(ARRAY[s.value, s.step::float8]) AS mn, max(ARRAY[s.value, s.step::float8]) AS mx
    FROM (${source}) s GROUP BY 1, 2, 3
  )
  INSERT INTO "MetricRollup" AS r ("runId", key, level, bucket, count, "minStep", "minValue", "maxStep", "maxValue")
  SELECT run_id, key, level, bucket, n, mn[2]::int, mn[1], mx[2]::int, mx[1] FROM (
    SELECT run_id, key, (${levelsParam}::int[])[1] AS level, bucket, n, mn, mx FROM fine
    UNION ALL
    SELECT f.run_id, f.key, l.level, f.bucket >> (l.level - (${levelsParam}::int[])[1]), sum(f.n)::int, min(f.mn), max(f.mx)
    FROM fine f CROSS JOIN unnest((${levelsParam}::int[])[2:]) AS l(level)
    GROUP BY 1, 2, 3, 4
  ) a
  ORDER BY run_id, key, level, bucket
  ON CONFLICT ("runId", key, level, bucket) DO UPDATE SET
    count = r.count + EXCLUDED.count,
    "minStep" = CASE WHEN EXCLUDED."minValue" < r."minValue" OR (EXCLUDED."minValue" = r."minValue" AND EXCLUDED."minStep" < r."minStep") THEN EXCLUDED."minStep" ELSE r."minStep" END,
    "minValue" = LEAST(r."minValue", EXCLUDED."minValue"),
    "maxStep" = CASE WHEN EXCLUDED."maxValue" > r."maxValue" OR (EXCLUDED."maxValue" = r."maxValue" AND EXCLUDED."maxStep" > r."maxStep") THEN EXCLUDED."maxStep" ELSE r."maxStep" END,
    "maxValue" = GREATEST(r."maxValue", EXCLUDED."maxValue")`;

/** Recompute the rollups of runs from their stored points (backfill after a bulk SQL load). */
export async function rebuildRollups(pool: Pool, runIds: string[]): Promise<void> {
  await pool.query(`DELETE FROM "MetricRollup" WHERE "runId" = ANY($1::uuid[])`, [runIds]);
  await pool.query(ROLLUP_UPSERT(`SELECT "runId" AS run_id, key, step, value FROM "MetricPoint" WHERE "runId" = ANY($1::uuid[])`, "$2"), [runIds, ROLLUP_LEVELS]);
}

export interface InsertedPoints {
  /** How many points were new (stored by this call). */
  count: number;
  /** The new points, for batches of at most INLINE_POINTS (else null: announce by id range). */
  points: MetricValue[] | null;
  /** Row ids of the new points: all of this run's rows in minId..maxId are this batch's. */
  minId: string;
  maxId: string;
}

export interface InsertOptions {
  /** NOTIFY the batch by id range in the statement (batches of more than INLINE_POINTS; events.ts metricsAnnouncement). */
  announce?: Announcement;
  /**
   * Insert without `ON CONFLICT DO NOTHING` (which costs ~15% of the statement): for a batch
   * expected to be all new. A point already stored then fails the statement with a unique
   * violation (23505), and the caller inserts the batch again without it (storePoints).
   */
  allNew?: boolean;
}

/**
 * Whether every key's steps strictly increase through the batch (no point repeats another of the
 * batch): what a training loop logs, and the precondition for trying a batch as all new.
 */
export function stepsIncreasePerKey(b: PointBatch): boolean {
  const last = new Array<number>(b.keys.length).fill(-1);
  for (let i = 0; i < b.steps.length; i++) {
    const k = b.key[i];
    if (b.steps[i] <= last[k]) return false;
    last[k] = b.steps[i];
  }
  return true;
}

/** Batches up to this size return their new points (small enough to announce inline). */
export const INLINE_POINTS = 100;

/**
 * Insert a batch with one statement (unnest of column arrays). (run, key, step) duplicates —
 * within the batch or with stored points — are skipped. The statement first takes a
 * transaction-scoped advisory lock on the run, so concurrent batches of one run get disjoint,
 * non-interleaved id ranges (other runs' rows may sit between them, told apart by runId): a
 * large batch is announced by its id range alone and its subscribers fetch exactly its points.
 * Small batches return their new points; large ones only the count and id range (returning and
 * parsing every row cost a sizeable share of ingest time). The default wall time is computed once
 * per batch. With `announce` (large batches) the statement also NOTIFYs the batch by id range, sent
 * at its commit. Call it through storePoints (which announces every batch, in its transaction).
 */
export async function insertPoints(pool: Pool | PoolClient, runId: string, batch: PointBatch, opts: InsertOptions = {}): Promise<InsertedPoints> {
  const { announce, allNew = false } = opts;
  const n = batchSize(batch);
  const walls = batch.wallTimes;
  const times = walls ? walls.map((w) => (w ? w.toISOString() : null)) : null;
  const inline = n <= INLINE_POINTS;
  if (announce && inline) throw new Error("insertPoints announces only batches announced by id range (more than INLINE_POINTS points)");
  const r = await pool.query<{ id: string | null; key: string | null; step: number | null; value: number | null; n: number; lo: string | null; hi: string | null }>({
    // Named: each connection parses and plans it once, not per batch.
    name: `loffta_insert_points${inline ? "_inline" : ""}${announce ? "_announced" : ""}${allNew ? "_new" : ""}`,
    text: `WITH ins AS (
       INSERT INTO "MetricPoint" ("runId", key, step, value, "wallTime")
       -- t.k: the point's key as a 0-based index (MetricColumnsInput.key); SQL arrays are 1-based
       SELECT $1::uuid, ($2::text[])[t.k + 1], t.step, t.value, COALESCE(t.wall AT TIME ZONE 'UTC', lock.now)
       FROM (SELECT pg_advisory_xact_lock(${METRICS_LOCK_SPACE}, hashtext($1::text)), now() AT TIME ZONE 'UTC' AS now) AS lock,
            unnest($3::int[], $4::int[], $5::float8[], $6::timestamptz[]) AS t(k, step, value, wall)
       ${allNew ? "" : `ON CONFLICT ("runId", key, step) DO NOTHING`}
       RETURNING id, key, step, value
     ), roll AS (
       ${ROLLUP_UPSERT("SELECT $1::uuid AS run_id, key, step, value FROM ins", "$7")}
     )
     ${
       inline
         ? `SELECT id, key, step, value, 0 AS n, NULL AS lo, NULL AS hi FROM ins ORDER BY id`
         : `SELECT NULL AS id, NULL AS key, NULL AS step, NULL AS value, count(*)::int AS n, min(id) AS lo, max(id) AS hi${
             announce ? `, CASE WHEN count(*) > 0 THEN ${announce.sql(8, "min(id)::text", "max(id)::text")} END AS announced` : ""
           } FROM ins`
     }`,
    // No wall times: a NULL array (unnest pads it with NULLs) instead of n NULLs to parse.
    values: [
      runId,
      batch.keys,
      numberArray(batch.key),
      numberArray(batch.steps),
      numberArray(batch.values),
      times,
      ROLLUP_LEVELS,
      ...(announce?.values ?? []),
    ],
  });
  if (!inline) {
    const row = r.rows[0];
    return { count: row.n, points: null, minId: row.lo ?? "0", maxId: row.hi ?? "0" };
  }
  const pts = r.rows.map((x) => ({ key: x.key as string, step: x.step as number, value: x.value as number }));
  return { count: pts.length, points: pts, minId: r.rows[0]?.id ?? "0", maxId: r.rows.at(-1)?.id ?? "0" };
}

/**
 * Store a batch of points of one run and announce the new ones to its live subscribers, in one
 * transaction (the NOTIFY is sent at the commit, in the order the run's batches commit: see
 * publishMetrics). The one way points are written (logMetrics, the wandb ingest).
 */
export async function storePoints(db: { pool: Pool; pubsub: PubSub; onPointsStored?: PointsObserver }, runId: string, batch: PointBatch): Promise<InsertedPoints> {
  // A batch announced by its id range (what the worker sends: hundreds of points) is one
  // statement in its own transaction: the insert, the rollups and the NOTIFY (built in SQL, sent
  // at its commit) — one round trip instead of four (BEGIN, insert, NOTIFY, COMMIT). Small
  // batches are announced with their points, which publishMetrics encodes, in a transaction.
  // Such a batch whose steps increase per key is first tried as all new (a plain INSERT, checked
  // by the unique index alone); if some of it was stored before (a retry, a resumed run), that
  // statement fails as a whole and the batch goes in again skipping what is stored.
  const large = async (): Promise<InsertedPoints> => {
    const announce = metricsAnnouncement(db.pubsub.channel, runId);
    if (stepsIncreasePerKey(batch)) {
      try {
        return await insertPoints(db.pool, runId, batch, { announce, allNew: true });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    return insertPoints(db.pool, runId, batch, { announce });
  };
  const stored =
    batchSize(batch) > INLINE_POINTS
      ? await large()
      : await withTx(db.pool, async (tx) => {
          const inserted = await insertPoints(tx, runId, batch);
          if (inserted.count) await publishMetrics(db.pubsub, runId, inserted.points, { min: inserted.minId, max: inserted.maxId }, tx);
          return inserted;
        });
  db.onPointsStored?.(stored.count); // once committed
  return stored;
}

/** Told how many new points each committed storePoints call stored (the API's /metrics counter). */
export type PointsObserver = (count: number) => void;

export interface SeriesResult extends Series {
  runId: string;
  key: string;
  totalPoints: number;
  downsampled: boolean;
}

interface StatsRow {
  run_id: string;
  key: string;
  lo: number;
  hi: number;
  lo_v: number;
  hi_v: number;
  total: number | null;
}

/** A series packed by Postgres: big-endian records, read with readPoints/readBuckets. */
interface PackedRow {
  run_id: string;
  key: string;
  buf: Buffer;
}

/** Decode `int4 step, float8 value` records (12 bytes each), sorted by step. */
export function readPoints(buf: Buffer): Series {
  const n = Math.floor(buf.length / 12);
  const steps = new Array<number>(n);
  const values = new Array<number>(n);
  let sorted = true;
  for (let i = 0, o = 0; i < n; i++, o += 12) {
    steps[i] = buf.readInt32BE(o);
    values[i] = buf.readDoubleBE(o + 4);
    if (i > 0 && steps[i] < steps[i - 1]) sorted = false;
  }
  if (sorted) return { steps, values };
  const order = steps.map((_, i) => i).sort((x, y) => steps[x] - steps[y]);
  return { steps: order.map((i) => steps[i]), values: order.map((i) => values[i]) };
}

/** Decode rollup bucket records `int4 minStep, float8 minValue, int4 maxStep, float8 maxValue` (24 bytes). */
export function readBuckets(buf: Buffer): BucketExtremes[] {
  const n = Math.floor(buf.length / 24);
  const out = new Array<BucketExtremes>(n);
  for (let i = 0, o = 0; i < n; i++, o += 24) {
    out[i] = { minStep: buf.readInt32BE(o), minValue: buf.readDoubleBE(o + 4), maxStep: buf.readInt32BE(o + 12), maxValue: buf.readDoubleBE(o + 16) };
  }
  return out;
}

const sid = (runId: string, key: string) => `${runId}\u0000${key}`;

/**
 * Series of `keys` for `runIds` (already access-checked), at most maxPoints each.
 * 1. Per series, first/last point (two index probes) and point count (coarsest rollup level:
 *    ingest adds each inserted point to the count of its bucket at every level).
 * 2. Series with at most maxPoints points (however wide their step span): their raw points,
 *    exact. Longer ones: the finest rollup level whose buckets are at least the target width
 *    (≤ the target bucket count of rows), re-bucketed here (downsample.ts).
 * So the work grows with the number of series and maxPoints, not with the stored points. Each
 * series is one ordered index range scan (LATERAL), aggregated in index order without a sort.
 */
export async function metricSeries(pool: Pool, runIds: string[], keys: string[], maxPoints: number): Promise<SeriesResult[]> {
  const coarsest = ROLLUP_LEVELS[ROLLUP_LEVELS.length - 1];
  const stats = await pool.query<StatsRow>(
    `SELECT r.id AS run_id, k.key, lo.step AS lo, hi.step AS hi, lo.value AS lo_v, hi.value AS hi_v,
            (SELECT sum(count)::int FROM "MetricRollup" m WHERE m."runId" = r.id AND m.key = k.key AND m.level = $3) AS total
     FROM unnest($1::uuid[]) AS r(id)
     CROSS JOIN unnest($2::text[]) AS k(key)
     JOIN LATERAL (SELECT step, value FROM "MetricPoint" m WHERE m."runId" = r.id AND m.key = k.key ORDER BY step ASC LIMIT 1) lo ON true
     JOIN LATERAL (SELECT step, value FROM "MetricPoint" m WHERE m."runId" = r.id AND m.key = k.key ORDER BY step DESC LIMIT 1) hi ON true`,
    [runIds, keys, coarsest],
  );
  const raw: StatsRow[] = [];
  const rolled: { row: StatsRow; level: number; width: number }[] = [];
  for (const row of stats.rows) {
    // Decided by the point count, not the step span: a sparse series (an eval metric every 1,000
    // steps) that fits maxPoints comes back exact. A series with more points than maxPoints spans
    // more steps than that too, so its bucket width is > 1. No rollups (points written outside
    // the API without rebuildRollups): read the points and downsample them here rather than
    // return nothing.
    if (row.total === null || row.total <= maxPoints) raw.push(row);
    else {
      const width = bucketWidth(row.lo, row.hi, maxPoints);
      rolled.push({ row, level: rollupLevelFor(width), width });
    }
  }
  // Rows travel packed as bytea (binary int4/float8), not as text arrays: parsing ~100k numbers
  // from text cost far more than the index scans.
  const [rawRes, rollRes] = await Promise.all([
    raw.length
      ? pool.query<PackedRow>(
          `SELECT s.run_id, s.key, a.buf
           FROM unnest($1::uuid[], $2::text[]) AS s(run_id, key)
           CROSS JOIN LATERAL (
             SELECT string_agg(int4send(x.step) || float8send(x.value), ''::bytea) AS buf
             FROM (SELECT step, value FROM "MetricPoint" m WHERE m."runId" = s.run_id AND m.key = s.key ORDER BY step) x
           ) a
           WHERE a.buf IS NOT NULL`,
          [raw.map((r) => r.run_id), raw.map((r) => r.key)],
        )
      : null,
    rolled.length
      ? pool.query<PackedRow>(
          `SELECT s.run_id, s.key, a.buf
           FROM unnest($1::uuid[], $2::text[], $3::int[]) AS s(run_id, key, level)
           CROSS JOIN LATERAL (
             SELECT string_agg(int4send(m."minStep") || float8send(m."minValue") || int4send(m."maxStep") || float8send(m."maxValue"), ''::bytea) AS buf
             FROM "MetricRollup" m WHERE m."runId" = s.run_id AND m.key = s.key AND m.level = s.level
           ) a
           WHERE a.buf IS NOT NULL`,
          [rolled.map((r) => r.row.run_id), rolled.map((r) => r.row.key), rolled.map((r) => r.level)],
        )
      : null,
  ]);
  const results = new Map<string, SeriesResult>();
  for (const a of rawRes?.rows ?? []) {
    const stored = readPoints(a.buf);
    // Exact when it fits; downsampled here if it grew past maxPoints since the count was read.
    const series = minMaxDownsample(stored, maxPoints);
    results.set(sid(a.run_id, a.key), { runId: a.run_id, key: a.key, ...series, totalPoints: stored.steps.length, downsampled: series.steps.length < stored.steps.length });
  }
  const rollBufs = new Map((rollRes?.rows ?? []).map((a) => [sid(a.run_id, a.key), a.buf]));
  for (const { row, width } of rolled) {
    const buf = rollBufs.get(sid(row.run_id, row.key));
    if (!buf) continue;
    // coarsen() places each extreme by its own step: the buckets' order does not matter.
    const series = assembleSeries({ step: row.lo, value: row.lo_v }, { step: row.hi, value: row.hi_v }, coarsen(readBuckets(buf), row.lo, width));
    const total = row.total ?? series.steps.length;
    results.set(sid(row.run_id, row.key), { runId: row.run_id, key: row.key, ...series, totalPoints: total, downsampled: series.steps.length < total });
  }
  const out: SeriesResult[] = [];
  for (const runId of runIds) {
    for (const key of keys) out.push(results.get(sid(runId, key)) ?? { runId, key, steps: [], values: [], totalPoints: 0, downsampled: false });
  }
  return out;
}
