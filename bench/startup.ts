/**
 * Service start-up benchmark (not a test): `npm run bench:startup`.
 * The API and the worker service started the way `npm start` ran them before the production
 * build (`node --import tsx <src>.ts`) and the way it runs them now (`node --enable-source-maps
 * <dist>.js`, scripts/build.ts), plus the compiled bundle without source maps (what the flag
 * costs), side by side: BENCH_STARTUP_REPS (default 5) repetitions, the variants' order reversed
 * every other one, so that a change of load on the shared machine hits all of them alike.
 *  - ready: spawn → /healthz answers 200 (API, polled every 10 ms); spawn → the worker's
 *    "registered as …" line (it has loaded TensorFlow and registered with the API);
 *  - RSS: the process's resident memory 1 s after ready (/proc/<pid>/status VmRSS), its peak so
 *    far (VmHWM), and the RSS of the process and its children (tsx's esbuild service runs as one).
 * tsx's transform cache (on disk) is warm after the first start: its figures are those of a
 * restart, not of the first `npm start` on a fresh clone (slower). The worker's runs register
 * with one compiled API. Database: bench/pg-server.ts. Writes bench/results/startup.json.
 * Refuses to run while the 1-minute load average is 1.5 or more (other work would be measured):
 * BENCH_STARTUP_FORCE=1 runs anyway (the load is recorded either way).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createPrisma,
  dropDatabase,
  ensureDbExists,
  freePort,
  migrateDeploy,
  seedDemo,
  seedWorkerToken,
  withDatabase,
} from "@loffta/db";
import { ensureBuilt } from "../scripts/build/ensure";
import { COMPILED } from "../scripts/build/targets";
import { loadAvg, machine, median, writeResult } from "./machine";
import { benchPostgres } from "./pg-server";

const ROOT = path.resolve(__dirname, "..");
const REPS = Number(process.env.BENCH_STARTUP_REPS ?? 5);
const MAX_LOAD = 1.5;
const log = (m: string) => console.log(`[bench:startup] ${m}`);

type Service = "api" | "worker";
interface Variant {
  service: Service;
  name: "tsx" | "compiled" | "compiled, no source maps";
  args: string[];
}

const WORKER_SRC = "apps/worker/src/service/main.ts";
const VARIANTS: Variant[] = [
  { service: "api", name: "tsx", args: ["--import", "tsx", "apps/api/src/main.ts"] },
  { service: "api", name: "compiled", args: ["--enable-source-maps", COMPILED.api] },
  { service: "api", name: "compiled, no source maps", args: [COMPILED.api] },
  { service: "worker", name: "tsx", args: ["--import", "tsx", WORKER_SRC] },
  { service: "worker", name: "compiled", args: ["--enable-source-maps", COMPILED.workerService] },
  { service: "worker", name: "compiled, no source maps", args: [COMPILED.workerService] },
];

interface Sample {
  readyMs: number;
  rssBytes: number;
  peakRssBytes: number;
  treeRssBytes: number;
  load1: number;
}

/** VmRSS and VmHWM of `pid` in bytes (0 when it is gone). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, "m").exec(s)?.[1] ?? 0) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** `pid` and its descendants (from /proc/<pid>/stat's parent pids). */
function tree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const p of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  const out = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of parent) {
      if (out.has(p) || !out.has(pp)) continue;
      out.add(p);
      grew = true;
    }
  }
  return [...out];
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(t);
}

interface Env {
  databaseUrl: string;
  apiUrl: string;
  workerToken: string;
  dir: string;
}

/** Start `v`, wait until it is ready, measure, stop it. */
async function measure(v: Variant, env: Env): Promise<Sample> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    TF_CPP_MIN_LOG_LEVEL: "2",
    LOFFTA_STORAGE_ROOTS: env.dir,
    ...(v.service === "api"
      ? { DATABASE_URL: env.databaseUrl, PORT: String(port), HOST: "127.0.0.1" }
      : {
          LOFFTA_TOKEN: env.workerToken,
          LOFFTA_HOME: path.join(env.dir, "home"),
          LOFFTA_CALIBRATION: "off",
        }),
  };
  const args =
    v.service === "api"
      ? v.args
      : [...v.args, "--api", env.apiUrl, "--name", `bench-${v.name.replace(/\W+/g, "-")}`];
  const load1 = os.loadavg()[0];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  try {
    let readyMs: number | undefined;
    while (readyMs === undefined) {
      if (child.exitCode !== null)
        throw new Error(`${v.service} (${v.name}) exited ${child.exitCode}:\n${out.slice(-2000)}`);
      if (performance.now() - t0 > 120_000)
        throw new Error(`${v.service} (${v.name}) not ready after 120 s:\n${out.slice(-2000)}`);
      const ready =
        v.service === "api"
          ? (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200
          : /registered as [0-9a-f-]{36}/.test(out);
      if (ready) readyMs = performance.now() - t0;
      else await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const own = memoryOf(child.pid!);
    const treeRss = tree(child.pid!).reduce((sum, pid) => sum + memoryOf(pid).rss, 0);
    return { readyMs, rssBytes: own.rss, peakRssBytes: own.hwm, treeRssBytes: treeRss, load1 };
  } finally {
    await stop(child);
  }
}

async function main(): Promise<void> {
  const loadBefore = loadAvg();
  if (loadBefore[0] >= MAX_LOAD && process.env.BENCH_STARTUP_FORCE !== "1") {
    throw new Error(
      `load average ${loadBefore.join(" ")}: ≥ ${MAX_LOAD}, other work would be measured (BENCH_STARTUP_FORCE=1 to run anyway)`,
    );
  }
  await ensureBuilt(["api", "worker"], log);
  const pgServer = await benchPostgres(log);
  const dbUrl = withDatabase(pgServer.url, `loffta_bench_startup_${process.pid}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-bench-startup-"));
  let api: ChildProcess | undefined;
  try {
    await ensureDbExists(dbUrl);
    await migrateDeploy(dbUrl);
    const prisma = createPrisma(dbUrl);
    const seed = await seedDemo(prisma);
    const workerToken = await seedWorkerToken(prisma, seed.teamId, "bench:startup");
    await prisma.$disconnect();

    // The API the workers register with (compiled, started once).
    const apiPort = await freePort();
    api = spawn(process.execPath, [COMPILED.api], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: dbUrl,
        PORT: String(apiPort),
        HOST: "127.0.0.1",
        LOFFTA_STORAGE_ROOTS: dir,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    for (let i = 0; (await fetch(`${apiUrl}/healthz`).catch(() => null))?.status !== 200; i++) {
      if (i > 600 || api.exitCode !== null) throw new Error("the workers' API did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const env: Env = { databaseUrl: dbUrl, apiUrl, workerToken, dir };

    // One start of each first, not measured: tsx's transform cache and the OS's file cache warm.
    for (const v of VARIANTS) await measure(v, env);
    const samples = new Map<Variant, Sample[]>(VARIANTS.map((v) => [v, []]));
    for (let rep = 0; rep < REPS; rep++) {
      for (const v of rep % 2 ? [...VARIANTS].reverse() : VARIANTS) {
        const s = await measure(v, env);
        samples.get(v)!.push(s);
        log(
          `rep ${rep + 1}/${REPS} ${v.service} ${v.name}: ready ${s.readyMs.toFixed(0)} ms, RSS ${(s.rssBytes / 2 ** 20).toFixed(0)} MiB (load ${s.load1.toFixed(2)})`,
        );
      }
    }
    const rows = VARIANTS.map((v) => {
      const ss = samples.get(v)!;
      const ready = ss.map((s) => s.readyMs);
      return {
        service: v.service,
        variant: v.name,
        command: `node ${v.args.join(" ")}`,
        readyMs: {
          median: +median(ready).toFixed(0),
          min: +Math.min(...ready).toFixed(0),
          max: +Math.max(...ready).toFixed(0),
        },
        rssMiB: +(median(ss.map((s) => s.rssBytes)) / 2 ** 20).toFixed(1),
        peakRssMiB: +(median(ss.map((s) => s.peakRssBytes)) / 2 ** 20).toFixed(1),
        treeRssMiB: +(median(ss.map((s) => s.treeRssBytes)) / 2 ** 20).toFixed(1),
        samples: ss,
      };
    });
    for (const r of rows)
      log(
        `${r.service.padEnd(6)} ${r.variant.padEnd(24)} ready ${r.readyMs.median} ms (${r.readyMs.min}–${r.readyMs.max}), RSS ${r.rssMiB} MiB, with children ${r.treeRssMiB} MiB`,
      );
    const result = {
      reps: REPS,
      rows,
      setup: {
        ready:
          "API: spawn → GET /healthz 200 (polled every 10 ms); worker: spawn → its 'registered as' log line (TensorFlow loaded, registered with a compiled API)",
        rss: "1 s after ready: VmRSS of the process (rssMiB), its VmHWM (peakRssMiB), VmRSS of it and its children (treeRssMiB: tsx's esbuild service is one); medians",
        order:
          "one unmeasured start of each variant first; then the variants in turn, the order reversed every other repetition",
        tsxCache:
          "warm (tsx's on-disk transform cache): a restart's figures, not a fresh clone's first start",
        env: "NODE_ENV=production; worker: LOFFTA_CALIBRATION=off, native TensorFlow backend when installed",
      },
      machine: { ...machine(), loadAvg: { before: loadBefore, after: loadAvg() } },
      date: new Date().toISOString(),
    };
    log(`wrote ${writeResult("startup", result)}`);
  } finally {
    if (api) await stop(api);
    await dropDatabase(dbUrl).catch(() => {});
    await pgServer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
