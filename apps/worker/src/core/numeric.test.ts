import { float16ToFloat32, float32ToFloat16, fromHalfBits, toHalfBits } from "./float16";
import {
  accuracy,
  balancedAccuracy,
  confusionMatrix,
  macroF1,
  quadraticWeightedKappa,
  rocAuc,
  rocAucBinary,
} from "./metrics";
import { avgPoolGrid, pooledSize } from "./pool";
import { createRng } from "./rng";
import { learningRate } from "./schedule";
import { decodeSafetensors, encodeSafetensorsBuffer, asF32 } from "./safetensors";

describe("float16", () => {
  it("converts exactly representable values and special cases", () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(1e6)).toBe(0x7c00); // overflow → +Inf
    expect(toHalfBits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(fromHalfBits(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(Number.isNaN(fromHalfBits(toHalfBits(NaN)))).toBe(true);
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
  });
  it("round-trips every half value and has ≤ 2^-11 relative error on floats", () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const f = float16ToFloat32(all);
    const back = float32ToFloat16(f);
    for (let i = 0; i < 65536; i++) if (!Number.isNaN(f[i])) expect(back[i]).toBe(i);
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      const v = rng.normal() * 10;
      expect(Math.abs(fromHalfBits(toHalfBits(v)) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 1e-7);
    }
  });
});

describe("safetensors", () => {
  it("encodes the standard layout and decodes it back", () => {
    const buf = encodeSafetensorsBuffer(
      { a: { dtype: "F32", shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) } },
      { k: "v" },
    );
    const n = Number(buf.readBigUInt64LE(0));
    expect(n % 8).toBe(0);
    const header = JSON.parse(buf.subarray(8, 8 + n).toString());
    expect(header.a).toEqual({ dtype: "F32", shape: [2, 2], data_offsets: [0, 16] });
    expect(header.__metadata__).toEqual({ k: "v" });
    const dec = decodeSafetensors(buf);
    expect(Array.from(asF32(dec.tensors.a.bytes))).toEqual([1, 2, 3, 4]);
  });
});

describe("rng", () => {
  it("is deterministic and restorable", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    const s = a.getState();
    const next = a.next();
    a.setState(s);
    expect(a.next()).toBe(next);
    const r = createRng(1);
    const n = 20000;
    let m = 0;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const x = r.beta(2, 2);
      m += x;
      v += x * x;
    }
    m /= n;
    v = v / n - m * m;
    expect(m).toBeCloseTo(0.5, 1.5);
    expect(v).toBeCloseTo(0.05, 2); // Beta(2,2) variance = 1/20
  });
});

describe("metrics (expected values from scikit-learn 1.9.1)", () => {
  // python3: yt=[0,1,2,2,1,0,2,1,0,1]; yp=[0,2,2,1,1,0,2,0,0,1]
  const yt = [0, 1, 2, 2, 1, 0, 2, 1, 0, 1];
  const yp = [0, 2, 2, 1, 1, 0, 2, 0, 0, 1];
  it("accuracy, balanced accuracy, macro-F1, confusion", () => {
    expect(accuracy(yt, yp)).toBeCloseTo(0.7, 12);
    expect(balancedAccuracy(yt, yp, 3)).toBeCloseTo(0.7222222222222222, 12); // balanced_accuracy_score
    expect(macroF1(yt, yp, 3)).toBeCloseTo(0.6984126984126983, 12); // f1_score(average="macro")
    expect(confusionMatrix(yt, yp, 3)).toEqual([
      [3, 0, 0],
      [1, 2, 1],
      [0, 1, 2],
    ]);
  });
  it("quadratic weighted kappa", () => {
    expect(quadraticWeightedKappa(yt, yp, 3)).toBeCloseTo(0.7692307692307692, 12); // cohen_kappa_score(weights="quadratic")
    expect(quadraticWeightedKappa([0, 1, 2], [0, 1, 2], 3)).toBe(1);
  });
  it("ROC-AUC binary (with ties) and one-vs-rest macro", () => {
    // roc_auc_score([0,0,1,1,0,1,1,0], [0.1,0.4,0.35,0.8,0.4,0.9,0.2,0.05]) = 0.75
    expect(rocAucBinary([0, 0, 1, 1, 0, 1, 1, 0], [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.2, 0.05])).toBeCloseTo(
      0.75,
      12,
    );
    const P = [
      [0.7, 0.2, 0.1],
      [0.2, 0.5, 0.3],
      [0.1, 0.3, 0.6],
      [0.3, 0.3, 0.4],
      [0.2, 0.6, 0.2],
      [0.5, 0.25, 0.25],
    ];
    // roc_auc_score(y, P, multi_class="ovr", average="macro") = 0.9814814814814815
    expect(rocAuc([0, 1, 2, 1, 1, 0], P, 3)).toBeCloseTo(0.9814814814814815, 12);
  });
});

describe("avgPoolGrid", () => {
  it("matches a hand-computed 2×2 pooling (floor and ceil)", () => {
    // one image, 3×3 grid, d=2: channel 0 = 1..9 row-major, channel 1 = 10× channel 0
    const data = new Float32Array(18);
    for (let i = 0; i < 9; i++) {
      data[2 * i] = i + 1;
      data[2 * i + 1] = 10 * (i + 1);
    }
    const f = avgPoolGrid(data, { n: 1, h: 3, w: 3, d: 2 }, 2);
    expect([f.h, f.w]).toEqual([1, 1]);
    expect(Array.from(f.data)).toEqual([3, 30]); // (1+2+4+5)/4
    const c = avgPoolGrid(data, { n: 1, h: 3, w: 3, d: 2 }, 2, "ceil");
    expect([c.h, c.w]).toEqual([2, 2]);
    // windows: {1,2,4,5}=3, {3,6}=4.5, {7,8}=7.5, {9}=9
    expect(Array.from(c.data)).toEqual([3, 30, 4.5, 45, 7.5, 75, 9, 90]);
    expect(pooledSize(37, 37, 2)).toEqual({ h: 18, w: 18 });
  });
});

describe("schedule", () => {
  it("warms up linearly and decays by cosine to minLr", () => {
    const o = { baseLr: 1, totalSteps: 110, warmupSteps: 10, cosine: true, minLr: 0 };
    expect(learningRate(0, o)).toBeCloseTo(0.1);
    expect(learningRate(9, o)).toBeCloseTo(1);
    expect(learningRate(10, o)).toBeCloseTo(1);
    expect(learningRate(60, o)).toBeCloseTo(0.5);
    expect(learningRate(110, o)).toBeCloseTo(0);
  });
});
