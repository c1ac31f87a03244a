/**
 * Runs: launching (the effective config, what a launch needs), cancelling, tags and notes, the
 * `runs` listing (team-scoped filters, sort by any column or final metric, keyset cursors) and
 * the reads of a run's metric points that ingest and series (./metrics.ts) do not cover.
 */
import type { Prisma, Run } from "@loffta/db";
import { PLATFORM_PREFIXES } from "@loffta/graphql/object-store";
import type { StorageContext } from "./storage";
import { BASELINE_REF_KINDS, isMetricName, METRIC_NAMES, RUN_KINDS, type RunConfig } from "@loffta/graphql/domain";
import type { Viewer } from "../auth";
import type { MetricValue } from "../events";
import type { RunFilter, RunKind, RunSort } from "../generated/resolvers";
import { badField, badInput, conflict, isUuid, notFound } from "../errors";
import { LIMITS } from "../limits";
import { loadCache, loadDataset, loadRun, ownedRunIds, runsOfTeamSql, teamScope, type TeamOf } from "./access";
import { splitCountOf } from "./datasets";
import { withTx, type Db } from "./db";
import { cancelRunJobs } from "./queue";

const MAX_TAGS = 50;

/** Trimmed, unique, non-empty tags; BAD_USER_INPUT on `path` when too many or too long. */
export function cleanTags(tags: string[] | null | undefined, path: string): string[] {
  const out = [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
  if (out.some((t) => t.length > 100)) throw badField(path, "tags are at most 100 characters");
  if (out.length > MAX_TAGS) throw badField(path, `at most ${MAX_TAGS} tags`);
  return out;
}

export interface LaunchSpec {
  projectId: string;
  name: string;
  kind: RunKind;
  /** The effective config (resolveRunConfig of the kind), stored as is; its seed is the run's. */
  config: RunConfig;
  cacheId?: string | null;
  baselineRunId?: string | null;
  tags: string[];
  notes?: string | null;
}

/**
 * Launch a run of an already-loaded project: checks what the worker needs and the API can see
 * (every kind with `needsCache` names a cache that is not FAILED; image baselines need a dataset
 * with ≥ 2 classes and a train split; the baseline is of a BASELINE_REF_KINDS kind), then stores the
 * run with its TRAIN job (claimable once the cache is READY).
 */
export async function launchRun(db: Db, viewer: Viewer, spec: LaunchSpec): Promise<Run> {
  const checked = await checkLaunch(db, viewer, spec);
  return db.prisma.$transaction((tx) => insertLaunchedRun(tx, viewer, spec, checked));
}

/** What a launch stores besides its spec: the checked cache and baseline ids. */
export interface CheckedLaunch {
  cacheId: string | null;
  baselineRunId: string | null;
}

/** launchRun's checks of the cache and the baseline (BAD_USER_INPUT on `input.cacheId` / `input.baselineRunId`); nothing is stored. */
export async function checkLaunch(db: Db, viewer: Viewer, spec: Pick<LaunchSpec, "kind" | "cacheId" | "baselineRunId">): Promise<CheckedLaunch> {
  const kind = RUN_KINDS[spec.kind];
  let cacheId: string | null = null;
  if (kind.needsCache && !spec.cacheId) throw badField("input.cacheId", `a ${kind.label} run needs a feature cache`);
  if (spec.cacheId) {
    const cache = await loadCache(db, viewer, spec.cacheId);
    if (cache.status === "FAILED") throw badField("input.cacheId", `feature cache ${cache.id} FAILED: request it again`);
    if (kind.source === "images") {
      // The image baselines train on the cache's dataset: what the worker would refuse, refuse now.
      const dataset = await loadDataset(db, viewer, cache.datasetId);
      if (dataset.classNames.length < 2)
        throw badField("input.cacheId", `dataset ${dataset.name} has ${dataset.classNames.length} class(es); a ${kind.label} run needs at least 2`);
      if (splitCountOf(dataset.splitCounts, "train") < 1)
        throw badField("input.cacheId", `dataset ${dataset.name} has no train split; a ${kind.label} run trains on it`);
    }
    cacheId = cache.id;
  }
  let baselineRunId: string | null = null;
  if (spec.baselineRunId) {
    const id = spec.baselineRunId;
    const base = await loadRun(db, viewer, id).catch(() => {
      throw badField("input.baselineRunId", `run ${id} not found`);
    });
    if (!BASELINE_REF_KINDS.includes(base.kind))
      throw badField("input.baselineRunId", `the baseline must be a ${BASELINE_REF_KINDS.join(" or ")} run (got ${base.kind})`);
    baselineRunId = base.id;
  }
  return { cacheId, baselineRunId };
}

/** Store one checked launch inside the caller's transaction: the run, its TRAIN job and its effective config. */
export async function insertLaunchedRun(tx: Prisma.TransactionClient, viewer: Viewer, spec: LaunchSpec, { cacheId, baselineRunId }: CheckedLaunch): Promise<Run> {
  const r = await tx.run.create({
    data: {
      projectId: spec.projectId,
      name: spec.name,
      kind: spec.kind,
      config: {},
      cacheId,
      baselineRunId,
      // What the worker uses: always the effective config's seed.
      seed: spec.config.seed,
      tags: spec.tags,
      notes: spec.notes ?? null,
      authorId: viewer.userId,
      // The launch source: the API token (client) that launched it.
      launchedBy: viewer.tokenName,
    },
  });
  await tx.job.create({ data: { type: "TRAIN", teamId: viewer.teamId, payload: { runId: r.id }, runId: r.id, cacheId } });
  // Prisma's JS engine rounds floats inside the Json values it writes (4/3 → 1.333333333333333):
  // a JSON text parameter stores the effective config exactly as resolved.
  await tx.$executeRaw`UPDATE "Run" SET config = ${JSON.stringify(spec.config)}::jsonb WHERE id = ${r.id}::uuid`;
  return tx.run.findUniqueOrThrow({ where: { id: r.id } });
}

/** Cancel a queued or running run and its jobs (a cancelled run is returned as is); CONFLICT when finished. */
export async function cancelRun(db: Db, viewer: TeamOf, id: string): Promise<{ run: Run; changed: boolean }> {
  const run = await loadRun(db, viewer, id);
  if (run.status === "CANCELLED") return { run, changed: false };
  if (run.status !== "QUEUED" && run.status !== "RUNNING") throw conflict(`run ${id} already ${run.status}`);
  const updated = await db.prisma.run.update({ where: { id: run.id }, data: { status: "CANCELLED", endedAt: new Date() } });
  await cancelRunJobs(db, run.id);
  return { run: updated, changed: true };
}

export async function tagRun(db: Db, viewer: TeamOf, id: string, add: string[] | null | undefined, remove: string[] | null | undefined): Promise<Run> {
  const run = await loadRun(db, viewer, id);
  const drop = new Set(cleanTags(remove, "remove"));
  const tags = cleanTags([...run.tags.filter((t) => !drop.has(t)), ...cleanTags(add, "add")], "add");
  return db.prisma.run.update({ where: { id: run.id }, data: { tags } });
}

export async function setRunNotes(db: Db, viewer: TeamOf, id: string, notes: string | null | undefined): Promise<Run> {
  const run = await loadRun(db, viewer, id);
  if (notes && notes.length > 20_000) throw badField("notes", "at most 20,000 characters");
  return db.prisma.run.update({ where: { id: run.id }, data: { notes: notes ?? null } });
}

// ---------------------------------------------------------------- lifecycle (issue #17)

/** Most runs one bulk operation (tagRuns, archiveRuns, unarchiveRuns, deleteRuns) takes. */
export const MAX_BULK_RUNS = 100;

/**
 * The distinct ids of a bulk operation, each a run of the viewer's team (BAD_USER_INPUT on `ids`
 * when none or too many; NOT_FOUND naming the first id that is not a run of the team).
 */
export async function loadRunIds(db: Db, viewer: TeamOf, ids: string[]): Promise<string[]> {
  const distinct = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (!distinct.length || distinct.length > MAX_BULK_RUNS) throw badField("ids", `give 1–${MAX_BULK_RUNS} run ids`);
  const owned = await ownedRunIds(db, viewer, distinct);
  const missing = distinct.find((id) => !owned.has(id));
  if (missing !== undefined) throw notFound("run", ids.find((id) => id.toLowerCase() === missing) ?? missing);
  return distinct;
}

/** Runs by id, in the order of `ids`. */
async function runsByIds(db: Db, ids: string[]): Promise<Run[]> {
  const rows = await db.prisma.run.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Rename a run and/or replace its notes (omitted fields unchanged). */
export async function updateRun(db: Db, viewer: TeamOf, id: string, input: { name?: string | null; notes?: string | null }): Promise<Run> {
  const run = await loadRun(db, viewer, id);
  const data: { name?: string; notes?: string | null } = {};
  if (input.name !== undefined) {
    const name = (input.name ?? "").trim();
    if (!name || name.length > 200) throw badField("input.name", "must be 1–200 characters");
    data.name = name;
  }
  if (input.notes !== undefined) {
    if (input.notes && input.notes.length > 20_000) throw badField("input.notes", "at most 20,000 characters");
    data.notes = input.notes ?? null;
  }
  return Object.keys(data).length ? db.prisma.run.update({ where: { id: run.id }, data }) : run;
}

/** Add and/or remove tags of many runs, all or none. */
export async function tagRuns(db: Db, viewer: TeamOf, ids: string[], add: string[] | null | undefined, remove: string[] | null | undefined): Promise<Run[]> {
  const runIds = await loadRunIds(db, viewer, ids);
  const drop = new Set(cleanTags(remove, "remove"));
  const extra = cleanTags(add, "add");
  await db.prisma.$transaction(async (tx) => {
    const rows = await tx.run.findMany({ where: { id: { in: runIds } }, select: { id: true, tags: true } });
    for (const r of rows) {
      const tags = cleanTags([...r.tags.filter((t) => !drop.has(t)), ...extra], "add");
      await tx.run.update({ where: { id: r.id }, data: { tags } });
    }
  });
  return runsByIds(db, runIds);
}

/** Archive (`archived`) or unarchive runs, all or none; already archived runs keep their `archivedAt`. */
export async function setRunsArchived(db: Db, viewer: TeamOf, ids: string[], archived: boolean): Promise<Run[]> {
  const runIds = await loadRunIds(db, viewer, ids);
  if (archived) await db.prisma.run.updateMany({ where: { id: { in: runIds }, archivedAt: null }, data: { archivedAt: new Date() } });
  else await db.prisma.run.updateMany({ where: { id: { in: runIds } }, data: { archivedAt: null } });
  return runsByIds(db, runIds);
}

/**
 * Delete runs, all or none, in one transaction that locks them: CONFLICT when one is QUEUED or
 * RUNNING with a QUEUED or RUNNING job (cancel it first). The database cascades to metric points,
 * rollups, logs, artifact records and jobs, and nulls `baselineRunId` of runs compared with a
 * deleted one; reports keep their run ids (no foreign key) and a deleted run drops out of them.
 * Returns the deleted runs' ids and projects (to announce them).
 */
export async function deleteRuns(db: Db & StorageContext, viewer: TeamOf, ids: string[]): Promise<{ id: string; projectId: string }[]> {
  const runIds = await loadRunIds(db, viewer, ids);
  const deleted = await withTx(db.pool, async (c) => {
    const locked = await c.query<{ id: string; projectId: string; status: string }>(
      `SELECT r.id, r."projectId", r.status FROM "Run" r WHERE r.id = ANY($1::uuid[]) AND ${runsOfTeamSql("r", "$2")} ORDER BY r.id FOR UPDATE`,
      [runIds, viewer.teamId],
    );
    // Deleted meanwhile by a concurrent call: as any run not in the team.
    const found = new Set(locked.rows.map((r) => r.id));
    const gone = runIds.find((id) => !found.has(id));
    if (gone !== undefined) throw notFound("run", gone);
    const live = await c.query<{ runId: string; status: string }>(
      `SELECT j."runId", r.status FROM "Job" j JOIN "Run" r ON r.id = j."runId"
        WHERE j."runId" = ANY($1::uuid[]) AND j.status IN ('QUEUED', 'RUNNING') AND r.status IN ('QUEUED', 'RUNNING') LIMIT 1`,
      [runIds],
    );
    if (live.rows[0]) throw conflict(`run ${live.rows[0].runId} is ${live.rows[0].status} with a live job: cancel it first (cancelRun), then delete it`);
    await c.query(`DELETE FROM "Run" WHERE id = ANY($1::uuid[])`, [runIds]);
    return locked.rows.map((r) => ({ id: r.id, projectId: r.projectId }));
  });
  // Their files (checkpoints, predictions) go from the object store once the rows are gone: a
  // failure leaves objects nobody lists (logged), never a record without its file.
  const mirror = db.storeMirror;
  if (mirror)
    await Promise.all(
      deleted.map(async (r) => {
        const prefix = `${PLATFORM_PREFIXES.runs}/${r.id}/`;
        try {
          for (const o of await mirror.store.list(prefix)) {
            await mirror.store.delete(o.key);
            await mirror.forget(o.key);
          }
        } catch (e) {
          console.error(`[api] run ${r.id} deleted; its objects under ${prefix} could not be removed: ${(e as Error).message}`);
        }
      }),
    );
  return deleted;
}

/**
 * Retry a FAILED or CANCELLED run: a new QUEUED run with the old one's project, name, kind,
 * effective config (copied as stored), seed, cache, baseline, tags and notes, authored by the
 * viewer, and its TRAIN job (claimable once the cache is READY). CONFLICT for other statuses,
 * EXTERNAL runs and runs whose cache is gone or FAILED.
 */
export async function retryRun(db: Db, viewer: Pick<Viewer, "teamId" | "userId">, id: string): Promise<Run> {
  const run = await loadRun(db, viewer, id);
  if (run.status !== "FAILED" && run.status !== "CANCELLED") throw conflict(`run ${run.id} is ${run.status}: only FAILED or CANCELLED runs are retried`);
  const kind = RUN_KINDS[run.kind];
  if (run.kind === "EXTERNAL") throw conflict(`run ${run.id} is ${run.kind}: it was trained outside the platform, there is nothing to retry`);
  if (kind.needsCache) {
    if (!run.cacheId) throw conflict(`run ${run.id} has no feature cache any more (it was deleted): launch a new run`);
    const cache = await db.prisma.featureCache.findUnique({ where: { id: run.cacheId }, select: { status: true } });
    if (!cache) throw conflict(`run ${run.id} has no feature cache any more (it was deleted): launch a new run`);
    if (cache.status === "FAILED") throw conflict(`the feature cache of run ${run.id} FAILED: request it again (requestFeatureCache), then retry`);
  }
  return db.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Run" (id, "projectId", name, kind, config, status, "cacheId", seed, "baselineRunId", tags, notes, "authorId", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), "projectId", name, kind, config, 'QUEUED', "cacheId", seed, "baselineRunId", tags, notes, ${viewer.userId}::uuid, now(), now()
        FROM "Run" WHERE id = ${run.id}::uuid
      RETURNING id`;
    const newId = rows[0]?.id;
    if (!newId) throw notFound("run", id);
    await tx.job.create({ data: { type: "TRAIN", teamId: viewer.teamId, payload: { runId: newId }, runId: newId, cacheId: run.cacheId } });
    return tx.run.findUniqueOrThrow({ where: { id: newId } });
  });
}

/** A run reached from an already-scoped row (a baseline, a job's run), or null. */
export function getRun(db: Db, id: string | null): Promise<Run | null> | null {
  return id ? db.prisma.run.findUnique({ where: { id } }) : null;
}

/** Id and project of runs (to announce them on their project's topic). */
export function runRefs(db: Db, ids: string[]): Promise<{ id: string; projectId: string }[]> {
  return db.prisma.run.findMany({ where: { id: { in: ids } }, select: { id: true, projectId: true } });
}

/** Runs of the viewer's team among `ids`, in the order of `ids` (missing ones left out). */
export async function runsInOrder(db: Db, viewer: TeamOf, ids: string[]): Promise<Run[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const rows = await db.prisma.run.findMany({ where: { id: { in: valid }, ...teamScope.run(viewer) } });
  const byId = new Map(rows.map((x) => [x.id, x]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Distinct metric keys a run logged, sorted: a loose index scan over (runId, key, step), one probe per key. */
export async function metricKeys(db: Db, runId: string): Promise<string[]> {
  const res = await db.pool.query<{ key: string }>(
    `WITH RECURSIVE k AS (
       (SELECT key FROM "MetricPoint" WHERE "runId" = $1 ORDER BY key LIMIT 1)
       UNION ALL
       SELECT (SELECT m.key FROM "MetricPoint" m WHERE m."runId" = $1 AND m.key > k.key ORDER BY m.key LIMIT 1) FROM k WHERE k.key IS NOT NULL
     ) SELECT key FROM k WHERE key IS NOT NULL`,
    [runId],
  );
  return res.rows.map((x) => x.key);
}

/** A run's metric points with row ids in [minId, maxId], in insertion order (hydrates announcements too large for NOTIFY). */
export async function metricPointsBetween(db: Db, runId: string, minId: string, maxId: string): Promise<MetricValue[]> {
  const r = await db.pool.query<MetricValue>(`SELECT key, step, value FROM "MetricPoint" WHERE "runId" = $1 AND id BETWEEN $2 AND $3 ORDER BY id`, [runId, minId, maxId]);
  return r.rows;
}

export interface RunPage {
  edges: { cursor: string; node: Run }[];
  pageInfo: { hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

interface Cursor {
  /** The sort value as Postgres text (null for runs without it). */
  v: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/** Postgres' text of a `timestamp` (what `::text` gives): `2026-01-31 12:00:00.123456`. */
const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;
/** Postgres' text of a `float8`. */
const FLOAT8_RE = /^(-?Infinity|NaN|-?\d+(\.\d+)?([eE][+-]?\d+)?)$/;

/** Whether `v` is a value Postgres accepts as `cast` (the sort key's type), so a crafted cursor cannot make the query fail. */
function castable(v: string, cast: string): boolean {
  if (v.includes("\0")) return false;
  if (cast === "timestamp") {
    const m = TIMESTAMP_RE.exec(v);
    if (!m) return false;
    const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number);
    const t = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
    return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === sec;
  }
  if (cast === "float8") {
    if (!FLOAT8_RE.test(v)) return false;
    if (/^-?Infinity$|^NaN$/.test(v)) return true;
    const n = Number(v);
    // Out of range both ways: 1e999 overflows, 1e-999 underflows (Postgres refuses both).
    return Number.isFinite(n) && (n !== 0 || !/[1-9]/.test(v.split(/[eE]/)[0]));
  }
  return true;
}

/** A cursor of `encodeCursor`; with `cast` (the sort key's Postgres type) its value must be one of that type. */
export function decodeCursor(s: string, cast?: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    if (typeof c.id === "string" && isUuid(c.id) && (c.v === null || (typeof c.v === "string" && (!cast || castable(c.v, cast))))) return c;
  } catch {
    /* fall through */
  }
  throw badField("after", "not a cursor returned by this API");
}

/** Dotted config path → Postgres text[] path; only plain key segments are allowed. */
export function configPath(p: string): string[] {
  const parts = p.split(".");
  if (!p || parts.some((s) => !/^[A-Za-z0-9_-]+$/.test(s))) throw badField("filter.config.path", `"${p}" is not a dotted path of keys`);
  return parts;
}

/**
 * Build the WHERE clause and sort expression. Null sort values (runs without the metric or
 * throughput) sort last in both directions: they compare as ±Infinity via COALESCE.
 */
function sortSpec(sort: RunSort, params: unknown[]): { expr: string; cast: string } {
  const nullLast = sort.direction === "DESC" ? "'-Infinity'" : "'Infinity'";
  switch (sort.field) {
    case "NAME":
      return { expr: `r.name`, cast: "text" };
    case "TRAIN_IMAGES_PER_SEC":
      return { expr: `COALESCE(r."trainImagesPerSec", ${nullLast}::float8)`, cast: "float8" };
    case "METRIC": {
      if (!sort.metricKey) throw badField("sort.metricKey", "required when sorting by METRIC");
      // Only metrics (METRICS): a stored finalMetrics also holds evalCount and the confusion matrix.
      if (!isMetricName(sort.metricKey)) throw badField("sort.metricKey", `must be a metric: ${METRIC_NAMES.join(", ")}`);
      params.push(sort.metricKey);
      const k = `$${params.length}`;
      return {
        expr: `COALESCE(CASE WHEN jsonb_typeof(r."finalMetrics" -> ${k}::text) = 'number' THEN (r."finalMetrics" ->> ${k}::text)::float8 END, ${nullLast}::float8)`,
        cast: "float8",
      };
    }
    case "CONFIG": {
      if (!sort.configPath) throw badField("sort.configPath", "required when sorting by CONFIG");
      let path: string[];
      try {
        path = configPath(sort.configPath);
      } catch {
        throw badField("sort.configPath", `"${sort.configPath}" is not a dotted path of keys`);
      }
      params.push(path);
      const p = `$${params.length}`;
      // Numeric values by value; missing or non-numeric ones (never ±Infinity in JSON) last.
      return { expr: `COALESCE(${numericAt(`r.config #> ${p}::text[]`)}, ${nullLast}::float8)`, cast: "float8" };
    }
    default:
      return { expr: `r."createdAt"`, cast: "timestamp" };
  }
}

/** SQL of the float8 value of the jsonb expression `json` when it is a number, else NULL. */
function numericAt(json: string): string {
  return `(CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::text::float8 END)`;
}

/** `text` as a LIKE pattern that matches it literally (escape character `\`). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Inclusive `min`/`max` bounds (either optional); BAD_USER_INPUT on `path` when min > max. */
function checkBounds(path: string, min: number | null | undefined, max: number | null | undefined): void {
  if (min != null && max != null && min > max) throw badInput(`${path}: min must not exceed max`, [{ path: `${path}.min`, message: "must not exceed max" }]);
}

export async function listRuns(
  db: Db,
  viewer: TeamOf,
  args: { filter?: RunFilter | null; sort?: RunSort | null; first?: number | null; after?: string | null },
): Promise<RunPage> {
  const first = args.first ?? 20;
  if (first < 1 || first > LIMITS.maxPageSize) throw badField("first", `must be between 1 and ${LIMITS.maxPageSize}`);
  const sort: RunSort = args.sort ?? { field: "CREATED_AT", direction: "DESC" };
  const f = args.filter ?? {};
  const params: unknown[] = [viewer.teamId];
  const where: string[] = [runsOfTeamSql("r", "$1")];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.projectId) {
    if (!isUuid(f.projectId)) throw badField("filter.projectId", "not an id");
    add((n) => `r."projectId" = ${n}::uuid`, f.projectId);
  }
  if (f.kinds?.length) add((n) => `r.kind = ANY(${n}::"RunKind"[])`, f.kinds);
  if (f.statuses?.length) add((n) => `r.status = ANY(${n}::"RunStatus"[])`, f.statuses);
  if (f.tag) add((n) => `r.tags @> ARRAY[${n}::text]`, f.tag);
  // Archived runs only when asked for.
  where.push(f.archived ? `r."archivedAt" IS NOT NULL` : `r."archivedAt" IS NULL`);
  if (f.cacheId) {
    if (!isUuid(f.cacheId)) throw badField("filter.cacheId", "not an id");
    add((n) => `r."cacheId" = ${n}::uuid`, f.cacheId);
  }
  /** `value` (SQL) within the inclusive bounds; without bounds: it is a number. */
  const rangeWhere = (value: string, min: number | null | undefined, max: number | null | undefined) => {
    where.push(`${value} IS NOT NULL`);
    if (min != null) add((n) => `${value} >= ${n}::float8`, min);
    if (max != null) add((n) => `${value} <= ${n}::float8`, max);
  };
  for (const [i, c] of (f.config ?? []).entries()) {
    let path: string[];
    try {
      path = configPath(c.path);
    } catch {
      throw badInput(`filter.config.${i}.path: "${c.path}" is not a dotted path of keys`, [{ path: `filter.config.${i}.path`, message: "not a dotted path" }]);
    }
    params.push(path);
    const pn = `$${params.length}`;
    add((n) => `r.config #> ${pn}::text[] = ${n}::jsonb`, JSON.stringify(c.value));
  }
  for (const [i, m] of (f.metrics ?? []).entries()) {
    // Only catalogue metrics: a stored finalMetrics also holds evalCount and the confusion matrix.
    if (!isMetricName(m.key)) throw badField(`filter.metrics.${i}.key`, `must be a metric: ${METRIC_NAMES.join(", ")}`);
    checkBounds(`filter.metrics.${i}`, m.min, m.max);
    params.push(m.key);
    const value = numericAt(`r."finalMetrics" -> $${params.length}::text`);
    rangeWhere(value, m.min, m.max);
  }
  for (const [i, c] of (f.configRanges ?? []).entries()) {
    let path: string[];
    try {
      path = configPath(c.path);
    } catch {
      throw badField(`filter.configRanges.${i}.path`, `"${c.path}" is not a dotted path of keys`);
    }
    checkBounds(`filter.configRanges.${i}`, c.min, c.max);
    params.push(path);
    rangeWhere(numericAt(`r.config #> $${params.length}::text[]`), c.min, c.max);
  }
  if (f.nameContains != null && f.nameContains !== "") add((n) => `r.name ILIKE '%' || ${n}::text || '%' ESCAPE '\\'`, likeEscape(f.nameContains));
  const whereSql = where.join(" AND ");
  const countParams = [...params];
  const { expr, cast } = sortSpec(sort, params);
  const dir = sort.direction === "ASC" ? "ASC" : "DESC";
  const cmp = dir === "ASC" ? ">" : "<";
  let cursorSql = "";
  if (args.after) {
    const c = decodeCursor(args.after, cast);
    params.push(c.v, c.id);
    cursorSql = ` AND (${expr}, r.id) ${cmp} ($${params.length - 1}::${cast}, $${params.length}::uuid)`;
  }
  params.push(first + 1);
  const sql = `SELECT r.id, (${expr})::text AS sort_value FROM "Run" r
               WHERE ${whereSql}${cursorSql} ORDER BY ${expr} ${dir}, r.id ${dir} LIMIT $${params.length}`;
  const [page, count] = await Promise.all([
    db.pool.query<{ id: string; sort_value: string | null }>(sql, params),
    db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Run" r WHERE ${whereSql}`, countParams),
  ]);
  const rows = page.rows.slice(0, first);
  const runs = await db.prisma.run.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  const byId = new Map(runs.map((r) => [r.id, r]));
  const edges = rows.flatMap((r) => {
    const node = byId.get(r.id);
    return node ? [{ cursor: encodeCursor({ v: r.sort_value, id: r.id }), node }] : [];
  });
  return {
    edges,
    pageInfo: { hasNextPage: page.rows.length > first, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: count.rows[0].n,
  };
}
