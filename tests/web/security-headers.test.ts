/**
 * The dashboard's security headers and links, in Debian Chromium against the built app
 * (docs/security.md, "Dashboard"):
 *  - every page is served with a Content-Security-Policy (a fresh script nonce per response, no
 *    'unsafe-inline' scripts, frame-ancestors 'none', object-src 'none', base-uri 'self',
 *    connect-src: the API's HTTP and WebSocket origin), X-Content-Type-Options nosniff (static
 *    assets too), Referrer-Policy and X-Frame-Options;
 *  - the real pages work under it: sign-in, a live (WebSocket) page and a report render with no
 *    CSP violation and no page error, and the page cannot be framed;
 *  - a report's markdown links: only same-origin paths and http(s) URLs are links (absolute ones
 *    rel="noopener noreferrer"), `//evil.example`, `/\evil.example`, `javascript:` … are text;
 *  - `npm run serve -w @loffta/web` (what `npm start` runs) listens on 127.0.0.1 only by default
 *    and sends the same headers.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { freePort } from "@loffta/db";
import {
  cleanEnv,
  externalAddresses,
  accepts,
  listeningAddresses,
  spawnNode,
} from "../security/host-fixture";
import { waitUntil } from "../support/processes";
import {
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
let dataDir: string;
const violations: string[] = [];
const pageErrors: string[] = [];

/** The directives of a policy: name → its values. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** What every dashboard response must carry; returns the policy's script nonce. */
function expectSecurityHeaders(h: Headers, apiBase: string): string {
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("referrer-policy")).toBe("no-referrer");
  expect(h.get("x-frame-options")).toBe("DENY");
  const csp = h.get("content-security-policy") ?? "";
  const d = directives(csp);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'self'"]);
  expect(d.get("form-action")).toEqual(["'self'"]);
  expect(d.get("default-src")).toEqual(["'self'"]);
  const api = new URL(apiBase);
  expect(d.get("connect-src")).toEqual(expect.arrayContaining(["'self'", api.origin, `ws://${api.host}`]));
  const scripts = d.get("script-src") ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  const nonce = scripts.find((s) => s.startsWith("'nonce-"));
  expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
  return nonce!.slice(7, -1);
}

beforeAll(async () => {
  requireChromium();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-web-sec-"));
  // The API of startApi reads datasets from here (its storage roots, where configured).
  process.env.LOFFTA_STORAGE_ROOTS = dataDir;
  await buildWebIfStale();
  api = await startApi();
  web = await startWeb(api.base);
  browser = await launchBrowser();
  // Every CSP violation the page reports, from before its first script runs.
  await browser.context.addInitScript(() => {
    const w = globalThis as unknown as {
      __csp: string[];
      addEventListener: (
        t: string,
        f: (e: { violatedDirective: string; blockedURI: string }) => void,
      ) => void;
    };
    w.__csp = [];
    w.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
  delete process.env.LOFFTA_STORAGE_ROOTS;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The violations the current page reported (its own event log and the browser's console). */
async function pageViolations(): Promise<string[]> {
  const own = await page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []);
  return [...own, ...violations];
}

async function signIn(pathname: string): Promise<void> {
  await openSignedIn(page, `${web.url}${pathname}`, api.seed.token);
}

test("pages and static assets carry the headers; the policy's nonce is fresh per response and on every script", async () => {
  const first = await fetch(`${web.url}/`);
  const nonce = expectSecurityHeaders(first.headers, api.base);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const second = await fetch(`${web.url}/runs`);
  expect(expectSecurityHeaders(second.headers, api.base)).not.toBe(nonce);
  expectSecurityHeaders((await fetch(`${web.url}/api/config`)).headers, api.base);

  const asset = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeDefined();
  const a = await fetch(`${web.url}${asset}`);
  expect(a.status).toBe(200);
  expect(a.headers.get("x-content-type-options")).toBe("nosniff");
});

test("the real pages work under the policy: sign-in, a live WebSocket page, a report — no violation, no page error", async () => {
  // A cache being extracted: the Feature caches page follows its progress over the WebSocket.
  for (const split of ["train", "val"])
    for (const cls of ["cat", "dog"]) {
      fs.mkdirSync(path.join(dataDir, "pets", split, cls), { recursive: true });
      fs.writeFileSync(path.join(dataDir, "pets", split, cls, "0.png"), Buffer.alloc(64));
    }
  fs.mkdirSync(path.join(dataDir, "models"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "models", "m.onnx"), "");
  const { registerDataset } = await api.gql<{ registerDataset: { id: string } }>(
    `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`,
    { i: { name: "pets", rootUri: path.join(dataDir, "pets"), layout: "IMAGE_FOLDER" } },
  );
  const { registerFoundationModel } = await api.gql<{ registerFoundationModel: { id: string } }>(
    `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
    {
      i: {
        name: "vit",
        family: "DINOV2",
        patchSize: 14,
        embedDim: 384,
        depth: 12,
        heads: 6,
        defaultImageSize: 224,
        weightsUri: path.join(dataDir, "models", "m.onnx"),
      },
    },
  );
  const { requestFeatureCache } = await api.gql<{ requestFeatureCache: { id: string } }>(
    `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
    { i: { datasetId: registerDataset.id, modelId: registerFoundationModel.id, resolution: 224 } },
  );

  const sockets: string[] = [];
  page.on("websocket", (ws) => sockets.push(ws.url()));
  await signIn("/");
  await signIn("/caches");
  const row = page.locator(`tr[data-cache-id="${requestFeatureCache.id}"]`);
  await eventually(
    "the cache's progress subscription live",
    async () => (await row.locator("[data-live]").getAttribute("data-live")) === "live",
  );
  expect(sockets).toContainEqual(
    expect.stringMatching(new RegExp(`^ws://${new URL(api.base).host}/graphql`)),
  );
  await screenshot(page, "security-caches-live");
  expect(await pageViolations()).toEqual([]);

  // A run (queued on that cache): its page follows the curves and the log live; charts render.
  const { launchRun } = await api.gql<{ launchRun: { id: string } }>(
    `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`,
    {
      i: {
        projectId: api.seed.projectId,
        cacheId: requestFeatureCache.id,
        name: "csp-run",
        kind: "LOFF",
        config: {},
      },
    },
  );
  await signIn(`/runs/${launchRun.id}`);
  await eventually(
    "the run's curves live",
    async () => (await page.locator("[data-testid=curves]").getAttribute("data-live")) === "live",
  );
  expect(await pageViolations()).toEqual([]);
  // Every other page of the dashboard, as a signed-in user opens it.
  for (const pathname of [
    "/runs",
    `/compare?ids=${launchRun.id}`,
    "/launch",
    "/datasets",
    "/models",
    "/reports",
  ]) {
    await signIn(pathname);
    await page.waitForLoadState("networkidle");
    expect([pathname, await pageViolations()]).toEqual([pathname, []]);
  }

  // A report whose markdown holds links of every kind.
  const markdown = [
    "# Links",
    "",
    "Internal [run list](/runs) and [section](#results); external [paper](https://arxiv.org/abs/2410.00001).",
    "",
    "- [slashes](//evil.example/a)",
    "- [backslash](/\\evil.example/b)",
    "- [double backslash](\\\\evil.example/c)",
    "- [script](javascript:alert(1))",
    "- [mixed case](JaVaScRiPt:alert(2))",
    "- [scheme only](https:evil.example)",
    "- [data](data:text/html,x)",
  ].join("\n");
  const { publishReport } = await api.gql<{ publishReport: { id: string } }>(
    `mutation($i: PublishReportInput!) { publishReport(input: $i) { id } }`,
    {
      i: {
        projectId: api.seed.projectId,
        name: "links",
        metric: "accuracy",
        markdown,
        results: [],
        runIds: [],
      },
    },
  );
  await signIn(`/reports/${publishReport.id}`);
  const md = page.locator("[data-testid=report-markdown] .markdown");
  await md.locator("h2").first().waitFor();
  const links = await md
    .locator("a")
    .evaluateAll((as) =>
      as.map((a) => ({
        text: a.textContent,
        href: a.getAttribute("href"),
        rel: a.getAttribute("rel"),
        target: a.getAttribute("target"),
      })),
    );
  expect(links).toEqual([
    { text: "run list", href: "/runs", rel: null, target: null },
    { text: "section", href: "#results", rel: null, target: null },
    { text: "paper", href: "https://arxiv.org/abs/2410.00001", rel: "noopener noreferrer", target: "_blank" },
  ]);
  const items = await md.locator("li").allTextContents();
  expect(items).toEqual([
    "[slashes](//evil.example/a)",
    "[backslash](/\\evil.example/b)",
    "[double backslash](\\\\evil.example/c)",
    "[script](javascript:alert(1))",
    "[mixed case](JaVaScRiPt:alert(2))",
    "[scheme only](https:evil.example)",
    "[data](data:text/html,x)",
  ]);
  await screenshot(page, "security-report-links");
  expect(await pageViolations()).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("the dashboard cannot be framed by another page (frame-ancestors 'none')", async () => {
  // A page of another origin (a real local server: a page the browser thinks public may not
  // frame a local one at all) that frames the dashboard next to a control frame of its own.
  const http = await import("node:http");
  const framer = http.createServer((req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(
      req.url === "/control"
        ? "<p id=control>framed</p>"
        : `<iframe id="control" src="/control"></iframe><iframe id="dashboard" src="${web.url}/"></iframe>`,
    );
  });
  await new Promise<void>((r) => framer.listen(0, "127.0.0.1", () => r()));
  const framing = await browser.context.newPage();
  try {
    const failed: string[] = [];
    framing.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
    await framing.goto(`http://127.0.0.1:${(framer.address() as { port: number }).port}/`);
    const frameOf = (prefix: string) =>
      framing.frames().find((f) => f !== framing.mainFrame() && f.url().startsWith(prefix));
    await waitUntil(
      "the control frame",
      async () => ((await frameOf("http://127.0.0.1")?.locator("#control").count()) ?? 0) > 0,
      15_000,
      100,
    );
    const dashboardIn = async () => {
      const f = framing
        .frames()
        .find(
          (x) =>
            x.name() === "dashboard" || x.url().startsWith(web.url) || x.url().startsWith("chrome-error:"),
        );
      return (
        (await f
          ?.locator("[data-testid=team-name], form input[name=token]")
          .count()
          .catch(() => 0)) ?? 0
      );
    };
    // Either the browser refuses the dashboard's frame (its error page) or the dashboard shows in it.
    await waitUntil(
      "the dashboard's frame refused or loaded",
      async () => !!frameOf("chrome-error:") || (await dashboardIn()) > 0,
      15_000,
      100,
    );
    expect(await dashboardIn()).toBe(0);
    expect(frameOf("chrome-error:")).toBeDefined();
    // Refused for its policy, not by the browser's local-network checks.
    expect(failed.filter((f) => /LOCAL_NETWORK/.test(f))).toEqual([]);
  } finally {
    await framing.close();
    framer.close();
  }
});

test("`npm run serve -w @loffta/web` listens on 127.0.0.1 only by default, with the same headers", async () => {
  const port = await freePort();
  const serve = spawnNode(
    ["apps/web/scripts/serve.mjs"],
    cleanEnv({ PORT: String(port), LOFFTA_API_URL: api.base, NEXT_TELEMETRY_DISABLED: "1" }),
  );
  try {
    await waitUntil(
      "the dashboard served by serve.mjs",
      async () => {
        if (serve.child.exitCode !== null)
          throw new Error(`serve.mjs exited ${serve.child.exitCode}: ${serve.output()}`);
        return (await fetch(`http://127.0.0.1:${port}/api/config`).catch(() => null))?.ok === true;
      },
      120_000,
      250,
    );
    expect(listeningAddresses(port)).toEqual(["127.0.0.1"]);
    for (const addr of externalAddresses()) expect(await accepts(addr, port)).toBe(false);
    expect(serve.output()).toContain(`web: next start on 127.0.0.1:${port}`);
    expectSecurityHeaders((await fetch(`http://127.0.0.1:${port}/`)).headers, api.base);
  } finally {
    await serve.stop();
  }
});
