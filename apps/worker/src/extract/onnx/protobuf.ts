/**
 * A minimal protocol-buffers *writer* (wire format only): varint, 32-bit float and
 * length-delimited fields, packed repeated int64 / float. Enough to encode the handful of ONNX
 * messages onnx-proto.ts writes; no schema, no reader. Chosen over a protobuf library because
 * none is a dependency of the worker (protobufjs is not installed; google-protobuf needs
 * generated code for onnx.proto) and the ONNX subset used is ~15 fields.
 */

/** Wire types. */
const VARINT = 0;
const LEN = 2;
const I32 = 5;

export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private scratch: number[] = [];
  private size = 0;

  get length(): number {
    return this.size + this.scratch.length;
  }

  private flush(): void {
    if (this.scratch.length) {
      this.chunks.push(Uint8Array.from(this.scratch));
      this.size += this.scratch.length;
      this.scratch = [];
    }
  }

  private push(bytes: Uint8Array): void {
    this.flush();
    if (bytes.length) {
      this.chunks.push(bytes);
      this.size += bytes.length;
    }
  }

  /** Raw varint (int64 semantics: negative numbers take 10 bytes, two's complement). */
  private rawVarint(v: number | bigint): void {
    let x = BigInt.asUintN(64, BigInt(v));
    while (x >= 0x80n) {
      this.scratch.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    this.scratch.push(Number(x));
  }

  private tag(field: number, wire: number): void {
    this.rawVarint((field << 3) | wire);
  }

  /** int32 / int64 / enum / bool field. */
  varint(field: number, v: number | bigint): this {
    if (typeof v === "number" && !Number.isSafeInteger(v)) throw new RangeError(`protobuf varint field ${field}: ${v} is not a safe integer`);
    this.tag(field, VARINT);
    this.rawVarint(v);
    return this;
  }

  /** float field (fixed 32-bit little endian). */
  float(field: number, v: number): this {
    this.tag(field, I32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    for (const x of b) this.scratch.push(x);
    return this;
  }

  /** bytes field. */
  bytes(field: number, b: Uint8Array): this {
    this.tag(field, LEN);
    this.rawVarint(b.length);
    this.push(b);
    return this;
  }

  /** string field (UTF-8). */
  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  /** Embedded message field. */
  message(field: number, m: ProtoWriter): this {
    this.tag(field, LEN);
    this.rawVarint(m.length);
    this.flush();
    m.flush();
    for (const c of m.chunks) this.chunks.push(c);
    this.size += m.size;
    return this;
  }

  /** Packed repeated int64 field. */
  packedVarints(field: number, vs: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const v of vs) inner.rawVarint(v);
    this.tag(field, LEN);
    this.rawVarint(inner.length);
    for (const x of inner.scratch) this.scratch.push(x);
    return this;
  }

  /** Packed repeated float field. */
  packedFloats(field: number, vs: readonly number[]): this {
    const b = new Uint8Array(4 * vs.length);
    const dv = new DataView(b.buffer);
    vs.forEach((v, i) => dv.setFloat32(4 * i, v, true));
    return this.bytes(field, b);
  }

  /** The encoded message as one buffer. */
  finish(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.size);
    let off = 0;
    for (const c of this.chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }

  /** The encoded message as its chunks (no copy of large payloads), for streaming to a file. */
  parts(): Uint8Array[] {
    this.flush();
    return [...this.chunks];
  }
}
