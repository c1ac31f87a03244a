/**
 * The ViT backbone shared by every family: patch embedding (conv, stride = patch), prefix
 * tokens (CLS, DeiT's distillation token) with position embeddings resampled to the input's
 * grid, register tokens (no position), optional pre-norm (CLIP), pre-LN blocks, final norm.
 * forward() returns CLS and the patch grid "after the final norm" of the chosen block.
 */
import * as tf from "@tensorflow/tfjs";
import { block, layerNorm } from "./layers";
import type { BlockParams, Norm } from "./layers";
import { resampleGrid } from "./pos-embed";

export interface BackboneParams {
  patchSize: number;
  dim: number;
  heads: number;
  patch: { w: tf.Tensor4D; b: tf.Tensor1D | null };
  /** Tokens placed before the patches that carry a position embedding: [P, D] (CLS first). */
  prefix: tf.Tensor2D;
  /** Register tokens inserted after the prefix, without position embedding: [R, D]. */
  registers: tf.Tensor2D | null;
  /** Position embeddings of the prefix tokens [P·D] and of the pretraining grid [g·g·D]. */
  posPrefix: Float32Array;
  posGrid: Float32Array;
  posGridSize: number;
  posAntialias: boolean;
  preNorm: Norm | null;
  blocks: BlockParams[];
  finalNorm: Norm;
}

export type BackboneOutput = {
  /** [B, D] */
  cls: tf.Tensor2D;
  /** [B, h, w, D] */
  grid: tf.Tensor4D;
};

export class VitBackbone {
  private readonly posCache = new Map<string, tf.Tensor3D>();
  constructor(
    readonly p: BackboneParams,
    private readonly owned: tf.Tensor[],
  ) {}

  get numLayers(): number {
    return this.p.blocks.length;
  }

  gridSize(height: number, width: number): { h: number; w: number } {
    return { h: Math.floor(height / this.p.patchSize), w: Math.floor(width / this.p.patchSize) };
  }

  /** [1, P + h·w, D] position embeddings for a grid (resampled once, then cached). */
  private pos(h: number, w: number): tf.Tensor3D {
    const key = `${h}x${w}`;
    let t = this.posCache.get(key);
    if (!t) {
      const { dim: d, posGridSize: g } = this.p;
      const grid = resampleGrid(this.p.posGrid, g, g, d, h, w, { antialias: this.p.posAntialias });
      const all = new Float32Array(this.p.posPrefix.length + grid.length);
      all.set(this.p.posPrefix, 0);
      all.set(grid, this.p.posPrefix.length);
      t = tf.keep(tf.tensor3d(all, [1, all.length / d, d]));
      this.posCache.set(key, t);
    }
    return t;
  }

  /** pixels: [B, H, W, 3] normalised; layer: 1-based block whose output is returned (default last). */
  forward(pixels: tf.Tensor4D, layer = this.numLayers): BackboneOutput {
    const L = this.numLayers;
    if (!(Number.isInteger(layer) && layer >= 1 && layer <= L)) throw new RangeError(`layer must be an integer in [1, ${L}], got ${layer}`);
    const [B, H, W] = pixels.shape;
    const { h, w } = this.gridSize(H, W);
    if (h < 1 || w < 1) throw new RangeError(`image ${H}×${W} is smaller than one ${this.p.patchSize}-px patch`);
    const pos = this.pos(h, w);
    return tf.tidy(() => {
      const { dim: D, prefix, registers } = this.p;
      let patches = tf.conv2d(pixels, this.p.patch.w, this.p.patchSize, "valid") as tf.Tensor4D;
      if (this.p.patch.b) patches = tf.add(patches, this.p.patch.b);
      const P = prefix.shape[0];
      const pre = tf.broadcastTo(prefix.reshape([1, P, D]), [B, P, D]);
      let x = tf.add(tf.concat([pre, patches.reshape([B, h * w, D])], 1), pos) as tf.Tensor3D;
      const R = registers ? registers.shape[0] : 0;
      if (registers) x = tf.concat([x.slice([0, 0, 0], [B, P, D]), tf.broadcastTo(registers.reshape([1, R, D]), [B, R, D]), x.slice([0, P, 0], [B, h * w, D])], 1);
      if (this.p.preNorm) x = layerNorm(x, this.p.preNorm) as tf.Tensor3D;
      for (let i = 0; i < layer; i++) {
        const next = block(x, this.p.blocks[i], this.p.heads);
        x.dispose();
        x = next;
      }
      const y = layerNorm(x, this.p.finalNorm) as tf.Tensor3D;
      const cls = y.slice([0, 0, 0], [B, 1, D]).reshape([B, D]) as tf.Tensor2D;
      const grid = y.slice([0, P + R, 0], [B, h * w, D]).reshape([B, h, w, D]) as tf.Tensor4D;
      return { cls, grid };
    });
  }

  dispose(): void {
    for (const t of this.posCache.values()) t.dispose();
    this.posCache.clear();
    for (const t of this.owned) if (!t.isDisposed) t.dispose();
  }
}
