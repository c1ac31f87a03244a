/**
 * The ONNX messages the exporter writes (onnx.proto field numbers: ModelProto, GraphProto,
 * NodeProto, AttributeProto, TensorProto with raw or external data, ValueInfoProto) as plain
 * objects, and their protobuf encoding with ./protobuf.ts. Pure: no file I/O.
 */
import os from "node:os";
import { ProtoWriter } from "./protobuf";

export const DataType = { FLOAT: 1, INT64: 7 } as const;
export type DataTypeName = keyof typeof DataType;

export interface TensorInit {
  name: string;
  dims: number[];
  type: DataTypeName;
  /** FLOAT: Float32Array; INT64: BigInt64Array. */
  data: Float32Array | BigInt64Array;
}

/** An attribute value: integer (`number`), float (`{ f }`), ints, floats, string or tensor. */
export type AttrValue = number | { f: number } | number[] | { floats: number[] } | string | { t: TensorInit };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attrs?: Record<string, AttrValue>;
  domain?: string;
}

/** A tensor dimension: a size or a symbolic name (e.g. "batch"). */
export type Dim = number | string;
export interface ValueInfo {
  name: string;
  type: DataTypeName;
  dims: Dim[];
}

export interface GraphSpec {
  name: string;
  nodes: NodeSpec[];
  initializers: TensorInit[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

export interface ModelSpec {
  graph: GraphSpec;
  /** Default-domain opset version. */
  opset: number;
  irVersion: number;
  producer: { name: string; version: string };
  docString?: string;
  metadata?: Record<string, string>;
}

/** Where an initializer's bytes live when they are stored outside the model file. */
export interface ExternalRef {
  location: string;
  offset: number;
  length: number;
}

const AttrType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

function bytesOf(a: Float32Array | BigInt64Array): Uint8Array {
  if (os.endianness() !== "LE") throw new Error("ONNX raw_data is little-endian: big-endian hosts are not supported");
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function encodeTensor(t: TensorInit, external?: ExternalRef): ProtoWriter {
  const w = new ProtoWriter();
  if (t.dims.length) w.packedVarints(1, t.dims);
  w.varint(2, DataType[t.type]);
  w.string(8, t.name);
  if (external) {
    for (const [k, v] of [
      ["location", external.location],
      ["offset", String(external.offset)],
      ["length", String(external.length)],
    ]) w.message(13, new ProtoWriter().string(1, k).string(2, v));
    w.varint(14, 1); // DataLocation.EXTERNAL
  } else {
    w.bytes(9, bytesOf(t.data));
  }
  return w;
}

function encodeAttr(name: string, v: AttrValue): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  if (typeof v === "number") {
    if (!Number.isInteger(v)) throw new TypeError(`attribute ${name}: ${v} is not an integer (write { f: ${v} } for a float)`);
    w.varint(3, v).varint(20, AttrType.INT);
  } else if (typeof v === "string") w.string(4, v).varint(20, AttrType.STRING);
  else if (Array.isArray(v)) w.packedVarints(8, v).varint(20, AttrType.INTS);
  else if ("f" in v) w.float(2, v.f).varint(20, AttrType.FLOAT);
  else if ("floats" in v) w.packedFloats(7, v.floats).varint(20, AttrType.FLOATS);
  else w.message(5, encodeTensor(v.t)).varint(20, AttrType.TENSOR);
  return w;
}

function encodeNode(n: NodeSpec): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name).string(4, n.op);
  for (const [k, v] of Object.entries(n.attrs ?? {})) w.message(5, encodeAttr(k, v));
  if (n.domain) w.string(7, n.domain);
  return w;
}

function encodeValueInfo(v: ValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.dims) shape.message(1, typeof d === "number" ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().varint(1, DataType[v.type]).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}

export interface EncodeOptions {
  /** Store initializers of at least this many bytes in an external file named `location`. */
  external?: { location: string; minBytes?: number; align?: number };
}

export interface EncodedModel {
  /** The ModelProto bytes (in chunks: large raw tensors are not copied). */
  model: Uint8Array[];
  /** The external data file's chunks (empty when every tensor is inline). */
  data: Uint8Array[];
}

/** Encode a model; with `external`, large initializers go to the data chunks (ONNX external data). */
export function encodeModel(m: ModelSpec, opts: EncodeOptions = {}): EncodedModel {
  const g = new ProtoWriter();
  for (const n of m.graph.nodes) g.message(1, encodeNode(n));
  g.string(2, m.graph.name);
  const data: Uint8Array[] = [];
  let offset = 0;
  const ext = opts.external;
  for (const t of m.graph.initializers) {
    const bytes = bytesOf(t.data);
    if (ext && bytes.length >= (ext.minBytes ?? 1024)) {
      const align = ext.align ?? 64;
      const pad = (align - (offset % align)) % align;
      if (pad) data.push(new Uint8Array(pad));
      offset += pad;
      g.message(5, encodeTensor(t, { location: ext.location, offset, length: bytes.length }));
      data.push(bytes);
      offset += bytes.length;
    } else g.message(5, encodeTensor(t));
  }
  for (const i of m.graph.inputs) g.message(11, encodeValueInfo(i));
  for (const o of m.graph.outputs) g.message(12, encodeValueInfo(o));
  const w = new ProtoWriter().varint(1, m.irVersion).string(2, m.producer.name).string(3, m.producer.version);
  if (m.docString) w.string(6, m.docString);
  w.message(7, g);
  w.message(8, new ProtoWriter().string(1, "").varint(2, m.opset));
  for (const [k, v] of Object.entries(m.metadata ?? {})) w.message(14, new ProtoWriter().string(1, k).string(2, v));
  return { model: w.parts(), data };
}
