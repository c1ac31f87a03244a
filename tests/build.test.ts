/**
 * The production build (`npm run build`'s services part, scripts/build.ts) into this working
 * tree, then what runs from it with plain `node`:
 *  - the bundles load no tsx, and name no .ts file to run except the handler modules that the
 *    job child's bundle carries (scripts/build/targets.ts);
 *  - the compiled API (`npm run start:api`'s launcher) answers /healthz on the test database;
 *  - `loffta-worker --help` runs the compiled CLI (its modules come from apps/worker/dist);
 *  - the compiled worker service trains a run in its own child process, the compiled one, and a
 *    permanent failure in that child stays permanent (one module graph: the handler's
 *    PermanentJobError is the child's).
 * The dashboard's `next build` is not run here (the browser tests build it).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, seedDemo, type DemoSeed } from "@loffta/db";
import { COMPILED, TARGETS } from "../scripts/build/targets";
import { createTestDatabase, type TestDatabase } from "./support/db";
import { waitUntil } from "./support/processes";
import {
  ROOT,
  WORKER_BIN,
  cleanEnv,
  cmdline,
  gqlClient,
  launchRun,
  processTree,
  readyCache,
  runEnded,
  spawnNode,
  type Proc,
} from "./security/host-fixture";

interface Manifest {
  outputs: string[];
}
const manifestOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, dir, "dist/build-manifest.json"), "utf8")) as Manifest;

let db: TestDatabase;
let seed: DemoSeed;
let dir: string;
let probe: string;
const procs: Proc[] = [];

/** What a probed process loaded: printed on stderr when it exits (see `probe`). */
function loaded(output: string): { files: string[] } {
  const line = output.split("\n").find((l) => l.startsWith("LOADED "));
  if (!line) throw new Error(`no module list in the output:\n${output.slice(-2000)}`);
  return { files: JSON.parse(line.slice("LOADED ".length)) as string[] };
}
const fromTsx = (files: string[]) =>
  files.filter((f) => f.includes(`${path.sep}node_modules${path.sep}tsx${path.sep}`));

beforeAll(async () => {
  const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 180_000,
  });
  if (build.status !== 0)
    throw new Error(`build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  db = await createTestDatabase("build");
  seed = await seedDemo(db.prisma);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-build-"));
  // Preloaded into a process (--require): lists the modules it loaded when it exits.
  probe = path.join(dir, "probe.cjs");
  fs.writeFileSync(
    probe,
    `process.on("exit", () => require("node:fs").writeSync(2, "\\nLOADED " + JSON.stringify(Object.keys(require.cache)) + "\\n"));\n`,
  );
}, 240_000);

afterAll(async () => {
  for (const p of procs.reverse()) await p.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("the bundles load no tsx and run no .ts file but the handler modules the job child carries", () => {
  const carried = Object.values(TARGETS).flatMap((t) =>
    t.entries.flatMap((e) => (e.carries ?? []).map((m) => `${t.dir}/${m}`)),
  );
  const bundles = Object.values(TARGETS).flatMap((t) =>
    manifestOf(t.dir).outputs.filter((f) => f.endsWith(".js")),
  );
  expect(bundles).toEqual(
    expect.arrayContaining([
      COMPILED.api,
      COMPILED.workerService,
      COMPILED.workerCli,
      "apps/worker/dist/service/job-child.js",
    ]),
  );
  for (const file of bundles) {
    const code = fs.readFileSync(path.join(ROOT, file), "utf8");
    // tsx loaded (`require("tsx/cjs")`, `import("tsx")`) or preloaded into a child (`--import tsx`).
    const loadsTsx =
      code.match(/.*(require|import)\(\s*["']tsx[/"'].*|.*["']--(import|require|loader)["'],\s*["']tsx.*/g) ??
      [];
    expect({ file, loadsTsx }).toEqual({ file, loadsTsx: [] });
    // A .ts path left in a bundle may only be a handler reference (service/main.ts's
    // TRAIN_HANDLER): isolate.ts maps it to the child's bundle, which must carry that module.
    for (const [, literal] of code.matchAll(/"([^"\n]*\.ts)"/g)) {
      expect({ file, literal, carried: carried.some((m) => m.endsWith(`/${literal}`)) }).toEqual({
        file,
        literal,
        carried: true,
      });
    }
  }
});

test("the compiled API (npm run start:api) answers /healthz on the test database", async () => {
  const port = await freePort();
  const api = spawnNode(
    ["--require", probe, "scripts/run-compiled.cjs", "api"],
    cleanEnv({ DATABASE_URL: db.url, PORT: String(port), NODE_ENV: "production", LOFFTA_STORAGE_ROOTS: dir }),
  );
  procs.push(api);
  await waitUntil(
    "the compiled API's /healthz",
    async () => {
      if (api.child.exitCode !== null) throw new Error(`the API exited: ${api.output()}`);
      return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200;
    },
    90_000,
    200,
  );
  expect(api.output()).toContain(`[api] listening on 127.0.0.1:${port}`);
  expect(await api.stop()).toBe(0);
  const { files } = loaded(api.output());
  expect(files).toContain(path.join(ROOT, COMPILED.api));
  expect(fromTsx(files)).toEqual([]);
  expect(files.filter((f) => f.endsWith(".ts"))).toEqual([]);
}, 120_000);

test("loffta-worker --help runs the compiled CLI", () => {
  const r = spawnSync(process.execPath, ["--require", probe, WORKER_BIN, "--help"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/usage: loffta-worker <command>[\s\S]*loffta-worker serve/);
  const { files } = loaded(r.stderr);
  expect(files).toContain(path.join(ROOT, COMPILED.workerCli));
  expect(fromTsx(files)).toEqual([]);
  expect(files.filter((f) => f.endsWith(".ts"))).toEqual([]);
  // Run directly, the bundle is the CLI alone: service/main.ts, bundled in, does not start a
  // worker (its `require.main === module` is its own).
  const direct = spawnSync(process.execPath, [COMPILED.workerCli, "--help"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(direct.status).toBe(0);
  expect(direct.stderr).toMatch(/^usage: loffta-worker <command>/);
  expect(direct.stderr).not.toMatch(/a worker token/);
}, 120_000);

test("the compiled worker service trains in its compiled child process; a permanent failure there stays permanent", async () => {
  const port = await freePort();
  const api = spawnNode(
    ["scripts/run-compiled.cjs", "api"],
    cleanEnv({ DATABASE_URL: db.url, PORT: String(port), NODE_ENV: "production", LOFFTA_STORAGE_ROOTS: dir }),
  );
  procs.push(api);
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(
    "the compiled API",
    async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200,
    90_000,
    200,
  );
  const gql = gqlClient(base, seed.token);
  const data = path.join(dir, "data");
  const { cacheId } = await readyCache(gql, data);

  const worker = spawnNode(
    ["--enable-source-maps", COMPILED.workerService, "--api", base, "--name", "compiled-worker"],
    cleanEnv({
      LOFFTA_TOKEN: seed.token,
      LOFFTA_HOME: path.join(dir, "home"),
      LOFFTA_STORAGE_ROOTS: dir,
      LOFFTA_CALIBRATION: "off",
    }),
  );
  procs.push(worker);
  await waitUntil(
    "the compiled worker registered",
    () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`);
      return /registered as [0-9a-f-]{36}/.test(worker.output());
    },
    90_000,
    100,
  );

  const runId = await launchRun(gql, seed.projectId, cacheId, "compiled", 5);
  const seen = new Map<number, string[]>();
  let ended = false;
  const result = runEnded(gql, runId, 180_000, worker).finally(() => (ended = true));
  while (!ended) {
    for (const pid of processTree(worker.pid)) if (!seen.has(pid)) seen.set(pid, cmdline(pid));
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await result).toMatchObject({ status: "SUCCEEDED" });
  const args = [...seen.values()];
  expect(args.some((a) => a.at(-1) === path.join(ROOT, "apps/worker/dist/service/job-child.js"))).toBe(true);
  expect(args.filter((a) => a.some((x) => x.endsWith(".ts") || x.includes("tsx")))).toEqual([]);

  // The cache's files gone: the handler throws PermanentJobError (CacheError, in the child):
  // the job fails at its first attempt, not retried.
  fs.rmSync(path.join(data, "cache"), { recursive: true, force: true });
  const failing = await launchRun(gql, seed.projectId, cacheId, "compiled-permanent", 1);
  expect(await runEnded(gql, failing, 120_000, worker)).toMatchObject({ status: "FAILED" });
  expect(worker.output()).not.toMatch(/claimed TRAIN job \S+ \(attempt 2\//);
}, 360_000);
