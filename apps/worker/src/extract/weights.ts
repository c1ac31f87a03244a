/**
 * Weight files for foundation models: safetensors (single file or a sharded
 * `model.safetensors.index.json`) read lazily tensor by tensor (a ViT-G checkpoint does not fit
 * one Buffer), converted to float32, and checked against the tensor names and shapes a model
 * needs. core/safetensors.ts is the cache format's codec (F16/F32/I32… whole-buffer); weights
 * also come as BF16 and can be several GB, so this module parses the header itself and reads
 * each tensor with positioned reads. F16 goes through core/float16.
 */
import { createHash } from "node:crypto";
import { createReadStream, promises as fsp } from "node:fs";
import path from "node:path";
import { float16ToFloat32 } from "../core/float16";

export type WeightDtype = "F32" | "F16" | "BF16" | "F64";
const BYTES: Record<WeightDtype, number> = { F32: 4, F16: 2, BF16: 2, F64: 8 };

export interface WeightInfo {
  name: string;
  dtype: WeightDtype;
  shape: number[];
  file: string;
  /** Absolute byte offset of the tensor data in `file`. */
  offset: number;
  bytes: number;
}

/** A problem with a weights file: bad format, or names/shapes that do not fit the model. */
export class WeightsError extends Error {
  override name = "WeightsError";
}

export interface WeightProblem {
  kind: "missing" | "shape" | "dtype";
  name: string;
  expected?: number[];
  actual?: number[];
}

/** Names or shapes in the checkpoint do not match the model; `problems` lists each one. */
export class WeightsMismatchError extends WeightsError {
  override name = "WeightsMismatchError";
  constructor(
    readonly file: string,
    readonly problems: WeightProblem[],
  ) {
    const lines = problems.slice(0, 20).map((p) =>
      p.kind === "missing" ? `missing tensor "${p.name}" (expected shape [${p.expected?.join(", ")}])` : p.kind === "shape" ? `tensor "${p.name}" has shape [${p.actual?.join(", ")}], expected [${p.expected?.join(", ")}]` : `tensor "${p.name}" has an unsupported dtype`,
    );
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : "";
    super(`weights ${file} do not match the model:\n  ${lines.join("\n  ")}${more}`);
  }
}

const numel = (s: number[]): number => s.reduce((a, b) => a * b, 1);

async function readHeader(file: string): Promise<WeightInfo[]> {
  const fh = await fsp.open(file, "r").catch((e: NodeJS.ErrnoException) => {
    throw new WeightsError(`cannot open weights file ${file}: ${e.code ?? e.message}`);
  });
  try {
    const size = (await fh.stat()).size;
    if (size < 8) throw new WeightsError(`${file}: not a safetensors file (${size} bytes)`);
    const lenBuf = Buffer.alloc(8);
    await fh.read(lenBuf, 0, 8, 0);
    const n = Number(lenBuf.readBigUInt64LE(0));
    if (!(n > 1 && 8 + n <= size && n < 1e9)) throw new WeightsError(`${file}: not a safetensors file (header length ${n}, file ${size} bytes)`);
    const hb = Buffer.alloc(n);
    await fh.read(hb, 0, n, 8);
    let header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
    try {
      header = JSON.parse(hb.toString("utf8")) as typeof header;
    } catch {
      throw new WeightsError(`${file}: safetensors header is not valid JSON`);
    }
    const out: WeightInfo[] = [];
    for (const [name, e] of Object.entries(header)) {
      if (name === "__metadata__") continue;
      const [s, t] = e.data_offsets ?? [];
      const dtype = e.dtype as WeightDtype;
      if (!(Number.isInteger(s) && Number.isInteger(t) && t >= s && 8 + n + t <= size)) throw new WeightsError(`${file}: tensor ${name} lies outside the file (truncated?)`);
      if (dtype in BYTES && t - s !== numel(e.shape) * BYTES[dtype]) throw new WeightsError(`${file}: tensor ${name} has ${t - s} bytes for shape [${e.shape.join(", ")}] ${dtype}`);
      out.push({ name, dtype, shape: e.shape, file, offset: 8 + n + s, bytes: t - s });
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** Named tensors of one checkpoint (lazy: data is read on `get`). */
export class WeightStore {
  private constructor(
    readonly files: string[],
    readonly infos: Map<string, WeightInfo>,
  ) {}

  /** Open a `.safetensors` file or a `model.safetensors.index.json` (sharded checkpoint). */
  static async open(file: string): Promise<WeightStore> {
    const files: string[] = [];
    if (file.endsWith(".json")) {
      const idx = JSON.parse(await fsp.readFile(file, "utf8")) as { weight_map?: Record<string, string> };
      if (!idx.weight_map) throw new WeightsError(`${file}: no weight_map (not a safetensors index)`);
      for (const f of new Set(Object.values(idx.weight_map))) files.push(path.join(path.dirname(file), f));
    } else files.push(file);
    const infos = new Map<string, WeightInfo>();
    for (const f of files.sort()) for (const i of await readHeader(f)) infos.set(i.name, i);
    return new WeightStore(files, infos);
  }

  get names(): string[] {
    return [...this.infos.keys()];
  }

  has(name: string): boolean {
    return this.infos.has(name);
  }

  shape(name: string): number[] | undefined {
    return this.infos.get(name)?.shape;
  }

  /** Strip a prefix (e.g. "dinov2.", "vision_model.") from every name; tensors outside it are dropped. */
  withPrefix(prefix: string): WeightStore {
    if (!prefix) return this;
    const m = new Map<string, WeightInfo>();
    for (const [k, v] of this.infos) if (k.startsWith(prefix)) m.set(k.slice(prefix.length), v);
    return new WeightStore(this.files, m);
  }

  /** Check every expected tensor's presence and shape; throws WeightsMismatchError listing all problems. */
  check(expected: Map<string, number[]>, where = this.files.join(", ")): void {
    const problems: WeightProblem[] = [];
    for (const [name, shape] of expected) {
      const info = this.infos.get(name);
      if (!info) problems.push({ kind: "missing", name, expected: shape });
      else if (!(info.dtype in BYTES)) problems.push({ kind: "dtype", name });
      else if (info.shape.length !== shape.length || info.shape.some((d, i) => d !== shape[i])) problems.push({ kind: "shape", name, expected: shape, actual: info.shape });
    }
    if (problems.length) throw new WeightsMismatchError(where, problems);
  }

  /** Read one tensor as float32. */
  async get(name: string): Promise<{ data: Float32Array; shape: number[] }> {
    const info = this.infos.get(name);
    if (!info) throw new WeightsMismatchError(this.files.join(", "), [{ kind: "missing", name }]);
    const fh = await fsp.open(info.file, "r");
    const raw = Buffer.alloc(info.bytes);
    try {
      await fh.read(raw, 0, info.bytes, info.offset);
    } finally {
      await fh.close();
    }
    return { data: toFloat32(raw, info.dtype), shape: info.shape };
  }
}

export function toFloat32(raw: Buffer, dtype: WeightDtype): Float32Array {
  const ab = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  switch (dtype) {
    case "F32":
      return new Float32Array(ab);
    case "F64":
      return Float32Array.from(new Float64Array(ab));
    case "F16":
      return float16ToFloat32(new Uint16Array(ab));
    case "BF16": {
      const src = new Uint16Array(ab);
      const u = new Uint32Array(src.length);
      for (let i = 0; i < src.length; i++) u[i] = src[i] << 16;
      return new Float32Array(u.buffer);
    }
    default:
      throw new WeightsError(`unsupported weight dtype ${String(dtype)}`);
  }
}

/** Streaming sha256 (hex) of a file (recorded on the FoundationModel). */
export async function sha256File(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** sha256 of a set of files (sharded checkpoints: hash of the per-file hashes in name order). */
export async function sha256Files(files: string[]): Promise<string> {
  if (files.length === 1) return sha256File(files[0]);
  const h = createHash("sha256");
  for (const f of [...files].sort()) h.update(`${path.basename(f)}:${await sha256File(f)}\n`);
  return h.digest("hex");
}
