/**
 * What a feature cache cost and what it saved (pure; the API loads the records, the dashboard
 * shows the answer). A LOFF / LOFF-TA run read `imagesSeen` cached images instead of running the
 * backbone forward on each: those are the forward passes avoided. Against a reference that runs
 * the backbone every step (a fine-tuning run or Frozen+linear run on the same cache, else the
 * model's fine-tuning calibration), the same images would have taken imagesSeen ÷ reference
 * images/s seconds. The cache pays off once the time saved by its runs exceeds its build time.
 */

/** A run that trained on the cache's tokens. */
export interface ReadingRun {
  id: string;
  imagesSeen: number;
  wallTimeSec: number;
  /** When it finished (the order of the break-even count). */
  endedAt: number;
}

export interface CostReference {
  /** What the reference's speed comes from. */
  source: "RUN" | "CALIBRATION";
  /** Run kind measured (UNFROZEN_LINEAR: fine-tuning, FROZEN_LINEAR). */
  kind: "UNFROZEN_LINEAR" | "FROZEN_LINEAR";
  imagesPerSec: number;
  runId?: string;
}

export interface BreakEven {
  reference: CostReference;
  /** Seconds the reading runs' images would have taken at the reference's speed. */
  referenceSeconds: number;
  /** referenceSeconds − the runs' training seconds − the cache's build seconds (negative: not yet paid off). */
  savedSeconds: number;
  /** Runs (in the order they finished) after which the time saved covered the build; null: not yet. */
  breakEvenRuns: number | null;
  /** Time saved per run on average (reference − training), seconds. */
  savedPerRunSeconds: number | null;
}

export function breakEven(buildSeconds: number, runs: ReadingRun[], reference: CostReference): BreakEven {
  const ordered = [...runs].sort((a, b) => a.endedAt - b.endedAt);
  let referenceSeconds = 0;
  let trainSeconds = 0;
  let breakEvenRuns: number | null = null;
  ordered.forEach((r, i) => {
    referenceSeconds += r.imagesSeen / reference.imagesPerSec;
    trainSeconds += r.wallTimeSec;
    if (breakEvenRuns === null && referenceSeconds - trainSeconds >= buildSeconds) breakEvenRuns = i + 1;
  });
  return {
    reference,
    referenceSeconds,
    savedSeconds: referenceSeconds - trainSeconds - buildSeconds,
    breakEvenRuns,
    savedPerRunSeconds: ordered.length ? (referenceSeconds - trainSeconds) / ordered.length : null,
  };
}

/** Indices of the points on the Pareto front (lowest cost, highest metric): no other point is at least as cheap and at least as good, and better in one. */
export function paretoFront(points: { cost: number; metric: number }[]): number[] {
  const order = points.map((_, i) => i).filter((i) => Number.isFinite(points[i].cost) && Number.isFinite(points[i].metric));
  order.sort((a, b) => points[a].cost - points[b].cost || points[b].metric - points[a].metric);
  const front: number[] = [];
  let best = -Infinity;
  for (const i of order) {
    if (points[i].metric > best) {
      front.push(i);
      best = points[i].metric;
    }
  }
  return front;
}
