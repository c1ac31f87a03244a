/**
 * The ONNX Runtime extractor: the same FoundationModel as the tfjs loader (same weights, same
 * checks, same metadata), with the forward pass run by onnxruntime-node on a graph exported in
 * TypeScript (vit-graph.ts) from the backbone's parameters. One graph per (input size, block),
 * cached on disk by key (model-file.ts) when the weights' sha256 is known, else built in memory.
 * forwardAsync() runs it; the synchronous forward() throws (OnnxExtractorError "sync-forward").
 * The tfjs weights are disposed once the graphs for `sizes` are built; another size later
 * reloads the weights (through `reload`) to export its graph.
 */
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type * as OrtModule from "onnxruntime-node";
import type { InferenceSession } from "onnxruntime-node";
import type { BackboneOutput } from "../models/backbone";
import type { FoundationModel } from "../foundation";
import { GraphBuilder } from "./graph";
import { encodeModel } from "./onnx-proto";
import type { EncodedModel } from "./onnx-proto";
import { dataFileName, findModelFile, graphKey, writeModelFile } from "./model-file";
import { IR_VERSION, OPSET, INPUT, OUTPUT, buildVitGraph } from "./vit-graph";
import type { VitWeights } from "./vit-graph";
import { weightsFromBackbone } from "./weights-from-backbone";

/** Bumped whenever the exported graph changes (invalidates cached .onnx files). */
export const EXPORTER_VERSION = 1;
/** Above this many weight bytes the graph keeps its weights in a `.onnx.data` file (protobuf's 2 GB cap). */
const EXTERNAL_DATA_BYTES = 1 << 30;

export type OnnxExtractorProblem = "unsupported-family" | "runtime-unavailable" | "sync-forward" | "session-failed";

export class OnnxExtractorError extends Error {
  override name = "OnnxExtractorError";
  constructor(
    message: string,
    readonly problem: OnnxExtractorProblem,
  ) {
    super(message);
  }
}

type Ort = typeof OrtModule;
let ortModule: Ort | null = null;

/** Run a one-node graph: the addon loads, and its outputs pass onnxruntime's own type checks here. */
async function probe(ort: Ort): Promise<void> {
  const g = new GraphBuilder("probe");
  g.output(g.node("Neg", [g.input("x")], "probe"), "y");
  const graph = g.build([{ name: "x", type: "FLOAT", dims: [1] }], [{ name: "y", type: "FLOAT", dims: [1] }]);
  const s = await ort.InferenceSession.create(Buffer.concat(encodeModel({ graph, opset: OPSET, irVersion: IR_VERSION, producer: { name: "loffta", version: "probe" } }).model));
  try {
    const out = await s.run({ x: new ort.Tensor("float32", Float32Array.of(2), [1]) });
    if ((out.y.data as Float32Array)[0] !== -2) throw new Error("probe graph computed a wrong value");
  } finally {
    await s.release();
  }
}

/**
 * onnxruntime-node, loaded and probed on first use. Fails (OnnxExtractorError
 * "runtime-unavailable") when the addon does not load on this host, or when its outputs are
 * typed arrays of another JS realm than this module's (a jest sandbox without
 * ./jest-environment.js: onnxruntime-common's instanceof checks reject them).
 */
export async function loadOrt(): Promise<Ort> {
  if (ortModule) return ortModule;
  let ort: Ort;
  try {
    ort = await import("onnxruntime-node");
  } catch (e) {
    throw new OnnxExtractorError(`onnxruntime-node cannot be loaded on this host (${(e as Error).message.split("\n")[0]}): use the tfjs extractor`, "runtime-unavailable");
  }
  try {
    await probe(ort);
  } catch (e) {
    throw new OnnxExtractorError(`onnxruntime-node does not run here (${(e as Error).message.split("\n")[0]}): use the tfjs extractor`, "runtime-unavailable");
  }
  ortModule = ort;
  return ort;
}

export function onnxRuntimeVersion(ort: Ort): string {
  return `onnxruntime-node ${ort.env.versions.node ?? ort.env.versions.common}`;
}

export interface OnnxOptions {
  /** Folder of exported graphs (null: build in memory, never written). */
  cacheDir: string | null;
  /** intra-op threads (default: the host's CPUs). */
  threads?: number;
  /** Input sizes to export and open now (others on first use). */
  sizes?: { height: number; width: number }[];
  /** Reload the tfjs model to export a graph for a size not prepared (default: error). */
  reload?: () => Promise<FoundationModel>;
  /** Store the weights as ONNX external data even when small (tests). */
  externalData?: boolean;
  log?: (line: string) => void;
}

/** What identifies an exported graph besides the weights' bytes. */
function architecture(w: VitWeights): Record<string, unknown> {
  return {
    dim: w.dim,
    heads: w.heads,
    patch: w.patchSize,
    patchBias: w.patchB !== null,
    prefix: w.prefix.length / w.dim,
    registers: w.registers ? w.registers.length / w.dim : 0,
    posGrid: w.posGridSize,
    posAntialias: w.posAntialias,
    preNorm: w.preNorm ? w.preNorm.eps : null,
    finalNorm: w.finalNorm.eps,
    blocks: w.blocks.map((b) => [b.ln1.eps, b.ln2.eps, b.qkv.b !== null, b.ls1 !== null, b.ls2 !== null, b.ffn.kind === "mlp" ? [b.ffn.act, b.ffn.fc1.out] : ["swiglu", b.ffn.win.out]]),
  };
}

const weightBytes = (w: VitWeights): number => w.blocks.reduce((a, b) => a + 4 * (b.qkv.w.length + b.proj.w.length + (b.ffn.kind === "mlp" ? b.ffn.fc1.w.length + b.ffn.fc2.w.length : b.ffn.win.w.length + b.ffn.wout.w.length)), 4 * w.patchW.length);

/**
 * The ONNX model for `base` (a dinov2 / vit / clip model of the tfjs loader, which this call
 * disposes). Throws OnnxExtractorError for other families or when a session cannot be built.
 */
export async function onnxFromBase(base: FoundationModel, ort: Ort, opts: OnnxOptions): Promise<FoundationModel> {
  if (!base.backbone || base.layer === null) {
    const fam = base.family;
    base.dispose();
    throw new OnnxExtractorError(`the ONNX extractor supports the dinov2, vit and clip families, not ${fam}: use the tfjs extractor (LOFFTA_EXTRACTOR=tfjs or --extractor tfjs)`, "unsupported-family");
  }
  let weights: VitWeights | null = weightsFromBackbone(base.backbone.p);
  const { forward: _f, forwardAsync: _fa, dispose: _d, backbone: _b, ...meta } = base;
  const defaultLayer = base.layer;
  const sha = base.weights.sha256;
  base.dispose();
  const log = opts.log ?? (() => undefined);
  const threads = opts.threads ?? os.availableParallelism();
  const sessions = new Map<string, Promise<InferenceSession>>();
  const graphs: string[] = [];

  const sessionOptions: InferenceSession.SessionOptions = { graphOptimizationLevel: "all", intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: "sequential", logSeverityLevel: 3 };
  const open = async (height: number, width: number, layer: number): Promise<InferenceSession> => {
    if (!weights) {
      if (!opts.reload) throw new OnnxExtractorError(`no ONNX graph prepared for ${height}×${width} (block ${layer})`, "session-failed");
      const again = await opts.reload();
      if (!again.backbone) throw new OnnxExtractorError("reloaded model has no backbone", "session-failed");
      weights = weightsFromBackbone(again.backbone.p);
      again.dispose();
    }
    const key = graphKey({ exporter: EXPORTER_VERSION, weights: sha, family: meta.family, arch: architecture(weights), height, width, layer });
    const external = opts.externalData === true || weightBytes(weights) > EXTERNAL_DATA_BYTES;
    const encode = (): EncodedModel => {
      if (!weights) throw new OnnxExtractorError("the weights were released before the export", "session-failed");
      const graph = buildVitGraph(weights, { height, width, layer });
      return encodeModel(
        { graph, opset: OPSET, irVersion: IR_VERSION, producer: { name: "loffta", version: String(EXPORTER_VERSION) }, docString: `${meta.name} (${meta.architecture}) at ${height}×${width}, block ${layer}`, metadata: { weightsSha256: sha ?? "", family: meta.family } },
        external ? { external: { location: dataFileName(key) } } : {},
      );
    };
    // With a way to reload, the JS copy of the weights is dropped before onnxruntime loads its
    // own (lower peak memory); another graph later reloads them.
    const release = (): void => {
      if (opts.reload) weights = null;
    };
    const create = async (): Promise<InferenceSession> => {
      if (opts.cacheDir && sha) {
        let file = await findModelFile(opts.cacheDir, key);
        if (!file) {
          const t0 = performance.now();
          file = await writeModelFile(opts.cacheDir, key, encode());
          log(`onnx: exported ${meta.name} at ${height}×${width} (block ${layer}) to ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        }
        release();
        return await ort.InferenceSession.create(file, sessionOptions);
      }
      const enc = encode();
      release();
      if (!external) return await ort.InferenceSession.create(Buffer.concat(enc.model), sessionOptions);
      // External data needs files: a private temp folder, removed once the session holds the weights.
      const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-onnx-"));
      try {
        return await ort.InferenceSession.create(await writeModelFile(tmp, key, enc), sessionOptions);
      } finally {
        await fsp.rm(tmp, { recursive: true, force: true });
      }
    };
    try {
      const s = await create();
      graphs.push(key);
      return s;
    } catch (e) {
      if (e instanceof OnnxExtractorError) throw e;
      throw new OnnxExtractorError(`onnxruntime could not open the exported graph of ${meta.name} at ${height}×${width}: ${(e as Error).message}`, "session-failed");
    }
  };
  const session = (height: number, width: number, layer: number): Promise<InferenceSession> => {
    const k = `${height}x${width}@${layer}`;
    let s = sessions.get(k);
    if (!s) {
      s = open(height, width, layer);
      sessions.set(k, s);
      s.catch(() => sessions.delete(k));
    }
    return s;
  };
  try {
    for (const s of opts.sizes ?? []) await session(s.height, s.width, defaultLayer);
  } catch (e) {
    for (const s of sessions.values()) void s.then((x) => x.release(), () => undefined);
    throw e;
  }

  const forwardAsync = async (pixels: tf.Tensor4D, o?: { layer?: number }): Promise<BackboneOutput> => {
    const [B, H, W, C] = pixels.shape;
    const layer = o?.layer ?? defaultLayer;
    const L = meta.numLayers ?? 0;
    if (!(Number.isInteger(layer) && layer >= 1 && layer <= L)) throw new RangeError(`layer must be an integer in [1, ${L}], got ${layer}`);
    const { h, w } = meta.gridSize(H, W);
    if (h < 1 || w < 1) throw new RangeError(`image ${H}×${W} is smaller than one ${meta.patchSize}-px patch`);
    const s = await session(H, W, layer);
    // The output goes straight into a preallocated array (no copy out of onnxruntime).
    const px = await pixels.data();
    const input = new ort.Tensor("float32", px instanceof Float32Array ? px : new Float32Array(px), [B, H, W, C]);
    const D = meta.dim;
    const data = new Float32Array(B * (1 + h * w) * D);
    await s.run({ [INPUT]: input }, { [OUTPUT]: new ort.Tensor("float32", data, [B, 1 + h * w, D]) });
    return tf.tidy(() => {
      const t = tf.tensor3d(data, [B, 1 + h * w, D]);
      return { cls: t.slice([0, 0, 0], [B, 1, D]).reshape([B, D]) as tf.Tensor2D, grid: t.slice([0, 1, 0], [B, h * w, D]).reshape([B, h, w, D]) as tf.Tensor4D };
    });
  };
  const runtime = `${onnxRuntimeVersion(ort)} (CPU, ${threads} threads)`;
  return {
    ...meta,
    extractor: "onnx",
    runtime,
    onnxGraphs: graphs,
    forward: () => {
      throw new OnnxExtractorError("the ONNX extractor runs asynchronously: call forwardAsync", "sync-forward");
    },
    forwardAsync,
    dispose: () => {
      for (const s of sessions.values()) void s.then((x) => x.release(), () => undefined);
      sessions.clear();
      weights = null;
    },
  };
}
