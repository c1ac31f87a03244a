/** Waiting on child processes by what they do: lines they print, the processes left running. */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";

export interface Output {
  /** Everything printed so far (stdout and stderr, interleaved as received). */
  text(): string;
  /**
   * Resolves with the match once the output matches `re` (checked as output arrives); rejects
   * when the process closed its output without printing it, or after `ms`.
   */
  waitFor(re: RegExp, ms: number): Promise<RegExpExecArray>;
}

/** Collect a child's stdout and stderr (both must be pipes). */
export function watchOutput(child: ChildProcess, tail = 4000): Output {
  let out = "";
  let closed = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  child.stdout!.on("data", (d) => {
    out += d;
    wake();
  });
  child.stderr!.on("data", (d) => {
    out += d;
    wake();
  });
  // "close": the process exited and all its output has been read.
  child.once("close", () => {
    closed = true;
    wake();
  });
  return {
    text: () => out,
    waitFor: (re, ms) =>
      new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${re} after ${ms / 1000} s:\n${out.slice(-tail)}`));
        }, ms);
        const check = () => {
          const m = re.exec(out);
          if (m) {
            done();
            resolve(m);
          } else if (closed) {
            done();
            reject(new Error(`exited with ${child.exitCode ?? child.signalCode} before printing ${re}:\n${out.slice(-tail)}`));
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

/**
 * Whether a process of process group `pgid` is still running. Zombies (exited, not yet reaped:
 * e.g. orphans of a killed group whose new parent does not reap) count as gone.
 */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw e;
  }
  if (!fs.existsSync("/proc")) return true; // cannot tell zombies apart here
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp …: comm may contain spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") return true;
  }
  return false;
}

/** Resolves once `cond` holds (checked every `every` ms); rejects after `ms`. */
export async function waitUntil(what: string, cond: () => boolean | Promise<boolean>, ms: number, every = 50): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
