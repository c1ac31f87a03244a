/**
 * What the platform shows is what the worker did — through the real API process, a real worker
 * process and the real CLI, on real images and small random-weight models (fixtures):
 * the seed, the stored (effective) config, the layer index, the normalisation, the dataset
 * layout, cache reuse counts, the weights' sha256, typed final metrics and launch validation.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { freePort, seedDemo } from "@loffta/db";
import { openCache, type FeatureCache } from "../../apps/worker/src/core/cache/reader";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { gql, ok } from "../../apps/api/test/helpers";
import { ROOT, startApiProcess, startWorkerProcess, waitFor, writeSpatialDataset, type Proc } from "./harness";

const FIXTURES = path.join(ROOT, "apps/worker/fixtures/reference");

/** `loffta-worker extract …` as a user runs it; resolves when the cache is written. */
function cliExtract(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "apps/worker/bin/loffta-worker.cjs"), "extract", ...args], {
      cwd: ROOT,
      env: { ...process.env, LOFFTA_TF_BACKEND: process.env.LOFFTA_TF_BACKEND ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`extract exited ${code}:\n${out}`))));
  });
}

/** Every item's tokens of a cache (float16 bits), keyed by dataset index. */
async function tokensByIndex(cache: FeatureCache): Promise<Map<number, Uint16Array>> {
  const out = new Map<number, Uint16Array>();
  const per = cache.tokensPerItem * cache.manifest.dim;
  for (const split of Object.keys(cache.manifest.splits))
    for (const entry of cache.shardsOf(split)) {
      const s = await cache.readShard(entry);
      for (let i = 0; i < s.count; i++) out.set(s.index[i], s.tokens.slice(i * per, (i + 1) * per));
    }
  return out;
}

function sameTokens(a: Map<number, Uint16Array>, b: Map<number, Uint16Array>): boolean {
  if (a.size !== b.size || a.size === 0) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.length !== v.length || w.some((x, i) => x !== v[i])) return false;
  }
  return true;
}

async function png(file: string, seed: number, size = 32): Promise<void> {
  const px = Buffer.alloc(size * size * 3);
  for (let i = 0; i < px.length; i++) px[i] = (i * 37 + seed * 101) % 251;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp(px, { raw: { width: size, height: size, channels: 3 } }).png().toFile(file);
}

interface CacheRow {
  id: string;
  status: string;
  layer: number;
  error: string | null;
  storageUri: string | null;
  mean: number[] | null;
  std: number[] | null;
  weightsSha256: string | null;
  runCount: number;
  splitCounts: { split: string; count: number }[];
  model: { weightsSha256: string | null; mean: number[] | null };
}

describe("what a run shows is what it ran (real API + real worker + CLI)", () => {
  let db: TestDatabase;
  let token: string;
  let projectId: string;
  let port: number;
  let api: Proc;
  let worker: Proc;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-truth-"));
  const url = () => `http://127.0.0.1:${port}/graphql`;
  const q = <T>(query: string, variables?: Record<string, unknown>) => ok<T>(url(), token, query, variables);

  const CACHE_FIELDS = `id status layer error storageUri mean std weightsSha256 runCount splitCounts { split count } model { weightsSha256 mean }`;
  async function registerModel(name: string, family: string, dir: string, depth: number, patch: number, size: number, extra: Record<string, unknown> = {}) {
    const { registerFoundationModel } = await q<{ registerFoundationModel: { id: string; mean: number[] | null } }>(
      `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id mean } }`,
      { i: { name, family, patchSize: patch, embedDim: 32, depth, heads: 2, defaultImageSize: size, weightsUri: dir, ...extra } },
    );
    return registerFoundationModel;
  }
  async function registerDataset(name: string, rootUri: string) {
    const { registerDataset } = await q<{ registerDataset: { id: string; classNames: string[]; splitCounts: { split: string; count: number }[] } }>(
      `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id classNames splitCounts { split count } } }`,
      { i: { name, rootUri, layout: "IMAGE_FOLDER" } },
    );
    return registerDataset;
  }
  async function requestCache(input: Record<string, unknown>): Promise<CacheRow> {
    const { requestFeatureCache } = await q<{ requestFeatureCache: CacheRow }>(
      `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { ${CACHE_FIELDS} } }`,
      { i: input },
    );
    return requestFeatureCache;
  }
  async function readyCache(id: string): Promise<CacheRow> {
    return waitFor(
      `cache ${id} READY`,
      async () => {
        const { featureCache: c } = await q<{ featureCache: CacheRow }>(`query($id: ID!) { featureCache(id: $id) { ${CACHE_FIELDS} } }`, { id });
        if (c.status === "FAILED") throw new Error(`cache failed: ${c.error}\n${worker.output()}`);
        return c.status === "READY" ? c : undefined;
      },
      120_000,
    );
  }
  interface RunRow {
    id: string;
    kind: string;
    status: string;
    seed: number;
    config: { seed: number; augmentations: Record<string, { enabled: boolean }>; imageAugmentations: Record<string, { enabled: boolean }>; classifier: { preset: string } };
    error: string | null;
    finalMetrics: Record<string, number> | null;
    confusionMatrix: number[][] | null;
    evalSplit: string | null;
    evalCount: number | null;
  }
  const RUN_FIELDS = `id kind status seed config error finalMetrics confusionMatrix evalSplit evalCount`;
  async function launch(input: Record<string, unknown>): Promise<string> {
    const { launchRun } = await q<{ launchRun: { id: string } }>(`mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`, {
      i: { projectId, ...input },
    });
    return launchRun.id;
  }
  async function finished(id: string): Promise<RunRow> {
    return waitFor(
      `run ${id} to finish`,
      async () => {
        const { run } = await q<{ run: RunRow }>(`query($id: ID!) { run(id: $id) { ${RUN_FIELDS} } }`, { id });
        if (run.status === "FAILED") throw new Error(`run failed: ${run.error}\n${worker.output().slice(-3000)}`);
        return run.status === "SUCCEEDED" ? run : undefined;
      },
      240_000,
    );
  }
  async function lossCurve(id: string): Promise<number[]> {
    const { metricSeries } = await q<{ metricSeries: { values: number[]; downsampled: boolean }[] }>(
      `query($r: [ID!]!) { metricSeries(runIds: $r, keys: ["train/loss"], maxPoints: 10000) { values downsampled } }`,
      { r: [id] },
    );
    expect(metricSeries[0].downsampled).toBe(false);
    return metricSeries[0].values;
  }

  beforeAll(async () => {
    db = await createTestDatabase("truth");
    const seed = await seedDemo(db.prisma);
    token = seed.token;
    projectId = seed.projectId;
    port = await freePort();
    api = await startApiProcess(db.url, port);
    worker = startWorkerProcess({ api: `http://127.0.0.1:${port}`, token, name: "truth-w", home: path.join(tmp, "home"), leaseSeconds: 30 });
  }, 120_000);

  afterAll(async () => {
    await worker?.kill("SIGKILL");
    await api?.kill("SIGKILL");
    await db?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("counts what the worker extracts: one dataset layout (split aliases, numeric classes, nested folders, decodable files only)", async () => {
    const root = path.join(tmp, "layout");
    for (let i = 0; i < 4; i++) await png(path.join(root, "train", "10", `a${i}.png`), i);
    for (let i = 0; i < 3; i++) await png(path.join(root, "train", "2", "nested", `b${i}.png`), 10 + i);
    for (let i = 0; i < 2; i++) await png(path.join(root, "validation", "10", `c${i}.png`), 20 + i);
    await png(path.join(root, "validation", "2", "d0.png"), 30);
    fs.writeFileSync(path.join(root, "train", "2", "notes.txt"), "not an image");
    fs.copyFileSync(path.join(root, "train", "10", "a0.png"), path.join(root, "train", "10", "e0.bmp")); // not decodable by the worker
    const ds = await registerDataset("layout", root);
    expect(ds.classNames).toEqual(["2", "10"]); // numeric order: the label indices the cache stores
    expect(ds.splitCounts).toEqual([
      { split: "train", count: 7 },
      { split: "val", count: 3 },
    ]);
    const model = await registerModel("dinov2-layout", "DINOV2", path.join(FIXTURES, "dinov2"), 2, 7, 28);
    const c = await readyCache((await requestCache({ datasetId: ds.id, modelId: model.id, resolution: 28 })).id);
    expect(c.splitCounts).toEqual(ds.splitCounts);
    const cache = await openCache(fileURLToPath(c.storageUri as string));
    expect(cache.manifest.labelNames).toEqual(ds.classNames);
  }, 240_000);

  let spatial: { id: string };
  let dinoId: string;

  it("one layer convention: 1-based blocks in the API, the CLI and the worker; the same tokens both ways", async () => {
    const data = path.join(tmp, "spatial");
    await writeSpatialDataset(data, { train: 16, val: 8 });
    spatial = await registerDataset("spatial", data);
    const model = await registerModel("dinov2-tiny", "DINOV2", path.join(FIXTURES, "dinov2"), 2, 7, 28);
    dinoId = model.id;
    expect(model.mean).toBeNull(); // no ImageNet default stored: the worker's rule decides
    const first = await requestCache({ datasetId: spatial.id, modelId: model.id, resolution: 28, layer: 1 });
    expect(first.layer).toBe(1);
    const last = await requestCache({ datasetId: spatial.id, modelId: model.id, resolution: 28 });
    expect(last.layer).toBe(2);
    // The last block named explicitly is the same cache as the default.
    expect((await requestCache({ datasetId: spatial.id, modelId: model.id, resolution: 28, layer: 2 })).id).toBe(last.id);
    const bad = await gql(url(), token, `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`, {
      i: { datasetId: spatial.id, modelId: model.id, resolution: 28, layer: 3 },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const [c1, c2] = [await readyCache(first.id), await readyCache(last.id)];
    const cli1 = path.join(tmp, "cli-layer1");
    const cli2 = path.join(tmp, "cli-layer2");
    await cliExtract(["--data", data, "--model", path.join(FIXTURES, "dinov2"), "--family", "dinov2", "--size", "28", "--layer", "1", "--out", cli1]);
    await cliExtract(["--data", data, "--model", path.join(FIXTURES, "dinov2"), "--family", "dinov2", "--size", "28", "--out", cli2]);
    const api1 = await tokensByIndex(await openCache(fileURLToPath(c1.storageUri as string)));
    const api2 = await tokensByIndex(await openCache(fileURLToPath(c2.storageUri as string)));
    expect(sameTokens(api1, await tokensByIndex(await openCache(cli1)))).toBe(true);
    expect(sameTokens(api2, await tokensByIndex(await openCache(cli2)))).toBe(true);
    expect(sameTokens(api1, api2)).toBe(false);
    // The weights' sha256 the worker read reaches the API, on the cache and the model.
    const sha = createHash("sha256").update(fs.readFileSync(path.join(FIXTURES, "dinov2/model.safetensors"))).digest("hex");
    expect(c2.weightsSha256).toBe(sha);
    expect((await readyCache(last.id)).model.weightsSha256).toBe(sha);
  }, 300_000);

  it("one normalisation rule: a CLIP model gets the same inputs through the platform as through the CLI", async () => {
    const model = await registerModel("clip-tiny", "CLIP", path.join(FIXTURES, "clip"), 2, 8, 32);
    const c = await readyCache((await requestCache({ datasetId: spatial.id, modelId: model.id, resolution: 32 })).id);
    // What the extraction applied: CLIP's own statistics (no override, no preprocessor config).
    expect(c.mean?.map((x) => x.toFixed(4))).toEqual(["0.4815", "0.4578", "0.4082"]);
    expect(c.std?.map((x) => x.toFixed(4))).toEqual(["0.2686", "0.2613", "0.2758"]);
    const cli = path.join(tmp, "cli-clip");
    await cliExtract(["--data", path.join(tmp, "spatial"), "--model", path.join(FIXTURES, "clip"), "--family", "clip", "--size", "32", "--out", cli]);
    expect(sameTokens(await tokensByIndex(await openCache(fileURLToPath(c.storageUri as string))), await tokensByIndex(await openCache(cli)))).toBe(true);
  }, 240_000);

  let cacheId: string;

  it("the run's seed is the seed it trained with: same seed → same curve, other seed → other curve", async () => {
    cacheId = (await requestCache({ datasetId: spatial.id, modelId: dinoId, resolution: 28 })).id;
    const config = { epochs: 2, batchSize: 8, microBatch: 8, classifier: { preset: "tiny" }, schedule: { warmupEpochs: 0 }, earlyStopping: { enabled: false } };
    const ids = [];
    for (const seed of [1, 2, 1]) ids.push(await launch({ name: `seed-${seed}`, kind: "LOFF_TA", cacheId, config, seed }));
    const runs = [];
    for (const id of ids) runs.push(await finished(id));
    expect(runs.map((r) => [r.seed, r.config.seed])).toEqual([
      [1, 1],
      [2, 2],
      [1, 1],
    ]);
    const [a, b, a2] = await Promise.all(ids.map(lossCurve));
    expect(a.length).toBeGreaterThan(2);
    expect(a2).toEqual(a);
    expect(b).not.toEqual(a);
    // A seed given twice must agree.
    const clash = await gql(url(), token, `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`, {
      i: { projectId, name: "clash", kind: "LOFF_TA", cacheId, config: { ...config, seed: 3 }, seed: 4 },
    });
    expect(clash.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  }, 400_000);

  it("stores the effective config: LOFF without tensor augmentations, baselines with their image augmentations; typed final metrics", async () => {
    const base = { epochs: 1, batchSize: 8, microBatch: 8, classifier: { preset: "tiny" }, schedule: { warmupEpochs: 0 }, earlyStopping: { enabled: false }, seed: 5 };
    const loffId = await launch({ name: "loff", kind: "LOFF", cacheId, config: base });
    const taId = await launch({ name: "loff-ta", kind: "LOFF_TA", cacheId, config: base });
    const frozenCfg = { epochs: 1, batchSize: 8, microBatch: 8, schedule: { warmupEpochs: 0 }, earlyStopping: { enabled: false }, seed: 5 };
    const frozenId = await launch({ name: "frozen", kind: "FROZEN_LINEAR", cacheId, config: frozenCfg });
    const frozenPlainId = await launch({
      name: "frozen-no-aug",
      kind: "FROZEN_LINEAR",
      cacheId,
      config: { ...frozenCfg, imageAugmentations: { resizedCrop: { enabled: false }, hflip: { enabled: false } } },
    });
    const [loff, ta, frozen, frozenPlain] = [await finished(loffId), await finished(taId), await finished(frozenId), await finished(frozenPlainId)];
    expect(Object.values(loff.config.augmentations).every((a) => !a.enabled)).toBe(true);
    expect(ta.config.augmentations.hflip.enabled).toBe(true);
    expect(Object.values(loff.config.imageAugmentations).every((a) => !a.enabled)).toBe(true);
    expect(Object.values(frozen.config.augmentations).every((a) => !a.enabled)).toBe(true);
    expect(frozen.config.imageAugmentations.resizedCrop.enabled).toBe(true);
    expect(frozen.config.classifier.preset).toBe("linear");
    // The worker applied the image augmentations it stored: same seed, augmentations off → another curve.
    expect(await lossCurve(frozenPlainId)).not.toEqual(await lossCurve(frozenId));
    expect(frozenPlain.config.imageAugmentations.hflip.enabled).toBe(false);

    const { compareRuns } = await q<{ compareRuns: { configDiff: { path: string }[] } }>(
      `query($ids: [ID!]!) { compareRuns(ids: $ids) { configDiff { path } } }`,
      { ids: [loffId, taId] },
    );
    expect(compareRuns.configDiff.map((d) => d.path)).toEqual(expect.arrayContaining(["augmentations.hflip.enabled", "augmentations.noise.enabled", "augmentations.resizedCrop.enabled"]));

    // Final metrics are metrics only; the confusion matrix and the evaluation size are typed fields.
    for (const r of [loff, ta, frozen]) {
      expect(Object.keys(r.finalMetrics ?? {}).sort()).toEqual(["accuracy", "auc", "balancedAccuracy", "kappa", "loss", "macroF1"]);
      expect(r.evalSplit).toBe("val");
      expect(r.evalCount).toBe(16);
      expect(r.confusionMatrix).toHaveLength(2);
      expect((r.confusionMatrix ?? []).flat().reduce((s, x) => s + x, 0)).toBe(16);
      const correct = (r.confusionMatrix ?? [])[0][0] + (r.confusionMatrix ?? [])[1][1];
      expect(correct / 16).toBeCloseTo(r.finalMetrics?.accuracy ?? -1, 6);
    }

    // Asking a kind for what it cannot do is refused, not silently changed.
    const loffAug = await gql(url(), token, `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`, {
      i: { projectId, name: "x", kind: "LOFF", cacheId, config: { augmentations: { hflip: { enabled: true } } } },
    });
    expect(loffAug.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // Baselines need the cache that names their dataset, model and resolution.
    const noCache = await gql(url(), token, `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`, {
      i: { projectId, name: "x", kind: "FROZEN_LINEAR", config: {} },
    });
    expect(noCache.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    // Reuse counts only the runs that read the cache's tokens (3 LOFF-TA runs of the seed test + LOFF and LOFF-TA here; not the 2 baselines).
    const { featureCache } = await q<{ featureCache: { runCount: number } }>(`query($id: ID!) { featureCache(id: $id) { runCount } }`, { id: cacheId });
    expect(featureCache.runCount).toBe(5);
  }, 600_000);
});
