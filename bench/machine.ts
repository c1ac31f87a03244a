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
