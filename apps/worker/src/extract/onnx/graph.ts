/**
 * GraphBuilder: assembles an ONNX GraphSpec node by node with unique value names, float
 * initializers and de-duplicated int64 / scalar constants. Pure (no I/O, no runtime).
 */
import type { AttrValue, GraphSpec, NodeSpec, TensorInit, ValueInfo } from "./onnx-proto";

export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly inits: TensorInit[] = [];
  private readonly consts = new Map<string, string>();
  private readonly names = new Set<string>();
  private counter = 0;

  constructor(readonly name: string) {}

  private fresh(base: string): string {
    let n = base;
    while (this.names.has(n)) n = `${base}_${++this.counter}`;
    this.names.add(n);
    return n;
  }

  /** A float initializer (the data is referenced, not copied). */
  weight(name: string, dims: number[], data: Float32Array): string {
    const size = dims.reduce((a, b) => a * b, 1);
    if (data.length !== size) throw new RangeError(`initializer ${name}: ${data.length} values for shape [${dims.join(", ")}]`);
    const n = this.fresh(name);
    this.inits.push({ name: n, dims, type: "FLOAT", data });
    return n;
  }

  /** A 1-D int64 constant (shared between uses). */
  ints(values: number[]): string {
    const key = `i64:${values.join(",")}`;
    let n = this.consts.get(key);
    if (!n) {
      n = this.fresh(`const_i64_${values.map((v) => String(v).replace("-", "m")).join("_")}`);
      this.inits.push({ name: n, dims: [values.length], type: "INT64", data: BigInt64Array.from(values, (v) => BigInt(v)) });
      this.consts.set(key, n);
    }
    return n;
  }

  /** A 0-d int64 constant (e.g. a Gather index that drops the axis). */
  scalarInt(value: number): string {
    const key = `i64s:${value}`;
    let n = this.consts.get(key);
    if (!n) {
      n = this.fresh(`const_i64s_${value}`);
      this.inits.push({ name: n, dims: [], type: "INT64", data: BigInt64Array.of(BigInt(value)) });
      this.consts.set(key, n);
    }
    return n;
  }

  /** A 0-d float constant. */
  scalar(value: number): string {
    const key = `f32:${value}`;
    let n = this.consts.get(key);
    if (!n) {
      n = this.fresh(`const_f32_${this.counter++}`);
      this.inits.push({ name: n, dims: [], type: "FLOAT", data: Float32Array.of(value) });
      this.consts.set(key, n);
    }
    return n;
  }

  /** Add a node with `outputs` results; returns their names (prefixed by `name`). */
  nodeN(op: string, inputs: string[], outputs: number, name: string, attrs?: Record<string, AttrValue>, domain?: string): string[] {
    const nodeName = this.fresh(`${name}/${op}`);
    const outs = Array.from({ length: outputs }, (_, i) => this.fresh(outputs === 1 ? `${name}/${op}_out` : `${name}/${op}_out${i}`));
    this.nodes.push({ op, inputs, outputs: outs, name: nodeName, ...(attrs ? { attrs } : {}), ...(domain ? { domain } : {}) });
    return outs;
  }

  /** Add a single-output node. */
  node(op: string, inputs: string[], name: string, attrs?: Record<string, AttrValue>, domain?: string): string {
    return this.nodeN(op, inputs, 1, name, attrs, domain)[0];
  }

  /** Rename a value to a graph output name (an Identity node). */
  output(value: string, name: string): string {
    this.names.add(name);
    this.nodes.push({ op: "Identity", inputs: [value], outputs: [name], name: this.fresh(`${name}/Identity`) });
    return name;
  }

  /** Declare a graph input name (reserved). */
  input(name: string): string {
    this.names.add(name);
    return name;
  }

  build(inputs: ValueInfo[], outputs: ValueInfo[]): GraphSpec {
    return { name: this.name, nodes: [...this.nodes], initializers: [...this.inits], inputs, outputs };
  }
}
