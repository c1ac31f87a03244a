/**
 * Bring-your-own TensorFlow.js model (layers `model.json` + weight shards, or a graph model):
 * a chosen intermediate layer (layers model: layer name; graph model: node name) is the
 * feature grid. A 4-D output [B, h, w, C] (e.g. a CNN feature map) is the token grid; a 3-D
 * output [B, T, C] is read as tokens (T = h·w square, or 1 + h·w with a leading CLS). CLS is the
 * global average of the grid when the model has none.
 * model.json and its weight shards are read here through a FileAccess (never by TF.js's own file
 * loader): shards must lie in model.json's folder (no `..`, no absolute paths or URLs), regular
 * files within the size limits (STORAGE_LIMITS).
 */
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { STORAGE_LIMITS, localAccess, type FileAccess } from "@loffta/graphql/storage-roots";
import { WeightsError, fileInFolder } from "../weights";
import type { BackboneOutput } from "./backbone";

export interface TfjsModelOptions {
  /** Layer name (layers model) or node name (graph model) whose output is the grid; default: the model output. */
  layer?: string;
  /** How files are read (default localAccess). */
  access?: FileAccess;
}

export interface TfjsFeatureModel {
  format: "layers-model" | "graph-model";
  files: string[];
  forward(pixels: tf.Tensor4D): BackboneOutput;
  /** Output grid for an input size (probed once per size). */
  gridSize(height: number, width: number): { h: number; w: number };
  dim(height: number, width: number): number;
  layerNames: string[];
  dispose(): void;
}

function toOutput(y: tf.Tensor): BackboneOutput {
  return tf.tidy(() => {
    if (y.rank === 4) {
      const grid = y as tf.Tensor4D;
      return { cls: tf.mean(grid, [1, 2]) as tf.Tensor2D, grid: grid.clone() };
    }
    if (y.rank === 3) {
      const [B, T, C] = y.shape as [number, number, number];
      const s = Math.round(Math.sqrt(T));
      if (s * s === T) {
        const grid = y.reshape([B, s, s, C]) as tf.Tensor4D;
        return { cls: tf.mean(grid, [1, 2]) as tf.Tensor2D, grid };
      }
      const s1 = Math.round(Math.sqrt(T - 1));
      if (s1 * s1 === T - 1) return { cls: y.slice([0, 0, 0], [B, 1, C]).reshape([B, C]) as tf.Tensor2D, grid: y.slice([0, 1, 0], [B, T - 1, C]).reshape([B, s1, s1, C]) as tf.Tensor4D };
    }
    throw new WeightsError(`TF.js feature layer output has shape [${y.shape.join(", ")}]: need [B, h, w, C] or [B, T, C] with T a square (+1 for CLS)`);
  });
}

type ModelJson = tf.io.ModelJSON & { format?: string };

async function readModelJson(access: FileAccess, modelJson: string): Promise<ModelJson> {
  let text: string;
  try {
    text = (await access.readFile(modelJson, STORAGE_LIMITS.textBytes)).toString("utf8");
  } catch (e) {
    throw new WeightsError(`cannot read TF.js model: ${(e as Error).message}`);
  }
  let json: ModelJson;
  try {
    json = JSON.parse(text) as ModelJson;
  } catch {
    // JSON.parse's message quotes the text: never pass it on.
    throw new WeightsError(`${access.show(modelJson)} is not valid JSON`);
  }
  if (typeof json !== "object" || json === null || !json.modelTopology) throw new WeightsError(`${access.show(modelJson)} is not a TF.js model.json (no modelTopology)`);
  if (json.weightsManifest !== undefined && !(Array.isArray(json.weightsManifest) && json.weightsManifest.every((g) => Array.isArray(g?.paths) && Array.isArray(g?.weights))))
    throw new WeightsError(`${access.show(modelJson)}: weightsManifest must list groups of paths and weights`);
  return json;
}

/** The shard files of a model.json, each inside its folder (WeightsError naming the first that is not). */
function shardFiles(modelJson: string, json: ModelJson, shown: string): string[] {
  const dir = path.dirname(modelJson);
  return (json.weightsManifest ?? []).flatMap((g) => g.paths.map((p) => fileInFolder(dir, p, `${shown} weight path`)));
}

/** A TF.js IOHandler reading model.json's artifacts through `access` (the shards checked by shardFiles). */
function ioHandler(access: FileAccess, json: ModelJson, shards: string[]): tf.io.IOHandler {
  return {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const bufs: Buffer[] = [];
        let total = 0;
        for (const file of shards) {
          let b: Buffer;
          try {
            b = await access.readFile(file, STORAGE_LIMITS.tfjsWeightsBytes - total);
          } catch (e) {
            throw new WeightsError(`cannot read TF.js weights: ${(e as Error).message}`);
          }
          total += b.length;
          bufs.push(b);
        }
        const all = Buffer.concat(bufs);
        return [manifest.flatMap((g) => g.weights), all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
      }),
  };
}

export async function loadTfjsModel(modelJson: string, opts: TfjsModelOptions = {}): Promise<TfjsFeatureModel> {
  const access = opts.access ?? localAccess();
  const json = await readModelJson(access, modelJson);
  const shards = shardFiles(modelJson, json, access.show(modelJson));
  const files = [modelJson, ...shards];
  const url = ioHandler(access, json, shards);
  const isGraph = json.format === "graph-model" || (!!json.modelTopology && typeof json.modelTopology === "object" && "node" in (json.modelTopology as object));
  const probe = new Map<string, { h: number; w: number; d: number }>();
  const shapeOf = (self: TfjsFeatureModel, H: number, W: number): { h: number; w: number; d: number } => {
    const k = `${H}x${W}`;
    let r = probe.get(k);
    if (!r) {
      const out = tf.tidy(() => self.forward(tf.zeros([1, H, W, 3]) as tf.Tensor4D));
      r = { h: out.grid.shape[1], w: out.grid.shape[2], d: out.grid.shape[3] };
      tf.dispose([out.cls, out.grid]);
      probe.set(k, r);
    }
    return r;
  };
  if (isGraph) {
    const model = await tf.loadGraphModel(url);
    const node = opts.layer;
    const self: TfjsFeatureModel = {
      format: "graph-model",
      files,
      layerNames: Object.keys(model.modelSignature ?? {}),
      forward: (pixels) => {
        const y = (node ? model.execute(pixels, node) : model.execute(pixels)) as tf.Tensor;
        const out = toOutput(y);
        y.dispose();
        return out;
      },
      gridSize: (H, W) => shapeOf(self, H, W),
      dim: (H, W) => shapeOf(self, H, W).d,
      dispose: () => model.dispose(),
    };
    return self;
  }
  const base = await tf.loadLayersModel(url);
  const names = base.layers.map((l) => l.name);
  let feat: tf.LayersModel = base;
  if (opts.layer) {
    const layer = base.layers.find((l) => l.name === opts.layer);
    if (!layer) throw new WeightsError(`TF.js model ${access.show(modelJson)} has no layer "${opts.layer}" (layers: ${names.join(", ")})`);
    feat = tf.model({ inputs: base.inputs, outputs: layer.output as tf.SymbolicTensor });
  }
  const self: TfjsFeatureModel = {
    format: "layers-model",
    files,
    layerNames: names,
    forward: (pixels) => {
      const y = feat.predict(pixels) as tf.Tensor;
      const out = toOutput(y);
      y.dispose();
      return out;
    },
    gridSize: (H, W) => shapeOf(self, H, W),
    dim: (H, W) => shapeOf(self, H, W).d,
    dispose: () => base.dispose(),
  };
  return self;
}
