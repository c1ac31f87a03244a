/**
 * isolatedHandler: real child processes (job-child.ts) running fixture handlers. Metrics,
 * progress and logs reach the parent; results and typed errors come back; a run's peak memory is
 * its own process's; cancellation is forwarded; a child that dies fails the job (transiently)
 * without losing the points it sent.
 */
import path from "node:path";
import type { WorkerJobFragment } from "../../src/generated/graphql";
import { isolatedHandler } from "../../src/service/isolate";
import type { MetricPointInput } from "../../src/service/metric-buffer";
import { PermanentJobError, type JobContext } from "../../src/service/worker";

const FIXTURES = path.join(__dirname, "isolate-fixtures.ts");

function context(abort = new AbortController()) {
  const points: { runId: string; point: MetricPointInput }[] = [];
  const progress: [number, number][] = [];
  const logs: string[] = [];
  const ctx: JobContext = {
    job: { id: "job-1", type: "TRAIN", attempts: 1, maxAttempts: 3 } as unknown as WorkerJobFragment,
    workerId: "w-1",
    // Not used by the fixtures: the child builds its own client from the URL and token.
    api: undefined as unknown as JobContext["api"],
    signal: abort.signal,
    progress: (done, total) => {
      progress.push([done, total]);
      return Promise.resolve(false);
    },
    metrics: { add: (runId, point) => points.push({ runId, point }) },
    home: "/tmp",
    device: "cpu",
    log: (m) => logs.push(m),
  };
  return { ctx, points, progress, logs, abort };
}

const handler = (name: string) => isolatedHandler({ module: FIXTURES, name }, { apiUrl: "http://127.0.0.1:9", token: "lft_test", killAfterMs: 5000 });

test("metrics, progress and logs reach the parent; the result comes back", async () => {
  const c = context();
  const result = await handler("chatty")(c.ctx);
  expect(c.points.map((p) => [p.runId, p.point.step, p.point.value])).toEqual([
    ["run-1", 1, 1],
    ["run-1", 2, 0.5],
    ["run-1", 3, 1 / 3],
  ]);
  expect(c.progress).toEqual([[3, 3]]);
  const childPid = Number(/child pid (\d+)/.exec(c.logs.join("\n"))?.[1]);
  expect(childPid).toBeGreaterThan(0);
  expect(childPid).not.toBe(process.pid);
  expect(result.run?.finalMetrics).toEqual({ accuracy: 1, job: "job-1" });
  expect(result.run?.trainImagesPerSec).toBe(5);
}, 60_000);

test("a run's peak memory is its own process's high-water mark", async () => {
  const c = context();
  const before = process.memoryUsage.rss();
  const result = await handler("hungry")(c.ctx);
  expect(result.run?.peakMemoryBytes).toBeGreaterThan(400 * 2 ** 20);
  // This process never held the 400 MB.
  expect(process.memoryUsage.rss() - before).toBeLessThan(200 * 2 ** 20);
}, 60_000);

test("typed errors come back: a permanent failure stays permanent", async () => {
  const c = context();
  const err = await handler("permanent")(c.ctx).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PermanentJobError);
  expect((err as Error).message).toBe("bad config: epochs must be ≥ 1");
}, 60_000);

test("cancellation is forwarded and the job rejects with the abort reason", async () => {
  const c = context();
  const running = handler("waits")(c.ctx);
  for (let i = 0; i < 200 && !c.logs.includes("waiting for abort"); i++) await new Promise((r) => setTimeout(r, 50));
  expect(c.logs).toContain("waiting for abort");
  c.abort.abort("cancelled");
  await expect(running).rejects.toBe("cancelled");
}, 60_000);

test("a child that dies fails the job (retryable) and the points it sent are kept", async () => {
  const c = context();
  const err = await handler("dies")(c.ctx).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  expect(err).not.toBeInstanceOf(PermanentJobError);
  expect((err as Error).message).toMatch(/process died \(exit code 7\)/);
  expect(c.points.map((p) => p.runId)).toEqual(["run-2"]);
}, 60_000);
