/**
 * Browser-test harness: a real API server (fresh database, demo seed), the built Next.js
 * dashboard (`next start`) and Debian Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { freePort, seedDemo, type DemoSeed } from "@loffta/db";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startApiServer, type ApiServer } from "../../apps/api/src/server";
import type { ObjectStore } from "@loffta/graphql/object-store";
import { TEST_STORAGE_ROOTS } from "../e2e/harness";

export const ROOT = path.resolve(__dirname, "../..");
export const WEB = path.join(ROOT, "apps/web");
export const ARTIFACTS = path.join(ROOT, "tests/artifacts/web");
export const CHROMIUM = process.env.LOFFTA_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Fails (never skips) when Chromium is missing. */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the dashboard's browser tests need it. Install it with ` +
        "`apt-get install -y chromium` (Debian) or point LOFFTA_CHROMIUM at a Chromium binary. Never `npx playwright install`.",
    );
  }
}

function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${args.join(" ")} exited with ${code}:\n${out.slice(-6000)}`));
    });
  });
}

/** `next build` only when .next/BUILD_ID is missing or older than the sources (apps/web/scripts/serve.mjs). */
export async function buildWebIfStale(): Promise<void> {
  await runNode(
    ["scripts/serve.mjs", "--build-only"],
    WEB,
    { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    12 * 60_000,
  );
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWeb(apiUrl: string): Promise<WebServer> {
  const port = await freePort();
  const nextBin = require.resolve("next/dist/bin/next", { paths: [WEB] });
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: WEB,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        LOFFTA_API_URL: apiUrl,
        PORT: String(port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}/api/config`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`next start not ready after 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

export interface Api {
  server: ApiServer;
  /** http://127.0.0.1:port (no /graphql). */
  base: string;
  seed: DemoSeed;
  db: TestDatabase;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function startApi(opts: { store?: ObjectStore | null } = {}): Promise<Api> {
  const db = await createTestDatabase("web");
  const seed = await seedDemo(db.prisma);
  const server = await startApiServer({ databaseUrl: db.url, port: 0, log: () => {}, storageRoots: TEST_STORAGE_ROOTS, store: opts.store ?? null });
  const base = server.url.replace(/\/graphql$/, "");
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${seed.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length)
      throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}\n${query}`);
    return body.data as T;
  };
  return { server, base, seed, db, gql };
}

/** True when the API answers a browser preflight from `origin` with CORS headers. */
export async function apiAllowsCors(apiBase: string, origin: string): Promise<boolean> {
  const r = await fetch(`${apiBase}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type",
    },
  });
  const allow = r.headers.get("access-control-allow-origin");
  const headers = (r.headers.get("access-control-allow-headers") ?? "").toLowerCase();
  return r.status < 300 && (allow === "*" || allow === origin) && headers.includes("authorization");
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Poll `fn` until it returns a truthy value (or throw with the last value after `ms`). */
export async function eventually<T>(what: string, fn: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Open `url` in `page`, signing in with `token` when the sign-in form shows, and wait until the
 * header names `team` (the one sign-in step every browser test shares).
 */
export async function openSignedIn(page: Page, url: string, token: string, team = "Demo team"): Promise<void> {
  await page.goto(url);
  await page.locator("[data-testid=team-name], form input[name=token]").first().waitFor();
  if (await page.locator("form input[name=token]").isVisible()) {
    await page.fill("input[name=token]", token);
    await page.click("button[type=submit]");
  }
  await eventually("the team name", async () => (await page.locator("[data-testid=team-name]").textContent()) === team);
}

/** A minimal RFC 4180 reader (CRLF rows), to read back what the dashboard's CSV export writes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}
