/**
 * Reproduction reports (`npm run reproduce` → `publishReport`): input validation, PNG checks and
 * the upsert on (project, name). Plots live in their own table so lists never read image bytes.
 */
import type { Prisma, Report, ReportPlot, Run } from "@loffta/db";
import type { Viewer } from "../auth";
import { badInput, isUniqueViolation, isUuid, type FieldError } from "../errors";
import type { PublishReportInput, ReportResult } from "../generated/resolvers";
import { loadProject, ownedRunIds, type TeamOf } from "./access";
import type { Db } from "./db";
import { runsInOrder } from "./runs";

/** Reports of a project of the viewer's team (NOT_FOUND for another team's project), newest first. */
export async function listReports(db: Db, viewer: TeamOf, projectId: string): Promise<Report[]> {
  const project = await loadProject(db, viewer, projectId);
  return db.prisma.report.findMany({ where: { projectId: project.id }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }] });
}

/** The runs of a report that still exist, in report order (looked up in the viewer's team). */
export function reportRuns(db: Db, viewer: TeamOf, report: Report): Promise<Run[]> {
  return report.runIds.length ? runsInOrder(db, viewer, report.runIds) : Promise.resolve([]);
}

/** Reports of the run's project that include it (an already-scoped run). */
export function reportsOfRun(db: Db, run: Pick<Run, "id" | "projectId">): Promise<Report[]> {
  return db.prisma.report.findMany({ where: { projectId: run.projectId, runIds: { has: run.id } }, orderBy: { updatedAt: "desc" } });
}

export function reportPlots(db: Db, reportId: string): Promise<ReportPlot[]> {
  return db.prisma.reportPlot.findMany({ where: { reportId }, orderBy: { position: "asc" } });
}

export const REPORT_LIMITS = {
  maxNameChars: 200,
  maxMetricChars: 200,
  maxMarkdownChars: 200_000,
  maxResults: 500,
  maxRuns: 1000,
  maxPlots: 8,
  /** Decoded PNG size; the HTTP body limit (2 MiB) bounds the whole request anyway. */
  maxPlotBytes: 512 * 1024,
  maxPlotTitleChars: 200,
  maxSettingsChars: 20_000,
} as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PLOT_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Width and height from a PNG's IHDR chunk, or null when `buf` is not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | null {
  if (buf.length < 33 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (buf.toString("latin1", 12, 16) !== "IHDR") return null;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

export interface ValidPlot {
  name: string;
  title: string | null;
  width: number;
  height: number;
  /** The PNG (a plain Uint8Array: what Prisma's Bytes takes). */
  data: Uint8Array<ArrayBuffer>;
}

export interface ValidReport {
  name: string;
  metric: string;
  markdown: string;
  results: ReportResult[];
  runIds: string[];
  plots: ValidPlot[];
  settings: Prisma.InputJsonObject;
}

const finite = (v: number | null | undefined) => v === null || v === undefined || Number.isFinite(v);

/** Everything wrong with a publishReport input, by dotted path (the run ids are checked later). */
export function validateReportInput(input: PublishReportInput): {
  report: ValidReport;
  fields: FieldError[];
} {
  const fields: FieldError[] = [];
  const bad = (path: string, message: string) => fields.push({ path, message });
  const name = input.name.trim();
  if (!name || name.length > REPORT_LIMITS.maxNameChars)
    bad("input.name", `must be 1–${REPORT_LIMITS.maxNameChars} characters`);
  const metric = input.metric.trim();
  if (!metric || metric.length > REPORT_LIMITS.maxMetricChars)
    bad("input.metric", `must be 1–${REPORT_LIMITS.maxMetricChars} characters`);
  if (input.markdown.length > REPORT_LIMITS.maxMarkdownChars)
    bad("input.markdown", `at most ${REPORT_LIMITS.maxMarkdownChars.toLocaleString("en-US")} characters`);

  const runIds = input.runIds;
  if (runIds.length > REPORT_LIMITS.maxRuns) bad("input.runIds", `at most ${REPORT_LIMITS.maxRuns} runs`);
  else {
    const seen = new Set<string>();
    runIds.forEach((id, i) => {
      if (!isUuid(id)) bad(`input.runIds.${i}`, `run ${id} not found`);
      else if (seen.has(id.toLowerCase())) bad(`input.runIds.${i}`, `run ${id} is listed twice`);
      seen.add(id.toLowerCase());
    });
  }
  const known = new Set(runIds.map((id) => id.toLowerCase()));

  const results: ReportResult[] = [];
  if (input.results.length > REPORT_LIMITS.maxResults)
    bad("input.results", `at most ${REPORT_LIMITS.maxResults} rows`);
  else
    input.results.forEach((r, i) => {
      const p = `input.results.${i}`;
      if (r.labelsPerClass != null && r.labelsPerClass < 1)
        bad(`${p}.labelsPerClass`, "must be at least 1 (or null for the whole dataset)");
      if (r.runCount < 0) bad(`${p}.runCount`, "must be at least 0");
      if (r.succeeded < 0 || r.succeeded > r.runCount)
        bad(`${p}.succeeded`, "must be between 0 and runCount");
      for (const k of [
        "metricMean",
        "metricStd",
        "imagesPerSec",
        "peakMemoryBytes",
        "speedup",
        "memorySaving",
      ] as const) {
        const v = r[k];
        if (!finite(v)) bad(`${p}.${k}`, "must be a finite number or null");
        else if (
          v != null &&
          k !== "metricMean" &&
          (k === "speedup" || k === "memorySaving" ? v <= 0 : v < 0)
        )
          bad(
            `${p}.${k}`,
            k === "speedup" || k === "memorySaving" ? "must be positive" : "must not be negative",
          );
      }
      const ids = r.runIds ?? [];
      ids.forEach((id, j) => {
        if (!known.has(id.toLowerCase())) bad(`${p}.runIds.${j}`, `run ${id} is not in input.runIds`);
      });
      results.push({
        kind: r.kind,
        labelsPerClass: r.labelsPerClass ?? null,
        runCount: r.runCount,
        succeeded: r.succeeded,
        metricMean: r.metricMean ?? null,
        metricStd: r.metricStd ?? null,
        imagesPerSec: r.imagesPerSec ?? null,
        peakMemoryBytes: r.peakMemoryBytes ?? null,
        speedup: r.speedup ?? null,
        memorySaving: r.memorySaving ?? null,
        runIds: ids,
      });
    });

  const plots: ValidPlot[] = [];
  const plotInputs = input.plots ?? [];
  if (plotInputs.length > REPORT_LIMITS.maxPlots)
    bad("input.plots", `at most ${REPORT_LIMITS.maxPlots} plots`);
  else {
    const names = new Set<string>();
    plotInputs.forEach((pl, i) => {
      const p = `input.plots.${i}`;
      if (!PLOT_NAME.test(pl.name) || !pl.name.toLowerCase().endsWith(".png"))
        bad(`${p}.name`, "must be 1–100 letters, digits, '.', '_' or '-' ending in .png");
      else if (names.has(pl.name)) bad(`${p}.name`, `${pl.name} is given twice`);
      names.add(pl.name);
      const title = pl.title?.trim() || null;
      if (title && title.length > REPORT_LIMITS.maxPlotTitleChars)
        bad(`${p}.title`, `at most ${REPORT_LIMITS.maxPlotTitleChars} characters`);
      const b64 = pl.pngBase64.replace(/\s+/g, "");
      // Checked before decoding: base64 is 4/3 of the bytes.
      if (b64.length > Math.ceil(REPORT_LIMITS.maxPlotBytes / 3) * 4 + 4) {
        bad(`${p}.pngBase64`, `the PNG is larger than ${REPORT_LIMITS.maxPlotBytes / 1024} KiB`);
        return;
      }
      if (!BASE64.test(b64) || b64.length % 4 === 1) {
        bad(`${p}.pngBase64`, "is not base64");
        return;
      }
      const data = Buffer.from(b64, "base64");
      const size = pngSize(data);
      if (data.length > REPORT_LIMITS.maxPlotBytes)
        bad(`${p}.pngBase64`, `the PNG is larger than ${REPORT_LIMITS.maxPlotBytes / 1024} KiB`);
      else if (!size) bad(`${p}.pngBase64`, "is not a PNG image");
      else plots.push({ name: pl.name, title, data: new Uint8Array(data), ...size });
    });
  }

  let settings: Prisma.InputJsonObject = {};
  if (input.settings !== undefined && input.settings !== null) {
    if (typeof input.settings !== "object" || Array.isArray(input.settings))
      bad("input.settings", "must be a JSON object");
    else if (JSON.stringify(input.settings).length > REPORT_LIMITS.maxSettingsChars)
      bad(
        "input.settings",
        `at most ${REPORT_LIMITS.maxSettingsChars.toLocaleString("en-US")} characters as JSON`,
      );
    else settings = input.settings as Prisma.InputJsonObject;
  }
  return { report: { name, metric, markdown: input.markdown, results, runIds, plots, settings }, fields };
}

function fail(fields: FieldError[]): never {
  const shown = fields.slice(0, 5).map((f) => `${f.path}: ${f.message}`);
  throw badInput(
    `invalid report: ${shown.join("; ")}${fields.length > 5 ? ` (and ${fields.length - 5} more)` : ""}`,
    fields,
  );
}

/** Validate, check the runs belong to the caller's team, and create or replace the report. */
export async function publishReport(
  db: Db,
  viewer: Viewer,
  input: PublishReportInput,
): Promise<Report> {
  const project = await loadProject(db, viewer, input.projectId);
  const { report: r, fields } = validateReportInput(input);
  if (fields.length) fail(fields);

  // Runs of another team are reported exactly like unknown ones (existence is never revealed).
  const found = await ownedRunIds(db, viewer, r.runIds);
  const missing = r.runIds.flatMap((id, i) =>
    found.has(id.toLowerCase()) ? [] : [{ path: `input.runIds.${i}`, message: `run ${id} not found` }],
  );
  if (missing.length) fail(missing);

  const data = {
    metric: r.metric,
    markdown: r.markdown,
    results: r.results as unknown as Prisma.InputJsonArray,
    settings: r.settings,
    runIds: r.runIds,
  };
  const write = () =>
    db.prisma.$transaction(async (tx) => {
      const report = await tx.report.upsert({
        where: { projectId_name: { projectId: project.id, name: r.name } },
        create: { projectId: project.id, name: r.name, ...data },
        // Always bump updatedAt, even when the content is identical.
        update: { ...data, updatedAt: new Date() },
      });
      // Prisma's JS engine rounds floats inside Json values it writes (1.1644043019547792 is
      // stored as 1.164404301954779); a JSON text parameter keeps every digit, so the report
      // reads back exactly the numbers that were published.
      await tx.$executeRaw`UPDATE "Report" SET "results" = ${JSON.stringify(r.results)}::jsonb, "settings" = ${JSON.stringify(r.settings)}::jsonb WHERE "id" = ${report.id}::uuid`;
      await tx.reportPlot.deleteMany({ where: { reportId: report.id } });
      if (r.plots.length)
        await tx.reportPlot.createMany({
          data: r.plots.map((p, position) => ({
            reportId: report.id,
            position,
            contentType: "image/png",
            ...p,
          })),
        });
      return tx.report.findUniqueOrThrow({ where: { id: report.id } });
    });
  try {
    return await write();
  } catch (e) {
    // Two first publications of one name raced: the loser replaces the winner's report.
    if (!isUniqueViolation(e)) throw e;
    return write();
  }
}
