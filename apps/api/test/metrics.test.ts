import { startApiServer, type ApiServer } from "../src/server";
import { ROLLUP_LEVELS } from "../src/services/downsample";
import { collect, insertRun, metricsProbe, ok, startHarness, waitUntil, wsClient, type Harness } from "./helpers";

const LOG = `mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { inserted duplicates cancelled } }`;
const SUB = `subscription($runId: ID!, $keys: [String!]) { metricsAppended(runId: $runId, keys: $keys) { runId points { key step value } } }`;

type Batch = { metricsAppended: { runId: string; points: { key: string; step: number; value: number }[] } };

let h: Harness;
let serverB: ApiServer;
beforeAll(async () => {
  h = await startHarness("metrics");
  serverB = await startApiServer({ databaseUrl: h.db.url, poolSize: 3, log: () => {} });
});
afterAll(async () => {
  await serverB?.close();
  await h?.close();
});

/**
 * A new run with a member's live subscription to all its keys (registered: its probe point has
 * arrived), the probe to fence it with, and `close` to end subscription and socket.
 */
async function subscribedRun() {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<Batch>(client, SUB, { runId: run.id });
  const probe = metricsProbe(h.db.prisma, run.id);
  await sub.live(probe);
  return {
    run,
    sub,
    probe,
    close: async () => {
      sub.dispose();
      await client.dispose();
    },
  };
}

test("a subscriber receives the points another client logs (only its keys)", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<Batch>(client, SUB, { runId: run.id, keys: ["loss"] });
  await sub.live(metricsProbe(h.db.prisma, run.id, "loss"));
  const points = [
    { key: "loss", step: 1, value: 0.9 },
    { key: "acc", step: 1, value: 0.1 },
    { key: "loss", step: 2, value: 0.8 },
  ];
  const r = await ok<{ logMetrics: { inserted: number } }>(h.url, h.a.worker, LOG, { runId: run.id, points });
  expect(r.logMetrics.inserted).toBe(3);
  const [ev] = await sub.waitFor(1);
  expect(ev.metricsAppended.points).toEqual([
    { key: "loss", step: 1, value: 0.9 },
    { key: "loss", step: 2, value: 0.8 },
  ]);
  sub.dispose();
  await client.dispose();
});

test("a retried batch stores nothing twice and re-announces nothing", async () => {
  const { run, sub, probe, close } = await subscribedRun();
  // Duplicates inside the batch too.
  const points = Array.from({ length: 500 }, (_, i) => ({ key: i % 2 ? "a" : "b", step: Math.floor(i / 2), value: i }));
  points.push({ key: "a", step: 0, value: 123 });
  const first = await ok<{ logMetrics: { inserted: number; duplicates: number } }>(h.url, h.a.worker, LOG, { runId: run.id, points });
  expect(first.logMetrics).toEqual({ inserted: 500, duplicates: 1, cancelled: false });
  const again = await ok<{ logMetrics: { inserted: number; duplicates: number } }>(h.url, h.a.worker, LOG, { runId: run.id, points });
  expect(again.logMetrics).toEqual({ inserted: 0, duplicates: 501, cancelled: false });
  expect(await h.db.prisma.metricPoint.count({ where: { runId: run.id } })).toBe(500);
  // 500 points exceed NOTIFY's 8000 bytes: delivered by reference, fetched once by id range.
  const [ev] = await sub.waitFor(1);
  expect(ev.metricsAppended.points).toHaveLength(500);
  await sub.fence(probe); // an announcement of the retried batch would have arrived before this
  expect(sub.events).toHaveLength(1);
  await close();
});

test("logMetricColumns stores exactly what logMetrics stores for the same points (keys, steps, values, wall times)", async () => {
  const COLS = `mutation($runId: ID!, $columns: MetricColumnsInput!) { logMetricColumns(runId: $runId, columns: $columns) { inserted duplicates cancelled } }`;
  const [byObjects, byColumns] = [await insertRun(h.db.prisma, h.a.projectId), await insertRun(h.db.prisma, h.a.projectId)];
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<Batch>(client, SUB, { runId: byColumns.id, keys: ["val/acc"] });
  await sub.live(metricsProbe(h.db.prisma, byColumns.id, "val/acc"));
  // Values that print long (1/3, 1e-300, -0.1 + …) must arrive as the same doubles.
  const points = Array.from({ length: 60 }, (_, i) => ({
    key: ["train/loss", "val/acc", "lr"][i % 3],
    step: Math.floor(i / 3) * 7,
    value: i % 3 === 2 ? 1e-300 * (i + 1) : Math.sin(i) / 3 - 0.1,
    ...(i % 4 === 0 ? { wallTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i, 123)).toISOString() } : {}),
  }));
  await ok(h.url, h.a.worker, LOG, { runId: byObjects.id, points });
  const columns = { keys: ["lr", "val/acc", "train/loss"], key: [] as number[], steps: [] as number[], values: [] as number[], wallTimes: [] as (string | null)[] };
  for (const p of points) {
    columns.key.push(columns.keys.indexOf(p.key));
    columns.steps.push(p.step);
    columns.values.push(p.value);
    columns.wallTimes.push(p.wallTime ?? null);
  }
  const r = await ok<{ logMetricColumns: unknown }>(h.url, h.a.worker, COLS, { runId: byColumns.id, columns });
  expect(r.logMetricColumns).toEqual({ inserted: 60, duplicates: 0, cancelled: false });
  const again = await ok<{ logMetricColumns: unknown }>(h.url, h.a.worker, COLS, { runId: byColumns.id, columns });
  expect(again.logMetricColumns).toEqual({ inserted: 0, duplicates: 60, cancelled: false });
  const rows = async (runId: string) =>
    (await h.db.prisma.metricPoint.findMany({ where: { runId }, orderBy: [{ key: "asc" }, { step: "asc" }] })).map((p) => ({ key: p.key, step: p.step, value: p.value, wall: p.wallTime.toISOString() }));
  const [a, b] = [await rows(byObjects.id), await rows(byColumns.id)];
  expect(b.map(({ wall: _w, ...p }) => p)).toEqual(a.map(({ wall: _w, ...p }) => p));
  expect(b).toHaveLength(60);
  // Given wall times are kept exactly; the others are the time of receipt.
  for (const p of points) {
    const stored = b.find((x) => x.key === p.key && x.step === p.step);
    expect(stored?.value).toBe(p.value);
    if (p.wallTime) expect(stored?.wall).toBe(p.wallTime);
    else expect(Math.abs(Date.parse(stored?.wall ?? "") - Date.now())).toBeLessThan(60_000);
  }
  const [ev] = await sub.waitFor(1);
  expect(ev.metricsAppended.points).toEqual(points.filter((p) => p.key === "val/acc").map(({ key, step, value }) => ({ key, step, value })));
  sub.dispose();
  await client.dispose();
});

test("a large batch stored in part before goes in again without what is stored, announced once (its all-new insert fails whole)", async () => {
  const { run, sub, probe, close } = await subscribedRun();
  // Steps increase per key: each batch is first tried as a plain INSERT (no ON CONFLICT).
  const points = Array.from({ length: 600 }, (_, i) => ({ key: i % 3 ? "a" : "b", step: i, value: i / 7 }));
  const log = async (pts: typeof points) => (await ok<{ logMetrics: { inserted: number; duplicates: number } }>(h.url, h.a.worker, LOG, { runId: run.id, points: pts })).logMetrics;
  expect(await log(points.slice(0, 400))).toEqual({ inserted: 400, duplicates: 0, cancelled: false });
  expect(await log(points)).toEqual({ inserted: 200, duplicates: 400, cancelled: false });
  expect(await log(points)).toEqual({ inserted: 0, duplicates: 600, cancelled: false });
  const stored = await h.db.prisma.metricPoint.findMany({ where: { runId: run.id }, orderBy: { step: "asc" } });
  expect(stored.map((p) => ({ key: p.key, step: p.step, value: p.value }))).toEqual(points);
  // The rollups count each stored point once (the failed statement added nothing).
  const coarsest = ROLLUP_LEVELS[ROLLUP_LEVELS.length - 1];
  const counted = await h.db.prisma.metricRollup.aggregate({ where: { runId: run.id, level: coarsest }, _sum: { count: true } });
  expect(counted._sum.count).toBe(600);
  const evs = await sub.waitFor(2);
  expect(evs.map((e) => e.metricsAppended.points)).toEqual([points.slice(0, 400), points.slice(400)]);
  await sub.fence(probe); // an announcement of the third call would have arrived before this
  expect(sub.events).toHaveLength(2);
  await close();
});

test("concurrent large batches of one run: each point is announced exactly once", async () => {
  const { run, sub, probe, close } = await subscribedRun();
  // Six batches of 400 (each announced by id range), sent at once to two API servers.
  const batches = Array.from({ length: 6 }, (_, b) => Array.from({ length: 400 }, (_, i) => ({ key: `k${i % 4}`, step: b * 100 + Math.floor(i / 4), value: b * 1000 + i })));
  await Promise.all(batches.map((points, b) => ok(b % 2 ? serverB.url : h.url, h.a.worker, LOG, { runId: run.id, points })));
  // Every point exactly once, each batch's points together and in order. Batches committed out
  // of id order may be delivered together (the subscription catches up from its last id).
  const count = () => sub.events.reduce((n, e) => n + e.metricsAppended.points.length, 0);
  await waitUntil(async () => count() >= 2400, 30_000);
  await sub.fence(probe); // any further announcement would have arrived before this
  const flat = sub.events.flatMap((e) => e.metricsAppended.points);
  expect(flat).toHaveLength(2400);
  expect(sub.events.length).toBeLessThanOrEqual(6);
  const firstSeen = [...new Set(flat.map((p) => Math.floor(p.value / 1000)))];
  expect([...firstSeen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  expect(flat).toEqual(firstSeen.flatMap((b) => batches[b]));
  await close();
});

test("two API servers on one database: a subscriber on A sees metrics logged through B", async () => {
  const { run, sub, close } = await subscribedRun();
  await ok(serverB.url, h.a.worker, LOG, { runId: run.id, points: [{ key: "loss", step: 7, value: 0.5 }] });
  const [ev] = await sub.waitFor(1);
  expect(ev.metricsAppended).toEqual({ runId: run.id, points: [{ key: "loss", step: 7, value: 0.5 }] });
  await close();
});

test("rollups kept by ingest equal the extremes computed from the stored points", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  // Values with many ties; overlapping (retried) batches; two keys; steps with gaps.
  const all = Array.from({ length: 6000 }, (_, i) => ({ key: i % 3 ? "loss" : "acc", step: Math.floor(i / 2) * 3 + (i % 2), value: Math.round(Math.sin(i * 0.37) * 5) / 5 + 0 }));
  for (const [from, to] of [[0, 2500], [2000, 4000], [3500, 6000], [0, 100]]) await ok(h.url, h.a.worker, LOG, { runId: run.id, points: all.slice(from, to) });
  const stored = new Map<string, { key: string; step: number; value: number }>();
  for (const p of all) if (!stored.has(`${p.key}@${p.step}`)) stored.set(`${p.key}@${p.step}`, p);
  const expected = new Map<string, { count: number; minStep: number; minValue: number; maxStep: number; maxValue: number }>();
  for (const level of ROLLUP_LEVELS) {
    for (const p of stored.values()) {
      const id = `${p.key}/${level}/${p.step >> level}`;
      const e = expected.get(id);
      if (!e) {
        expected.set(id, { count: 1, minStep: p.step, minValue: p.value, maxStep: p.step, maxValue: p.value });
        continue;
      }
      e.count++;
      if (p.value < e.minValue || (p.value === e.minValue && p.step < e.minStep)) Object.assign(e, { minValue: p.value, minStep: p.step });
      if (p.value > e.maxValue || (p.value === e.maxValue && p.step > e.maxStep)) Object.assign(e, { maxValue: p.value, maxStep: p.step });
    }
  }
  const rows = await h.db.prisma.metricRollup.findMany({ where: { runId: run.id } });
  expect(rows).toHaveLength(expected.size);
  for (const r of rows) {
    expect({ id: `${r.key}/${r.level}/${r.bucket}`, count: r.count, minStep: r.minStep, minValue: r.minValue, maxStep: r.maxStep, maxValue: r.maxValue }).toEqual({ id: `${r.key}/${r.level}/${r.bucket}`, ...expected.get(`${r.key}/${r.level}/${r.bucket}`) });
  }
});

test("metricSeries downsamples 20k points to ≤ maxPoints and keeps the extremes", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const n = 20_000;
  const steps = Array.from({ length: n }, (_, i) => i);
  const values = steps.map((i) => Math.sin(i / 300) + ((i * 7919) % 101) / 1000);
  values[4321] = 50; // spikes a chart must show
  values[15000] = -50;
  for (let off = 0; off < n; off += 10_000) {
    const points = steps.slice(off, off + 10_000).map((s) => ({ key: "loss", step: s, value: values[s] }));
    await ok(h.url, h.a.worker, LOG, { runId: run.id, points });
  }
  // A retried batch leaves the rollups (and so totalPoints) unchanged.
  await ok(h.url, h.a.worker, LOG, { runId: run.id, points: steps.slice(0, 1000).map((s) => ({ key: "loss", step: s, value: values[s] })) });
  const short = await insertRun(h.db.prisma, h.a.projectId);
  await ok(h.url, h.a.worker, LOG, { runId: short.id, points: [{ key: "loss", step: 3, value: 1 }, { key: "loss", step: 5, value: 2 }] });
  const q = `query($ids: [ID!]!) { metricSeries(runIds: $ids, keys: ["loss", "none"], maxPoints: 1000) { runId key steps values totalPoints downsampled } }`;
  const d = await ok<{ metricSeries: { runId: string; key: string; steps: number[]; values: number[]; totalPoints: number; downsampled: boolean }[] }>(h.url, h.a.member, q, { ids: [run.id, short.id] });
  const [big, bigNone, small, smallNone] = d.metricSeries;
  expect(big).toMatchObject({ runId: run.id, key: "loss", totalPoints: n, downsampled: true });
  expect(big.steps.length).toBeLessThanOrEqual(1000);
  expect(big.steps.length).toBeGreaterThan(250);
  expect(Math.max(...big.values)).toBe(50);
  expect(Math.min(...big.values)).toBe(-50);
  expect(big.steps[big.values.indexOf(50)]).toBe(4321);
  expect(big.steps[0]).toBe(0);
  expect(big.steps.at(-1)).toBe(n - 1);
  // Every returned point is a stored point, in step order.
  big.steps.forEach((s, i) => expect(big.values[i]).toBe(values[s]));
  expect([...big.steps].sort((x, y) => x - y)).toEqual(big.steps);
  expect(bigNone).toMatchObject({ key: "none", steps: [], totalPoints: 0 });
  expect(small).toMatchObject({ steps: [3, 5], values: [1, 2], totalPoints: 2, downsampled: false });
  expect(smallNone.steps).toEqual([]);
});

test("metricSeries returns a series that fits maxPoints exactly, however wide its step span", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  // More than the sparse series' 50 points, far fewer than its 49,001-step span.
  const maxPoints = 60;
  // Sparse: an eval metric every 1,000 steps (50 points at steps 0, 1000, …, 49000).
  const sparse = Array.from({ length: 50 }, (_, i) => ({ key: "eval/acc", step: i * 1000, value: 0.5 + Math.sin(i * 1.7) * 0.3 + i / 1e4 }));
  // Exactly maxPoints points at irregular steps over a span far wider than maxPoints.
  const edge = Array.from({ length: maxPoints }, (_, i) => ({ key: "eval/edge", step: i * 313 + ((i * 7919) % 97), value: Math.cos(i * 0.91) * 10 }));
  // Dense: more points than maxPoints (must still be downsampled, keeping its extremes).
  const dense = Array.from({ length: 3000 }, (_, i) => ({ key: "loss", step: i, value: Math.sin(i / 50) + ((i * 7919) % 101) / 1000 }));
  dense[1234].value = 9;
  dense[2345].value = -9;
  await ok(h.url, h.a.worker, LOG, { runId: run.id, points: [...sparse, ...edge] });
  for (let off = 0; off < dense.length; off += 1000) await ok(h.url, h.a.worker, LOG, { runId: run.id, points: dense.slice(off, off + 1000) });
  const q = `query($ids: [ID!]!, $max: Int!) { metricSeries(runIds: $ids, keys: ["eval/acc", "eval/edge", "loss"], maxPoints: $max) { key steps values totalPoints downsampled } }`;
  const d = await ok<{ metricSeries: { key: string; steps: number[]; values: number[]; totalPoints: number; downsampled: boolean }[] }>(h.url, h.a.member, q, { ids: [run.id], max: maxPoints });
  const [s, e, l] = d.metricSeries;
  expect(s).toEqual({ key: "eval/acc", steps: sparse.map((p) => p.step), values: sparse.map((p) => p.value), totalPoints: 50, downsampled: false });
  expect(e).toEqual({ key: "eval/edge", steps: edge.map((p) => p.step), values: edge.map((p) => p.value), totalPoints: maxPoints, downsampled: false });
  expect(l).toMatchObject({ key: "loss", totalPoints: dense.length, downsampled: true });
  expect(l.steps.length).toBeLessThanOrEqual(maxPoints);
  expect(l.steps.length).toBeGreaterThan(maxPoints / 4);
  expect(l.steps[0]).toBe(0);
  expect(l.steps.at(-1)).toBe(dense.length - 1);
  expect(Math.max(...l.values)).toBe(9);
  expect(Math.min(...l.values)).toBe(-9);
  expect(l.steps[l.values.indexOf(9)]).toBe(1234);
  expect(l.steps[l.values.indexOf(-9)]).toBe(2345);
  l.steps.forEach((st, i) => expect(l.values[i]).toBe(dense[st].value));
  expect([...l.steps].sort((x, y) => x - y)).toEqual(l.steps);
  // Without rollups (points written outside the API, no rebuildRollups): the same answers.
  await h.db.prisma.metricRollup.deleteMany({ where: { runId: run.id } });
  const [s2, e2, l2] = (await ok<{ metricSeries: { key: string; steps: number[]; values: number[]; totalPoints: number; downsampled: boolean }[] }>(h.url, h.a.member, q, { ids: [run.id], max: maxPoints })).metricSeries;
  expect(s2).toEqual(s);
  expect(e2).toEqual(e);
  expect(l2).toMatchObject({ key: "loss", totalPoints: dense.length, downsampled: true });
  expect(l2.steps.length).toBeLessThanOrEqual(maxPoints);
  expect(l2.steps[l2.values.indexOf(9)]).toBe(1234);
  expect(l2.steps[l2.values.indexOf(-9)]).toBe(2345);
  // One more point than maxPoints: downsampled (at most maxPoints points, extremes kept).
  const over = await insertRun(h.db.prisma, h.a.projectId);
  const pts = Array.from({ length: maxPoints + 1 }, (_, i) => ({ key: "eval/acc", step: i * 1000, value: i === 17 ? 100 : i === 45 ? -100 : Math.sin(i) }));
  await ok(h.url, h.a.worker, LOG, { runId: over.id, points: pts });
  const o = (await ok<{ metricSeries: { key: string; steps: number[]; values: number[]; totalPoints: number; downsampled: boolean }[] }>(h.url, h.a.member, q, { ids: [over.id], max: maxPoints })).metricSeries[0];
  expect(o).toMatchObject({ key: "eval/acc", totalPoints: maxPoints + 1, downsampled: true });
  expect(o.steps.length).toBeLessThanOrEqual(maxPoints);
  expect(o.steps[o.values.indexOf(100)]).toBe(17_000);
  expect(o.steps[o.values.indexOf(-100)]).toBe(45_000);
  o.steps.forEach((st, i) => expect(o.values[i]).toBe(pts[st / 1000].value));
});
