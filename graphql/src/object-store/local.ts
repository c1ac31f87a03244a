/**
 * The object store as a local folder: the embedded default (one machine). A key is a file under
 * the folder; writes go to a temporary file beside the target and are renamed into place, so a
 * reader never sees half an object. Keys are checked (./store.ts) before any path is made, and
 * no symlink inside the folder is followed (a key cannot lead out of it).
 */
import { createHash, randomBytes } from "node:crypto";
import { constants, createReadStream, createWriteStream, promises as fsp } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { checkKey, StoreError, type ObjectStore, type StoredObject } from "./store";

const isMissing = (e: unknown): boolean => ["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "");

/** `file` written through a temporary sibling, fsynced, renamed into place. */
async function writeAtomic(file: string, write: (tmp: string) => Promise<void>, o: { skipRename?: boolean } = {}): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString("hex")}.part`;
  try {
    await write(tmp);
    if (o.skipRename) return; // `write` put it in place itself
    const fh = await fsp.open(tmp, "r");
    await fh.sync().finally(() => fh.close());
    await fsp.rename(tmp, file);
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

/** Size and sha256 of a file, streamed. */
async function hashOf(file: string): Promise<{ bytes: number; sha256: string }> {
  const h = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    h.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: h.digest("hex") };
}

/** Stream `body` into `file`, hashing on the way: its size and sha256. */
export async function streamToFile(body: AsyncIterable<Uint8Array>, file: string): Promise<{ bytes: number; sha256: string }> {
  const h = createHash("sha256");
  let bytes = 0;
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of body) {
      h.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }
  await pipeline(hashed(), createWriteStream(file));
  return { bytes, sha256: h.digest("hex") };
}

export class LocalStore implements ObjectStore {
  readonly describe: string;

  constructor(readonly root: string) {
    if (!path.isAbsolute(root)) throw new Error(`the object store folder must be absolute, got ${JSON.stringify(root)}`);
    this.describe = root;
  }

  /** The file of a key (checked), refusing a symlink on the way. */
  private async fileOf(key: string): Promise<string> {
    const parts = checkKey(key).split("/");
    let p = this.root;
    for (const part of parts.slice(0, -1)) {
      p = path.join(p, part);
      const st = await fsp.lstat(p).catch(() => null);
      if (st?.isSymbolicLink()) throw new StoreError("key", `${key}: a folder on the way is a symbolic link`);
    }
    return path.join(p, parts[parts.length - 1]);
  }

  async put(key: string, body: Buffer | string): Promise<void> {
    const file = await this.fileOf(key);
    await writeAtomic(file, (tmp) => fsp.writeFile(tmp, body));
  }

  async putFile(key: string, src: string, o: { ifAbsent?: boolean } = {}): Promise<boolean> {
    const file = await this.fileOf(key);
    let written = true;
    await writeAtomic(file, async (tmp) => {
      // A hard link when the source is on the same file system (a cache the worker just wrote
      // into the same disk costs no second copy), else a copy.
      await fsp.link(src, tmp).catch(() => fsp.copyFile(src, tmp, constants.COPYFILE_FICLONE));
      if (o.ifAbsent) {
        // link() never replaces: an object that appeared meanwhile wins.
        written = await fsp.link(tmp, file).then(
          () => true,
          (e: NodeJS.ErrnoException) => {
            if (e.code === "EEXIST") return false;
            throw e;
          },
        );
        await fsp.rm(tmp, { force: true });
      }
    }, { skipRename: o.ifAbsent });
    return written;
  }

  async get(key: string): Promise<Buffer | null> {
    const file = await this.fileOf(key);
    return fsp.readFile(file, { flag: constants.O_RDONLY | constants.O_NOFOLLOW }).catch((e) => {
      if (isMissing(e)) return null;
      throw e;
    });
  }

  async getRange(key: string, start: number, end: number): Promise<Buffer> {
    const file = await this.fileOf(key);
    const fh = await fsp.open(file, constants.O_RDONLY | constants.O_NOFOLLOW).catch((e) => {
      throw isMissing(e) ? new StoreError("missing", `no object ${key} in the store`) : e;
    });
    try {
      const buf = Buffer.alloc(Math.max(0, end - start));
      const { bytesRead } = await fh.read(buf, 0, buf.length, start);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  async download(key: string, file: string, expect: { sha256?: string; bytes?: number } = {}): Promise<{ bytes: number; sha256: string }> {
    const src = await this.fileOf(key);
    if (!(await fsp.lstat(src).catch(() => null))?.isFile()) throw new StoreError("missing", `no object ${key} in the store`);
    let got = { bytes: 0, sha256: "" };
    await writeAtomic(file, async (tmp) => {
      // Objects are never rewritten in place (every write is a rename of a new file), so on the
      // same file system the copy can be a hard link to the object, checked as it stands.
      const linked = await fsp.link(src, tmp).then(
        () => true,
        () => false,
      );
      got = linked ? await hashOf(tmp) : await streamToFile(createReadStream(src), tmp);
      checkExpected(key, got, expect);
    });
    return got;
  }

  async head(key: string): Promise<{ bytes: number } | null> {
    const st = await fsp.lstat(await this.fileOf(key)).catch(() => null);
    return st?.isFile() ? { bytes: st.size } : null;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    checkKey(prefix, { prefix: true });
    const out: StoredObject[] = [];
    // The folder the prefix names (or the one its last part starts in) is walked; symlinks and
    // temporary `.part` files are not objects.
    const slash = prefix.lastIndexOf("/");
    const base = slash < 0 ? "" : prefix.slice(0, slash);
    const walk = async (rel: string): Promise<void> => {
      const dir = path.join(this.root, rel);
      const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const key = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await walk(key);
        } else if (e.isFile() && key.startsWith(prefix) && !e.name.endsWith(".part")) {
          out.push({ key, bytes: (await fsp.lstat(path.join(dir, e.name))).size });
        }
      }
    };
    await walk(base);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(await this.fileOf(key), { force: true });
  }
}

/** StoreError "checksum" when a downloaded object is not what was expected. */
export function checkExpected(key: string, got: { bytes: number; sha256: string }, expect: { sha256?: string; bytes?: number }): void {
  if (expect.bytes !== undefined && got.bytes !== expect.bytes) throw new StoreError("checksum", `${key}: ${got.bytes} bytes, expected ${expect.bytes}`);
  if (expect.sha256 !== undefined && got.sha256 !== expect.sha256) throw new StoreError("checksum", `${key}: sha256 ${got.sha256.slice(0, 12)}… does not match the expected ${expect.sha256.slice(0, 12)}…`);
}
