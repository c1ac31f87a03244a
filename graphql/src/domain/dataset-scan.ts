/**
 * The one dataset scanner (Node): the API registers what it returns (classes, split counts,
 * content hash) and the worker extracts and trains on exactly its items, so the counts the API
 * shows are the images the worker reads. Layout rules: ./dataset-layout.ts.
 * Order: splits train, val, test; within a split ImageFolder sorts by class then relative path
 * (code-point order), a CSV keeps row order. `index` is the position in that order (the stable id
 * stored in the cache). Labels: sortLabels.
 */
import { createHash } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";
import { CSV_COLUMNS, SPLITS, canonicalSplit, isImageFile, sortLabels, splitRank, type DatasetLayout, type Split } from "./dataset-layout";

export interface DatasetItem {
  index: number;
  /** Absolute path. */
  path: string;
  /** Relative to the dataset root (ImageFolder) or the CSV's folder, with "/" separators. */
  rel: string;
  label: number;
  split: Split;
  size: number;
}

export interface Dataset {
  name: string;
  root: string;
  layout: DatasetLayout;
  labelNames: string[];
  /** Splits present, in train, val, test order. */
  splits: Split[];
  splitCounts: Partial<Record<Split, number>>;
  items: DatasetItem[];
  /** sha256 over the sorted `rel \t size` lines: content identity without reading every byte. */
  contentHash: string;
}

/** A dataset that cannot be read as its layout says; the message names what to fix. */
export class DatasetScanError extends Error {
  override name = "DatasetScanError";
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

async function readDir(dir: string) {
  try {
    return (await fsp.readdir(dir, { withFileTypes: true })).filter((d) => !d.name.startsWith(".")).sort((a, b) => cmp(a.name, b.name));
  } catch (e) {
    throw new DatasetScanError(`${dir}: cannot read folder (${errno(e)})`);
  }
}

interface Raw {
  split: Split;
  cls: string;
  file: string;
  rel: string;
  size: number;
}

async function imagesUnder(root: string, dir: string, split: Split, cls: string, out: Raw[]): Promise<void> {
  for (const e of await readDir(dir)) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await imagesUnder(root, full, split, cls, out);
    else if (e.isFile() && isImageFile(e.name)) {
      const st = await fsp.stat(full);
      out.push({ split, cls, file: full, rel: path.relative(root, full).split(path.sep).join("/"), size: st.size });
    }
  }
}

async function scanImageFolder(root: string): Promise<Raw[]> {
  const top = (await readDir(root)).filter((d) => d.isDirectory());
  const splitDirs = top.filter((d) => canonicalSplit(d.name));
  if (splitDirs.length && splitDirs.length < top.length) {
    const other = top.filter((d) => !canonicalSplit(d.name)).map((d) => d.name);
    throw new DatasetScanError(
      `${root}: split folders (${splitDirs.map((d) => d.name).join(", ")}) next to other folders (${other.slice(0, 3).join(", ")}): use only ${SPLITS.join("/")} (or valid/validation) at the top, or only class folders`,
    );
  }
  const seen = new Map<Split, string>();
  const raw: Raw[] = [];
  for (const s of splitDirs.length ? splitDirs : [null]) {
    const split = s ? (canonicalSplit(s.name) as Split) : "train";
    if (s && seen.has(split)) throw new DatasetScanError(`${root}: both ${seen.get(split)}/ and ${s.name}/ are the ${split} split`);
    if (s) seen.set(split, s.name);
    const base = s ? path.join(root, s.name) : root;
    for (const cls of (await readDir(base)).filter((d) => d.isDirectory())) await imagesUnder(root, path.join(base, cls.name), split, cls.name, raw);
  }
  if (!raw.length) throw new DatasetScanError(`${root}: no images found (expected <class>/<image> or <split>/<class>/<image>)`);
  raw.sort((a, b) => splitRank(a.split) - splitRank(b.split) || cmp(a.cls, b.cls) || cmp(a.rel, b.rel));
  return raw;
}

/** Split a CSV line (RFC 4180 quotes); fields trimmed. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

async function scanCsv(file: string): Promise<Raw[]> {
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (e) {
    throw new DatasetScanError(`${file}: cannot read manifest (${errno(e)})`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = parseCsvLine(lines.shift() ?? "").map((h) => h.toLowerCase());
  const [pi, li, si] = [CSV_COLUMNS.path, CSV_COLUMNS.label, CSV_COLUMNS.split].map((h) => header.indexOf(h));
  if (pi < 0 || li < 0) throw new DatasetScanError(`${file}: the header must name the columns path,label[,split]`);
  const dir = path.dirname(file);
  const raw: Raw[] = [];
  const missing: string[] = [];
  for (const [n, line] of lines.entries()) {
    const f = parseCsvLine(line);
    const rel = f[pi];
    const cls = f[li];
    const split = si >= 0 && f[si] ? canonicalSplit(f[si]) : "train";
    if (!rel || !cls) throw new DatasetScanError(`${file}:${n + 2}: missing path or label`);
    if (!split) throw new DatasetScanError(`${file}:${n + 2}: split must be one of ${SPLITS.join("/")} (or valid/validation), got ${JSON.stringify(f[si])}`);
    if (!isImageFile(rel)) throw new DatasetScanError(`${file}:${n + 2}: ${rel} is not an image the worker can decode`);
    const abs = path.resolve(dir, rel);
    try {
      const st = await fsp.stat(abs);
      raw.push({ split, cls, file: abs, rel: rel.split(path.sep).join("/"), size: st.size });
    } catch {
      missing.push(rel);
    }
  }
  if (missing.length) throw new DatasetScanError(`${file}: ${missing.length} listed file(s) missing, e.g. ${missing.slice(0, 3).join(", ")}`);
  if (!raw.length) throw new DatasetScanError(`${file}: the manifest lists no images`);
  // Row order within a split (stable sort by split only).
  return raw.map((r, i) => ({ r, i })).sort((a, b) => splitRank(a.r.split) - splitRank(b.r.split) || a.i - b.i).map((x) => x.r);
}

export function contentHash(entries: { rel: string; size: number }[]): string {
  const h = createHash("sha256");
  for (const e of [...entries].sort((a, b) => cmp(a.rel, b.rel))) h.update(`${e.rel}\t${e.size}\n`);
  return h.digest("hex");
}

/** Scan a dataset; `layout` omitted: a file is a CSV manifest, a folder an ImageFolder. */
export async function scanDataset(location: string, layout?: DatasetLayout): Promise<Dataset> {
  const root = path.resolve(location);
  const st = await fsp.stat(root).catch((e: unknown) => {
    throw new DatasetScanError(`${location}: cannot read (${errno(e)})`);
  });
  const kind: DatasetLayout = layout ?? (st.isFile() ? "CSV_MANIFEST" : "IMAGE_FOLDER");
  if (kind === "CSV_MANIFEST" && !st.isFile()) throw new DatasetScanError(`${location}: a CSV manifest must be a file`);
  if (kind === "IMAGE_FOLDER" && !st.isDirectory()) throw new DatasetScanError(`${location}: an image folder must be a folder`);
  const raw = kind === "CSV_MANIFEST" ? await scanCsv(root) : await scanImageFolder(root);
  const labelNames = sortLabels(raw.map((r) => r.cls));
  const lab = new Map(labelNames.map((n, i) => [n, i]));
  const splitCounts: Partial<Record<Split, number>> = {};
  const items = raw.map((r, index): DatasetItem => {
    splitCounts[r.split] = (splitCounts[r.split] ?? 0) + 1;
    return { index, path: r.file, rel: r.rel, label: lab.get(r.cls) as number, split: r.split, size: r.size };
  });
  const splits = SPLITS.filter((s) => splitCounts[s]);
  return { name: path.basename(root).replace(/\.csv$/i, ""), root, layout: kind, labelNames, splits, splitCounts, items, contentHash: contentHash(raw) };
}
