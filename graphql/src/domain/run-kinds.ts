/**
 * Run kinds: what each one trains, what it reads and which augmentations it may apply. The API
 * (launch validation, cache reuse counts), the worker (which trainer) and the dashboard (labels,
 * forms) read this record; a RunKind added to the SDL without an entry here is a compile error.
 */
import type { RunKind } from "../generated/schema-types";

export type { RunKind };

/** Where a run's training batches come from. */
export type RunSource = "cache" | "images" | "external";
/** Which augmentations a kind applies: tensor augmentations of the token grid, image augmentations of decoded pixels, or none. */
export type AugmentationPolicy = "tensor" | "image" | "none";
/** The part a kind plays in a comparison ("external": logged by the W&B client, any training). */
export type BaselineRole = "subject" | "finetune" | "frozen" | "external";

export interface RunKindSpec {
  label: string;
  summary: string;
  /** A feature cache must be named at launch (for image baselines it names the dataset, model and resolution). */
  needsCache: boolean;
  /** Trains on the cached tokens (counts as a reuse of the cache). */
  readsCache: boolean;
  source: RunSource;
  augmentation: AugmentationPolicy;
  role: BaselineRole;
  /** The classifier preset is fixed for this kind (baselines: a linear head on the model's CLS). */
  fixedPreset?: "linear";
  /** Upper bound on the micro-batch (activations of every backbone block are kept per micro-batch). */
  maxMicroBatch?: number;
  /** A run of this kind can be the fine-tuning baseline others measure their speed-up against. */
  canBeBaseline: boolean;
  /**
   * Runs of this kind are never launched (no job, no cache): they are created by the W&B client
   * endpoints (apps/api/src/wandb, docs/wandb.md) and their config is free-form JSON.
   */
  external?: true;
}

export const RUN_KINDS: Record<RunKind, RunKindSpec> = {
  LOFF: {
    label: "LOFF",
    summary: "compact classifier on cached features, no augmentation (the ablation)",
    needsCache: true,
    readsCache: true,
    source: "cache",
    augmentation: "none",
    role: "subject",
    canBeBaseline: false,
  },
  LOFF_TA: {
    label: "LOFF-TA",
    summary: "compact classifier on cached features with tensor augmentations",
    needsCache: true,
    readsCache: true,
    source: "cache",
    augmentation: "tensor",
    role: "subject",
    canBeBaseline: false,
  },
  FROZEN_LINEAR: {
    label: "Frozen + linear",
    summary: "linear head on the frozen model's CLS; the model runs on every step (image augmentations)",
    needsCache: true,
    readsCache: false,
    source: "images",
    augmentation: "image",
    role: "frozen",
    fixedPreset: "linear",
    canBeBaseline: false,
  },
  UNFROZEN_LINEAR: {
    label: "Fine-tune + linear",
    summary: "full fine-tuning of the model with a linear head (image augmentations)",
    needsCache: true,
    readsCache: false,
    source: "images",
    augmentation: "image",
    role: "finetune",
    fixedPreset: "linear",
    maxMicroBatch: 8,
    canBeBaseline: true,
  },
  EXTERNAL: {
    label: "External (W&B)",
    summary: "trained outside the platform and logged with the wandb client (free-form config, no cache, no job)",
    needsCache: false,
    readsCache: false,
    source: "external",
    augmentation: "none",
    role: "external",
    canBeBaseline: true,
    external: true,
  },
};

/** Every kind `launchRun` accepts, in display order (the paper's method first). */
export const RUN_KIND_ORDER: RunKind[] = ["LOFF_TA", "LOFF", "FROZEN_LINEAR", "UNFROZEN_LINEAR"];
/** Kinds of runs trained outside the platform (created by the wandb client endpoints, never launched). */
export const EXTERNAL_KINDS: RunKind[] = ["EXTERNAL"];
/** Every run kind, in display order: the launchable ones, then the external ones (run tables, filters). */
export const ALL_RUN_KINDS: RunKind[] = [...RUN_KIND_ORDER, ...EXTERNAL_KINDS];

/** Kinds whose runs train on the cached tokens. */
export const CACHE_READING_KINDS: RunKind[] = RUN_KIND_ORDER.filter((k) => RUN_KINDS[k].readsCache);
/** Launchable kinds a run can name as its fine-tuning baseline. */
export const BASELINE_KINDS: RunKind[] = RUN_KIND_ORDER.filter((k) => RUN_KINDS[k].canBeBaseline);
/** Every kind a run can name as its `baselineRunId`: BASELINE_KINDS and external runs (efficiency from their summary, docs/wandb.md). */
export const BASELINE_REF_KINDS: RunKind[] = ALL_RUN_KINDS.filter((k) => RUN_KINDS[k].canBeBaseline);
