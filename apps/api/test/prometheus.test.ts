/**
 * GET /metrics (apps/api/src/prometheus.ts) on a real server and database: jobs enqueued, claimed,
 * completed, failed and cancelled through the API, points logged through GraphQL, a live
 * subscription over WebSocket; the scraped text is parsed strictly and its numbers compared with
 * what the test did.
 */
import { generateToken, type TokenScope } from "@loffta/db";
import { collect, gql, insertCache, runProbe, startHarness, waitUntil, wsClient, type GqlResult, type Harness } from "./helpers";

// ---------------------------------------------------------------- a strict exposition parser

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Exposition {
  /** Family name → type (counter, gauge, histogram, …). */
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE_RE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL_RE = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(,|$)/;

/** A float as Prometheus reads it (Go's ParseFloat: NaN and Inf in any case; prom-client writes `Nan`). */
function parseValue(s: string, line: string): number {
  if (/^\+?inf(inity)?$/i.test(s)) return Infinity;
  if (/^-inf(inity)?$/i.test(s)) return -Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) throw new Error(`bad value in: ${line}`);
  return Number(s);
}

function parseLabels(s: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = s;
  while (rest.length) {
    const m = LABEL_RE.exec(rest);
    if (!m) throw new Error(`bad labels in: ${line}`);
    if (m[1] in labels) throw new Error(`label ${m[1]} twice in: ${line}`);
    labels[m[1]] = m[2].replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
    rest = rest.slice(m[0].length);
  }
  return labels;
}

/** The family a sample belongs to (a histogram's _bucket/_sum/_count, a counter's _total). */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const m = /^(.*)_(bucket|sum|count|total|created)$/.exec(name);
  return m && types.has(m[1]) ? m[1] : undefined;
}

/** Prometheus text format 0.0.4; throws on any line it does not understand. */
function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const seen = new Set<string>();
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a newline");
  for (const line of text.slice(0, -1).split("\n")) {
    if (line === "") continue;
    if (line.startsWith("#")) {
      const m = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(line);
      if (!m) throw new Error(`bad comment: ${line}`);
      if (m[1] === "TYPE") {
        if (types.has(m[2])) throw new Error(`TYPE of ${m[2]} twice`);
        if (!["counter", "gauge", "histogram", "summary", "untyped"].includes(m[3])) throw new Error(`bad type: ${line}`);
        types.set(m[2], m[3]);
      }
      continue;
    }
    const m = SAMPLE_RE.exec(line);
    if (!m) throw new Error(`bad sample: ${line}`);
    const sample = { name: m[1], labels: m[2] === undefined ? {} : parseLabels(m[2], line), value: parseValue(m[3], line) };
    if (!familyOf(sample.name, types)) throw new Error(`sample before its TYPE: ${line}`);
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(key)) throw new Error(`sample twice: ${line}`);
    seen.add(key);
    samples.push(sample);
  }
  return { types, samples };
}

const sameLabels = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

/** The one sample of `name` with exactly `labels`. */
function value(e: Exposition, name: string, labels: Record<string, string> = {}): number {
  const hits = e.samples.filter((s) => s.name === name && sameLabels(s.labels, labels));
  if (hits.length !== 1) throw new Error(`${hits.length} samples ${name}${JSON.stringify(labels)}`);
  return hits[0].value;
}

// ---------------------------------------------------------------- the server

const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }`;
const REQUEST_CACHE = `mutation($i: RequestFeatureCacheInput!) { requestFeatureCache(input: $i) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelRun(id: $id) { id status } }`;
const REGISTER = `mutation($name: String!) { registerWorker(input: { name: $name, host: "h", backend: "cpu", device: "cpu" }) { id } }`;
const CLAIM = `mutation($w: ID!) { claimJob(workerId: $w, types: [TRAIN], leaseSeconds: 60) { id run { id } } }`;
const COMPLETE = `mutation($j: ID!, $w: ID!) { completeJob(jobId: $j, workerId: $w, result: { run: { finalMetrics: { accuracy: 0.5 } } }) { status } }`;
const FAIL = `mutation($j: ID!, $w: ID!) { failJob(jobId: $j, workerId: $w, error: "boom", retryable: false) { status } }`;
const LOG = `mutation($r: ID!, $p: [MetricPointInput!]!) { logMetrics(runId: $r, points: $p) { inserted duplicates } }`;
const LOG_COLUMNS = `mutation($r: ID!, $c: MetricColumnsInput!) { logMetricColumns(runId: $r, columns: $c) { inserted duplicates } }`;
const WORKERS = `{ workers { name online } }`;

let h: Harness;
let metricsUrl: string;
const admin: Record<"a" | "b", string> = { a: "", b: "" };
let cacheA: string;
let cacheB: string;

/** GraphQL requests this test sent over HTTP, by operation type: the histogram must count as many. */
const sent = { query: 0, mutation: 0 };

/** The data of a successful operation (counted in `sent`); fails the test otherwise. */
async function op<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  sent[query.startsWith("mutation") ? "mutation" : "query"]++;
  const r: GqlResult<T> = await gql<T>(h.url, token, query, variables);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

async function token(teamId: string, scopes: TokenScope[]): Promise<string> {
  const t = generateToken();
  await h.db.prisma.apiToken.create({ data: { teamId, name: scopes.join("+"), prefix: t.prefix, hash: t.hash, scopes } });
  return t.secret;
}

/** GET /metrics: the status, the parsed body of a 200, the JSON of an error. */
async function scrape(secret: string | null, header = secret && `Bearer ${secret}`) {
  const res = await fetch(metricsUrl, { headers: header ? { authorization: header } : {} });
  const text = await res.text();
  return { res, text, parsed: () => parseExposition(text), json: () => JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] } };
}

const ok200 = async (secret: string) => {
  const s = await scrape(secret);
  expect(s.res.status).toBe(200);
  expect(s.res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return s.parsed();
};

beforeAll(async () => {
  h = await startHarness("prometheus");
  metricsUrl = h.url.replace(/\/graphql$/, "/metrics");
  admin.a = await token(h.a.teamId, ["ADMIN"]);
  admin.b = await token(h.b.teamId, ["ADMIN"]);
  cacheA = (await insertCache(h.db.prisma, h.a.teamId, { name: "prom-a" })).cache.id;
  cacheB = (await insertCache(h.db.prisma, h.b.teamId, { name: "prom-b" })).cache.id;
});
afterAll(async () => {
  await h?.close();
});

test("/metrics needs a valid ADMIN token: 401 without one, 403 for MEMBER, WORKER and READ", async () => {
  for (const header of [null, "Basic abc", "Bearer lft_unknown"]) {
    const s = await scrape(null, header);
    expect(s.res.status).toBe(401);
    expect(s.res.headers.get("www-authenticate")).toBe("Bearer");
    expect(s.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } }] });
  }
  for (const secret of [h.a.member, h.a.worker, await token(h.a.teamId, ["READ"])]) {
    const s = await scrape(secret);
    expect(s.res.status).toBe(403);
    expect(s.json()).toEqual({ errors: [{ message: "/metrics needs a token with scope ADMIN", extensions: { code: "FORBIDDEN" } }] });
    expect(s.text).not.toContain("loffta_");
  }
});

test("the scraped numbers are what was done: jobs, workers online, points, subscriptions, requests", async () => {
  const start = await ok200(admin.a);
  // Every kind × status pair is there, zeros included (an autoscaler reads QUEUED = 0 too).
  const kinds = ["EXTRACT", "TRAIN"];
  const statuses = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"];
  expect(start.types.get("loffta_jobs")).toBe("gauge");
  expect(start.samples.filter((s) => s.name === "loffta_jobs").map((s) => `${s.labels.kind}/${s.labels.status}=${s.value}`).sort()).toEqual(
    kinds.flatMap((k) => statuses.map((s) => `${k}/${s}=0`)).sort(),
  );
  expect(value(start, "loffta_workers_online")).toBe(0);
  expect(value(start, "loffta_metric_points_ingested_total")).toBe(0);
  expect(value(start, "loffta_subscriptions_open")).toBe(0);
  expect(start.types.get("loffta_http_request_duration_seconds")).toBe("histogram");
  // Process metrics of prom-client, on this server's registry.
  expect(start.types.get("process_cpu_user_seconds_total")).toBe("counter");
  expect(start.types.get("nodejs_eventloop_lag_seconds")).toBe("gauge");

  // ---- jobs of team a: 6 TRAIN runs launched, 1 EXTRACT requested
  const launch = async (secret: string, projectId: string, cacheId: string, name: string) =>
    (await op<{ launchRun: { id: string } }>(secret, LAUNCH, { input: { projectId, name, kind: "UNFROZEN_LINEAR", config: { epochs: 1 }, cacheId } })).launchRun.id;
  const runs: string[] = [];
  for (let i = 0; i < 6; i++) runs.push(await launch(h.a.member, h.a.projectId, cacheA, `prom-${i}`));
  const extra = await insertCache(h.db.prisma, h.a.teamId, { name: "prom-extract", status: "READY" });
  await op(h.a.member, REQUEST_CACHE, { i: { datasetId: extra.dataset.id, modelId: extra.model.id, resolution: 448 } });
  // Team b: one run, one worker (never in team a's figures).
  await launch(h.b.member, h.b.projectId, cacheB, "prom-b");
  await op(h.b.worker, REGISTER, { name: "prom-b-worker" });

  // Two workers of team a; one claims, completes, fails; the other claims one and keeps it.
  const w1 = (await op<{ registerWorker: { id: string } }>(h.a.worker, REGISTER, { name: "prom-1" })).registerWorker.id;
  const w2 = (await op<{ registerWorker: { id: string } }>(h.a.worker, REGISTER, { name: "prom-2" })).registerWorker.id;
  const claim = async (w: string) => (await op<{ claimJob: { id: string; run: { id: string } } }>(h.a.worker, CLAIM, { w })).claimJob;
  const done = await claim(w1);
  expect((await op<{ completeJob: { status: string } }>(h.a.worker, COMPLETE, { j: done.id, w: w1 })).completeJob.status).toBe("SUCCEEDED");
  const failed = await claim(w1);
  expect((await op<{ failJob: { status: string } }>(h.a.worker, FAIL, { j: failed.id, w: w1 })).failJob.status).toBe("FAILED");
  const held = await claim(w2);
  // One queued run cancelled.
  const cancelled = runs.find((r) => ![done.run.id, failed.run.id, held.run.id].includes(r))!;
  await op(h.a.member, CANCEL, { id: cancelled });
  // Worker 1 falls silent: its last heartbeat is older than the online window.
  await h.db.prisma.worker.update({ where: { id: w1 }, data: { lastHeartbeatAt: new Date(Date.now() - 31_000) } });
  const online = (await op<{ workers: { name: string; online: boolean }[] }>(h.a.member, WORKERS)).workers;
  expect(online).toEqual([
    { name: "prom-1", online: false },
    { name: "prom-2", online: true },
  ]);

  // ---- points: logMetrics (one duplicate inside a resent batch) and logMetricColumns
  const log1 = await op<{ logMetrics: { inserted: number } }>(h.a.worker, LOG, { r: held.run.id, p: [0, 1, 2, 3, 4].map((step) => ({ key: "loss", step, value: 1 / (step + 1) })) });
  expect(log1.logMetrics.inserted).toBe(5);
  const log2 = await op<{ logMetrics: { inserted: number; duplicates: number } }>(h.a.worker, LOG, { r: held.run.id, p: [4, 5, 6].map((step) => ({ key: "loss", step, value: 0 })) });
  expect(log2.logMetrics).toEqual({ inserted: 2, duplicates: 1 });
  const cols = await op<{ logMetricColumns: { inserted: number } }>(h.a.worker, LOG_COLUMNS, {
    r: held.run.id,
    c: { keys: ["acc", "lr"], key: [0, 0, 1, 1], steps: [0, 1, 0, 1], values: [0.1, 0.2, 1e-3, 1e-3] },
  });
  expect(cols.logMetricColumns.inserted).toBe(4);
  const stored = await h.db.prisma.metricPoint.count({ where: { runId: held.run.id } });
  expect(stored).toBe(11);

  // ---- one live subscription over WebSocket
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<{ runUpdated: { id: string } }>(client, `subscription($p: ID!) { runUpdated(projectId: $p) { id } }`, { p: h.a.projectId });
  await sub.live(runProbe(h.db.prisma, { id: cancelled, projectId: h.a.projectId }));

  // ---- three /healthz and one unknown path (its raw path must not become a label)
  for (let i = 0; i < 3; i++) expect((await fetch(h.url.replace(/\/graphql$/, "/healthz"))).status).toBe(200);
  expect((await fetch(h.url.replace(/\/graphql$/, "/no/such/path-12345?x=1"))).status).toBe(404);

  const m = await ok200(admin.a);
  // Jobs: the database's own counts, and what the test did.
  const expected: Record<string, number> = { "TRAIN/QUEUED": 2, "TRAIN/RUNNING": 1, "TRAIN/SUCCEEDED": 1, "TRAIN/FAILED": 1, "TRAIN/CANCELLED": 1, "EXTRACT/QUEUED": 1 };
  const db = await h.db.prisma.job.groupBy({ by: ["type", "status"], where: { teamId: h.a.teamId }, _count: true });
  expect(Object.fromEntries(db.map((r) => [`${r.type}/${r.status}`, r._count]))).toEqual(expected);
  for (const kind of kinds) for (const status of statuses) expect([kind, status, value(m, "loffta_jobs", { kind, status })]).toEqual([kind, status, expected[`${kind}/${status}`] ?? 0]);
  expect(value(m, "loffta_workers_online")).toBe(1);
  expect(value(m, "loffta_metric_points_ingested_total")).toBe(stored);
  expect(value(m, "loffta_subscriptions_open")).toBe(1);

  // Requests: every GraphQL request of this test, by operation type; the three /healthz; the
  // scrapes so far (the first test's 6 refused, the 1 of this test's start); the unknown path.
  const count = (labels: Record<string, string>) => value(m, "loffta_http_request_duration_seconds_count", labels);
  expect(count({ route: "graphql", code: "2xx", operation: "mutation" })).toBe(sent.mutation);
  expect(count({ route: "graphql", code: "2xx", operation: "query" })).toBe(sent.query);
  expect(count({ route: "healthz", code: "2xx", operation: "none" })).toBe(3);
  expect(count({ route: "metrics", code: "4xx", operation: "none" })).toBe(6);
  expect(count({ route: "metrics", code: "2xx", operation: "none" })).toBe(1);
  expect(count({ route: "other", code: "4xx", operation: "none" })).toBe(1);
  const infBucket = value(m, "loffta_http_request_duration_seconds_bucket", { route: "graphql", code: "2xx", operation: "mutation", le: "+Inf" });
  expect(infBucket).toBe(sent.mutation);
  const http = m.samples.filter((s) => s.name.startsWith("loffta_http_request_duration_seconds"));
  expect(new Set(http.map((s) => s.labels.route))).toEqual(new Set(["graphql", "healthz", "metrics", "other"]));
  expect(new Set(http.map((s) => s.labels.code))).toEqual(new Set(["2xx", "4xx"]));
  expect(m.samples.some((s) => Object.values(s.labels).some((v) => v.includes("/")))).toBe(false);

  // Team b's ADMIN sees its own team's jobs and workers; the server-wide series are the same.
  const b = await ok200(admin.b);
  expect(value(b, "loffta_jobs", { kind: "TRAIN", status: "QUEUED" })).toBe(1);
  expect(b.samples.filter((s) => s.name === "loffta_jobs").reduce((n, s) => n + s.value, 0)).toBe(1);
  expect(value(b, "loffta_workers_online")).toBe(1);
  expect(value(b, "loffta_metric_points_ingested_total")).toBe(stored);

  // The subscription ends: no longer counted.
  sub.dispose();
  await client.dispose();
  await waitUntil(async () => value(await ok200(admin.a), "loffta_subscriptions_open") === 0, 10_000, 20, "the subscription to close");
});
