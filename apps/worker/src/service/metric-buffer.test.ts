import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MetricBuffer, type MetricPointInput } from "./metric-buffer";

/** A stand-in for the API's idempotent ingest: a set keyed by (run, key, step). */
function fakeApi() {
  const stored = new Map<string, number>();
  let up = true;
  let calls = 0;
  const waiters: (() => void)[] = [];
  return {
    stored,
    setUp: (v: boolean) => (up = v),
    get calls() {
      return calls;
    },
    /** Resolves once `n` points are stored (rejects after `ms`). */
    waitStored: (n: number, ms = 5000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${n} stored points (got ${stored.size})`)), ms);
        const check = () => {
          if (stored.size >= n) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      }),
    send: async (runId: string, points: MetricPointInput[]) => {
      calls++;
      await new Promise((r) => setTimeout(r, 2)); // network latency (lets sends overlap with adds)
      if (!up) throw new Error("ECONNREFUSED");
      for (const p of points)
        if (!stored.has(`${runId}/${p.key}/${p.step}`)) stored.set(`${runId}/${p.key}/${p.step}`, p.value);
      for (const w of waiters.splice(0)) w();
    },
  };
}

const point = (step: number): MetricPointInput => ({
  key: "loss",
  step,
  value: 1 / (step + 1),
  wallTime: new Date().toISOString(),
});

describe("MetricBuffer", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-spool-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("batches points: one send per maxPoints", async () => {
    const api = fakeApi();
    const buf = new MetricBuffer({ send: api.send, spoolDir: dir, maxPoints: 100, intervalMs: 10_000 });
    for (let i = 0; i < 250; i++) buf.add("r1", point(i));
    expect(await buf.drain()).toBe(true);
    expect(api.stored.size).toBe(250);
    expect(api.calls).toBe(3);
    buf.close();
  });

  it("flushes on the interval when few points arrive", async () => {
    const api = fakeApi();
    const buf = new MetricBuffer({ send: api.send, spoolDir: dir, maxPoints: 1000, intervalMs: 50 });
    buf.add("r1", point(0));
    expect(api.calls).toBe(0); // below maxPoints: adding does not send
    // Nobody calls flush or drain: the interval timer sends it.
    await api.waitStored(1);
    expect(api.stored.size).toBe(1);
    expect(api.calls).toBe(1);
    buf.close();
  });

  it("keeps points on disk while the API is down and resends them, without gaps or duplicates", async () => {
    const api = fakeApi();
    api.setUp(false);
    const errors: unknown[] = [];
    const buf = new MetricBuffer({
      send: api.send,
      spoolDir: dir,
      maxPoints: 10,
      intervalMs: 20,
      backoffMs: 10,
      onError: (e) => errors.push(e),
    });
    for (let i = 0; i < 95; i++) buf.add("r1", point(i));
    await buf.flush();
    expect(api.stored.size).toBe(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(buf.backlog).toBe(95);
    expect(
      fs.readFileSync(path.join(dir, "metrics-spool.jsonl"), "utf8").split("\n").filter(Boolean).length,
    ).toBeGreaterThan(0);

    api.setUp(true);
    expect(await buf.drain()).toBe(true);
    expect([...api.stored.keys()].sort()).toEqual(
      Array.from({ length: 95 }, (_, i) => `r1/loss/${i}`).sort(),
    );
    expect(buf.backlog).toBe(0);
    buf.close();
  });

  it("a new buffer (worker restarted) resends what a crashed one left in the spool", async () => {
    const api = fakeApi();
    api.setUp(false);
    const first = new MetricBuffer({ send: api.send, spoolDir: dir, maxPoints: 1000, intervalMs: 10_000 });
    for (let i = 0; i < 40; i++) first.add("r2", point(i));
    first.close(); // "crash": unsent points were spooled, nothing acknowledged
    fs.appendFileSync(path.join(dir, "metrics-spool.jsonl"), '{"runId":"r2","points":[{"key":"lo'); // torn write

    api.setUp(true);
    const second = new MetricBuffer({ send: api.send, spoolDir: dir });
    expect(await second.drain()).toBe(true);
    expect(api.stored.size).toBe(40);
    second.close();
  });

  it("keeps points added while a send is in flight", async () => {
    const api = fakeApi();
    const buf = new MetricBuffer({ send: api.send, spoolDir: dir, maxPoints: 5, intervalMs: 5 });
    for (let i = 0; i < 200; i++) {
      buf.add("r3", point(i));
      if (i % 7 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(await buf.drain()).toBe(true);
    expect(api.stored.size).toBe(200);
    buf.close();
  });
});
