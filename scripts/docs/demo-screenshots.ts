/**
 * Screenshots of the demo for docs/reproduction.md, taken in Debian Chromium from a running
 * `npm start` whose demo has finished: the Compare page of every demo run (seed groups,
 * efficiency against the demo's fine-tuning run, metric against cost), a LOFF-TA run's page
 * (its evaluation sample by sample and artifacts), the demo's report and the demo cache's page.
 *
 *   npm run docs:screenshots -- [--data .loffta] [--web http://localhost:3000] [--out docs/img]
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function shoot(page: Page, url: string, ready: string, file: string): Promise<void> {
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(1500); // charts animate in
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`screenshot: ${path.relative(ROOT, file)}\n`);
}

async function main(): Promise<void> {
  const dataDir = path.resolve(arg("data", path.join(ROOT, ".loffta")));
  const web = arg("web", `http://localhost:${process.env.WEB_PORT ?? 3000}`).replace(/\/$/, "");
  const out = path.resolve(arg("out", path.join(ROOT, "docs/img")));
  const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
  const state = JSON.parse(fs.readFileSync(path.join(dataDir, "demo.json"), "utf8")) as {
    runIds: string[];
    reportId?: string;
  };
  if (!state.reportId) throw new Error("the demo has not finished (no report in demo.json yet)");
  fs.mkdirSync(out, { recursive: true });

  const browser = await chromium.launch({
    executablePath: process.env.LOFFTA_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${web}/`);
    await page.fill("input[name=token]", token);
    await page.click("button[type=submit]");
    await page.locator("[data-testid=team-name]").waitFor();
    await shoot(
      page,
      `${web}/compare?ids=${state.runIds.join(",")}&group=seeds`,
      "[data-testid=compare-efficiency]",
      path.join(out, "demo-compare.png"),
    );
    // The first LOFF-TA run (DEMO_RUNS order: fine-tune, frozen, LOFF × 3, LOFF-TA × 3).
    await shoot(page, `${web}/runs/${state.runIds[5]}`, "h1", path.join(out, "demo-run-loff-ta.png"));
    await shoot(page, `${web}/reports/${state.reportId}`, "h1", path.join(out, "demo-report.png"));
    // The demo cache's page: build cost, reuse and break-even against the demo's fine-tuning run.
    await page.goto(`${web}/runs/${state.runIds[5]}`);
    const cacheHref = await page.locator("a[href^='/caches/']").first().getAttribute("href", { timeout: 60_000 });
    if (cacheHref) await shoot(page, `${web}${cacheHref}`, "[data-testid=cache-cost]", path.join(out, "demo-cache.png"));
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
