/**
 * The dashboard on runs the real wandb client logged (kind EXTERNAL): run table (kind filter and
 * label), run page (free-form config, console logs, charts), Compare — in Chromium, no page errors.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { wandbKeyFor } from "../../apps/api/src/wandb/mapping";
import { buildWebIfStale, eventually, launchBrowser, openSignedIn, requireChromium, startApi, startWeb, type Api, type WebServer } from "../web/harness";
import { ensureWandbClient, runClient, TRAIN_SCRIPT } from "./harness";

let api: Api;
let web: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let dir: string;
const pageErrors: string[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  requireChromium();
  const installMode = ensureWandbClient();
  api = await startApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-wandb-dash-"));
  const target = { baseUrl: `${api.base}/wandb`, key: wandbKeyFor(api.seed.token), dir, installMode };
  for (const name of ["ext-alpha", "ext-beta"]) {
    const r = await runClient(target, TRAIN_SCRIPT, { PROJECT: "wandb-dash", RUN_NAME: name, STEPS: "300" }).done;
    if (r.code !== 0) throw new Error(`wandb script failed:\n${r.output.slice(-3000)}`);
  }
  const d = await api.gql<{ runs: { edges: { node: { id: string; name: string } }[] } }>(`{ runs(filter: { kinds: [EXTERNAL] }) { edges { node { id name } } } }`);
  for (const e of d.runs.edges) ids[e.node.name] = e.node.id;
  await buildWebIfStale();
  web = await startWeb(api.base);
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 20 * 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(pathname: string): Promise<void> {
  await openSignedIn(page, `${web.url}${pathname}`, api.seed.token);
}

test("run table: the EXTERNAL kind filter lists the wandb runs with their label", async () => {
  expect(Object.keys(ids).sort()).toEqual(["ext-alpha", "ext-beta"]);
  await open("/runs?kind=EXTERNAL");
  await eventually("both runs", async () => (await page.locator("table").first().textContent())?.includes("ext-beta") === true);
  const table = (await page.locator("table").first().textContent()) ?? "";
  expect(table).toContain("ext-alpha");
  expect(table).toContain("External (W&B)");
}, 120_000);

test("run page: name, free-form config as logged, console logs, metric charts", async () => {
  await open(`/runs/${ids["ext-alpha"]}`);
  await eventually("the run name", async () => (await page.locator("[data-testid=run-name]").textContent()) === "ext-alpha");
  const config = (await page.locator("[data-testid=effective-config]").textContent()) ?? "";
  expect(config).toContain("as logged by the wandb client");
  expect(config).toContain("adamw");
  await eventually("console lines", async () => (await page.locator(".log-line").count()) > 0);
  expect(await page.locator(".log-line[data-level=ERROR]").first().textContent()).toContain("a warning on stderr");
  // One chart panel per quantity, with the logged points (loss, acc, lr, …, system metrics).
  await eventually("the curve panels", async () => Number(await page.locator("[data-testid=curve-panels]").getAttribute("data-panel-count")) > 0, 30_000);
  const names = await page.locator("[data-testid=curve-panels] [data-series-names]").evaluateAll((els) => els.map((e) => e.getAttribute("data-series-names") ?? ""));
  expect(names.join(" ")).toContain('"loss"');
  const counts = await page.locator("[data-testid=curve-panels] [data-point-count]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-point-count"))));
  expect(Math.max(...counts)).toBeGreaterThanOrEqual(300);
}, 120_000);

test("live: a script still training shows up and its curve grows on the open run page, then it finishes", async () => {
  const target = { baseUrl: `${api.base}/wandb`, key: wandbKeyFor(api.seed.token), dir, installMode: ensureWandbClient() };
  const script = runClient(target, TRAIN_SCRIPT, { PROJECT: "wandb-dash", RUN_NAME: "ext-live", STEPS: "150", SLEEP: "0.2" });
  const id = await eventually(
    "the live run in the API",
    async () => (await api.gql<{ runs: { edges: { node: { id: string; name: string } }[] } }>(`{ runs(filter: { kinds: [EXTERNAL] }) { edges { node { id name } } } }`)).runs.edges.find((e) => e.node.name === "ext-live")?.node.id,
    60_000,
  );
  await open(`/runs/${id}`);
  const points = async () => {
    const counts = await page.locator("[data-testid=curve-panels] [data-point-count]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-point-count"))));
    return counts.length ? Math.max(...counts) : 0;
  };
  await eventually("the first points while it runs", async () => (await points()) > 0 && (await page.locator("[data-testid=run-status]").textContent()) === "RUNNING", 60_000);
  const first = await points();
  expect(first).toBeLessThan(150);
  // No reload: the subscription brings the points as the script logs them.
  await eventually("more points without a reload", async () => (await points()) > first, 60_000);
  const r = await script.done;
  expect(r.code).toBe(0);
  await eventually("SUCCEEDED without a reload", async () => (await page.locator("[data-testid=run-status]").textContent()) === "SUCCEEDED", 60_000);
  await eventually("every point", async () => (await points()) >= 150, 30_000);
}, 240_000);

test("Compare: two external runs side by side", async () => {
  await open(`/compare?ids=${ids["ext-alpha"]},${ids["ext-beta"]}`);
  await eventually("the compared runs", async () => ((await page.locator("[data-testid=compare-runs]").textContent()) ?? "").includes("ext-beta"));
  expect((await page.locator("[data-testid=compare-runs]").textContent()) ?? "").toContain("ext-alpha");
}, 120_000);

test("no uncaught errors in the pages", () => {
  expect(pageErrors).toEqual([]);
});
