/**
 * The evaluation derived from a predictions file: numbers checked by hand, and against the
 * worker's own metrics (an independent implementation: AUC by ranks, confusion by counting).
 */
import { computeMetrics } from "../../../apps/worker/src/core/metrics";
import {
  PredictionsFormatError,
  buildPredictions,
  confusionOf,
  curveClasses,
  parsePredictions,
  prCurve,
  rocCurve,
  selectSamples,
  thinCurve,
} from "./evaluation";

const binary = buildPredictions({
  split: "val",
  labelNames: ["neg", "pos"],
  index: [10, 11, 12, 13, 14, 15],
  labels: [0, 0, 1, 1, 0, 1],
  // Scores of class 1: 0.1, 0.4, 0.35, 0.8, 0.8, 0.9 (a tie at 0.8 between a negative and a positive).
  probs: [
    [0.9, 0.1],
    [0.6, 0.4],
    [0.65, 0.35],
    [0.2, 0.8],
    [0.2, 0.8],
    [0.1, 0.9],
  ],
});

test("ROC: the trapezoid area with ties is the rank AUC (hand-computed 6.5/9) and the worker's", () => {
  const roc = rocCurve(binary, 1);
  // Pairs (pos, neg) ranked correctly: pos 0.35 > neg 0.1 (1); pos 0.8 > 0.1, 0.4, = 0.8 (2.5); pos 0.9 > all (3).
  expect(roc.area).toBeCloseTo(6.5 / 9, 12);
  expect(roc.area).toBeCloseTo(computeMetrics(binary.label, binary.probs, 2).auc, 12);
  expect(roc.points[0]).toEqual({ x: 0, y: 0, threshold: Infinity });
  expect(roc.points.at(-1)).toMatchObject({ x: 1, y: 1 });
  // The tie moves both rates at once (one point for the score 0.8).
  expect(roc.points.map((p) => p.threshold)).toEqual([Infinity, 0.9, 0.8, 0.4, 0.35, 0.1]);
  expect(roc.positives).toBe(3);
  expect(roc.negatives).toBe(3);
});

test("PR: average precision Σ (Rk − Rk−1)·Pk (hand-computed)", () => {
  const pr = prCurve(binary, 1);
  // thresholds 0.9: R 1/3 P 1; 0.8: R 2/3 P 2/3; 0.4: R 2/3 P 2/4; 0.35: R 1 P 3/5; 0.1: R 1 P 3/6.
  expect(pr.area).toBeCloseTo((1 / 3) * 1 + (1 / 3) * (2 / 3) + (1 / 3) * (3 / 5), 12);
  expect(pr.points.map((p) => [p.x, p.y])).toEqual([
    [1 / 3, 1],
    [2 / 3, 2 / 3],
    [2 / 3, 0.5],
    [1, 0.6],
    [1, 0.5],
  ]);
});

test("multiclass: one curve per class; the mean of the ROC areas is the worker's macro AUC; confusion is the worker's", () => {
  let s = 3;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const n = 300;
  const labels = Array.from({ length: n }, (_, i) => i % 4);
  const probs = labels.map((y) => {
    const raw = [0, 1, 2, 3].map((c) => rand() + (c === y ? 0.6 : 0));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => Math.fround(v / sum));
  });
  const p = buildPredictions({ split: "test", labelNames: ["a", "b", "c", "d"], index: labels.map((_, i) => i), labels, probs });
  const worker = computeMetrics(labels, probs, 4);
  expect(curveClasses(4)).toEqual([0, 1, 2, 3]);
  const areas = curveClasses(4).map((c) => rocCurve(p, c).area);
  expect(areas.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(worker.auc, 12);
  expect(confusionOf(p)).toEqual(worker.confusion);
  // A cell's samples are the cell's count; most confidently wrong first.
  expect(selectSamples(p, { trueLabel: 2, predictedLabel: 1 })).toHaveLength(worker.confusion[2][1]);
  const wrong = selectSamples(p, { wrongOnly: true, order: "CONFIDENCE" });
  expect(wrong).toHaveLength(n - Math.round(worker.accuracy * n));
  const conf = wrong.map((r) => p.probs[r][p.predicted[r]]);
  expect(conf).toEqual([...conf].sort((a, b) => b - a));
  expect(wrong.every((r) => p.label[r] !== p.predicted[r])).toBe(true);
  // Thinning keeps the ends and the point count.
  const roc = rocCurve(p, 0);
  const thin = thinCurve(roc.points, 50);
  expect(thin).toHaveLength(50);
  expect(thin[0]).toBe(roc.points[0]);
  expect(thin.at(-1)).toBe(roc.points.at(-1));
});

test("parsePredictions round-trips a file and refuses a broken one with the reason", () => {
  expect(parsePredictions(JSON.stringify(binary))).toEqual(binary);
  const bad = (edit: (o: Record<string, unknown>) => void) => {
    const o = JSON.parse(JSON.stringify(binary)) as Record<string, unknown>;
    edit(o);
    return () => parsePredictions(JSON.stringify(o));
  };
  expect(() => parsePredictions("{")).toThrow(PredictionsFormatError);
  expect(bad((o) => (o.format = "x"))).toThrow(/format/);
  expect(bad((o) => (o.label = [0, 0, 2, 1, 0, 1]))).toThrow(/row 2 .*out of range/);
  expect(bad((o) => (o.index = [1]))).toThrow(/different lengths/);
  expect(bad((o) => ((o.probs as number[][])[3] = [0.5]))).toThrow(/row 3 must have 2 finite/);
});
