/**
 * W&B suite harness: the REAL `wandb` Python client (0.30.0, in the gitignored .venv-wandb,
 * installed here when missing; /work/shared/docs/wandb-client-offline.md) against a real API server
 * on a fresh database, two teams with MEMBER tokens, and GraphQL reads of what the client logged.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { post, startSecurityHarness, type SecurityHarness } from "../security/harness";
import { wandbKeyFor } from "../../apps/api/src/wandb/mapping";

export const REPO = path.resolve(__dirname, "../..");
export const VENV = path.join(REPO, ".venv-wandb");
const PY = path.join(VENV, "bin", "python");
const PIP = path.join(VENV, "bin", "pip");
/** The stand-in for opentelemetry-semantic-conventions, needed only when the fallback install was used. */
const STANDIN_DIR = path.join(__dirname, "py");
const MARKER = path.join(VENV, "loffta-install.txt");
export const WANDB_VERSION = "0.30.0";
export const TRAIN_SCRIPT = path.join(__dirname, "py", "train.py");

/** wandb's own dependencies, installed one by one when `pip install wandb` cannot resolve them all. */
const FALLBACK_DEPS = ["click", "opentelemetry-api", "packaging", "platformdirs", "protobuf>=5,<8", "pydantic>=2.6,<3", "pyyaml", "requests<3", "typing-extensions", "xxhash"];

export class WandbSetupError extends Error {
  override name = "WandbSetupError";
}

function sh(cmd: string, args: string[], timeoutMs: number): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: timeoutMs, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: "1" } });
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

function pythonEnv(mode: string): NodeJS.ProcessEnv {
  return mode === "fallback" ? { PYTHONPATH: STANDIN_DIR } : {};
}

function importsWandb(mode: string): boolean {
  const r = spawnSync(PY, ["-c", "import wandb; print(wandb.__version__)"], { encoding: "utf8", timeout: 120_000, env: { ...process.env, ...pythonEnv(mode) } });
  return r.status === 0 && r.stdout.trim() === WANDB_VERSION;
}

/**
 * The venv with wandb 0.30.0: reused when it imports; else created: `pip install wandb==0.30.0`, and
 * when the registry cannot resolve all of wandb's dependencies, the documented fallback (wandb
 * without dependencies, its run-logging dependencies one by one, the semconv stand-in). Returns the
 * install path taken ("full" | "fallback"), logged; a clear WandbSetupError when pip cannot install.
 */
export function ensureWandbClient(): string {
  const known = fs.existsSync(MARKER) ? fs.readFileSync(MARKER, "utf8").trim() : null;
  if (known && importsWandb(known)) return known;
  if (!fs.existsSync(PY)) {
    const v = sh("python3", ["-m", "venv", VENV], 120_000);
    if (!v.ok) throw new WandbSetupError(`python3 -m venv ${VENV} failed (python3 ≥ 3.9 with venv needed):\n${v.out.slice(-2000)}`);
  }
  let mode = "full";
  const full = sh(PIP, ["install", "-q", `wandb==${WANDB_VERSION}`], 900_000);
  if (!full.ok || !importsWandb("full")) {
    mode = "fallback";
    const w = sh(PIP, ["install", "-q", "--no-deps", `wandb==${WANDB_VERSION}`], 900_000);
    if (!w.ok)
      throw new WandbSetupError(
        `pip could not install wandb==${WANDB_VERSION} from the Python registry (is it reachable? pip's config: \`pip config list\`).\n${w.out.slice(-2000)}`,
      );
    for (const dep of FALLBACK_DEPS) {
      const d = sh(PIP, ["install", "-q", dep], 900_000);
      if (!d.ok) throw new WandbSetupError(`pip could not install ${dep} (a dependency of wandb) from the Python registry:\n${d.out.slice(-2000)}`);
    }
    const otel = sh(PIP, ["install", "-q", "--no-deps", "opentelemetry-sdk"], 900_000);
    if (!otel.ok) throw new WandbSetupError(`pip could not install opentelemetry-sdk:\n${otel.out.slice(-2000)}`);
    if (!importsWandb("fallback")) throw new WandbSetupError(`wandb ${WANDB_VERSION} installed in ${VENV} but \`import wandb\` fails`);
  }
  fs.writeFileSync(MARKER, `${mode}\n`);
  console.log(`[wandb tests] wandb ${WANDB_VERSION} installed in ${VENV} (${mode === "full" ? "pip install wandb" : "fallback: --no-deps + run-logging deps + semconv stand-in"})`);
  return mode;
}

export interface WandbHarness extends SecurityHarness {
  /** WANDB_BASE_URL of this server: http://127.0.0.1:<port>/wandb */
  baseUrl: string;
  /** WANDB_DIR of the scripts (the client's run folders and debug logs). */
  dir: string;
  /** W&B API keys (loffta-<token>-wandb) of team A's and team B's MEMBER tokens. */
  keyA: string;
  keyB: string;
  installMode: string;
  /** Run a Python script (a path, or the interpreter's arguments, e.g. ["-m", "wandb", "sync", dir]) with the real client pointed at this server. */
  python(script: string | string[], env?: Record<string, string>, opts?: { timeoutMs?: number }): PythonRun;
  /** A GraphQL query as team A's member (Loffta's own /graphql). */
  gqlA<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface PythonRun {
  child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once it ended. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/**
 * Run the real client: a Python script (a path, or the interpreter's arguments) with WANDB_BASE_URL
 * and WANDB_API_KEY set, its run folders under `dir`; SIGKILLed after `timeoutMs` (default 5 min).
 */
export function runClient(
  target: { baseUrl: string; key: string; dir: string; installMode: string },
  script: string | string[],
  extra: Record<string, string> = {},
  opts: { timeoutMs?: number } = {},
): PythonRun {
  const child = spawn(PY, typeof script === "string" ? [script] : script, {
    cwd: target.dir,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: target.dir,
      ...pythonEnv(target.installMode),
      WANDB_BASE_URL: target.baseUrl,
      WANDB_API_KEY: target.key,
      WANDB_DIR: target.dir,
      WANDB_CONFIG_DIR: path.join(target.dir, ".config"),
      WANDB_CACHE_DIR: path.join(target.dir, ".cache"),
      WANDB_DISABLE_GIT: "true",
      WANDB_CONSOLE: "wrap",
      ...extra,
    },
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 300_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output: out });
    }),
  );
  return { child, output: () => out, done };
}

export async function startWandbHarness(label: string, env: Record<string, string> = {}): Promise<WandbHarness> {
  const installMode = ensureWandbClient();
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const h = await startSecurityHarness(`wb_${label}`).finally(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  });
  const baseUrl = h.url.replace(/\/graphql$/, "/wandb");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `loffta-wandb-${label}-`));
  const keyA = wandbKeyFor(h.a.member.secret);
  return {
    ...h,
    baseUrl,
    dir: tmp,
    keyA,
    keyB: wandbKeyFor(h.b.member.secret),
    installMode,
    python: (script, extra = {}, opts = {}) => runClient({ baseUrl, key: keyA, dir: tmp, installMode }, script, extra, opts),
    async gqlA<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const r = await post<T>(h.url, h.a.member.secret, query, variables);
      if (r.body.errors?.length || !r.body.data) throw new Error(`GraphQL: ${JSON.stringify(r.body.errors)}`);
      return r.body.data;
    },
    close: async () => {
      await h.close();
      if (!process.env.LOFFTA_WANDB_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Wait until `fn` returns a value (not undefined/null/false), polling. */
export async function until<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const RUNS_QUERY = `query Runs($projectId: ID!) { runs(filter: { projectId: $projectId }, first: 50) { edges { node { id name kind status config tags notes error host startedAt endedAt trainImagesPerSec peakMemoryBytes wallTimeSec finalMetrics metricKeys } } } }`;
