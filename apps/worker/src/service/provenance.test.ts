import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { initBackend } from "../core/backend";
import { collectProvenance, gitCommitOf } from "./provenance";

const ROOT = path.resolve(__dirname, "../../../..");

describe("worker provenance", () => {
  it("reads the checkout's commit, and none outside a git work tree's top level", () => {
    let head: string | undefined;
    try {
      head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    } catch {
      head = undefined;
    }
    expect(gitCommitOf(ROOT)).toBe(head);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-prov-"));
    try {
      expect(gitCommitOf(tmp)).toBeUndefined();
      // A folder inside the checkout is not the checkout's root.
      expect(gitCommitOf(path.join(ROOT, "apps"))).toBeUndefined();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("reports Loffta's, tfjs-core's and Node's versions", async () => {
    const b = await initBackend({ quiet: true });
    const p = collectProvenance(b);
    const pkg = (f: string) => (JSON.parse(fs.readFileSync(f, "utf8")) as { version: string }).version;
    expect(p.lofftaVersion).toBe(pkg(path.join(ROOT, "package.json")));
    expect(p.tfjsVersion).toBe(pkg(path.join(ROOT, "node_modules/@tensorflow/tfjs-core/package.json")));
    expect(p.nodeVersion).toBe(process.version);
    if (b.package === "@tensorflow/tfjs") expect(p.tfjsNodeVersion).toBeUndefined();
    else {
      expect(p.tfjsNodeVersion).toBe(pkg(path.join(ROOT, "node_modules", b.package, "package.json")));
      expect(p.tensorflowVersion).toMatch(/^\d+\.\d+/);
    }
  });

  it("sends only fields completeJob's RunResultInput has (GPU name and memory ride in `device`)", async () => {
    const sdl = fs.readFileSync(path.join(ROOT, "graphql/workers.graphql"), "utf8");
    const body = /input RunResultInput \{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? "";
    const fields = new Set([...body.matchAll(/^\s*(\w+)\s*:/gm)].map((m) => m[1]));
    expect(fields).toContain("device");
    // Every key the worker spreads into a run's result (worker.ts) must be an input field, or
    // completeJob fails validation and the run is never completed.
    const gpuBackend = { ...(await initBackend({ quiet: true })), device: "tfjs-node-gpu (native TensorFlow, GPU: NVIDIA H200, 140 GiB)", gpu: { name: "NVIDIA H200", memoryBytes: 150e9 } };
    for (const key of Object.keys(collectProvenance(gpuBackend))) expect(fields).toContain(key);
  });
});
