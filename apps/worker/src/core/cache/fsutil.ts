/** Atomic file writes: temp file in the same directory, fsync, rename, fsync directory. */
import { createHash } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";

async function fsyncDir(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, "r");
    await fh.sync();
  } catch {
    // Some filesystems do not allow fsync on directories: best effort.
  } finally {
    await fh?.close();
  }
}

export const tempName = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}`);

/** Write chunks atomically; returns the sha256 (hex) and size of what was written. */
export async function writeFileAtomic(
  file: string,
  chunks: Uint8Array[],
): Promise<{ sha256: string; bytes: number }> {
  const tmp = tempName(file);
  const hash = createHash("sha256");
  let bytes = 0;
  const fh = await fsp.open(tmp, "w");
  try {
    for (const c of chunks) {
      hash.update(c);
      let off = 0;
      while (off < c.byteLength) {
        const { bytesWritten } = await fh.write(c, off, c.byteLength - off);
        off += bytesWritten;
      }
      bytes += c.byteLength;
    }
    await fh.sync();
  } catch (e) {
    await fh.close();
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  await fsp.rename(tmp, file);
  await fsyncDir(path.dirname(file));
  return { sha256: hash.digest("hex"), bytes };
}

export const sha256Hex = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");
