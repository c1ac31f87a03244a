/**
 * A run's evaluation, sample by sample: the predictions file the worker writes at the end of
 * training (artifact `predictions.json`, see ./run-artifacts.ts) and what the API derives from
 * it — the confusion matrix, the samples of a cell, the most confidently wrong samples, ROC and
 * precision–recall curves (binary: class 1; multiclass: one-vs-rest per class). Pure and
 * browser-safe. The worker's own metrics (apps/worker/src/core/metrics.ts: AUC by ranks) are a
 * separate implementation; the tests check the two agree on real runs.
 */

/** The `format` of a predictions file this code reads and writes. */
export const PREDICTIONS_FORMAT = "loffta.predictions/1";

/**
 * Columns, one entry per evaluated sample in evaluation order: `index` is the sample's dataset
 * index (its position in the dataset scan, the id the feature cache stores), `label` the true
 * class, `predicted` the class the worker scored (argmax of `probs`, first on ties), `probs` the
 * softmax probabilities in `labelNames` order.
 */
export interface PredictionsFile {
  format: typeof PREDICTIONS_FORMAT;
  /** The split evaluated (`val` when the dataset has one, else `test`), as in the run's finalMetrics. */
  split: string;
  labelNames: string[];
  index: number[];
  label: number[];
  predicted: number[];
  probs: number[][];
}

export class PredictionsFormatError extends Error {
  override name = "PredictionsFormatError";
}

/** First index of the largest value (the worker's argmax). */
export function argmaxOf(p: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

/** The file of one evaluation (probabilities kept at full float32 precision). */
export function buildPredictions(o: {
  split: string;
  labelNames: string[];
  index: ArrayLike<number>;
  labels: ArrayLike<number>;
  probs: ArrayLike<ArrayLike<number>>;
}): PredictionsFile {
  const n = o.labels.length;
  if (o.index.length !== n || o.probs.length !== n) throw new PredictionsFormatError(`predictions: ${n} labels, ${o.index.length} indices, ${o.probs.length} probability rows`);
  const probs = Array.from(o.probs, (p) => Array.from(p));
  return {
    format: PREDICTIONS_FORMAT,
    split: o.split,
    labelNames: [...o.labelNames],
    index: Array.from(o.index),
    label: Array.from(o.labels),
    predicted: probs.map(argmaxOf),
    probs,
  };
}

const isInt = (v: unknown, lo: number, hi: number): v is number => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** Parse and check a predictions file (every column the same length, classes in range, finite probabilities). */
export function parsePredictions(text: string): PredictionsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PredictionsFormatError("predictions: not JSON");
  }
  const o = raw as Partial<PredictionsFile>;
  if (!o || typeof o !== "object" || o.format !== PREDICTIONS_FORMAT) throw new PredictionsFormatError(`predictions: format is not ${PREDICTIONS_FORMAT}`);
  const { labelNames, index, label, predicted, probs, split } = o;
  if (typeof split !== "string") throw new PredictionsFormatError("predictions: split missing");
  if (!Array.isArray(labelNames) || labelNames.length < 2 || !labelNames.every((l) => typeof l === "string")) throw new PredictionsFormatError("predictions: labelNames must list ≥ 2 class names");
  const C = labelNames.length;
  if (![index, label, predicted, probs].every(Array.isArray)) throw new PredictionsFormatError("predictions: index, label, predicted and probs must be arrays");
  const n = label!.length;
  if (index!.length !== n || predicted!.length !== n || probs!.length !== n) throw new PredictionsFormatError("predictions: columns of different lengths");
  for (let i = 0; i < n; i++) {
    if (!isInt(index![i], 0, 2 ** 31 - 1) || !isInt(label![i], 0, C - 1) || !isInt(predicted![i], 0, C - 1)) throw new PredictionsFormatError(`predictions: row ${i} has an index or class out of range`);
    const p = probs![i];
    if (!Array.isArray(p) || p.length !== C || !p.every((v) => typeof v === "number" && Number.isFinite(v))) throw new PredictionsFormatError(`predictions: row ${i} must have ${C} finite probabilities`);
  }
  return o as PredictionsFile;
}

/** cm[true][predicted] over the file's samples. */
export function confusionOf(p: PredictionsFile): number[][] {
  const C = p.labelNames.length;
  const cm = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  for (let i = 0; i < p.label.length; i++) cm[p.label[i]][p.predicted[i]]++;
  return cm;
}

export interface Sample {
  /** Position in the evaluation (row of the file). */
  row: number;
  index: number;
  label: number;
  predicted: number;
  /** Probability of the predicted class. */
  confidence: number;
  probs: number[];
}

export const sampleAt = (p: PredictionsFile, row: number): Sample => ({
  row,
  index: p.index[row],
  label: p.label[row],
  predicted: p.predicted[row],
  confidence: p.probs[row][p.predicted[row]],
  probs: p.probs[row],
});

export interface SampleQuery {
  trueLabel?: number | null;
  predictedLabel?: number | null;
  wrongOnly?: boolean | null;
  /** "ROW": evaluation order; "CONFIDENCE": most confident first (with wrongOnly: most confidently wrong). */
  order?: "ROW" | "CONFIDENCE";
}

/** Rows matching `q`, in its order (ties by row). Linear in the samples, plus a sort for CONFIDENCE. */
export function selectSamples(p: PredictionsFile, q: SampleQuery): number[] {
  const rows: number[] = [];
  for (let i = 0; i < p.label.length; i++) {
    if (q.trueLabel != null && p.label[i] !== q.trueLabel) continue;
    if (q.predictedLabel != null && p.predicted[i] !== q.predictedLabel) continue;
    if (q.wrongOnly && p.label[i] === p.predicted[i]) continue;
    rows.push(i);
  }
  if (q.order === "CONFIDENCE") {
    const conf = (r: number) => p.probs[r][p.predicted[r]];
    rows.sort((a, b) => conf(b) - conf(a) || a - b);
  }
  return rows;
}

export interface CurvePoint {
  /** ROC: false-positive rate; PR: recall. */
  x: number;
  /** ROC: true-positive rate; PR: precision. */
  y: number;
  /** Score at or above which a sample counts as positive (Infinity for the start of a ROC curve). */
  threshold: number;
}

export interface Curve {
  /** The positive class. */
  classIndex: number;
  /** ROC: area under the curve (= the rank AUC, ties averaged); PR: average precision (Σ (Rₖ − Rₖ₋₁)·Pₖ, as scikit-learn). */
  area: number;
  points: CurvePoint[];
  positives: number;
  negatives: number;
}

/** Cumulative true / false positives at each distinct score, highest first. */
function sweepScores(p: PredictionsFile, positive: number): { tp: number[]; fp: number[]; thr: number[]; P: number; N: number } {
  const n = p.label.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p.probs[b][positive] - p.probs[a][positive]);
  const tp: number[] = [];
  const fp: number[] = [];
  const thr: number[] = [];
  let t = 0;
  let f = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (p.label[i] === positive) t++;
    else f++;
    const s = p.probs[i][positive];
    // One point per distinct score: tied samples move the curve together (a diagonal step).
    if (k === n - 1 || p.probs[order[k + 1]][positive] !== s) {
      tp.push(t);
      fp.push(f);
      thr.push(s);
    }
  }
  return { tp, fp, thr, P: t, N: f };
}

/** ROC curve of class `positive` against the rest; area NaN when a side is empty. */
export function rocCurve(p: PredictionsFile, positive: number): Curve {
  const { tp, fp, thr, P, N } = sweepScores(p, positive);
  const points: CurvePoint[] = [{ x: 0, y: 0, threshold: Infinity }];
  let area = 0;
  let px = 0;
  let py = 0;
  for (let k = 0; k < tp.length; k++) {
    const x = N ? fp[k] / N : NaN;
    const y = P ? tp[k] / P : NaN;
    area += ((x - px) * (y + py)) / 2;
    points.push({ x, y, threshold: thr[k] });
    px = x;
    py = y;
  }
  return { classIndex: positive, area: P && N ? area : NaN, points, positives: P, negatives: N };
}

/** Precision–recall curve of class `positive`; area = average precision (NaN without positives). */
export function prCurve(p: PredictionsFile, positive: number): Curve {
  const { tp, fp, thr, P, N } = sweepScores(p, positive);
  const points: CurvePoint[] = [];
  let ap = 0;
  let prevR = 0;
  for (let k = 0; k < tp.length; k++) {
    const r = P ? tp[k] / P : NaN;
    const prec = tp[k] / (tp[k] + fp[k]);
    ap += (r - prevR) * prec;
    prevR = r;
    points.push({ x: r, y: prec, threshold: thr[k] });
  }
  return { classIndex: positive, area: P ? ap : NaN, points, positives: P, negatives: N };
}

/** The classes a curve is drawn for: class 1 of a binary task, every class of a multiclass one. */
export const curveClasses = (numClasses: number): number[] => (numClasses === 2 ? [1] : Array.from({ length: numClasses }, (_, c) => c));

/**
 * At most `max` points of a curve (first and last kept, evenly spaced by position in between);
 * the area is computed from every point before thinning.
 */
export function thinCurve(points: CurvePoint[], max: number): CurvePoint[] {
  if (points.length <= max || max < 2) return points;
  const out: CurvePoint[] = [];
  for (let k = 0; k < max; k++) out.push(points[Math.round((k * (points.length - 1)) / (max - 1))]);
  return out;
}
