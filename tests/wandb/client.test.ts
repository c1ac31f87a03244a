/**
 * The real wandb client (0.30.0) logs into Loffta unchanged but for WANDB_BASE_URL and
 * WANDB_API_KEY: a run with config, tags, notes, group, job type, N steps of 5 metrics and a
 * summary, read back through Loffta's GraphQL (every point exactly once); console logs; resume;
 * team isolation. LOFFTA_WANDB_STEPS sets N (default 10,000).
 */
import fs from "node:fs";
import path from "node:path";
import { wandbKeyFor } from "../../apps/api/src/wandb/mapping";
import { RUNS_QUERY, startWandbHarness, TRAIN_SCRIPT, type WandbHarness } from "./harness";

const STEPS = Number(process.env.LOFFTA_WANDB_STEPS ?? 10_000);
const KEYS = ["acc", "loss", "lr", "ok", "train/grad_norm"];

interface RunNode {
  id: string;
  name: string;
  kind: string;
  status: string;
  config: Record<string, unknown> & { _wandb?: Record<string, unknown> };
  tags: string[];
  notes: string | null;
  error: string | null;
  host: string | null;
  trainImagesPerSec: number | null;
  peakMemoryBytes: number | null;
  wallTimeSec: number | null;
  finalMetrics: Record<string, number> | null;
  metricKeys: string[];
}

interface Series {
  runId: string;
  key: string;
  steps: number[];
  values: number[];
  totalPoints: number;
  downsampled: boolean;
}

let h: WandbHarness;

beforeAll(async () => {
  h = await startWandbHarness("client");
}, 1_200_000);
afterAll(async () => {
  await h?.close();
});

async function projectRuns(name: string): Promise<RunNode[]> {
  const { projects } = await h.gqlA<{ projects: { id: string; name: string }[] }>(`{ projects { id name } }`);
  const p = projects.find((x) => x.name === name);
  if (!p) return [];
  const d = await h.gqlA<{ runs: { edges: { node: RunNode }[] } }>(RUNS_QUERY, { projectId: p.id });
  return d.runs.edges.map((e) => e.node);
}

async function series(runId: string, keys: string[]): Promise<Series[]> {
  const d = await h.gqlA<{ metricSeries: Series[] }>(
    `query S($ids: [ID!]!, $keys: [String!]!) { metricSeries(runIds: $ids, keys: $keys, maxPoints: 10000) { runId key steps values totalPoints downsampled } }`,
    { ids: [runId], keys },
  );
  return d.metricSeries;
}

async function logs(runId: string): Promise<{ seq: number; level: string; message: string }[]> {
  const d = await h.gqlA<{ runLogs: { lines: { seq: number; level: string; message: string }[] } }>(
    `query L($id: ID!) { runLogs(runId: $id, limit: 1000) { lines { seq level message } } }`,
    { id: runId },
  );
  return d.runLogs.lines;
}

test(`a script logs ${STEPS} steps of 5 metrics, config and summary; Loffta's GraphQL reads every point once`, async () => {
  const t0 = Date.now();
  const r = await h.python(TRAIN_SCRIPT, { STEPS: String(STEPS), PROJECT: "wandb-e2e", RUN_NAME: "ext-10k" }, { timeoutMs: 600_000 }).done;
  const secs = (Date.now() - t0) / 1000;
  expect({ code: r.code, tail: r.code === 0 ? "" : r.output.slice(-3000) }).toEqual({ code: 0, tail: "" });
  if (process.env.LOFFTA_WANDB_DEBUG) console.log(r.output);
  console.log(`[wandb] ${STEPS} steps × 5 metrics through the real client in ${secs.toFixed(1)} s (${Math.round((STEPS * 5) / secs)} points/s end to end, client start and finish included)`);

  const runs = await projectRuns("wandb-e2e");
  expect(runs).toHaveLength(1);
  const run = runs[0];
  expect(run).toMatchObject({ name: "ext-10k", kind: "EXTERNAL", status: "SUCCEEDED", error: null, notes: "trained elsewhere", tags: ["external", "wandb"] });
  // Free-form config as the script gave it (the client's {"value": …} wrapping removed).
  expect(run.config).toMatchObject({ lr: 0.001, optimizer: { name: "adamw", betas: [0.9, 0.999] }, epochs: 3, note: "free-form" });
  expect(run.config._wandb).toMatchObject({ group: "exp-group", jobType: "train", offsets: { history: STEPS } });
  expect(run.config._wandb?.summary).toMatchObject({ images_per_sec: 250, peak_memory_bytes: 123456789, accuracy: 0.875 });
  // Summary → efficiency columns (what a LOFF-TA run naming this one as baseline compares with) and final metrics.
  expect(run.trainImagesPerSec).toBe(250);
  expect(run.peakMemoryBytes).toBe(123456789);
  expect(run.finalMetrics).toMatchObject({ accuracy: 0.875 });
  expect(run.wallTimeSec).toBeGreaterThan(0);
  expect(run.metricKeys).toEqual(expect.arrayContaining(KEYS));
  expect(run.metricKeys).not.toContain("phase"); // a string: skipped
  expect(run.metricKeys.some((k) => k.startsWith("system/"))).toBe(true); // system metrics (events)

  const got = await series(run.id, KEYS);
  expect(got.map((s) => s.key).sort()).toEqual(KEYS);
  for (const s of got) {
    expect({ key: s.key, total: s.totalPoints, downsampled: s.downsampled, n: s.steps.length }).toEqual({ key: s.key, total: STEPS, downsampled: false, n: STEPS });
    expect(s.steps).toEqual(Array.from({ length: STEPS }, (_, i) => i));
  }
  const byKey = Object.fromEntries(got.map((s) => [s.key, s.values]));
  for (const i of [0, 1, 7, STEPS - 1]) {
    expect(byKey.loss[i]).toBeCloseTo(1 / (i + 1), 12);
    expect(byKey.acc[i]).toBeCloseTo(i / STEPS, 12);
    expect(byKey.lr[i]).toBeCloseTo(0.001 * Math.cos(i / 100), 12);
    expect(byKey["train/grad_norm"][i]).toBe(i % 7);
    expect(byKey.ok[i]).toBe(i % 2 === 0 ? 1 : 0);
  }

  // Console output → run logs (stderr lines as ERROR).
  const lines = await logs(run.id);
  expect(lines.some((l) => l.level === "INFO" && l.message.startsWith("run id "))).toBe(true);
  expect(lines.some((l) => l.level === "ERROR" && l.message === "a warning on stderr")).toBe(true);
  expect(new Set(lines.map((l) => l.seq)).size).toBe(lines.length);
}, 900_000);

test("a resumed run (same id, resume='must') continues the same Loffta run: steps continue, nothing twice", async () => {
  const env = { PROJECT: "wandb-resume", RUN_ID: "resume0001", RUN_NAME: "resumable", STEPS: "50" };
  const first = await h.python(TRAIN_SCRIPT, env).done;
  expect({ code: first.code, tail: first.code === 0 ? "" : first.output.slice(-3000) }).toEqual({ code: 0, tail: "" });
  const second = await h.python(TRAIN_SCRIPT, { ...env, RESUME: "must", START: "50", STEPS: "30" }).done;
  expect({ code: second.code, tail: second.code === 0 ? "" : second.output.slice(-3000) }).toEqual({ code: 0, tail: "" });
  const runs = await projectRuns("wandb-resume");
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ status: "SUCCEEDED", kind: "EXTERNAL" });
  expect(runs[0].config._wandb).toMatchObject({ id: "resume0001", offsets: { history: 80 } });
  const [loss] = await series(runs[0].id, ["loss"]);
  expect(loss.steps).toEqual(Array.from({ length: 80 }, (_, i) => i));
  expect(loss.values[79]).toBeCloseTo(1 / 80, 12);
  // Console lines of both sessions, in order, none twice.
  const lines = await logs(runs[0].id);
  expect(lines.filter((l) => l.message.startsWith("run id resume0001")).length).toBe(2);
}, 600_000);

test("resume='must' of a run Loffta does not have fails with the client's own message", async () => {
  const r = await h.python(TRAIN_SCRIPT, { PROJECT: "wandb-resume", RUN_ID: "nosuchrun1", RESUME: "must", STEPS: "1" }).done;
  expect(r.code).not.toBe(0);
  expect(r.output).toMatch(/resum/i);
  if (process.env.LOFFTA_WANDB_DEBUG) console.log(r.output);
}, 300_000);

test("team isolation: team B's key cannot write into team A's run or project", async () => {
  // B names A's team as entity and A's run id: the run lands in B's own team, A's run is untouched.
  const a = await projectRuns("wandb-e2e");
  const aRun = a[0];
  const aTeam = await h.db.prisma.team.findUniqueOrThrow({ where: { id: h.a.teamId } });
  const r = await h.python(TRAIN_SCRIPT, { PROJECT: "wandb-e2e", ENTITY: aTeam.slug, RUN_ID: String((aRun.config._wandb as { id: string }).id), RESUME: "allow", STEPS: "5", WANDB_API_KEY: h.keyB }).done;
  expect({ code: r.code, tail: r.code === 0 ? "" : r.output.slice(-3000) }).toEqual({ code: 0, tail: "" });
  const after = await projectRuns("wandb-e2e");
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ id: aRun.id, status: "SUCCEEDED" });
  const [loss] = await series(aRun.id, ["loss"]);
  expect(loss.totalPoints).toBe(STEPS);
  const bRuns = await h.db.prisma.run.findMany({ where: { project: { teamId: h.b.teamId } } });
  expect(bRuns).toHaveLength(1);
  expect(bRuns[0].id).not.toBe(aRun.id);

  // B's file_stream to A's run URL: NOT_FOUND (B's team has no such project/run... or its own).
  const url = `${h.baseUrl}/files/${aTeam.slug}/wandb-e2e/nope-run/file_stream`;
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`api:${h.keyB}`).toString("base64")}` },
    body: JSON.stringify({ files: { "wandb-history.jsonl": { offset: 0, content: ['{"_step":0,"loss":9}'] } } }),
  });
  expect(res.status).toBe(404);
  // No key / a wrong key: 401 with a message naming the key format.
  const anon = await fetch(`${h.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "query Viewer { viewer { id } }" }) });
  expect(anon.status).toBe(401);
  expect(JSON.stringify(await anon.json())).toContain("loffta-<token>-wandb");
}, 300_000);

test("`wandb sync` of an offline run uploads it: the same run, points and summary", async () => {
  const r = await h.python(TRAIN_SCRIPT, { WANDB_MODE: "offline", PROJECT: "wandb-sync", RUN_ID: "offline001", RUN_NAME: "synced", STEPS: "300" }).done;
  expect({ code: r.code, tail: r.code === 0 ? "" : r.output.slice(-3000) }).toEqual({ code: 0, tail: "" });
  expect(await projectRuns("wandb-sync")).toHaveLength(0); // offline: nothing sent yet
  const dirs = fs.readdirSync(path.join(h.dir, "wandb")).filter((d) => d.startsWith("offline-run-") && d.endsWith("offline001"));
  expect(dirs).toHaveLength(1);
  const s = await h.python(["-m", "wandb", "sync", path.join(h.dir, "wandb", dirs[0])], {}, { timeoutMs: 300_000 }).done;
  if (process.env.LOFFTA_WANDB_DEBUG) console.log(s.output);
  expect({ code: s.code, tail: s.code === 0 ? "" : s.output.slice(-3000) }).toEqual({ code: 0, tail: "" });
  const runs = await projectRuns("wandb-sync");
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ name: "synced", kind: "EXTERNAL", status: "SUCCEEDED", trainImagesPerSec: 250 });
  expect(runs[0].config).toMatchObject({ lr: 0.001, epochs: 3 });
  const got = await series(runs[0].id, KEYS);
  for (const x of got) expect({ key: x.key, total: x.totalPoints, steps: x.steps }).toEqual({ key: x.key, total: 300, steps: Array.from({ length: 300 }, (_, i) => i) });
}, 600_000);

test("a retried file_stream request (same offsets, as the client retries) stores nothing twice", async () => {
  const [run] = await projectRuns("wandb-resume");
  expect(run).toBeDefined();
  const auth = `Basic ${Buffer.from(`api:${h.keyA}`).toString("base64")}`;
  const team = await h.db.prisma.team.findUniqueOrThrow({ where: { id: h.a.teamId } });
  const url = `${h.baseUrl}/files/${team.slug}/wandb-resume/resume0001/file_stream`;
  const body = JSON.stringify({
    files: {
      "wandb-history.jsonl": { offset: 80, content: ['{"_step":80,"loss":0.5,"nested":{"x":1},"img":{"_type":"image-file","path":"a.png"}}'] },
      "output.log": { offset: 1000, content: ["2026-12-01T10:00:00.000000 retried line"] },
    },
  });
  const send = async () => (await (await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: auth }, body })).json()) as { loffta: { points: number; duplicates: number; logLines: number; skipped: string[] } };
  const first = await send();
  const again = await send();
  expect(first.loffta).toMatchObject({ points: 2, duplicates: 0, logLines: 1, skipped: ["img"] });
  expect(again.loffta).toMatchObject({ points: 0, duplicates: 2, logLines: 0 });
  const [loss] = await series(run.id, ["loss"]);
  expect(loss.totalPoints).toBe(81);
}, 120_000);

test("a token without scope MEMBER (a worker's) cannot create runs: the client shows Loffta's FORBIDDEN message", async () => {
  const key = wandbKeyFor(h.a.worker.secret);
  const r = await h.python(TRAIN_SCRIPT, { PROJECT: "wandb-forbidden", STEPS: "1", WANDB_API_KEY: key, WANDB_INIT_TIMEOUT: "60" }).done;
  expect(r.code).not.toBe(0);
  expect(r.output).toContain("this token may not write runs (scope MEMBER needed)");
  expect(await h.db.prisma.project.findMany({ where: { name: "wandb-forbidden" } })).toHaveLength(0);
  // The client's telemetry (no API key) is answered 204 and not stored.
  expect((await fetch(`${h.baseUrl}/sdk/otel/v1/metrics`, { method: "POST", body: "" })).status).toBe(204);
}, 300_000);
