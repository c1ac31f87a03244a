/**
 * Tensor augmentations of a cached token grid [B, h, w, D] (and the cached CLS [B, D]): one module
 * per catalogue entry (graphql/src/domain/augmentations.ts: name, parameters, defaults, order),
 * registered below. All random decisions come from the caller's seeded Rng, consumed in
 * AUGMENTATION_ORDER, so the same seed gives the same batch.
 *
 * ADDING AN AUGMENTATION: after its catalogue entry exists, the worker needs exactly one new
 * module here (./<name>.ts exporting an AugmentImpl<"name">) and its line in IMPLEMENTATIONS
 * (missing it is a compile error). Nothing else in the worker changes: the trainers, the
 * calibration and the compatibility check all go through augmentBatch / augmentationProblems /
 * needsChannelStd.
 *
 * Call augmentBatch inside tf.tidy (it returns new tensors; inputs are not disposed).
 */
import { AUGMENTATION_ORDER, allAugmentationsOff, augmentationsSchema } from "@loffta/graphql/domain";
import type { AugmentationName } from "@loffta/graphql/domain";
import type { Rng } from "../rng";
import { hflip, vflip } from "./flips";
import { mixup } from "./mixup";
import { noise } from "./noise";
import { resizedCrop } from "./resized-crop";
import { rot90 } from "./rot90";
import { tokenDropout } from "./token-dropout";
import type { AugmentBatch, AugmentConfig, AugmentContext, AugmentImpl, AugmentOptions } from "./types";
import { applyBoxes } from "./types";

export { cropBox, sampleCropRect } from "./resized-crop";
export type { CropRect } from "./resized-crop";
export type { AugmentBatch, AugmentConfig, AugmentContext, AugmentImpl, AugmentOptions } from "./types";

const IMPLEMENTATIONS: { [K in AugmentationName]: AugmentImpl<K> } = {
  resizedCrop,
  hflip,
  vflip,
  rot90,
  tokenDropout,
  noise,
  mixup,
};

/** Every augmentation off (parameters at the catalogue defaults). */
export const NO_AUGMENT: AugmentConfig = allAugmentationsOff(augmentationsSchema.parse({}));

function applyOne<K extends AugmentationName>(name: K, batch: AugmentBatch, cfg: AugmentConfig, ctx: AugmentContext): AugmentBatch {
  const c = cfg[name];
  if (!c.enabled) return batch;
  const impl = IMPLEMENTATIONS[name];
  return impl.apply(impl.geometric ? batch : applyBoxes(batch), c, ctx);
}

/** Apply every enabled augmentation of `cfg` in AUGMENTATION_ORDER. */
export function augmentBatch(input: AugmentBatch, cfg: AugmentConfig, rng: Rng, opts: AugmentOptions = {}): AugmentBatch {
  const B = input.grid.shape[0];
  const ctx: AugmentContext = { rng, opts, draw: (p) => Array.from({ length: B }, () => rng.next() < p) };
  let b = input;
  for (const name of AUGMENTATION_ORDER) b = applyOne(name, b, cfg, ctx);
  b = applyBoxes(b);
  return { grid: b.grid, cls: b.cls, targets: b.targets };
}

function problemOf<K extends AugmentationName>(name: K, cfg: AugmentConfig, grid: { h: number; w: number }): string | null {
  const c = cfg[name];
  return (c.enabled && IMPLEMENTATIONS[name].check?.(c, grid)) || null;
}

/** Enabled augmentations that cannot run on an h×w grid, as "augmentations.<name> <why>". */
export function augmentationProblems(cfg: AugmentConfig, grid: { h: number; w: number }): string[] {
  const out: string[] = [];
  for (const name of AUGMENTATION_ORDER) {
    const p = problemOf(name, cfg, grid);
    if (p) out.push(`augmentations.${name} ${p}`);
  }
  return out;
}

function needsStd<K extends AugmentationName>(name: K, cfg: AugmentConfig): boolean {
  const c = cfg[name];
  return c.enabled && (IMPLEMENTATIONS[name].needsChannelStd?.(c) ?? false);
}

/** Whether an enabled augmentation needs the per-channel feature std (AugmentOptions.channelStd). */
export function needsChannelStd(cfg: AugmentConfig): boolean {
  return AUGMENTATION_ORDER.some((name) => needsStd(name, cfg));
}
