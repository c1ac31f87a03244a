/**
 * Team scoping, in one place: every service reads another aggregate's rows for a caller through
 * these functions, so another team's rows are reported as NOT_FOUND (or null), never revealed.
 * - `teamScope.<aggregate>(viewer)`: the Prisma `where` of the rows the viewer's team owns.
 * - `loadX(db, viewer, id)`: one row, or NOT_FOUND (mutations, subscriptions, checks).
 * - `findX(db, viewer, id)`: one row, or null (single-object queries such as `run(id)`).
 * - `runsOfTeamSql`, `jobsOfTeamSql`: the same conditions for the raw SQL of the hot paths.
 * Rows reached from an already-scoped parent (a run's project, a cache's model) are read by id
 * in their own service.
 */
import type { Viewer } from "../auth";
import { isUuid, notFound } from "../errors";
import type { Db } from "./db";

/** Who a scoped read is for: only the team matters. */
export type TeamOf = Pick<Viewer, "teamId">;

/** Prisma `where` of each aggregate's rows owned by the viewer's team. */
export const teamScope = {
  project: (v: TeamOf) => ({ teamId: v.teamId }),
  run: (v: TeamOf) => ({ project: { teamId: v.teamId } }),
  dataset: (v: TeamOf) => ({ teamId: v.teamId }),
  model: (v: TeamOf) => ({ teamId: v.teamId }),
  cache: (v: TeamOf) => ({ dataset: { teamId: v.teamId } }),
  calibration: (v: TeamOf) => ({ model: { teamId: v.teamId } }),
  report: (v: TeamOf) => ({ project: { teamId: v.teamId } }),
  worker: (v: TeamOf) => ({ teamId: v.teamId }),
  job: (v: TeamOf) => ({ teamId: v.teamId }),
  token: (v: TeamOf) => ({ teamId: v.teamId }),
  user: (v: TeamOf) => ({ teamId: v.teamId }),
};

/**
 * SQL condition "run `alias` belongs to the team in parameter `teamParam`" (e.g. `$1`), for the
 * raw queries of the hot paths.
 */
export const runsOfTeamSql = (alias: string, teamParam: string): string =>
  `${alias}."projectId" IN (SELECT p.id FROM "Project" p WHERE p."teamId" = ${teamParam}::uuid)`;

/** SQL condition "job `alias` (the table itself when omitted) belongs to the team in `teamParam`" (the queue's claims). */
export const jobsOfTeamSql = (alias: string | null, teamParam: string): string => `${alias ? `${alias}.` : ""}"teamId" = ${teamParam}::uuid`;

/** Malformed ids match nothing (callers report them as NOT_FOUND / null, like unknown ones). */
const byId = (id: string) => (isUuid(id) ? id : null);

export async function findProject(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.project.findFirst({ where: { id: uuid, ...teamScope.project(viewer) } }) : null;
}

export async function loadProject(db: Db, viewer: TeamOf, id: string) {
  const p = await findProject(db, viewer, id);
  if (!p) throw notFound("project", id);
  return p;
}

export async function findRun(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.run.findFirst({ where: { id: uuid, ...teamScope.run(viewer) } }) : null;
}

export async function loadRun(db: Db, viewer: TeamOf, id: string) {
  const r = await findRun(db, viewer, id);
  if (!r) throw notFound("run", id);
  return r;
}

/** The ids among `ids` of runs of the viewer's team (malformed ids are left out). */
export async function ownedRunIds(db: Db, viewer: TeamOf, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Set();
  const rows = await db.prisma.run.findMany({ where: { id: { in: valid }, ...teamScope.run(viewer) }, select: { id: true } });
  return new Set(rows.map((r) => r.id.toLowerCase()));
}

/** Every one of `ids` is a run of the viewer's team, else NOT_FOUND naming the first that is not. */
export async function checkRunsOwned(db: Db, viewer: TeamOf, ids: string[]): Promise<void> {
  const owned = await ownedRunIds(db, viewer, ids);
  const missing = ids.find((id) => !owned.has(id.toLowerCase()));
  if (missing !== undefined) throw notFound("run", missing);
}

export async function findDataset(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.dataset.findFirst({ where: { id: uuid, ...teamScope.dataset(viewer) } }) : null;
}

export async function loadDataset(db: Db, viewer: TeamOf, id: string) {
  const d = await findDataset(db, viewer, id);
  if (!d) throw notFound("dataset", id);
  return d;
}

export async function findModel(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.foundationModel.findFirst({ where: { id: uuid, ...teamScope.model(viewer) } }) : null;
}

export async function loadModel(db: Db, viewer: TeamOf, id: string) {
  const m = await findModel(db, viewer, id);
  if (!m) throw notFound("foundation model", id);
  return m;
}

export async function findCache(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.featureCache.findFirst({ where: { id: uuid, ...teamScope.cache(viewer) } }) : null;
}

export async function loadCache(db: Db, viewer: TeamOf, id: string) {
  const c = await findCache(db, viewer, id);
  if (!c) throw notFound("feature cache", id);
  return c;
}

export async function findReport(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.report.findFirst({ where: { id: uuid, ...teamScope.report(viewer) } }) : null;
}

export async function findWorker(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.worker.findFirst({ where: { id: uuid, ...teamScope.worker(viewer) } }) : null;
}

export async function loadWorker(db: Db, viewer: TeamOf, id: string) {
  const w = await findWorker(db, viewer, id);
  if (!w) throw notFound("worker", id);
  return w;
}

export async function findJob(db: Db, viewer: TeamOf, id: string) {
  const uuid = byId(id);
  return uuid ? db.prisma.job.findFirst({ where: { id: uuid, ...teamScope.job(viewer) } }) : null;
}

export async function loadJob(db: Db, viewer: TeamOf, id: string) {
  const j = await findJob(db, viewer, id);
  if (!j) throw notFound("job", id);
  return j;
}
