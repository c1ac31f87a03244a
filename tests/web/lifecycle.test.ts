/**
 * Run lifecycle and the Queue page (issue #17) in a real browser (Debian Chromium,
 * playwright-core) against the built Next.js app and a real API on a fresh database (demo seed):
 * bulk tag, archive (the "archived runs" toggle) and delete from the Runs table (a live run is
 * refused); rename, tag editing, unarchive and retry on the run page; the Queue page lists the
 * team's jobs (refreshed), cancels a queued job and retries it.
 * Screenshots land in tests/artifacts/web/ (lifecycle-*.png).
 */
import type { BrowserContext, Page } from "playwright-core";
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
const pageErrors: string[] = [];
const runs: Record<"alpha" | "beta" | "gamma" | "delta", string> = {
  alpha: "",
  beta: "",
  gamma: "",
  delta: "",
};

async function open(pathname: string): Promise<void> {
  await openSignedIn(page, `${web.url}${pathname}`, api.seed.token);
}

const runRow = (id: string) => page.locator(`[data-testid=runs-table] tr[data-run-id="${id}"]`);
const select = (id: string) => runRow(id).locator("input[type=checkbox]").check();

async function launch(name: string, cacheId: string): Promise<string> {
  const d = await api.gql<{ launchRun: { id: string } }>(
    `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }`,
    { input: { projectId: api.seed.projectId, name, kind: "LOFF_TA", config: { epochs: 1 }, cacheId } },
  );
  return d.launchRun.id;
}

async function finish(id: string): Promise<void> {
  await api.db.prisma.job.updateMany({ where: { runId: id }, data: { status: "SUCCEEDED" } });
  await api.db.prisma.run.update({
    where: { id },
    data: { status: "SUCCEEDED", finalMetrics: { accuracy: 0.8 } },
  });
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

  const p = api.db.prisma;
  const teamId = api.seed.teamId;
  const dataset = await p.dataset.create({
    data: {
      teamId,
      name: "pets",
      rootUri: "/data/pets",
      layout: "IMAGE_FOLDER",
      classNames: ["cat", "dog"],
      splitCounts: { train: 8, val: 2 },
      status: "READY",
    },
  });
  const model = await p.foundationModel.create({
    data: {
      teamId,
      name: "dinov2-s",
      family: "DINOV2",
      patchSize: 14,
      embedDim: 384,
      depth: 12,
      heads: 6,
      defaultImageSize: 224,
      mean: [],
      std: [],
      weightsUri: "/w/dinov2-s",
    },
  });
  const cache = await p.featureCache.create({
    data: { datasetId: dataset.id, modelId: model.id, resolution: 224, layer: 12, status: "READY" },
  });
  for (const name of ["alpha", "beta", "gamma", "delta"] as const) runs[name] = await launch(name, cache.id);
  await finish(runs.alpha);
  await finish(runs.beta);
  await finish(runs.delta);
  // gamma stays QUEUED with its TRAIN job.
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
});

test("Runs table: bulk tag, archive (hidden until 'archived runs'), delete; a live run is refused", async () => {
  await open("/runs");
  await runRow(runs.alpha).waitFor();
  await select(runs.alpha);
  await select(runs.beta);
  await page.locator("[data-testid=bulk-actions]").waitFor();
  await page.fill("input[name=bulkTag]", "sweep-1");
  await page.click("[data-testid=bulk-tag]");
  await eventually("the tags on both rows", async () => {
    const a = await runRow(runs.alpha).locator(".tag").allTextContents();
    const b = await runRow(runs.beta).locator(".tag").allTextContents();
    return a.includes("sweep-1") && b.includes("sweep-1");
  });
  expect((await api.db.prisma.run.findUniqueOrThrow({ where: { id: runs.beta } })).tags).toEqual(["sweep-1"]);

  // Archive both: they leave the list.
  await select(runs.alpha);
  await select(runs.beta);
  await screenshot(page, "lifecycle-runs-selected");
  await page.click("[data-testid=bulk-archive]");
  await eventually(
    "archived rows gone",
    async () => (await runRow(runs.alpha).count()) === 0 && (await runRow(runs.beta).count()) === 0,
  );
  expect(await runRow(runs.gamma).count()).toBe(1);
  expect(
    (await api.db.prisma.run.findUniqueOrThrow({ where: { id: runs.alpha } })).archivedAt,
  ).not.toBeNull();

  // The toggle shows the archived runs only.
  // (A controlled checkbox that follows the URL: click, then wait for the URL.)
  await page.click("[data-testid=show-archived]");
  await page.waitForURL((u) => u.searchParams.get("archived") === "1");
  await runRow(runs.alpha).waitFor();
  expect(await runRow(runs.beta).count()).toBe(1);
  expect(await runRow(runs.gamma).count()).toBe(0);
  expect(await page.locator("[data-testid=runs-count]").textContent()).toContain("2 archived runs");
  await screenshot(page, "lifecycle-runs-archived");

  // Delete beta (two steps).
  await select(runs.beta);
  await page.click("[data-testid=bulk-delete]");
  await page.click("[data-testid=bulk-delete-confirm]");
  await eventually("beta deleted", async () => (await runRow(runs.beta).count()) === 0);
  expect(await api.db.prisma.run.count({ where: { id: runs.beta } })).toBe(0);

  // The live (queued) run is refused with the API's CONFLICT message; nothing is deleted.
  await page.click("[data-testid=show-archived]");
  await page.waitForURL((u) => !u.searchParams.has("archived"));
  await runRow(runs.gamma).waitFor();
  await select(runs.gamma);
  await page.click("[data-testid=bulk-delete]");
  await page.click("[data-testid=bulk-delete-confirm]");
  const err = await page.locator("[data-testid=bulk-error]").textContent();
  expect(err).toMatch(/cancel it first/);
  expect(await api.db.prisma.run.count({ where: { id: runs.gamma } })).toBe(1);
  await screenshot(page, "lifecycle-runs-delete-refused");
});

test("Run page: rename, add and remove tags, unarchive", async () => {
  await open(`/runs/${runs.alpha}`);
  await page.locator("[data-testid=run-lifecycle]").waitFor();
  await page.locator("[data-testid=run-archived]").waitFor();
  await page.fill("input[name=runName]", "alpha renamed");
  await page.click("[data-testid=rename-form] button[type=submit]");
  await eventually(
    "the new name",
    async () => (await page.locator("[data-testid=run-name]").textContent()) === "alpha renamed",
  );
  // An empty name: the API's field error shows.
  await page.fill("input[name=runName]", "   ");
  await page.click("[data-testid=rename-form] button[type=submit]");
  expect(await page.locator("[data-testid=run-action-error]").textContent()).toContain("input.name");

  await page.fill("input[name=newTag]", "best");
  await page.press("input[name=newTag]", "Enter");
  await page.locator("[data-testid=tag-editor] [data-tag=best]").waitFor();
  // The next action clears the last error.
  expect(await page.locator("[data-testid=run-action-error]").count()).toBe(0);
  await page.click("[data-testid=tag-editor] button[aria-label='remove tag sweep-1']");
  await eventually(
    "sweep-1 removed",
    async () => (await page.locator("[data-testid=tag-editor] [data-tag=sweep-1]").count()) === 0,
  );
  await page.click("[data-testid=run-unarchive]");
  await page.locator("[data-testid=run-archive]").waitFor();
  await screenshot(page, "lifecycle-run-page");
  const r = await api.db.prisma.run.findUniqueOrThrow({ where: { id: runs.alpha } });
  expect(r).toMatchObject({ name: "alpha renamed", tags: ["best"], archivedAt: null });
  // After a reload, as stored.
  await page.reload();
  await eventually(
    "the stored name",
    async () => (await page.locator("[data-testid=run-name]").textContent()) === "alpha renamed",
  );
  expect(
    await page
      .locator("[data-testid=tag-editor] [data-tag]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-tag"))),
  ).toEqual(["best"]);
});

test("Queue page: jobs listed and refreshed; cancel a queued job, retry it; retry from the run page", async () => {
  await open("/queue");
  const nav = page.locator("nav[aria-label=Main] a[href='/queue']");
  expect(await nav.textContent()).toBe("Queue");
  expect(await nav.getAttribute("aria-current")).toBe("page");
  const job = await api.db.prisma.job.findFirstOrThrow({ where: { runId: runs.gamma } });
  const row = page.locator(`[data-testid=jobs-table] tr[data-job-id="${job.id}"]`);
  await row.waitFor();
  expect(await row.getAttribute("data-job-status")).toBe("QUEUED");
  expect(await row.textContent()).toContain("run gamma");
  expect(await page.locator("[data-testid=jobs-table] tbody tr").count()).toBe(3); // alpha, gamma, delta (beta deleted)

  // Refreshed without a reload: a change in the database shows up.
  await api.db.prisma.job.updateMany({ where: { runId: runs.delta }, data: { lastError: "disk full" } });
  await eventually(
    "the refreshed error",
    async () => (await page.locator("[data-testid=jobs-table]").textContent())?.includes("disk full"),
    10_000,
  );

  // Filter by status.
  const queuedChip = page.locator("label.chip", { hasText: "queued" }).locator("input");
  await queuedChip.click();
  await page.waitForURL((u) => u.searchParams.get("status") === "QUEUED");
  const rowCount = () => page.locator("[data-testid=jobs-table] tbody tr").count();
  await eventually("only queued jobs", async () => (await rowCount()) === 1);
  await queuedChip.click();
  await page.waitForURL((u) => !u.searchParams.has("status"));
  await eventually("every job again", async () => (await rowCount()) === 3);

  await row.locator("[data-testid=job-cancel]").click();
  await eventually("cancelled", async () => (await row.getAttribute("data-job-status")) === "CANCELLED");
  expect((await api.db.prisma.run.findUniqueOrThrow({ where: { id: runs.gamma } })).status).toBe("CANCELLED");
  await screenshot(page, "lifecycle-queue-cancelled");

  await row.locator("[data-testid=job-retry]").click();
  const retried = await eventually("a new run's job", async () =>
    api.db.prisma.run.findFirstOrThrow({ where: { name: "gamma", id: { not: runs.gamma } } }),
  );
  expect(retried.status).toBe("QUEUED");
  const newRow = page.locator(`[data-testid=jobs-table] tr[data-run-id="${retried.id}"]`);
  await newRow.waitFor();
  expect(await newRow.getAttribute("data-job-status")).toBe("QUEUED");
  await screenshot(page, "lifecycle-queue-retried");

  // Retry from the run page of the cancelled run: a new run page opens.
  await open(`/runs/${runs.gamma}`);
  await page.click("[data-testid=run-retry]");
  await page.waitForURL((u) => u.pathname.startsWith("/runs/") && !u.pathname.endsWith(runs.gamma));
  await eventually(
    "the new run",
    async () => (await page.locator("[data-testid=run-name]").textContent()) === "gamma",
  );
  expect(await page.locator("[data-testid=run-status]").textContent()).toBe("QUEUED");
  expect(await api.db.prisma.run.count({ where: { name: "gamma" } })).toBe(3);
  await screenshot(page, "lifecycle-run-retried");
  expect(pageErrors).toEqual([]);
});
