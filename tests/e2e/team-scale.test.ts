/**
 * Team scale: workers that share nothing but the API and an S3-compatible object store (s3rver,
 * a real S3 API over HTTP, through the real @aws-sdk/client-s3). Three worker processes, each
 * with its own home folder and no storage roots (no file of the test's, the API's or another
 * worker's is readable to them); the dataset and the model's weights are in the bucket, as a
 * team's operator would put them (`aws s3 sync`).
 *
 * Worker A dies mid-extraction and worker A2 (another home) resumes from the shards A had put in
 * the store; B and C train six runs on the cache through the store; the worker training the
 * longest run is killed after its first checkpoint reached the store, and the run is retried by
 * another worker, which resumes from that checkpoint. Every job runs to
 * success once (the killed one twice), every run is trained by B or C, and the killed run has
 * each of its steps' loss exactly once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, seedDemo } from "@loffta/db";
import { S3Store } from "@loffta/graphql/object-store";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { S3RVER_CREDENTIALS, startS3, type TestS3 } from "../support/s3";
import { ok } from "../../apps/api/test/helpers";
import { ROOT, startApiProcess, startWorkerProcess, waitFor, writeSpatialDataset, type Proc } from "./harness";

const MODEL_DIR = path.join(ROOT, "apps/worker/fixtures/reference/dinov2");

/** Every file under `dir`, relative, `/`-separated. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

describe("three workers sharing only the API and an object store", () => {
  let db: TestDatabase;
  let s3: TestS3;
  let store: S3Store;
  let token: string;
  let projectId: string;
  let port: number;
  let api: Proc;
  const workers: Record<string, Proc> = {};
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-team-"));
  const url = () => `http://127.0.0.1:${port}/graphql`;
  const home = (name: string) => path.join(tmp, `home-${name}`);
  const startWorker = (name: string, env: NodeJS.ProcessEnv = {}) => {
    workers[name] = startWorkerProcess({
      api: `http://127.0.0.1:${port}`,
      token,
      name,
      home: home(name),
      leaseSeconds: 5,
      // No storage roots: everything a job reads comes from the API or the store.
      env: { ...s3.env("team"), LOFFTA_STORAGE_ROOTS: "", LOFFTA_EXTRACT_SHARD_SIZE: "8", ...env },
    });
    return workers[name];
  };

  beforeAll(async () => {
    s3 = await startS3();
    store = new S3Store({ bucket: s3.bucket, prefix: "team", endpoint: s3.endpoint, forcePathStyle: true, client: { credentials: S3RVER_CREDENTIALS } });
    db = await createTestDatabase("team");
    const seed = await seedDemo(db.prisma);
    token = seed.token;
    projectId = seed.projectId;
    port = await freePort();
    api = await startApiProcess(db.url, port, { ...s3.env("team"), LOFFTA_STORAGE_ROOTS: "" });
    // The operator's upload: a dataset and a model folder into the bucket.
    const data = path.join(tmp, "upload", "spatial");
    await writeSpatialDataset(data, { train: 24, val: 8 });
    for (const f of filesUnder(data)) await store.putFile(`datasets/spatial/${f}`, path.join(data, f));
    for (const f of ["config.json", "model.safetensors"]) await store.putFile(`models/dinov2-tiny/${f}`, path.join(MODEL_DIR, f));
  }, 180_000);

  afterAll(async () => {
    for (const w of Object.values(workers)) await w.kill("SIGKILL");
    await api?.kill("SIGKILL");
    await db?.drop();
    await s3?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  let cacheId: string;

  it("registers a dataset and weights from the store; a path outside it or another team's key is refused", async () => {
    const refused = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`,
        variables: { i: { name: "x", rootUri: "store:teams/other-team/data", layout: "IMAGE_FOLDER" } },
      }),
    }).then((r) => r.json() as Promise<{ errors?: { message: string; extensions: { code: string } }[] }>);
    expect(refused.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toMatch(/not in your part of the object store/);

    const { registerDataset } = await ok<{ registerDataset: { id: string; classNames: string[]; splitCounts: { split: string; count: number }[] } }>(
      url(),
      token,
      `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id classNames splitCounts { split count } } }`,
      { i: { name: "spatial", rootUri: "store:datasets/spatial", layout: "IMAGE_FOLDER" } },
    );
    expect(registerDataset.classNames).toEqual(["left", "right"]);
    expect(registerDataset.splitCounts).toEqual([{ split: "train", count: 48 }, { split: "val", count: 16 }]);
    const { registerFoundationModel: model } = await ok<{ registerFoundationModel: { id: string } }>(
      url(),
      token,
      `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
      { i: { name: "dinov2-tiny-random", family: "DINOV2", patchSize: 7, embedDim: 32, depth: 2, heads: 2, defaultImageSize: 28, weightsUri: "store:models/dinov2-tiny" } },
    );
    const { requestFeatureCache } = await ok<{ requestFeatureCache: { id: string } }>(
      url(),
      token,
      `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
      { i: { datasetId: registerDataset.id, modelId: model.id, resolution: 28 } },
    );
    cacheId = requestFeatureCache.id;
  }, 60_000);

  it("worker A dies mid-extraction; worker A2, on another home, resumes from the shards A put in the store", async () => {
    // A SIGKILLs itself (fault injection) once 3 shards are written — and so in the store.
    const a = startWorker("A", { LOFFTA_FAULT_KILL_AFTER_SHARDS: "3" });
    const aExit = await Promise.race([a.exited, new Promise((r) => setTimeout(() => r("still running"), 90_000))]);
    if (aExit !== -1) throw new Error(`worker A did not die by fault injection (${String(aExit)}):\n${a.output()}`);
    expect((await store.list(`caches/${cacheId}/`)).map((o) => o.key)).toEqual(
      Array.from({ length: 3 }, (_, i) => `caches/${cacheId}/shard-${String(i).padStart(5, "0")}.safetensors`),
    );
    const a2 = startWorker("A2");
    const ready = await waitFor(
      "the cache to be READY",
      async () => {
        const c = await db.prisma.featureCache.findUniqueOrThrow({ where: { id: cacheId } });
        if (c.status === "FAILED") throw new Error(`cache failed: ${c.error}\n${a2.output()}`);
        return c.status === "READY" ? c : undefined;
      },
      120_000,
    );
    expect(ready.storageUri).toBe(`store:caches/${cacheId}`);
    expect(ready.shardCount).toBe(8);
    expect(ready.progressDone).toBe(64);
    const job = await db.prisma.job.findFirstOrThrow({ where: { cacheId } });
    expect(job.attempts).toBe(2);
    expect(a2.output()).toMatch(new RegExp(`cache ${cacheId}: 3 shards of an earlier attempt restored from the object store`));
    const objects = await store.list(`caches/${cacheId}/`);
    expect(objects.map((o) => o.key).sort()).toEqual([
      `caches/${cacheId}/manifest.json`,
      ...Array.from({ length: 8 }, (_, i) => `caches/${cacheId}/shard-${String(i).padStart(5, "0")}.safetensors`),
    ]);
    expect(objects.reduce((n, o) => n + o.bytes, 0)).toBe(Number(ready.bytes));
    // A2 fetched the dataset and the weights from the store: its copy holds them.
    expect(filesUnder(path.join(home("A2"), "store-copy", "datasets", "spatial"))).toHaveLength(64);
    await a2.kill("SIGTERM");
    expect(a2.output()).toMatch(/written to the object store as store:caches\//);
  }, 240_000);

  it("workers B and C train six runs on A's cache; one killed mid-run is resumed elsewhere from its checkpoint", async () => {
    const config = (epochs: number) => ({
      classifier: { preset: "tiny" },
      epochs,
      batchSize: 8,
      microBatch: 8,
      schedule: { warmupEpochs: 1 },
      earlyStopping: { enabled: false },
    });
    const launch = async (name: string, kind: string, epochs: number, seed: number) =>
      (
        await ok<{ launchRun: { id: string } }>(url(), token, `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`, {
          i: { projectId, name, kind, cacheId, config: config(epochs), seed },
        })
      ).launchRun.id;
    // The long run first: it is the one killed once its first checkpoint is in the store.
    const long = await launch("long", "LOFF_TA", 80, 1);
    const ids = [long];
    for (let i = 0; i < 5; i++) ids.push(await launch(`run-${i}`, i % 2 ? "LOFF" : "LOFF_TA", 4, i + 2));

    startWorker("B");
    startWorker("C");
    const holder = await waitFor(
      "the long run's first checkpoint in the store",
      async () => {
        if (!(await store.head(`runs/${long}/checkpoints/last.safetensors`))) return undefined;
        const job = await db.prisma.job.findFirstOrThrow({ where: { runId: long }, include: { worker: true } });
        return job.status === "RUNNING" ? job.worker?.name : undefined;
      },
      180_000,
      100,
    );
    expect(["B", "C"]).toContain(holder);
    await workers[holder!]!.kill("SIGKILL");
    // The worker is gone; its lease expires and another worker takes the run over. A new worker
    // (D, a fresh home) joins so the run is retried on a machine that never saw it.
    startWorker("D");

    const done = await waitFor(
      "all six runs to finish",
      async () => {
        const runs = await db.prisma.run.findMany({ where: { id: { in: ids } }, include: { trainedBy: true } });
        const failed = runs.find((r) => r.status === "FAILED");
        if (failed) throw new Error(`run ${failed.name} failed: ${failed.error}\n${Object.values(workers).map((w) => w.output()).join("\n====\n")}`);
        return runs.every((r) => r.status === "SUCCEEDED") ? runs : undefined;
      },
      420_000,
      500,
    );

    // Every job ran to success once; the killed run's job twice (the second attempt elsewhere).
    const jobs = await db.prisma.job.findMany({ where: { runId: { in: ids } } });
    expect(jobs).toHaveLength(6);
    for (const j of jobs) {
      expect(j.status).toBe("SUCCEEDED");
      expect(j.attempts).toBe(j.runId === long ? 2 : 1);
    }
    for (const r of done) expect(["B", "C", "D"]).toContain(r.trainedBy?.name);
    const longRun = done.find((r) => r.id === long)!;
    expect(longRun.trainedBy?.name).not.toBe(holder);
    // Resumed, not restarted: the retry restored the checkpoint from the store, and every step
    // of the 80 epochs (6 steps each) has its loss once.
    const resumer = workers[longRun.trainedBy!.name]!;
    expect(resumer.output()).toMatch(new RegExp(`run ${long}: last.safetensors restored from the object store`));
    const steps = (await db.prisma.metricPoint.findMany({ where: { runId: long, key: "train/loss" }, orderBy: { step: "asc" } })).map((p) => p.step);
    expect(steps).toEqual(Array.from({ length: 480 }, (_, i) => i + 1));
    // The run's checkpoints are in the store (any worker can continue or evaluate from them).
    expect((await store.list(`runs/${long}/checkpoints/`)).map((o) => o.key)).toEqual([
      `runs/${long}/checkpoints/best.safetensors`,
      `runs/${long}/checkpoints/last.safetensors`,
    ]);
    // No worker read another's files: B, C and D have no cache folder of their own, only the
    // store's shards in their copies; A and A2 never trained.
    for (const name of ["B", "C", "D"]) {
      expect(fs.existsSync(path.join(home(name), "caches"))).toBe(false);
      const copy = path.join(home(name), "store-copy", "caches", cacheId);
      if (done.some((r) => r.trainedBy?.name === name)) expect(filesUnder(copy)).toContain("manifest.json");
    }
    expect(done.some((r) => r.trainedBy?.name === "A" || r.trainedBy?.name === "A2")).toBe(false);
  }, 600_000);
});
