/**
 * The Runs table (issue #17 item 5) in a real browser against the built app and a real API on a
 * fresh database (demo seed): a name search and a metric range from the filter bar (kept in the
 * query string), a server-side sort by a config column, and "Download CSV" of that view, whose
 * rows are checked against the seeded values. Screenshot: tests/artifacts/web/run-table.png.
 */
import fs from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import {
  apiAllowsCors,
  buildWebIfStale,
  eventually,
  launchBrowser,
  openSignedIn,
  parseCsv,
  requireChromium,
  screenshot,
  startApi,
  startWeb,
  type Api,
  type WebServer,
} from "./harness";

jest.setTimeout(180_000);

let api: Api;
let web: WebServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let page: Page;
const pageErrors: string[] = [];

// lr chosen so that text order ("0.003" < "0.2" < "10" < "7") differs from numeric order.
const SEEDS = [
  { name: "tbl-a", accuracy: 0.95, lr: 0.2 },
  { name: "tbl-b", accuracy: 0.8, lr: 10 },
  { name: "tbl-c", accuracy: 0.7, lr: 0.003 },
  { name: "tbl-d", accuracy: 0.72, lr: 7 },
  { name: "tbl-e", accuracy: 0.5, lr: 1 },
  { name: 'tbl-f, "=evil"', accuracy: 0.75, lr: 2 },
  { name: "other", accuracy: 0.8, lr: 3 },
];

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
  for (const s of SEEDS) {
    await api.db.prisma.run.create({
      data: {
        projectId: api.seed.projectId,
        name: s.name,
        kind: "LOFF_TA",
        status: "SUCCEEDED",
        config: { optimizer: { lr: s.lr } },
        finalMetrics: { accuracy: s.accuracy },
      },
    });
  }
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
});

async function open(pathname: string): Promise<void> {
  await openSignedIn(page, `${web.url}${pathname}`, api.seed.token);
}

const rowNames = () => page.locator("[data-testid=runs-table] tbody tr td:nth-child(2) a").allTextContents();


test("filter by name and a metric range, sort by a config path, download the CSV", async () => {
  await open("/runs?q=TBL-&cols=optimizer.lr&metrics=accuracy");
  const matching = SEEDS.filter((s) => s.name.startsWith("tbl-"));
  await eventually("the name-filtered rows", async () => (await rowNames()).length === matching.length);

  // Metric range from the filter bar: 0.7 ≤ accuracy ≤ 0.8 (inclusive).
  const form = page.locator("[data-testid=range-filters] form");
  await form.locator("select[name=rangeKey]").selectOption("accuracy");
  await form.locator("input[name=rangeMin]").fill("0.7");
  await form.locator("input[name=rangeMax]").fill("0.8");
  await page.click("[data-testid=add-range]");
  await eventually(
    "the range in the URL",
    async () => new URL(page.url()).searchParams.get("m") === "accuracy:0.7:0.8",
  );
  const inRange = matching.filter((s) => s.accuracy >= 0.7 && s.accuracy <= 0.8);
  await eventually("the range-filtered rows", async () => (await rowNames()).length === inRange.length);

  // Sort by the config column, ascending (the first click sorts descending).
  const sortButton = page.locator('[data-testid=runs-table] th button.sort[title="optimizer.lr"]');
  await sortButton.click();
  await eventually(
    "config sort desc in the URL",
    async () => new URL(page.url()).searchParams.get("dir") === "desc",
  );
  await sortButton.click();
  await eventually(
    "config sort asc in the URL",
    async () => new URL(page.url()).searchParams.get("dir") === "asc",
  );
  const want = [...inRange].sort((a, b) => a.lr - b.lr).map((s) => s.name);
  await eventually(
    "the rows in numeric lr order",
    async () => JSON.stringify(await rowNames()) === JSON.stringify(want),
  );
  expect(new URL(page.url()).searchParams.get("sort")).toBe("config:optimizer.lr");
  await screenshot(page, "run-table");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("[data-testid=download-csv]"),
  ]);
  expect(download.suggestedFilename()).toBe("runs.csv");
  const file = await download.path();
  const rows = parseCsv(fs.readFileSync(file!, "utf8"));
  const header = rows[0];
  expect(header).toEqual(expect.arrayContaining(["id", "name", "optimizer.lr", "accuracy"]));
  const col = (n: string) => header.indexOf(n);
  const body = rows.slice(1);
  expect(body.map((r) => r[col("name")])).toEqual(want);
  for (const r of body) {
    const s = SEEDS.find((x) => x.name === r[col("name")])!;
    expect(Number(r[col("optimizer.lr")])).toBe(s.lr);
    expect(Number(r[col("accuracy")])).toBe(s.accuracy);
  }
  await eventually("the CSV note", async () =>
    /CSV of 4 runs/.test((await page.locator("[data-testid=csv-state]").textContent()) ?? ""),
  );

  // Save the view for the team: it is stored by the API (not in this browser) and listed again
  // after clearing the browser's storage.
  await page.fill("input[placeholder='name this view']", "good lr order");
  await page.click("[data-testid=save-view]");
  await page.locator(".saved-views a:has-text('good lr order')").waitFor();
  const stored = await api.gql<{ savedViews: { name: string; query: string }[] }>(
    `{ savedViews { name query } }`,
  );
  const view = stored.savedViews.find((v) => v.name === "good lr order");
  expect(new URLSearchParams(view?.query).get("m")).toBe("accuracy:0.7:0.8");
  expect(new URLSearchParams(view?.query).get("sort")).toBe("config:optimizer.lr");
  await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { removeItem(k: string): void } }).localStorage.removeItem(
      "loffta.savedViews",
    ),
  );
  await api.gql(`mutation($input: SaveViewInput!) { saveView(input: $input) { id } }`, {
    input: { name: "from the API", query: "q=tbl-c" },
  });
  await open("/runs");
  await page.locator(".saved-views a:has-text('from the API')").waitFor();
  expect(await page.locator(".saved-views a:has-text('from the API')").getAttribute("href")).toBe(
    "/runs?q=tbl-c",
  );
  expect(pageErrors).toEqual([]);
});

/**
 * Until the page's runUpdated subscription is registered on the server (a connected socket does
 * not mean that yet): rename the run (`name` + " ·n") until a rename shows, then restore `name`.
 */
async function subscribed(runId: string, name: string): Promise<void> {
  const rename = (to: string) => api.gql(`mutation($id: ID!, $n: String!) { updateRun(id: $id, input: { name: $n }) { id } }`, { id: runId, n: to });
  let n = 0;
  await eventually("the page's subscription registered", async () => {
    await rename(`${name} ·${++n}`);
    await new Promise((r) => setTimeout(r, 300));
    return (await page.locator("body").textContent())?.includes(`${name} ·${n}`) ?? false;
  });
  await rename(name);
  await eventually("the name restored", async () => (await page.locator("body").textContent())?.includes(`${name} ·`) === false);
}

test("rows update live: a rename and a cancellation patch their rows, a run the view had not loaded appears, a deleted one goes, without a reload", async () => {
  const queued = await api.db.prisma.run.create({
    data: { projectId: api.seed.projectId, name: "live-queued", kind: "LOFF_TA", status: "QUEUED", config: {} },
  });
  await open("/runs?q=live-");
  await eventually("the queued run listed", async () => (await rowNames()).includes("live-queued"));
  await eventually("the table live", async () => (await page.locator("[data-testid=runs-live]").textContent()) === "live");
  await subscribed(queued.id, "live-queued");
  // A page reload would drop this marker.
  await page.evaluate(() => ((globalThis as unknown as { liveMarker: number }).liveMarker = 1));
  const rowOf = (name: string) => page.locator("[data-testid=runs-table] tbody tr", { has: page.locator(`td:nth-child(2) a`, { hasText: name }) });

  // Another client cancels the run (MEMBER token, through the API): its status changes in place.
  await api.gql(`mutation($id: ID!) { cancelRun(id: $id) { id status } }`, { id: queued.id });
  await eventually("the row CANCELLED", async () => /CANCELLED/i.test((await rowOf("live-queued").textContent()) ?? ""));
  // A rename: the same row, the new name.
  await api.gql(`mutation($id: ID!) { updateRun(id: $id, input: { name: "live-queued (renamed)" }) { id } }`, { id: queued.id });
  await eventually("the row renamed", async () => (await rowNames()).includes("live-queued (renamed)"));
  expect(await rowNames()).not.toContain("live-queued");

  // A run the view never loaded (stored without an announcement), then announced by a change:
  // the view reloads from the server, which places it.
  const other = await api.db.prisma.run.create({
    data: { projectId: api.seed.projectId, name: "unlisted", kind: "LOFF_TA", status: "QUEUED", config: {} },
  });
  await api.gql(`mutation($id: ID!) { updateRun(id: $id, input: { name: "live-new" }) { id } }`, { id: other.id });
  await eventually("the new run listed", async () => (await rowNames()).includes("live-new"));
  // Deleted by another client (runsDeleted): the row and the count go.
  await api.gql(`mutation($id: ID!) { deleteRun(id: $id) }`, { id: other.id });
  await eventually("the deleted run gone", async () => !(await rowNames()).includes("live-new"));
  expect(await page.locator("[data-testid=runs-count]").textContent()).toMatch(/^1 runs/);
  expect(await page.evaluate(() => (globalThis as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
  expect(pageErrors).toEqual([]);
  await screenshot(page, "run-table-live");
});

test("a run page says so when the run is deleted elsewhere (runsDeleted)", async () => {
  const run = await api.db.prisma.run.create({
    data: { projectId: api.seed.projectId, name: "doomed", kind: "LOFF_TA", status: "SUCCEEDED", config: {}, finalMetrics: { accuracy: 0.5 } },
  });
  await open(`/runs/${run.id}`);
  await page.locator("[data-testid=run-name]").waitFor();
  await subscribed(run.id, "doomed");
  expect(await page.locator("[data-testid=run-deleted]").count()).toBe(0);
  await api.gql(`mutation($id: ID!) { deleteRun(id: $id) }`, { id: run.id });
  await page.locator("[data-testid=run-deleted]").waitFor({ timeout: 15_000 });
  expect(await page.locator("[data-testid=run-deleted]").textContent()).toContain("This run was deleted");
  expect(pageErrors).toEqual([]);
  await screenshot(page, "run-deleted-elsewhere");
});
