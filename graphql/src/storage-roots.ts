/**
 * Storage roots: the only places datasets and model weights are read from on the platform. The
 * API checks a URI when it is registered and the worker again when it opens the files, with the
 * same roots (LOFFTA_STORAGE_ROOTS: absolute folders, `:`-separated; none configured: every URI
 * is refused). docs/security.md, "Storage roots".
 *
 * Inside a root, `teams/<team slug>/…` belongs to that team; everything else is the shared area,
 * readable by every team (what the operator put there: demo datasets, public models). The root
 * folder itself and `teams/` are no dataset (they hold other teams' folders).
 *
 * A URI is an absolute path, a `file://` URI or a relative path (resolved against the first
 * root, by the API and the worker alike: it is stored as given). Decided in this order:
 * 1. the path as written (`..` resolved, no file system access): outside every root, or in
 *    another team's folder → refused, the same answer whether it exists or not;
 * 2. its real path (symlinks resolved) must lie in the same area of a root (a symlink may not
 *    lead out of the root, nor from one team's folder or the shared area into another);
 * 3. only regular files and folders (no devices, fifos, sockets); files are opened without
 *    following a symlink (`O_NOFOLLOW`, `O_NONBLOCK`: a fifo never blocks the open) and are
 *    read only up to a size limit (STORAGE_LIMITS).
 * Errors name the URI as the client gave it (or a path relative to it), never the real path.
 */
import { constants, promises as fsp, type Dirent, type Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The variable both the API and the worker read (apps/api/src/config.ts, apps/worker/src/config.ts). */
export const STORAGE_ROOTS_ENV = "LOFFTA_STORAGE_ROOTS";
/** `<root>/teams/<slug>/`: one team's folder. */
export const TEAMS_FOLDER = "teams";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The most bytes read from one file of each kind. */
export const STORAGE_LIMITS = {
  /** A CSV manifest, config.json, preprocessor_config.json, a TF.js model.json, a safetensors index, refs/main. */
  textBytes: 64 * MiB,
  /** One image file. */
  imageBytes: 256 * MiB,
  /** The JSON header of one safetensors file. */
  safetensorsHeaderBytes: 100 * MiB,
  /** One weights file (a safetensors file or shard, read tensor by tensor). */
  weightsFileBytes: 64 * GiB,
  /** All weight shards of one TF.js model together (read into memory). */
  tfjsWeightsBytes: 2 * GiB,
} as const;

export type StorageErrorReason = "outside" | "missing" | "type" | "size" | "unreadable";

/**
 * A path that may not be read: outside the roots or another team's (`outside`, one message for
 * existing and missing paths), missing inside them, not a regular file or folder, too large.
 */
export class StorageError extends Error {
  override name = "StorageError";
  constructor(
    readonly reason: StorageErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** `:`-separated absolute folders (empty entries ignored); Error naming the first bad one. */
export function parseStorageRoots(raw: string): string[] {
  const roots = raw
    .split(":")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const r of roots) if (!path.isAbsolute(r)) throw new Error(`storage roots must be absolute folders, got ${JSON.stringify(r)}`);
  return roots;
}

/** A team slug usable as a folder name (anything else has no team folder). */
const SLUG_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** What part of a root a path is in: the root or `teams/` itself, the shared area, or a team's folder. */
type Area = "top" | "shared" | `team:${string}`;

const isInside = (rel: string): boolean => rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);

function areaIn(root: string, p: string): Area | null {
  const rel = path.relative(root, p);
  if (!isInside(rel)) return null;
  if (rel === "") return "top";
  const parts = rel.split(path.sep);
  if (parts[0] !== TEAMS_FOLDER) return "shared";
  if (parts.length < 2) return "top";
  return `team:${parts[1]}`;
}

const errnoOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? "error";

/** Reads files as the platform allows: FileAccess of a location (StorageRoots.access) or localAccess. */
export interface FileAccess {
  /** The path to open for `p` (its real path when confined); StorageError when it may not be read or is missing. */
  resolve(p: string): Promise<string>;
  /** Stats of `p` (a regular file or folder), null when missing; StorageError when it may not be read or is another kind of file. */
  stat(p: string): Promise<Stats | null>;
  /** Entries of a folder (symlinks are entries, never followed). */
  readdir(dir: string): Promise<Dirent[]>;
  /** Open a regular file for reading (no devices, fifos; at most `maxBytes`). */
  open(p: string, maxBytes: number): Promise<{ fh: FileHandle; size: number; path: string }>;
  /** A whole regular file (at most `maxBytes`). */
  readFile(p: string, maxBytes: number): Promise<Buffer>;
  /** How to name `p` in a message: relative to the location as the client gave it (confined), as is (local). */
  show(p: string): string;
}

const fmtBytes = (n: number): string => (n >= GiB ? `${n / GiB} GiB` : n >= MiB ? `${n / MiB} MiB` : `${n} bytes`);

async function openRegular(file: string, shown: string, maxBytes: number, noFollow: boolean): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await fsp.open(file, constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0));
  } catch (e) {
    const code = errnoOf(e);
    if (code === "ENOENT" || code === "ENOTDIR") throw new StorageError("missing", `${shown} does not exist`);
    if (code === "ELOOP") throw new StorageError("outside", `${shown} is a symbolic link that changed since it was checked`);
    throw new StorageError("unreadable", `${shown}: cannot open (${code})`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new StorageError("type", `${shown} is not a regular file`);
    if (st.size > maxBytes) throw new StorageError("size", `${shown} is larger than the ${fmtBytes(maxBytes)} limit`);
    return { fh, size: st.size };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

async function readRegular(file: string, shown: string, maxBytes: number, noFollow: boolean): Promise<Buffer> {
  const { fh, size } = await openRegular(file, shown, maxBytes, noFollow);
  try {
    // The size of the open file (fstat); a file growing meanwhile is cut at maxBytes + 1 and refused.
    const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === buf.length) break;
    }
    if (got > maxBytes) throw new StorageError("size", `${shown} is larger than the ${fmtBytes(maxBytes)} limit`);
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

async function statKind(p: string, shown: string, follow: boolean): Promise<Stats | null> {
  let st: Stats;
  try {
    st = follow ? await fsp.stat(p) : await fsp.lstat(p);
  } catch (e) {
    const code = errnoOf(e);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new StorageError("unreadable", `${shown}: cannot read (${code})`);
  }
  if (!st.isFile() && !st.isDirectory()) throw new StorageError("type", `${shown} is not a regular file or folder`);
  return st;
}

/**
 * Unconfined access for a person's own command line (`loffta-worker extract`): any path, but
 * still only regular files and folders, read up to the size limits.
 */
export function localAccess(): FileAccess {
  return {
    resolve: async (p) => {
      const abs = path.resolve(p);
      if (!(await statKind(abs, p, true))) throw new StorageError("missing", `${p} does not exist`);
      return abs;
    },
    stat: (p) => statKind(path.resolve(p), p, true),
    readdir: (dir) => fsp.readdir(dir, { withFileTypes: true }),
    open: (p, maxBytes) => openRegular(p, p, maxBytes, false).then((r) => ({ ...r, path: path.resolve(p) })),
    readFile: (p, maxBytes) => readRegular(p, p, maxBytes, false),
    show: (p) => p,
  };
}

/** A URI checked against the roots: where it lies and what it is. */
export interface StorageLocation {
  /** As the client gave it. */
  uri: string;
  /** Absolute, as written (`..` resolved, symlinks not). */
  lexical: string;
  /** Real path (symlinks resolved): what is opened. */
  real: string;
  /** The area of a root it lies in: "shared" or "team:<slug>". */
  area: string;
  isDirectory: boolean;
}

/** The configured roots (absolute, none nested in another); an empty list refuses every URI. */
export class StorageRoots {
  readonly roots: readonly string[];

  constructor(roots: readonly string[]) {
    const norm = roots.map((r) => {
      if (!path.isAbsolute(r)) throw new Error(`storage roots must be absolute folders, got ${JSON.stringify(r)}`);
      return path.resolve(r);
    });
    for (const a of norm) {
      for (const b of norm) if (a !== b && isInside(path.relative(a, b))) throw new Error(`storage root ${b} lies inside storage root ${a}: roots must not be nested`);
    }
    this.roots = [...new Set(norm)];
  }

  /** From a LOFFTA_STORAGE_ROOTS value (unset or empty: no roots, every URI refused). */
  static fromEnv(raw: string | undefined): StorageRoots {
    return new StorageRoots(raw?.trim() ? parseStorageRoots(raw) : []);
  }

  get configured(): boolean {
    return this.roots.length > 0;
  }

  /** The refusal of a path outside the roots: the same words whether it exists or not. */
  outside(shown: string): StorageError {
    if (!this.configured) return new StorageError("outside", `${shown}: this server has no storage roots configured, so no dataset or weights path is accepted (the operator sets ${STORAGE_ROOTS_ENV})`);
    return new StorageError("outside", `${shown}: not inside this platform's storage (use a path under a storage root: its shared area or your team's folder ${TEAMS_FOLDER}/<team slug>/)`);
  }

  /** The absolute path a URI names, without touching the file system; null for another scheme. */
  lexicalPath(uri: string): string | null {
    if (uri.includes("\0")) return null;
    if (/^file:/i.test(uri)) {
      try {
        return path.resolve(fileURLToPath(uri));
      } catch {
        return null;
      }
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri)) return null;
    if (path.isAbsolute(uri)) return path.resolve(uri);
    return this.roots.length ? path.resolve(this.roots[0], uri) : null;
  }

  private async realRoots(): Promise<(string | null)[]> {
    return Promise.all(this.roots.map((r) => fsp.realpath(r).catch(() => null)));
  }

  /** The area of `p` in any root (configured or real), null when outside every root. */
  private static areaOf(p: string, roots: readonly (string | null)[]): Area | null {
    for (const r of roots) {
      if (!r) continue;
      const a = areaIn(r, p);
      if (a) return a;
    }
    return null;
  }

  /**
   * The real path of `lexical`, which must stay in `area` (a missing path: its nearest existing
   * folder must); `area` was checked on the path as written before this is called.
   */
  private async confine(lexical: string, area: Area, shown: string, depth = 0): Promise<{ real: string; stats: Stats }> {
    const real = await this.realRoots();
    let resolved: string;
    try {
      resolved = await fsp.realpath(lexical);
    } catch (e) {
      const code = errnoOf(e);
      // Missing (or unreadable): answered as such only when the nearest existing path is in the area.
      let up = lexical;
      let st: Stats | null = null;
      for (;;) {
        st = await fsp.lstat(up).catch(() => null);
        if (st) break;
        const parent = path.dirname(up);
        if (parent === up) throw this.outside(shown);
        up = parent;
      }
      if (st.isSymbolicLink()) {
        // A dangling symlink (or a loop): where it points decides, as if it were written out.
        if (depth >= 40) throw this.outside(shown);
        const dir = await fsp.realpath(path.dirname(up)).catch(() => null);
        const target = dir === null ? null : await fsp.readlink(up).catch(() => null);
        if (dir === null || target === null) throw this.outside(shown);
        return this.confine(path.join(path.resolve(dir, target), path.relative(up, lexical)), area, shown, depth + 1);
      }
      const r = await fsp.realpath(up).catch(() => null);
      const a = r === null ? null : StorageRoots.areaOf(r, real);
      if (a !== area && a !== "top") throw this.outside(shown);
      if (code === "ENOENT" || code === "ENOTDIR") throw new StorageError("missing", `${shown} does not exist`);
      throw new StorageError("unreadable", `${shown}: cannot read (${code})`);
    }
    if (StorageRoots.areaOf(resolved, real) !== area) throw this.outside(shown);
    const stats = await statKind(resolved, shown, false);
    if (!stats) throw new StorageError("missing", `${shown} does not exist`);
    return { real: resolved, stats };
  }

  /**
   * Check a URI a client sent: `team` (its slug) may read the shared area and its own folder;
   * omitted (the worker, which checks stored URIs), any one area. StorageError otherwise.
   */
  async locate(uri: string, opts: { team?: string } = {}): Promise<StorageLocation> {
    const shown = uri;
    const lexical = this.lexicalPath(uri);
    if (lexical === null) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^file:/i.test(uri)) throw new StorageError("outside", `${shown}: only local paths and file:// URIs inside this platform's storage are accepted`);
      throw this.outside(shown);
    }
    const area = StorageRoots.areaOf(lexical, [...this.roots, ...(await this.realRoots())]);
    if (area === null || area === "top") throw this.outside(shown);
    if (opts.team !== undefined && area !== "shared" && !(SLUG_RE.test(opts.team) && area === `team:${opts.team}`)) throw this.outside(shown);
    const { real, stats } = await this.confine(lexical, area, shown);
    return { uri, lexical, real, area, isDirectory: stats.isDirectory() };
  }

  /** Reads confined to the area of `loc`: every path must be (lexically and really) in it. */
  access(loc: StorageLocation): FileAccess {
    const area = loc.area as Area;
    const show = (p: string): string => {
      const abs = path.resolve(p);
      const under = (base: string, baseUri: string): string | null => {
        const rel = path.relative(base, abs);
        if (!isInside(rel)) return null;
        return rel === "" ? baseUri : `${baseUri.replace(/\/+$/, "")}/${rel.split(path.sep).join("/")}`;
      };
      const dirUri = loc.uri.includes("/") ? loc.uri.slice(0, loc.uri.lastIndexOf("/")) || "/" : ".";
      for (const [base, baseUri] of [
        [loc.real, loc.uri],
        [loc.lexical, loc.uri],
        ...(loc.isDirectory ? [] : [[path.dirname(loc.real), dirUri] as const, [path.dirname(loc.lexical), dirUri] as const]),
      ] as const) {
        const s = under(base, baseUri);
        if (s !== null) return s;
      }
      return path.basename(abs);
    };
    const resolve = async (p: string): Promise<{ real: string; stats: Stats }> => {
      const abs = path.resolve(p);
      const a = StorageRoots.areaOf(abs, [...this.roots, ...(await this.realRoots())]);
      if (a !== area) throw this.outside(show(abs));
      return this.confine(abs, area, show(abs));
    };
    return {
      resolve: async (p) => (await resolve(p)).real,
      stat: async (p) => {
        try {
          return (await resolve(p)).stats;
        } catch (e) {
          if (e instanceof StorageError && e.reason === "missing") return null;
          throw e;
        }
      },
      readdir: async (dir) => fsp.readdir((await resolve(dir)).real, { withFileTypes: true }),
      open: async (p, maxBytes) => {
        const { real } = await resolve(p);
        return { ...(await openRegular(real, show(p), maxBytes, true)), path: real };
      },
      readFile: async (p, maxBytes) => readRegular((await resolve(p)).real, show(p), maxBytes, true),
      show,
    };
  }
}
