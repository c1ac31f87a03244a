import fs from "node:fs";
import path from "node:path";
import { WORKER_ENV, workerEnv } from "./config";

const ROOT = path.resolve(__dirname, "../../..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe("worker environment", () => {
  it("every variable is documented in docs/worker-service.md", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/worker-service.md"), "utf8");
    for (const name of Object.keys(WORKER_ENV)) expect(doc).toContain(`\`${name}\``);
  });
  it("no worker module reads a LOFFTA_ variable around config.ts", () => {
    const offenders = sources(path.join(ROOT, "apps/worker/src")).filter(
      (f) => !f.endsWith(`${path.sep}config.ts`) && /process\.env\.LOFFTA_|env\.LOFFTA_/.test(fs.readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
  it("parses values and names the variable of a bad one", () => {
    expect(workerEnv("LOFFTA_EXTRACT_SHARD_SIZE", { LOFFTA_EXTRACT_SHARD_SIZE: "8" })).toBe(8);
    expect(workerEnv("LOFFTA_EXTRACT_SHARD_SIZE", {})).toBeUndefined();
    expect(workerEnv("LOFFTA_ISOLATE_RUNS", { LOFFTA_ISOLATE_RUNS: "0" })).toBe(false);
    expect(() => workerEnv("LOFFTA_EXTRACT_SHARD_SIZE", { LOFFTA_EXTRACT_SHARD_SIZE: "x" })).toThrow(/LOFFTA_EXTRACT_SHARD_SIZE/);
  });
});
