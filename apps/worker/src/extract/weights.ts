/**
 * Weight files for foundation models: safetensors (single file or a sharded
 * `model.safetensors.index.json`) read lazily tensor by tensor (a ViT-G checkpoint does not fit
 * one Buffer), converted to float32, and checked against the tensor names and shapes a model
 * needs. core/safetensors.ts is the cache format's codec (F16/F32/I32… whole-buffer); weights
 * also come as BF16 and can be several GB, so this module parses the header itself and reads
 * each tensor with positioned reads. F16 goes through core/float16.
 * Files are opened through a FileAccess (@loffta/graphql/storage-roots: regular files only, size
 * limits, confined to the storage roots on the platform); shards of an index must lie in its
 * folder. Messages name files as the access shows them and never carry their bytes or sizes.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { STORAGE_LIMITS, localAccess, type FileAccess } from "@loffta/graphql/storage-roots";
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

/** Open a weights file through `access`; its problems as WeightsError. */
async function openWeights(access: FileAccess, file: string, maxBytes: number = STORAGE_LIMITS.weightsFileBytes) {
  try {
    return await access.open(file, maxBytes);
  } catch (e) {
    throw new WeightsError(`cannot open weights file: ${(e as Error).message}`);
  }
}

async function readHeader(file: string, access: FileAccess): Promise<WeightInfo[]> {
  const shown = access.show(file);
  const { fh, size, path: real } = await openWeights(access, file);
  try {
    // Neither the file's size nor its first bytes go into a message (they reach API clients).
    if (size < 8) throw new WeightsError(`${shown}: not a safetensors file (too short)`);
    const lenBuf = Buffer.alloc(8);
    await fh.read(lenBuf, 0, 8, 0);
    const n = Number(lenBuf.readBigUInt64LE(0));
    if (!(n > 1 && 8 + n <= size && n <= STORAGE_LIMITS.safetensorsHeaderBytes)) throw new WeightsError(`${shown}: not a safetensors file (bad header length)`);
    const hb = Buffer.alloc(n);
    await fh.read(hb, 0, n, 8);
    let header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
    try {
      header = JSON.parse(hb.toString("utf8")) as typeof header;
    } catch {
      throw new WeightsError(`${shown}: safetensors header is not valid JSON`);
    }
    if (typeof header !== "object" || header === null || Array.isArray(header)) throw new WeightsError(`${shown}: safetensors header is not a JSON object`);
    const out: WeightInfo[] = [];
    for (const [name, e] of Object.entries(header)) {
      if (name === "__metadata__") continue;
      const [s, t] = e?.data_offsets ?? [];
      const dtype = e?.dtype as WeightDtype;
      if (!Array.isArray(e?.shape) || !e.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new WeightsError(`${shown}: tensor ${name} has no valid shape`);
      if (!(Number.isInteger(s) && Number.isInteger(t) && t >= s && 8 + n + t <= size)) throw new WeightsError(`${shown}: tensor ${name} lies outside the file (truncated?)`);
      if (dtype in BYTES && t - s !== numel(e.shape) * BYTES[dtype]) throw new WeightsError(`${shown}: tensor ${name} has ${t - s} bytes for shape [${e.shape.join(", ")}] ${dtype}`);
      out.push({ name, dtype, shape: e.shape, file: real, offset: 8 + n + s, bytes: t - s });
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** A file an index or model.json names: relative, inside `dir` (no `..` out of it, no URL). */
export function fileInFolder(dir: string, rel: unknown, what: string): string {
  const named = JSON.stringify(typeof rel === "string" ? rel.slice(0, 200) : rel) ?? String(rel);
  if (typeof rel !== "string" || !rel || rel.includes("\0") || /^[a-z][a-z0-9+.-]*:/i.test(rel) || path.isAbsolute(rel)) throw new WeightsError(`${what}: ${named} is not a file name relative to its folder`);
  const abs = path.resolve(dir, rel);
  const inside = path.relative(dir, abs);
  if (!inside || inside === ".." || inside.startsWith(`..${path.sep}`)) throw new WeightsError(`${what}: ${named} lies outside the model folder`);
  return abs;
}

/** Named tensors of one checkpoint (lazy: data is read on `get`). */
export class WeightStore {
  private constructor(
    /** The files as named (the tensors' `file` is the real path the access opened). */
    readonly files: string[],
    readonly infos: Map<string, WeightInfo>,
    readonly access: FileAccess,
  ) {}

  /** Open a `.safetensors` file or a `model.safetensors.index.json` (sharded checkpoint). */
  static async open(file: string, access: FileAccess = localAccess()): Promise<WeightStore> {
    const shown = access.show(file);
    const files: string[] = [];
    if (file.endsWith(".json")) {
      let idx: { weight_map?: Record<string, unknown> };
      try {
        idx = JSON.parse((await access.readFile(file, STORAGE_LIMITS.textBytes)).toString("utf8")) as typeof idx;
      } catch (e) {
        throw new WeightsError(e instanceof SyntaxError ? `${shown}: not valid JSON` : `cannot read weights index: ${(e as Error).message}`);
      }
      if (!idx || typeof idx.weight_map !== "object" || idx.weight_map === null) throw new WeightsError(`${shown}: no weight_map (not a safetensors index)`);
      for (const f of new Set(Object.values(idx.weight_map))) files.push(fileInFolder(path.dirname(file), f, shown));
    } else files.push(file);
    const infos = new Map<string, WeightInfo>();
    for (const f of files.sort()) for (const i of await readHeader(f, access)) infos.set(i.name, i);
    return new WeightStore(files, infos, access);
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
    return new WeightStore(this.files, m, this.access);
  }

  /** Check every expected tensor's presence and shape; throws WeightsMismatchError listing all problems. */
  check(expected: Map<string, number[]>, where = this.files.map((f) => this.access.show(f)).join(", ")): void {
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
    if (!info) throw new WeightsMismatchError(this.files.map((f) => this.access.show(f)).join(", "), [{ kind: "missing", name }]);
    const { fh } = await openWeights(this.access, info.file);
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
export async function sha256File(file: string, access: FileAccess = localAccess()): Promise<string> {
  const h = createHash("sha256");
  const { fh } = await openWeights(access, file);
  try {
    for await (const chunk of fh.createReadStream({ highWaterMark: 1 << 22, autoClose: false })) h.update(chunk as Buffer);
  } finally {
    await fh.close();
  }
  return h.digest("hex");
}

/** sha256 of a set of files (sharded checkpoints: hash of the per-file hashes in name order). */
export async function sha256Files(files: string[], access: FileAccess = localAccess()): Promise<string> {
  if (files.length === 1) return sha256File(files[0], access);
  const h = createHash("sha256");
  for (const f of [...files].sort()) h.update(`${path.basename(f)}:${await sha256File(f, access)}\n`);
  return h.digest("hex");
}
