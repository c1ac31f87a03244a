/**
 * Run configuration: the single typed schema shared by the API (launchRun stores the resolved,
 * effective config), the dashboard form and the worker (which applies exactly the stored config).
 * resolveRunConfig applies a run kind's policy (RUN_KINDS) so what is stored is what runs.
 *
 * Every object is .strict(): an unknown key is an error. Missing keys take the defaults below
 * (standard for DeiT-S training on cached features; the paper's exact values are not public).
 */
import { z } from "zod";
import { AUGMENTATION_ORDER, augmentationsSchema, imageAugmentationsSchema } from "./augmentations";
import { METRIC_NAMES, type MetricName } from "./metrics";
import { RUN_KINDS, type RunKind } from "./run-kinds";

const positive = z.number().positive();

export const CLASSIFIER_PRESETS = ["deit-s", "deit-ti", "tiny", "linear"] as const;
export const EARLY_STOPPING_METRICS = METRIC_NAMES;

/** Defaults of the sections besides the augmentations (whose defaults live in AUGMENTATIONS). */
const SECTION_DEFAULTS = {
  classifier: { preset: "deit-s", useCachedCls: false },
  optimizer: { name: "adamw", lr: 5e-4, weightDecay: 0.05, betas: [0.9, 0.999], eps: 1e-8 },
  schedule: { warmupEpochs: 5, cosine: true, minLr: 1e-6 },
  epochs: 100,
  batchSize: 64,
  microBatch: 8,
  labelSmoothing: 0.1,
  gradClip: 1,
  earlyStopping: { enabled: true, patience: 10, metric: "accuracy" },
  seed: 0,
  evalEvery: 1,
} as const;

const D = SECTION_DEFAULTS;

const scheduleSchema = z
  .object({
    warmupEpochs: z.number().min(0).optional(),
    warmupSteps: z.int().min(0).optional(),
    cosine: z.boolean().default(D.schedule.cosine),
    minLr: z.number().min(0).default(D.schedule.minLr),
  })
  .strict()
  .refine((s) => s.warmupEpochs === undefined || s.warmupSteps === undefined, {
    message: "give warmupEpochs or warmupSteps, not both",
  })
  .transform((s) =>
    s.warmupEpochs === undefined && s.warmupSteps === undefined
      ? { ...s, warmupEpochs: D.schedule.warmupEpochs }
      : s,
  )
  .prefault({});

export const runConfigSchema = z
  .object({
    classifier: z
      .object({
        preset: z.enum(CLASSIFIER_PRESETS).default(D.classifier.preset),
        useCachedCls: z.boolean().default(D.classifier.useCachedCls),
      })
      .strict()
      .prefault({}),
    /** Tensor augmentations of the token grid (LOFF_TA; off for every other kind). */
    augmentations: augmentationsSchema,
    /** Image augmentations of decoded pixels (image baselines; off for cache kinds). */
    imageAugmentations: imageAugmentationsSchema,
    optimizer: z
      .object({
        name: z.literal("adamw").default("adamw"),
        lr: positive.default(D.optimizer.lr),
        weightDecay: z.number().min(0).default(D.optimizer.weightDecay),
        betas: z.tuple([z.number().min(0).lt(1), z.number().min(0).lt(1)]).default([...D.optimizer.betas]),
        eps: positive.default(D.optimizer.eps),
      })
      .strict()
      .prefault({}),
    schedule: scheduleSchema,
    epochs: z.int().min(1).default(D.epochs),
    batchSize: z.int().min(1).default(D.batchSize),
    microBatch: z.int().min(1).default(D.microBatch),
    labelSmoothing: z.number().min(0).lt(1).default(D.labelSmoothing),
    /** Max global gradient norm; 0 disables clipping. */
    gradClip: z.number().min(0).default(D.gradClip),
    earlyStopping: z
      .object({
        enabled: z.boolean().default(D.earlyStopping.enabled),
        patience: z.int().min(1).default(D.earlyStopping.patience),
        metric: z.enum(METRIC_NAMES as [MetricName, ...MetricName[]]).default(D.earlyStopping.metric),
      })
      .strict()
      .prefault({}),
    seed: z.int().min(0).max(4294967295).default(D.seed),
    /** Evaluate every n epochs (the last epoch is always evaluated). */
    evalEvery: z.int().min(1).default(D.evalEvery),
  })
  .strict()
  .refine((c) => c.microBatch <= c.batchSize, {
    message: "microBatch must be <= batchSize",
    path: ["microBatch"],
  });

export type RunConfig = z.output<typeof runConfigSchema>;
export type RunConfigInput = z.input<typeof runConfigSchema>;

export interface RunConfigIssue {
  /** Dotted path of the bad field, e.g. "augmentations.noise.std" ("" for the root). */
  path: string;
  message: string;
}

export class RunConfigError extends Error {
  override name = "RunConfigError";
  constructor(readonly issues: RunConfigIssue[]) {
    super(`invalid run config: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`);
  }
}

/** Validate and fill defaults; throws RunConfigError listing every bad field. */
export function parseRunConfig(input: unknown): RunConfig {
  const r = runConfigSchema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issues: RunConfigIssue[] = [];
  for (const i of r.error.issues) {
    const base = i.path.map(String).join(".");
    if (i.code === "unrecognized_keys")
      for (const k of i.keys) issues.push({ path: base ? `${base}.${k}` : k, message: "unknown key" });
    else issues.push({ path: base, message: i.message });
  }
  throw new RunConfigError(issues);
}

/** A deep copy of the defaults, fully expanded (JSON-serialisable). */
export function defaultRunConfig(): RunConfig {
  return parseRunConfig({});
}

/** Paths the raw (unparsed) input sets explicitly, e.g. has(input, "augmentations.hflip.enabled"). */
function rawAt(input: unknown, dotted: string): unknown {
  let cur: unknown = input;
  for (const k of dotted.split(".")) {
    if (!cur || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/**
 * The effective configuration of a run of `kind`: parsed with defaults, then the kind's policy
 * applied (RUN_KINDS): LOFF switches every tensor augmentation off, cache kinds switch image
 * augmentations off, image baselines switch tensor augmentations off, fix the classifier to a
 * linear head and cap the micro-batch. Asking explicitly for what a kind cannot do is an error
 * (RunConfigError), not silently changed. `seed` (the run's seed, when given separately) must
 * agree with `config.seed` when both are given. Idempotent: resolving a resolved config returns it.
 */
export function resolveRunConfig(kind: RunKind, input: unknown, seed?: number | null): RunConfig {
  const spec = RUN_KINDS[kind];
  // External runs (W&B client) are never launched: their config is free-form, stored as logged.
  if (spec.external) throw new RunConfigError([{ path: "kind", message: `${spec.label} runs are created by the wandb client (docs/wandb.md), not launched` }]);
  const cfg = parseRunConfig(input);
  const issues: RunConfigIssue[] = [];
  const rawSeed = rawAt(input, "seed");
  if (seed !== undefined && seed !== null) {
    if (rawSeed !== undefined && rawSeed !== seed)
      issues.push({ path: "seed", message: `config.seed ${String(rawSeed)} disagrees with the run's seed ${seed}: give one` });
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) issues.push({ path: "seed", message: "must be an integer in [0, 2^32)" });
    cfg.seed = seed;
  }
  const forbid = (section: "augmentations" | "imageAugmentations", names: readonly string[], why: string) => {
    for (const n of names)
      if (rawAt(input, `${section}.${n}.enabled`) === true) issues.push({ path: `${section}.${n}.enabled`, message: why });
  };
  const imageNames = Object.keys(cfg.imageAugmentations) as (keyof RunConfig["imageAugmentations"])[];
  if (spec.augmentation !== "tensor") {
    forbid("augmentations", AUGMENTATION_ORDER, spec.augmentation === "none"
      ? `${spec.label} runs train without tensor augmentations (use LOFF_TA)`
      : `${spec.label} runs train on images: use imageAugmentations`);
    for (const n of AUGMENTATION_ORDER) cfg.augmentations[n].enabled = false;
  }
  if (spec.augmentation !== "image") {
    forbid("imageAugmentations", imageNames, `${spec.label} runs train on cached features: images are not augmented`);
    for (const n of imageNames) cfg.imageAugmentations[n].enabled = false;
  }
  if (spec.fixedPreset) {
    const p = rawAt(input, "classifier.preset");
    if (p !== undefined && p !== spec.fixedPreset)
      issues.push({ path: "classifier.preset", message: `${spec.label} runs train a ${spec.fixedPreset} head on the model's CLS` });
    cfg.classifier.preset = spec.fixedPreset;
    cfg.classifier.useCachedCls = false;
  }
  if (spec.maxMicroBatch !== undefined) cfg.microBatch = Math.min(cfg.microBatch, spec.maxMicroBatch);
  if (issues.length) throw new RunConfigError(issues);
  return cfg;
}
