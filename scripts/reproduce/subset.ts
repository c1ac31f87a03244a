/**
 * "N labels per class": an ImageFolder with split folders whose train split keeps N images per
 * class (a seeded choice; hard links, copies where linking fails) and whose other splits are
 * linked whole. Idempotent: an existing subset with the same files is kept.
 */
import fs from "node:fs";
import path from "node:path";

const IMAGE = /\.(png|jpe?g|webp|tiff?|gif|avif)$/i;

function mulberry(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function link(src: string, dst: string): void {
  if (fs.existsSync(dst)) return;
  try {
    fs.linkSync(src, dst);
  } catch {
    fs.copyFileSync(src, dst);
  }
}

export function writeLabelSubset(
  root: string,
  out: string,
  perClass: number,
  seed = 0,
): { train: number; classes: string[] } {
  const splits = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  if (!splits.includes("train") || !splits.some((s) => s === "val" || s === "test"))
    throw new Error(
      `dataset ${root} needs train/ and val/ or test/ split folders for a labels-per-class subset`,
    );
  let train = 0;
  const classes = new Set<string>();
  for (const split of splits.filter((s) => ["train", "val", "test"].includes(s))) {
    for (const cls of fs
      .readdirSync(path.join(root, split), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()) {
      let files = fs
        .readdirSync(path.join(root, split, cls))
        .filter((f) => IMAGE.test(f))
        .sort();
      if (split === "train") {
        if (files.length < perClass)
          throw new Error(
            `class ${cls} has ${files.length} training images; ${perClass} per class requested`,
          );
        const rnd = mulberry(seed * 7919 + cls.length);
        for (let i = files.length - 1; i > 0; i--) {
          const j = Math.floor(rnd() * (i + 1));
          [files[i], files[j]] = [files[j], files[i]];
        }
        files = files.slice(0, perClass).sort();
        train += files.length;
        classes.add(cls);
      }
      const dir = path.join(out, split, cls);
      fs.mkdirSync(dir, { recursive: true });
      const keep = new Set(files);
      for (const f of fs.readdirSync(dir)) if (!keep.has(f)) fs.rmSync(path.join(dir, f));
      for (const f of files) link(path.join(root, split, cls, f), path.join(dir, f));
    }
  }
  return { train, classes: [...classes] };
}
