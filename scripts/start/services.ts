import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import { logSafe } from "@loffta/graphql/log-safe";

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** URL that answers 2xx once the service is ready. */
  readyUrl?: string;
  readyTimeoutMs?: number;
}

export interface RunningService {
  spec: ServiceSpec;
  child: ChildProcess;
  exited: Promise<number | null>;
}

const COLORS = [36, 35, 33, 32, 34];

/** Start a child process whose output is prefixed with its name. */
export function startService(
  spec: ServiceSpec,
  index: number,
  onExit: (s: RunningService, code: number | null) => void,
): RunningService {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tag = process.stdout.isTTY
    ? `\x1b[${COLORS[index % COLORS.length]}m${spec.name.padEnd(7)}\x1b[0m|`
    : `${spec.name.padEnd(7)}|`;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline
      .createInterface({ input: stream })
      // A service's line is relayed as one line: control characters in it (ANSI escapes, a
      // carriage return) are escaped, so it cannot rewrite the prefix or the lines around it.
      .on("line", (line) => process.stdout.write(`${tag} ${logSafe(line)}\n`));
  }
  const service: RunningService = {
    spec,
    child,
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
  };
  void service.exited.then((code) => onExit(service, code));
  return service;
}

/** Poll `url` until it answers 2xx, the process exits, or the timeout passes. */
export async function waitReady(service: RunningService): Promise<void> {
  const { readyUrl, readyTimeoutMs = 120_000, name } = service.spec;
  if (!readyUrl) return;
  const deadline = Date.now() + readyTimeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before it was ready (see its log lines above)`);
    try {
      const r = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready at ${readyUrl} after ${readyTimeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopService(service: RunningService, graceMs = 10_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill("SIGTERM");
  const timer = setTimeout(() => service.child.kill("SIGKILL"), graceMs);
  await service.exited;
  clearTimeout(timer);
}
