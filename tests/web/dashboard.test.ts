/**
 * The dashboard in a real browser: Debian Chromium (playwright-core) against the built Next.js
 * app (`next start`) and a real API server on a fresh database. Data is seeded through the API
 * (member and worker mutations with the demo token), then the pages are checked: sign-in, Runs,
 * Run detail with a live curve, Compare, a run trained by a real worker process (its confusion
 * matrix, evaluation and effective config), Launch (kinds and augmentations from the domain
 * catalogue), Feature caches (live progress, 1-based layers), Datasets, Models, Reports (a report
 * published through the API: results, plots, runs, markdown, download).
 * Screenshots of every page land in tests/artifacts/web/ for review.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { AUGMENTATION_ORDER, METRIC_NAMES, RUN_KINDS, type RunKind } from "@loffta/graphql/domain";
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { writeBarsCache } from "../../apps/worker/src/core/testing/synthetic";
import { barChartSvg, lineChartSvg } from "../../scripts/reproduce/plots";
import { startWorkerProcess, type Proc } from "../e2e/harness";
import {
  apiAllowsCors,
  buildWebIfStale,
  eventually,
  launchBrowser,
  requireChromium,
  screenshot,
  startApi,
  startWeb,
  type Api,
  type WebServer,
  openSignedIn,
} from "./harness";

jest.setTimeout(120_000);

let api: Api;
let web: WebServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let page: Page;
let corsNative = false;
const pageErrors: string[] = [];
const ids: {
  dataset: string;
  model: string;
  cache: string;
  worker: string;
  baseline: string;
  plain: string;
  noise: string;
  noiseJob: string;
} = {
  dataset: "",
  model: "",
  cache: "",
  worker: "",
  baseline: "",
  plain: "",
  noise: "",
  noiseJob: "",
};
let datasetDir = "";
/** Worker processes a test started (stopped in afterAll if a test did not). */
const workers: Proc[] = [];

/** The browser's getComputedStyle, used inside evaluate() (the tests' TypeScript has no DOM types). */
declare const getComputedStyle: (el: unknown) => {
  fontFamily: string;
  color: string;
  overflowX: string;
  position: string;
};

/** What the browser says of an element's box (the tests' TypeScript has no DOM types). */
type Box = {
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): { left: number; right: number; width: number };
};

/** What the browser says of an <img> (the tests' TypeScript has no DOM types). */
type LoadedImage = { complete: boolean; naturalWidth: number; naturalHeight: number };

const uuidRe = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

function lossPoints(n: number, from = 0, key = "train/loss", scale = 1) {
  return Array.from({ length: n }, (_, i) => ({
    key,
    step: from + i,
    value: scale * (2.3 * Math.exp(-(from + i) / 20) + 0.1),
  }));
}

async function claim(type: "EXTRACT" | "TRAIN"): Promise<{ id: string; run: { id: string } | null }> {
  const d = await api.gql<{ claimJob: { id: string; run: { id: string } | null } | null }>(
    `mutation($w: ID!, $t: [JobType!]) { claimJob(workerId: $w, types: $t, leaseSeconds: 600) { id run { id } } }`,
    { w: ids.worker, t: [type] },
  );
  if (!d.claimJob) throw new Error(`no ${type} job to claim`);
  return d.claimJob;
}

async function logMetrics(runId: string, points: { key: string; step: number; value: number }[]) {
  for (let i = 0; i < points.length; i += 10_000) {
    await api.gql(
      `mutation($r: ID!, $p: [MetricPointInput!]!) { logMetrics(runId: $r, points: $p) { inserted } }`,
      { r: runId, p: points.slice(i, i + 10_000) },
    );
  }
}

async function appendLogs(runId: string, lines: { seq: number; level?: string; message: string }[]) {
  for (let i = 0; i < lines.length; i += 1000) {
    await api.gql(
      `mutation($r: ID!, $l: [RunLogLineInput!]!) { appendRunLogs(runId: $r, lines: $l) { inserted } }`,
      { r: runId, l: lines.slice(i, i + 1000) },
    );
  }
}

async function completeTrain(jobId: string, finalMetrics: Record<string, unknown>, ips: number, mem: number) {
  await api.gql(
    `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id } }`,
    {
      j: jobId,
      w: ids.worker,
      r: { run: { finalMetrics, trainImagesPerSec: ips, peakMemoryBytes: mem, wallTimeSec: 1234 } },
    },
  );
}

async function launch(
  name: string,
  kind: string,
  config: unknown,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const d = await api.gql<{ launchRun: { id: string } }>(
    `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`,
    {
      i: { projectId: api.seed.projectId, name, kind, config, cacheId: ids.cache, ...extra },
    },
  );
  return d.launchRun.id;
}

async function seed(): Promise<void> {
  datasetDir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-web-ds-"));
  for (const split of ["train", "val"])
    for (const cls of ["cat", "dog", "fox"])
      for (let i = 0; i < 3; i++) {
        fs.mkdirSync(path.join(datasetDir, split, cls), { recursive: true });
        fs.writeFileSync(path.join(datasetDir, split, cls, `${i}.png`), Buffer.alloc(64 + i));
      }
  // Weights come from the storage roots (tests: the temporary folder): a file there.
  const weights = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loffta-web-w-")), "dinov2-vits14.onnx");
  fs.writeFileSync(weights, Buffer.alloc(16));
  ids.dataset = (
    await api.gql<{ registerDataset: { id: string } }>(
      `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`,
      {
        i: { name: "pets-mini", rootUri: datasetDir, layout: "IMAGE_FOLDER" },
      },
    )
  ).registerDataset.id;
  ids.model = (
    await api.gql<{ registerFoundationModel: { id: string } }>(
      `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
      {
        i: {
          name: "dinov2-vits14",
          family: "DINOV2",
          patchSize: 14,
          embedDim: 384,
          depth: 12,
          heads: 6,
          defaultImageSize: 224,
          weightsUri: `file://${weights}`,
          parameterCount: 22e6,
        },
      },
    )
  ).registerFoundationModel.id;
  ids.cache = (
    await api.gql<{ requestFeatureCache: { id: string } }>(
      `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
      {
        i: { datasetId: ids.dataset, modelId: ids.model, resolution: 224 },
      },
    )
  ).requestFeatureCache.id;
  ids.worker = (
    await api.gql<{ registerWorker: { id: string } }>(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }`,
      {
        i: { name: "test-worker", host: "localhost", backend: "tfjs-node", device: "cpu", memoryBytes: 8e9 },
      },
    )
  ).registerWorker.id;
  const extract = await claim("EXTRACT");
  await api.gql(
    `mutation($j: ID!, $w: ID!) { reportProgress(jobId: $j, workerId: $w, done: 18, total: 18) { cancelled } }`,
    { j: extract.id, w: ids.worker },
  );
  await api.gql(
    `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id } }`,
    {
      j: extract.id,
      w: ids.worker,
      r: {
        cache: {
          gridH: 16,
          gridW: 16,
          dim: 384,
          bytes: 3.5e6,
          shardCount: 2,
          imagesPerSec: 42.5,
          storageUri: "file:///tmp/cache-224",
          skippedCount: 1,
        },
      },
    },
  );

  ids.baseline = await launch("finetune-baseline", "UNFROZEN_LINEAR", {});
  // LOFF sends no augmentation switches: the API resolves them all off.
  ids.plain = await launch("loff-plain", "LOFF", {}, { baselineRunId: ids.baseline });
  ids.noise = await launch(
    "loffta-noise",
    "LOFF_TA",
    { augmentations: { noise: { std: 0.2 } } },
    { baselineRunId: ids.baseline, tags: ["ablation"] },
  );

  const jobs = new Map<string, string>();
  for (let i = 0; i < 3; i++) {
    const j = await claim("TRAIN");
    jobs.set(j.run!.id, j.id);
  }
  // The baseline has 100,000 loss points: its page must ask for a downsampled series.
  await logMetrics(ids.baseline, lossPoints(100_000, 0, "train/loss", 1.1));
  await logMetrics(ids.baseline, [{ key: "val/accuracy", step: 100, value: 0.86 }]);
  await completeTrain(jobs.get(ids.baseline)!, { accuracy: 0.86, macroF1: 0.85, loss: 0.5 }, 10, 16e9);
  await logMetrics(ids.plain, [
    ...lossPoints(40),
    ...Array.from({ length: 4 }, (_, i) => ({ key: "val/accuracy", step: i * 10, value: 0.6 + i * 0.05 })),
  ]);
  await completeTrain(
    jobs.get(ids.plain)!,
    // As workers wrote it before evalCount: the test-set size as `count` (never a metric).
    { accuracy: 0.8, macroF1: 0.79, loss: 0.7, count: 9 },
    350,
    1e9,
  );
  await logMetrics(ids.noise, lossPoints(10));
  await appendLogs(ids.noise, [
    { seq: 1_000_000, message: "training LOFF_TA run noise on cache" },
    { seq: 1_000_001, level: "WARN", message: "calibration failed, the run will have no speed-up figures" },
  ]);
  // More than one page (500 lines): the panel shows the tail and offers "load earlier".
  await appendLogs(
    ids.plain,
    Array.from({ length: 620 }, (_, i) => ({ seq: i, message: `plain line ${i}` })),
  );
  ids.noiseJob = jobs.get(ids.noise)!;
}

/** Open a page of the dashboard, signing in with the demo token if the sign-in form shows. */
async function open(pathname: string): Promise<void> {
  await openPage(pathname).catch(async (e: unknown) => {
    await screenshot(page, `failed-${pathname.replace(/\W+/g, "_")}`).catch(() => {});
    throw e;
  });
}

async function openPage(pathname: string): Promise<void> {
  await openSignedIn(page, `${web.url}${pathname}`, api.seed.token);
}

beforeAll(async () => {
  requireChromium();
  await buildWebIfStale();
  api = await startApi();
  web = await startWeb(api.base);
  corsNative = await apiAllowsCors(api.base, web.url);
  await seed();
  browser = await launchBrowser();
  if (!corsNative) {
    // The API does not send CORS headers yet (see docs/dashboard.md): let the browser tests
    // exercise the UI by adding them in the browser; the CORS test below still fails.
    console.warn("API sends no CORS headers: browser tests add them through request interception");
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
}, 15 * 60_000);

afterAll(async () => {
  for (const w of workers) await w.kill("SIGKILL");
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
  if (datasetDir) fs.rmSync(datasetDir, { recursive: true, force: true });
});

test("the API allows CORS from the dashboard origin (browser talks to it directly)", () => {
  expect(corsNative).toBe(true);
});

test("sign-in: a wrong token is rejected, the demo token shows the team; sign-out forgets it", async () => {
  await page.goto(`${web.url}/`);
  await page.locator("input[name=token]").waitFor();
  await screenshot(page, "00-sign-in");
  await page.fill("input[name=token]", "lft_notavalidtoken000000");
  await page.click("button[type=submit]");
  await page.locator(".signin [role=alert]").waitFor();
  expect(await page.locator(".signin [role=alert]").textContent()).toMatch(/token/i);

  await api.gql(`mutation($w: ID!) { heartbeat(workerId: $w) { cancelledJobIds } }`, { w: ids.worker });
  await page.fill("input[name=token]", api.seed.token);
  await page.click("button[type=submit]");
  await eventually(
    "team name",
    async () => (await page.locator("[data-testid=team-name]").textContent()) === "Demo team",
  );
  await page.locator("[data-testid=recent-runs]").waitFor();
  expect(await page.locator("[data-testid=recent-runs]").textContent()).toContain("loffta-noise");
  expect(await page.locator("[data-testid=workers-online]").textContent()).toBe("1 / 1");
  await screenshot(page, "01-overview");

  await page.click("text=Sign out");
  await page.locator("input[name=token]").waitFor();
  expect(await page.evaluate("localStorage.getItem('loffta.token')")).toBeNull();
  await open("/");
  expect(await page.evaluate("localStorage.getItem('loffta.token')")).toBe(api.seed.token);
});

test("Runs: table with config and metric columns, URL filters, sorting and saved views", async () => {
  await open("/runs");
  const table = page.locator("[data-testid=runs-table]");
  await table.waitFor();
  expect(await table.locator("tbody tr").count()).toBe(3);
  const header = (await table.locator("thead").textContent()) ?? "";
  // Metric columns are the catalogue's metrics with its labels; the test-set size is not one.
  expect(
    await table
      .locator("thead th[data-metric]")
      .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-metric"))),
  ).toEqual(["accuracy", "macroF1", "loss"]);
  expect(header).toContain("Accuracy");
  expect(header).toContain("Macro F1");
  expect(header).not.toMatch(/count/i);
  expect(header).toContain("noise.std");
  const noiseRow = table.locator(`tr[data-run-id="${ids.noise}"]`);
  expect(await noiseRow.textContent()).toContain("0.2");
  await screenshot(page, "02-runs");

  // Filters live in the URL: a shared link shows the same view.
  await open("/runs?kind=LOFF_TA");
  await eventually(
    "one LOFF-TA row",
    async () => (await page.locator("[data-testid=runs-table] tbody tr").count()) === 1,
  );
  expect(await page.locator("[data-testid=runs-table] tbody").textContent()).toContain("loffta-noise");

  // Sort by a final metric (server-side), descending then ascending.
  await open("/runs?sort=metric:accuracy&dir=desc");
  await page.locator("[data-testid=runs-table]").waitFor();
  const names = async () =>
    (await page.locator("[data-testid=runs-table] tbody tr td:nth-child(2) a").allTextContents()).slice(0, 2);
  expect(await names()).toEqual(["finetune-baseline", "loff-plain"]);
  await page.click("[data-testid=runs-table] thead button[data-sort='metric:accuracy']");
  await eventually(
    "ascending sort",
    async () => page.url().includes("dir=asc") && (await names())[0] === "loff-plain",
  );

  // Config filter from the URL (server-side JSON equality on the effective config): neither the
  // LOFF run nor the fine-tuning baseline applies tensor noise, whatever was sent at launch.
  await open("/runs?cfg=augmentations.noise.enabled%3Dfalse");
  await eventually(
    "config filter",
    async () => (await page.locator("[data-testid=runs-table] tbody tr").count()) === 2,
  );
  expect(
    (await page.locator("[data-testid=runs-table] tbody tr td:nth-child(2) a").allTextContents()).sort(),
  ).toEqual(["finetune-baseline", "loff-plain"]);

  // Save the view; it is a link to the same query string.
  await page.fill("input[placeholder='name this view']", "no noise");
  await page.click("button:has-text('Save view')");
  const saved = page.locator(".saved-views a:has-text('no noise')");
  await saved.waitFor();
  expect(await saved.getAttribute("href")).toBe("/runs?cfg=augmentations.noise.enabled%3Dfalse");

  // Select two rows and compare them.
  await open("/runs");
  await page.locator(`tr[data-run-id="${ids.plain}"] input[type=checkbox]`).check();
  await page.locator(`tr[data-run-id="${ids.noise}"] input[type=checkbox]`).check();
  await page.click("[data-testid=compare-selected]");
  await page.waitForURL(/\/compare\?ids=/);
  expect(decodeURIComponent(page.url())).toContain(`ids=${ids.plain},${ids.noise}`);

  await page.setViewportSize({ width: 2560, height: 1200 });
  await open("/runs");
  await page.locator("[data-testid=runs-table]").waitFor();
  await screenshot(page, "02-runs-wide");
  await page.setViewportSize({ width: 1440, height: 900 });
});

test("Run detail: the loss curve grows live as metrics are logged, status follows without reload", async () => {
  await open(`/runs/${ids.noise}`);
  await eventually(
    "10 initial points",
    async () =>
      (await page.locator("[data-testid=chart-loss] [data-point-count]").getAttribute("data-point-count")) ===
      "10",
  );
  await eventually(
    "metrics subscription live",
    async () => (await page.locator("[data-testid=curves]").getAttribute("data-live")) === "live",
  );
  expect(await page.locator("[data-testid=run-status]").textContent()).toBe("RUNNING");
  await new Promise((r) => setTimeout(r, 300));

  await logMetrics(ids.noise, lossPoints(5, 10));
  await eventually(
    "15 points without reload",
    async () =>
      (await page.locator("[data-testid=chart-loss] [data-point-count]").getAttribute("data-point-count")) ===
      "15",
  );
  await logMetrics(ids.noise, [{ key: "val/accuracy", step: 14, value: 0.9 }]);
  // A new quantity gets its own chart, live (one chart per quantity: lib/panels.ts).
  await eventually(
    "an accuracy chart appears",
    async () =>
      (await page
        .locator("[data-testid=chart-accuracy] [data-point-count]")
        .getAttribute("data-point-count")) === "1",
  );
  expect(
    await page.locator("[data-testid=chart-loss] [data-series-count]").getAttribute("data-series-count"),
  ).toBe("1");
  await screenshot(page, "03-run-live");

  // Logs: the seeded lines with timestamps and levels, then a new line live, without reload.
  const logs = page.locator("[data-testid=run-logs]");
  await eventually("log lines", async () => (await logs.locator(".log-line").count()) === 2);
  expect(await logs.locator(".log-line").first().textContent()).toContain("training LOFF_TA run noise");
  expect(await logs.locator(".log-line").nth(1).getAttribute("data-level")).toBe("WARN");
  expect(await logs.locator(".log-line time").first().textContent()).toMatch(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/,
  );
  expect(await logs.locator(".log-lines").evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  await eventually("logs subscription live", async () => (await logs.getAttribute("data-live")) === "live");
  await appendLogs(ids.noise, [{ seq: 1_000_002, level: "ERROR", message: "something broke (live)" }]);
  await eventually("a live log line", async () => (await logs.locator(".log-line").count()) === 3);
  const errLine = logs.locator(".log-line[data-level=ERROR]");
  expect(await errLine.textContent()).toContain("something broke (live)");
  const [errColor, infoColor] = await Promise.all([
    errLine.locator(".log-msg").evaluate((el) => getComputedStyle(el).color),
    logs
      .locator(".log-line")
      .first()
      .locator(".log-msg")
      .evaluate((el) => getComputedStyle(el).color),
  ]);
  expect(errColor).not.toBe(infoColor);
  await screenshot(page, "03-run-logs");

  await completeTrain(ids.noiseJob, { accuracy: 0.9, macroF1: 0.88, loss: 0.45 }, 400, 0.8e9);
  await eventually(
    "status SUCCEEDED live",
    async () => (await page.locator("[data-testid=run-status]").textContent()) === "SUCCEEDED",
  );
  await eventually("speed-up vs the baseline", async () =>
    ((await page.locator("[data-testid=speedup]").textContent()) ?? "").includes("40.0×"),
  );
  expect(await page.locator("[data-testid=final-metrics]").textContent()).toContain("0.9");
  await screenshot(page, "03-run-done");
});

test("Run detail of a 100k-point run asks for a downsampled series; effective config and evaluation as typed fields", async () => {
  const t0 = Date.now();
  await open(`/runs/${ids.baseline}`);
  const count = Number(
    await eventually("chart", () =>
      page.locator("[data-testid=chart-loss] [data-point-count]").getAttribute("data-point-count"),
    ),
  );
  expect(count).toBeGreaterThan(100);
  expect(count).toBeLessThanOrEqual(1002);
  expect(Date.now() - t0).toBeLessThan(15_000);
  expect(await page.locator("[data-testid=curves]").textContent()).toContain("100,001 points logged");
  await screenshot(page, "04-run-100k");
  // A run without log lines: the empty state.
  expect(await page.locator("[data-testid=run-logs]").textContent()).toContain("This run has no log lines.");
  // The fine-tuning baseline's effective config: its image augmentations (the API's defaults for
  // the kind), a fixed linear head; no tensor augmentation.
  const augs = page.locator("[data-testid=run-augmentations]");
  expect(await augs.getAttribute("data-policy")).toBe("image");
  expect(
    await augs.locator("tr[data-aug]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-aug"))),
  ).toEqual(["resizedCrop", "hflip"]);
  expect(await augs.locator("tr[data-aug=resizedCrop]").getAttribute("data-enabled")).toBe("true");
  expect(await augs.locator("tr[data-aug=resizedCrop]").textContent()).toContain("scale 0.35–1");
  expect(await augs.locator("tr[data-aug=hflip]").textContent()).toContain("p 0.5");
  expect(await page.locator("[data-testid=effective-config]").textContent()).toContain(
    "linear (fixed for this kind)",
  );
  expect(await page.locator("[data-testid=run-seed]").textContent()).toBe("0");
  expect(await page.locator("[data-testid=config-seed]").textContent()).toBe("0");

  // A LOFF run: no augmentation at all. Its stored `count` is the evaluation's size, shown as
  // such and never as a metric; it has no confusion matrix, so none is shown.
  await open(`/runs/${ids.plain}`);
  await page.locator("[data-testid=final-metrics]").waitFor();
  expect(
    await page
      .locator("[data-testid=final-metrics] tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-metric"))),
  ).toEqual(["accuracy", "macroF1", "loss"]);
  expect(await page.locator("[data-testid=final-metrics]").textContent()).not.toMatch(/count/i);
  expect(await page.locator("[data-testid=eval-count]").textContent()).toBe("9");
  expect(await page.locator("[data-testid=confusion-matrix]").count()).toBe(0);
  expect(await page.locator("[data-testid=run-augmentations]").getAttribute("data-policy")).toBe("none");

  // 620 log lines: the last 500 first, then "load earlier" brings the rest, in order.
  const logs = page.locator("[data-testid=run-logs]");
  await eventually("the log tail", async () => (await logs.locator(".log-line").count()) === 500);
  expect(await logs.locator(".log-line").first().getAttribute("data-seq")).toBe("120");
  expect(await logs.locator(".log-line").last().textContent()).toContain("plain line 619");
  await logs.getByRole("button", { name: "Load earlier lines" }).click();
  await eventually("all 620 lines", async () => (await logs.locator(".log-line").count()) === 620);
  expect(await logs.locator(".log-line").first().textContent()).toContain("plain line 0");
  expect(await logs.getByRole("button", { name: "Load earlier lines" }).count()).toBe(0);
});

test("Compare: overlaid curves, config diff of what differs, best metric highlighted, savings bars", async () => {
  await open(`/compare?ids=${ids.baseline},${ids.plain},${ids.noise}`);
  await page.locator("[data-testid=compare-metrics]").waitFor();
  // One row per run, one column per catalogue metric; the best value per column is highlighted.
  const best = page.locator("[data-testid=compare-metrics] td[data-metric=accuracy][data-best=true]");
  expect(await best.count()).toBe(1);
  expect(await best.textContent()).toBe("0.9");
  const lossBest = page.locator("[data-testid=compare-metrics] td[data-metric=loss][data-best=true]");
  expect(await lossBest.textContent()).toBe("0.45");
  expect(await page.locator("[data-testid=compare-metrics] tbody tr").count()).toBe(3);
  // Only metrics are compared and ranked: loff-plain's stored `count` (its test-set size) is not.
  expect(
    await page
      .locator("[data-testid=compare-metrics] thead th[data-metric]")
      .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-metric"))),
  ).toEqual(["accuracy", "macroF1", "loss"]);
  expect(await page.locator("[data-testid=compare-metrics]").textContent()).not.toMatch(/count/i);

  const diff = (await page.locator("[data-testid=config-diff]").textContent()) ?? "";
  expect(diff).toContain("augmentations.noise.std");
  expect(diff).toContain("augmentations.hflip.enabled");
  expect(diff).not.toContain("optimizer.lr");

  await eventually(
    "3 overlaid loss series",
    async () =>
      (await page
        .locator("[data-testid='compare-chart-train/loss'] [data-series-count]")
        .getAttribute("data-series-count")) === "3",
  );
  expect(
    await page.locator("[data-testid=bars-speedup] [data-bar-count]").getAttribute("data-bar-count"),
  ).toBe("3");
  expect(await page.locator("[data-testid=compare-efficiency]").textContent()).toContain("35.0×");
  await screenshot(page, "05-compare");

  // The picker edits the ids in the URL.
  await page.click("[data-testid=compare-runs] tr:has-text('finetune-baseline') button:has-text('remove')");
  await eventually(
    "ids in the URL",
    async () => !page.url().includes(ids.baseline) && page.url().includes(ids.plain),
  );
});

/** Stop a worker process gracefully (SIGTERM: it hands its jobs back), SIGKILL after 15 s. */
async function stopWorker(w: Proc): Promise<void> {
  const t = setTimeout(() => void w.kill("SIGKILL"), 15_000);
  await w.kill("SIGTERM");
  clearTimeout(t);
}

test("Run page of a LOFF run a real worker trained: the confusion matrix is the API's confusionMatrix; evaluation, effective config and seed", async () => {
  // A 2-class dataset whose feature cache is a synthetic token grid (the worker's testing module:
  // horizontal vs vertical bars), written where the cache's storageUri says.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-web-real-"));
  const classes = ["horizontal", "vertical"];
  const splits = { train: 48, val: 16 };
  for (const [split, n] of Object.entries(splits))
    for (const cls of classes)
      for (let i = 0; i < n / 2; i++) {
        fs.mkdirSync(path.join(root, "images", split, cls), { recursive: true });
        fs.writeFileSync(path.join(root, "images", split, cls, `${i}.png`), Buffer.alloc(32 + i));
      }
  const { registerDataset } = await api.gql<{ registerDataset: { id: string; classNames: string[] } }>(
    `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id classNames } }`,
    { i: { name: "bars", rootUri: path.join(root, "images"), layout: "IMAGE_FOLDER" } },
  );
  expect(registerDataset.classNames).toEqual(classes);
  const { requestFeatureCache } = await api.gql<{ requestFeatureCache: { id: string } }>(
    `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
    { i: { datasetId: registerDataset.id, modelId: ids.model, resolution: 56 } },
  );
  const cacheDir = path.join(root, "cache");
  await writeBarsCache(cacheDir, { h: 4, w: 4, d: 16, seed: 5, splits, task: "bars" });
  const extract = await claim("EXTRACT");
  await api.gql(
    `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id } }`,
    {
      j: extract.id,
      w: ids.worker,
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

  // A short LOFF run (tiny classifier, 6 epochs of 48 images: seconds of training) launched as the dashboard
  // does (no augmentation switches), trained by a real worker process through the API.
  const runId = await launch(
    "real-loff",
    "LOFF",
    {
      classifier: { preset: "tiny" },
      epochs: 6,
      optimizer: { lr: 2e-3 },
      batchSize: 8,
      microBatch: 8,
      schedule: { warmupEpochs: 0 },
      earlyStopping: { enabled: false },
    },
    { cacheId: requestFeatureCache.id, seed: 7 },
  );
  const worker = startWorkerProcess({
    api: api.base,
    token: api.seed.token,
    name: "real-worker",
    home: path.join(root, "worker"),
    env: { LOFFTA_CALIBRATION: "off", LOFFTA_ISOLATE_RUNS: "0" },
  });
  workers.push(worker);
  type RealRun = {
    status: string;
    error: string | null;
    seed: number;
    config: { seed: number; augmentations: Record<string, { enabled: boolean }> };
    finalMetrics: Record<string, number>;
    confusionMatrix: number[][] | null;
    evalSplit: string | null;
    evalCount: number | null;
    cache: { dataset: { classNames: string[] } };
  };
  let run: RealRun | null = null;
  try {
    const deadline = Date.now() + 180_000;
    while (!run) {
      const { run: r } = await api.gql<{ run: RealRun }>(
        `query($id: ID!) { run(id: $id) { status error seed config finalMetrics confusionMatrix evalSplit evalCount cache { dataset { classNames } } } }`,
        { id: runId },
      );
      if (r.status === "SUCCEEDED") run = r;
      else if (r.status === "FAILED" || r.status === "CANCELLED" || Date.now() > deadline)
        throw new Error(
          `run ${r.status}: ${r.error ?? "(no error)"}\nworker output:\n${worker.output().slice(-4000)}`,
        );
      else await new Promise((res) => setTimeout(res, 250));
    }
  } finally {
    // Later tests queue jobs a real worker must not take.
    await stopWorker(worker);
  }

  // What the worker produced, as the API serves it: a 2×2 matrix over the val split.
  expect(run.confusionMatrix).toHaveLength(2);
  expect(run.confusionMatrix!.every((row) => row.length === 2)).toBe(true);
  expect(run.evalSplit).toBe("val");
  expect(run.evalCount).toBe(splits.val);
  expect(run.confusionMatrix!.flat().reduce((a, b) => a + b, 0)).toBe(splits.val);
  expect(Object.keys(run.finalMetrics).every((k) => (METRIC_NAMES as string[]).includes(k))).toBe(true);
  expect(run.seed).toBe(7);
  expect(run.config.seed).toBe(7);
  for (const a of AUGMENTATION_ORDER) expect(run.config.augmentations[a].enabled).toBe(false);

  await open(`/runs/${runId}`);
  const cm = page.locator("[data-testid=confusion-matrix]");
  await cm.waitFor({ timeout: 15_000 });
  // Every cell is the API's cm[true][predicted]; rows and columns are the dataset's classes.
  const cells: number[][] = [];
  for (let i = 0; i < run.confusionMatrix!.length; i++)
    cells.push((await cm.locator(`tbody tr[data-true="${i}"] td[data-pred]`).allTextContents()).map(Number));
  expect(cells).toEqual(run.confusionMatrix);
  expect(await cm.locator("thead th[data-class]").allTextContents()).toEqual(run.cache.dataset.classNames);
  expect(await cm.locator("tbody th").allTextContents()).toEqual(run.cache.dataset.classNames);
  // The evaluation is described as what it is, the metrics are the catalogue's.
  expect(await page.locator("[data-testid=eval-split]").textContent()).toBe("val");
  expect(await page.locator("[data-testid=eval-count]").textContent()).toBe(String(splits.val));
  const shown = await page
    .locator("[data-testid=final-metrics] tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-metric")));
  expect(shown).toEqual(METRIC_NAMES.filter((n) => n in run.finalMetrics));
  expect(await page.locator("[data-testid=final-metrics]").textContent()).not.toMatch(/count/i);
  // The effective config and the seed.
  expect(await page.locator("[data-testid=run-seed]").textContent()).toBe("7");
  expect(await page.locator("[data-testid=config-seed]").textContent()).toBe("7");
  expect(await page.locator("[data-testid=run-augmentations]").getAttribute("data-policy")).toBe(
    RUN_KINDS.LOFF.augmentation,
  );
  await screenshot(page, "04-run-confusion");

  // Compared with another run, only metrics are ranked (not the evaluation's size).
  await open(`/compare?ids=${runId},${ids.plain}`);
  await page.locator("[data-testid=compare-metrics]").waitFor();
  const compared = await page
    .locator("[data-testid=compare-metrics] thead th[data-metric]")
    .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-metric")));
  expect(compared.length).toBeGreaterThan(0);
  expect(compared.every((k) => (METRIC_NAMES as (string | null)[]).includes(k))).toBe(true);
  fs.rmSync(root, { recursive: true, force: true });
}, 300_000);

test("Launch: the shared zod schema validates the form; a valid run is launched, queued and opened", async () => {
  await open("/launch");
  await page.locator("[data-testid=launch-form]").waitFor();
  // Kinds and their labels are the catalogue's; the tensor augmentations are its AUGMENTATIONS,
  // in application order, with their parameters.
  expect(
    await page
      .locator("select[name=kind] option")
      .evaluateAll((os) => os.map((o) => o.getAttribute("value"))),
  ).toEqual(["LOFF_TA", "LOFF", "FROZEN_LINEAR", "UNFROZEN_LINEAR"]);
  expect(await page.locator("select[name=kind] option").allTextContents()).toEqual(
    (["LOFF_TA", "LOFF", "FROZEN_LINEAR", "UNFROZEN_LINEAR"] as RunKind[]).map((k) => RUN_KINDS[k].label),
  );
  expect(
    await page
      .locator("[data-testid=augmentations] [data-aug]")
      .evaluateAll((ds) => ds.map((d) => d.getAttribute("data-aug"))),
  ).toEqual(AUGMENTATION_ORDER);
  for (const input of [
    "augmentations.resizedCrop.scale.0",
    "augmentations.tokenDropout.rate",
    "augmentations.mixup.alpha",
  ])
    expect(await page.locator(`input[name='${input}']`).count()).toBe(1);
  expect(await page.locator("select[name='augmentations.noise.relativeTo']").count()).toBe(1);
  await page.fill("input[name=name]", "launched-from-browser");
  await page.selectOption("select[name=kind]", "LOFF_TA");
  await page.selectOption("select[name=cacheId]", ids.cache);
  await page.fill("input[name='augmentations.noise.std']", "-1");
  await page.fill("input[name='microBatch']", "128");
  await page.click("button[type=submit]:has-text('Launch')");
  const errors = page.locator("[data-testid=form-errors]");
  await errors.waitFor();
  const text = (await errors.textContent()) ?? "";
  expect(text).toContain("augmentations.noise.std");
  expect(text).toContain("microBatch");
  await screenshot(page, "06-launch-invalid");
  expect(page.url()).toMatch(/\/launch$/);

  await page.fill("input[name='augmentations.noise.std']", "0.3");
  await page.fill("input[name='microBatch']", "8");
  await page.check("input[name='augmentations.vflip.enabled']");
  await page.click("button[type=submit]:has-text('Launch')");
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  const id = uuidRe.exec(page.url())![0];
  await eventually(
    "queued",
    async () => (await page.locator("[data-testid=run-status]").textContent()) === "QUEUED",
  );
  expect(await page.locator("[data-testid=run-name]").textContent()).toBe("launched-from-browser");
  await screenshot(page, "06-launched-run");

  const d = await api.gql<{
    run: {
      kind: string;
      status: string;
      config: { augmentations: { noise: { std: number }; vflip: { enabled: boolean } } };
    };
  }>(`query($id: ID!) { run(id: $id) { kind status config } }`, { id });
  expect(d.run).toMatchObject({ kind: "LOFF_TA", status: "QUEUED" });
  expect(d.run.config.augmentations.noise.std).toBe(0.3);
  expect(d.run.config.augmentations.vflip.enabled).toBe(true);
});

type LaunchedRun = {
  kind: string;
  seed: number;
  config: {
    seed: number;
    classifier: { preset: string };
    augmentations: Record<string, { enabled: boolean }>;
    imageAugmentations: { resizedCrop: { enabled: boolean; scale: number[] }; hflip: { enabled: boolean } };
  };
};

async function launchedRun(): Promise<{ id: string; run: LaunchedRun }> {
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  const id = uuidRe.exec(page.url())![0];
  const { run } = await api.gql<{ run: LaunchedRun }>(
    `query($id: ID!) { run(id: $id) { kind seed config } }`,
    { id },
  );
  return { id, run };
}

test("Launch: LOFF sends no augmentation switches; an image baseline edits its image augmentations, its head is fixed", async () => {
  // LOFF: no augmentation inputs at all; the API accepts it (it rejects LOFF asking for one).
  await open("/launch");
  await page.locator("[data-testid=launch-form]").waitFor();
  await page.fill("input[name=name]", "launched-loff");
  await page.selectOption("select[name=kind]", "LOFF");
  await page.selectOption("select[name=cacheId]", ids.cache);
  expect(await page.locator("[data-testid=augmentations]").getAttribute("data-policy")).toBe("none");
  expect(await page.locator("[data-testid=launch-form] input[name^='augmentations.']").count()).toBe(0);
  expect(await page.locator("[data-testid=launch-form] input[name^='imageAugmentations.']").count()).toBe(0);
  await page.fill("input[name=seed]", "11");
  await page.click("button[type=submit]:has-text('Launch')");
  const loff = await launchedRun();
  expect(loff.run).toMatchObject({ kind: "LOFF", seed: 11, config: { seed: 11 } });
  for (const a of AUGMENTATION_ORDER) expect(loff.run.config.augmentations[a].enabled).toBe(false);
  expect(loff.run.config.imageAugmentations.resizedCrop.enabled).toBe(false);
  await page.locator("[data-testid=run-augmentations][data-policy=none]").waitFor();
  expect(await page.locator("[data-testid=run-seed]").textContent()).toBe("11");

  // FROZEN_LINEAR: its image augmentations are shown and editable; the linear head is fixed.
  await open("/launch");
  await page.locator("[data-testid=launch-form]").waitFor();
  await page.fill("input[name=name]", "launched-frozen");
  await page.selectOption("select[name=kind]", "FROZEN_LINEAR");
  await page.selectOption("select[name=cacheId]", ids.cache);
  expect(await page.locator("[data-testid=augmentations]").getAttribute("data-policy")).toBe("image");
  expect(
    await page
      .locator("[data-testid=augmentations] [data-aug]")
      .evaluateAll((ds) => ds.map((d) => d.getAttribute("data-aug"))),
  ).toEqual(["resizedCrop", "hflip"]);
  expect(await page.locator("[data-testid=launch-form] input[name^='augmentations.']").count()).toBe(0);
  expect(await page.locator("select[name='classifier.preset']").isDisabled()).toBe(true);
  expect(await page.locator("select[name='classifier.preset']").inputValue()).toBe("linear");
  expect(await page.locator("input[name='imageAugmentations.resizedCrop.scale.0']").inputValue()).toBe(
    "0.35",
  );
  await page.fill("input[name='imageAugmentations.resizedCrop.scale.0']", "0.5");
  await page.uncheck("input[name='imageAugmentations.hflip.enabled']");
  await screenshot(page, "06-launch-image-baseline");
  await page.click("button[type=submit]:has-text('Launch')");
  const frozen = await launchedRun();
  expect(frozen.run.kind).toBe("FROZEN_LINEAR");
  expect(frozen.run.config.classifier.preset).toBe("linear");
  expect(frozen.run.config.imageAugmentations.resizedCrop).toMatchObject({ enabled: true, scale: [0.5, 1] });
  expect(frozen.run.config.imageAugmentations.hflip.enabled).toBe(false);
  for (const a of AUGMENTATION_ORDER) expect(frozen.run.config.augmentations[a].enabled).toBe(false);
  // Its page shows the image augmentations it will apply.
  const augs = page.locator("[data-testid=run-augmentations][data-policy=image]");
  await augs.waitFor();
  expect(await augs.locator("tr[data-aug=resizedCrop]").textContent()).toContain("scale 0.5–1");
  expect(await augs.locator("tr[data-aug=hflip]").getAttribute("data-enabled")).toBe("false");
  await screenshot(page, "06-launched-image-baseline");
});

test("Feature caches: grid, size, skipped, images/s, reuse count and a live progress bar", async () => {
  const second = (
    await api.gql<{ requestFeatureCache: { id: string } }>(
      `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
      {
        i: { datasetId: ids.dataset, modelId: ids.model, resolution: 448, pooling: 2 },
      },
    )
  ).requestFeatureCache.id;
  await open("/caches");
  const ready = page.locator(`tr[data-cache-id="${ids.cache}"]`);
  await ready.waitFor();
  const readyText = (await ready.textContent()) ?? "";
  expect(readyText).toContain("16×16×384");
  expect(readyText).toContain("3.3 MiB");
  expect(readyText).toContain("42.5");
  // Reuses: the runs that train on its tokens (RUN_KINDS[kind].readsCache), not the image baselines.
  const onCache = await api.gql<{ runs: { edges: { node: { kind: RunKind } }[] } }>(
    `query($c: ID!) { runs(filter: { cacheId: $c }, first: 100) { edges { node { kind } } } }`,
    { c: ids.cache },
  );
  const reuses = onCache.runs.edges.filter((e) => RUN_KINDS[e.node.kind].readsCache).length;
  expect(reuses).toBe(4);
  expect(await ready.locator("td:nth-child(9)").textContent()).toBe(String(reuses));
  expect(readyText).toContain("block 12 of 12 (last)");
  expect(await ready.locator("td:nth-child(7)").textContent()).toBe("1");

  const row = page.locator(`tr[data-cache-id="${second}"]`);
  await eventually(
    "progress subscription",
    async () => (await row.locator("[data-live]").getAttribute("data-live")) === "live",
  );
  await new Promise((r) => setTimeout(r, 300));
  const job = await claim("EXTRACT");
  await api.gql(
    `mutation($j: ID!, $w: ID!) { reportProgress(jobId: $j, workerId: $w, done: 3, total: 10) { cancelled } }`,
    { j: job.id, w: ids.worker },
  );
  await eventually(
    "30 % without reload",
    async () => (await row.locator("[role=progressbar]").getAttribute("data-progress")) === "30.0",
  );
  await screenshot(page, "07-caches-live");
  await api.gql(
    `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id } }`,
    {
      j: job.id,
      w: ids.worker,
      r: {
        cache: {
          gridH: 16,
          gridW: 16,
          dim: 384,
          bytes: 2e6,
          shardCount: 1,
          storageUri: "file:///tmp/cache-448",
          skippedCount: 0,
        },
      },
    },
  );
  await eventually("READY live", async () => ((await row.textContent()) ?? "").includes("ready"));
  await screenshot(page, "07-caches");

  // Requesting a cache: the layer is a 1-based block of the chosen model (empty = the last).
  await page.click("button:has-text('Request a cache')");
  const layer = page.locator("form.inline-form input[name=layer]");
  await layer.waitFor();
  expect(await page.locator("form.inline-form").textContent()).toContain("Block (1–12; empty = last)");
  expect(await layer.inputValue()).toBe("");
  await page.fill("form.inline-form input[type=number] >> nth=0", "112");
  await layer.fill("3");
  await page.click("form.inline-form button[type=submit]");
  const outcome = await eventually("the request's outcome", () =>
    page.locator("form.inline-form [data-testid=request-outcome]").textContent(),
  );
  expect(outcome).toMatch(/is pending/);
  const { featureCaches } = await api.gql<{ featureCaches: { resolution: number; layer: number }[] }>(
    `{ featureCaches { resolution layer } }`,
  );
  expect(featureCaches.filter((c) => c.resolution === 112).map((c) => c.layer)).toEqual([3]);
});

test("Datasets and Foundation models pages list the team's catalogue", async () => {
  await open("/datasets");
  await page.locator("[data-testid=datasets-table]").waitFor();
  const ds = (await page.locator("[data-testid=datasets-table]").textContent()) ?? "";
  expect(ds).toContain("pets-mini");
  expect(ds).toContain("train 9");
  expect(ds).toContain("Image folder");
  await screenshot(page, "08-datasets");
  await open("/models");
  await page.locator("[data-testid=models-table]").waitFor();
  const models = (await page.locator("[data-testid=models-table]").textContent()) ?? "";
  expect(models).toContain("dinov2-vits14");
  expect(models).toContain("DINOv2");
  expect(models).toContain("model / family default");
  await screenshot(page, "09-models");
});

test("Reports: a published report is listed and shows its results, plots, runs, markdown and download", async () => {
  const png = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();
  const accuracy = await png(
    lineChartSvg("accuracy vs labels per class", "labels per class", "accuracy", [
      { name: "LOFF", points: [{ x: 3, y: 0.8 }] },
      { name: "LOFF_TA", points: [{ x: 3, y: 0.9 }] },
    ]),
  );
  const efficiency = await png(
    barChartSvg("Training cost", [
      {
        title: "train throughput",
        unit: "images/s",
        bars: [
          { name: "LOFF", value: 350 },
          { name: "LOFF_TA", value: 400 },
        ],
      },
    ]),
  );
  const markdown = [
    "# Reproduction report: pets-mini",
    "",
    "Dataset **pets-mini**, foundation model **dinov2-vits14**.",
    "",
    "| labels / class | kind | accuracy |",
    "|---|---|---|",
    "| 3 | LOFF_TA | 0.900 ± 0.000 |",
    "",
    "![accuracy vs labels per class](accuracy.png)",
    "",
    "## Runs",
    "",
    `| run | id |`,
    "|---|---|",
    `| loffta-noise | \`${ids.noise}\` |`,
    "",
  ].join("\n");
  const row = (kind: string, runId: string, extra: Record<string, number>) => ({
    kind,
    labelsPerClass: 3,
    runCount: 1,
    succeeded: 1,
    metricStd: 0,
    runIds: [runId],
    ...extra,
  });
  const { publishReport } = await api.gql<{ publishReport: { id: string } }>(
    `mutation($i: PublishReportInput!) { publishReport(input: $i) { id } }`,
    {
      i: {
        projectId: api.seed.projectId,
        name: "pets-mini--dinov2",
        metric: "accuracy",
        markdown,
        runIds: [ids.baseline, ids.plain, ids.noise],
        results: [
          row("UNFROZEN_LINEAR", ids.baseline, { metricMean: 0.86, imagesPerSec: 10, peakMemoryBytes: 16e9 }),
          row("LOFF", ids.plain, {
            metricMean: 0.8,
            imagesPerSec: 350,
            peakMemoryBytes: 1e9,
            speedup: 35,
            memorySaving: 16,
          }),
          row("LOFF_TA", ids.noise, {
            metricMean: 0.9,
            imagesPerSec: 400,
            peakMemoryBytes: 0.8e9,
            speedup: 40,
            memorySaving: 20,
          }),
        ],
        plots: [
          {
            name: "accuracy.png",
            title: "accuracy vs labels per class",
            pngBase64: accuracy.toString("base64"),
          },
          { name: "efficiency.png", title: "training throughput", pngBase64: efficiency.toString("base64") },
        ],
        settings: {
          dataset: "pets-mini",
          model: "dinov2-vits14 (DINOV2)",
          resolution: 224,
          epochs: 3,
          seeds: [1],
        },
      },
    },
  );
  const reportId = publishReport.id;

  // The list (the project's reports) links to the report.
  await open("/reports");
  const listRow = page.locator(`[data-testid=reports-table] tr[data-report-id="${reportId}"]`);
  await listRow.waitFor();
  const listText = (await listRow.textContent()) ?? "";
  for (const s of ["pets-mini--dinov2", "accuracy", "Fine-tune + linear", "LOFF-TA"])
    expect(listText).toContain(s);
  expect(await listRow.locator("td:nth-child(5)").textContent()).toBe("3");
  await screenshot(page, "10-reports");
  await listRow.locator("a").click();
  await page.waitForURL(new RegExp(`/reports/${reportId}$`));

  // Results: the published numbers, formatted like report.md / the rest of the dashboard.
  const results = page.locator("[data-testid=report-results]");
  await results.waitFor();
  expect(await page.locator("[data-testid=report-name]").textContent()).toBe("pets-mini--dinov2");
  const cells = async (kind: string) =>
    Object.fromEntries(
      await Promise.all(
        ["metric", "images-per-sec", "peak-memory", "speedup", "memory-saving"].map(
          async (c) =>
            [c, await results.locator(`tr[data-kind=${kind}] td[data-col=${c}]`).textContent()] as const,
        ),
      ),
    );
  expect(await cells("LOFF_TA")).toEqual({
    metric: "0.900 ± 0.000",
    "images-per-sec": "400",
    "peak-memory": "762.9 MiB",
    speedup: "40.0×",
    "memory-saving": "20.0×",
  });
  expect(await cells("LOFF")).toMatchObject({
    metric: "0.800 ± 0.000",
    speedup: "35.0×",
    "memory-saving": "16.0×",
  });
  expect(await cells("UNFROZEN_LINEAR")).toMatchObject({ "peak-memory": "14.9 GiB", speedup: "—" });
  expect(await results.locator("tr[data-kind=LOFF] a").getAttribute("href")).toBe(`/runs/${ids.plain}`);

  // Both plots load as images of the stored PNGs' size.
  for (const [name, buf] of [
    ["accuracy.png", accuracy],
    ["efficiency.png", efficiency],
  ] as const) {
    const img = page.locator(`[data-testid='plot-${name}']`);
    const meta = await sharp(buf).metadata();
    const size = await eventually(`${name} loaded`, () =>
      img.evaluate((el) => {
        const i = el as unknown as LoadedImage;
        return i.complete && i.naturalWidth > 0 ? [i.naturalWidth, i.naturalHeight] : null;
      }),
    );
    expect(size).toEqual([meta.width, meta.height]);
  }

  // Every run is linked, in report order.
  const runLinks = page.locator("[data-testid=report-runs] tbody a");
  expect(await runLinks.allTextContents()).toEqual(["finetune-baseline", "loff-plain", "loffta-noise"]);
  expect(await runLinks.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
    [ids.baseline, ids.plain, ids.noise].map((id) => `/runs/${id}`),
  );

  // The markdown is rendered: headings, its image (the stored plot), run ids as links.
  const md = page.locator("[data-testid=report-markdown]");
  expect(await md.locator(".markdown h2").first().textContent()).toBe("Reproduction report: pets-mini");
  expect(await md.locator("strong").first().textContent()).toBe("pets-mini");
  expect(await md.locator(`a[href="/runs/${ids.noise}"]`).count()).toBe(1);
  expect(
    await eventually("markdown image", () =>
      md
        .locator("img")
        .evaluate(
          (el) => (el as unknown as LoadedImage).complete && (el as unknown as LoadedImage).naturalWidth > 0,
        ),
    ),
  ).toBe(true);
  await screenshot(page, "10-report");
  await md.locator("button:has-text('Show source')").click();
  expect(await md.locator("pre").textContent()).toBe(markdown);

  // Download: a report.md link whose content is the markdown.
  const download = page.locator("[data-testid=download-md]");
  expect(await download.getAttribute("download")).toBe("report.md");
  expect(
    await download.evaluate((a) => fetch((a as unknown as { href: string }).href).then((r) => r.text())),
  ).toBe(markdown);

  // "Compare these runs" opens Compare with the report's runs and a way back.
  await page.click("[data-testid=compare-all]");
  await page.waitForURL(/\/compare\?/);
  expect(decodeURIComponent(page.url())).toContain(
    `ids=${ids.baseline},${ids.plain},${ids.noise}&report=${reportId}`,
  );
  await page.locator("[data-testid=compare-runs]").waitFor();
  expect(await page.locator("[data-testid=compare-runs] tbody tr").count()).toBe(3);
  await page.click("[data-testid=back-to-report]");
  await page.waitForURL(new RegExp(`/reports/${reportId}$`));
  await page.locator("[data-testid=report-results]").waitFor();

  // Another project of the team has no reports; an unknown id says so.
  await api.gql(`mutation { createProject(input: { name: "zz-empty" }) { id } }`);
  await open("/reports");
  await page.locator("[data-testid=reports-table]").waitFor();
  await page.selectOption("select[name=project]", { label: "zz-empty" });
  await page.locator(".state.empty:has-text('No reports in this project yet')").waitFor();
  expect(page.url()).toContain("project=");
  await open("/reports/00000000-0000-4000-8000-000000000000");
  await page.locator(".state.error:has-text('does not exist in your team')").waitFor();
});

/** A deterministic PRNG (mulberry32), so the seeded curves are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The curves a worker logs for a run (the keys of apps/worker's recordStep / recordEpoch):
 * per step train/loss, train/lr (linear warm-up, cosine decay) and train/images_per_sec; per
 * epoch epoch, train/epoch_loss and val/<every catalogue metric>. `acc` is the final accuracy.
 */
function trainingCurves(o: {
  epochs: number;
  stepsPerEpoch: number;
  seed: number;
  acc: number;
  lr?: number;
}) {
  const r = rng(o.seed);
  const total = o.epochs * o.stepsPerEpoch;
  const warm = 2 * o.stepsPerEpoch;
  const lr0 = o.lr ?? 1e-3;
  const pts: { key: string; step: number; value: number }[] = [];
  let epochSum = 0;
  for (let step = 1; step <= total; step++) {
    const loss = 1.05 * Math.exp(-step / (total / 3)) + 0.3 + (r() - 0.5) * 0.12;
    epochSum += loss;
    const lr =
      step <= warm
        ? (lr0 * step) / warm
        : 1e-6 + 0.5 * (lr0 - 1e-6) * (1 + Math.cos((Math.PI * (step - warm)) / (total - warm)));
    pts.push({ key: "train/loss", step, value: loss });
    pts.push({ key: "train/lr", step, value: lr });
    pts.push({ key: "train/images_per_sec", step, value: 380 + (r() - 0.5) * 40 });
    if (step % o.stepsPerEpoch === 0) {
      const e = step / o.stepsPerEpoch;
      const acc = o.acc - (o.acc - 0.34) * Math.exp(-e / 1.6) + (e === o.epochs ? 0 : (r() - 0.5) * 0.02);
      pts.push(
        { key: "epoch", step, value: e },
        { key: "train/epoch_loss", step, value: epochSum / o.stepsPerEpoch },
        { key: "val/loss", step, value: 0.95 * Math.exp(-e / 2.5) + 0.42 + (r() - 0.5) * 0.03 },
        { key: "val/accuracy", step, value: acc },
        { key: "val/balancedAccuracy", step, value: acc - 0.015 },
        { key: "val/macroF1", step, value: acc - 0.025 },
        { key: "val/kappa", step, value: 1.3 * acc - 0.35 },
        { key: "val/auc", step, value: 0.5 + acc * 0.55 },
      );
      epochSum = 0;
    }
  }
  return pts;
}

/** Claim the TRAIN jobs of these runs (other queued jobs met on the way are claimed too). */
async function claimRuns(runIds: string[]): Promise<Map<string, string>> {
  const jobs = new Map<string, string>();
  for (let i = 0; i < 40 && jobs.size < runIds.length; i++) {
    const j = await claim("TRAIN");
    if (j.run && runIds.includes(j.run.id)) jobs.set(j.run.id, j.id);
  }
  if (jobs.size < runIds.length) throw new Error(`claimed ${jobs.size} of ${runIds.length} runs' jobs`);
  return jobs;
}

/** The page shows the API's provenance of the run: its worker, host, backend, device, "—" when null. */
async function expectProvenance(runId: string): Promise<{
  trainedBy: { name: string } | null;
  host: string | null;
  backend: string | null;
  device: string | null;
}> {
  const { run } = await api.gql<{
    run: {
      trainedBy: { name: string } | null;
      host: string | null;
      backend: string | null;
      device: string | null;
    };
  }>(`query($id: ID!) { run(id: $id) { trainedBy { name } host backend device } }`, { id: runId });
  const shown = async (f: string) =>
    ((await page.locator(`[data-testid=trained-${f}]`).textContent()) ?? "").trim();
  const expectShown = async (f: string, v: string | null | undefined) => {
    if (v == null) expect(await shown(f)).toMatch(/^—/);
    else expect(await shown(f)).toBe(v);
  };
  await expectShown("by", run.trainedBy?.name);
  await expectShown("host", run.host);
  await expectShown("backend", run.backend);
  await expectShown("device", run.device);
  return run;
}

const study: { curves: string; seeds: string[] } = { curves: "", seeds: [] };

test("Run page: one chart per quantity (loss, each metric, lr, throughput, epoch), the budget and schedule, where it trained", async () => {
  study.curves = await launch(
    "loffta-curves-warmup2-cosine",
    "LOFF_TA",
    {
      epochs: 8,
      batchSize: 32,
      microBatch: 16,
      optimizer: { lr: 1e-3 },
      schedule: { warmupEpochs: 2, cosine: true, minLr: 1e-6 },
    },
    { baselineRunId: ids.baseline, seed: 5 },
  );
  const jobs = await claimRuns([study.curves]);
  const points = trainingCurves({ epochs: 8, stepsPerEpoch: 25, seed: 5, acc: 0.87 });
  await logMetrics(study.curves, points);
  await completeTrain(
    jobs.get(study.curves)!,
    { accuracy: 0.87, balancedAccuracy: 0.855, macroF1: 0.845, kappa: 0.781, auc: 0.9785, loss: 0.47 },
    385,
    0.9e9,
  );
  // Display only: where a run trained is written straight into the database here, to check how
  // the page shows it. That the worker reports these fields and the API stores and serves them
  // (completeJob → Run.trainedBy/host/backend/device) is tested end to end elsewhere
  // (tests/e2e and the API tests), not by this browser test.
  await api.db.prisma.run.update({
    where: { id: study.curves },
    data: { host: "gpu-node-07", backend: "tensorflow", device: "cuda:0", trainedById: ids.worker },
  });

  await open(`/runs/${study.curves}`);
  const panels = page.locator("[data-testid=curve-panels]");
  await panels.waitFor();
  // 11 keys → 9 charts: the three losses together, each of the catalogue's five other metrics
  // alone, then the learning rate, throughput and epoch, each on its own axis.
  expect(
    await panels.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.getAttribute("data-testid"))),
  ).toEqual(
    ["loss", ...METRIC_NAMES.filter((m) => m !== "loss"), "lr", "images_per_sec", "epoch"].map(
      (id) => `chart-${id}`,
    ),
  );
  const names = async (id: string) =>
    JSON.parse(
      (await eventually(`chart ${id}`, () =>
        page.locator(`[data-testid=chart-${id}] [data-series-names]`).getAttribute("data-series-names"),
      )) ?? "[]",
    ) as string[];
  expect(await names("loss")).toEqual(["train/epoch_loss", "train/loss", "val/loss"]);
  expect(await names("accuracy")).toEqual(["val/accuracy"]);
  expect(await names("kappa")).toEqual(["val/kappa"]);
  expect(await names("lr")).toEqual(["train/lr"]);
  expect(await names("images_per_sec")).toEqual(["train/images_per_sec"]);
  expect(await page.locator("[data-testid=chart-accuracy] figcaption").textContent()).toBe("Accuracy ↑");
  expect(
    await page.locator("[data-testid=chart-loss] [data-point-count]").getAttribute("data-point-count"),
  ).toBe(String(200 + 8 + 8));

  // The budget and schedule the worker applied (the effective config).
  expect(await page.locator("[data-testid=config-budget]").textContent()).toBe(
    "8 epochs · batch 32 · micro-batch 16 · 2 micro-batches per step",
  );
  expect(await page.locator("[data-testid=config-optimiser]").textContent()).toContain("lr 0.001");
  expect(await page.locator("[data-testid=config-schedule]").textContent()).toBe(
    "linear warm-up 2 epochs, cosine decay to 1.00e-6",
  );
  // Where it trained, as the API serves it.
  const prov = await expectProvenance(study.curves);
  expect(prov).toMatchObject({ host: "gpu-node-07", backend: "tensorflow", device: "cuda:0" });
  expect(await page.locator("[data-testid=run-trained-on]").textContent()).toBe("on cuda:0 · tensorflow");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await screenshot(page, "11-run-panels");

  // A run no worker reported its whereabouts for: "—", and the page works.
  await open(`/runs/${ids.plain}`);
  await page.locator("[data-testid=provenance]").waitFor();
  await expectProvenance(ids.plain);
  // The image baseline: its budget shows the kind's micro-batch cap, with its image augmentations.
  await open(`/runs/${ids.baseline}`);
  expect(await page.locator("[data-testid=config-budget]").textContent()).toContain(
    "micro-batch 8 (≤ 8 for this kind)",
  );
  expect(await page.locator("[data-testid=run-augmentations]").getAttribute("data-policy")).toBe("image");
  await screenshot(page, "11-run-baseline-config");
});

test("Compare: pick the metric keys (in the URL), 7 runs stay readable, seeds of one setting as a mean ± band", async () => {
  // Three runs of one setting that differ only in their seed.
  const cfg = { epochs: 8, augmentations: { noise: { std: 0.15 } }, schedule: { warmupEpochs: 2 } };
  const finals = [0.8, 0.82, 0.84];
  study.seeds = [];
  for (const seed of [1, 2, 3])
    study.seeds.push(
      await launch(`loffta-seed-study-s${seed}`, "LOFF_TA", cfg, { baselineRunId: ids.baseline, seed }),
    );
  const jobs = await claimRuns(study.seeds);
  for (const [i, id] of study.seeds.entries()) {
    await logMetrics(id, trainingCurves({ epochs: 8, stepsPerEpoch: 25, seed: 100 + i, acc: finals[i] }));
    await completeTrain(
      jobs.get(id)!,
      { accuracy: finals[i], macroF1: finals[i] - 0.02, kappa: 1.3 * finals[i] - 0.35, loss: 0.6 - i * 0.02 },
      370 + i * 5,
      0.95e9,
    );
  }
  const all = [ids.baseline, ids.plain, ids.noise, study.curves, ...study.seeds];
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(`/compare?ids=${all.join(",")}`);
  const picker = page.locator("[data-testid=metric-picker]");
  await picker.waitFor();
  const checked = () =>
    picker
      .locator("input[data-key]")
      .evaluateAll((is) =>
        is
          .filter((i) => (i as unknown as { checked: boolean }).checked)
          .map((i) => i.getAttribute("data-key")),
      );
  // The picker offers every key the runs logged; by default train/loss and val/<each metric>.
  expect(await picker.locator("input[data-key]").count()).toBe(11);
  expect((await checked()).sort()).toEqual(["train/loss", ...METRIC_NAMES.map((m) => `val/${m}`)].sort());
  await eventually(
    "the default charts",
    async () => (await page.locator("[data-testid^='compare-chart-'] [data-series-count]").count()) === 7,
  );
  expect(await page.locator("[data-testid='compare-chart-train/lr']").count()).toBe(0);

  // Only val/kappa: picked, charted, kept in the URL (a reload shows the same).
  await picker.locator("button:has-text('none')").click();
  await eventually(
    "no chart",
    async () => (await page.locator("[data-testid^='compare-chart-']").count()) === 0,
  );
  await eventually("keys=none in the URL", async () => page.url().includes("keys=none"));
  await picker.locator("input[data-key='val/kappa']").check();
  const kappa = page.locator("[data-testid='compare-chart-val/kappa'] [data-series-count]");
  await eventually(
    "val/kappa charted for its 4 runs",
    async () => (await kappa.getAttribute("data-series-count")) === "4",
  );
  await eventually("keys=val/kappa in the URL", async () =>
    decodeURIComponent(page.url()).includes("keys=val/kappa"),
  );
  expect(await page.locator("[data-testid^='compare-chart-']").count()).toBe(1);
  await picker.locator("input[data-key='train/lr']").check();
  await eventually(
    "train/lr charted",
    async () => (await page.locator("[data-testid^='compare-chart-']").count()) === 2,
  );
  // The URL keeps them in chart order (the metrics, then the learning rate).
  await eventually("both keys in the URL", async () =>
    decodeURIComponent(page.url()).includes("keys=val/kappa,train/lr"),
  );
  await page.reload();
  await eventually(
    "val/kappa after a reload",
    async () => (await kappa.getAttribute("data-series-count")) === "4",
  );
  expect((await checked()).sort()).toEqual(["train/lr", "val/kappa"]);
  await screenshot(page, "12-compare-picker");

  // 7 runs: the final-metrics table (a row per run) fits its card; the page never scrolls sideways.
  const metricsWrap = page.locator("[data-testid=compare-metrics-wrap]");
  expect(await page.locator("[data-testid=compare-metrics] tbody tr").count()).toBe(7);
  const fit = await metricsWrap.evaluate((el) => {
    const w = el as unknown as Box;
    return { scroll: w.scrollWidth, client: w.clientWidth };
  });
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
  // The config diff (a column per run) scrolls inside its card with the path column kept in view.
  const diffWrap = page.locator("[data-testid=config-diff-wrap]");
  expect(await diffWrap.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
  expect(
    await page
      .locator("[data-testid=config-diff] tbody th")
      .first()
      .evaluate((el) => getComputedStyle(el).position),
  ).toBe("sticky");
  const inCard = await diffWrap.evaluate((el) => {
    const w = el as unknown as Box;
    const card = (el as unknown as { parentElement: Box }).parentElement;
    return w.getBoundingClientRect().right <= card.getBoundingClientRect().right + 0.5;
  });
  expect(inCard).toBe(true);

  // Group seeds: the three seeds are one series (mean line, min–max band); the table shows mean ± std.
  await picker.locator("[data-testid=keys-default]").click();
  await eventually("default keys", async () => !page.url().includes("keys="));
  await page.locator("[data-testid=group-seeds]").check();
  await eventually("group in the URL", async () => page.url().includes("group=seeds"));
  const acc = page.locator("[data-testid='compare-chart-val/accuracy'] [data-series-count]");
  // baseline, plain, noise, the curves run and the seed group.
  await eventually("one grouped series", async () => (await acc.getAttribute("data-series-count")) === "5");
  expect(await acc.getAttribute("data-band-count")).toBe("1");
  expect(JSON.parse((await acc.getAttribute("data-series-names")) ?? "[]")).toContain(
    "loffta-seed-study (3 seeds) mean",
  );
  const grouped = page.locator("[data-testid=compare-metrics] tr[data-grouped=true]");
  expect(await grouped.count()).toBe(1);
  expect(await page.locator("[data-testid=compare-metrics] tbody tr").count()).toBe(5);
  expect(await grouped.locator("td[data-metric=accuracy]").textContent()).toBe("0.82 ± 0.02");
  expect(await grouped.textContent()).toContain("1, 2, 3");
  await screenshot(page, "12-compare-seeds");

  // A narrower window: still no sideways page scroll; every table fits its card or scrolls
  // inside it.
  await page.setViewportSize({ width: 900, height: 900 });
  await eventually(
    "narrow layout",
    async () => (await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")) === true,
  );
  const wraps = await page.locator(".table-wrap").evaluateAll((els) =>
    els.map((el) => {
      const w = el as unknown as Box;
      return { fits: w.scrollWidth <= w.clientWidth, scrolls: getComputedStyle(el).overflowX === "auto" };
    }),
  );
  expect(wraps.length).toBeGreaterThanOrEqual(4);
  for (const w of wraps) expect(w.fits || w.scrolls).toBe(true);
  await screenshot(page, "12-compare-narrow");
  await page.setViewportSize({ width: 1440, height: 900 });
});

test("no uncaught errors in the pages", () => {
  expect(pageErrors).toEqual([]);
});
