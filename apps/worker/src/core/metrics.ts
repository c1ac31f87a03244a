/**
 * Classification metrics on plain arrays (pure JS). Conventions follow scikit-learn:
 * balanced accuracy = mean recall over classes present in yTrue; macro-F1 over classes present
 * in yTrue ∪ yPred (0 when undefined); quadratic weighted kappa with weights (i-j)²/(k-1)² on
 * class indices 0..k-1; ROC-AUC via ranks with ties averaged, one-vs-rest macro for multiclass.
 */
import { argmaxOf, type MetricName } from "@loffta/graphql/domain";

type Labels = ArrayLike<number>;

function check(yTrue: Labels, yPred: Labels): void {
  if (yTrue.length !== yPred.length)
    throw new Error(`metrics: ${yTrue.length} labels vs ${yPred.length} predictions`);
}

export function accuracy(yTrue: Labels, yPred: Labels): number {
  check(yTrue, yPred);
  if (yTrue.length === 0) return NaN;
  let ok = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) ok++;
  return ok / yTrue.length;
}

/** cm[t][p] = count of true class t predicted as p. */
export function confusionMatrix(yTrue: Labels, yPred: Labels, numClasses: number): number[][] {
  check(yTrue, yPred);
  const cm = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) cm[yTrue[i]][yPred[i]]++;
  return cm;
}

export function balancedAccuracy(yTrue: Labels, yPred: Labels, numClasses: number): number {
  const cm = confusionMatrix(yTrue, yPred, numClasses);
  let sum = 0;
  let n = 0;
  for (let c = 0; c < numClasses; c++) {
    const support = cm[c].reduce((a, b) => a + b, 0);
    if (support > 0) {
      sum += cm[c][c] / support;
      n++;
    }
  }
  return n ? sum / n : NaN;
}

export function macroF1(yTrue: Labels, yPred: Labels, numClasses: number): number {
  const cm = confusionMatrix(yTrue, yPred, numClasses);
  let sum = 0;
  let n = 0;
  for (let c = 0; c < numClasses; c++) {
    const tp = cm[c][c];
    const support = cm[c].reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let t = 0; t < numClasses; t++) predicted += cm[t][c];
    if (support === 0 && predicted === 0) continue;
    sum += (2 * tp) / (support + predicted);
    n++;
  }
  return n ? sum / n : NaN;
}

export function quadraticWeightedKappa(yTrue: Labels, yPred: Labels, numClasses: number): number {
  const cm = confusionMatrix(yTrue, yPred, numClasses);
  const N = yTrue.length;
  if (N === 0 || numClasses < 2) return NaN;
  const rows = cm.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = cm[0].map((_, j) => cm.reduce((a, r) => a + r[j], 0));
  let obs = 0;
  let exp = 0;
  for (let i = 0; i < numClasses; i++) {
    for (let j = 0; j < numClasses; j++) {
      const w = (i - j) ** 2 / (numClasses - 1) ** 2;
      obs += w * cm[i][j];
      exp += (w * rows[i] * cols[j]) / N;
    }
  }
  return exp === 0 ? NaN : 1 - obs / exp;
}

/** Binary ROC-AUC (positives = label 1 / true) from scores; NaN when one class is absent. */
export function rocAucBinary(isPositive: ArrayLike<boolean | number>, scores: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (isPositive[i]) {
      nPos++;
      rankSum += ranks[i];
    }
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * ROC-AUC from class probabilities probs[i][c]: binary → AUC of class 1's score;
 * multiclass → one-vs-rest macro average over classes that have both positives and negatives.
 */
export function rocAuc(yTrue: Labels, probs: ArrayLike<ArrayLike<number>>, numClasses: number): number {
  if (numClasses === 2)
    return rocAucBinary(
      Array.from(yTrue, (y) => y === 1),
      Array.from(probs, (p) => p[1]),
    );
  let sum = 0;
  let n = 0;
  for (let c = 0; c < numClasses; c++) {
    const auc = rocAucBinary(
      Array.from(yTrue, (y) => y === c),
      Array.from(probs, (p) => p[c]),
    );
    if (!Number.isNaN(auc)) {
      sum += auc;
      n++;
    }
  }
  return n ? sum / n : NaN;
}

/** First index of the largest value: the domain catalogue's, the one the predictions file records. */
export const argmax = argmaxOf;

/**
 * Every metric of the catalogue (METRICS in @loffta/graphql/domain: names and direction; a metric
 * added there without its value below is a compile error), plus the evaluated count and the
 * confusion matrix cm[true][predicted]. `loss`: mean cross-entropy (no smoothing).
 */
export type ClassificationMetrics = Record<MetricName, number> & {
  count: number;
  confusion: number[][];
};

/** Every metric from true labels and predicted class probabilities. */
export function computeMetrics(
  yTrue: Labels,
  probs: ArrayLike<ArrayLike<number>>,
  numClasses: number,
): ClassificationMetrics {
  const yPred = Array.from(probs, (p) => argmax(p));
  let loss = 0;
  for (let i = 0; i < yTrue.length; i++) loss -= Math.log(Math.max(probs[i][yTrue[i]], 1e-12));
  return {
    accuracy: accuracy(yTrue, yPred),
    balancedAccuracy: balancedAccuracy(yTrue, yPred, numClasses),
    macroF1: macroF1(yTrue, yPred, numClasses),
    kappa: quadraticWeightedKappa(yTrue, yPred, numClasses),
    auc: rocAuc(yTrue, probs, numClasses),
    loss: yTrue.length ? loss / yTrue.length : NaN,
    count: yTrue.length,
    confusion: confusionMatrix(yTrue, yPred, numClasses),
  };
}

