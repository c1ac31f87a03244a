/**
 * TS loaders vs Hugging Face transformers: tiny random models of every family
 * (fixtures/make_reference.py) must reproduce the PyTorch outputs to 1e-4.
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { loadFoundationModel } from "../../src/extract/foundation";
import { WeightStore } from "../../src/extract/weights";

const REF = path.join(__dirname, "../../fixtures/reference");
const CASES = ["dinov2", "dinov2-swiglu", "dinov2-registers", "vit", "clip"];

interface RefCase {
  input: string;
  height: number;
  width: number;
  layer: number;
  output: string;
}

describe("reference numerics (HF transformers fixtures)", () => {
  for (const name of CASES) {
    test(name, async () => {
      const dir = path.join(REF, name);
      const spec = JSON.parse(await fsp.readFile(path.join(dir, "reference.json"), "utf8")) as { family: string; cases: RefCase[] };
      const model = await loadFoundationModel({ path: dir });
      expect(model.family).toBe(spec.family);
      expect(model.weights.sha256).toMatch(/^[0-9a-f]{64}$/);
      const ref = await WeightStore.open(path.join(dir, "reference.safetensors"));
      try {
        for (const c of spec.cases) {
          const px = await ref.get(c.input);
          const want = await ref.get(c.output);
          const got = tf.tidy(() => {
            const x = tf.tensor4d(px.data, px.shape as [number, number, number, number]).transpose<tf.Tensor4D>([0, 2, 3, 1]);
            const { cls, grid } = model.forward(x, { layer: c.layer });
            const [B, h, w, D] = grid.shape;
            return tf.concat([cls.reshape([B, 1, D]), grid.reshape([B, h * w, D])], 1);
          });
          expect(got.shape).toEqual(want.shape);
          const a = got.dataSync();
          got.dispose();
          let maxDiff = 0;
          for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - want.data[i]));
          if (maxDiff > 1e-4) throw new Error(`${name} ${c.output}: max abs diff ${maxDiff}`);
        }
      } finally {
        model.dispose();
      }
    });
  }
});
