/**
 * A run's artifacts, its evaluation sample by sample, and the economics, staleness and lineage
 * of its feature cache, as a user meets them: a real worker process extracts a real image dataset
 * (random-weight DINOv2 fixture) and trains a LOFF-TA run and a fine-tuning run through the API,
 * with the platform's object store (a local folder); then the API (GraphQL and its file routes)
 * and the pages in a real browser (run, cache, Compare, Datasets). Every figure is checked against
 * what the worker did — its files on its own disk, the confusion matrix and AUC it computed, the
 * images the test wrote, the epochs × images it trained on — never against a value the test seeded.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedWorkerToken } from "@loffta/db";
import { LocalStore } from "@loffta/graphql/object-store";
import type { BrowserContext, Page } from "playwright-core";
import { ROOT, startWorkerProcess, writeSpatialDataset, type Proc } from "../e2e/harness";
import { buildWebIfStale, eventually, launchBrowser, openSignedIn, requireChromium, screenshot, startApi, startWeb, type Api, type WebServer } from "./harness";

jest.setTimeout(240_000);

const MODEL_DIR = path.join(ROOT, "apps/worker/fixtures/reference/dinov2");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let api: Api;
let web: WebServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let page: Page;
let worker: Proc | null = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-eval-"));
const dataDir = path.join(tmp, "spatial");
const home = path.join(tmp, "worker-home");
let runId = "";
let ftRunId = "";
let cacheId = "";

interface RunView {
  status: string;
  error: string | null;
  finalMetrics: Record<string, number>;
  confusionMatrix: number[][];
  evalSplit: string;
  evalCount: number;
  artifacts: { id: string; kind: string; name: string; bytes: number; sha256: string; downloadPath: string }[];
  evaluation: {
    split: string;
    labelNames: string[];
    count: number;
    confusionMatrix: number[][];
    imagesAvailable: boolean;
    curves: { classIndex: number; className: string; area: number | null; positives: number; negatives: number; points: { x: number; y: number }[] }[];
    pr: { area: number | null }[];
    wrong: { total: number; samples: { index: number; label: number; predicted: number; confidence: number; path: string | null }[] };
  } | null;
}
let run: RunView;

const RUN_QUERY = `query($id: ID!) { run(id: $id) {
  status error finalMetrics confusionMatrix evalSplit evalCount
  artifacts { id kind name bytes sha256 downloadPath }
  evaluation { split labelNames count confusionMatrix imagesAvailable
    curves(kind: ROC) { classIndex className area positives negatives points { x y } }
    pr: curves(kind: PR) { area }
    wrong: samples(filter: { wrongOnly: true }, order: CONFIDENCE, first: 200) { total samples { index label predicted confidence path } } }
} }`;

const get = (p: string, token: string | null = api.seed.token) => fetch(`${api.base}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  requireChromium();
  await buildWebIfStale();
  api = await startApi({ store: new LocalStore(path.join(tmp, "store")) });
  web = await startWeb(api.base);
  browser = await launchBrowser();
  page = await browser.context.newPage();

  await writeSpatialDataset(dataDir, { train: 24, val: 12 });
  const { registerDataset } = await api.gql<{ registerDataset: { id: string } }>(`mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`, {
    i: { name: "spatial", rootUri: dataDir, layout: "IMAGE_FOLDER" },
  });
  const { registerFoundationModel } = await api.gql<{ registerFoundationModel: { id: string } }>(
    `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
    { i: { name: "dinov2-tiny-random", family: "DINOV2", patchSize: 7, embedDim: 32, depth: 2, heads: 2, defaultImageSize: 28, weightsUri: MODEL_DIR } },
  );
  const { requestFeatureCache } = await api.gql<{ requestFeatureCache: { id: string } }>(`mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`, {
    i: { datasetId: registerDataset.id, modelId: registerFoundationModel.id, resolution: 28 },
  });
  // Few epochs of a tiny classifier: a run with some mistakes to look at.
  const { launchRun } = await api.gql<{ launchRun: { id: string } }>(`mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`, {
    i: {
      projectId: api.seed.projectId,
      name: "eval-run",
      kind: "LOFF_TA",
      cacheId: requestFeatureCache.id,
      seed: 3,
      config: { classifier: { preset: "tiny" }, epochs: 3, batchSize: 8, microBatch: 8, schedule: { warmupEpochs: 0 }, earlyStopping: { enabled: false } },
    },
  });
  runId = launchRun.id;
  cacheId = requestFeatureCache.id;
  // A fine-tuning run on the same cache: the reference the cache's economics are measured against.
  const ft = await api.gql<{ launchRun: { id: string } }>(`mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`, {
    i: { projectId: api.seed.projectId, name: "fine-tune", kind: "UNFROZEN_LINEAR", cacheId, seed: 1, config: { epochs: 1, batchSize: 8, microBatch: 8, schedule: { warmupEpochs: 0 }, earlyStopping: { enabled: false } } },
  });
  ftRunId = ft.launchRun.id;
  worker = startWorkerProcess({
    api: api.base,
    token: api.seed.token,
    name: "eval-worker",
    home,
    env: { LOFFTA_STORE: path.join(tmp, "store"), LOFFTA_CALIBRATION: "off", LOFFTA_ISOLATE_RUNS: "0" },
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    run = (await api.gql<{ run: RunView }>(RUN_QUERY, { id: runId })).run;
    const ftStatus = (await api.gql<{ run: { status: string; error: string | null } }>(`query($id: ID!) { run(id: $id) { status error } }`, { id: ftRunId })).run;
    if (run.status === "SUCCEEDED" && ftStatus.status === "SUCCEEDED") break;
    if (run.status === "FAILED" || ftStatus.status === "FAILED" || Date.now() > deadline)
      throw new Error(`runs ${run.status} / ${ftStatus.status}: ${run.error ?? ftStatus.error}\n${worker.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  await worker.kill("SIGTERM");
  worker = null;
}, 300_000);

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test("the run's artifacts are the worker's files: names, sizes and sha256, downloadable with a token of the team only", async () => {
  expect(run.artifacts.map((a) => [a.name, a.kind])).toEqual([
    ["best.safetensors", "CHECKPOINT"],
    ["last.safetensors", "CHECKPOINT"],
    ["predictions.json", "PREDICTIONS"],
  ]);
  for (const a of run.artifacts) {
    // The worker's own copy, on its disk.
    const local = fs.readFileSync(path.join(home, "runs", runId, a.name));
    expect(a.bytes).toBe(local.length);
    expect(a.sha256).toBe(sha256(local));
    const res = await get(a.downloadPath);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-loffta-sha256")).toBe(a.sha256);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${a.name}"`);
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(a.sha256);
  }
  const a = run.artifacts[0];
  expect((await get(a.downloadPath, null)).status).toBe(401);
  const other = await api.db.prisma.team.create({ data: { name: "Other", slug: "other-team" } });
  const otherToken = await seedWorkerToken(api.db.prisma, other.id, "other");
  const refused = await get(a.downloadPath, otherToken);
  expect(refused.status).toBe(404);
  expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("NOT_FOUND");
  expect((await get(`/artifacts/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
});

test("registerRunArtifacts: typed errors for an unknown name, another worker's token and another team", async () => {
  const call = async (token: string, artifacts: { name: string }[]) => {
    const r = await fetch(api.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation($r: ID!, $a: [RunArtifactInput!]!) { registerRunArtifacts(runId: $r, artifacts: $a) { name } }`, variables: { r: runId, a: artifacts } }),
    });
    return ((await r.json()) as { errors?: { message: string; extensions: { code: string; fields?: { path: string }[] } }[] }).errors?.[0];
  };
  const unknown = await call(api.seed.token, [{ name: "predictions.json" }, { name: "../../etc/passwd" }]);
  expect(unknown?.extensions.code).toBe("BAD_USER_INPUT");
  expect(unknown?.extensions.fields?.map((f) => f.path)).toEqual(["artifacts.1.name"]);
  const intruder = await seedWorkerToken(api.db.prisma, api.seed.teamId, "intruder");
  expect((await call(intruder, [{ name: "predictions.json" }]))?.extensions.code).toBe("FORBIDDEN");
  const other = await api.db.prisma.team.findUniqueOrThrow({ where: { slug: "other-team" } });
  expect((await call(await seedWorkerToken(api.db.prisma, other.id, "other-2"), [{ name: "predictions.json" }]))?.extensions.code).toBe("NOT_FOUND");
  // Nothing changed.
  expect((await api.db.prisma.artifact.findMany({ where: { runId } })).map((x) => x.sha256).sort()).toEqual(run.artifacts.map((x) => x.sha256).sort());
});

test("the evaluation is the worker's: its confusion matrix, its AUC; samples of a cell, most confidently wrong, images of the dataset", async () => {
  const ev = run.evaluation!;
  expect(ev.split).toBe(run.evalSplit);
  expect(ev.count).toBe(run.evalCount);
  expect(ev.count).toBe(24);
  expect(ev.labelNames).toEqual(["left", "right"]);
  // Counted by the API from the predictions file = computed by the worker during training.
  expect(ev.confusionMatrix).toEqual(run.confusionMatrix);
  // Binary: one ROC curve (class 1); its trapezoid area = the worker's rank AUC.
  expect(ev.curves).toHaveLength(1);
  expect(ev.curves[0]).toMatchObject({ classIndex: 1, className: "right", positives: 12, negatives: 12 });
  expect(ev.curves[0].area!).toBeCloseTo(run.finalMetrics.auc, 9);
  expect(ev.pr[0].area).not.toBeNull();
  const cm = ev.confusionMatrix;
  const wrongCount = cm[0][1] + cm[1][0];
  expect(ev.wrong.total).toBe(wrongCount);
  const conf = ev.wrong.samples.map((s) => s.confidence);
  expect(conf).toEqual([...conf].sort((a, b) => b - a));
  expect(ev.wrong.samples.every((s) => s.label !== s.predicted)).toBe(true);
  expect(ev.imagesAvailable).toBe(true);

  // Each cell's samples; each sample's image is a file the test wrote in its true class's folder.
  for (const [t, p] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
    const { run: r } = await api.gql<{ run: { evaluation: { samples: { total: number; samples: { index: number; label: number; predicted: number; path: string }[] } } } }>(
      `query($id: ID!, $f: SampleFilter) { run(id: $id) { evaluation { samples(filter: $f, first: 200) { total samples { index label predicted path } } } } }`,
      { id: runId, f: { trueLabel: t, predictedLabel: p } },
    );
    expect(r.evaluation.samples.total).toBe(cm[t][p]);
    for (const s of r.evaluation.samples.samples.slice(0, 3)) {
      expect([s.label, s.predicted]).toEqual([t, p]);
      expect(s.path.startsWith(`val/${ev.labelNames[t]}/`)).toBe(true);
      const res = await get(`/runs/${runId}/samples/${s.index}/image`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(path.join(dataDir, s.path)))).toBe(true);
    }
  }
  // Typed errors: a page too large, a class out of range, an index not evaluated.
  const bad = await fetch(api.server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${api.seed.token}` },
    body: JSON.stringify({ query: `query($id: ID!) { run(id: $id) { evaluation { samples(filter: { trueLabel: 5 }, first: 500) { total } } } }`, variables: { id: runId } }),
  }).then((r) => r.json() as Promise<{ errors: { extensions: { code: string; fields: { path: string }[] } }[] }>);
  expect(bad.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  expect((await get(`/runs/${runId}/samples/0/image`)).status).toBe(404); // index 0 is a train image
  expect((await get(`/runs/${runId}/samples/48/image`, null)).status).toBe(401);
});

test("the run page: artifacts to download, a clickable confusion matrix with the cell's images, curves and the most confidently wrong", async () => {
  await openSignedIn(page, `${web.url}/runs/${runId}`, api.seed.token);
  await page.locator("[data-testid=artifacts] tbody tr").first().waitFor();
  expect(await page.locator("[data-testid=artifacts] tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-name")))).toEqual(run.artifacts.map((a) => a.name));
  // Download through the page (the session's token): the bytes of the artifact.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=artifacts] tr[data-name='predictions.json'] [data-testid=download-artifact]").click()]);
  expect(download.suggestedFilename()).toBe("predictions.json");
  expect(sha256(fs.readFileSync((await download.path())!))).toBe(run.artifacts.find((a) => a.name === "predictions.json")!.sha256);

  // The largest off-diagonal cell when there is one, else a diagonal one.
  const cm = run.confusionMatrix;
  const [t, p] = cm[0][1] + cm[1][0] > 0 ? (cm[0][1] >= cm[1][0] ? [0, 1] : [1, 0]) : [0, 0];
  await page.locator(`[data-testid=confusion-matrix] tr[data-true="${t}"] td[data-pred="${p}"]`).click();
  const cell = page.locator(`[data-testid=cell-samples][data-true="${t}"][data-pred="${p}"]`);
  await eventually("the cell's samples", async () => (await cell.getAttribute("data-total")) === String(cm[t][p]));
  await eventually("every thumbnail of the cell loaded", async () => {
    const sizes = await cell.locator("img[data-testid=sample-image]").evaluateAll((imgs) => imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth));
    return sizes.length === cm[t][p] && sizes.every((w) => w === 28);
  });
  expect(await cell.locator("[data-testid=sample]").evaluateAll((fs) => fs.map((f) => [f.getAttribute("data-label"), f.getAttribute("data-predicted")]))).toEqual(
    Array.from({ length: cm[t][p] }, () => [String(t), String(p)]),
  );
  // Curves: the chart's areas are the API's (= the worker's AUC); most confidently wrong, in order.
  const curves = page.locator("[data-testid=evaluation] [data-testid=curves]");
  expect(Number(await curves.getAttribute("data-areas"))).toBeCloseTo(run.finalMetrics.auc, 5);
  await page.locator("[data-testid=curve-pr]").click();
  await eventually("the PR curves", async () => (await curves.getAttribute("data-kind")) === "PR");
  expect(await page.locator("[data-testid=most-wrong] [data-testid=sample]").count()).toBe(Math.min(12, run.evaluation!.wrong.total));
  await page.locator("[data-testid=curve-roc]").click();
  await screenshot(page, "run-evaluation");
});

test("the cache's economics: its build cost, the run that reused it, forward passes avoided, break-even against the fine-tuning run", async () => {
  type Eco = {
    featureCache: {
      extractSeconds: number;
      extractDevice: string;
      extractPeakMemoryBytes: number;
      forwardPasses: number;
      createdAt: string;
      updatedAt: string;
      runCount: number;
      economics: {
        buildSeconds: number;
        readingRuns: number;
        forwardPassesAvoided: number;
        trainingSeconds: number;
        breakEven: { reference: { source: string; kind: string; imagesPerSec: number; run: { id: string } | null }; referenceSeconds: number; savedSeconds: number; breakEvenRuns: number | null }[];
      };
    };
    loff: { imagesSeen: number; wallTimeSec: number };
    ft: { trainImagesPerSec: number; imagesSeen: number };
  };
  const e = await api.gql<Eco>(
    `query($c: ID!, $r: ID!, $f: ID!) {
      featureCache(id: $c) { extractSeconds extractDevice extractPeakMemoryBytes forwardPasses createdAt updatedAt runCount
        economics { buildSeconds readingRuns forwardPassesAvoided trainingSeconds
          breakEven { reference { source kind imagesPerSec run { id } } referenceSeconds savedSeconds breakEvenRuns } } }
      loff: run(id: $r) { imagesSeen wallTimeSec }
      ft: run(id: $f) { trainImagesPerSec imagesSeen } }`,
    { c: cacheId, r: runId, f: ftRunId },
  );
  const c = e.featureCache;
  // The build: 72 images through the backbone, timed by the worker within the cache's lifetime.
  expect(c.forwardPasses).toBe(72);
  expect(c.extractSeconds).toBeGreaterThan(0);
  expect(c.extractSeconds).toBeLessThan((Date.parse(c.updatedAt) - Date.parse(c.createdAt)) / 1000);
  expect(c.extractDevice).toMatch(/CPU/i);
  expect(c.extractPeakMemoryBytes).toBeGreaterThan(50e6);
  // Reuse: the LOFF-TA run read 3 epochs × 48 train images; the fine-tuning run is not a reuse.
  expect(e.loff.imagesSeen).toBe(3 * 48);
  expect(e.ft.imagesSeen).toBe(48);
  expect(c.runCount).toBe(1);
  expect(c.economics.readingRuns).toBe(1);
  expect(c.economics.forwardPassesAvoided).toBe(144);
  expect(c.economics.trainingSeconds).toBeCloseTo(e.loff.wallTimeSec, 9);
  // Against the fine-tuning run's measured speed: what the 144 images would have cost there.
  const ft = c.economics.breakEven.find((b) => b.reference.kind === "UNFROZEN_LINEAR")!;
  expect(ft.reference).toMatchObject({ source: "RUN", run: { id: ftRunId } });
  expect(ft.reference.imagesPerSec).toBe(e.ft.trainImagesPerSec);
  expect(ft.referenceSeconds).toBeCloseTo(144 / e.ft.trainImagesPerSec, 9);
  expect(ft.savedSeconds).toBeCloseTo(ft.referenceSeconds - e.loff.wallTimeSec - c.extractSeconds, 9);
  expect(ft.breakEvenRuns).toBe(ft.referenceSeconds - e.loff.wallTimeSec >= c.extractSeconds ? 1 : null);

  await page.goto(`${web.url}/caches/${cacheId}`);
  await page.locator("[data-testid=cache-cost]").waitFor();
  expect(await page.locator("[data-testid=forward-passes]").textContent()).toBe("72");
  expect(await page.locator("[data-testid=reading-runs]").textContent()).toBe("1");
  expect(await page.locator("[data-testid=passes-avoided]").textContent()).toBe("144");
  const row = page.locator("[data-testid=break-even] tr[data-kind=UNFROZEN_LINEAR]");
  expect(Number(await row.getAttribute("data-saved"))).toBeCloseTo(ft.savedSeconds, 6);
  expect(await page.locator("[data-testid=cache-runs] tr[data-run-id]").evaluateAll((trs) => trs.map((t) => t.getAttribute("data-run-id")).sort())).toEqual([runId, ftRunId].sort());
  await screenshot(page, "cache-economics");
});

test("Compare: total cost = training + the run's share of the cache's build; the Pareto front of accuracy against cost", async () => {
  type Cost = { run: { id: string; wallTimeSec: number; finalMetrics: { accuracy: number } }; trainingSeconds: number; cacheShareSeconds: number; totalSeconds: number };
  const { compareRuns, featureCache } = await api.gql<{ compareRuns: { cost: Cost[] }; featureCache: { extractSeconds: number } }>(
    `query($ids: [ID!]!, $c: ID!) { compareRuns(ids: $ids) { cost { run { id wallTimeSec finalMetrics } trainingSeconds cacheShareSeconds totalSeconds } } featureCache(id: $c) { extractSeconds } }`,
    { ids: [runId, ftRunId], c: cacheId },
  );
  const [loff, ft] = compareRuns.cost;
  // The LOFF-TA run is the cache's only reader: it carries the whole build; fine-tuning none.
  expect(loff.cacheShareSeconds).toBeCloseTo(featureCache.extractSeconds, 9);
  expect(loff.totalSeconds).toBeCloseTo(loff.run.wallTimeSec + featureCache.extractSeconds, 9);
  expect(ft.cacheShareSeconds).toBe(0);
  expect(ft.totalSeconds).toBeCloseTo(ft.run.wallTimeSec, 9);
  // On the front: the cheaper run, and the other one only if it is more accurate.
  const [cheap, dear] = loff.totalSeconds <= ft.totalSeconds ? [loff, ft] : [ft, loff];
  const front = [cheap.run.id, ...(dear.run.finalMetrics.accuracy > cheap.run.finalMetrics.accuracy ? [dear.run.id] : [])];

  await page.goto(`${web.url}/compare?ids=${runId},${ftRunId}`);
  const plot = page.locator("[data-testid=cost-plot]");
  await plot.waitFor();
  expect((await plot.getAttribute("data-front"))!.split(",").sort()).toEqual(front.sort());
  expect(await page.locator("[data-testid=cost-table] tr[data-front='1']").evaluateAll((trs) => trs.map((t) => t.getAttribute("data-run-id")).sort())).toEqual(front.sort());
  expect(await page.locator(`[data-testid=cost-table] tr[data-run-id='${runId}'] [data-testid=vs-finetune]`).textContent()).toMatch(/^accuracy (equal to|[\d.]+ (above|below)) fine-tuning at [\d.]+× (less|more) cost$/);
  await page.locator("[data-testid=cost-plot-card]").scrollIntoViewIfNeeded();
  await screenshot(page, "compare-cost");
});

test("lineage both ways: dataset → cache → runs → report", async () => {
  const { publishReport } = await api.gql<{ publishReport: { id: string } }>(`mutation($i: PublishReportInput!) { publishReport(input: $i) { id } }`, {
    i: { projectId: api.seed.projectId, name: "eval-report", metric: "accuracy", markdown: "# eval", results: [], runIds: [runId] },
  });
  await page.goto(`${web.url}/datasets`);
  const cacheLink = page.locator(`[data-testid=dataset-cache-link][href="/caches/${cacheId}"]`);
  await cacheLink.click();
  await page.locator(`[data-testid=cache-runs] tr[data-run-id="${runId}"] a`).click();
  const reportLink = page.locator(`[data-testid=run-reports] a[href="/reports/${publishReport.id}"]`);
  await reportLink.waitFor();
  expect(await reportLink.textContent()).toBe("eval-report");
  // And back: the run page names its cache's page, the cache page its dataset.
  expect(await page.locator(`a[href="/caches/${cacheId}"]`).count()).toBeGreaterThan(0);
});

test("deleting a run removes its files from the object store", async () => {
  const store = new LocalStore(path.join(tmp, "store"));
  expect((await store.list(`runs/${ftRunId}/`)).map((o) => o.key)).toEqual([`runs/${ftRunId}/predictions.json`]);
  await api.gql(`mutation($id: ID!) { deleteRun(id: $id) }`, { id: ftRunId });
  expect(await store.list(`runs/${ftRunId}/`)).toEqual([]);
  // The other run's files stay.
  expect((await store.list(`runs/${runId}/`)).length).toBe(3);
});

test("a changed dataset: images are refused (typed 409), the page says so", async () => {
  // One more image in val/left shifts every later index of the scan: the run's samples no longer are those images.
  fs.copyFileSync(path.join(dataDir, "val", "left", "0.png"), path.join(dataDir, "val", "left", "00.png"));
  const sample = run.evaluation!.wrong.samples[0] ?? { index: 60 };
  await eventually(
    "the API to see the dataset changed",
    async () => {
      const res = await get(`/runs/${runId}/samples/${sample.index}/image`);
      return res.status === 409 && ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code === "DATASET_CHANGED";
    },
    20_000,
  );
  const { run: r } = await api.gql<{ run: { evaluation: { imagesAvailable: boolean; samples: { samples: { path: string | null }[] } } } }>(
    `query($id: ID!) { run(id: $id) { evaluation { imagesAvailable samples(first: 1) { samples { path } } } } }`,
    { id: runId },
  );
  expect(r.evaluation.imagesAvailable).toBe(false);
  expect(r.evaluation.samples.samples[0].path).toBeNull();

  // The cache is stale: a request for the same key builds a new cache, the old one says why.
  const ds = await api.db.prisma.featureCache.findUniqueOrThrow({ where: { id: cacheId }, include: { dataset: true, model: true } });
  const { requestFeatureCache } = await api.gql<{ requestFeatureCache: { id: string; status: string; stale: boolean } }>(
    `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id status stale } }`,
    { i: { datasetId: ds.datasetId, modelId: ds.modelId, resolution: 28 } },
  );
  expect(requestFeatureCache.id).not.toBe(cacheId);
  expect(requestFeatureCache).toMatchObject({ status: "PENDING", stale: false });
  const old = await api.gql<{ featureCache: { stale: boolean; staleReason: string }; dataset: { splitCounts: { split: string; count: number }[] } }>(
    `query($id: ID!, $d: ID!) { featureCache(id: $id) { stale staleReason } dataset(id: $d) { splitCounts { split count } } }`,
    { id: cacheId, d: ds.datasetId },
  );
  expect(old.featureCache.stale).toBe(true);
  expect(old.featureCache.staleReason).toMatch(/content changed since extraction \(extracted 72 images; it now has 73/);
  expect(old.dataset.splitCounts).toEqual([{ split: "train", count: 48 }, { split: "val", count: 25 }]);
  // Asked again: the new cache, not the stale one.
  const again = await api.gql<{ requestFeatureCache: { id: string } }>(`mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`, {
    i: { datasetId: ds.datasetId, modelId: ds.modelId, resolution: 28 },
  });
  expect(again.requestFeatureCache.id).toBe(requestFeatureCache.id);
  await page.goto(`${web.url}/runs/${runId}`);
  await page.locator("[data-testid=run-stale-cache]").waitFor();
  await page.goto(`${web.url}/caches/${cacheId}`);
  expect(await page.locator("[data-testid=cache-stale]").textContent()).toMatch(/content changed/);
});
