/**
 * Bad input is the caller's error, never the database's: crafted cursors and NUL bytes in
 * string arguments answer BAD_USER_INPUT naming the argument, without Postgres' words.
 */
import { codeOf, openSocket, post, startSecurityHarness, type GqlBody, type SecurityHarness } from "./harness";

let h: SecurityHarness;
let runId: string;
beforeAll(async () => {
  h = await startSecurityHarness("inputs");
  const run = await h.db.prisma.run.create({ data: { projectId: h.a.projectId, name: "r", kind: "LOFF_TA", config: { a: 1 }, trainImagesPerSec: 12.5 } });
  runId = run.id;
});
afterAll(() => h?.close());

const RAW_DB = /invalid input syntax|invalid byte sequence|out of range|0x00|unicode escape|prisma|postgres|sqlstate|\bselect\b|\bwhere\b/i;

function expectUserError(body: GqlBody, path: RegExp) {
  const e = body.errors?.[0];
  expect(e?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(e?.message).not.toMatch(RAW_DB);
  const fields = (e?.extensions?.fields as { path: string }[] | undefined) ?? [];
  expect(fields.map((f) => f.path).join(" ")).toMatch(path);
}

describe("crafted cursors", () => {
  const cursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString("base64url");
  const id = "4f3c9a52-8d4e-4a59-9a43-3f7e5c6b7a10";
  const RUNS = `query($after: String, $sort: RunSort) { runs(first: 5, after: $after, sort: $sort) { totalCount edges { cursor } } }`;

  test("a real cursor still pages", async () => {
    const first = await post<{ runs: { edges: { cursor: string }[] } }>(h.url, h.a.member.secret, RUNS, {});
    const c = first.body.data!.runs.edges[0].cursor;
    for (const sort of [undefined, { field: "NAME" }, { field: "TRAIN_IMAGES_PER_SEC", direction: "ASC" }]) {
      const page = await post<{ runs: { edges: { cursor: string }[] } }>(h.url, h.a.member.secret, RUNS, { sort });
      const again = await post(h.url, h.a.member.secret, RUNS, { sort, after: page.body.data!.runs.edges[0].cursor });
      expect(again.body.errors).toBeUndefined();
    }
    expect(codeOf(await post(h.url, h.a.member.secret, RUNS, { after: c }))).toBeUndefined();
  });

  test.each([
    ["a value that is no timestamp (default sort)", { v: "not-a-date", id }, undefined],
    ["an impossible date", { v: "2026-13-45 25:61:00", id }, undefined],
    ["a value that is no number (throughput sort)", { v: "abc", id }, { field: "TRAIN_IMAGES_PER_SEC" }],
    ["a number out of float8 range", { v: "1e999", id }, { field: "TRAIN_IMAGES_PER_SEC" }],
    ["a NUL byte in a name cursor", { v: "a\u0000b", id }, { field: "NAME" }],
    ["a metric cursor with a date", { v: "2026-01-01 00:00:00", id }, { field: "METRIC", metricKey: "accuracy" }],
  ])("%s → BAD_USER_INPUT on `after`", async (_what, c, sort) => {
    const r = await post(h.url, h.a.member.secret, RUNS, { after: cursor(c), sort });
    expectUserError(r.body, /^after$/);
  });
});

describe("NUL bytes in string arguments", () => {
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    ["createProject name (Prisma)", `mutation($n: String!) { createProject(input: { name: $n }) { id } }`, { n: "a\u0000b" }, /^createProject\.input\.name$/],
    ["runs tag filter (raw SQL)", `query($t: String) { runs(filter: { tag: $t }) { totalCount } }`, { t: "x\u0000" }, /^runs\.filter\.tag$/],
    ["runs config filter value (jsonb)", `query($v: JSON!) { runs(filter: { config: [{ path: "a", value: $v }] }) { totalCount } }`, { v: { k: "x\u0000" } }, /^runs\.filter\.config\.0\.value\.k$/],
    ["a JSON object key", `query($v: JSON!) { runs(filter: { config: [{ path: "a", value: $v }] }) { totalCount } }`, { v: { "k\u0000": 1 } }, /^runs\.filter\.config\.0\.value/],
    ["run notes", `mutation($id: ID!, $n: String) { setRunNotes(id: $id, notes: $n) { id } }`, { n: "\u0000" }, /^setRunNotes\.notes$/],
    ["a metric key of logMetricColumns", `mutation($id: ID!, $c: MetricColumnsInput!) { logMetricColumns(runId: $id, columns: $c) { inserted } }`, { c: { keys: ["ok", "a\u0000"], key: [0, 1], steps: [0, 0], values: [1, 2] } }, /^logMetricColumns\.columns\.keys\.1$/],
  ];

  test.each(cases)("%s (variables) → BAD_USER_INPUT", async (_what, query, variables, path) => {
    const r = await post(h.url, h.a.member.secret, query, { id: runId, ...variables });
    expectUserError(r.body, path);
    expect(r.status).toBe(400);
  });

  test("a string in a list of numbers (not walked by the NUL check) is refused by coercion", async () => {
    const q = `mutation($id: ID!, $c: MetricColumnsInput!) { logMetricColumns(runId: $id, columns: $c) { inserted } }`;
    const r = await post(h.url, h.a.member.secret, q, { id: runId, c: { keys: ["k"], key: [0], steps: ["0\u0000"], values: [1] } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain("BAD_USER_INPUT");
  });

  test("inline literals (\\u0000 escapes in the document) and WebSocket operations too", async () => {
    const inline = `mutation { createProject(input: { name: "a\\u0000b" }) { id } }`;
    expectUserError((await post(h.url, h.a.member.secret, inline)).body, /^createProject\.input\.name$/);
    const ws = await openSocket(h.wsUrl, h.a.member.secret);
    expectUserError(await ws.run(inline), /^createProject\.input\.name$/);
    expectUserError(await ws.run(cases[1][1], cases[1][2]), /^runs\.filter\.tag$/);
    await ws.dispose();
    expect(await h.db.prisma.project.count({ where: { name: { startsWith: "a" } } })).toBe(0);
  });

  test("other control characters are fine", async () => {
    const r = await post(h.url, h.a.member.secret, `mutation($n: String!) { createProject(input: { name: $n }) { name } }`, { n: "tab\there" });
    expect(r.body.errors).toBeUndefined();
  });
});
