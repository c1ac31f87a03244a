/**
 * The dashboard's Settings page in a real browser (Debian Chromium, playwright-core) against the
 * built Next.js app and a real API on a fresh database (demo seed: an ADMIN token): the team's
 * tokens and members are listed; a token is issued (its secret shown once, copied to the
 * clipboard, working against the API), then revoked (the API refuses it); field errors show;
 * a member is added and removed; a READ token sees the lists but no controls.
 * Screenshots land in tests/artifacts/web/ (settings-*.png).
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

/** `me` with a token, or the first error code. */
async function meWith(secret: string): Promise<{ tokenName?: string; code?: string }> {
  const r = await fetch(api.server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: "{ me { tokenName } }" }),
  });
  const body = (await r.json()) as {
    data?: { me: { tokenName: string } };
    errors?: { extensions?: { code?: string } }[];
  };
  return body.errors?.length
    ? { code: body.errors[0]?.extensions?.code }
    : { tokenName: body.data?.me.tokenName };
}

async function signIn(token: string): Promise<void> {
  await openSignedIn(page, `${web.url}/settings`, token);
  await page.locator("[data-testid=tokens-table]").waitFor();
}

const row = (name: string) => page.locator(`[data-testid=tokens-table] tr[data-token-name="${name}"]`);

beforeAll(async () => {
  requireChromium();
  await buildWebIfStale();
  api = await startApi();
  web = await startWeb(api.base);
  browser = await launchBrowser();
  if (!(await apiAllowsCors(api.base, web.url))) {
    // As in dashboard.test.ts: without CORS headers from the API, add them in the browser.
    await browser.context.route(`${api.base}/graphql`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), "access-control-allow-origin": "*" },
      });
    });
  }
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: web.url });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.server.close();
  await api?.db.drop();
});

test("Settings is in the nav and lists the team's tokens and members", async () => {
  await signIn(api.seed.token);
  const nav = page.locator("nav[aria-label=Main] a[href='/settings']");
  expect(await nav.textContent()).toBe("Settings");
  expect(await nav.getAttribute("aria-current")).toBe("page");
  const demo = row("demo admin token");
  expect(await demo.getAttribute("data-state")).toBe("active");
  expect(await demo.textContent()).toContain("(this session)");
  expect(await demo.textContent()).toContain(api.seed.token.slice(0, 10));
  expect(await demo.textContent()).not.toContain(api.seed.token);
  expect(
    await page.locator("[data-testid=members-table] tr[data-member-email='demo@loffta.local']").count(),
  ).toBe(1);
});

test("a member is added; a token is issued to it: secret shown once and copied; then revoked", async () => {
  await signIn(api.seed.token);
  // Add a member.
  await page.fill("input[name=memberEmail]", "alice@example.com");
  await page.fill("input[name=memberName]", "Alice");
  await page.click("[data-testid=add-member-form] button[type=submit]");
  await page.locator("[data-testid=members-table] tr[data-member-email='alice@example.com']").waitFor();

  // Field errors come back from the API with their paths.
  await page.click("[data-testid=new-token-form] button[type=submit]");
  await page.locator("[data-testid=new-token-form] .field-error").first().waitFor();
  const errors = await page.locator("[data-testid=new-token-form] .field-error").allTextContents();
  expect(errors.join(" | ")).toMatch(/1–100 characters/);
  expect(errors.join(" | ")).toMatch(/at least one scope/);

  // Issue a MEMBER token to Alice.
  await page.fill("input[name=tokenName]", "alice laptop");
  await page.check("input[name=scope][value=MEMBER]");
  const aliceId = await page
    .locator("select[name=owner] option", { hasText: "alice@example.com" })
    .getAttribute("value");
  await page.selectOption("select[name=owner]", aliceId!);
  await page.click("[data-testid=new-token-form] button[type=submit]");
  const secretBox = page.locator("[data-testid=token-secret]");
  await secretBox.waitFor();
  const secret = (await secretBox.textContent())!.trim();
  expect(secret).toMatch(/^lft_[A-Za-z0-9_-]{32}$/);
  expect(await page.locator("[data-testid=new-token-secret]").textContent()).toMatch(/shown only this once/);
  await page.click("[data-testid=new-token-secret] button:has-text('Copy')");
  await page.locator("text=Copied to the clipboard.").waitFor();
  expect(await page.evaluate("navigator.clipboard.readText()")).toBe(secret);
  expect(await meWith(secret)).toEqual({ tokenName: "alice laptop" });
  await row("alice laptop").waitFor();
  expect(await row("alice laptop").textContent()).toContain("Alice");
  await screenshot(page, "settings-01-token-issued");

  // Dismissed, or after a reload, the secret is nowhere on the page.
  await page.click("[data-testid=new-token-secret] button:has-text('Done')");
  expect(await page.locator("[data-testid=token-secret]").count()).toBe(0);
  await page.reload();
  await row("alice laptop").waitFor();
  expect(await page.content()).not.toContain(secret);

  // Revoke it (two steps).
  await row("alice laptop").locator("button:has-text('Revoke')").click();
  await row("alice laptop").locator("button:has-text('Confirm revoke')").click();
  await eventually(
    "the token shown revoked",
    async () => (await row("alice laptop").getAttribute("data-state")) === "revoked",
  );
  expect(await row("alice laptop").locator("button").count()).toBe(0);
  expect(await meWith(secret)).toEqual({ code: "UNAUTHENTICATED" });

  // Remove the member.
  const alice = page.locator("[data-testid=members-table] tr[data-member-email='alice@example.com']");
  await alice.locator("button:has-text('Remove')").click();
  await alice.locator("button:has-text('Remove and revoke')").click();
  await eventually("alice removed", async () => (await alice.count()) === 0);
  await screenshot(page, "settings-02-revoked-removed");
  expect(pageErrors).toEqual([]);
});

test("a READ token sees the lists but no controls", async () => {
  const issued = await api.gql<{ createToken: { secret: string } }>(
    `mutation($i: CreateTokenInput!) { createToken(input: $i) { secret } }`,
    { i: { name: "wall display", scopes: ["READ"] } },
  );
  await signIn(api.seed.token);
  await page.click("text=Sign out");
  await signIn(issued.createToken.secret);
  expect(await row("wall display").textContent()).toContain("(this session)");
  expect(await page.locator("[data-testid=new-token-form]").count()).toBe(0);
  expect(await page.locator("[data-testid=add-member-form]").count()).toBe(0);
  expect(
    await page.locator("[data-testid=tokens-table] button, [data-testid=members-table] button").count(),
  ).toBe(0);
  await screenshot(page, "settings-03-read-only");
  await page.click("text=Sign out");
  expect(pageErrors).toEqual([]);
});
