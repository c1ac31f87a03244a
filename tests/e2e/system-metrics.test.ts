/**
 * System metrics of trained runs (issue #17 item 3): a real API process, a real worker process
 * (each run in its own job child) and Postgres. A LOFF_TA run and a FROZEN_LINEAR image baseline
 * train on a tiny dataset; each logs `system/cpu_percent` and `system/rss_bytes` series through
 * the same metric path as `train/loss`, read back with metricSeries; each stores its provenance
 * (item 6): the worker's Loffta, git, tfjs and Node versions and the token that launched it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, seedDemo } from "@loffta/db";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { ok } from "../../apps/api/test/helpers";
import {
  ROOT,
  startApiProcess,
  startWorkerProcess,
  waitFor,
  writeSpatialDataset,
  type Proc,
} from "./harness";

const MODEL_DIR = path.join(ROOT, "apps/worker/fixtures/reference/dinov2");

describe("system metrics of trained runs", () => {
  let db: TestDatabase;
  let token: string;
  let projectId: string;
  let port: number;
  let api: Proc | undefined;
  let worker: Proc | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-sysm-"));
  const url = () => `http://127.0.0.1:${port}/graphql`;

  beforeAll(async () => {
    db = await createTestDatabase("sysmetrics");
    const seed = await seedDemo(db.prisma);
    token = seed.token;
    projectId = seed.projectId;
    port = await freePort();
    api = await startApiProcess(db.url, port);
    await writeSpatialDataset(path.join(tmp, "data"), { train: 16, val: 4 });
  }, 120_000);

  afterAll(async () => {
    await worker?.kill("SIGKILL");
    await api?.kill("SIGKILL");
    await db?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("LOFF_TA and FROZEN_LINEAR runs log CPU % and RSS series under system/", async () => {
    const { registerDataset: ds } = await ok<{ registerDataset: { id: string } }>(
      url(),
      token,
      `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`,
      { i: { name: "spatial", rootUri: path.join(tmp, "data"), layout: "IMAGE_FOLDER" } },
    );
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
    const { requestFeatureCache: cache } = await ok<{ requestFeatureCache: { id: string } }>(
      url(),
      token,
      `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
      { i: { datasetId: ds.id, modelId: model.id, resolution: 28 } },
    );
    worker = startWorkerProcess({
      api: `http://127.0.0.1:${port}`,
      token,
      name: "sysm",
      home: path.join(tmp, "home"),
      leaseSeconds: 30,
      env: { LOFFTA_SYSTEM_METRICS_MS: "1000", LOFFTA_CALIBRATION: "off" },
    });
    const w = worker;
    await waitFor(
      "the cache to be READY",
      async () => {
        const c = await db.prisma.featureCache.findUniqueOrThrow({ where: { id: cache.id } });
        if (c.status === "FAILED") throw new Error(`cache failed: ${c.error}\n${w.output()}`);
        return c.status === "READY";
      },
      120_000,
    );
    const budget = {
      epochs: 2,
      batchSize: 8,
      microBatch: 8,
      earlyStopping: { enabled: false },
    };
    const ids: string[] = [];
    for (const kind of ["LOFF_TA", "FROZEN_LINEAR"]) {
      const { launchRun } = await ok<{ launchRun: { id: string } }>(
        url(),
        token,
        `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`,
        {
          i: {
            projectId,
            name: kind.toLowerCase(),
            kind,
            cacheId: cache.id,
            config: kind === "LOFF_TA" ? { ...budget, classifier: { preset: "tiny" } } : budget,
            seed: 1,
          },
        },
      );
      ids.push(launchRun.id);
    }
    await waitFor(
      "both runs to finish",
      async () => {
        const runs = await db.prisma.run.findMany({ where: { id: { in: ids } } });
        const failed = runs.find((r) => r.status === "FAILED");
        if (failed) throw new Error(`run failed: ${failed.error}\n${w.output()}`);
        return runs.every((r) => r.status === "SUCCEEDED");
      },
      240_000,
      500,
    );

    const { metricSeries } = await ok<{
      metricSeries: { runId: string; key: string; steps: number[]; values: number[] }[];
    }>(
      url(),
      token,
      `query($r: [ID!]!, $k: [String!]!) { metricSeries(runIds: $r, keys: $k) { runId key steps values } }`,
      { r: ids, k: ["system/cpu_percent", "system/rss_bytes", "system/gpu_bytes", "train/loss"] },
    );
    for (const id of ids) {
      const of = (key: string) => metricSeries.find((s) => s.runId === id && s.key === key);
      const cpu = of("system/cpu_percent");
      const rss = of("system/rss_bytes");
      expect(of("train/loss")?.steps.length).toBeGreaterThan(0);
      expect(cpu?.steps.length).toBeGreaterThan(0);
      expect(rss?.steps).toEqual(cpu?.steps);
      // Steps are whole seconds since training started: distinct and ascending.
      expect(new Set(cpu!.steps).size).toBe(cpu!.steps.length);
      // The job child trains (CPU busy) and holds Node + TensorFlow.js (tens of MiB at least).
      expect(Math.max(...cpu!.values)).toBeGreaterThan(5);
      for (const v of rss!.values) expect(v).toBeGreaterThan(30 * 1024 * 1024);
      // CPU backend (tfjs-node or pure JS): no GPU series.
      expect(of("system/gpu_bytes")?.steps ?? []).toEqual([]);
    }

    // Provenance: the worker's versions (collected once at its start) and the launching token.
    const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const tfjsCore = JSON.parse(
      fs.readFileSync(path.join(ROOT, "node_modules/@tensorflow/tfjs-core/package.json"), "utf8"),
    ) as { version: string };
    const launcher = (await db.prisma.apiToken.findMany()).filter((t) => token.startsWith(t.prefix));
    expect(launcher).toHaveLength(1);
    const tokenName = launcher[0]!.name;
    let head: string | null = null;
    try {
      head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    } catch {
      head = null;
    }
    for (const id of ids) {
      const { run } = await ok<{ run: Record<string, string | null> }>(
        url(),
        token,
        `query($id: ID!) { run(id: $id) { backend lofftaVersion gitCommit tfjsVersion tfjsNodeVersion tensorflowVersion nodeVersion launchedBy } }`,
        { id },
      );
      expect(run.lofftaVersion).toBe(root.version);
      expect(run.gitCommit).toBe(head);
      expect(run.tfjsVersion).toBe(tfjsCore.version);
      expect(run.nodeVersion).toBe(process.version);
      expect(run.launchedBy).toBe(tokenName);
      if (run.backend === "tensorflow") {
        expect(run.tfjsNodeVersion).toMatch(/^\d+\.\d+\.\d+/);
        expect(run.tensorflowVersion).toMatch(/^\d+\.\d+/);
      } else {
        expect(run.tfjsNodeVersion).toBeNull();
        expect(run.tensorflowVersion).toBeNull();
      }
    }
  }, 400_000);
});
