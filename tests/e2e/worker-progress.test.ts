/**
 * The worker service lets a handler's un-awaited progress reports land before it completes the
 * job: a report that reached the API after completeJob would be refused (the job is no longer
 * RUNNING) and logged as a failure. Real API server, real Postgres, the real WorkerService.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertRun, startHarness, type Harness } from "../../apps/api/test/helpers";
import { ApiClient } from "../../apps/worker/src/service/api-client";
import { WorkerService } from "../../apps/worker/src/service/worker";

let h: Harness;
const home = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-progress-"));
beforeAll(async () => {
  h = await startHarness("progress");
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

test("progress reported without awaiting lands before the job is completed", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId, { name: "progress" });
  const job = await h.db.prisma.job.create({ data: { type: "TRAIN", teamId: h.a.teamId, payload: {}, runId: run.id } });
  const logs: string[] = [];
  const reported: number[] = [];
  let finished!: () => void;
  const completed = new Promise<void>((r) => (finished = r));
  const api = new ApiClient(h.url, h.a.worker);
  const worker = new WorkerService({
    api,
    name: "progress-w",
    home,
    backend: "test",
    device: "cpu",
    pollMs: 100,
    log: (m) => {
      logs.push(m);
      if (m.startsWith(`completed job ${job.id}`)) finished();
    },
    handlers: {
      TRAIN: async (ctx) => {
        // Fire-and-forget, as a training loop reporting between steps does; then finish at once.
        for (let i = 1; i <= 5; i++) void ctx.progress(i, 5).then(() => reported.push(i));
        return { run: { finalMetrics: { accuracy: 0.5 }, trainImagesPerSec: 1, wallTimeSec: 0.1 } };
      },
    },
  });
  await worker.start();
  try {
    await completed;
  } finally {
    await worker.stop();
  }
  expect(reported.sort()).toEqual([1, 2, 3, 4, 5]);
  expect(logs.filter((l) => l.startsWith("progress not reported"))).toEqual([]);
  expect((await h.db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("SUCCEEDED");
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("SUCCEEDED");
});
