/** Team-scoped loads: another team's rows are reported as NOT_FOUND, never revealed. */
import type { Context } from "../context";
import { isUuid, notFound } from "../errors";
import type { Viewer } from "../auth";

export async function loadProject(ctx: Context, viewer: Viewer, id: string) {
  const p = isUuid(id) ? await ctx.prisma.project.findUnique({ where: { id } }) : null;
  if (!p || p.teamId !== viewer.teamId) throw notFound("project", id);
  return p;
}

export async function loadRun(ctx: Context, viewer: Viewer, id: string) {
  const r = isUuid(id) ? await ctx.prisma.run.findUnique({ where: { id }, include: { project: { select: { teamId: true } } } }) : null;
  if (!r || r.project.teamId !== viewer.teamId) throw notFound("run", id);
  const { project: _p, ...run } = r;
  return run;
}

export async function loadDataset(ctx: Context, viewer: Viewer, id: string) {
  const d = isUuid(id) ? await ctx.prisma.dataset.findUnique({ where: { id } }) : null;
  if (!d || d.teamId !== viewer.teamId) throw notFound("dataset", id);
  return d;
}

export async function loadModel(ctx: Context, viewer: Viewer, id: string) {
  const m = isUuid(id) ? await ctx.prisma.foundationModel.findUnique({ where: { id } }) : null;
  if (!m || m.teamId !== viewer.teamId) throw notFound("foundation model", id);
  return m;
}

export async function loadCache(ctx: Context, viewer: Viewer, id: string) {
  const c = isUuid(id) ? await ctx.prisma.featureCache.findUnique({ where: { id }, include: { dataset: { select: { teamId: true } } } }) : null;
  if (!c || c.dataset.teamId !== viewer.teamId) throw notFound("feature cache", id);
  const { dataset: _d, ...cache } = c;
  return cache;
}

export async function loadWorker(ctx: Context, viewer: Viewer, id: string) {
  const w = isUuid(id) ? await ctx.prisma.worker.findUnique({ where: { id } }) : null;
  if (!w || w.teamId !== viewer.teamId) throw notFound("worker", id);
  return w;
}

export async function loadJob(ctx: Context, viewer: Viewer, id: string) {
  const j = isUuid(id) ? await ctx.prisma.job.findUnique({ where: { id } }) : null;
  if (!j || j.teamId !== viewer.teamId) throw notFound("job", id);
  return j;
}
