/** Real processes for end-to-end tests: the API (apps/api/src/main.ts) and workers. */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import fs from "node:fs";

export const ROOT = path.resolve(__dirname, "../..");

/**
 * Storage roots of test servers and workers (LOFFTA_STORAGE_ROOTS): the temporary folder tests
 * write datasets to and the reference model fixtures.
 */
const FIXTURES_ROOT = path.join(ROOT, "apps/worker/fixtures");
/**
 * The tests' storage roots: the temporary folder (datasets and weights the tests write) and the
 * worker's fixtures — one root only when the checkout itself lies in the temporary folder (a
 * fresh clone under /tmp): roots must not be nested.
 */
export const TEST_STORAGE_ROOTS = path
  .relative(fs.realpathSync(os.tmpdir()), fs.realpathSync(FIXTURES_ROOT))
  .startsWith("..")
  ? [os.tmpdir(), FIXTURES_ROOT]
  : [os.tmpdir()];

export interface Proc {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return {
    child,
    output: () => out,
    exited,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 60_000,
  every = 200,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

/** The API as its own process (so a test can kill and restart it). */
export async function startApiProcess(databaseUrl: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<Proc> {
  const p = spawnTs("apps/api/src/main.ts", [], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOFFTA_STORAGE_ROOTS: TEST_STORAGE_ROOTS.join(":"),
    ...env,
  });
  await waitFor(
    "the API /healthz",
    async () => {
      if (p.child.exitCode !== null) throw new Error(`api exited: ${p.output()}`);
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    },
    90_000,
  );
  return p;
}

export function startWorkerProcess(opts: {
  api: string;
  token: string;
  name: string;
  home: string;
  leaseSeconds?: number;
  env?: NodeJS.ProcessEnv;
}): Proc {
  return spawnTs(
    "apps/worker/src/service/main.ts",
    [
      "--api",
      opts.api,
      "--name",
      opts.name,
      "--home",
      opts.home,
      "--lease-seconds",
      String(opts.leaseSeconds ?? 5),
      "--heartbeat-ms",
      "1000",
    ],
    { LOFFTA_TF_BACKEND: process.env.LOFFTA_TF_BACKEND ?? "", LOFFTA_TOKEN: opts.token, LOFFTA_STORAGE_ROOTS: TEST_STORAGE_ROOTS.join(":"), ...opts.env },
  );
}

/**
 * An ImageFolder whose label is spatial: class `left` has a bright left half, `right` a bright
 * right half (plus noise), with train/ and val/ splits.
 */
export async function writeSpatialDataset(
  root: string,
  perClass: { train: number; val: number },
  size = 28,
): Promise<void> {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (const split of ["train", "val"] as const) {
    for (const cls of ["left", "right"]) {
      const dir = path.join(root, split, cls);
      fs.mkdirSync(dir, { recursive: true });
      for (let i = 0; i < perClass[split]; i++) {
        const px = Buffer.alloc(size * size * 3);
        for (let y = 0; y < size; y++)
          for (let x = 0; x < size; x++) {
            const bright = x < size / 2 === (cls === "left");
            const v = Math.max(0, Math.min(255, (bright ? 200 : 40) + (rand() - 0.5) * 60));
            px.fill(v, (y * size + x) * 3, (y * size + x) * 3 + 3);
          }
        await sharp(px, { raw: { width: size, height: size, channels: 3 } })
          .png()
          .toFile(path.join(dir, `${i}.png`));
      }
    }
  }
}
