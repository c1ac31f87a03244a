import type { Resolvers, ReportResult, RunKind } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { isUuid, notFound } from "../errors";
import { loadProject } from "../services/access";
import { publishReport } from "../services/reports";

const resultsOf = (results: unknown): ReportResult[] =>
  Array.isArray(results) ? (results as ReportResult[]) : [];

export const reportResolvers: Resolvers = {
  Query: {
    reports: async (_p, { projectId }, ctx) => {
      const v = requireViewer(ctx);
      const project = await loadProject(ctx, v, projectId);
      return ctx.prisma.report.findMany({
        where: { projectId: project.id },
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      });
    },
    report: (_p, { id }, ctx) => {
      const v = requireViewer(ctx);
      return isUuid(id)
        ? ctx.prisma.report.findFirst({ where: { id, project: { teamId: v.teamId } } })
        : null;
    },
  },
  Mutation: {
    publishReport: (_p, { input }, ctx) => publishReport(ctx, requireScope(ctx, "MEMBER"), input),
  },
  Report: {
    project: async (r, _a, ctx) => {
      const p = await ctx.prisma.project.findUnique({ where: { id: r.projectId } });
      if (!p) throw notFound("project", r.projectId);
      return p;
    },
    results: (r) => resultsOf(r.results).map((x) => ({ ...x, runIds: x.runIds ?? [] })),
    kinds: (r) => [...new Set(resultsOf(r.results).map((x) => x.kind))] as RunKind[],
    settings: (r) => r.settings ?? {},
    runCount: (r) => r.runIds.length,
    runs: async (r, _a, ctx) => {
      if (!r.runIds.length) return [];
      // The report was loaded in the viewer's team; its runs are looked up there too.
      const rows = await ctx.prisma.run.findMany({
        where: { id: { in: r.runIds }, project: { teamId: requireViewer(ctx).teamId } },
      });
      const byId = new Map(rows.map((x) => [x.id, x]));
      return r.runIds.flatMap((id) => byId.get(id) ?? []);
    },
    plots: (r, _a, ctx) =>
      ctx.prisma.reportPlot.findMany({ where: { reportId: r.id }, orderBy: { position: "asc" } }),
  },
  ReportPlot: {
    bytes: (p) => p.data.length,
    base64: (p) => Buffer.from(p.data).toString("base64"),
    dataUrl: (p) => `data:${p.contentType};base64,${Buffer.from(p.data).toString("base64")}`,
  },
};
