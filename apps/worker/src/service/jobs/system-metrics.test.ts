import { workerEnv } from "../../config";
import type { MetricPointInput } from "../metric-buffer";
import { startSystemMetrics, tfGpuBytes, withSystemMetrics } from "./system-metrics";

function busy(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  if (x < 0) throw new Error("unreachable");
}

describe("system metrics sampler", () => {
  it("measures this process: a busy loop is > 50 % of a core, RSS > 0, steps are whole seconds", async () => {
    const points: MetricPointInput[] = [];
    const s = startSystemMetrics({ emit: (p) => points.push(p), intervalMs: 60_000 });
    busy(1100);
    const a = s.sample();
    expect(a.cpuPercent).toBeGreaterThan(50);
    expect(a.cpuPercent).toBeLessThan(400);
    expect(a.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(a.gpuBytes).toBeUndefined();
    // Idle: the next second is (almost) no CPU.
    await new Promise((r) => setTimeout(r, 1000));
    const b = s.sample();
    expect(b.cpuPercent).toBeLessThan(a.cpuPercent / 2);
    s.stop();
    const keys = [...new Set(points.map((p) => p.key))].sort();
    expect(keys).toEqual(["system/cpu_percent", "system/rss_bytes"]);
    const cpu = points.filter((p) => p.key === "system/cpu_percent");
    expect(cpu[0]!.step).toBe(1); // 1.1 s after the start
    expect(cpu[1]!.step).toBeGreaterThan(1); // ≥ 2.1 s (later on a loaded machine)
    expect(cpu[0]!.value).toBe(a.cpuPercent);
    // Steps only grow (one point per key and second).
    const steps = cpu.map((p) => p.step);
    expect([...steps].sort((x, y) => x - y)).toEqual(steps);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it("samples on its interval and leaves no timer after stop", async () => {
    const points: (MetricPointInput & { at: number })[] = [];
    const t0 = performance.now();
    const s = startSystemMetrics({ emit: (p) => points.push({ ...p, at: performance.now() - t0 }), intervalMs: 1000 });
    expect(s.running).toBe(true);
    // Until the timer took two samples (however late a loaded machine runs it), none by this test.
    const rss = () => points.filter((p) => p.key === "system/rss_bytes");
    for (const deadline = Date.now() + 20_000; rss().length < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    const sampled = rss();
    expect(sampled.length).toBeGreaterThanOrEqual(2);
    // Each step is the seconds since the start, to the nearest second (a timer a little early
    // or late is the same second), and steps only grow.
    for (const p of sampled) expect(p.step).toBe(Math.round(p.at / 1000));
    expect(sampled[0]!.step).toBeGreaterThanOrEqual(1);
    expect(sampled[1]!.step).toBeGreaterThan(sampled[0]!.step);
    s.stop();
    expect(s.running).toBe(false);
    const n = points.length;
    s.stop(); // idempotent
    await new Promise((r) => setTimeout(r, 1300));
    expect(points.length).toBe(n);
  });

  it("GPU memory only with the GPU backend", () => {
    const tf = { memory: () => ({ numBytes: 1234 }) };
    expect(tfGpuBytes(tf, "@tensorflow/tfjs-node-gpu")()).toBe(1234);
    expect(tfGpuBytes(tf, "@tensorflow/tfjs-node")()).toBeUndefined();
    const points: MetricPointInput[] = [];
    const s = startSystemMetrics({
      emit: (p) => points.push(p),
      intervalMs: 60_000,
      gpuBytes: tfGpuBytes(tf, "@tensorflow/tfjs-node-gpu"),
    });
    busy(1010);
    s.stop();
    expect(points.find((p) => p.key === "system/gpu_bytes")?.value).toBe(1234);
  });

  it("withSystemMetrics stops sampling when the training fails", async () => {
    const points: { runId: string; point: MetricPointInput }[] = [];
    const ctx = {
      metrics: { add: (runId: string, point: MetricPointInput) => void points.push({ runId, point }), drain: () => Promise.resolve(true) },
    };
    await expect(
      withSystemMetrics(ctx, { id: "r1" }, () => {
        busy(1010);
        return Promise.reject(new Error("boom"));
      }),
    ).rejects.toThrow("boom");
    const n = points.length;
    expect(points.map((p) => p.point.key)).toContain("system/cpu_percent");
    expect(points.every((p) => p.runId === "r1")).toBe(true);
    await new Promise((r) => setTimeout(r, 1200));
    expect(points.length).toBe(n);
  });

  it("a retried run's samples continue from its first start, not from second 0", async () => {
    const points: { runId: string; point: MetricPointInput }[] = [];
    const ctx = {
      metrics: { add: (runId: string, point: MetricPointInput) => void points.push({ runId, point }), drain: () => Promise.resolve(true) },
    };
    // The run started 3,600.5 s ago (its first attempt); this attempt samples now.
    const startedAt = new Date(Date.now() - 3_600_500).toISOString();
    await withSystemMetrics(ctx, { id: "r2", startedAt }, async () => busy(600));
    const steps = points.filter((p) => p.point.key === "system/rss_bytes").map((p) => p.point.step);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      expect(s).toBeGreaterThanOrEqual(3600);
      expect(s).toBeLessThan(3600 + 30);
    }
    // A worker clock behind the API's (startedAt in this worker's future): never a negative step.
    const ahead: MetricPointInput[] = [];
    const s = startSystemMetrics({ emit: (p) => ahead.push(p), intervalMs: 60_000, since: new Date(Date.now() + 90_000) });
    busy(1010);
    s.stop();
    expect(ahead.length).toBeGreaterThan(0);
    expect(ahead.every((p) => p.step >= 0 && p.step <= 2)).toBe(true);
  });

  it("LOFFTA_SYSTEM_METRICS_MS defaults to 5000", () => {
    expect(workerEnv("LOFFTA_SYSTEM_METRICS_MS", {})).toBe(5000);
    expect(workerEnv("LOFFTA_SYSTEM_METRICS_MS", { LOFFTA_SYSTEM_METRICS_MS: "250" })).toBe(250);
    expect(() => workerEnv("LOFFTA_SYSTEM_METRICS_MS", { LOFFTA_SYSTEM_METRICS_MS: "0" })).toThrow(
      /LOFFTA_SYSTEM_METRICS_MS/,
    );
  });
});
