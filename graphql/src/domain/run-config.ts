/**
 * Run configuration of a LOFF-TA training run: the single typed schema shared by the API
 * (validates launchRun), the dashboard form and the worker. Kind-independent (any cache).
 *
 * Every object is .strict(): an unknown key is an error. Missing keys take the defaults below
 * (standard for DeiT-S training on cached features; the paper's exact values are not public).
 */
import { z } from "zod";

const prob = z.number().min(0).max(1);
const positive = z.number().positive();
const range = (lo: number) =>
  z
    .tuple([z.number().gt(lo), z.number().gt(lo)])
    .refine(([a, b]) => a <= b, { message: "range must be [min, max] with min <= max" });

export const CLASSIFIER_PRESETS = ["deit-s", "deit-ti", "tiny", "linear"] as const;
export const EARLY_STOPPING_METRICS = [
  "accuracy",
  "balancedAccuracy",
  "macroF1",
  "kappa",
  "auc",
  "loss",
] as const;

/** JSON-serialisable defaults (also what parseRunConfig({}) returns). */
export const DEFAULT_RUN_CONFIG = {
  classifier: { preset: "deit-s", useCachedCls: false },
  augmentations: {
    hflip: { enabled: true, p: 0.5 },
    vflip: { enabled: false, p: 0.5 },
    resizedCrop: { enabled: true, p: 1, scale: [0.5, 1], ratio: [0.75, 1.3333333333333333] },
    // std is a fraction of each feature channel's std (estimated on the train split).
    noise: { enabled: true, p: 1, std: 0.1, relativeTo: "channel-std" },
    tokenDropout: { enabled: false, p: 0.5, rate: 0.1 },
    mixup: { enabled: false, p: 1, alpha: 0.8 },
  },
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

const D = DEFAULT_RUN_CONFIG;
const A = D.augmentations;

const toggle = (p: number) => ({ enabled: z.boolean().default(true), p: prob.default(p) });

const augmentationsSchema = z
  .object({
    hflip: z
      .object({ enabled: z.boolean().default(A.hflip.enabled), p: prob.default(A.hflip.p) })
      .strict()
      .prefault({}),
    vflip: z
      .object({ enabled: z.boolean().default(A.vflip.enabled), p: prob.default(A.vflip.p) })
      .strict()
      .prefault({}),
    resizedCrop: z
      .object({
        ...toggle(A.resizedCrop.p),
        enabled: z.boolean().default(A.resizedCrop.enabled),
        scale: range(0)
          .refine(([, b]) => b <= 1, { message: "scale max must be <= 1" })
          .default([...A.resizedCrop.scale]),
        ratio: range(0).default([...A.resizedCrop.ratio]),
      })
      .strict()
      .prefault({}),
    noise: z
      .object({
        enabled: z.boolean().default(A.noise.enabled),
        p: prob.default(A.noise.p),
        std: z.number().min(0).default(A.noise.std),
        relativeTo: z.enum(["channel-std", "absolute"]).default(A.noise.relativeTo),
      })
      .strict()
      .prefault({}),
    tokenDropout: z
      .object({
        enabled: z.boolean().default(A.tokenDropout.enabled),
        p: prob.default(A.tokenDropout.p),
        rate: z.number().min(0).lt(1).default(A.tokenDropout.rate),
      })
      .strict()
      .prefault({}),
    mixup: z
      .object({
        enabled: z.boolean().default(A.mixup.enabled),
        p: prob.default(A.mixup.p),
        alpha: positive.default(A.mixup.alpha),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

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
    augmentations: augmentationsSchema,
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
        metric: z.enum(EARLY_STOPPING_METRICS).default(D.earlyStopping.metric),
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
