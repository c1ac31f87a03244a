import { collect, gql, insertRun, logsProbe, ok, startHarness, wsClient, type Harness } from "./helpers";

const APPEND = `mutation($runId: ID!, $lines: [RunLogLineInput!]!) { appendRunLogs(runId: $runId, lines: $lines) { inserted duplicates } }`;
const READ = `query($runId: ID!, $after: Int, $before: Int, $fromEnd: Boolean, $limit: Int) {
  runLogs(runId: $runId, after: $after, before: $before, fromEnd: $fromEnd, limit: $limit) { lines { seq time level message } hasMore startCursor endCursor } }`;
const SUB = `subscription($runId: ID!) { runLogAppended(runId: $runId) { runId lines { seq level message } } }`;

type Line = { seq: number; time: string; level: string; message: string };
type Page = { runLogs: { lines: Line[]; hasMore: boolean; startCursor: number | null; endCursor: number | null } };
type Batch = { runLogAppended: { runId: string; lines: { seq: number; level: string; message: string }[] } };

let h: Harness;
beforeAll(async () => {
  h = await startHarness("logs");
});
afterAll(async () => {
  await h?.close();
});

const lines = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ seq: from + i, message: `line ${from + i}` }));

test("appended lines read back in seq order with time, level and message", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  // Sent out of order, and in two batches: read back ordered by seq.
  await ok(h.url, h.a.worker, APPEND, {
    runId: run.id,
    lines: [
      { seq: 2, level: "ERROR", message: "boom", time: "2026-01-02T03:04:05.678Z" },
      { seq: 0, message: "first" },
    ],
  });
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: [{ seq: 1, level: "WARN", message: "careful" }] });
  const r = await ok<Page>(h.url, h.a.member, READ, { runId: run.id });
  expect(r.runLogs.lines.map((l) => [l.seq, l.level, l.message])).toEqual([
    [0, "INFO", "first"],
    [1, "WARN", "careful"],
    [2, "ERROR", "boom"],
  ]);
  expect(r.runLogs.lines[2].time).toBe("2026-01-02T03:04:05.678Z");
  expect(Math.abs(Date.parse(r.runLogs.lines[0].time) - Date.now())).toBeLessThan(60_000);
  expect(r.runLogs).toMatchObject({ hasMore: false, startCursor: 0, endCursor: 2 });
  // Nothing new after the end: the cursor stays (polling).
  const tail = await ok<Page>(h.url, h.a.member, READ, { runId: run.id, after: 2 });
  expect(tail.runLogs).toMatchObject({ lines: [], hasMore: false, startCursor: null, endCursor: 2 });
});

test("a retried batch stores nothing twice", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const batch = [...lines(0, 50), { seq: 10, message: "dup inside the batch" }];
  const first = await ok<{ appendRunLogs: { inserted: number; duplicates: number } }>(h.url, h.a.worker, APPEND, { runId: run.id, lines: batch });
  expect(first.appendRunLogs).toEqual({ inserted: 50, duplicates: 1 });
  const again = await ok<{ appendRunLogs: { inserted: number; duplicates: number } }>(h.url, h.a.worker, APPEND, { runId: run.id, lines: batch });
  expect(again.appendRunLogs).toEqual({ inserted: 0, duplicates: 51 });
  expect(await h.db.prisma.runLog.count({ where: { runId: run.id } })).toBe(50);
  const r = await ok<Page>(h.url, h.a.member, READ, { runId: run.id });
  expect(r.runLogs.lines.find((l) => l.seq === 10)?.message).toBe("line 10");
});

test("pages: forward with after/limit, backward from the end with before", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: lines(0, 1000) });
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: lines(1000, 250) });
  // Default page: 500 lines from the start.
  const p1 = await ok<Page>(h.url, h.a.member, READ, { runId: run.id });
  expect(p1.runLogs.lines).toHaveLength(500);
  expect(p1.runLogs).toMatchObject({ hasMore: true, startCursor: 0, endCursor: 499 });
  const seen: number[] = [];
  let after: number | null = null;
  for (;;) {
    const p: Page = await ok<Page>(h.url, h.a.member, READ, { runId: run.id, after, limit: 300 });
    seen.push(...p.runLogs.lines.map((l) => l.seq));
    after = p.runLogs.endCursor;
    if (!p.runLogs.hasMore) break;
  }
  expect(seen).toEqual(Array.from({ length: 1250 }, (_, i) => i));
  // The tail, then earlier pages.
  const end = await ok<Page>(h.url, h.a.member, READ, { runId: run.id, fromEnd: true, limit: 100 });
  expect(end.runLogs.lines.map((l) => l.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 1150 + i));
  expect(end.runLogs).toMatchObject({ hasMore: true, startCursor: 1150, endCursor: 1249 });
  const earlier = await ok<Page>(h.url, h.a.member, READ, { runId: run.id, before: 100, limit: 100 });
  expect(earlier.runLogs.lines.map((l) => l.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  expect(earlier.runLogs.hasMore).toBe(false);
});

test("limits and bad input: BAD_USER_INPUT with field paths, nothing stored", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const tooMany = await gql(h.url, h.a.worker, APPEND, { runId: run.id, lines: lines(0, 1001) });
  expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ path: "lines", message: "more than 1000 lines" }]);
  const empty = await gql(h.url, h.a.worker, APPEND, { runId: run.id, lines: [] });
  expect(empty.errors?.[0].extensions?.fields?.[0].path).toBe("lines");
  const bad = await gql(h.url, h.a.worker, APPEND, {
    runId: run.id,
    lines: [
      { seq: 0, message: "fine" },
      { seq: -1, message: "x".repeat(4001) },
      { seq: 2, message: "" },
    ],
  });
  expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(bad.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(["lines.1.seq", "lines.1.message", "lines.2.message"]);
  const badLevel = await gql(h.url, h.a.worker, APPEND, { runId: run.id, lines: [{ seq: 0, level: "DEBUG", message: "x" }] });
  expect(badLevel.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(await h.db.prisma.runLog.count({ where: { runId: run.id } })).toBe(0);
  // 4,000 characters is allowed.
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: [{ seq: 0, message: "y".repeat(4000) }] });
  for (const limit of [0, 1001]) {
    const r = await gql(h.url, h.a.member, READ, { runId: run.id, limit });
    expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0].extensions?.fields?.[0].path).toBe("limit");
  }
});

test("scopes and teams: members cannot append; other teams' runs are NOT_FOUND", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const asMember = await gql(h.url, h.a.member, APPEND, { runId: run.id, lines: lines(0, 1) });
  expect(asMember.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  const otherWorker = await gql(h.url, h.b.worker, APPEND, { runId: run.id, lines: lines(0, 1) });
  expect(otherWorker.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: lines(0, 3) });
  const otherRead = await gql(h.url, h.b.member, READ, { runId: run.id });
  expect(otherRead.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect(otherRead.data).toBeNull();
  const unknown = await gql(h.url, h.a.member, READ, { runId: "not-a-uuid" });
  expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  // Another team's subscriber is refused too.
  const client = wsClient(h.server.wsUrl, h.b.member);
  const sub = collect<Batch>(client, SUB, { runId: run.id });
  await sub.ended;
  expect(JSON.stringify(sub.errors)).toContain("NOT_FOUND");
  await client.dispose();
});

test("runLogAppended delivers new lines once, small batches inline and large ones by seq range", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  const client = wsClient(h.server.wsUrl, h.a.member);
  const sub = collect<Batch>(client, SUB, { runId: run.id });
  const probe = logsProbe(h.db.prisma, run.id);
  await sub.live(probe);
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: [{ seq: 0, level: "WARN", message: "hello" }] });
  const [first] = await sub.waitFor(1);
  expect(first.runLogAppended).toEqual({ runId: run.id, lines: [{ seq: 0, level: "WARN", message: "hello" }] });
  // ~40 kB: too large for NOTIFY, announced by range and read back.
  const big = Array.from({ length: 20 }, (_, i) => ({ seq: 1 + i, message: `${i} `.padEnd(2000, "z") }));
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: big });
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: big }); // retried: nothing announced
  const events = await sub.waitFor(2);
  expect(events[1].runLogAppended.lines.map((l) => l.seq)).toEqual(big.map((l) => l.seq));
  expect(events[1].runLogAppended.lines[3].message).toBe(big[3].message);
  await sub.fence(probe); // an announcement of the retried batch would have arrived before this
  expect(sub.events).toHaveLength(2);
  sub.dispose();
  await client.dispose();
});

test("deleting a run deletes its log", async () => {
  const run = await insertRun(h.db.prisma, h.a.projectId);
  await ok(h.url, h.a.worker, APPEND, { runId: run.id, lines: lines(0, 5) });
  await h.db.prisma.run.delete({ where: { id: run.id } });
  expect(await h.db.prisma.runLog.count({ where: { runId: run.id } })).toBe(0);
});
