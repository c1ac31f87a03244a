/**
 * Minimal safetensors (https://github.com/huggingface/safetensors) encoder / decoder.
 * Layout: u64 LE header length N, N bytes of JSON header (padded with spaces to a multiple
 * of 8), then the raw little-endian tensor bytes. Header entries: {dtype, shape, data_offsets}
 * with offsets relative to the start of the byte buffer; optional "__metadata__" (string map).
 */
export type StDtype = "F16" | "F32" | "I32" | "U8" | "I64" | "F64";

export const DTYPE_BYTES: Record<StDtype, number> = { F16: 2, F32: 4, I32: 4, U8: 1, I64: 8, F64: 8 };

export type StData = Float32Array | Uint16Array | Int32Array | Uint8Array | Float64Array | BigInt64Array;

export interface StTensorIn {
  dtype: StDtype;
  shape: number[];
  data: StData;
}

export interface StTensorOut {
  dtype: StDtype;
  shape: number[];
  /** Raw bytes (a view into the decoded buffer, 8-byte aligned relative to it). */
  bytes: Uint8Array;
}

export class SafetensorsFormatError extends Error {
  override name = "SafetensorsFormatError";
}

interface HeaderEntry {
  dtype: StDtype;
  shape: number[];
  data_offsets: [number, number];
}

const numel = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/** Encode to a header buffer plus data chunks (write them in order; avoids one huge copy). */
export function encodeSafetensors(
  tensors: Record<string, StTensorIn>,
  metadata?: Record<string, string>,
): { header: Buffer; chunks: Uint8Array[]; totalBytes: number } {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const expected = numel(t.shape) * DTYPE_BYTES[t.dtype];
    const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    if (bytes.byteLength !== expected) {
      throw new SafetensorsFormatError(
        `tensor ${name}: ${bytes.byteLength} bytes, shape ${JSON.stringify(t.shape)} ${t.dtype} needs ${expected}`,
      );
    }
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + expected] };
    chunks.push(bytes);
    offset += expected;
  }
  let json = JSON.stringify(header);
  const pad = (8 - (Buffer.byteLength(json) % 8)) % 8;
  json += " ".repeat(pad);
  const jsonBytes = Buffer.from(json, "utf8");
  const head = Buffer.alloc(8 + jsonBytes.length);
  head.writeBigUInt64LE(BigInt(jsonBytes.length), 0);
  jsonBytes.copy(head, 8);
  return { header: head, chunks, totalBytes: head.length + offset };
}

/** Encode to one Buffer (small files: checkpoints, tests). */
export function encodeSafetensorsBuffer(
  tensors: Record<string, StTensorIn>,
  metadata?: Record<string, string>,
): Buffer {
  const { header, chunks } = encodeSafetensors(tensors, metadata);
  return Buffer.concat([header, ...chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))]);
}

/** Decode and validate (offsets in range, contiguous, sizes match dtype × shape). */
export function decodeSafetensors(buf: Uint8Array): {
  tensors: Record<string, StTensorOut>;
  metadata: Record<string, string>;
} {
  if (buf.byteLength < 8) throw new SafetensorsFormatError(`file too short (${buf.byteLength} bytes)`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const headerLen = Number(view.getBigUint64(0, true));
  if (headerLen <= 0 || 8 + headerLen > buf.byteLength)
    throw new SafetensorsFormatError(`header length ${headerLen} exceeds file size ${buf.byteLength}`);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 8, headerLen).toString("utf8")) as Record<
      string,
      unknown
    >;
  } catch (e) {
    throw new SafetensorsFormatError(`header is not valid JSON: ${(e as Error).message}`);
  }
  const dataStart = 8 + headerLen;
  const dataLen = buf.byteLength - dataStart;
  // Ensure aligned views: copy when the data section is not 8-byte aligned in memory.
  let data = new Uint8Array(buf.buffer, buf.byteOffset + dataStart, dataLen);
  if (data.byteOffset % 8 !== 0) data = new Uint8Array(data);
  const tensors: Record<string, StTensorOut> = {};
  let metadata: Record<string, string> = {};
  const ranges: [number, number][] = [];
  for (const [name, raw] of Object.entries(parsed)) {
    if (name === "__metadata__") {
      metadata = raw as Record<string, string>;
      continue;
    }
    const e = raw as HeaderEntry;
    if (!e || !(e.dtype in DTYPE_BYTES) || !Array.isArray(e.shape) || !Array.isArray(e.data_offsets))
      throw new SafetensorsFormatError(`bad header entry for ${name}`);
    const [s, t] = e.data_offsets;
    if (!(Number.isInteger(s) && Number.isInteger(t) && s >= 0 && t >= s && t <= dataLen))
      throw new SafetensorsFormatError(
        `tensor ${name}: offsets [${s}, ${t}] outside data section of ${dataLen} bytes`,
      );
    if (t - s !== numel(e.shape) * DTYPE_BYTES[e.dtype])
      throw new SafetensorsFormatError(
        `tensor ${name}: ${t - s} bytes do not match shape ${JSON.stringify(e.shape)} ${e.dtype}`,
      );
    ranges.push([s, t]);
    tensors[name] = { dtype: e.dtype, shape: e.shape, bytes: data.subarray(s, t) };
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (const [s, t] of ranges) {
    if (s !== pos) throw new SafetensorsFormatError(`data section has a gap or overlap at byte ${pos}`);
    pos = t;
  }
  if (pos !== dataLen)
    throw new SafetensorsFormatError(`data section is ${dataLen} bytes but tensors cover ${pos}`);
  return { tensors, metadata };
}

/** Typed views over decoded bytes (aligned by construction). */
export const asF32 = (b: Uint8Array): Float32Array =>
  new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
export const asU16 = (b: Uint8Array): Uint16Array =>
  new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
export const asI32 = (b: Uint8Array): Int32Array => new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
