/**
 * The run page charts a run's system metrics (`system/*`, issue #17 item 3) in their own panels,
 * one unit per panel, next to its training curves, and shows its provenance. Real API, the built
 * dashboard, Chromium.
 */
import type { BrowserContext, Page } from "playwright-core";
import { insertCache, insertRun } from "../../apps/api/test/helpers";
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

let api: Api;
let web: WebServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  requireChromium();
  await buildWebIfStale();
  api = await startApi();
  web = await startWeb(api.base);
  browser = await launchBrowser();
  if (!(await apiAllowsCors(api.base, web.url)))
    await browser.context.route(`${api.base}/graphql`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), "access-control-allow-origin": "*" },
      });
    });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
});

async function open(pathname: string): Promise<void> {
  await openSignedIn(page, `${web.url}${pathname}`, api.seed.token);
}

test("system metrics get their own panels, percent and bytes apart, titled with their units", async () => {
  const run = await insertRun(api.db.prisma, api.seed.projectId, { name: "with-system-metrics" });
  const points: { key: string; step: number; value: number }[] = [];
  for (let step = 1; step <= 40; step++) points.push({ key: "train/loss", step, value: 1 / step });
  // Seconds since training started, every 5 s for 10 minutes: far past the 40 optimizer steps.
  for (let s = 0; s <= 600; s += 5) {
    points.push({ key: "system/cpu_percent", step: s, value: 150 + (s % 20) });
    points.push({ key: "system/rss_bytes", step: s, value: 400e6 + s * 1e5 });
  }
  await api.gql(
    `mutation($r: ID!, $p: [MetricPointInput!]!) { logMetrics(runId: $r, points: $p) { inserted } }`,
    {
      r: run.id,
      p: points,
    },
  );
  await open(`/runs/${run.id}`);
  const panels = page.locator("[data-testid=curve-panels]");
  await panels.waitFor();
  expect(
    await panels.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.getAttribute("data-testid"))),
  ).toEqual(["chart-loss", "chart-cpu_percent", "chart-rss_bytes"]);
  const names = async (id: string) =>
    JSON.parse(
      (await eventually(`chart ${id}`, () =>
        page.locator(`[data-testid=chart-${id}] [data-series-names]`).getAttribute("data-series-names"),
      )) ?? "[]",
    ) as string[];
  expect(await names("cpu_percent")).toEqual(["system/cpu_percent"]);
  expect(await names("rss_bytes")).toEqual(["system/rss_bytes"]);
  expect(await page.locator("[data-testid=chart-cpu_percent] figcaption").textContent()).toBe(
    "CPU (% of one core) vs seconds",
  );
  expect(await page.locator("[data-testid=chart-rss_bytes] figcaption").textContent()).toBe(
    "Memory RSS (bytes) vs seconds",
  );
  expect(
    await page.locator("[data-testid=chart-cpu_percent] [data-point-count]").getAttribute("data-point-count"),
  ).toBe("121");
  await screenshot(page, "run-system-panels");
});

test("the Provenance card shows the launching token and the versions the worker reported", async () => {
  // Launched through the API: launchedBy is the viewer's token name (launchRun records it).
  const { cache } = await insertCache(api.db.prisma, api.seed.teamId);
  const { launchRun } = await api.gql<{ launchRun: { id: string } }>(
    `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`,
    {
      i: { projectId: api.seed.projectId, name: "launched", kind: "LOFF_TA", cacheId: cache.id, config: {} },
    },
  );
  const launched = launchRun.id;
  const tokens = (await api.db.prisma.apiToken.findMany()).filter((t) => api.seed.token.startsWith(t.prefix));
  expect(tokens).toHaveLength(1);
  // Display: the versions as a worker's completeJob stores them (tests/e2e/system-metrics.test.ts
  // checks a real worker reports them).
  await api.db.prisma.run.update({
    where: { id: launched },
    data: {
      status: "SUCCEEDED",
      lofftaVersion: "0.1.0",
      gitCommit: "0123456789abcdef0123456789abcdef01234567",
      tfjsVersion: "4.22.0",
      tfjsNodeVersion: "4.22.0",
      tensorflowVersion: "2.9.1",
      nodeVersion: "v20.19.0",
    },
  });
  await open(`/runs/${launched}`);
  await page.locator("[data-testid=provenance]").waitFor();
  const shown = async (f: string) =>
    ((await page.locator(`[data-testid=trained-${f}]`).textContent()) ?? "").trim();
  expect(await shown("launched-by")).toBe(tokens[0]!.name);
  expect(await shown("loffta")).toBe("0.1.0 · 0123456789ab");
  expect(await shown("versions")).toBe(
    "Node v20.19.0 · tfjs-core 4.22.0 · tfjs-node 4.22.0 · TensorFlow 2.9.1",
  );
});
