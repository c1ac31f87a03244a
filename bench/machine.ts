/** What a bench records about the machine it ran on (bench:api, bench:dispatch): the JSON's `machine`; and how benches summarise and write results. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The 1/5/15-minute load averages, to 2 decimals (other work shares this machine). */
export const loadAvg = (): number[] => os.loadavg().map((x) => +x.toFixed(2));

/** CPUs, their model, Node's version and the memory; the bench adds its load averages. */
export function machine(): { cpus: number; cpuModel: string; node: string; memGiB: number } {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

/** The median (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Write a bench's result as bench/results/<name>.json (2-space JSON, final newline); its path. */
export function writeResult(name: string, result: unknown): string {
  const out = path.resolve(__dirname, "results", `${name}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  return out;
}

const CLOCK_TICKS_PER_SEC = 100; // USER_HZ on Linux

/** User + system CPU seconds of a process (/proc/<pid>/stat; null when unreadable: gone, or not Linux). */
export function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SEC;
  } catch {
    return null;
  }
}

/** CPU seconds of every process named `comm` on this machine (e.g. all Postgres processes: backends, WAL writer, checkpointer). */
export function cpuSecondsOfAll(comm: string): number {
  let total = 0;
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/comm`, "utf8").trim() === comm) total += processCpuSeconds(Number(d)) ?? 0;
    } catch {
      /* exited meanwhile */
    }
  }
  return total;
}

/** This process's own CPU seconds. */
export const ownCpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
