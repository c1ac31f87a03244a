/** runResult: what completeJob receives of a training run, including where it trained. */
import os from "node:os";
import { resolveRunConfig } from "@loffta/graphql/domain";
import type { TrainSummary } from "../../core/train";
import { runResult } from "./run-metrics";

const summary = (backend: string): TrainSummary => ({
  epochsRun: 1,
  steps: 2,
  finalMetrics: null,
  finalPrediction: null,
  imagesSeen: 16,
  bestMetrics: null,
  bestEpoch: null,
  history: [],
  evalSplit: null,
  imagesPerSec: 12.5,
  meanStepMs: 80,
  peakRssBytes: 5e8,
  peakTfBytes: 1e6,
  wallTimeMs: 1500,
  cancelled: false,
  stoppedEarly: false,
  numParams: 10,
  backend,
});

test("reports this host, the backend the training saw and the worker's registered device", () => {
  const config = resolveRunConfig("LOFF", { epochs: 1 });
  const r = runResult(summary("cpu"), { config, evalSplit: null }, { device: "tfjs-node (native TensorFlow, CPU)" });
  expect(r.run).toMatchObject({
    config,
    trainImagesPerSec: 12.5,
    peakMemoryBytes: 5e8,
    wallTimeSec: 1.5,
    host: os.hostname(),
    // The training process's tf.getBackend(), not the worker's: a job child may differ.
    backend: "cpu",
    device: "tfjs-node (native TensorFlow, CPU)",
  });
});
