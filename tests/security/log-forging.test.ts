/**
 * Log lines cannot be forged (docs/security.md, "Log lines"): user strings — run names, error
 * messages, worker names — reach the API's, the worker's and `npm start`'s consoles, and one
 * holding a newline, a carriage return or an ANSI escape sequence must stay on its own line,
 * escaped (`\n`, `\r`, `\u001b`: @loffta/graphql/log-safe), never print a line of its own
 * (`[api] forged`) nor drive the terminal.
 *
 * Real processes: the API (apps/api/src/main.ts), a worker (`loffta-worker serve`) that trains a
 * run named `x\n[api] forged…` launched through the API (the worker logs the run's name, and
 * its job's child process sends its lines through the worker), and `npm start`'s relay of a
 * service's output (scripts/start/services.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemo, type DemoSeed } from "@loffta/db";
import { logSafe } from "@loffta/graphql/log-safe";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { waitUntil } from "../support/processes";
import {
  WORKER_BIN,
  cleanEnv,
  gqlClient,
  launchRun,
  readyCache,
  runEnded,
  spawnNode,
  startApiMain,
  type ApiProcess,
  type Proc,
} from "./host-fixture";

const FORGED = "x\n[api] forged line\r\u001b[2K\u001b]0;title\u0007\u009b31m\u2028[worker] forged too\u202e";
/**
 * A service's own line that would rewrite the terminal: cursor up and clear that line, then a
 * fake line; a title sequence, an 8-bit CSI, a line separator, a bidi override. (A service's
 * raw newlines and carriage returns end its lines: each comes out as a line with its prefix.)
 */
const RELAYED =
  "ok \u001b[1A\u001b[2K[api] forged\u001b]0;title\u0007\u009b31m\u2028[worker] forged too\u202e";

let db: TestDatabase;
let seed: DemoSeed;
let api: ApiProcess;
let dir: string;
const procs: Proc[] = [];

beforeAll(async () => {
  db = await createTestDatabase("logforge");
  seed = await seedDemo(db.prisma);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-logforge-"));
  // Datasets and caches of these tests live in `dir`: the folder the API and workers may read.
  api = await startApiMain(db.url, { LOFFTA_STORAGE_ROOTS: dir });
  procs.push(api.proc);
}, 120_000);

afterAll(async () => {
  for (const p of procs.reverse()) await p.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Lines that a forger made: starting (after any service prefix) with a forged process tag. */
const forgedLines = (out: string) =>
  out.split("\n").filter((l) => /^(?:\S+\s*\|\s*)?\[(?:api|worker)\] forged/.test(l));
/** Characters no log line may hold raw: every control but tab and newline, C1, U+2028/9, bidi. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("logSafe", () => {
  it("escapes control characters JSON-style and keeps the rest as written", () => {
    expect(logSafe("a\nb\rc\u001b[31md\u0007\u0000\u009b\u2028\u202e")).toBe(
      "a\\nb\\rc\\u001b[31md\\u0007\\u0000\\u009b\\u2028\\u202e",
    );
    expect(logSafe("tab\tstays, so do é, 日本, emoji 🙂 and C:\\path")).toBe(
      "tab\tstays, so do é, 日本, emoji 🙂 and C:\\path",
    );
    expect(logSafe(new Error("boom\nline"))).toMatch(/^Error: boom\\nline\\n {4}at /);
    expect(logSafe(42)).toBe("42");
  });
});

describe("a run named with a newline and escape codes, through the real API and a real worker", () => {
  it("is logged on one line, escaped: no forged line, no raw control character, in the worker's or the API's output", async () => {
    const gql = gqlClient(api.base, seed.token);
    const { cacheId } = await readyCache(gql, path.join(dir, "data"));
    const runId = await launchRun(gql, seed.projectId, cacheId, FORGED);
    const worker = spawnNode(
      [WORKER_BIN, "serve", "--api", api.base, "--name", "forge-worker"],
      cleanEnv({
        LOFFTA_TOKEN: seed.token,
        LOFFTA_HOME: path.join(dir, "home"),
        LOFFTA_STORAGE_ROOTS: dir,
        LOFFTA_CALIBRATION: "off",
      }),
    );
    procs.push(worker);
    expect((await runEnded(gql, runId, 240_000, worker)).status).toBe("SUCCEEDED");
    await waitUntil("the worker's completed line", () => /completed job/.test(worker.output()), 30_000);
    await worker.stop();

    const out = worker.output();
    // The worker logged the run's name (the job's child process sent the line), escaped.
    expect(out).toContain(`run ${logSafe(FORGED)} on cache ${cacheId}`);
    expect(forgedLines(out)).toEqual([]);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(forgedLines(api.proc.output())).toEqual([]);
    expect(api.proc.output()).not.toMatch(RAW_CONTROL);

    // Escaping is for the console only: the run's name and its stored log keep the text as given.
    const { run } = await gql<{ run: { name: string } }>(`query($id: ID!) { run(id: $id) { name } }`, {
      id: runId,
    });
    expect(run.name).toBe(FORGED);
    const { runLogs } = await gql<{ runLogs: { lines: { message: string }[] } }>(
      `query($id: ID!) { runLogs(runId: $id, limit: 100) { lines { message } } }`,
      { id: runId },
    );
    expect(runLogs.lines.map((l) => l.message)).toContainEqual(
      expect.stringContaining(`run ${FORGED} on cache`),
    );
  }, 300_000);
});

describe("npm start's relay of its services' output", () => {
  it("keeps a service's line on one prefixed line: escape codes escaped, a carriage return cannot rewrite the prefix", async () => {
    // scripts/start/services.ts relaying a real child that prints such a line, as `npm start` does.
    const script = path.join(dir, "relay.ts");
    fs.writeFileSync(
      script,
      [
        `import { startService } from ${JSON.stringify(path.resolve(__dirname, "../../scripts/start/services.ts"))};`,
        `const child = ${JSON.stringify(`process.stdout.write(${JSON.stringify(`${RELAYED}\nafter\r\n`)})`)};`,
        `startService({ name: "worker", command: process.execPath, args: ["-e", child], cwd: process.cwd(), env: process.env }, 0, () => {});`,
      ].join("\n"),
    );
    const relay = spawnNode(["--import", "tsx", script], cleanEnv());
    expect(await relay.exited).toBe(0);
    const out = relay.output();
    // Each line of the service on one line of its own, with the service's prefix; nothing raw.
    expect(out.trimEnd().split("\n")).toEqual([`worker | ${logSafe(RELAYED)}`, "worker | after"]);
    expect(out).toContain(
      "ok \\u001b[1A\\u001b[2K[api] forged\\u001b]0;title\\u0007\\u009b31m\\u2028[worker] forged too\\u202e",
    );
    expect(out).not.toMatch(RAW_CONTROL);
  }, 60_000);
});
