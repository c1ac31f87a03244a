/**
 * What the W&B endpoints store (docs/wandb.md): EXTERNAL runs keyed by (project, W&B run id), their
 * metric points (services/metrics.ts insertPoints: the same path as logMetrics, so live
 * subscriptions and rollups work), console lines (services/logs.ts insertLogLines), summary and
 * lifecycle. The W&B bookkeeping lives in the run's config under `_wandb` (RunMeta).
 */
import type { Project, Run, Team } from "@loffta/db";
import type { Viewer } from "../auth";
import { publishLogs, publishRun } from "../events";
import type { Context } from "../context";
import { isUniqueViolation } from "../errors";
import type { MetricPointInput, RunLogLineInput } from "../generated/resolvers";
import { insertLogLines } from "../services/logs";
import { batchOf, storePoints } from "../services/metrics";
import { cleanTags } from "../services/runs";
import {
  flattenEvents,
  flattenNumeric,
  isObject,
  parseConsoleLine,
  rowStep,
  rowTime,
  summaryFacts,
  unwrapConfig,
  type Json,
  type JsonObject,
} from "./mapping";

export type Services = Pick<Context, "prisma" | "pool" | "pubsub">;

/** The key of the run's config holding the W&B bookkeeping (the client's own `_wandb` is not kept). */
export const META_KEY = "_wandb";

/** W&B bookkeeping of an EXTERNAL run (config._wandb). */
export interface RunMeta {
  /** The W&B run id (the client's `name`, e.g. `vi9yf5jg`): unique per project. */
  id: string;
  group?: string | null;
  jobType?: string | null;
  program?: string | null;
  /** The client's telemetry marker `_wandb.t` (a resuming client checks the run has started). */
  t?: Json;
  /** Lines received per file (the next offset the client resumes from). */
  offsets: { history: number; events: number; output: number };
  /** The last summary the client sent, as sent. */
  summary?: JsonObject;
  historyTail?: string | null;
  eventsTail?: string | null;
}

export class WandbError extends Error {
  override name = "WandbError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function runMeta(run: Pick<Run, "config">): RunMeta | null {
  const c = run.config;
  if (!isObject(c as Json)) return null;
  const m = (c as JsonObject)[META_KEY];
  if (!isObject(m) || typeof m.id !== "string") return null;
  const offsets = isObject(m.offsets) ? m.offsets : {};
  const n = (v: Json | undefined) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : 0);
  return { ...(m as unknown as RunMeta), offsets: { history: n(offsets.history), events: n(offsets.events), output: n(offsets.output) } };
}

/** The project named `name` in the viewer's team, created when missing. */
export async function projectByName(db: Services, viewer: Viewer, name: string): Promise<Project> {
  const where = { teamId_name: { teamId: viewer.teamId, name } };
  const found = await db.prisma.project.findUnique({ where });
  if (found) return found;
  try {
    return await db.prisma.project.create({ data: { teamId: viewer.teamId, name, description: "Created by the wandb client (docs/wandb.md)." } });
  } catch (e) {
    if (isUniqueViolation(e)) return db.prisma.project.findUniqueOrThrow({ where });
    throw e;
  }
}

/** The EXTERNAL run with W&B id `wandbId` in a project (already team-scoped), or null. */
export async function findExternalRun(db: Services, projectId: string, wandbId: string): Promise<Run | null> {
  const r = await db.pool.query<{ id: string }>(
    `SELECT id FROM "Run" WHERE "projectId" = $1::uuid AND kind = 'EXTERNAL' AND config->'${META_KEY}'->>'id' = $2 ORDER BY "createdAt" LIMIT 1`,
    [projectId, wandbId],
  );
  return r.rows[0] ? db.prisma.run.findUnique({ where: { id: r.rows[0].id } }) : null;
}

/** A run of the viewer's team by entity/project/W&B id (a file_stream URL); null when not found. */
export async function findRunForStream(db: Services, viewer: Viewer, projectName: string, wandbId: string): Promise<Run | null> {
  const project = await db.prisma.project.findUnique({ where: { teamId_name: { teamId: viewer.teamId, name: projectName } } });
  return project ? findExternalRun(db, project.id, wandbId) : null;
}

export interface UpsertInput {
  name: string;
  project: string;
  displayName?: string | null;
  notes?: string | null;
  tags?: string[] | null;
  groupName?: string | null;
  jobType?: string | null;
  host?: string | null;
  program?: string | null;
  config?: JsonObject | null;
  summaryMetrics?: JsonObject | null;
  state?: string | null;
}

/** Serialise writers of one (project, W&B id) so two creates cannot both insert. */
const UPSERT_LOCK_SPACE = 7310;

/**
 * UpsertBucket: create the EXTERNAL run (RUNNING) or update it; a finished or crashed run upserted
 * again (resume) is RUNNING again. Only the fields given change; config replaces the user's keys.
 */
export async function upsertRun(db: Services, viewer: Viewer, input: UpsertInput): Promise<{ run: Run; project: Project; inserted: boolean }> {
  if (!/^[\w.-]{1,128}$/.test(input.name)) throw new WandbError(400, `run id "${input.name.slice(0, 60)}" must be 1–128 letters, digits, "_", "-" or "."`);
  if (input.project.length === 0 || input.project.length > 200) throw new WandbError(400, "project name must be 1–200 characters");
  const project = await projectByName(db, viewer, input.project);
  const tags = input.tags ? cleanTags(input.tags, "tags") : null;
  const userConfig = input.config ? unwrapConfig(input.config) : null;
  const clientT = input.config && isObject(input.config._wandb) && isObject(input.config._wandb.value) ? (input.config._wandb.value.t ?? null) : null;

  const result = await db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${UPSERT_LOCK_SPACE}::int, hashtext(${`${project.id}/${input.name}`}))`;
    const existing = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Run" WHERE "projectId" = ${project.id}::uuid AND kind = 'EXTERNAL' AND config->'_wandb'->>'id' = ${input.name} LIMIT 1`;
    let run: Run;
    let inserted = false;
    if (existing.length === 0) {
      run = await tx.run.create({
        data: {
          projectId: project.id,
          name: input.displayName || input.name,
          kind: "EXTERNAL",
          config: {},
          status: "RUNNING",
          startedAt: new Date(),
          tags: tags ?? [],
          notes: input.notes ?? null,
          host: input.host ?? null,
          backend: "wandb",
          authorId: viewer.userId,
        },
      });
      inserted = true;
    } else {
      const cur = await tx.run.findUniqueOrThrow({ where: { id: existing[0].id } });
      const resumed = cur.status !== "RUNNING";
      run = await tx.run.update({
        where: { id: cur.id },
        data: {
          ...(input.displayName ? { name: input.displayName } : {}),
          ...(tags ? { tags } : {}),
          ...(input.notes != null ? { notes: input.notes } : {}),
          ...(input.host ? { host: input.host } : {}),
          // A run upserted again after it ended is being resumed.
          ...(resumed && input.state !== "finished" ? { status: "RUNNING" as const, endedAt: null, error: null } : {}),
        },
      });
    }
    const old = runMeta(run);
    const meta: RunMeta = {
      ...(old ?? { offsets: { history: 0, events: 0, output: 0 } }),
      id: input.name,
      ...(input.groupName != null ? { group: input.groupName } : {}),
      ...(input.jobType != null ? { jobType: input.jobType } : {}),
      ...(input.program != null ? { program: input.program } : {}),
      ...(clientT !== null ? { t: clientT } : {}),
    };
    const base = isObject(run.config as Json) ? (run.config as JsonObject) : {};
    const kept = userConfig ?? Object.fromEntries(Object.entries(base).filter(([k]) => k !== META_KEY));
    const config = { ...kept, [META_KEY]: meta as unknown as Json };
    // A JSON text parameter stores floats exactly (Prisma's Json writes round them; see launchRun).
    await tx.$executeRaw`UPDATE "Run" SET config = ${JSON.stringify(config)}::jsonb WHERE id = ${run.id}::uuid`;
    return { run: await tx.run.findUniqueOrThrow({ where: { id: run.id } }), inserted };
  });
  let run = result.run;
  if (input.summaryMetrics) run = await applySummary(db, run, input.summaryMetrics);
  publishRun(db.pubsub, run);
  return { run, project, inserted: result.inserted };
}

/** Store a summary: finalMetrics (numeric, flattened), the efficiency columns and the raw summary. */
async function applySummary(db: Services, run: Run, summary: JsonObject): Promise<Run> {
  const f = summaryFacts(summary);
  await db.pool.query(
    `UPDATE "Run" SET "finalMetrics" = $2::jsonb, config = jsonb_set(config, '{${META_KEY},summary}', $3::jsonb),
       "trainImagesPerSec" = COALESCE($4, "trainImagesPerSec"), "peakMemoryBytes" = COALESCE($5::bigint, "peakMemoryBytes"),
       "wallTimeSec" = COALESCE($6, "wallTimeSec"), "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE id = $1::uuid`,
    [run.id, JSON.stringify(f.finalMetrics), JSON.stringify(summary), f.trainImagesPerSec, f.peakMemoryBytes?.toString() ?? null, f.runtimeSec],
  );
  return db.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
}

export interface FileChunk {
  offset: number;
  content: string[];
}

export interface StreamRequest {
  files?: Record<string, FileChunk>;
  complete?: boolean;
  exitcode?: number;
  preempting?: boolean;
  uploaded?: string[];
}

export interface StreamResult {
  points: number;
  duplicates: number;
  logLines: number;
  /** Keys skipped (not numeric), at most 20 distinct. */
  skipped: string[];
  /** Lines that were not JSON objects. */
  badLines: number;
}

const POINT_BATCH = 10_000;
const LOG_BATCH = 1000;

/**
 * One file_stream request: history → points at each row's `_step`; events (system metrics) →
 * `system/*` points at the event line's number; output.log → log lines at their line number;
 * wandb-summary.json → finalMetrics; `complete` → SUCCEEDED (exit code 0) or FAILED. Every write is
 * idempotent (points by (run, key, step), lines by (run, seq)), so a retried request changes nothing.
 */
export async function applyStream(db: Services, run: Run, req: StreamRequest): Promise<StreamResult> {
  const meta = runMeta(run) ?? { id: "", offsets: { history: 0, events: 0, output: 0 } };
  const res: StreamResult = { points: 0, duplicates: 0, logLines: 0, skipped: [], badLines: 0 };
  const skipped = new Set<string>();
  const files = req.files ?? {};
  const offsets = { ...meta.offsets };
  let historyTail: string | null = null;
  let eventsTail: string | null = null;
  const points: MetricPointInput[] = [];
  const walls: (Date | null)[] = [];

  const history = files["wandb-history.jsonl"];
  if (history && Array.isArray(history.content)) {
    for (const line of history.content) {
      const row = parseLine(line);
      const step = row && rowStep(row);
      if (!row || step === null) {
        res.badLines++;
        continue;
      }
      const flat = flattenNumeric(row);
      flat.skipped.forEach((k) => skipped.add(k));
      const wall = rowTime(row);
      for (const [key, value] of flat.values) {
        points.push({ key, step, value });
        walls.push(wall);
      }
    }
    if (history.content.length) historyTail = history.content[history.content.length - 1];
    offsets.history = Math.max(offsets.history, history.offset + history.content.length);
  }

  const events = files["wandb-events.jsonl"];
  if (events && Array.isArray(events.content)) {
    events.content.forEach((line, i) => {
      const row = parseLine(line);
      if (!row) {
        res.badLines++;
        return;
      }
      const flat = flattenEvents(row);
      const wall = rowTime(row);
      for (const [key, value] of flat.values) {
        points.push({ key, step: events.offset + i, value });
        walls.push(wall);
      }
    });
    if (events.content.length) eventsTail = events.content[events.content.length - 1];
    offsets.events = Math.max(offsets.events, events.offset + events.content.length);
  }

  for (let i = 0; i < points.length; i += POINT_BATCH) {
    const batch = points.slice(i, i + POINT_BATCH);
    const ins = await storePoints(db, run.id, batchOf(batch, walls.slice(i, i + POINT_BATCH)));
    res.points += ins.count;
    res.duplicates += batch.length - ins.count;
  }

  const output = files["output.log"];
  if (output && Array.isArray(output.content)) {
    const lines: RunLogLineInput[] = [];
    const times: (Date | null)[] = [];
    output.content.forEach((raw, i) => {
      const c = parseConsoleLine(typeof raw === "string" ? raw : String(raw));
      lines.push({ seq: output.offset + i, level: c.level, message: c.message });
      times.push(c.time);
    });
    for (let i = 0; i < lines.length; i += LOG_BATCH) {
      const ins = await insertLogLines(db, run.id, lines.slice(i, i + LOG_BATCH), times.slice(i, i + LOG_BATCH));
      res.logLines += ins.length;
      if (ins.length) await publishLogs(db.pubsub, run.id, ins);
    }
    offsets.output = Math.max(offsets.output, output.offset + output.content.length);
  }

  const summaryChunk = files["wandb-summary.json"];
  let current = run;
  if (summaryChunk && Array.isArray(summaryChunk.content) && summaryChunk.content.length) {
    const row = parseLine(summaryChunk.content[summaryChunk.content.length - 1]);
    if (row) current = await applySummary(db, run, row);
    else res.badLines++;
  }

  // Offsets, tails, and the heartbeat (updatedAt) in one statement; then the lifecycle.
  const done = req.complete === true;
  const exit = typeof req.exitcode === "number" ? req.exitcode : 0;
  const r = await db.pool.query<{ status: string }>(
    `UPDATE "Run" SET config = jsonb_set(jsonb_set(jsonb_set(config, '{${META_KEY},offsets}', $2::jsonb),
         '{${META_KEY},historyTail}', COALESCE(to_jsonb($3::text), config->'${META_KEY}'->'historyTail', 'null'::jsonb)),
         '{${META_KEY},eventsTail}', COALESCE(to_jsonb($4::text), config->'${META_KEY}'->'eventsTail', 'null'::jsonb)),
       "updatedAt" = now() AT TIME ZONE 'UTC',
       status = CASE WHEN $5 THEN (CASE WHEN $6::int = 0 THEN 'SUCCEEDED' ELSE 'FAILED' END)::"RunStatus"
                     WHEN status IN ('FAILED', 'SUCCEEDED') AND error LIKE 'crashed:%' THEN 'RUNNING'::"RunStatus" ELSE status END,
       "endedAt" = CASE WHEN $5 THEN now() AT TIME ZONE 'UTC' WHEN error LIKE 'crashed:%' THEN NULL ELSE "endedAt" END,
       error = CASE WHEN $5 AND $6::int <> 0 THEN 'exit code ' || $6::int WHEN $5 THEN NULL WHEN error LIKE 'crashed:%' THEN NULL ELSE error END,
       "wallTimeSec" = CASE WHEN $5 AND "wallTimeSec" IS NULL AND "startedAt" IS NOT NULL
                            THEN extract(epoch FROM (now() AT TIME ZONE 'UTC') - "startedAt") ELSE "wallTimeSec" END
     WHERE id = $1::uuid
     RETURNING status::text AS status`,
    [current.id, JSON.stringify(offsets), historyTail, eventsTail, done, exit],
  );
  if (done || r.rows[0]?.status !== current.status) publishRun(db.pubsub, current);
  res.skipped = [...skipped].slice(0, 20);
  return res;
}

function parseLine(line: unknown): JsonObject | null {
  if (typeof line !== "string") return null;
  try {
    const v: unknown = JSON.parse(line);
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * Crashed runs: EXTERNAL runs still RUNNING whose client has sent nothing (file_stream requests,
 * heart-beats included, touch `updatedAt`) for `staleMs` become FAILED with error `crashed: …`
 * (a client that comes back later sets them RUNNING again). Returns the runs marked.
 */
export async function sweepCrashedRuns(db: Services, staleMs: number): Promise<string[]> {
  const r = await db.pool.query<{ id: string; projectId: string }>(
    `UPDATE "Run" SET status = 'FAILED', "endedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC',
       error = 'crashed: no heartbeat from the wandb client for ' || $1::int / 1000 || ' s'
     WHERE kind = 'EXTERNAL' AND status = 'RUNNING' AND "updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1::int / 1000.0)
     RETURNING id, "projectId"`,
    [Math.max(1000, Math.round(staleMs))],
  );
  for (const row of r.rows) publishRun(db.pubsub, { id: row.id, projectId: row.projectId });
  return r.rows.map((x) => x.id);
}

/** The viewer's team (entity name = its slug). */
export function teamOf(db: Services, viewer: Viewer): Promise<Team> {
  return db.prisma.team.findUniqueOrThrow({ where: { id: viewer.teamId } });
}
