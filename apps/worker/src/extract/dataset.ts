/**
 * Dataset listing in a deterministic order.
 * - ImageFolder: `root/<class>/<img>`, or with split folders `root/{train,val,test}/<class>/<img>`
 *   (also valid/validation/… : any first-level folder whose children are class folders when
 *   one of train/val/test exists). Without split folders every image is in split "train".
 * - CSV manifest: header `path,label[,split]` (paths relative to the CSV's folder; split
 *   defaults to "train"). Simple CSV: fields may be double-quoted.
 * Order: splits train, val, test, then others alphabetically; within a split, ImageFolder sorts
 * by class then relative path (code-point order), CSV keeps row order. `index` is the position
 * in that order: the stable id stored in the cache. Labels: class names sorted (numerically if
 * all are integers).
 */
import { promises as fsp } from "node:fs";
import path from "node:path";

export interface DatasetItem {
  index: number;
  path: string;
  label: number;
  split: string;
}

export interface Dataset {
  name: string;
  root: string;
  kind: "imagefolder" | "csv";
  labelNames: string[];
  splits: string[];
  items: DatasetItem[];
}

export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif", ".avif", ".heic", ".bmp"]);
const SPLIT_DIRS = ["train", "val", "valid", "validation", "test"];
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function splitOrder(splits: Iterable<string>): string[] {
  const rank = (s: string): number => {
    const i = ["train", "val", "test"].indexOf(s);
    return i < 0 ? 3 : i;
  };
  return [...new Set(splits)].sort((a, b) => rank(a) - rank(b) || cmp(a, b));
}

function sortLabels(names: Iterable<string>): string[] {
  const u = [...new Set(names)];
  return u.every((n) => /^-?\d+$/.test(n)) ? u.sort((a, b) => Number(a) - Number(b)) : u.sort(cmp);
}

async function subdirs(dir: string): Promise<string[]> {
  return (await fsp.readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith(".")).map((d) => d.name).sort(cmp);
}

async function imagesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of (await fsp.readdir(d, { withFileTypes: true })).sort((a, b) => cmp(a.name, b.name))) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

export async function listImageFolder(root: string): Promise<Dataset> {
  const top = await subdirs(root);
  const hasSplits = top.some((d) => SPLIT_DIRS.includes(d));
  const raw: { split: string; cls: string; file: string }[] = [];
  for (const split of hasSplits ? top : [null]) {
    const base = split ? path.join(root, split) : root;
    for (const cls of await subdirs(base)) for (const file of await imagesUnder(path.join(base, cls))) raw.push({ split: split ?? "train", cls, file });
  }
  if (!raw.length) throw new Error(`${root}: no images found (expected root/<class>/<image> or root/<split>/<class>/<image>)`);
  return finish(root, "imagefolder", raw, true);
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    }
    else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

export async function listCsv(file: string): Promise<Dataset> {
  const lines = (await fsp.readFile(file, "utf8")).split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = parseCsvLine(lines[0] ?? "").map((h) => h.toLowerCase());
  const pi = header.indexOf("path");
  const li = header.indexOf("label");
  const si = header.indexOf("split");
  if (pi < 0 || li < 0) throw new Error(`${file}: CSV header must contain path and label (got ${lines[0] ?? "nothing"})`);
  const dir = path.dirname(path.resolve(file));
  const raw = lines.slice(1).map((l, n) => {
    const f = parseCsvLine(l);
    if (!f[pi] || f[li] === undefined || f[li] === "") throw new Error(`${file}:${n + 2}: missing path or label`);
    return { split: (si >= 0 && f[si]) || "train", cls: f[li], file: path.resolve(dir, f[pi]) };
  });
  return finish(file, "csv", raw, false);
}

function finish(root: string, kind: Dataset["kind"], raw: { split: string; cls: string; file: string }[], sort: boolean): Dataset {
  const labelNames = sortLabels(raw.map((r) => r.cls));
  const lab = new Map(labelNames.map((n, i) => [n, i]));
  const splits = splitOrder(raw.map((r) => r.split));
  const items: DatasetItem[] = [];
  for (const s of splits) {
    const rows = raw.filter((r) => r.split === s);
    if (sort) rows.sort((a, b) => cmp(a.cls, b.cls) || cmp(a.file, b.file));
    for (const r of rows) items.push({ index: items.length, path: r.file, label: lab.get(r.cls) as number, split: s });
  }
  return { name: path.basename(root).replace(/\.csv$/i, ""), root, kind, labelNames, splits, items };
}

/** A CSV file → CSV manifest; a folder → ImageFolder. */
export async function listDataset(location: string): Promise<Dataset> {
  const st = await fsp.stat(location).catch(() => null);
  if (!st) throw new Error(`dataset ${location} does not exist`);
  return st.isFile() ? listCsv(location) : listImageFolder(location);
}
