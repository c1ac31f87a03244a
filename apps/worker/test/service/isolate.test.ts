/**
 * isolatedHandler: real child processes (job-child.ts) running fixture handlers. Metrics,
 * progress and logs reach the parent; results and typed errors come back; a run's peak memory is
 * its own process's; cancellation is forwarded; a child that dies fails the job (transiently)
 * without losing the points it sent.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { WorkerJobFragment } from "../../src/generated/graphql";
import { isolatedHandler } from "../../src/service/isolate";
import type { MetricPointInput } from "../../src/service/metric-buffer";
import { PermanentJobError, type JobContext } from "../../src/service/worker";

const FIXTURES = path.join(__dirname, "isolate-fixtures.ts");

function context(abort = new AbortController(), onPoint?: () => void) {
  const points: { runId: string; point: MetricPointInput }[] = [];
  const progress: [number, number][] = [];
  const logs: string[] = [];
  const logWaiters: (() => void)[] = [];
  /** Resolves once the child logged `line` (rejects after `ms`). */
  const logged = (line: string, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the child did not log "${line}" within ${ms} ms (logs: ${JSON.stringify(logs)})`)), ms);
      const check = () => {
        if (logs.includes(line)) {
          clearTimeout(timer);
          resolve();
        } else logWaiters.push(check);
      };
      check();
    });
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
    metrics: {
      add: (runId, point) => {
        points.push({ runId, point });
        onPoint?.();
      },
      drain: () => Promise.resolve(true),
    },
    home: "/tmp",
    device: "cpu",
    log: (m) => {
      logs.push(m);
      for (const w of logWaiters.splice(0)) w();
    },
  };
  return { ctx, points, progress, logs, logged, abort };
}

const handler = (name: string, env?: NodeJS.ProcessEnv) =>
  isolatedHandler({ module: FIXTURES, name }, { apiUrl: "http://127.0.0.1:9", token: "lft_test", killAfterMs: 5000, env });

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
  await c.logged("waiting for abort");
  expect(c.logs).toContain("waiting for abort");
  c.abort.abort("cancelled");
  await expect(running).rejects.toBe("cancelled");
}, 60_000);

test("a child that dies fails the job (retryable) and the points it sent are kept", async () => {
  // The child dies once this process holds its point (acknowledged with a file it waits for).
  const ack = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loffta-isolate-")), "point-received");
  const c = context(undefined, () => fs.writeFileSync(ack, ""));
  const err = await handler("dies", { LOFFTA_TEST_POINT_ACK: ack })(c.ctx).catch((e: unknown) => e);
  fs.rmSync(path.dirname(ack), { recursive: true, force: true });
  expect(err).toBeInstanceOf(Error);
  expect(err).not.toBeInstanceOf(PermanentJobError);
  expect((err as Error).message).toMatch(/process died \(exit code 7\)/);
  expect(c.points.map((p) => p.runId)).toEqual(["run-2"]);
}, 60_000);
