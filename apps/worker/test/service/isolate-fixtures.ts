/** Job handlers for isolate.test.ts, loaded by the child process (job-child.ts). */
import fs from "node:fs";
import { PermanentJobError, type JobHandler } from "../../src/service/worker";

export const chatty: JobHandler = async (ctx) => {
  for (let s = 1; s <= 3; s++) ctx.metrics.add("run-1", { key: "train/loss", step: s, value: 1 / s, wallTime: new Date(0).toISOString() });
  void ctx.progress(3, 3);
  ctx.log(`child pid ${process.pid}`);
  return { run: { finalMetrics: { accuracy: 1, job: ctx.job.id }, trainImagesPerSec: 5, peakMemoryBytes: 1 } };
};

/** Holds ~400 MB at its peak, then frees it. */
export const hungry: JobHandler = async () => {
  let big: Buffer | null = Buffer.alloc(400 * 2 ** 20, 1);
  const sum = big[123] + big[big.length - 1];
  big = null;
  return { run: { finalMetrics: { sum }, peakMemoryBytes: 0 } };
};

export const waits: JobHandler = (ctx) =>
  new Promise((_resolve, reject) => {
    ctx.log("waiting for abort");
    ctx.signal.addEventListener("abort", () => reject(new Error(`stopped: ${String(ctx.signal.reason)}`)), { once: true });
  });

export const permanent: JobHandler = async () => {
  throw new PermanentJobError("bad config: epochs must be ≥ 1");
};

/**
 * Sends a point, then dies (exit code 7) once the parent holds it: the test acknowledges each
 * point by creating the file $LOFFTA_TEST_POINT_ACK. Exit code 8 if no acknowledgement came.
 */
export const dies: JobHandler = async (ctx) => {
  const ack = process.env.LOFFTA_TEST_POINT_ACK;
  if (!ack) throw new PermanentJobError("LOFFTA_TEST_POINT_ACK is not set");
  ctx.metrics.add("run-2", { key: "train/loss", step: 1, value: 0.5, wallTime: new Date(0).toISOString() });
  for (const deadline = Date.now() + 30_000; !fs.existsSync(ack); await new Promise((r) => setTimeout(r, 5)))
    if (Date.now() > deadline) process.exit(8);
  process.exit(7);
};
