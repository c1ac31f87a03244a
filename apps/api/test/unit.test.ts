/** Pure logic: no database, no server. */
import fs from "node:fs";
import path from "node:path";
import { buildSchema as buildSdlSchema, parse, specifiedRules, validate } from "graphql";
import { schemaSdl } from "@loffta/graphql/schema";
import { assembleSeries, bucketWidth, coarsen, minMaxDownsample, rollupLevelFor } from "../src/services/downsample";
import { readBuckets, readPoints } from "../src/services/metrics";
import { compareMetrics, diffConfigs, flattenConfig, savings } from "../src/services/configdiff";
import { costLimitRule, depthLimitRule } from "../src/limits";
import { configPath, decodeCursor, encodeCursor } from "../src/services/runs";
import { contentHash, parseCsvLine } from "@loffta/graphql/dataset-scan";
import { EventQueue } from "../src/pubsub";
import { API_ENV, ConfigError, loadApiConfig, readEnv } from "../src/config";

describe("downsample", () => {
  test("short series are returned whole", () => {
    const s = { steps: [1, 2, 3], values: [3, 1, 2] };
    expect(minMaxDownsample(s, 10)).toEqual(s);
    expect(bucketWidth(0, 999, 1000)).toBe(1);
  });

  test("100k points → ≤ 1000, with the global min, max, first and last point", () => {
    const n = 100_000;
    const steps = Array.from({ length: n }, (_, i) => i);
    const values = steps.map((i) => Math.cos(i / 1000));
    values[77_777] = 9;
    values[3] = -9;
    const out = minMaxDownsample({ steps, values }, 1000);
    expect(out.steps.length).toBeLessThanOrEqual(1000);
    expect(out.steps.length).toBeGreaterThan(990);
    expect(out.steps[out.values.indexOf(9)]).toBe(77_777);
    expect(out.steps[out.values.indexOf(-9)]).toBe(3);
    expect([out.steps[0], out.steps.at(-1)]).toEqual([0, n - 1]);
    expect([...out.steps].sort((a, b) => a - b)).toEqual(out.steps); // sorted, unique
    expect(new Set(out.steps).size).toBe(out.steps.length);
  });

  test("assembleSeries orders each bucket's extremes by step and drops repeats", () => {
    const s = assembleSeries({ step: 0, value: 5 }, { step: 9, value: 1 }, [
      { minStep: 0, minValue: 5, maxStep: 0, maxValue: 5 },
      { minStep: 6, minValue: -1, maxStep: 4, maxValue: 8 },
    ]);
    expect(s).toEqual({ steps: [0, 4, 6, 9], values: [5, 8, -1, 1] });
  });
});

test("rollup re-bucketing keeps real points and the global extremes", () => {
  expect(rollupLevelFor(7)).toBe(3);
  expect(rollupLevelFor(21)).toBe(5);
  expect(rollupLevelFor(40)).toBe(7);
  expect(rollupLevelFor(1e9)).toBe(15);
  // Fine buckets of 8 steps over 0..79; target width 20.
  const fine = Array.from({ length: 10 }, (_, b) => ({ minStep: b * 8 + 1, minValue: -b, maxStep: b * 8 + 6, maxValue: b }));
  const out = coarsen(fine, 0, 20);
  expect(out).toHaveLength(4);
  expect(out[0]).toEqual({ minStep: 17, minValue: -2, maxStep: 14, maxValue: 1 });
  expect(Math.min(...out.map((e) => e.minValue))).toBe(-9);
  expect(Math.max(...out.map((e) => e.maxValue))).toBe(9);
  for (const e of out) expect(Math.floor(e.minStep / 20)).toBe(Math.floor(e.maxStep / 20));
  // Placement is by step: the fine buckets' order does not matter.
  expect(coarsen([...fine].reverse(), 0, 20)).toEqual(out);
});

test("packed series records decode (big-endian int4/float8), unsorted points get sorted", () => {
  const rec = (...fields: [number, number][]) =>
    Buffer.concat(
      fields.map(([step, value]) => {
        const b = Buffer.alloc(12);
        b.writeInt32BE(step, 0);
        b.writeDoubleBE(value, 4);
        return b;
      }),
    );
  expect(readPoints(rec([1, 0.5], [2, -1.25], [7, 1e-300]))).toEqual({ steps: [1, 2, 7], values: [0.5, -1.25, 1e-300] });
  expect(readPoints(rec([9, 3], [2, 1], [5, 2]))).toEqual({ steps: [2, 5, 9], values: [1, 2, 3] });
  expect(readPoints(Buffer.alloc(0))).toEqual({ steps: [], values: [] });
  expect(readBuckets(Buffer.concat([rec([3, -2]), rec([6, 4.5])]))).toEqual([{ minStep: 3, minValue: -2, maxStep: 6, maxValue: 4.5 }]);
});

describe("config diff", () => {
  test("only differing paths, arrays compared whole, missing as null", () => {
    const a = { optimizer: { lr: 1e-3, betas: [0.9, 0.999] }, augment: { flip: { p: 0.5 } }, epochs: 10 };
    const b = { optimizer: { lr: 1e-4, betas: [0.9, 0.999] }, augment: { flip: { p: 0.5 }, noise: 0.1 }, epochs: 10 };
    expect(diffConfigs([a, b])).toEqual([
      { path: "augment.noise", values: [null, 0.1] },
      { path: "optimizer.lr", values: [1e-3, 1e-4] },
    ]);
    expect(diffConfigs([a, a])).toEqual([]);
    expect([...flattenConfig({ x: { y: [1, { z: 2 }] }, e: {} }).keys()]).toEqual(["x.y", "e"]);
  });

  test("metrics side by side and savings", () => {
    // Only metrics of the catalogue: evalCount, confusion and other keys are not compared.
    expect(compareMetrics([{ loss: 0.3, accuracy: 0.5, evalCount: 10, count: 10, confusion: [[1]], note: "x" }, null])).toEqual([
      { key: "accuracy", values: [0.5, null] },
      { key: "loss", values: [0.3, null] },
    ]);
    expect(savings({ trainImagesPerSec: 300, peakMemoryBytes: 2, baselineImagesPerSec: 10, baselinePeakMemoryBytes: 52 })).toEqual({ speedup: 30, memorySaving: 26 });
    expect(savings({ trainImagesPerSec: 300, peakMemoryBytes: null, baselineImagesPerSec: null, baselinePeakMemoryBytes: 52 })).toEqual({ speedup: null, memorySaving: null });
  });
});

describe("limits", () => {
  const schema = buildSdlSchema(schemaSdl);
  const errors = (q: string, rule: ReturnType<typeof depthLimitRule>) => validate(schema, parse(q), [...specifiedRules, rule]).map((e) => e.message);

  test("depth counts through fragments", () => {
    const q = `query { run(id: "x") { ...A } } fragment A on Run { baselineRun { baselineRun { id } } }`;
    expect(errors(q, depthLimitRule(4))).toEqual([]);
    expect(errors(q, depthLimitRule(3))).toEqual(["query depth 4 exceeds the limit of 3"]);
  });

  test("cost multiplies list fields by their page size", () => {
    const q = `{ runs(first: 50) { edges { node { tags project { name } } } } }`;
    // runs: 1 + 50 × (edges: 1 + 10 × (node: 1 + tags 1 + project (1 + 1)))
    expect(errors(q, costLimitRule(1 + 50 * (1 + 10 * 4)))).toEqual([]);
    expect(errors(q, costLimitRule(100))[0]).toMatch(/^query cost \d+ exceeds the limit of 100$/);
  });
});

describe("small helpers", () => {
  test("cursors round-trip and garbage is refused", () => {
    const c = { v: "0.5", id: "4f3c9a52-8d4e-4a59-9a43-3f7e5c6b7a10" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor("nope")).toThrow("after");
    expect(configPath("optimizer.lr")).toEqual(["optimizer", "lr"]);
    expect(() => configPath("a..b")).toThrow();
  });

  test("CSV quoting and content hashes independent of order", () => {
    expect(parseCsvLine(`"a,b",c,"say ""hi"""`)).toEqual(["a,b", "c", 'say "hi"']);
    expect(contentHash([{ rel: "b", size: 1 }, { rel: "a", size: 2 }])).toBe(contentHash([{ rel: "a", size: 2 }, { rel: "b", size: 1 }]));
    expect(contentHash([{ rel: "a", size: 2 }])).not.toBe(contentHash([{ rel: "a", size: 3 }]));
  });

  test("event queues buffer, hand over to waiting readers, and end on return()", async () => {
    let closed = 0;
    const q = new EventQueue<number>(() => closed++);
    q.push(1);
    const waiting = (async () => {
      const out: number[] = [];
      for await (const v of q) out.push(v);
      return out;
    })();
    await new Promise((r) => setImmediate(r));
    q.push(2);
    await new Promise((r) => setImmediate(r));
    await q.return();
    expect(await waiting).toEqual([1, 2]);
    expect(closed).toBe(1);
  });
});

describe("environment (src/config.ts)", () => {
  test("defaults, parsing, and every problem reported at once", () => {
    expect(loadApiConfig({ DATABASE_URL: "postgresql://x@h/db" })).toEqual({
      databaseUrl: "postgresql://x@h/db",
      port: 4000,
      host: "127.0.0.1",
      corsOrigins: ["*"],
      poolSize: 10,
      storageRoots: [],
    });
    expect(loadApiConfig({ DATABASE_URL: "u", PORT: "0", HOST: "127.0.0.1", LOFFTA_CORS_ORIGINS: " http://a , http://b ,", LOFFTA_API_POOL_SIZE: "3", LOFFTA_STORAGE_ROOTS: "/srv/a: /srv/b:" })).toMatchObject({
      port: 0,
      host: "127.0.0.1",
      corsOrigins: ["http://a", "http://b"],
      poolSize: 3,
      storageRoots: ["/srv/a", "/srv/b"],
    });
    expect(() => readEnv("LOFFTA_STORAGE_ROOTS", { LOFFTA_STORAGE_ROOTS: "/srv/a:data" })).toThrow(/LOFFTA_STORAGE_ROOTS="\/srv\/a:data": storage roots must be absolute/);
    expect(readEnv("PORT", { PORT: "" })).toBe(4000); // empty = unset
    let err: unknown;
    try {
      loadApiConfig({ PORT: "80.5", LOFFTA_API_POOL_SIZE: "0" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/DATABASE_URL is not set.*PORT="80\.5": must be an integer.*LOFFTA_API_POOL_SIZE="0"/);
  });

  test("every variable is documented in docs/api.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../../docs/api.md"), "utf8");
    for (const name of Object.keys(API_ENV)) expect(doc).toContain(`\`${name}\``);
  });

  test("no process.env outside src/config.ts; resolvers never query the database themselves", () => {
    const src = path.join(__dirname, "../src");
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === "generated" ? [] : files(path.join(dir, e.name))) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    const all = files(src);
    expect(all.filter((f) => /process\.env/.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(src, f))).toEqual(["config.ts"]);
    // Resolvers hand their context to a service (resolvers/metrics.ts passes ctx.pool to metricSeries).
    const direct = all
      .filter((f) => f.includes(`${path.sep}resolvers${path.sep}`))
      .flatMap((f) => {
        const text = fs.readFileSync(f, "utf8").replace(/metricSeries\(ctx\.pool,/g, "");
        return /ctx\.(prisma|pool)\b/.test(text) ? [path.relative(src, f)] : [];
      });
    expect(direct).toEqual([]);
  });
});
