/**
 * `npm run reproduce`: the paper's comparison on one dataset × foundation model, through the API.
 * For each labels-per-class setting (a train subset registered as its own dataset) and seed, the
 * four run kinds get the same budget (epochs, batch, seed): UNFROZEN_LINEAR (fine-tuning) first,
 * FROZEN_LINEAR, LOFF and LOFF_TA with the fine-tuning run as their `baselineRunId`. The worker(s)
 * run them; this waits, then writes `<out>/report.md`, `report.json` and PNG plots, and publishes
 * them to the API (`publishReport`) so the dashboard shows the report at /reports/<id>.
 */
import fs from "node:fs";
import path from "node:path";
import { BASELINE_KINDS, RUN_KIND_ORDER, RUN_KINDS, type MetricName } from "@loffta/graphql/domain";
import {
  DatasetsDocument,
  LaunchRunDocument,
  RegisterDatasetDocument,
  ReproduceRunDocument,
  ReproduceSetupDocument,
  RequestFeatureCacheDocument,
  RunEfficiencyDocument,
  type ReproduceRunQuery,
  type RunKind,
} from "../generated/graphql";
import { ApiError, type Api } from "./client";
import { barChartSvg, lineChartSvg, writePng } from "./plots";
import { publishReportDir, type PublishedReport } from "./publish";
import { writeLabelSubset } from "./subset";

/**
 * Every run kind (the catalogue's RUN_KINDS), the fine-tuning baseline kinds first: the others of
 * the same setting and seed name that run as their `baselineRunId`.
 */
export const KINDS: readonly RunKind[] = [
  ...BASELINE_KINDS,
  ...RUN_KIND_ORDER.filter((k) => !BASELINE_KINDS.includes(k)),
];
export type Kind = RunKind;

export interface ReproduceOptions {
  api: Api;
  datasetId: string;
  modelId: string;
  projectId?: string;
  name?: string;
  /** Train images per class; empty: the dataset as registered. */
  labelsPerClass: number[];
  seeds: number[];
  kinds?: Kind[];
  epochs: number;
  batchSize: number;
  /** Classifier preset of LOFF / LOFF_TA runs (default "tiny"). */
  preset?: string;
  resolution?: number;
  /** The metric of the report (a name of the catalogue's METRICS; default accuracy). */
  metric?: MetricName;
  /** Where the report goes (default reports/<name>). */
  out?: string;
  /** Where labels-per-class subsets are written (must be readable by the API and workers). */
  dataDir: string;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Publish the report to the API after writing it (default true). */
  publish?: boolean;
  /** The dashboard's URL, for the report's link (default http://localhost:3000). */
  webUrl?: string;
}

export interface RunRow {
  id: string;
  name: string;
  kind: Kind;
  seed: number;
  status: string;
  labelsPerClass: number | null;
  trainImagesPerSec: number | null;
  peakMemoryBytes: number | null;
  wallTimeSec: number | null;
  /** The run's evaluation metrics by name (`Run.finalMetrics`: metrics only). */
  finalMetrics: Record<string, unknown> | null;
  /** The split and size of that evaluation. */
  evalSplit: string | null;
  evalCount: number | null;
  error: string | null;
  speedup: number | null;
  memorySaving: number | null;
  baselineSource: string | null;
}

export interface Aggregate {
  kind: Kind;
  labelsPerClass: number | null;
  n: number;
  succeeded: number;
  metricMean: number | null;
  metricStd: number | null;
  imagesPerSec: number | null;
  peakMemoryBytes: number | null;
  speedup: number | null;
  memorySaving: number | null;
  /** The runs of the group (all of them, also those that failed). */
  runIds: string[];
}

export interface ReproduceResult {
  out: string;
  reportMd: string;
  runs: RunRow[];
  aggregates: Aggregate[];
  /** The published report (null when publishing was off or failed). */
  report: PublishedReport | null;
  /** Why publishing failed; the files in `out` are written regardless. */
  publishError: string | null;
}

/** Everything report.md, report.json and the plots are made of (report.json holds it all). */
export interface ReportData {
  name: string;
  projectId: string;
  datasetId: string;
  dataset: string;
  modelId: string;
  /** "name (family)". */
  model: string;
  resolution: number;
  metric: string;
  epochs: number;
  batchSize: number;
  seeds: number[];
  runs: RunRow[];
  aggregates: Aggregate[];
  /** The paragraph under the title (default: the `npm run reproduce` protocol). */
  description?: string;
  /** What wrote it, for the last line (default `npm run reproduce`). */
  generatedBy?: string;
}

export const PLOTS = (metric: string) => [
  { file: "accuracy.png", title: `${metric} vs labels per class` },
  { file: "efficiency.png", title: "training throughput and peak memory" },
];

const TERMINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export const mean = (v: number[]): number | null =>
  v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
/** Sample standard deviation (n − 1); 0 for a single value. */
export const std = (v: number[]): number | null => {
  const m = mean(v);
  if (m === null) return null;
  return v.length < 2 ? 0 : Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
};
const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const nums = (v: (number | null | undefined)[]): number[] =>
  v.filter((x): x is number => typeof x === "number" && Number.isFinite(x));

export async function findOrRegisterDataset(api: Api, name: string, rootUri: string): Promise<string> {
  try {
    const r = await api.request(RegisterDatasetDocument, {
      input: { name, rootUri, layout: "IMAGE_FOLDER" },
    });
    return r.registerDataset.id;
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== "CONFLICT") throw e;
    const { datasets } = await api.request(DatasetsDocument, {});
    const d = datasets.find((x) => x.name === name);
    if (!d || path.resolve(d.rootUri) !== path.resolve(rootUri))
      throw new Error(`a dataset named "${name}" exists with another root (${d?.rootUri ?? "?"})`);
    return d.id;
  }
}

export async function reproduce(o: ReproduceOptions): Promise<ReproduceResult> {
  const { api } = o;
  const log = o.log ?? ((l: string) => process.stderr.write(`reproduce | ${l}\n`));
  const kinds = o.kinds ?? [...KINDS];
  const metric = o.metric ?? "accuracy";
  const {
    dataset,
    foundationModel: model,
    projects,
  } = await api.request(ReproduceSetupDocument, { datasetId: o.datasetId, modelId: o.modelId });
  if (!dataset) throw new Error(`dataset ${o.datasetId} not found`);
  if (!model) throw new Error(`foundation model ${o.modelId} not found`);
  const projectId = o.projectId ?? projects[0]?.id;
  if (!projectId) throw new Error("no project in this team: pass --project");
  const name = (o.name ?? `${dataset.name}--${model.name}`).replace(/[^A-Za-z0-9._-]+/g, "-");
  const out = path.resolve(o.out ?? path.join(__dirname, "../../reports", name));
  const resolution = o.resolution ?? model.defaultImageSize;
  const tag = `reproduce:${name}`;

  // 1. One dataset (and cache) per labels-per-class setting.
  const settings: { lpc: number | null; datasetId: string }[] = [];
  if (!o.labelsPerClass.length) settings.push({ lpc: null, datasetId: dataset.id });
  for (const lpc of o.labelsPerClass) {
    const dir = path.resolve(
      o.dataDir,
      "subsets",
      `${dataset.name}-lpc${lpc}-${dataset.id.slice(0, 8)}`.replace(/[^A-Za-z0-9._-]+/g, "-"),
    );
    writeLabelSubset(dataset.rootUri.replace(/^file:\/\//, ""), dir, lpc);
    settings.push({
      lpc,
      datasetId: await findOrRegisterDataset(api, `${dataset.name}-lpc${lpc}-${dataset.id.slice(0, 8)}`, dir),
    });
  }
  const caches: string[] = [];
  for (const s of settings) {
    const r = await api.request(RequestFeatureCacheDocument, {
      input: { datasetId: s.datasetId, modelId: model.id, resolution },
    });
    caches.push(r.requestFeatureCache.id);
  }

  // 2. Equal budgets: same epochs, batch and seed for every kind.
  const base = {
    epochs: o.epochs,
    batchSize: o.batchSize,
    microBatch: Math.min(o.batchSize, 8),
    earlyStopping: { enabled: false },
    schedule: { warmupEpochs: Math.min(1, o.epochs - 1) },
  };
  // Each kind's policy (augmentations, a fixed linear head for the image baselines) is applied
  // by the API (resolveRunConfig): only the classifier of the cache kinds is chosen here.
  const configFor = (kind: Kind): Record<string, unknown> =>
    RUN_KINDS[kind].fixedPreset ? { ...base } : { ...base, classifier: { preset: o.preset ?? "tiny" } };
  const launched: { id: string; lpc: number | null }[] = [];
  for (let i = 0; i < settings.length; i++) {
    const lpc = settings[i].lpc;
    for (const seed of o.seeds) {
      let baselineRunId: string | undefined;
      for (const kind of kinds) {
        const runName = `${name}/${kind.toLowerCase()}${lpc === null ? "" : `/lpc${lpc}`}/seed${seed}`;
        const { launchRun } = await api.request(LaunchRunDocument, {
          input: {
            projectId,
            name: runName,
            kind,
            cacheId: caches[i],
            config: configFor(kind),
            seed,
            tags: ["reproduce", tag, `lpc:${lpc ?? "all"}`],
            // The runs on cached features are measured against the fine-tuning run.
            baselineRunId: RUN_KINDS[kind].readsCache ? baselineRunId : undefined,
          },
        });
        if (RUN_KINDS[kind].canBeBaseline) baselineRunId = launchRun.id;
        launched.push({ id: launchRun.id, lpc });
      }
    }
  }
  log(
    `${launched.length} runs launched (${kinds.join(", ")} × ${o.seeds.length} seed(s) × ${settings.length} label setting(s)); waiting for the worker(s)…`,
  );

  // 3. Wait.
  const deadline = Date.now() + (o.timeoutMs ?? 6 * 3600_000);
  let rows: NonNullable<ReproduceRunQuery["run"]>[] = [];
  let last = "";
  for (;;) {
    rows = [];
    for (const l of launched) {
      const { run } = await api.request(ReproduceRunDocument, { id: l.id });
      if (!run) throw new Error(`run ${l.id} disappeared`);
      rows.push(run);
    }
    const done = rows.filter((r) => TERMINAL.has(r.status)).length;
    const line = `${done}/${launched.length} runs finished`;
    if (line !== last) log((last = line));
    if (done === launched.length) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for runs (${line})`);
    await new Promise((r) => setTimeout(r, 1000));
  }

  // 4. Efficiency as the API computes it (speed-up and memory saving vs fine-tuning).
  const runs = await runRows(api, launched, rows);
  const aggregates = aggregate(
    runs,
    kinds,
    settings.map((s) => s.lpc),
    metric,
  );
  const written = await writeReport(
    out,
    {
      name,
      projectId,
      datasetId: dataset.id,
      dataset: dataset.name,
      modelId: model.id,
      model: `${model.name} (${model.family})`,
      resolution,
      metric,
      epochs: o.epochs,
      batchSize: o.batchSize,
      seeds: o.seeds,
      runs,
      aggregates,
    },
    { api: o.publish === false ? undefined : api, webUrl: o.webUrl, log },
  );
  return { out, runs, aggregates, ...written };
}

/**
 * The report's rows of `launched` runs (read again when `rows` are not given), with speed-up and
 * memory saving as the API computes them (`compareRuns.efficiency`: against each run's
 * `baselineRunId`, else its fine-tuning calibration).
 */
export async function runRows(
  api: Api,
  launched: { id: string; lpc: number | null }[],
  rows?: NonNullable<ReproduceRunQuery["run"]>[],
): Promise<RunRow[]> {
  if (!rows) {
    rows = [];
    for (const l of launched) {
      const { run } = await api.request(ReproduceRunDocument, { id: l.id });
      if (!run) throw new Error(`run ${l.id} disappeared`);
      rows.push(run);
    }
  }
  const eff = new Map<
    string,
    { speedup: number | null; memorySaving: number | null; baselineSource: string | null }
  >();
  for (let i = 0; i < launched.length; i += 20) {
    const { compareRuns } = await api.request(RunEfficiencyDocument, {
      ids: launched.slice(i, i + 20).map((l) => l.id),
    });
    for (const e of compareRuns.efficiency) eff.set(e.run.id, e);
  }
  return rows.map((r, i) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    seed: r.seed,
    status: r.status,
    labelsPerClass: launched[i].lpc,
    trainImagesPerSec: r.trainImagesPerSec ?? null,
    peakMemoryBytes: r.peakMemoryBytes ?? null,
    wallTimeSec: r.wallTimeSec ?? null,
    finalMetrics: isRecord(r.finalMetrics) ? r.finalMetrics : null,
    evalSplit: r.evalSplit ?? null,
    evalCount: r.evalCount ?? null,
    error: r.error ?? null,
    speedup: eff.get(r.id)?.speedup ?? null,
    memorySaving: eff.get(r.id)?.memorySaving ?? null,
    baselineSource: eff.get(r.id)?.baselineSource ?? null,
  }));
}

/**
 * Write report.md, report.json and the PNG plots to `out`, then (with an `api`) publish them.
 * A failed publication never loses the files: it is logged and returned as `publishError`
 * (`npm run reproduce -- --publish <out>` publishes the folder again later).
 */
export async function writeReport(
  out: string,
  data: ReportData,
  opts: { api?: Api; webUrl?: string; log: (line: string) => void },
): Promise<{ reportMd: string; report: PublishedReport | null; publishError: string | null }> {
  fs.mkdirSync(out, { recursive: true });
  const reportMd = renderReport(data);
  const plots = PLOTS(data.metric);
  fs.writeFileSync(path.join(out, "report.md"), reportMd);
  fs.writeFileSync(path.join(out, "report.json"), JSON.stringify({ ...data, plots }, null, 2) + "\n");
  await writePlots(out, data.aggregates, data.metric);
  opts.log(`report: ${path.join(out, "report.md")}`);
  if (!opts.api) return { reportMd, report: null, publishError: null };
  try {
    const report = await publishReportDir(opts.api, out, {
      projectId: data.projectId,
      webUrl: opts.webUrl ?? "http://localhost:3000",
    });
    opts.log(`published: report ${report.id} — ${report.url}`);
    return { reportMd, report, publishError: null };
  } catch (e) {
    const publishError = e instanceof Error ? e.message : String(e);
    opts.log(`NOT published (the files in ${out} are written): ${publishError}`);
    return { reportMd, report: null, publishError };
  }
}

export function aggregate(
  runs: RunRow[],
  kinds: readonly Kind[],
  lpcs: (number | null)[],
  metric: string,
): Aggregate[] {
  const res: Aggregate[] = [];
  for (const lpc of lpcs)
    for (const kind of kinds) {
      const group = runs.filter((r) => r.kind === kind && r.labelsPerClass === lpc);
      const ok = group.filter((r) => r.status === "SUCCEEDED");
      const runIds = group.map((r) => r.id);
      const m = nums(ok.map((r) => r.finalMetrics?.[metric] as number | undefined));
      res.push({
        kind,
        labelsPerClass: lpc,
        n: group.length,
        succeeded: ok.length,
        metricMean: mean(m),
        metricStd: std(m),
        imagesPerSec: mean(nums(ok.map((r) => r.trainImagesPerSec))),
        peakMemoryBytes: mean(nums(ok.map((r) => r.peakMemoryBytes))),
        speedup: mean(nums(ok.map((r) => r.speedup))),
        memorySaving: mean(nums(ok.map((r) => r.memorySaving))),
        runIds,
      });
    }
  return res;
}

export const fmtMetric = (m: number | null, s: number | null): string =>
  m === null ? "—" : `${m.toFixed(3)} ± ${(s ?? 0).toFixed(3)}`;
export const fmtNum = (v: number | null, digits = 1, unit = ""): string =>
  v === null ? "—" : `${v.toFixed(digits)}${unit}`;
export const fmtMiB = (b: number | null): string => (b === null ? "—" : `${(b / 2 ** 20).toFixed(0)} MiB`);

function renderReport(r: ReportData): string {
  const lines = [
    `# Reproduction report: ${r.name}`,
    "",
    r.description ??
      `Dataset **${r.dataset}**, foundation model **${r.model}** at ${r.resolution}×${r.resolution}; every kind trained with the same budget: ${r.epochs} epoch(s), batch ${r.batchSize}, seeds ${r.seeds.join(", ")}. Metric: ${r.metric} on the evaluation split (mean ± sample std over seeds). Speed-up and memory saving are the API's (\`compareRuns.efficiency\`): run images/s ÷ fine-tuning images/s and fine-tuning peak memory ÷ run peak memory, against the UNFROZEN_LINEAR run of the same seed (or a calibration when that run failed).`,
    "",
    "## Results",
    "",
    `| labels / class | kind | runs ok | ${r.metric} | train images/s | peak memory | speed-up vs fine-tuning | memory saving |`,
    "|---|---|---|---|---|---|---|---|",
    ...r.aggregates.map(
      (a) =>
        `| ${a.labelsPerClass ?? "all"} | ${a.kind} | ${a.succeeded}/${a.n} | ${fmtMetric(a.metricMean, a.metricStd)} | ${fmtNum(a.imagesPerSec)} | ${fmtMiB(a.peakMemoryBytes)} | ${fmtNum(a.speedup, 2, "×")} | ${fmtNum(a.memorySaving, 2, "×")} |`,
    ),
    "",
    ...PLOTS(r.metric)
      .flatMap((p) => [`![${p.title}](${p.file})`, ""])
      .slice(0, -1),
    "",
    "## Runs",
    "",
    `| run | id | status | ${r.metric} | images/s | peak memory | wall time | speed-up | baseline |`,
    "|---|---|---|---|---|---|---|---|---|",
    ...r.runs.map(
      (x) =>
        `| ${x.name} | \`${x.id}\` | ${x.status}${x.error ? ` (${x.error.replace(/\|/g, "/").replace(/\s+/g, " ").slice(0, 120)})` : ""} | ${typeof x.finalMetrics?.[r.metric] === "number" ? (x.finalMetrics[r.metric] as number).toFixed(3) : "—"} | ${fmtNum(x.trainImagesPerSec)} | ${fmtMiB(x.peakMemoryBytes)} | ${fmtNum(x.wallTimeSec, 1, " s")} | ${fmtNum(x.speedup, 2, "×")} | ${x.baselineSource ?? "—"} |`,
    ),
    "",
    `Generated ${new Date().toISOString()} by ${r.generatedBy ?? "`npm run reproduce`"}; raw numbers in \`report.json\`.`,
    "",
  ];
  return lines.join("\n");
}

async function writePlots(out: string, aggregates: Aggregate[], metric: string): Promise<void> {
  const kinds = [...new Set(aggregates.map((a) => a.kind))];
  const series = kinds.map((k) => ({
    name: k,
    points: aggregates
      .filter((a) => a.kind === k && a.metricMean !== null)
      .map((a) => ({ x: a.labelsPerClass ?? 0, y: a.metricMean!, err: a.metricStd ?? 0 })),
  }));
  await writePng(
    lineChartSvg(
      `${metric} vs labels per class`,
      "labels per class (train images per class)",
      metric,
      series,
    ),
    path.join(out, "accuracy.png"),
  );
  const label = (a: Aggregate) => `${a.kind}${a.labelsPerClass === null ? "" : ` @${a.labelsPerClass}`}`;
  const withData = aggregates.filter((a) => a.imagesPerSec !== null);
  await writePng(
    barChartSvg("Training cost", [
      {
        title: "train throughput",
        unit: "images/s",
        bars: withData.map((a) => ({ name: label(a), value: a.imagesPerSec! })),
      },
      {
        title: "peak memory",
        unit: "MiB",
        bars: withData
          .filter((a) => a.peakMemoryBytes !== null)
          .map((a) => ({ name: label(a), value: a.peakMemoryBytes! / 2 ** 20 })),
      },
    ]),
    path.join(out, "efficiency.png"),
  );
}
