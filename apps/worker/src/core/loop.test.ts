import { parseRunConfig } from "@loffta/graphql/run-config";
import type { RunConfigInput } from "@loffta/graphql/run-config";
import { runTrainingLoop } from "./loop";
import type { LoopState, Prediction, TrainingSource } from "./loop";

/** A source without tensors: `n` batches an epoch, a fixed loss per step, scripted predictions. */
function fakeSource(
  over: RunConfigInput,
  o: { perEpoch?: number; accuracies?: number[]; resume?: LoopState } = {},
): TrainingSource<number> & { calls: { batches: [number, number][]; interrupted: LoopState[]; best: LoopState[]; ends: LoopState[] } } {
  const config = parseRunConfig({ earlyStopping: { enabled: false }, schedule: { warmupSteps: 0 }, ...over });
  const n = o.perEpoch ?? 3;
  const calls = { batches: [] as [number, number][], interrupted: [] as LoopState[], best: [] as LoopState[], ends: [] as LoopState[] };
  let evals = 0;
  return {
    config,
    stepsPerEpoch: n,
    numClasses: 2,
    numParams: 1,
    timing: "compute",
    evalSplit: "val",
    resume: o.resume,
    calls,
    batches(epoch, skip) {
      calls.batches.push([epoch, skip]);
      return (async function* () {
        for (let i = skip; i < n; i++) yield 4;
      })();
    },
    sizeOf: (b) => b,
    step: () => ({ loss: 0.5, gradNorm: 1 }),
    // 10 samples of class 0; accuracy a: round(10a) of them predicted right.
    predict: async (): Promise<Prediction> => {
      const a = o.accuracies?.[evals++] ?? 0.5;
      const right = Math.round(10 * a);
      return { labels: new Array(10).fill(0), probs: Array.from({ length: 10 }, (_, i) => (i < right ? [0.9, 0.1] : [0.4, 0.6])) };
    },
    onInterrupted: (s) => void calls.interrupted.push(structuredClone(s)),
    onBest: (s) => void calls.best.push(structuredClone(s)),
    onEpochEnd: (s) => void calls.ends.push(structuredClone(s)),
  };
}

describe("training loop", () => {
  it("evaluates every evalEvery epochs and on the last one", async () => {
    const src = fakeSource({ epochs: 7, evalEvery: 3 });
    const evaluated: number[] = [];
    const s = await runTrainingLoop(src, { onEpoch: (e) => e.metrics && evaluated.push(e.epoch) });
    expect(evaluated).toEqual([2, 5, 6]);
    expect(s.epochsRun).toBe(7);
    expect(s.steps).toBe(21);
    expect(s.history.map((h) => h.metrics !== null)).toEqual([false, false, true, false, false, true, true]);
    expect(s.evalSplit).toBe("val");
    expect(src.calls.ends.map((e) => [e.epoch, e.batchInEpoch])).toEqual([1, 2, 3, 4, 5, 6, 7].map((e) => [e, 0]));
  });

  it("early stopping follows the metric's direction from the catalogue", async () => {
    // accuracy (higher is better): best at epoch 1, then 2 evaluations without improvement.
    const acc = fakeSource({ epochs: 10, earlyStopping: { enabled: true, patience: 2, metric: "accuracy" } }, { accuracies: [0.5, 0.8, 0.7, 0.8, 0.9] });
    const a = await runTrainingLoop(acc);
    expect(a.stoppedEarly).toBe(true);
    expect(a.bestEpoch).toBe(1);
    expect(a.epochsRun).toBe(4);
    expect(acc.calls.best.map((b) => b.epoch)).toEqual([1, 2]); // state at the end of epochs 0 and 1
    // loss (lower is better): the same predictions improve the loss when accuracy goes up
    const loss = fakeSource({ epochs: 10, earlyStopping: { enabled: true, patience: 2, metric: "loss" } }, { accuracies: [0.5, 0.8, 0.7, 0.8, 0.9] });
    const l = await runTrainingLoop(loss);
    expect(l.bestEpoch).toBe(1);
    expect(l.bestMetrics?.loss).toBeLessThan(l.history[0].metrics?.loss ?? 0);
  });

  it("maxSteps stops mid-epoch (interrupted state) or at an epoch's end (no extra epoch)", async () => {
    const mid = fakeSource({ epochs: 4 });
    const s = await runTrainingLoop(mid, { maxSteps: 4 });
    expect(s.steps).toBe(4);
    expect(s.epochsRun).toBe(1);
    expect(mid.calls.interrupted.map((i) => [i.step, i.epoch, i.batchInEpoch])).toEqual([[4, 1, 1]]);
    const end = fakeSource({ epochs: 4 });
    const e = await runTrainingLoop(end, { maxSteps: 3 });
    expect([e.steps, e.epochsRun, e.cancelled]).toEqual([3, 1, false]);
    expect(end.calls.batches).toEqual([[0, 0]]);
    expect(end.calls.interrupted).toEqual([]);
  });

  it("an aborted signal stops before the next step and reports cancelled", async () => {
    const ac = new AbortController();
    const src = fakeSource({ epochs: 4 });
    const s = await runTrainingLoop(src, { signal: ac.signal, onStep: (st) => st.step === 5 && ac.abort() });
    expect([s.steps, s.cancelled, s.epochsRun]).toEqual([5, true, 1]);
    expect(src.calls.interrupted.map((i) => [i.epoch, i.batchInEpoch])).toEqual([[1, 2]]);
  });

  it("resumes mid-epoch from a saved state", async () => {
    const first = fakeSource({ epochs: 3 });
    await runTrainingLoop(first, { maxSteps: 5 });
    const saved = first.calls.interrupted[0];
    const src = fakeSource({ epochs: 3 }, { resume: saved });
    const steps: number[] = [];
    const s = await runTrainingLoop(src, { onStep: (st) => steps.push(st.step) });
    expect(src.calls.batches[0]).toEqual([1, 2]);
    expect(steps).toEqual([6, 7, 8, 9]);
    expect(s.steps).toBe(9);
    expect(s.history.map((h) => h.epoch)).toEqual([0, 1, 2]);
  });
});
