/**
 * Foundation-model families: which loader reads them, their default input normalisation and
 * how a feature layer is named. The worker's loader falls back to these defaults (after an
 * explicit override and the model's own preprocessor_config.json); the API never stores them.
 */
import type { ModelFamily } from "../generated/schema-types";

export type { ModelFamily };
export type Rgb = [number, number, number];
/** The worker's loaders (apps/worker/src/extract/foundation.ts). */
export const LOADERS = ["dinov2", "vit", "clip", "tfjs"] as const;
export type Loader = (typeof LOADERS)[number];

/**
 * "blocks": the cached layer is a 1-based transformer block number (1 … depth, default depth);
 * "named": the feature layer is named in the model's options (`tfjsLayer`); `layer` is not used.
 */
export type LayerConvention = "blocks" | "named";

export interface ModelFamilySpec {
  label: string;
  loader: Loader;
  mean: Rgb;
  std: Rgb;
  layers: LayerConvention;
}

export const IMAGENET_MEAN: Rgb = [0.485, 0.456, 0.406];
export const IMAGENET_STD: Rgb = [0.229, 0.224, 0.225];
export const CLIP_MEAN: Rgb = [0.48145466, 0.4578275, 0.40821073];
export const CLIP_STD: Rgb = [0.26862954, 0.26130258, 0.27577711];
export const HALF: Rgb = [0.5, 0.5, 0.5];

export const MODEL_FAMILIES: Record<ModelFamily, ModelFamilySpec> = {
  DINOV2: { label: "DINOv2", loader: "dinov2", mean: IMAGENET_MEAN, std: IMAGENET_STD, layers: "blocks" },
  VIT: { label: "ViT", loader: "vit", mean: HALF, std: HALF, layers: "blocks" },
  DEIT: { label: "DeiT", loader: "vit", mean: IMAGENET_MEAN, std: IMAGENET_STD, layers: "blocks" },
  CLIP: { label: "CLIP", loader: "clip", mean: CLIP_MEAN, std: CLIP_STD, layers: "blocks" },
  OTHER: { label: "TF.js model", loader: "tfjs", mean: [0, 0, 0], std: [1, 1, 1], layers: "named" },
};

/** The family a loader reads, given the Hugging Face `model_type` (ViT vs DeiT normalise differently). */
export function familyOfLoader(loader: Loader, modelType?: string): ModelFamily {
  if (loader === "dinov2") return "DINOV2";
  if (loader === "clip") return "CLIP";
  if (loader === "tfjs") return "OTHER";
  return modelType === "deit" ? "DEIT" : "VIT";
}

export class LayerError extends Error {
  override name = "LayerError";
}

/**
 * The one layer convention (API, CLI, worker, database): a 1-based block number, 1 … depth;
 * omitted (null/undefined) = the last block. Returns the canonical value stored on a cache
 * (the block number; 0 for "named" families, whose feature layer is named in the model options).
 */
export function canonicalLayer(family: ModelFamily, depth: number, layer: number | null | undefined): number {
  if (MODEL_FAMILIES[family].layers === "named") {
    if (layer !== null && layer !== undefined)
      throw new LayerError(`${MODEL_FAMILIES[family].label} models name their feature layer in options.tfjsLayer; omit layer`);
    return 0;
  }
  if (layer === null || layer === undefined) return depth;
  if (!Number.isInteger(layer) || layer < 1 || layer > depth)
    throw new LayerError(`must be a block number from 1 to ${depth} (1-based; omit it for the last block)`);
  return layer;
}
