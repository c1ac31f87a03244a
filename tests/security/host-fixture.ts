/**
 * Real processes for the host tests (host-secrets, log-forging): the API as its own process
 * (apps/api/src/main.ts, environment as given: no HOST unless a test sets one), worker
 * processes, what the kernel says about them (/proc: command lines, process trees, listening
 * sockets), and a feature cache a real worker can train on (a synthetic token grid, completed
 * through the API by a stand-in extraction worker).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { freePort } from "@loffta/db";
import { writeBarsCache } from "../../apps/worker/src/core/testing/synthetic";
import { waitUntil } from "../support/processes";

export const ROOT = path.resolve(__dirname, "../..");
export const WORKER_BIN = path.join(ROOT, "apps/worker/bin/loffta-worker.cjs");

export interface Proc {
  child: ChildProcess;
  pid: number;
  /** Everything printed so far (stdout and stderr as received). */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** The environment of this test process without what would change a child's defaults. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TF_CPP_MIN_LOG_LEVEL: "2" };
  for (const k of [
    "HOST",
    "PORT",
    "LOFFTA_TOKEN",
    "LOFFTA_TOKEN_FILE",
    "LOFFTA_API_URL",
    "LOFFTA_WORKER_NAME",
    "DATABASE_URL",
  ])
    delete env[k];
  return { ...env, ...extra };
}

/** `node <args>` in the repository root; SIGTERM then SIGKILL on stop(). */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv, opts: { detached?: boolean } = {}): Proc {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: opts.detached,
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return {
    child,
    pid: child.pid!,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(t);
      }
      return exited;
    },
  };
}

export interface ApiProcess {
  proc: Proc;
  port: number;
  /** http://127.0.0.1:port */
  base: string;
}

/** apps/api/src/main.ts on a free port; `env` on top of cleanEnv (no HOST: its default). */
export async function startApiMain(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<ApiProcess> {
  const port = await freePort();
  const proc = spawnNode(
    ["--import", "tsx", "apps/api/src/main.ts"],
    cleanEnv({ DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", ...env }),
  );
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(
    "the API's /healthz",
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`the API exited: ${proc.output()}`);
      return (await fetch(`${base}/healthz`).catch(() => null))?.ok === true;
    },
    90_000,
    200,
  );
  return { proc, port, base };
}

export type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<T>;

export function gqlClient(base: string, token: string): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
    return body.data as T;
  };
}

// ---- /proc ----

/** `pid`'s parent, process group and state, or null when it is gone. */
function statOf(pid: number): { ppid: number; pgrp: number; state: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses.
    const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(ppid), pgrp: Number(pgrp), state };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .map(Number);
}

/** `root` and every process below it (live ones: zombies have no command line left). */
export function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const pid of allPids()) {
    const s = statOf(pid);
    if (s && s.state !== "Z") parent.set(pid, s.ppid);
  }
  const out = new Set<number>(parent.has(root) ? [root] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (out.has(pid) || !out.has(ppid)) continue;
      out.add(pid);
      grew = true;
    }
  }
  return [...out];
}

/** Every live process of process group `pgid`. */
export function processGroup(pgid: number): number[] {
  return allPids().filter((pid) => {
    const s = statOf(pid);
    return s !== null && s.pgrp === pgid && s.state !== "Z";
  });
}

/** A process's arguments as the kernel shows them to every user of the host (/proc/<pid>/cmdline). */
export function cmdline(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

/** The processes among `pids` whose command line holds `secret`. */
export function leaking(pids: number[], secret: string): { pid: number; args: string[] }[] {
  return pids
    .map((pid) => ({ pid, args: cmdline(pid) }))
    .filter((p) => p.args.some((a) => a.includes(secret)));
}

const hexIpv4 = (h: string) => [3, 2, 1, 0].map((i) => parseInt(h.slice(i * 2, i * 2 + 2), 16)).join(".");

function hexIpv6(h: string): string {
  // Four 32-bit words, each in host (little-endian) byte order.
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++)
    for (let b = 3; b >= 0; b--) bytes.push(parseInt(h.slice(w * 8 + b * 2, w * 8 + b * 2 + 2), 16));
  if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `::ffff:${bytes.slice(12).join(".")}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[i * 2] << 8) | bytes[i * 2 + 1]).toString(16));
  return groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
}

/** The local addresses of the TCP sockets listening on `port` (/proc/net/tcp and tcp6). */
export function listeningAddresses(port: number): string[] {
  const out: string[] = [];
  for (const [file, decode] of [
    ["/proc/net/tcp", hexIpv4],
    ["/proc/net/tcp6", hexIpv6],
  ] as const) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 4 || f[3] !== "0A") continue; // 0A: LISTEN
      const [addr, p] = f[1].split(":");
      if (parseInt(p, 16) === port) out.push(decode(addr));
    }
  }
  return out;
}

/** This machine's addresses other than loopback (IPv4), e.g. its LAN address. */
export function externalAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && a.family === "IPv4")
    .map((a) => a.address);
}

/** Whether a TCP connection to host:port is accepted. */
export async function accepts(host: string, port: number): Promise<boolean> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 3000 });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once("connect", () => done(true));
    s.once("error", () => done(false));
    s.once("timeout", () => done(false));
  });
}

// ---- a cache a real worker trains on ----

/**
 * A 2-class dataset registered through the API whose feature cache is READY: a synthetic token
 * grid written to disk, its EXTRACT job claimed and completed by a stand-in worker. Everything
 * is written in `dir` (the tests make it the API's and the workers' LOFFTA_STORAGE_ROOTS).
 */
export async function readyCache(gql: Gql, dir: string): Promise<{ cacheId: string }> {
  const classes = ["horizontal", "vertical"];
  const splits = { train: 32, val: 16 };
  for (const [split, n] of Object.entries(splits))
    for (const cls of classes)
      for (let i = 0; i < n / 2; i++) {
        fs.mkdirSync(path.join(dir, "images", split, cls), { recursive: true });
        fs.writeFileSync(path.join(dir, "images", split, cls, `${i}.png`), Buffer.alloc(32 + i));
      }
  const { registerDataset } = await gql<{ registerDataset: { id: string } }>(
    `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }`,
    { i: { name: "bars", rootUri: path.join(dir, "images"), layout: "IMAGE_FOLDER" } },
  );
  // Never loaded (a LOFF run trains on the cache): a file where a model's weights would be.
  const weights = path.join(dir, "models", "none.onnx");
  fs.mkdirSync(path.dirname(weights), { recursive: true });
  fs.writeFileSync(weights, "");
  const { registerFoundationModel } = await gql<{ registerFoundationModel: { id: string } }>(
    `mutation($i: RegisterFoundationModelInput!) { registerFoundationModel(input: $i) { id } }`,
    {
      i: {
        name: "dinov2-vits14",
        family: "DINOV2",
        patchSize: 14,
        embedDim: 384,
        depth: 12,
        heads: 6,
        defaultImageSize: 224,
        weightsUri: pathToFileURL(weights).href,
      },
    },
  );
  const { requestFeatureCache } = await gql<{ requestFeatureCache: { id: string } }>(
    `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`,
    { i: { datasetId: registerDataset.id, modelId: registerFoundationModel.id, resolution: 56 } },
  );
  const cacheDir = path.join(dir, "cache");
  await writeBarsCache(cacheDir, { h: 4, w: 4, d: 16, seed: 5, splits, task: "bars" });
  const { registerWorker } = await gql<{ registerWorker: { id: string } }>(
    `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }`,
    { i: { name: "fixture-extractor", host: "localhost", backend: "cpu", device: "cpu", memoryBytes: 1e9 } },
  );
  const { claimJob } = await gql<{ claimJob: { id: string } | null }>(
    `mutation($w: ID!) { claimJob(workerId: $w, types: [EXTRACT], leaseSeconds: 600) { id } }`,
    { w: registerWorker.id },
  );
  if (!claimJob) throw new Error("no EXTRACT job to claim");
  await gql(
    `mutation($j: ID!, $w: ID!, $r: JobResultInput!) { completeJob(jobId: $j, workerId: $w, result: $r) { id } }`,
    {
      j: claimJob.id,
      w: registerWorker.id,
      r: {
        cache: {
          gridH: 4,
          gridW: 4,
          dim: 16,
          bytes: 1e5,
          shardCount: 1,
          storageUri: pathToFileURL(cacheDir).href,
          skippedCount: 0,
          mean: [0.485, 0.456, 0.406],
          std: [0.229, 0.224, 0.225],
          splitCounts: Object.entries(splits).map(([split, count]) => ({ split, count })),
        },
      },
    },
  );
  return { cacheId: requestFeatureCache.id };
}

/** Launch a short LOFF run (tiny classifier) on `cacheId`. */
export async function launchRun(
  gql: Gql,
  projectId: string,
  cacheId: string,
  name: string,
  epochs = 2,
): Promise<string> {
  const { launchRun: run } = await gql<{ launchRun: { id: string } }>(
    `mutation($i: LaunchRunInput!) { launchRun(input: $i) { id } }`,
    {
      i: {
        projectId,
        cacheId,
        name,
        kind: "LOFF",
        seed: 1,
        config: {
          classifier: { preset: "tiny" },
          epochs,
          batchSize: 8,
          microBatch: 8,
          schedule: { warmupEpochs: 0 },
          earlyStopping: { enabled: false },
        },
      },
    },
  );
  return run.id;
}

/** The run's status once it has ended (SUCCEEDED, FAILED, CANCELLED), polling the API. */
export async function runEnded(
  gql: Gql,
  runId: string,
  ms = 180_000,
  worker?: Proc,
): Promise<{ status: string; error: string | null }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { run } = await gql<{ run: { status: string; error: string | null } }>(
      `query($id: ID!) { run(id: $id) { status error } }`,
      { id: runId },
    );
    if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(run.status)) return run;
    if (Date.now() > deadline)
      throw new Error(
        `run still ${run.status} after ${ms / 1000} s${worker ? `; worker output:\n${worker.output().slice(-4000)}` : ""}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
