/**
 * The dataset layouts Loffta reads, once (constants; the scanner is ./dataset-scan.ts):
 * - IMAGE_FOLDER: `root/<class>/…/<image>`, or `root/<split>/<class>/…/<image>` where every
 *   first-level folder is a split folder (train, val, test; `valid` and `validation` mean val).
 *   Without split folders every image is in split "train".
 * - CSV_MANIFEST: a CSV with header `path,label[,split]` (paths relative to the CSV's folder,
 *   split defaults to train; same split names and aliases).
 * Images: the extensions the worker's decoder (sharp/libvips) reads. Hidden entries are skipped.
 */
import type { DatasetLayout } from "../generated/schema-types";

export type { DatasetLayout };

export const SPLITS = ["train", "val", "test"] as const;
export type Split = (typeof SPLITS)[number];
export const SPLIT_ALIASES: Record<string, Split> = { train: "train", val: "val", valid: "val", validation: "val", test: "test" };
export const IMAGE_EXTENSIONS: readonly string[] = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".avif"];
export const CSV_COLUMNS = { path: "path", label: "label", split: "split" } as const;

export interface DatasetLayoutSpec {
  label: string;
  summary: string;
}

export const DATASET_LAYOUTS: Record<DatasetLayout, DatasetLayoutSpec> = {
  IMAGE_FOLDER: { label: "Image folder", summary: "root/<class>/<image> or root/{train,val,test}/<class>/<image>" },
  CSV_MANIFEST: { label: "CSV manifest", summary: "a CSV with columns path,label[,split]; paths relative to the CSV" },
};

/** Canonical split name of a folder or CSV value, or null when it is not a split. */
export function canonicalSplit(name: string): Split | null {
  return SPLIT_ALIASES[name.trim().toLowerCase()] ?? null;
}

/** train, val, test order. */
export function splitRank(s: string): number {
  const i = (SPLITS as readonly string[]).indexOf(s);
  return i < 0 ? SPLITS.length : i;
}

export function isImageFile(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && IMAGE_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** Class names sorted: numerically when every name is an integer, else by code point. */
export function sortLabels(names: Iterable<string>): string[] {
  const u = [...new Set(names)];
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return u.every((n) => /^-?\d+$/.test(n)) ? u.sort((a, b) => Number(a) - Number(b)) : u.sort(cmp);
}
