/**
 * Tensor augmentations of a cached token grid [B, h, w, D]: name, label, parameter schema,
 * defaults and application order, once. The run config's `augmentations` section is built from
 * this record, the dashboard's Launch form renders it, and the worker keeps one implementation
 * per name (apps/worker/src/core/augment/, a Record over these names: a missing one is a compile
 * error). How to add one: docs/extending.md.
 */
import { z } from "zod";

const prob = z.number().min(0).max(1);
const range = (lo: number) =>
  z
    .tuple([z.number().gt(lo), z.number().gt(lo)])
    .refine(([a, b]) => a <= b, { message: "range must be [min, max] with min <= max" });

/** A parameter as the dashboard's form shows it (the schema is the authority). */
export type AugmentationParam =
  | { key: string; label: string; type: "number"; min?: number; max?: number; step: number }
  | { key: string; label: string; type: "range"; min?: number; max?: number; step: number }
  | { key: string; label: string; type: "choice"; options: readonly string[] };

interface Spec<S extends z.ZodObject> {
  label: string;
  summary: string;
  /** Position in the application order (lower first). */
  order: number;
  schema: S;
  /** Parameters besides `enabled` and `p`, for forms. */
  params: AugmentationParam[];
}

const spec = <S extends z.ZodObject>(s: Spec<S>): Spec<S> => s;
const toggle = (enabled: boolean, p: number) => ({ enabled: z.boolean().default(enabled), p: prob.default(p) });

export const AUGMENTATIONS = {
  resizedCrop: spec({
    label: "Random resized crop",
    summary: "torchvision RandomResizedCrop on the token grid, bilinear resize back to h×w",
    order: 10,
    schema: z
      .object({
        ...toggle(true, 1),
        scale: range(0)
          .refine(([, b]) => b <= 1, { message: "scale max must be <= 1" })
          .default([0.5, 1]),
        ratio: range(0).default([0.75, 1.3333333333333333]),
      })
      .strict(),
    params: [
      { key: "scale", label: "scale", type: "range", min: 0, max: 1, step: 0.05 },
      { key: "ratio", label: "ratio", type: "range", min: 0, step: 0.05 },
    ],
  }),
  hflip: spec({
    label: "Horizontal flip",
    summary: "mirror the grid left–right",
    order: 20,
    schema: z.object(toggle(true, 0.5)).strict(),
    params: [],
  }),
  vflip: spec({
    label: "Vertical flip",
    summary: "mirror the grid top–bottom",
    order: 30,
    schema: z.object(toggle(false, 0.5)).strict(),
    params: [],
  }),
  rot90: spec({
    label: "90° rotation",
    summary: "rotate a sample's grid by k·90° with k uniform in {1, 2, 3} (non-square grids: 180° only)",
    order: 40,
    schema: z.object(toggle(false, 0.5)).strict(),
    params: [],
  }),
  tokenDropout: spec({
    label: "Token dropout",
    summary: "zero a fraction `rate` of a sample's grid tokens",
    order: 50,
    schema: z.object({ ...toggle(false, 0.5), rate: z.number().min(0).lt(1).default(0.1) }).strict(),
    params: [{ key: "rate", label: "rate", type: "number", min: 0, max: 0.99, step: 0.05 }],
  }),
  noise: spec({
    label: "Gaussian noise",
    summary: "additive N(0, std²); relativeTo channel-std: std is a fraction of each feature channel's std",
    order: 60,
    schema: z
      .object({
        ...toggle(true, 1),
        std: z.number().min(0).default(0.1),
        relativeTo: z.enum(["channel-std", "absolute"]).default("channel-std"),
      })
      .strict(),
    params: [
      { key: "std", label: "std", type: "number", min: 0, step: 0.01 },
      { key: "relativeTo", label: "relative to", type: "choice", options: ["channel-std", "absolute"] },
    ],
  }),
  mixup: spec({
    label: "Mixup",
    summary: "batch-level mixup with λ ~ Beta(α, α), applied with probability p",
    order: 70,
    schema: z.object({ ...toggle(false, 1), alpha: z.number().positive().default(0.8) }).strict(),
    params: [{ key: "alpha", label: "alpha", type: "number", min: 0, step: 0.1 }],
  }),
};

export type AugmentationName = keyof typeof AUGMENTATIONS;
export type AugmentationConfigs = { [K in AugmentationName]: z.output<(typeof AUGMENTATIONS)[K]["schema"]> };

/** Names in application order. */
export const AUGMENTATION_ORDER = (Object.keys(AUGMENTATIONS) as AugmentationName[]).sort(
  (a, b) => AUGMENTATIONS[a].order - AUGMENTATIONS[b].order,
);

type Prefaulted = { [K in AugmentationName]: z.ZodPrefault<(typeof AUGMENTATIONS)[K]["schema"]> };

/** The run config's `augmentations` section: one strict object per augmentation, defaults filled. */
export const augmentationsSchema = z
  .object(
    Object.fromEntries(AUGMENTATION_ORDER.map((n) => [n, (AUGMENTATIONS[n].schema as z.ZodObject).prefault({})])) as unknown as Prefaulted,
  )
  .strict()
  .prefault({});

/** Every augmentation switched off (parameters at their defaults). */
export function allAugmentationsOff(a: AugmentationConfigs): AugmentationConfigs {
  return Object.fromEntries(AUGMENTATION_ORDER.map((n) => [n, { ...a[n], enabled: false }])) as AugmentationConfigs;
}

/**
 * Image augmentations of the image baselines (decoded pixels [B, S, S, 3]): a random resized
 * crop and a horizontal flip, like the usual fine-tuning recipe.
 */
export const imageAugmentationsSchema = z
  .object({
    resizedCrop: z
      .object({
        enabled: z.boolean().default(true),
        scale: range(0)
          .refine(([, b]) => b <= 1, { message: "scale max must be <= 1" })
          .default([0.35, 1]),
        ratio: range(0).default([0.75, 1.3333333333333333]),
      })
      .strict()
      .prefault({}),
    hflip: z.object({ enabled: z.boolean().default(true), p: prob.default(0.5) }).strict().prefault({}),
  })
  .strict()
  .prefault({});

export type ImageAugmentationConfig = z.output<typeof imageAugmentationsSchema>;
