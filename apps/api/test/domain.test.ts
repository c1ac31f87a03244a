/**
 * Domain semantics of the API (@loffta/graphql/domain): effective run configs and seeds, what a
 * launch needs, what a worker reports back (applied config, final metrics, extraction
 * provenance), the layer convention, normalisation overrides, the shared dataset scanner, cache
 * reuse counts and what counts as a metric. A real API server on a fresh database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveRunConfig, type RunKind } from "@loffta/graphql/domain";
import { gql, insertCache, insertRun, ok, startHarness, type GqlResult, type Harness } from "./helpers";

let h: Harness;
let tmp: string;
/** A weights file in the storage roots (models are registered only from there). */
let weights: string;
beforeAll(async () => {
  h = await startHarness("domain");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-api-domain-"));
  weights = path.join(tmp, "w.safetensors");
  fs.writeFileSync(weights, "");
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id kind seed config } }`;
const CLAIM = `mutation($w: ID!, $types: [JobType!]) { claimJob(workerId: $w, types: $types, leaseSeconds: 60) { id type } }`;
const COMPLETE = `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id status lastError } }`;
const SHA_A = "a".repeat(64);
const SHA_B = "b".repeat(64);

type Launched = { launchRun: { id: string; kind: RunKind; seed: number; config: ReturnType<typeof resolveRunConfig> } };
type Fields = { path: string; message: string }[];

const launch = (input: Record<string, unknown>) => gql<Launched>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name: "r", config: {}, ...input } });
const fieldsOf = (r: GqlResult): Fields => r.errors?.[0]?.extensions?.fields ?? [];

async function registerWorker(name: string): Promise<string> {
  const d = await ok<{ registerWorker: { id: string } }>(h.url, h.a.worker, `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }`, {
    i: { name, host: "h", backend: "cpu", device: "cpu" },
  });
  return d.registerWorker.id;
}

/** Jobs left by earlier tests are out of the way: each test claims only what it queued. */
const clearQueue = () => h.db.prisma.job.updateMany({ where: { status: "QUEUED" }, data: { status: "CANCELLED" } });

/** Claim the next job of `type` (only one is claimable in each test that calls this). */
async function claim(w: string, type: "EXTRACT" | "TRAIN"): Promise<string> {
  const c = await ok<{ claimJob: { id: string } | null }>(h.url, h.a.worker, CLAIM, { w, types: [type] });
  if (!c.claimJob) throw new Error(`no ${type} job to claim`);
  return c.claimJob.id;
}

describe("launchRun: the effective config and what a launch needs", () => {
  test("the stored config is the kind's resolved config, and Run.seed is config.seed", async () => {
    const { cache } = await insertCache(h.db.prisma, h.a.teamId);
    // Seed only in the config: the run's seed follows it (it used to stay 0).
    const a = await ok<Launched>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name: "a", kind: "LOFF", cacheId: cache.id, config: { seed: 7 } } });
    expect(a.launchRun.seed).toBe(7);
    expect(a.launchRun.config).toEqual(JSON.parse(JSON.stringify(resolveRunConfig("LOFF", { seed: 7 }))));
    // LOFF trains without tensor augmentations: every one is off in what is stored.
    expect(Object.values(a.launchRun.config.augmentations).map((x) => x.enabled)).toEqual(Object.values(a.launchRun.config.augmentations).map(() => false));
    expect(a.launchRun.config.imageAugmentations.hflip.enabled).toBe(false);
    // Seed only as the argument: it is the config's seed too.
    const b = await ok<Launched>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name: "b", kind: "LOFF_TA", cacheId: cache.id, config: {}, seed: 5 } });
    expect([b.launchRun.seed, b.launchRun.config.seed]).toEqual([5, 5]);
    expect(b.launchRun.config.augmentations.hflip.enabled).toBe(true);
    // Image baselines: a linear head, the micro-batch cap, image augmentations on, tensor ones off.
    const c = await ok<Launched>(h.url, h.a.member, LAUNCH, {
      input: { projectId: h.a.projectId, name: "c", kind: "UNFROZEN_LINEAR", cacheId: cache.id, config: { microBatch: 32, batchSize: 64 } },
    });
    expect(c.launchRun.config).toMatchObject({ classifier: { preset: "linear" }, microBatch: 8, imageAugmentations: { hflip: { enabled: true } }, augmentations: { noise: { enabled: false } } });
    const stored = await h.db.prisma.run.findUniqueOrThrow({ where: { id: c.launchRun.id } });
    expect(stored.config).toEqual(c.launchRun.config);
  });

  test("asking a kind for what it cannot do, or two different seeds, is refused with config paths", async () => {
    const { cache } = await insertCache(h.db.prisma, h.a.teamId);
    const before = await h.db.prisma.run.count();
    const r1 = await launch({ kind: "LOFF", cacheId: cache.id, config: { augmentations: { hflip: { enabled: true } } } });
    expect(r1.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(fieldsOf(r1).map((f) => f.path)).toEqual(["input.config.augmentations.hflip.enabled"]);
    const r2 = await launch({ kind: "FROZEN_LINEAR", cacheId: cache.id, config: { classifier: { preset: "deit-s" } } });
    expect(fieldsOf(r2).map((f) => f.path)).toEqual(["input.config.classifier.preset"]);
    const r3 = await launch({ kind: "LOFF_TA", cacheId: cache.id, config: { seed: 1 }, seed: 2 });
    expect(fieldsOf(r3).map((f) => f.path)).toEqual(["input.config.seed"]);
    expect(await h.db.prisma.run.count()).toBe(before);
  });

  test("every kind needs a cache that is not FAILED; image baselines need ≥ 2 classes and a train split; baselines are of BASELINE_KINDS", async () => {
    const before = await h.db.prisma.run.count();
    for (const kind of ["FROZEN_LINEAR", "UNFROZEN_LINEAR"] as const) {
      const r = await launch({ kind });
      expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "input.cacheId" }] });
    }
    const failed = await insertCache(h.db.prisma, h.a.teamId, { status: "FAILED" });
    const r1 = await launch({ kind: "FROZEN_LINEAR", cacheId: failed.cache.id });
    expect(fieldsOf(r1)).toEqual([{ path: "input.cacheId", message: expect.stringContaining("FAILED") }]);
    const oneClass = await insertCache(h.db.prisma, h.a.teamId, { classNames: ["cat"], splitCounts: { train: 4 } });
    const r2 = await launch({ kind: "UNFROZEN_LINEAR", cacheId: oneClass.cache.id });
    expect(fieldsOf(r2)).toEqual([{ path: "input.cacheId", message: expect.stringContaining("at least 2") }]);
    const noTrain = await insertCache(h.db.prisma, h.a.teamId, { splitCounts: { val: 4, test: 4 } });
    const r3 = await launch({ kind: "FROZEN_LINEAR", cacheId: noTrain.cache.id });
    expect(fieldsOf(r3)).toEqual([{ path: "input.cacheId", message: expect.stringContaining("no train split") }]);
    const frozen = await insertRun(h.db.prisma, h.a.projectId, { kind: "FROZEN_LINEAR" });
    const ft = await insertRun(h.db.prisma, h.a.projectId, { kind: "UNFROZEN_LINEAR" });
    const r4 = await launch({ kind: "LOFF_TA", cacheId: oneClass.cache.id, baselineRunId: frozen.id });
    expect(fieldsOf(r4)).toEqual([{ path: "input.baselineRunId", message: expect.stringContaining("UNFROZEN_LINEAR") }]);
    expect(await h.db.prisma.run.count()).toBe(before + 2);
    // Cache kinds train on the extracted tokens, whatever the dataset's class count.
    expect((await launch({ kind: "LOFF_TA", cacheId: oneClass.cache.id, baselineRunId: ft.id })).errors).toBeUndefined();
  });
});

describe("completeJob: what the worker applied and measured", () => {
  test("result.run.config is stored when it resolves to itself, refused otherwise; finalMetrics are only metrics", async () => {
    await clearQueue();
    const { cache } = await insertCache(h.db.prisma, h.a.teamId);
    const w = await registerWorker("trainer");
    const run = (await ok<Launched>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name: "applied", kind: "LOFF_TA", cacheId: cache.id, config: { epochs: 2 } } })).launchRun;
    const jobId = await claim(w, "TRAIN");
    const finalMetrics = { accuracy: 0.75, balancedAccuracy: 0.7, macroF1: 0.72, kappa: 0.5, auc: 0.8, loss: 0.6, confusion: [[3, 1], [0, 4]], evalSplit: "val", evalCount: 8 };
    // Not a resolved config (defaults missing), or one the kind would change: refused, nothing stored.
    for (const config of [{ epochs: 2 }, JSON.parse(JSON.stringify({ ...resolveRunConfig("LOFF_TA", { epochs: 2 }), imageAugmentations: resolveRunConfig("FROZEN_LINEAR", {}).imageAugmentations }))]) {
      const bad = await gql(h.url, h.a.worker, COMPLETE, { j: jobId, w, r: { run: { finalMetrics, config } } });
      expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(fieldsOf(bad)[0].path).toMatch(/^result\.run\.config/);
    }
    expect((await h.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("RUNNING");
    // What the worker applied (here a smaller batch and another seed than launched) becomes the
    // run's config, and its seed the run's seed.
    const applied = JSON.parse(JSON.stringify(resolveRunConfig("LOFF_TA", { epochs: 2, batchSize: 32, seed: 9 }))) as Record<string, unknown>;
    const done = await ok<{ completeJob: { status: string } }>(h.url, h.a.worker, COMPLETE, { j: jobId, w, r: { run: { finalMetrics, config: applied, trainImagesPerSec: 100 } } });
    expect(done.completeJob.status).toBe("SUCCEEDED");
    const got = await ok<{ run: Record<string, unknown> }>(h.url, h.a.member, `query($id: ID!) { run(id: $id) { config seed finalMetrics confusionMatrix evalSplit evalCount } }`, { id: run.id });
    expect(got.run).toEqual({
      config: applied,
      seed: 9,
      finalMetrics: { accuracy: 0.75, balancedAccuracy: 0.7, macroF1: 0.72, kappa: 0.5, auc: 0.8, loss: 0.6 },
      confusionMatrix: [[3, 1], [0, 4]],
      evalSplit: "val",
      evalCount: 8,
    });
  });

  test("compareRuns and runs sorting know only metrics: evalCount, count and confusion are not metrics", async () => {
    const project = await h.db.prisma.project.create({ data: { teamId: h.a.teamId, name: "metrics-only" } });
    const r1 = await insertRun(h.db.prisma, project.id, { name: "m1", finalMetrics: { accuracy: 0.9, loss: 0.2, confusion: [[1, 0], [0, 1]], evalSplit: "val", evalCount: 2 } });
    const r2 = await insertRun(h.db.prisma, project.id, { name: "m2", finalMetrics: { accuracy: 0.8, count: 50 } });
    const c = await ok<{ compareRuns: { metrics: { key: string; values: (number | null)[] }[] } }>(
      h.url,
      h.a.member,
      `query($ids: [ID!]!) { compareRuns(ids: $ids) { metrics { key values } } }`,
      { ids: [r1.id, r2.id] },
    );
    expect(c.compareRuns.metrics).toEqual([
      { key: "accuracy", values: [0.9, 0.8] },
      { key: "loss", values: [0.2, null] },
    ]);
    const q = `query($s: RunSort) { runs(filter: { projectId: "${project.id}" }, sort: $s) { edges { node { name } } } }`;
    for (const metricKey of ["evalCount", "count", "confusion"]) {
      const r = await gql(h.url, h.a.member, q, { s: { field: "METRIC", metricKey, direction: "DESC" } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "sort.metricKey" }] });
    }
    const sorted = await ok<{ runs: { edges: { node: { name: string } }[] } }>(h.url, h.a.member, q, { s: { field: "METRIC", metricKey: "loss", direction: "ASC" } });
    expect(sorted.runs.edges.map((e) => e.node.name)).toEqual(["m1", "m2"]);
  });

  test("an extraction's normalisation, weights sha256 and split counts are stored; the model learns its sha256; changed weights fail the job", async () => {
    await clearQueue();
    const ds = await h.db.prisma.dataset.create({
      data: { teamId: h.a.teamId, name: "prov", rootUri: "/x", layout: "IMAGE_FOLDER", classNames: ["a", "b"], splitCounts: { train: 6, test: 2 }, status: "READY" },
    });
    const m = await ok<{ registerFoundationModel: { id: string; weightsSha256: string | null } }>(
      h.url,
      h.a.member,
      `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id weightsSha256 } }`,
      { i: { name: "prov", family: "DINOV2", patchSize: 14, embedDim: 384, depth: 12, heads: 6, defaultImageSize: 224, weightsUri: weights } },
    );
    const modelId = m.registerFoundationModel.id;
    const REQ = `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`;
    const w = await registerWorker("extractor");
    const c1 = (await ok<{ requestFeatureCache: { id: string } }>(h.url, h.a.member, REQ, { i: { datasetId: ds.id, modelId, resolution: 224 } })).requestFeatureCache.id;
    const cacheResult = { gridH: 16, gridW: 16, dim: 384, bytes: 1000, shardCount: 1, storageUri: "/c1" };
    // Bad provenance is refused field by field.
    const j1 = await claim(w, "EXTRACT");
    const bad = await gql(h.url, h.a.worker, COMPLETE, {
      j: j1,
      w,
      r: { cache: { ...cacheResult, mean: [0.5, 0.5], std: [1, 0, 1], weightsSha256: "xyz", splitCounts: [{ split: "validation", count: 1 }] } },
    });
    expect(fieldsOf(bad).map((f) => f.path)).toEqual(["result.cache.mean", "result.cache.std", "result.cache.weightsSha256", "result.cache.splitCounts.0.split"]);
    await ok(h.url, h.a.worker, COMPLETE, {
      j: j1,
      w,
      r: { cache: { ...cacheResult, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], weightsSha256: SHA_A, splitCounts: [{ split: "test", count: 2 }, { split: "train", count: 5 }] } },
    });
    const CACHE = `query($id: ID!) { featureCache(id: $id) { status layer mean std weightsSha256 splitCounts { split count } error model { weightsSha256 } } }`;
    const got = await ok<{ featureCache: Record<string, unknown> }>(h.url, h.a.member, CACHE, { id: c1 });
    expect(got.featureCache).toEqual({
      status: "READY",
      layer: 12,
      mean: [0.485, 0.456, 0.406],
      std: [0.229, 0.224, 0.225],
      weightsSha256: SHA_A,
      splitCounts: [{ split: "train", count: 5 }, { split: "test", count: 2 }],
      error: null,
      model: { weightsSha256: SHA_A },
    });
    // Another extraction of the same model reads other weights: the job and the cache fail, and so does a run waiting on it.
    const c2 = (await ok<{ requestFeatureCache: { id: string } }>(h.url, h.a.member, REQ, { i: { datasetId: ds.id, modelId, resolution: 448 } })).requestFeatureCache.id;
    const waiting = (await ok<Launched>(h.url, h.a.member, LAUNCH, { input: { projectId: h.a.projectId, name: "waits", kind: "LOFF_TA", cacheId: c2, config: {} } })).launchRun;
    const j2 = await claim(w, "EXTRACT");
    const failed = await ok<{ completeJob: { status: string; lastError: string } }>(h.url, h.a.worker, COMPLETE, {
      j: j2,
      w,
      r: { cache: { ...cacheResult, storageUri: "/c2", weightsSha256: SHA_B } },
    });
    expect(failed.completeJob.status).toBe("FAILED");
    expect(failed.completeJob.lastError).toContain("weights changed");
    const c2Row = await ok<{ featureCache: { status: string; error: string; weightsSha256: string | null; model: { weightsSha256: string } } }>(h.url, h.a.member, CACHE, { id: c2 });
    expect(c2Row.featureCache).toMatchObject({ status: "FAILED", weightsSha256: null, model: { weightsSha256: SHA_A } });
    expect(c2Row.featureCache.error).toContain(SHA_B);
    expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("FAILED");
  });
});

describe("caches, models and datasets", () => {
  test("requestFeatureCache: layer is the 1-based block, omitted = the last one; the canonical value is the key", async () => {
    const ds = await h.db.prisma.dataset.create({ data: { teamId: h.a.teamId, name: "layers", rootUri: "/x", layout: "IMAGE_FOLDER", classNames: ["a", "b"] } });
    const MODEL = `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`;
    const base = { patchSize: 16, embedDim: 192, depth: 6, heads: 3, defaultImageSize: 224, weightsUri: weights };
    const vit = (await ok<{ registerFoundationModel: { id: string } }>(h.url, h.a.member, MODEL, { i: { ...base, name: "vit-6", family: "VIT" } })).registerFoundationModel.id;
    const tfjs = (await ok<{ registerFoundationModel: { id: string } }>(h.url, h.a.member, MODEL, { i: { ...base, name: "tfjs", family: "OTHER" } })).registerFoundationModel.id;
    const REQ = `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id layer mean std weightsSha256 splitCounts { split count } } }`;
    const req = (i: Record<string, unknown>) =>
      gql<{ requestFeatureCache: { id: string; layer: number; mean: null; std: null; weightsSha256: null; splitCounts: [] } }>(h.url, h.a.member, REQ, { i: { datasetId: ds.id, resolution: 224, ...i } });
    const last = await req({ modelId: vit });
    const named = await req({ modelId: vit, layer: 6 });
    // Not extracted yet: no provenance.
    expect(last.data?.requestFeatureCache).toMatchObject({ layer: 6, mean: null, std: null, weightsSha256: null, splitCounts: [] });
    expect(named.data?.requestFeatureCache.id).toBe(last.data?.requestFeatureCache.id);
    const third = await req({ modelId: vit, layer: 3 });
    expect(third.data?.requestFeatureCache.layer).toBe(3);
    expect(third.data?.requestFeatureCache.id).not.toBe(last.data?.requestFeatureCache.id);
    for (const layer of [0, -1, 7]) expect(fieldsOf(await req({ modelId: vit, layer })).map((f) => f.path)).toEqual(["input.layer"]);
    expect((await req({ modelId: tfjs })).data?.requestFeatureCache.layer).toBe(0);
    expect(fieldsOf(await req({ modelId: tfjs, layer: 2 })).map((f) => f.path)).toEqual(["input.layer"]);
    expect(await h.db.prisma.featureCache.count({ where: { datasetId: ds.id } })).toBe(3);
  });

  test("registerFoundationModel: mean/std are an optional override (null when omitted)", async () => {
    const MODEL = `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { name mean std } }`;
    const base = { family: "DEIT", patchSize: 16, embedDim: 384, depth: 12, heads: 6, defaultImageSize: 224, weightsUri: weights };
    expect((await ok<{ registerFoundationModel: unknown }>(h.url, h.a.member, MODEL, { i: { ...base, name: "plain" } })).registerFoundationModel).toEqual({ name: "plain", mean: null, std: null });
    expect(
      (await ok<{ registerFoundationModel: unknown }>(h.url, h.a.member, MODEL, { i: { ...base, name: "override", mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] } })).registerFoundationModel,
    ).toEqual({ name: "override", mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] });
    expect((await h.db.prisma.foundationModel.findFirstOrThrow({ where: { name: "plain" } })).mean).toEqual([]);
    const bad = await gql(h.url, h.a.member, MODEL, { i: { ...base, name: "bad", mean: [0.5], std: [0.5, 0, 0.5] } });
    expect(fieldsOf(bad).map((f) => f.path)).toEqual(["input.mean", "input.std"]);
  });

  test("registerDataset reads datasets as the shared scanner does (split aliases, CSV without split, numeric class order)", async () => {
    const REG = `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { classNames splitCounts { split count } imageCount } }`;
    const write = (rel: string) => {
      const p = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, Buffer.alloc(10, 1));
    };
    for (const f of ["train/10/a.png", "train/10/sub/b.png", "train/2/c.png", "valid/2/d.png", "valid/10/e.png"]) write(`aliases/${f}`);
    const a = await ok<{ registerDataset: unknown }>(h.url, h.a.member, REG, { i: { name: "aliases", rootUri: path.join(tmp, "aliases"), layout: "IMAGE_FOLDER" } });
    expect(a.registerDataset).toEqual({ classNames: ["2", "10"], splitCounts: [{ split: "train", count: 3 }, { split: "val", count: 2 }], imageCount: 5 });
    write("csv/x.png");
    write("csv/y.png");
    fs.writeFileSync(path.join(tmp, "csv/m.csv"), "path,label\nx.png,b\ny.png,a\n");
    const c = await ok<{ registerDataset: unknown }>(h.url, h.a.member, REG, { i: { name: "nosplit", rootUri: path.join(tmp, "csv/m.csv"), layout: "CSV_MANIFEST" } });
    expect(c.registerDataset).toEqual({ classNames: ["a", "b"], splitCounts: [{ split: "train", count: 2 }], imageCount: 2 });
    for (const f of ["mixed/train/a/1.png", "mixed/cats/a/2.png"]) write(f);
    const bad = await gql(h.url, h.a.member, REG, { i: { name: "mixed", rootUri: path.join(tmp, "mixed"), layout: "IMAGE_FOLDER" } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "input.rootUri" }] });
    expect(bad.errors?.[0].message).toContain("split folders");
  });

  test("runCount counts only runs that read the cache's tokens", async () => {
    const { cache } = await insertCache(h.db.prisma, h.a.teamId, { name: "reuse" });
    for (const kind of ["LOFF", "LOFF_TA", "FROZEN_LINEAR", "UNFROZEN_LINEAR"] as const) expect((await launch({ kind, cacheId: cache.id, name: kind })).errors).toBeUndefined();
    const one = await ok<{ featureCache: { runCount: number } }>(h.url, h.a.member, `query($id: ID!) { featureCache(id: $id) { runCount } }`, { id: cache.id });
    expect(one.featureCache.runCount).toBe(2);
    const list = await ok<{ featureCaches: { id: string; runCount: number }[] }>(h.url, h.a.member, `{ featureCaches { id runCount } }`);
    expect(list.featureCaches.find((c) => c.id === cache.id)?.runCount).toBe(2);
  });
});
