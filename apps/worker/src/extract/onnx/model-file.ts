/**
 * The exported graphs on disk: `<dir>/<key>.onnx` (+ `<key>.onnx.data` holding the weights when
 * the model is large: protobuf caps a file at 2 GB). `key` is a sha256 of the weights' sha256,
 * the architecture, input size, block and exporter version (onnxGraphKey), so a graph is built
 * once per weights and setting. Writes are atomic (temp file + rename); a concurrent writer of
 * the same key writes the same bytes.
 */
import { createHash } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";
import type { EncodedModel } from "./onnx-proto";

export function graphKey(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export const modelFileName = (key: string): string => `${key}.onnx`;
export const dataFileName = (key: string): string => `${key}.onnx.data`;

/** The model file when it (and its data file, if the model has one) are complete on disk. */
export async function findModelFile(dir: string, key: string): Promise<string | null> {
  const file = path.join(dir, modelFileName(key));
  const marker = path.join(dir, `${key}.done`);
  const ok = await fsp.stat(marker).then((s) => s.isFile(), () => false);
  return ok ? file : null;
}

async function writeChunks(file: string, chunks: Uint8Array[]): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fh = await fsp.open(tmp, "w");
  try {
    for (const c of chunks) await fh.write(c);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, file);
}

/** Write model (+ data) atomically, then the `.done` marker; returns the model file. */
export async function writeModelFile(dir: string, key: string, enc: EncodedModel): Promise<string> {
  await fsp.mkdir(dir, { recursive: true });
  if (enc.data.length) await writeChunks(path.join(dir, dataFileName(key)), enc.data);
  const file = path.join(dir, modelFileName(key));
  await writeChunks(file, enc.model);
  await fsp.writeFile(path.join(dir, `${key}.done`), `${new Date().toISOString()}\n`);
  return file;
}
