/**
 * Secrets and sockets on the host (docs/security.md, "Host"): every user of a machine can read
 * every process's command line (`ps`, /proc/<pid>/cmdline), and a socket bound to every
 * interface is open to the network.
 *  - the worker (CLI `loffta-worker serve` and the service entry) takes its token from
 *    LOFFTA_TOKEN or a 0600 file (--token-file, LOFFTA_TOKEN_FILE): no process it starts —
 *    itself, its tsx helpers, the child process of a training job — shows the token;
 *    `--token` on the command line is refused, naming the alternatives;
 *  - `npm start` prints where the demo token is, never the token, and passes it to its worker
 *    in the 0600 file: no process of its process group shows it;
 *  - the API (default configuration) and `npm start` listen on 127.0.0.1 only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { freePort, seedDemo, type DemoSeed } from "@loffta/db";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { waitUntil } from "../support/processes";
import {
  ROOT,
  WORKER_BIN,
  accepts,
  cleanEnv,
  cmdline,
  externalAddresses,
  gqlClient,
  launchRun,
  leaking,
  listeningAddresses,
  processGroup,
  processTree,
  readyCache,
  runEnded,
  spawnNode,
  startApiMain,
  type ApiProcess,
  type Proc,
} from "./host-fixture";

let db: TestDatabase;
let seed: DemoSeed;
let api: ApiProcess;
let dir: string;
const procs: Proc[] = [];

beforeAll(async () => {
  db = await createTestDatabase("host");
  seed = await seedDemo(db.prisma);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-host-"));
  // Datasets and caches of these tests live in `dir`: the folder the API and workers may read.
  api = await startApiMain(db.url, { LOFFTA_STORAGE_ROOTS: dir });
  procs.push(api.proc);
}, 120_000);

afterAll(async () => {
  for (const p of procs.reverse()) await p.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A file holding `secret`, mode `mode`. */
function tokenFile(name: string, secret: string, mode = 0o600): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, `${secret}\n`, { mode });
  fs.chmodSync(f, mode);
  return f;
}

describe("the API with its default configuration", () => {
  it("listens on 127.0.0.1 only, and says so", async () => {
    expect(listeningAddresses(api.port)).toEqual(["127.0.0.1"]);
    for (const addr of externalAddresses()) expect(await accepts(addr, api.port)).toBe(false);
    expect(await accepts("127.0.0.1", api.port)).toBe(true);
    expect(api.proc.output()).toContain(`[api] listening on 127.0.0.1:${api.port}`);
  });
});

describe("the worker's token", () => {
  const serveCli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [WORKER_BIN, "serve", "--api", api.base, ...args], {
      cwd: ROOT,
      env: cleanEnv(env),
      encoding: "utf8",
      timeout: 60_000,
    });

  it("--token on the command line is refused (exit 2), naming the alternatives; so are an open token file and none at all", () => {
    for (const args of [["--token", seed.token], [`--token=${seed.token}`]]) {
      const r = serveCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--token is refused/);
      expect(r.stderr).toMatch(/\/proc\/<pid>\/cmdline/);
      expect(r.stderr).toContain("LOFFTA_TOKEN");
      expect(r.stderr).toContain("--token-file");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    // The service's own entry (what `npm start` runs) refuses it too.
    const direct = spawnSync(
      process.execPath,
      ["--import", "tsx", "apps/worker/src/service/main.ts", "--api", api.base, "--token", seed.token],
      {
        cwd: ROOT,
        env: cleanEnv(),
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(direct.status).toBe(2);
    expect(direct.stderr).toMatch(/--token is refused.*LOFFTA_TOKEN.*--token-file/);

    const open = tokenFile("open-token", seed.token, 0o644);
    const r = serveCli(["--token-file", open]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`token file ${open} is open to other users (mode 644): chmod 600 ${open}`);

    const none = serveCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(
      /a worker token \(scope WORKER\) is needed: LOFFTA_TOKEN=… .*--token-file FILE or LOFFTA_TOKEN_FILE=FILE/,
    );
  }, 120_000);

  /** Start a worker, wait until it registered, and return it. */
  async function startWorker(args: string[], env: NodeJS.ProcessEnv, name: string): Promise<Proc> {
    const w = spawnNode(
      args,
      cleanEnv({
        LOFFTA_HOME: path.join(dir, name),
        LOFFTA_STORAGE_ROOTS: dir,
        LOFFTA_CALIBRATION: "off",
        ...env,
      }),
    );
    procs.push(w);
    await waitUntil(
      `worker ${name} registered`,
      () => {
        if (w.child.exitCode !== null) throw new Error(`worker exited ${w.child.exitCode}: ${w.output()}`);
        return /registered as [0-9a-f-]{36}/.test(w.output());
      },
      90_000,
      100,
    );
    return w;
  }

  it("from LOFFTA_TOKEN (CLI) and from a 0600 file (service entry, LOFFTA_TOKEN_FILE): no process shows it", async () => {
    const viaEnv = await startWorker(
      [WORKER_BIN, "serve", "--api", api.base, "--name", "env-worker"],
      { LOFFTA_TOKEN: seed.token },
      "env-worker",
    );
    const file = tokenFile("worker-token", seed.token);
    const viaFile = await startWorker(
      ["--import", "tsx", "apps/worker/src/service/main.ts", "--api", api.base, "--name", "file-worker"],
      { LOFFTA_TOKEN_FILE: file },
      "file-worker",
    );
    for (const w of [viaEnv, viaFile]) {
      const tree = processTree(w.pid);
      expect(tree.length).toBeGreaterThan(0);
      expect(leaking(tree, seed.token)).toEqual([]);
      expect(w.output()).not.toContain(seed.token);
    }
    // Both really work with the token they were given: registered in the demo team.
    const gql = gqlClient(api.base, seed.token);
    const { workers } = await gql<{ workers: { name: string }[] }>(`{ workers { name } }`);
    expect(workers.map((w) => w.name)).toEqual(expect.arrayContaining(["env-worker", "file-worker"]));
    for (const w of [viaEnv, viaFile]) await w.stop();
  }, 180_000);

  it("--token-file (CLI), while a training job runs in its own child process: no process of the worker shows it", async () => {
    const gql = gqlClient(api.base, seed.token);
    const { cacheId } = await readyCache(gql, path.join(dir, "data"));
    const runId = await launchRun(gql, seed.projectId, cacheId, "host-secrets", 60);
    const file = tokenFile("cli-token", seed.token);
    const w = await startWorker(
      [WORKER_BIN, "serve", "--api", api.base, "--token-file", file, "--name", "cli-worker"],
      {},
      "cli-worker",
    );
    const seen = new Map<number, string[]>();
    const ended = runEnded(gql, runId, 240_000, w);
    let done = false;
    void ended.finally(() => (done = true));
    while (!done) {
      for (const pid of processTree(w.pid)) if (!seen.has(pid)) seen.set(pid, cmdline(pid));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await ended).status).toBe("SUCCEEDED");
    // The training job's own process was among them (the bin runs the compiled worker when its
    // build is current, the sources otherwise).
    expect([...seen.values()].some((args) => args.some((a) => /job-child\.(ts|js)$/.test(a)))).toBe(true);
    expect([...seen].filter(([, args]) => args.some((a) => a.includes(seed.token)))).toEqual([]);
    expect(w.output()).not.toContain(seed.token);
    await w.stop();
  }, 300_000);
});

describe("npm start", () => {
  it("prints where the demo token is (a 0600 file), never the token; no process shows it; the API listens on 127.0.0.1 only", async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-host-start-"));
    const apiPort = await freePort();
    const start = spawnNode(
      ["--import", "tsx", "scripts/start.ts", "--data", data, "--no-web", "--no-demo"],
      cleanEnv({ DATABASE_URL: db.url, API_PORT: String(apiPort), LOFFTA_CALIBRATION: "off" }),
      { detached: true },
    );
    procs.push(start);
    try {
      await waitUntil(
        "npm start ready, its worker registered",
        () => {
          if (start.child.exitCode !== null)
            throw new Error(`npm start exited ${start.child.exitCode}: ${start.output()}`);
          return (
            /ready in [\d.]+ s/.test(start.output()) && /registered as [0-9a-f-]{36}/.test(start.output())
          );
        },
        180_000,
        100,
      );
      const tokenPath = path.join(data, "demo-token");
      const token = fs.readFileSync(tokenPath, "utf8").trim();
      expect(token).toMatch(/^lft_/);
      expect(fs.statSync(tokenPath).mode & 0o777).toBe(0o600);
      expect(start.output()).toContain(`demo token in ${tokenPath}`);
      expect(start.output()).not.toContain(token);

      const group = processGroup(start.pid);
      expect(group.length).toBeGreaterThanOrEqual(3); // start, API, worker (and their helpers)
      expect(
        // `npm start` runs the compiled worker service (it builds it first when stale).
        group.some((pid) => cmdline(pid).some((a) => a.endsWith("apps/worker/dist/service/main.js"))),
      ).toBe(true);
      expect(leaking(group, token)).toEqual([]);
      // The worker has a token of its own, WORKER scope only, in its own 0600 file; never printed.
      const workerTokenPath = path.join(data, "worker-token");
      const workerToken = fs.readFileSync(workerTokenPath, "utf8").trim();
      expect(workerToken).toMatch(/^lft_/);
      expect(workerToken).not.toBe(token);
      expect(fs.statSync(workerTokenPath).mode & 0o777).toBe(0o600);
      expect(start.output()).not.toContain(workerToken);
      expect(leaking(group, workerToken)).toEqual([]);
      const me = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${workerToken}` },
        body: JSON.stringify({ query: "{ me { scopes } }" }),
      }).then((r) => r.json() as Promise<{ data?: { me?: { scopes?: string[] } } }>);
      expect(me.data?.me?.scopes).toEqual(["WORKER"]);

      expect(listeningAddresses(apiPort)).toEqual(["127.0.0.1"]);
      for (const addr of externalAddresses()) expect(await accepts(addr, apiPort)).toBe(false);
      expect(start.output()).toContain(`[api] listening on 127.0.0.1:${apiPort}`);
    } finally {
      start.child.kill("SIGINT");
      const t = setTimeout(() => process.kill(-start.pid, "SIGKILL"), 30_000);
      await start.exited;
      clearTimeout(t);
      fs.rmSync(data, { recursive: true, force: true });
    }
    expect(await start.exited).toBe(0);
  }, 240_000);
});
