/**
 * The platform running experiments by itself: a real API process, a real Postgres, real worker
 * processes. A dataset and a small random-weight DINOv2 are registered, a cache is requested
 * (its first worker dies mid-extraction; the job is retried and resumes), LOFF_TA and LOFF runs
 * train while a subscriber watches, and the API is killed and restarted mid-training without
 * losing or duplicating a metric point.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, seedDemo } from "@loffta/db";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { cacheProbe, collect, ok, runProbe, wsClient } from "../../apps/api/test/helpers";
import {
  ROOT,
  startApiProcess,
  startWorkerProcess,
  waitFor,
  writeSpatialDataset,
  type Proc,
} from "./harness";

const MODEL_DIR = path.join(ROOT, "apps/worker/fixtures/reference/dinov2");

/** Whether process `pid` still exists. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** Whether a worker's metric spool (one JSON batch a line) still holds points of `runId`. */
function spooledPoints(spoolFile: string, runId: string): boolean {
  let text: string;
  try {
    text = fs.readFileSync(spoolFile, "utf8");
  } catch {
    return false; // no spool: nothing unsent
  }
  return text.split("\n").some((line) => {
    try {
      return line !== "" && (JSON.parse(line) as { runId: string }).runId === runId;
    } catch {
      return true; // a line being appended: points not yet sent
    }
  });
}

describe("worker service end to end", () => {
  let db: TestDatabase;
  let token: string;
  let projectId: string;
  let port: number;
  let api: Proc;
  const workers: Proc[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-e2e-"));
  const url = () => `http://127.0.0.1:${port}/graphql`;

  beforeAll(async () => {
    db = await createTestDatabase("e2e");
    const seed = await seedDemo(db.prisma);
    token = seed.token;
    projectId = seed.projectId;
    port = await freePort();
    api = await startApiProcess(db.url, port);
    await writeSpatialDataset(path.join(tmp, "data"), { train: 24, val: 8 });
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) await w.kill("SIGKILL");
    await api?.kill("SIGKILL");
    await db?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  let cacheId: string;

  it("extracts a cache; a worker killed mid-extraction is replaced and the job resumes", async () => {
    const { registerDataset } = await ok<{ registerDataset: { id: string; classNames: string[] } }>(
      url(),
      token,
      `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id classNames } }`,
      { i: { name: "spatial", rootUri: path.join(tmp, "data"), layout: "IMAGE_FOLDER" } },
    );
    expect(registerDataset.classNames).toEqual(["left", "right"]);
    const { registerFoundationModel: model } = await ok<{ registerFoundationModel: { id: string } }>(
      url(),
      token,
      `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
      {
        i: {
          name: "dinov2-tiny-random",
          family: "DINOV2",
          patchSize: 7,
          embedDim: 32,
          depth: 2,
          heads: 2,
          defaultImageSize: 28,
          weightsUri: MODEL_DIR,
        },
      },
    );
    const { requestFeatureCache: cache } = await ok<{ requestFeatureCache: { id: string; status: string } }>(
      url(),
      token,
      `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id status } }`,
      { i: { datasetId: registerDataset.id, modelId: model.id, resolution: 28 } },
    );
    cacheId = cache.id;
    const progressClient = wsClient(`ws://127.0.0.1:${port}/graphql`, token);
    const progress = collect<{
      featureCacheProgress: { status: string; progressDone: number; progressTotal: number };
    }>(
      progressClient,
      `subscription($id: ID!) { featureCacheProgress(id: $id) { status progressDone progressTotal } }`,
      { id: cacheId },
    );
    // No worker runs yet: the cache is announced unchanged until the subscription delivers it.
    await progress.live(cacheProbe(db.prisma, cacheId));

    // Worker 1 dies (SIGKILL, by its own fault injection) once its first shard is on disk.
    const w1 = startWorkerProcess({
      api: `http://127.0.0.1:${port}`,
      token,
      name: "w1",
      home: path.join(tmp, "w1"),
      env: { LOFFTA_EXTRACT_SHARD_SIZE: "8", LOFFTA_FAULT_KILL_AFTER_SHARDS: "1" },
    });
    workers.push(w1);
    const w1Exit = await Promise.race([
      w1.exited,
      new Promise((r) => setTimeout(() => r("still running"), 60_000)),
    ]);
    if (w1Exit !== -1)
      throw new Error(`worker 1 did not die by fault injection (${String(w1Exit)}):\n${w1.output()}`);
    const partial = await db.prisma.job.findFirstOrThrow({ where: { cacheId } });
    expect(partial.status).toBe("RUNNING");
    expect(partial.attempts).toBe(1);

    // Worker 2 shares the home folder (as workers on one machine or shared storage do):
    // it takes the job over once the lease expires and resumes from the written shard.
    const w2 = startWorkerProcess({
      api: `http://127.0.0.1:${port}`,
      token,
      name: "w2",
      home: path.join(tmp, "w1"),
      leaseSeconds: 30,
      env: { LOFFTA_EXTRACT_SHARD_SIZE: "8" },
    });
    workers.push(w2);
    const ready = await waitFor(
      "the cache to be READY",
      async () => {
        const c = await db.prisma.featureCache.findUniqueOrThrow({ where: { id: cacheId } });
        if (c.status === "FAILED") throw new Error(`cache failed: ${c.error}\n${w2.output()}`);
        return c.status === "READY" ? c : undefined;
      },
      90_000,
    );
    expect(ready.gridH).toBe(4);
    expect(ready.gridW).toBe(4);
    expect(ready.dim).toBe(32);
    expect(ready.progressDone).toBe(64);
    expect(ready.shardCount).toBe(8);
    // A subscriber saw the extraction progress live, ending with READY.
    await waitFor(
      "the READY event",
      async () => progress.events.some((e) => e.featureCacheProgress.status === "READY"),
      10_000,
    );
    expect(
      progress.events.some(
        (e) => e.featureCacheProgress.status === "EXTRACTING" && e.featureCacheProgress.progressTotal === 64,
      ),
    ).toBe(true);
    progress.dispose();
    await progressClient.dispose();
    const job = await db.prisma.job.findFirstOrThrow({ where: { cacheId } });
    expect(job.status).toBe("SUCCEEDED");
    expect(job.attempts).toBe(2);
    expect(w2.output()).toMatch(/claimed EXTRACT job/);
  }, 180_000);

  it("trains LOFF_TA and LOFF runs live; an API restart mid-training loses and duplicates no point", async () => {
    const config = {
      classifier: { preset: "tiny" },
      epochs: 25,
      batchSize: 8,
      microBatch: 8,
      schedule: { warmupEpochs: 1 },
      earlyStopping: { enabled: false },
    };
    const launch = async (name: string, kind: string) =>
      (
        await ok<{ launchRun: { id: string } }>(
          url(),
          token,
          `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`,
          { i: { projectId, name, kind, cacheId, config, seed: 1 } },
        )
      ).launchRun.id;

    const client = wsClient(`ws://127.0.0.1:${port}/graphql`, token);
    const runEvents = collect<{ runUpdated: { id: string; status: string } }>(
      client,
      `subscription($p: ID!) { runUpdated(projectId: $p) { id status } }`,
      { p: projectId },
    );
    // The project has no run yet to announce: prove the subscription live with a stand-in run,
    // removed again (no job, never claimed; its events are not counted).
    const stand = await db.prisma.run.create({
      data: { projectId, name: "subscription probe", kind: "LOFF_TA", config: {}, status: "CANCELLED" },
    });
    try {
      await runEvents.live(runProbe(db.prisma, stand));
    } finally {
      await db.prisma.run.delete({ where: { id: stand.id } });
    }
    const ta = await launch("loff-ta", "LOFF_TA");
    const metricEvents = collect<{ metricsAppended: { points: { key: string; step: number }[] } }>(
      client,
      `subscription($r: ID!) { metricsAppended(runId: $r) { points { key step } } }`,
      { r: ta },
    );
    const loff = await launch("loff", "LOFF");

    // Live: the subscriber sees the run start and its loss points arrive.
    await metricEvents.waitFor(1, 60_000);
    expect(
      metricEvents.events.flatMap((e) => e.metricsAppended.points).some((p) => p.key === "train/loss"),
    ).toBe(true);
    expect(runEvents.events.some((e) => e.runUpdated.id === ta && e.runUpdated.status === "RUNNING")).toBe(
      true,
    );
    runEvents.dispose();
    metricEvents.dispose();
    await client.dispose();

    // Kill the API mid-training and keep it down until the training worker has failed to
    // deliver metrics (they are spooled on disk), then start it again on the same port.
    const trainer = workers[1]!;
    const before = trainer.output().length;
    await api.kill("SIGKILL");
    await waitFor(
      "the worker to spool metrics while the API is down",
      async () => /metrics kept on disk, will resend: API .* unreachable/.test(trainer.output().slice(before)),
      60_000,
      100,
    );
    api = await startApiProcess(db.url, port);

    const done = await waitFor(
      "both runs to finish",
      async () => {
        const runs = await db.prisma.run.findMany({ where: { id: { in: [ta, loff] } } });
        const failed = runs.find((r) => r.status === "FAILED");
        if (failed) throw new Error(`run failed: ${failed.error}`);
        return runs.every((r) => r.status === "SUCCEEDED") ? runs : undefined;
      },
      240_000,
      500,
    );

    if (process.env.LOFFTA_E2E_DEBUG)
      fs.writeFileSync("/tmp/e2e-workers.log", workers.map((w) => w.output()).join("\n=====\n"));
    for (const run of done) {
      expect(run.trainImagesPerSec).toBeGreaterThan(0);
      expect(Number(run.peakMemoryBytes)).toBeGreaterThan(0);
      expect((run.finalMetrics as { accuracy: number }).accuracy).toBeGreaterThanOrEqual(0);
      // Every optimizer step has exactly one loss point: 25 epochs × 6 steps (48 images, batch 8).
      const steps = (
        await db.prisma.metricPoint.findMany({
          where: { runId: run.id, key: "train/loss" },
          orderBy: { step: "asc" },
        })
      ).map((p) => p.step);
      expect(steps).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
      const evals = await db.prisma.metricPoint.count({ where: { runId: run.id, key: "val/accuracy" } });
      expect(evals).toBe(25);
    }

    // Run logs: what the worker logged for each run reached the API (through the API outage, in
    // order, each line once), read back with runLogs.
    for (const run of done) {
      const lines = await waitFor(
        `run logs of ${run.name}`,
        async () => {
          const { runLogs } = await ok<{ runLogs: { lines: { seq: number; level: string; message: string }[] } }>(
            url(),
            token,
            `query($r: ID!) { runLogs(runId: $r, limit: 1000) { lines { seq level message } } }`,
            { r: run.id },
          );
          return runLogs.lines.some((l) => l.message === "job completed") ? runLogs.lines : undefined;
        },
        30_000,
        500,
      );
      const text = lines.map((l) => l.message);
      expect(text[0]).toMatch(/^TRAIN job .* claimed by worker /);
      expect(text.some((m) => /^running in child process \d+$/.test(m))).toBe(true);
      expect(text.some((m) => m.startsWith(`training ${run.kind} run ${run.name} on cache `))).toBe(true);
      expect(text.at(-1)).toBe("job completed");
      const seqs = lines.map((l) => l.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(text).size).toBe(text.length);
    }

    // Speed-up and memory saving: fine-tuning the model was calibrated once (by the first run to
    // finish) and both runs are compared with that calibration.
    expect(await db.prisma.calibration.count()).toBe(1);
    expect(done[0]!.calibrationId).toBeTruthy();
    expect(done[1]!.calibrationId).toBe(done[0]!.calibrationId);
    const { compareRuns } = await ok<{
      compareRuns: {
        efficiency: {
          baselineSource: string;
          speedup: number;
          memorySaving: number;
          calibration: { batchSize: number; resolution: number };
        }[];
      };
    }>(
      url(),
      token,
      `query($ids: [ID!]!) { compareRuns(ids: $ids) { efficiency { baselineSource speedup memorySaving calibration { batchSize resolution } } } }`,
      { ids: [ta, loff] },
    );
    for (const e of compareRuns.efficiency) {
      expect(e.baselineSource).toBe("calibration");
      expect(e.calibration).toEqual({ batchSize: 8, resolution: 28 });
      expect(e.speedup).toBeGreaterThan(0);
      expect(e.memorySaving).toBeGreaterThan(0);
    }
  }, 360_000);
  it("cancelRun stops a running training promptly and the run stays CANCELLED", async () => {
    const config = {
      classifier: { preset: "tiny" },
      epochs: 400,
      batchSize: 8,
      microBatch: 8,
      earlyStopping: { enabled: false },
    };
    const { launchRun } = await ok<{ launchRun: { id: string } }>(
      url(),
      token,
      `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`,
      { i: { projectId, name: "long", kind: "LOFF_TA", cacheId, config } },
    );
    const runId = launchRun.id;
    await waitFor(
      "training to start",
      async () => (await db.prisma.metricPoint.count({ where: { runId, key: "train/loss" } })) >= 5,
      60_000,
    );
    const w2 = workers[1]!;
    const { cancelRun } = await ok<{ cancelRun: { status: string } }>(
      url(),
      token,
      `mutation($id: ID!) { cancelRun(id: $id) { status } }`,
      { id: runId },
    );
    expect(cancelRun.status).toBe("CANCELLED");
    const cancelledAt = Date.now();
    // The worker learns it from its next heartbeat (1 s here) or progress report and stops at
    // the next step boundary.
    await waitFor(
      "the worker to stop the job",
      async () => /cancelled: stopped/.test(w2.output()),
      15_000,
      100,
    );
    expect(Date.now() - cancelledAt).toBeLessThan(15_000);
    // The worker logs that line after the job's training process exited and its metrics were
    // drained. No further steps: once none can come (the job CANCELLED, the training process
    // gone, none of the run's points left in the worker's spool) the count is still this one.
    const lossPoints = () => db.prisma.metricPoint.count({ where: { runId, key: "train/loss" } });
    const steps = await lossPoints();
    const job0 = await db.prisma.job.findFirstOrThrow({ where: { runId } });
    const childPid = Number(
      new RegExp(`train ${job0.id.slice(0, 8)}: running in child process (\\d+)`).exec(w2.output())?.[1],
    );
    expect(childPid).toBeGreaterThan(0);
    const spool = path.join(tmp, "w1", "spool", "w2", "metrics-spool.jsonl"); // w2's home and name
    await waitFor(
      "the cancelled run's training to be over",
      async () =>
        (await db.prisma.job.findFirstOrThrow({ where: { runId } })).status === "CANCELLED" &&
        !processAlive(childPid) &&
        !spooledPoints(spool, runId),
      15_000,
      100,
    );
    expect(await lossPoints()).toBe(steps); // no further steps
    expect(steps).toBeLessThan(400 * 6);
    const run = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("CANCELLED");
    const job = await db.prisma.job.findFirstOrThrow({ where: { runId } });
    expect(job.status).toBe("CANCELLED");
  }, 120_000);
});
