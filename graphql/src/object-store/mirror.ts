/**
 * A local copy of objects of the store, size-capped and least-recently-used: how a worker (or the
 * API, to scan a `store:` dataset) reads from a remote store with the file-based readers it has.
 * `<dir>/<key>` holds object `<key>`; a file is fetched once, its size (and sha256, when the
 * caller knows it) checked on the way, and reused while it stays in the copy. Files are touched
 * when used; when the copy grows past `capBytes`, the least recently used files go first, except
 * those under a pinned prefix (what a running job reads).
 *
 * Several processes may share one folder (a worker and its job children): files appear by
 * rename only, so a reader sees a whole file or none; a file evicted by another process while
 * in use is fetched again (`fetch` after ENOENT).
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import { StorageRoots, type FileAccess, type StorageLocation } from "../storage-roots";
import { checkKey, inParallel, StoreError, type ObjectStore } from "./store";

/** Parallel downloads of one prefix (a dataset's images, a cache's shards). */
const PARALLEL = 4;

export interface MirrorOptions {
  /** Most bytes the copy keeps (default 20 GiB); a single object larger than it is still fetched. */
  capBytes?: number;
}

export class StoreMirror {
  readonly capBytes: number;
  private readonly pinned = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    readonly store: ObjectStore,
    readonly dir: string,
    o: MirrorOptions = {},
  ) {
    if (!path.isAbsolute(dir)) throw new Error(`the store copy's folder must be absolute, got ${JSON.stringify(dir)}`);
    this.capBytes = o.capBytes ?? 20 * 1024 ** 3;
  }

  /** The local file of a key (not fetched). */
  fileOf(key: string): string {
    return path.join(this.dir, ...checkKey(key).split("/"));
  }

  /**
   * The local file of object `key`, fetched when missing or of another size than `expect.bytes`
   * (then checked against `expect`). One download per key at a time in this process.
   */
  async fetch(key: string, expect: { sha256?: string; bytes?: number } = {}): Promise<string> {
    const file = this.fileOf(key);
    const st = await fsp.stat(file).catch(() => null);
    if (st?.isFile() && (expect.bytes === undefined || st.size === expect.bytes)) {
      const now = new Date();
      await fsp.utimes(file, now, now).catch(() => {});
      return file;
    }
    let p = this.inflight.get(key);
    if (!p) {
      p = this.store.download(key, file, expect).then(async () => {
        await this.evict();
        return file;
      });
      this.inflight.set(key, p);
      void p.then(
        () => this.inflight.delete(key),
        () => this.inflight.delete(key),
      );
    }
    return p;
  }

  /** Drop the local copy of a key (a file found corrupt is fetched again next time). */
  async forget(key: string): Promise<void> {
    await fsp.rm(this.fileOf(key), { force: true });
  }

  /**
   * Every object under `prefix/` as local files (a dataset folder): fetched in parallel, files of
   * the copy that the store no longer has removed. The local folder; StoreError "missing" when
   * the store has nothing there.
   */
  async fetchPrefix(prefix: string): Promise<{ dir: string; objects: number; bytes: number }> {
    const folder = `${checkKey(prefix)}/`;
    const objects = await this.store.list(folder);
    if (!objects.length) throw new StoreError("missing", `store:${prefix} has no objects`);
    const release = this.pin(prefix);
    try {
      await inParallel(objects, PARALLEL, (o) => this.fetch(o.key, { bytes: o.bytes }));
      const wanted = new Set(objects.map((o) => this.fileOf(o.key)));
      const dir = this.fileOf(prefix);
      for (const f of await walk(dir)) if (!wanted.has(f)) await fsp.rm(f, { force: true });
      return { dir, objects: objects.length, bytes: objects.reduce((a, o) => a + o.bytes, 0) };
    } finally {
      release();
    }
  }

  /**
   * A `store:` URI's key as a local file or folder (an object, else every object under it), with
   * a location and an access confined to the copy (the readers' usual checks: regular files, no
   * symlinks, size limits). StoreError "missing" when the store has neither.
   */
  async locate(key: string): Promise<{ location: StorageLocation; access: FileAccess }> {
    const head = await this.store.head(key);
    const local = head ? await this.fetch(key, { bytes: head.bytes }) : (await this.fetchPrefix(key)).dir;
    const roots = new StorageRoots([this.dir]);
    const location = await roots.locate(local);
    return { location: { ...location, uri: `store:${key}` }, access: roots.access(location) };
  }

  /** Keep files under `prefix` from eviction until the returned function is called. */
  pin(prefix: string): () => void {
    const dir = this.fileOf(prefix);
    this.pinned.set(dir, (this.pinned.get(dir) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.pinned.get(dir) ?? 1) - 1;
      if (n <= 0) this.pinned.delete(dir);
      else this.pinned.set(dir, n);
    };
  }

  private isPinned(file: string): boolean {
    for (const dir of this.pinned.keys()) if (file === dir || file.startsWith(`${dir}${path.sep}`)) return true;
    return false;
  }

  /** Remove least recently used files until the copy is within its cap (pinned files stay). */
  async evict(): Promise<{ removed: number; bytes: number }> {
    const files: { file: string; size: number; used: number }[] = [];
    for (const file of await walk(this.dir)) {
      const st = await fsp.stat(file).catch(() => null);
      if (st?.isFile()) files.push({ file, size: st.size, used: st.mtimeMs });
    }
    let total = files.reduce((a, f) => a + f.size, 0);
    let removed = 0;
    files.sort((a, b) => a.used - b.used);
    for (const f of files) {
      if (total <= this.capBytes) break;
      if (this.isPinned(f.file)) continue;
      await fsp.rm(f.file, { force: true });
      total -= f.size;
      removed++;
    }
    return { removed, bytes: total };
  }
}

/** Every regular file under `dir` (none when it does not exist); temporary `.part` files excluded. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && !e.name.endsWith(".part")) out.push(p);
  }
  return out;
}
