/**
 * Run kinds: what each one trains, what it reads and which augmentations it may apply. The API
 * (launch validation, cache reuse counts), the worker (which trainer) and the dashboard (labels,
 * forms) read this record; a RunKind added to the SDL without an entry here is a compile error.
 */
import type { RunKind } from "../generated/schema-types";

export type { RunKind };

/** Where a run's training batches come from. */
export type RunSource = "cache" | "images";
/** Which augmentations a kind applies: tensor augmentations of the token grid, image augmentations of decoded pixels, or none. */
export type AugmentationPolicy = "tensor" | "image" | "none";
/** The part a kind plays in a comparison. */
export type BaselineRole = "subject" | "finetune" | "frozen";

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
};

/** Every run kind, in display order (the paper's method first). */
export const RUN_KIND_ORDER: RunKind[] = ["LOFF_TA", "LOFF", "FROZEN_LINEAR", "UNFROZEN_LINEAR"];

/** Kinds whose runs train on the cached tokens. */
export const CACHE_READING_KINDS: RunKind[] = RUN_KIND_ORDER.filter((k) => RUN_KINDS[k].readsCache);
/** Kinds a run can name as its fine-tuning baseline. */
export const BASELINE_KINDS: RunKind[] = RUN_KIND_ORDER.filter((k) => RUN_KINDS[k].canBeBaseline);
