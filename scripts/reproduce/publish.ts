/**
 * Publish a report folder written by `npm run reproduce` (report.json, report.md, PNG plots) to the
 * API with `publishReport`, so the dashboard shows it at /reports/<id>. Idempotent: the API
 * replaces the project's report of the same name.
 */
import fs from "node:fs";
import path from "node:path";
import { ProjectsDocument, PublishReportDocument, type RunKind } from "../generated/graphql";
import type { Api } from "./client";

/** A result row as report.json stores it (`n` runs of which `succeeded` SUCCEEDED). */
export interface ReportJsonAggregate {
  kind: RunKind;
  labelsPerClass: number | null;
  n: number;
  succeeded: number;
  metricMean: number | null;
  metricStd: number | null;
  imagesPerSec: number | null;
  peakMemoryBytes: number | null;
  speedup: number | null;
  memorySaving: number | null;
  runIds?: string[];
}

/** What publishing needs from report.json (older files lack projectId, plots and runIds). */
export interface ReportJson {
  name: string;
  projectId?: string;
  metric: string;
  runs: { id: string; kind: RunKind; labelsPerClass: number | null }[];
  aggregates: ReportJsonAggregate[];
  plots?: { file: string; title: string | null }[];
  [setting: string]: unknown;
}

export interface PublishedReport {
  id: string;
  name: string;
  /** The report's page in the dashboard. */
  url: string;
}

/** Settings shown with the report: everything in report.json but the rows and plots. */
const SETTINGS_KEYS = [
  "datasetId",
  "dataset",
  "modelId",
  "model",
  "resolution",
  "epochs",
  "batchSize",
  "seeds",
];

export function dashboardUrl(webUrl: string, reportId: string): string {
  return `${webUrl.replace(/\/+$/, "")}/reports/${reportId}`;
}

export async function publishReportDir(
  api: Api,
  dir: string,
  opts: { projectId?: string; webUrl: string },
): Promise<PublishedReport> {
  const read = (f: string) => {
    try {
      return fs.readFileSync(path.join(dir, f));
    } catch (e) {
      throw new Error(`cannot read ${path.join(dir, f)}: ${(e as Error).message}`);
    }
  };
  const json = JSON.parse(read("report.json").toString("utf8")) as ReportJson;
  const markdown = read("report.md").toString("utf8");
  let projectId = opts.projectId ?? json.projectId;
  if (!projectId) {
    const { projects } = await api.request(ProjectsDocument, {});
    projectId = projects[0]?.id;
    if (!projectId) throw new Error("no project in this team: pass --project");
  }
  // report.json names its plots; older folders: every PNG in the folder.
  const listed =
    json.plots ??
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort()
      .map((file) => ({ file, title: null }));
  const plots = listed
    .filter((p) => fs.existsSync(path.join(dir, p.file)))
    .map((p) => ({ name: p.file, title: p.title, pngBase64: read(p.file).toString("base64") }));
  const settings = Object.fromEntries(SETTINGS_KEYS.filter((k) => k in json).map((k) => [k, json[k]]));
  const { publishReport } = await api.request(PublishReportDocument, {
    input: {
      projectId,
      name: json.name,
      metric: json.metric,
      markdown,
      runIds: json.runs.map((r) => r.id),
      results: json.aggregates.map((a) => ({
        kind: a.kind,
        labelsPerClass: a.labelsPerClass,
        runCount: a.n,
        succeeded: a.succeeded,
        metricMean: a.metricMean,
        metricStd: a.metricStd,
        imagesPerSec: a.imagesPerSec,
        peakMemoryBytes: a.peakMemoryBytes,
        speedup: a.speedup,
        memorySaving: a.memorySaving,
        runIds:
          a.runIds ??
          json.runs
            .filter((r) => r.kind === a.kind && r.labelsPerClass === a.labelsPerClass)
            .map((r) => r.id),
      })),
      plots,
      settings,
    },
  });
  return { ...publishReport, url: dashboardUrl(opts.webUrl, publishReport.id) };
}
