/**
 * The README's first command on a fresh clone, exactly as a new user runs it:
 * `git clone` of HEAD → `npm install` → `npm start` (embedded Postgres, no DATABASE_URL, demo in
 * its small mode), then the API answers with the demo token and the dashboard serves its page.
 * Nothing from this checkout's node_modules, generated code or builds reaches the clone (only
 * the npm cache is shared). LOFFTA_FRESH_CLONE_SOURCE clones another repository instead (to try
 * a commit before it lands here).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort } from "@loffta/db";

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.resolve(process.env.LOFFTA_FRESH_CLONE_SOURCE ?? ROOT);

/** The environment of a new user's shell: none of this test run's npm, jest or Loffta settings. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("npm_") && !keep.has(k)) continue;
    if (k.startsWith("LOFFTA_") || k.startsWith("JEST_") || k === "DATABASE_URL" || k === "NODE_ENV")
      continue;
    if (k === "INIT_CWD" || k === "NODE_OPTIONS") continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** All of its output was read: every process of the group closed its stdout and stderr. */
  drained: Promise<void>;
}

function launch(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const drained = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return { child, output: () => out, exited, drained };
}

const tail = (s: string, lines = 80) => s.split("\n").slice(-lines).join("\n");
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  os?: string[];
  cpu?: string[];
}
const nodeRange = (e: LockEntry) => (e.engines && !Array.isArray(e.engines) ? e.engines.node : undefined);
/** npm installs a package only where its `os` / `cpu` lists (entries or "!negations") allow. */
function installedHere(e: LockEntry): boolean {
  const allows = (list: string[] | undefined, value: string) =>
    !list?.length ||
    (!list.includes(`!${value}`) && (list.every((x) => x.startsWith("!")) || list.includes(value)));
  return allows(e.os, process.platform) && allows(e.cpu, process.arch);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ctrl-C for the whole process group (as a terminal sends it), SIGKILL if it lingers; true when
 * it ended by itself. Returns once all of the group's output has been read.
 */
async function stopGroup(p: Proc, graceMs = 60_000): Promise<boolean> {
  const pid = p.child.pid!;
  let clean = true;
  if (groupAlive(pid)) {
    process.kill(-pid, "SIGINT");
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (groupAlive(pid)) {
      process.kill(-pid, "SIGKILL");
      clean = false;
    }
  }
  await Promise.race([p.drained, new Promise((r) => setTimeout(r, 10_000).unref())]);
  return clean;
}

async function waitFor(p: Proc, re: RegExp, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!re.test(p.output())) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) {
      throw new Error(
        `${what}: exited (${p.child.exitCode ?? p.child.signalCode}) first:\n${tail(p.output())}`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not seen after ${timeoutMs / 1000} s:\n${tail(p.output())}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function teamName(apiPort: number, token: string): Promise<string | undefined> {
  const r = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ me { team { name } } }" }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { data?: { me?: { team?: { name?: string } } } }).data?.me?.team?.name;
}

describe("README's first command on a fresh clone", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-fresh-clone-"));
  fs.chmodSync(tmp, 0o755); // the embedded Postgres runs as another user when we are root
  const repo = path.join(tmp, "loffta");
  const dataDir = path.join(tmp, "data");
  const t0 = Date.now();
  const lap = (what: string) =>
    process.stdout.write(`fresh clone: ${what} at ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  let install: Proc;
  let running: Proc | undefined;
  let apiPort: number, webPort: number, pgPort: number;

  /** `npm start -- --data <tmp>` in the clone, as a user's shell runs it, on free ports. */
  const npmStart = async (...args: string[]) => {
    [apiPort, webPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    return (running = launch(
      "npm",
      ["start", "--", "--data", dataDir, ...args],
      repo,
      userEnv({
        API_PORT: String(apiPort),
        WEB_PORT: String(webPort),
        LOFFTA_PG_PORT: String(pgPort),
        LOFFTA_DEMO_SIZE: "small",
      }),
    ));
  };
  const stop = async (p: Proc) => {
    const clean = await stopGroup(p);
    running = undefined;
    expect(p.output()).toMatch(/loffta \| stopped/);
    expect(clean).toBe(true); // the whole process group went away on Ctrl-C
  };

  beforeAll(async () => {
    const clone = spawnSync("git", ["clone", "--quiet", SOURCE, repo], { encoding: "utf8" });
    if (clone.status !== 0) throw new Error(`git clone ${SOURCE} failed:\n${clone.stderr}`);
    lap(
      `cloned ${spawnSync("git", ["-C", repo, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim()}`,
    );
    install = launch("npm", ["install", "--no-audit", "--no-fund"], repo, userEnv({}));
    const code = await install.exited;
    if (code !== 0) throw new Error(`npm install exited with ${code}:\n${tail(install.output())}`);
    lap("npm install done");
  }, 15 * 60_000);

  afterEach(async () => {
    if (running) await stopGroup(running, 20_000); // a test that failed before its own stop
    running = undefined;
  }, 60_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }), 5 * 60_000);

  it(
    "`npm install && npm start`: the API answers the demo token and the dashboard serves its page",
    async () => {
      const s = await npmStart();
      // The first start also builds the dashboard (next build): minutes on a small machine.
      await waitFor(s, /loffta \| ready in [\d.]+ s/, 12 * 60_000, "npm start: ready");
      lap("npm start ready");
      expect(s.output()).toContain("embedded Postgres");
      expect(s.output()).not.toContain("prisma client: generating"); // npm install made it

      const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
      expect(await teamName(apiPort, token)).toBe("Demo team");
      const page = await fetch(`http://127.0.0.1:${webPort}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toMatch(/<title>Overview<\/title>/); // the dashboard's overview page, server-rendered
      expect(html).toMatch(/<a class="brand" href="\/">Loffta<\/a>/);

      await stop(s);
      lap("stopped");
    },
    15 * 60_000,
  );

  it(
    "`npm start` generates the Prisma client when it is missing (an install with --ignore-scripts)",
    async () => {
      fs.rmSync(path.join(repo, "prisma", "src", "generated"), { recursive: true, force: true });
      const s = await npmStart("--no-web", "--no-worker", "--no-demo");
      await waitFor(s, /loffta \| ready in [\d.]+ s/, 3 * 60_000, "npm start: ready");
      expect(s.output()).toContain("prisma client: generating (the generated Prisma client is missing)");
      const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
      expect(await teamName(apiPort, token)).toBe("Demo team");
      await stop(s);
      lap("second start stopped");
    },
    5 * 60_000,
  );

  it("package.json's engines.node is what the installed dependencies declare", () => {
    const semver = createRequire(path.join(repo, "package.json"))("semver") as {
      subset(sub: string, dom: string): boolean;
      satisfies(version: string, range: string): boolean;
    };
    const declared = readJson<{ engines?: { node?: string } }>(path.join(repo, "package.json")).engines?.node;
    expect(declared).toBeDefined();
    const lock = readJson<{ packages: Record<string, LockEntry> }>(path.join(repo, "package-lock.json"));
    // No installed package accepts fewer Node versions than the project promises.
    const narrower = Object.entries(lock.packages)
      .filter(
        ([p, e]) => p !== "" && installedHere(e) && nodeRange(e) && !semver.subset(declared!, nodeRange(e)!),
      )
      .map(([p, e]) => `${p.replace(/^.*node_modules\//, "")}@${e.version}: node ${nodeRange(e)}`);
    expect([...new Set(narrower)]).toEqual([]);
    // On a Node inside that range `npm install` has nothing to warn about.
    if (semver.satisfies(process.version, declared!)) {
      expect(install.output().match(/EBADENGINE.*package: .*/g) ?? []).toEqual([]);
    }
  });
});
