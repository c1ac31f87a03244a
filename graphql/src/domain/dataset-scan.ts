/**
 * The one dataset scanner (Node): the API registers what it returns (classes, split counts,
 * content hash) and the worker extracts and trains on exactly its items, so the counts the API
 * shows are the images the worker reads. Layout rules: ./dataset-layout.ts.
 * Order: splits train, val, test; within a split ImageFolder sorts by class then relative path
 * (code-point order), a CSV keeps row order. `index` is the position in that order (the stable id
 * stored in the cache). Labels: sortLabels.
 * Files are read through a FileAccess (../storage-roots.ts): on the platform one confined to the
 * dataset's storage area (no symlink out of it, no devices or fifos, size limits, CSV rows inside
 * the area), messages naming paths as the client gave them; by default localAccess (any path).
 * Symlinks inside an ImageFolder are never followed (not listed).
 */
import { createHash } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";
import { STORAGE_LIMITS, StorageError, localAccess, type FileAccess } from "../storage-roots";
import { CSV_COLUMNS, SPLITS, canonicalSplit, isImageFile, sortLabels, splitRank, type DatasetLayout, type Split } from "./dataset-layout";

export interface DatasetItem {
  index: number;
  /** Absolute path (the real path when scanned through a confined FileAccess). */
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

/** A scan's file access and how it names paths in messages. */
interface Scan {
  access: FileAccess;
  show(p: string): string;
}

async function readDir(s: Scan, dir: string) {
  try {
    return (await s.access.readdir(dir)).filter((d) => !d.name.startsWith(".")).sort((a, b) => cmp(a.name, b.name));
  } catch (e) {
    if (e instanceof StorageError) throw new DatasetScanError(e.message);
    throw new DatasetScanError(`${s.show(dir)}: cannot read folder (${errno(e)})`);
  }
}

interface Raw {
  split: Split;
  cls: string;
  file: string;
  rel: string;
  size: number;
}

async function imagesUnder(s: Scan, root: string, dir: string, split: Split, cls: string, out: Raw[]): Promise<void> {
  for (const e of await readDir(s, dir)) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await imagesUnder(s, root, full, split, cls, out);
    else if (e.isFile() && isImageFile(e.name)) {
      // A regular file (a Dirent is never a followed symlink): its own size.
      const st = await fsp.lstat(full);
      out.push({ split, cls, file: full, rel: path.relative(root, full).split(path.sep).join("/"), size: st.size });
    }
  }
}

async function scanImageFolder(s: Scan, root: string): Promise<Raw[]> {
  const shown = s.show(root);
  const top = (await readDir(s, root)).filter((d) => d.isDirectory());
  const splitDirs = top.filter((d) => canonicalSplit(d.name));
  if (splitDirs.length && splitDirs.length < top.length) {
    const other = top.filter((d) => !canonicalSplit(d.name)).map((d) => d.name);
    throw new DatasetScanError(
      `${shown}: split folders (${splitDirs.map((d) => d.name).join(", ")}) next to other folders (${other.slice(0, 3).join(", ")}): use only ${SPLITS.join("/")} (or valid/validation) at the top, or only class folders`,
    );
  }
  const seen = new Map<Split, string>();
  const raw: Raw[] = [];
  for (const sd of splitDirs.length ? splitDirs : [null]) {
    const split = sd ? (canonicalSplit(sd.name) as Split) : "train";
    if (sd && seen.has(split)) throw new DatasetScanError(`${shown}: both ${seen.get(split)}/ and ${sd.name}/ are the ${split} split`);
    if (sd) seen.set(split, sd.name);
    const base = sd ? path.join(root, sd.name) : root;
    for (const cls of (await readDir(s, base)).filter((d) => d.isDirectory())) await imagesUnder(s, root, path.join(base, cls.name), split, cls.name, raw);
  }
  if (!raw.length) throw new DatasetScanError(`${shown}: no images found (expected <class>/<image> or <split>/<class>/<image>)`);
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

async function scanCsv(s: Scan, file: string): Promise<Raw[]> {
  const shown = s.show(file);
  let text: string;
  try {
    text = (await s.access.readFile(file, STORAGE_LIMITS.textBytes)).toString("utf8");
  } catch (e) {
    if (e instanceof StorageError) throw new DatasetScanError(`cannot read manifest: ${e.message}`);
    throw new DatasetScanError(`${shown}: cannot read manifest (${errno(e)})`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = parseCsvLine(lines.shift() ?? "").map((h) => h.toLowerCase());
  const [pi, li, si] = [CSV_COLUMNS.path, CSV_COLUMNS.label, CSV_COLUMNS.split].map((h) => header.indexOf(h));
  if (pi < 0 || li < 0) throw new DatasetScanError(`${shown}: the header must name the columns path,label[,split]`);
  const dir = path.dirname(file);
  const raw: Raw[] = [];
  const missing: string[] = [];
  const outside: string[] = [];
  for (const [n, line] of lines.entries()) {
    const f = parseCsvLine(line);
    const rel = f[pi];
    const cls = f[li];
    const split = si >= 0 && f[si] ? canonicalSplit(f[si]) : "train";
    if (!rel || !cls) throw new DatasetScanError(`${shown}:${n + 2}: missing path or label`);
    if (!split) throw new DatasetScanError(`${shown}:${n + 2}: split must be one of ${SPLITS.join("/")} (or valid/validation), got ${JSON.stringify(f[si])}`);
    if (!isImageFile(rel)) throw new DatasetScanError(`${shown}:${n + 2}: ${rel} is not an image the worker can decode`);
    const abs = path.resolve(dir, rel);
    try {
      // Inside the manifest's storage area (checked before the file system is asked), a regular file.
      const real = await s.access.resolve(abs);
      const st = await fsp.stat(real);
      if (!st.isFile()) throw new DatasetScanError(`${shown}:${n + 2}: ${rel} is not a regular file`);
      raw.push({ split, cls, file: real, rel: rel.split(path.sep).join("/"), size: st.size });
    } catch (e) {
      if (e instanceof DatasetScanError) throw e;
      if (e instanceof StorageError && e.reason === "outside") outside.push(rel);
      else if (e instanceof StorageError && e.reason === "type") throw new DatasetScanError(`${shown}:${n + 2}: ${rel} is not a regular file`);
      else missing.push(rel);
    }
  }
  if (outside.length) throw new DatasetScanError(`${shown}: ${outside.length} listed file(s) outside the manifest's storage area, e.g. ${outside.slice(0, 3).join(", ")}`);
  if (missing.length) throw new DatasetScanError(`${shown}: ${missing.length} listed file(s) missing, e.g. ${missing.slice(0, 3).join(", ")}`);
  if (!raw.length) throw new DatasetScanError(`${shown}: the manifest lists no images`);
  // Row order within a split (stable sort by split only).
  return raw.map((r, i) => ({ r, i })).sort((a, b) => splitRank(a.r.split) - splitRank(b.r.split) || a.i - b.i).map((x) => x.r);
}

export function contentHash(entries: { rel: string; size: number }[]): string {
  const h = createHash("sha256");
  for (const e of [...entries].sort((a, b) => cmp(a.rel, b.rel))) h.update(`${e.rel}\t${e.size}\n`);
  return h.digest("hex");
}

export interface ScanOptions {
  /** How files are read (default localAccess: any path, regular files only, size limits). */
  access?: FileAccess;
}

/** Scan a dataset; `layout` omitted: a file is a CSV manifest, a folder an ImageFolder. */
export async function scanDataset(location: string, layout?: DatasetLayout, opts: ScanOptions = {}): Promise<Dataset> {
  const access = opts.access ?? localAccess();
  let root: string;
  try {
    root = await access.resolve(location);
  } catch (e) {
    if (e instanceof StorageError && e.reason === "missing") throw new DatasetScanError(`${access.show(location)}: cannot read (ENOENT)`);
    if (e instanceof StorageError) throw new DatasetScanError(e.message);
    throw new DatasetScanError(`${access.show(location)}: cannot read (${errno(e)})`);
  }
  // Messages name the root as the caller did (a confined access: as the client gave it).
  const shownRoot = access.show(location);
  const s: Scan = { access, show: (p) => (p === root ? shownRoot : access.show(p)) };
  const st = await fsp.stat(root).catch((e: unknown) => {
    throw new DatasetScanError(`${shownRoot}: cannot read (${errno(e)})`);
  });
  const kind: DatasetLayout = layout ?? (st.isFile() ? "CSV_MANIFEST" : "IMAGE_FOLDER");
  if (kind === "CSV_MANIFEST" && !st.isFile()) throw new DatasetScanError(`${shownRoot}: a CSV manifest must be a file`);
  if (kind === "IMAGE_FOLDER" && !st.isDirectory()) throw new DatasetScanError(`${shownRoot}: an image folder must be a folder`);
  const raw = kind === "CSV_MANIFEST" ? await scanCsv(s, root) : await scanImageFolder(s, root);
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
