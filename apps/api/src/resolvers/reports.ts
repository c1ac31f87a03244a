import type { Resolvers, ReportResult } from "../generated/resolvers";
import { requireScope, requireViewer } from "../auth";
import { findReport } from "../services/access";
import { getProject } from "../services/projects";
import { listReports, publishReport, reportPlots, reportRuns } from "../services/reports";

const resultsOf = (results: unknown): ReportResult[] =>
  Array.isArray(results) ? (results as ReportResult[]) : [];

export const reportResolvers: Resolvers = {
  Query: {
    reports: (_p, { projectId }, ctx) => listReports(ctx, requireViewer(ctx), projectId),
    report: (_p, { id }, ctx) => findReport(ctx, requireViewer(ctx), id),
  },
  Mutation: {
    publishReport: (_p, { input }, ctx) => publishReport(ctx, requireScope(ctx, "MEMBER"), input),
  },
  Report: {
    project: (r, _a, ctx) => getProject(ctx, r.projectId),
    results: (r) => resultsOf(r.results).map((x) => ({ ...x, runIds: x.runIds ?? [] })),
    kinds: (r) => [...new Set(resultsOf(r.results).map((x) => x.kind))],
    settings: (r) => r.settings ?? {},
    runCount: (r) => r.runIds.length,
    // The report was loaded in the viewer's team; its runs are looked up there too.
    runs: (r, _a, ctx) => reportRuns(ctx, requireViewer(ctx), r),
    plots: (r, _a, ctx) => reportPlots(ctx, r.id),
  },
  ReportPlot: {
    bytes: (p) => p.data.length,
    base64: (p) => Buffer.from(p.data).toString("base64"),
    dataUrl: (p) => `data:${p.contentType};base64,${Buffer.from(p.data).toString("base64")}`,
  },
};
