/**
 * Dataset scanning: checks an ImageFolder tree or a CSV manifest, counts classes and splits,
 * and hashes the sorted relative paths + sizes (content identity without reading every byte).
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"]);
export const SPLITS = ["train", "val", "test"] as const;

export interface DatasetScan {
  classNames: string[];
  splitCounts: Record<string, number>;
  contentHash: string;
  imageCount: number;
}

/** A scan failure the caller should fix (bad path, empty folder, malformed CSV). */
export class DatasetScanError extends Error {}

/** A `file://` URI or a plain path, as an absolute path. Other schemes are not readable here. */
export function localPath(rootUri: string): string {
  if (rootUri.startsWith("file://")) return fileURLToPath(rootUri);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rootUri)) throw new DatasetScanError(`${rootUri}: only local paths and file:// URIs can be scanned`);
  return path.resolve(rootUri);
}

interface Entry {
  rel: string;
  size: number;
  label: string;
  split: string;
}

export function contentHash(entries: { rel: string; size: number }[]): string {
  const h = createHash("sha256");
  for (const e of [...entries].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) h.update(`${e.rel}\t${e.size}\n`);
  return h.digest("hex");
}

function summarise(entries: Entry[]): DatasetScan {
  const classes = new Set<string>();
  const splitCounts: Record<string, number> = {};
  for (const e of entries) {
    classes.add(e.label);
    splitCounts[e.split] = (splitCounts[e.split] ?? 0) + 1;
  }
  return { classNames: [...classes].sort(), splitCounts, contentHash: contentHash(entries), imageCount: entries.length };
}

async function readDirOrFail(dir: string) {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new DatasetScanError(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** Images of one `<class>/<image>` level under `dir`. */
async function scanClassDirs(root: string, dir: string, split: string, out: Entry[]): Promise<void> {
  for (const cls of await readDirOrFail(dir)) {
    if (!cls.isDirectory() || cls.name.startsWith(".")) continue;
    const classDir = path.join(dir, cls.name);
    for (const f of await readDirOrFail(classDir)) {
      if (!f.isFile() || !IMAGE_EXTENSIONS.has(path.extname(f.name).toLowerCase())) continue;
      const abs = path.join(classDir, f.name);
      const st = await fs.stat(abs);
      out.push({ rel: path.relative(root, abs).split(path.sep).join("/"), size: st.size, label: cls.name, split });
    }
  }
}

/** `root/<class>/<img>`, or `root/{train,val,test}/<class>/<img>` when any split folder exists. */
export async function scanImageFolder(root: string): Promise<DatasetScan> {
  const top = await readDirOrFail(root);
  const splitDirs = SPLITS.filter((s) => top.some((d) => d.isDirectory() && d.name === s));
  const entries: Entry[] = [];
  if (splitDirs.length) for (const s of splitDirs) await scanClassDirs(root, path.join(root, s), s, entries);
  else await scanClassDirs(root, root, "train", entries);
  if (entries.length === 0) throw new DatasetScanError(`${root}: no images found (expected <class>/<image> or <split>/<class>/<image>)`);
  return summarise(entries);
}

/** Split a CSV line (RFC 4180 quotes). */
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
  return out;
}

/** A CSV with header `path,label,split`; paths relative to the CSV's folder; every file must exist. */
export async function scanCsvManifest(file: string): Promise<DatasetScan> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    throw new DatasetScanError(`${file}: cannot read manifest (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = (lines.shift() ?? "").split(",").map((h) => h.trim().toLowerCase());
  const [pi, li, si] = ["path", "label", "split"].map((h) => header.indexOf(h));
  if (pi < 0 || li < 0 || si < 0) throw new DatasetScanError(`${file}: the header must name the columns path,label,split`);
  const base = path.dirname(file);
  const entries: Entry[] = [];
  const missing: string[] = [];
  for (const [n, line] of lines.entries()) {
    const cols = parseCsvLine(line);
    const rel = cols[pi]?.trim();
    const label = cols[li]?.trim();
    const split = cols[si]?.trim().toLowerCase();
    if (!rel || !label || !(SPLITS as readonly string[]).includes(split)) {
      throw new DatasetScanError(`${file}:${n + 2}: need a path, a label and a split in ${SPLITS.join("/")}`);
    }
    try {
      const st = await fs.stat(path.resolve(base, rel));
      entries.push({ rel, size: st.size, label, split });
    } catch {
      missing.push(rel);
    }
  }
  if (missing.length) throw new DatasetScanError(`${file}: ${missing.length} listed file(s) missing, e.g. ${missing.slice(0, 3).join(", ")}`);
  if (entries.length === 0) throw new DatasetScanError(`${file}: the manifest lists no images`);
  return summarise(entries);
}

export function scanDataset(layout: "IMAGE_FOLDER" | "CSV_MANIFEST", rootUri: string): Promise<DatasetScan> {
  const p = localPath(rootUri);
  return layout === "IMAGE_FOLDER" ? scanImageFolder(p) : scanCsvManifest(p);
}
