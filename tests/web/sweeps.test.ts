/**
 * Sweeps in a real browser (Debian Chromium, playwright-core) against the built Next.js app and a
 * real API on a fresh database (demo seed): a 2×2 grid × 2 seeds is launched from the Launch
 * page's sweep mode on a synthetic token cache, a real worker process trains the 8 runs (tiny
 * LOFF-TA runs of seconds) and reports them through completeJob; the sweep's `groups` are checked
 * against the mean and sample std computed here from the runs' own finalMetrics, and the sweep page
 * shows the progress, the parallel-coordinates chart and the grouped table with those numbers.
 * Screenshot: tests/artifacts/sweep.png (and tests/artifacts/web/sweep-*.png).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { resolveRunConfig } from "@loffta/graphql/domain";
import type { BrowserContext, Page } from "playwright-core";
import { writeBarsCache } from "../../apps/worker/src/core/testing/synthetic";
import { startWorkerProcess, type Proc } from "../e2e/harness";
import {
  apiAllowsCors,
  buildWebIfStale,
  eventually,
  launchBrowser,
  openSignedIn,
  requireChromium,
  ROOT,
  screenshot,
  startApi,
  startWeb,
  type Api,
  type WebServer,
} from "./harness";

jest.setTimeout(120_000);

let api: Api;
let web: WebServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let page: Page;
let worker: Proc | null = null;
let tmp = "";
let cacheId = "";
let sweepId = "";
const pageErrors: string[] = [];

async function open(pathname: string): Promise<void> {
  await openSignedIn(page, `${web.url}${pathname}`, api.seed.token);
}

beforeAll(async () => {
  requireChromium();
  await buildWebIfStale();
  api = await startApi();
  web = await startWeb(api.base);
  browser = await launchBrowser();
  if (!(await apiAllowsCors(api.base, web.url))) {
    await browser.context.route(`${api.base}/graphql`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), "access-control-allow-origin": "*" },
      });
    });
  }
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("pageerror", (e) => pageErrors.push(e.message));

  // A 2-class dataset and a model registered through the API; the cache's extraction is completed
  // as a worker completes it, its tokens a synthetic grid (horizontal vs vertical bars) written at
  // its storageUri by the worker's testing module.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-web-sweep-"));
  const splits = { train: 48, val: 16 };
  for (const [split, n] of Object.entries(splits))
    for (const cls of ["horizontal", "vertical"])
      for (let i = 0; i < n / 2; i++) {
        fs.mkdirSync(path.join(tmp, "images", split, cls), { recursive: true });
        fs.writeFileSync(path.join(tmp, "images", split, cls, `${i}.png`), Buffer.alloc(32 + i));
      }
  const weights = path.join(tmp, "weights.onnx");
  fs.writeFileSync(weights, Buffer.alloc(16));
  const { registerDataset } = await api.gql<{ registerDataset: { id: string } }>(
    `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`,
    { i: { name: "bars", rootUri: path.join(tmp, "images"), layout: "IMAGE_FOLDER" } },
  );
  const { registerFoundationModel } = await api.gql<{ registerFoundationModel: { id: string } }>(
    `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
    {
      i: {
        name: "vit-tiny",
        family: "DINOV2",
        patchSize: 14,
        embedDim: 16,
        depth: 2,
        heads: 2,
        defaultImageSize: 56,
        weightsUri: pathToFileURL(weights).href,
      },
    },
  );
  cacheId = (
    await api.gql<{ requestFeatureCache: { id: string } }>(
      `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
      {
        i: { datasetId: registerDataset.id, modelId: registerFoundationModel.id, resolution: 56 },
      },
    )
  ).requestFeatureCache.id;
  const cacheDir = path.join(tmp, "cache");
  await writeBarsCache(cacheDir, { h: 4, w: 4, d: 16, seed: 5, splits, task: "bars" });
  const { registerWorker } = await api.gql<{ registerWorker: { id: string } }>(
    `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }`,
    {
      i: { name: "extractor", host: "localhost", backend: "cpu", device: "cpu" },
    },
  );
  const { claimJob } = await api.gql<{ claimJob: { id: string } }>(
    `mutation($w: ID!) { claimJob(workerId: $w, types: [EXTRACT], leaseSeconds: 600) { id } }`,
    { w: registerWorker.id },
  );
  await api.gql(
    `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id } }`,
    {
      j: claimJob.id,
      w: registerWorker.id,
      r: {
        cache: {
          gridH: 4,
          gridW: 4,
          dim: 16,
          bytes: 1e5,
          shardCount: 2,
          storageUri: pathToFileURL(cacheDir).href,
          skippedCount: 0,
          mean: [0.485, 0.456, 0.406],
          std: [0.229, 0.224, 0.225],
          splitCounts: Object.entries(splits).map(([split, count]) => ({ split, count })),
        },
      },
    },
  );
}, 15 * 60_000);

afterAll(async () => {
  if (worker) await stopWorker(worker);
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Stop a worker process gracefully (SIGTERM), SIGKILL after 15 s. */
async function stopWorker(w: Proc): Promise<void> {
  const t = setTimeout(() => void w.kill("SIGKILL"), 15_000);
  await w.kill("SIGTERM");
  clearTimeout(t);
}

const BASE = {
  classifier: { preset: "tiny" },
  epochs: 6,
  batchSize: 8,
  microBatch: 8,
  schedule: { warmupEpochs: 0 },
};

test("Launch page, sweep mode: a 2×2 grid × 2 seeds is launched and its page opens", async () => {
  await open("/launch?mode=sweep");
  await page.locator("[data-testid=sweep-form]").waitFor();
  await page.fill("input[name=name]", "noise-lr");
  await page.selectOption("select[name=cacheId]", cacheId);
  await page.selectOption("select[name='classifier.preset']", "tiny");
  await page.fill("input[name=epochs]", String(BASE.epochs));
  await page.fill("input[name=batchSize]", String(BASE.batchSize));
  await page.fill("input[name=microBatch]", String(BASE.microBatch));
  await page.fill("input[name='schedule.warmupEpochs']", "0");
  await page.uncheck("input[name='earlyStopping.enabled']");
  // A 4×4 token grid: crops would cut the bars the classes are told apart by.
  await page.uncheck("input[name='augmentations.resizedCrop.enabled']");
  // A path that is not a config path and a value the schema refuses: shown under the row.
  await page.fill("input[name=param-path-0]", "augmentations.noise.sdt");
  await page.fill("input[name=param-values-0]", "0, 0.2");
  const row0 = page.locator("[data-testid=sweep-param][data-index='0'] .field-error");
  expect(await row0.textContent()).toMatch(/not a config path/);
  await page.fill("input[name=param-path-0]", "augmentations.noise.std");
  await page.fill("input[name=param-values-0]", "0, -1");
  expect(await row0.textContent()).toMatch(/-1: .*>=0|greater than or equal to 0|too small/i);
  await page.fill("input[name=param-values-0]", "0, 0.2");
  expect(await row0.count()).toBe(0);
  await page.click("[data-testid=add-param]");
  await page.fill("input[name=param-path-1]", "optimizer.lr");
  await page.fill("input[name=param-values-1]", "0.002, 0.005");
  // The base config's fields a parameter sets say so.
  expect(await page.locator("[data-swept='optimizer.lr']").count()).toBe(1);
  expect(await page.locator("[data-swept='augmentations.noise.std']").count()).toBe(1);
  await page.fill("input[name=sweepSeeds]", "1, 2");
  expect(await page.locator("[data-testid=sweep-count]").getAttribute("data-runs")).toBe("8");
  expect(await page.locator("[data-testid=launch-submit]").textContent()).toBe("Launch sweep (8 runs)");
  // From the top: a full-page shot of a scrolled page repeats the sticky header mid-page.
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, "sweep-launch");
  await page.click("[data-testid=launch-submit]");
  await page.waitForURL((u) => /^\/sweeps\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
  sweepId = new URL(page.url()).pathname.split("/").pop()!;
  await page.locator("[data-testid=sweep-groups]").waitFor();

  // What the API stored: 8 runs, each config the form's base config with its setting and seed.
  const { sweep } = await api.gql<{
    sweep: {
      method: string;
      seeds: number[];
      runs: { seed: number; config: unknown; cache: { id: string } }[];
    };
  }>(`query($id: ID!) { sweep(id: $id) { method seeds runs { seed config cache { id } } } }`, {
    id: sweepId,
  });
  expect(sweep.method).toBe("GRID");
  expect(sweep.seeds).toEqual([1, 2]);
  const want: unknown[] = [];
  for (const std of [0, 0.2])
    for (const lr of [0.002, 0.005])
      for (const seed of [1, 2])
        want.push(
          resolveRunConfig(
            "LOFF_TA",
            {
              ...BASE,
              earlyStopping: { enabled: false },
              augmentations: { resizedCrop: { enabled: false }, noise: { std } },
              optimizer: { lr },
            },
            seed,
          ),
        );
  expect(sweep.runs.map((r) => r.config)).toEqual(want);
  expect(sweep.runs.every((r) => r.cache.id === cacheId)).toBe(true);
  // Queued: the page says so before any worker runs.
  expect(await page.locator("[data-testid=sweep-progress]").getAttribute("data-total")).toBe("8");
  expect(await page.locator("[data-testid=sweep-parallel-empty]").count()).toBe(1);
});

test("a real worker trains the 8 runs: groups are mean ± sample std of the runs' final metrics; the page shows them", async () => {
  expect(sweepId).not.toBe("");
  worker = startWorkerProcess({
    api: api.base,
    token: api.seed.token,
    name: "sweep-worker",
    home: path.join(tmp, "worker"),
    env: { LOFFTA_CALIBRATION: "off", LOFFTA_ISOLATE_RUNS: "0" },
  });
  type Group = {
    values: { path: string; value: number }[];
    runCount: number;
    finishedCount: number;
    metric: { key: string; mean: number | null; std: number | null; n: number };
    metrics: { key: string; mean: number | null; std: number | null; n: number }[];
    runs: {
      id: string;
      seed: number;
      status: string;
      error: string | null;
      finalMetrics: Record<string, number> | null;
    }[];
  };
  type Answer = {
    sweep: { progress: { done: boolean; succeeded: number; failed: number }; groups: Group[] };
  };
  const q = `query($id: ID!) { sweep(id: $id) { progress { done succeeded failed } groups { values { path value } runCount finishedCount metric { key mean std n } metrics { key mean std n } runs { id seed status error finalMetrics } } } }`;
  let answer: Answer | null = null;
  const deadline = Date.now() + 150_000;
  while (!answer) {
    const a = await api.gql<Answer>(q, { id: sweepId });
    if (a.sweep.progress.done) answer = a;
    else if (Date.now() > deadline)
      throw new Error(
        `sweep not done: ${JSON.stringify(a.sweep.progress)}\nworker output:\n${worker.output().slice(-4000)}`,
      );
    else await new Promise((r) => setTimeout(r, 300));
  }
  await stopWorker(worker);
  worker = null;
  const { groups, progress } = answer.sweep;
  const failed = groups.flatMap((g) =>
    g.runs.filter((r) => r.status !== "SUCCEEDED").map((r) => `${r.id}: ${r.status} ${r.error}`),
  );
  expect(failed).toEqual([]);
  expect(progress.succeeded).toBe(8);
  expect(groups.map((g) => g.values.map((v) => v.value))).toEqual([
    [0, 0.002],
    [0, 0.005],
    [0.2, 0.002],
    [0.2, 0.005],
  ]);
  // Mean and sample std (n − 1) over each setting's two seeds, from the runs' own final metrics.
  const stats = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { mean, std: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) };
  };
  for (const g of groups) {
    expect(g.runs.map((r) => r.seed)).toEqual([1, 2]);
    expect([g.runCount, g.finishedCount, g.metric.n]).toEqual([2, 2, 2]);
    const acc = stats(g.runs.map((r) => r.finalMetrics!.accuracy));
    expect(g.metric.key).toBe("accuracy");
    expect(g.metric.mean).toBeCloseTo(acc.mean, 12);
    expect(g.metric.std).toBeCloseTo(acc.std, 12);
    const f1 = stats(g.runs.map((r) => r.finalMetrics!.macroF1));
    const summary = g.metrics.find((m) => m.key === "macroF1")!;
    expect(summary.mean).toBeCloseTo(f1.mean, 12);
    expect(summary.std).toBeCloseTo(f1.std, 12);
  }

  // The page (reloaded by the runs' events or its poll) shows every run finished, a line per run
  // in the chart, and the groups' numbers in the table.
  await eventually(
    "all runs finished on the page",
    async () => (await page.locator("[data-testid=sweep-progress]").getAttribute("data-finished")) === "8",
    20_000,
  );
  const chart = page.locator("[data-testid=sweep-parallel]");
  await chart.waitFor();
  expect(await chart.getAttribute("data-line-count")).toBe("8");
  expect((await chart.getAttribute("data-axes"))?.split("|")).toEqual([
    "noise.std",
    "optimizer.lr",
    "seed",
    "Accuracy ↑",
  ]);
  const rows = page.locator("[data-testid=sweep-groups] tbody tr");
  expect(await rows.count()).toBe(4);
  for (const [i, g] of groups.entries()) {
    const row = rows.nth(i);
    expect(Number(await row.getAttribute("data-metric-mean"))).toBeCloseTo(g.metric.mean!, 12);
    expect(Number(await row.getAttribute("data-metric-std"))).toBeCloseTo(g.metric.std!, 12);
    expect(await row.locator("td[data-cell=metric]").textContent()).toMatch(/^\d[\d.]* ± \d[\d.e-]*$/);
    expect(
      await row.locator("a[data-run-id]").evaluateAll((as) => as.map((a) => a.getAttribute("data-run-id"))),
    ).toEqual(g.runs.map((r) => r.id));
  }
  // Metric against cost: every finished run, its Pareto front among them (paretoFront's rule).
  const cost = page.locator("[data-testid=cost-plot]");
  await cost.waitFor();
  expect(await cost.getAttribute("data-points")).toBe("8");
  const front = (await cost.getAttribute("data-front"))!.split(",");
  expect(front.length).toBeGreaterThan(0);
  const costRows = await page.locator("[data-testid=cost-table] tbody tr").evaluateAll((trs) =>
    trs.map((t) => ({ id: t.getAttribute("data-run-id")!, front: t.getAttribute("data-front") === "1" })),
  );
  expect(costRows.filter((r) => r.front).map((r) => r.id).sort()).toEqual([...front].sort());
  // The canvas is drawn (not blank).
  const box = await chart.boundingBox();
  expect(box!.height).toBeGreaterThan(300);
  await screenshot(page, "sweep-page");
  fs.mkdirSync(path.join(ROOT, "tests/artifacts"), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, "tests/artifacts/sweep.png"), fullPage: true });

  // A run link opens the run, whose page is reached from the sweep.
  await rows.nth(0).locator("a[data-run-id]").first().click();
  await page.waitForURL((u) => u.pathname === `/runs/${groups[0].runs[0].id}`);
  // And back: the run names its sweep.
  await page.locator(`[data-testid=run-sweep] a[href^="/sweeps/"]`).waitFor();
});

test("Sweeps list: in the nav, lists the sweep with its progress", async () => {
  await open("/sweeps");
  const nav = page.locator("nav[aria-label=Main] a[href='/sweeps']");
  expect(await nav.textContent()).toBe("Sweeps");
  expect(await nav.getAttribute("aria-current")).toBe("page");
  const row = page.locator(`[data-testid=sweeps-table] tr[data-sweep-id="${sweepId}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain("noise-lr");
  expect(await row.textContent()).toContain("4 × 2");
  expect(await row.locator("[role=progressbar]").getAttribute("data-progress")).toBe("100.0");
  await screenshot(page, "sweep-list");
  expect(pageErrors).toEqual([]);
});
