/**
 * Run lifecycle and the queue page's operations (issue #17) on a real API and a fresh database:
 * rename, bulk tags, archive / unarchive (and the `archived` filter of `runs`), delete (what it
 * cascades to, what it refuses), retry (a new run the queue hands to a worker), and the `jobs`
 * query with cancelJob / retryJob. Every operation is team-scoped; mutations need MEMBER.
 */
import { generateToken } from "@loffta/db";
import { collect, errorCode, gql, insertCache, insertRun, ok, startHarness, wsClient, type Harness } from "./helpers";

const RUN = `fragment R on Run { id name notes tags status archivedAt config seed error baselineRun { id } cache { id } }`;
const LAUNCH = `mutation($input: LaunchRunInput!) { launchRun(input: $input) { id status } }`;
const UPDATE = `${RUN} mutation($id: ID!, $input: UpdateRunInput!) { updateRun(id: $id, input: $input) { ...R } }`;
const TAG_RUNS = `${RUN} mutation($ids: [ID!]!, $add: [String!], $remove: [String!]) { tagRuns(ids: $ids, add: $add, remove: $remove) { ...R } }`;
const ARCHIVE = `${RUN} mutation($ids: [ID!]!) { archiveRuns(ids: $ids) { ...R } }`;
const UNARCHIVE = `${RUN} mutation($ids: [ID!]!) { unarchiveRuns(ids: $ids) { ...R } }`;
const DELETE = `mutation($id: ID!) { deleteRun(id: $id) }`;
const DELETE_MANY = `mutation($ids: [ID!]!) { deleteRuns(ids: $ids) }`;
const RETRY = `${RUN} mutation($id: ID!) { retryRun(id: $id) { ...R } }`;
const CANCEL = `mutation($id: ID!) { cancelRun(id: $id) { id status } }`;
const RUNS = `query($f: RunFilter) { runs(filter: $f, first: 100) { totalCount edges { node { id name archivedAt } } } }`;
const REGISTER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`;
const CLAIM = `mutation($w: ID!) { claimJob(workerId: $w, leaseSeconds: 30) { id type run { id status } } }`;
const HEARTBEAT = `mutation($w: ID!) { heartbeat(workerId: $w) { cancelledJobIds } }`;
const FAIL = `mutation($j: ID!, $w: ID!) { failJob(jobId: $j, workerId: $w, error: "boom", retryable: false) { id status } }`;
const COMPLETE = `mutation($j: ID!, $w: ID!) { completeJob(jobId: $j, workerId: $w, result: { run: { finalMetrics: { accuracy: 0.5 } } }) { id status } }`;
const JOBS = `query($f: JobFilter, $first: Int, $after: ID) { jobs(filter: $f, first: $first, after: $after) { id type status attempts maxAttempts lastError leaseExpiresAt worker { id name } run { id } cache { id status } } }`;
const CANCEL_JOB = `mutation($id: ID!) { cancelJob(id: $id) { id status lastError } }`;
const RETRY_JOB = `mutation($id: ID!) { retryJob(id: $id) { id type status run { id status } cache { id status } } }`;

type R = { id: string; name: string; notes: string | null; tags: string[]; status: string; archivedAt: string | null; config: Record<string, unknown>; seed: number; error: string | null; baselineRun: { id: string } | null; cache: { id: string } | null };
type JobRow = { id: string; type: string; status: string; attempts: number; lastError: string | null; leaseExpiresAt: string | null; worker: { id: string; name: string } | null; run: { id: string } | null; cache: { id: string; status: string } | null };

let h: Harness;
let cacheId: string;
let readToken: string;

beforeAll(async () => {
  h = await startHarness("lifecycle");
  cacheId = (await insertCache(h.db.prisma, h.a.teamId, { name: "lc" })).cache.id;
  const t = generateToken();
  await h.db.prisma.apiToken.create({ data: { teamId: h.a.teamId, userId: h.a.userId, name: "read", prefix: t.prefix, hash: t.hash, scopes: ["READ"] } });
  readToken = t.secret;
});
afterAll(async () => {
  await h?.close();
});

async function launch(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const d = await ok<{ launchRun: { id: string } }>(h.url, h.a.member, LAUNCH, {
    input: { projectId: h.a.projectId, name, kind: "LOFF_TA", config: { epochs: 1, optimizer: { lr: 0.001 } }, cacheId, ...extra },
  });
  return d.launchRun.id;
}

async function worker(name: string): Promise<string> {
  return (await ok<{ registerWorker: { id: string } }>(h.url, h.a.worker, REGISTER, { input: { name, host: "h", backend: "cpu", device: "cpu" } })).registerWorker.id;
}

/** Settle every live job of team A so the next claim gets the run under test. */
async function clearQueue(): Promise<void> {
  await h.db.prisma.job.updateMany({ where: { teamId: h.a.teamId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "SUCCEEDED" } });
}

test("updateRun renames and sets notes; bad names are BAD_USER_INPUT on input.name; scoped and MEMBER-only", async () => {
  const id = await launch("before");
  const d = await ok<{ updateRun: R }>(h.url, h.a.member, UPDATE, { id, input: { name: "  after  ", notes: "n1" } });
  expect(d.updateRun).toMatchObject({ id, name: "after", notes: "n1" });
  // Omitted fields stay; null notes clear them.
  expect((await ok<{ updateRun: R }>(h.url, h.a.member, UPDATE, { id, input: { notes: null } })).updateRun).toMatchObject({ name: "after", notes: null });
  const bad = await gql(h.url, h.a.member, UPDATE, { id, input: { name: "   " } });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "input.name" }] });
  expect(await errorCode(h.url, h.b.member, UPDATE, { id, input: { name: "x" } })).toBe("NOT_FOUND");
  expect(await errorCode(h.url, readToken, UPDATE, { id, input: { name: "x" } })).toBe("FORBIDDEN");
  expect(await errorCode(h.url, h.a.worker, UPDATE, { id, input: { name: "x" } })).toBe("FORBIDDEN");
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id } })).name).toBe("after");
});

test("tagRuns adds and removes tags on many runs, all or none", async () => {
  const a = await launch("tag-a", { tags: ["keep", "old"] });
  const b = await launch("tag-b");
  const d = await ok<{ tagRuns: R[] }>(h.url, h.a.member, TAG_RUNS, { ids: [a, b], add: ["sweep"], remove: ["old"] });
  expect(d.tagRuns.map((r) => [r.id, r.tags])).toEqual([
    [a, ["keep", "sweep"]],
    [b, ["sweep"]],
  ]);
  // One id of another team: NOT_FOUND and nothing changes.
  const other = (await insertRun(h.db.prisma, h.b.projectId, { name: "b" })).id;
  expect(await errorCode(h.url, h.a.member, TAG_RUNS, { ids: [a, other], add: ["x"] })).toBe("NOT_FOUND");
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: a } })).tags).toEqual(["keep", "sweep"]);
  expect(await errorCode(h.url, h.a.member, TAG_RUNS, { ids: [], add: ["x"] })).toBe("BAD_USER_INPUT");
  expect(await errorCode(h.url, readToken, TAG_RUNS, { ids: [a], add: ["x"] })).toBe("FORBIDDEN");
});

test("archived runs leave `runs` unless filter.archived; unarchive brings them back", async () => {
  const PROJECT_COUNTS = `query($id: ID!) { project(id: $id) { runCount archivedRunCount } }`;
  const counts = async () => (await ok<{ project: { runCount: number; archivedRunCount: number } }>(h.url, h.a.member, PROJECT_COUNTS, { id: h.a.projectId })).project;
  const a = await launch("arch-a");
  const b = await launch("arch-b");
  const before = await counts();
  const d = await ok<{ archiveRuns: R[] }>(h.url, h.a.member, ARCHIVE, { ids: [a, b] });
  // The project's run count is the runs its lists show: archived ones are counted apart.
  expect(await counts()).toEqual({ runCount: before.runCount - 2, archivedRunCount: before.archivedRunCount + 2 });
  expect(d.archiveRuns.every((r) => r.archivedAt !== null)).toBe(true);
  const visible = await ok<{ runs: { edges: { node: { id: string } }[] } }>(h.url, h.a.member, RUNS, {});
  expect(visible.runs.edges.map((e) => e.node.id)).not.toEqual(expect.arrayContaining([a]));
  expect(visible.runs.edges.map((e) => e.node.id)).not.toEqual(expect.arrayContaining([b]));
  const archived = await ok<{ runs: { totalCount: number; edges: { node: { id: string } }[] } }>(h.url, h.a.member, RUNS, { f: { archived: true } });
  expect(archived.runs.edges.map((e) => e.node.id).sort()).toEqual([a, b].sort());
  expect(archived.runs.totalCount).toBe(2);
  // Archiving again keeps the first archivedAt.
  const again = await ok<{ archiveRuns: R[] }>(h.url, h.a.member, ARCHIVE, { ids: [a] });
  expect(again.archiveRuns[0].archivedAt).toBe(d.archiveRuns[0].archivedAt);
  // The run itself stays readable.
  expect((await ok<{ run: { id: string; archivedAt: string } }>(h.url, h.a.member, `query($id: ID!) { run(id: $id) { id archivedAt } }`, { id: a })).run.id).toBe(a);
  await ok(h.url, h.a.member, UNARCHIVE, { ids: [a] });
  expect(await counts()).toEqual({ runCount: before.runCount - 1, archivedRunCount: before.archivedRunCount + 1 });
  const after = await ok<{ runs: { edges: { node: { id: string } }[] } }>(h.url, h.a.member, RUNS, {});
  expect(after.runs.edges.map((e) => e.node.id)).toContain(a);
  expect(await errorCode(h.url, h.b.member, ARCHIVE, { ids: [b] })).toBe("NOT_FOUND");
  // Team B never sees team A's archived runs.
  expect((await ok<{ runs: { totalCount: number } }>(h.url, h.b.member, RUNS, { f: { archived: true } })).runs.totalCount).toBe(0);
});

test("deleteRun refuses a live run (CONFLICT), then deletes it with its points, logs, artifacts and jobs; baselines are nulled, reports keep it as an id", async () => {
  const base = (await insertRun(h.db.prisma, h.a.projectId, { name: "base", kind: "UNFROZEN_LINEAR" })).id;
  await h.db.prisma.run.update({ where: { id: base }, data: { status: "SUCCEEDED" } });
  const compared = await launch("compared", { baselineRunId: base });
  const live = await launch("live");
  expect(await errorCode(h.url, h.a.member, DELETE, { id: live })).toBe("CONFLICT");
  // Bulk with one live run: nothing deleted.
  expect(await errorCode(h.url, h.a.member, DELETE_MANY, { ids: [base, live] })).toBe("CONFLICT");
  expect(await h.db.prisma.run.count({ where: { id: base } })).toBe(1);
  await ok(h.url, h.a.member, CANCEL, { id: live });

  await h.db.prisma.metricPoint.create({ data: { runId: base, key: "loss", step: 1, value: 1 } });
  await h.db.prisma.runLog.create({ data: { runId: base, seq: 1, message: "hi" } });
  await h.db.prisma.artifact.create({ data: { runId: base, kind: "CHECKPOINT", name: "last.safetensors", uri: "file:///x", bytes: 1n, sha256: "0".repeat(64) } });
  const report = await h.db.prisma.report.create({ data: { projectId: h.a.projectId, name: "r", metric: "accuracy", markdown: "# r", results: [], runIds: [base, compared] } });

  expect(await errorCode(h.url, h.b.member, DELETE, { id: base })).toBe("NOT_FOUND");
  expect(await errorCode(h.url, readToken, DELETE, { id: base })).toBe("FORBIDDEN");
  expect(await ok(h.url, h.a.member, DELETE, { id: base })).toEqual({ deleteRun: base });
  expect(await h.db.prisma.run.count({ where: { id: base } })).toBe(0);
  expect(await h.db.prisma.metricPoint.count({ where: { runId: base } })).toBe(0);
  expect(await h.db.prisma.runLog.count({ where: { runId: base } })).toBe(0);
  expect(await h.db.prisma.artifact.count({ where: { runId: base } })).toBe(0);
  const c = await ok<{ run: R }>(h.url, h.a.member, `${RUN} query($id: ID!) { run(id: $id) { ...R } }`, { id: compared });
  expect(c.run.baselineRun).toBeNull();
  const rep = await ok<{ report: { runIds: string[]; runs: { id: string }[] } }>(h.url, h.a.member, `query($id: ID!) { report(id: $id) { runIds runs { id } } }`, { id: report.id });
  expect(rep.report.runIds).toEqual([base, compared]);
  expect(rep.report.runs.map((r) => r.id)).toEqual([compared]);
  // Deleted: NOT_FOUND from now on. deleteRuns deletes the cancelled run and its jobs.
  expect(await errorCode(h.url, h.a.member, DELETE, { id: base })).toBe("NOT_FOUND");
  await ok(h.url, h.a.member, CANCEL, { id: compared });
  expect((await ok<{ deleteRuns: string[] }>(h.url, h.a.member, DELETE_MANY, { ids: [live, compared] })).deleteRuns.sort()).toEqual([live, compared].sort());
  expect(await h.db.prisma.job.count({ where: { runId: { in: [live, compared] } } })).toBe(0);
});

test("runsDeleted announces each deleteRun / deleteRuns call to the project's subscribers, not to other teams", async () => {
  type Ev = { runsDeleted: { projectId: string; ids: string[] } };
  const SUB = `subscription($p: ID!) { runsDeleted(projectId: $p) { projectId ids } }`;
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<Ev>(client, SUB, { p: h.a.projectId });
  const probes = new Set<string>();
  await sub.live({
    send: async () => {
      const r = await insertRun(h.db.prisma, h.a.projectId, { name: "probe" });
      probes.add(r.id);
      await ok(h.url, h.a.member, DELETE, { id: r.id });
    },
    is: (e) => e.runsDeleted.ids.every((id) => probes.has(id)),
  });
  const [one, two, three] = [await insertRun(h.db.prisma, h.a.projectId), await insertRun(h.db.prisma, h.a.projectId), await insertRun(h.db.prisma, h.a.projectId)];
  await ok(h.url, h.a.member, DELETE, { id: one.id });
  await ok(h.url, h.a.member, DELETE_MANY, { ids: [two.id, three.id] });
  await sub.waitFor(2);
  expect(sub.events[0]).toEqual({ runsDeleted: { projectId: h.a.projectId, ids: [one.id] } });
  expect(sub.events[1].runsDeleted.ids.sort()).toEqual([two.id, three.id].sort());
  // A refused delete announces nothing; another team cannot subscribe to the project.
  expect(await errorCode(h.url, h.a.member, DELETE, { id: one.id })).toBe("NOT_FOUND");
  const other = wsClient(h.server.wsUrl, h.b.member);
  const foreign = collect<Ev>(other, SUB, { p: h.a.projectId });
  await foreign.ended;
  expect(JSON.stringify(foreign.errors)).toContain("NOT_FOUND");
  expect(sub.events).toHaveLength(2);
  sub.dispose();
  await client.dispose();
  await other.dispose();
});

test("retryRun launches a new run with the same config that a worker claims and completes; only FAILED / CANCELLED", async () => {
  await clearQueue();
  const id = await launch("to-fail", { tags: ["t"], notes: "why", seed: 7 });
  expect(await errorCode(h.url, h.a.member, RETRY, { id })).toBe("CONFLICT"); // still QUEUED
  const w = await worker("lc-w1");
  const claimed = await ok<{ claimJob: { id: string; run: { id: string } } }>(h.url, h.a.worker, CLAIM, { w });
  expect(claimed.claimJob.run.id).toBe(id);
  await ok(h.url, h.a.worker, FAIL, { j: claimed.claimJob.id, w });
  const old = await ok<{ run: R }>(h.url, h.a.member, `${RUN} query($id: ID!) { run(id: $id) { ...R } }`, { id });
  expect(old.run).toMatchObject({ status: "FAILED", error: "boom" });

  expect(await errorCode(h.url, h.b.member, RETRY, { id })).toBe("NOT_FOUND");
  expect(await errorCode(h.url, readToken, RETRY, { id })).toBe("FORBIDDEN");
  const d = await ok<{ retryRun: R }>(h.url, h.a.member, RETRY, { id });
  expect(d.retryRun.id).not.toBe(id);
  expect(d.retryRun).toMatchObject({ name: "to-fail", status: "QUEUED", tags: ["t"], notes: "why", seed: 7, error: null, cache: { id: cacheId } });
  expect(d.retryRun.config).toEqual(old.run.config);
  // The old run is kept as it was.
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  // The queue hands the new run to a worker, which completes it.
  const again = await ok<{ claimJob: { id: string; run: { id: string; status: string } } }>(h.url, h.a.worker, CLAIM, { w });
  expect(again.claimJob.run).toEqual({ id: d.retryRun.id, status: "RUNNING" });
  await ok(h.url, h.a.worker, COMPLETE, { j: again.claimJob.id, w });
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: d.retryRun.id } })).status).toBe("SUCCEEDED");
  expect(await errorCode(h.url, h.a.member, RETRY, { id: d.retryRun.id })).toBe("CONFLICT"); // SUCCEEDED
  // An EXTERNAL run has nothing to train.
  const ext = (await insertRun(h.db.prisma, h.a.projectId, { name: "ext", kind: "EXTERNAL" })).id;
  await h.db.prisma.run.update({ where: { id: ext }, data: { status: "FAILED" } });
  expect(await errorCode(h.url, h.a.member, RETRY, { id: ext })).toBe("CONFLICT");
});

test("jobs: the team's jobs with their worker, lease and error, filtered and paged; cancelJob and retryJob", async () => {
  await clearQueue();
  const run1 = await launch("q1");
  const run2 = await launch("q2");
  const w = await worker("lc-w2");
  const claimed = await ok<{ claimJob: { id: string; run: { id: string } } }>(h.url, h.a.worker, CLAIM, { w });
  expect(claimed.claimJob.run.id).toBe(run1);

  const running = await ok<{ jobs: JobRow[] }>(h.url, h.a.member, JOBS, { f: { statuses: ["RUNNING"], type: "TRAIN" } });
  expect(running.jobs).toHaveLength(1);
  expect(running.jobs[0]).toMatchObject({ id: claimed.claimJob.id, attempts: 1, worker: { id: w, name: "lc-w2" }, run: { id: run1 } });
  expect(running.jobs[0].leaseExpiresAt).not.toBeNull();
  // Team B sees none of them.
  expect((await ok<{ jobs: JobRow[] }>(h.url, h.b.member, JOBS, {})).jobs).toEqual([]);
  // Keyset pages cover every job once.
  const all = (await ok<{ jobs: JobRow[] }>(h.url, h.a.member, JOBS, { first: 200 })).jobs;
  const paged: string[] = [];
  for (let after: string | null = null; ; ) {
    const page: JobRow[] = (await ok<{ jobs: JobRow[] }>(h.url, h.a.member, JOBS, { first: 2, after })).jobs;
    if (!page.length) break;
    paged.push(...page.map((j) => j.id));
    after = page[page.length - 1].id;
  }
  expect(paged).toEqual(all.map((j) => j.id));
  const badAfter = await gql(h.url, h.a.member, JOBS, { after: "00000000-0000-0000-0000-000000000000" });
  expect(badAfter.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "after" }] });

  // Cancel the running job: its run is CANCELLED and the worker hears it on its heartbeat.
  expect(await errorCode(h.url, h.b.member, CANCEL_JOB, { id: claimed.claimJob.id })).toBe("NOT_FOUND");
  expect(await errorCode(h.url, readToken, CANCEL_JOB, { id: claimed.claimJob.id })).toBe("FORBIDDEN");
  expect((await ok<{ cancelJob: JobRow }>(h.url, h.a.member, CANCEL_JOB, { id: claimed.claimJob.id })).cancelJob.status).toBe("CANCELLED");
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: run1 } })).status).toBe("CANCELLED");
  expect((await ok<{ heartbeat: { cancelledJobIds: string[] } }>(h.url, h.a.worker, HEARTBEAT, { w })).heartbeat.cancelledJobIds).toContain(claimed.claimJob.id);
  expect(await errorCode(h.url, h.a.member, CANCEL_JOB, { id: claimed.claimJob.id })).toBe("CONFLICT");

  // Retry it: a new QUEUED TRAIN job of a new run.
  const retried = await ok<{ retryJob: JobRow & { run: { id: string; status: string } } }>(h.url, h.a.member, RETRY_JOB, { id: claimed.claimJob.id });
  expect(retried.retryJob).toMatchObject({ type: "TRAIN", status: "QUEUED", run: { status: "QUEUED" } });
  expect(retried.retryJob.run.id).not.toBe(run1);
  const queued = (await ok<{ jobs: JobRow[] }>(h.url, h.a.member, JOBS, { f: { runId: run2 } })).jobs[0];
  expect(await errorCode(h.url, h.a.member, RETRY_JOB, { id: queued.id })).toBe("CONFLICT"); // QUEUED

  // An EXTRACT job: cancelling fails its cache and the runs waiting on it; retrying extracts again.
  const extract = await ok<{ requestFeatureCache: { id: string } }>(
    h.url,
    h.a.member,
    `mutation($input: RequestFeatureCacheInput!) { requestFeatureCache(input: $input) { id } }`,
    { input: { datasetId: (await h.db.prisma.featureCache.findUniqueOrThrow({ where: { id: cacheId } })).datasetId, modelId: (await h.db.prisma.featureCache.findUniqueOrThrow({ where: { id: cacheId } })).modelId, resolution: 112 } },
  );
  const newCache = extract.requestFeatureCache.id;
  const waiting = await launch("waits", { cacheId: newCache });
  const ej = (await ok<{ jobs: JobRow[] }>(h.url, h.a.member, JOBS, { f: { type: "EXTRACT", statuses: ["QUEUED"] } })).jobs.find((j) => j.cache?.id === newCache)!;
  const cancelled = await ok<{ cancelJob: JobRow }>(h.url, h.a.member, CANCEL_JOB, { id: ej.id });
  expect(cancelled.cancelJob).toMatchObject({ status: "CANCELLED", lastError: "extraction cancelled" });
  expect((await h.db.prisma.featureCache.findUniqueOrThrow({ where: { id: newCache } })).status).toBe("FAILED");
  expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: waiting } })).status).toBe("FAILED");
  const re = await ok<{ retryJob: JobRow }>(h.url, h.a.member, RETRY_JOB, { id: ej.id });
  expect(re.retryJob).toMatchObject({ type: "EXTRACT", status: "QUEUED", cache: { id: newCache, status: "PENDING" } });
  expect(await errorCode(h.url, h.a.member, RETRY_JOB, { id: ej.id })).toBe("CONFLICT"); // cache no longer FAILED
});
