/** What a bench records about the machine it ran on (bench:api, bench:dispatch): the JSON's `machine`. */
import os from "node:os";

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
