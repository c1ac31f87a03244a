/**
 * The run table's server side (issue #17 item 5): numeric ranges on final metrics and config
 * values, name search, sorting by a config path with keyset cursors, and the shared
 * filter-condition cap. Runs are seeded straight in the database; expectations are computed
 * here from the seeded values, independently of the SQL.
 */
import { generateToken } from "@loffta/db";
import { errorCode, gql, insertRun, ok, startHarness, type Harness } from "./helpers";

let h: Harness;
let projectId: string;

interface Seed {
  name: string;
  accuracy?: number | string;
  lr?: number | string;
  depth?: number;
}

// lr: numbers whose text order differs from their numeric order ("0.002" < "0.5" < "10" < "3"
// as text), a string and missing values.
const SEEDS: Seed[] = [
  { name: "Alpha_1", accuracy: 0.91, lr: 0.5, depth: 2 },
  { name: "alpha%2", accuracy: 0.75, lr: 10, depth: 3 },
  { name: "beta", accuracy: 0.6, lr: 0.002, depth: 2 },
  { name: "Gamma", accuracy: "0.99", lr: "0.1" }, // non-numeric values: never in a range, sorted last
  { name: "delta", lr: 3 },
  { name: "epsilon", accuracy: 0.8, lr: 3, depth: 1 },
  { name: "zeta_x", accuracy: 0.5 },
];

beforeAll(async () => {
  h = await startHarness("runtable");
  projectId = (await h.db.prisma.project.create({ data: { teamId: h.a.teamId, name: "table" } })).id;
  for (const s of SEEDS) {
    const config: Record<string, unknown> = { model: { depth: s.depth } };
    if (s.lr !== undefined) config.optimizer = { lr: s.lr, name: "adamw" };
    await insertRun(h.db.prisma, projectId, { name: s.name, config, finalMetrics: s.accuracy === undefined ? {} : { accuracy: s.accuracy, evalCount: 10 } });
  }
  // Another team's run that would match every filter.
  const other = await h.db.prisma.project.findFirstOrThrow({ where: { teamId: h.b.teamId } });
  await insertRun(h.db.prisma, other.id, { name: "alpha-foreign", config: { optimizer: { lr: 0.5 } }, finalMetrics: { accuracy: 0.9 } });
});
afterAll(() => h?.close());

const Q = `query($f: RunFilter, $s: RunSort, $first: Int, $after: String) {
  runs(filter: $f, sort: $s, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } }
}`;
type Page = { runs: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { name: string } }[] } };

async function names(filter: Record<string, unknown>, sort: Record<string, unknown> = { field: "NAME", direction: "ASC" }): Promise<string[]> {
  const p = await ok<Page>(h.url, h.a.member, Q, { f: { projectId, ...filter }, s: sort, first: 100 });
  expect(p.runs.totalCount).toBe(p.runs.edges.length);
  return p.runs.edges.map((e) => e.node.name);
}

async function allPages(filter: Record<string, unknown>, sort: Record<string, unknown>, first: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const p: Page = await ok<Page>(h.url, h.a.member, Q, { f: { projectId, ...filter }, s: sort, first, after });
    out.push(...p.runs.edges.map((e) => e.node.name));
    if (!p.runs.pageInfo.hasNextPage) return out;
    after = p.runs.pageInfo.endCursor;
  }
  throw new Error("too many pages");
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const expected = (pred: (s: Seed) => boolean) => SEEDS.filter(pred).map((s) => s.name).sort(byName);
const inRange = (v: number | null, min?: number, max?: number) => v !== null && (min === undefined || v >= min) && (max === undefined || v <= max);

describe("range filters", () => {
  test("final metric ranges: inclusive bounds, either optional, non-numeric values never match", async () => {
    for (const [min, max] of [
      [0.6, 0.91],
      [0.75, undefined],
      [undefined, 0.6],
      [undefined, undefined],
      [0.92, undefined],
    ] as [number | undefined, number | undefined][]) {
      const want = expected((s) => inRange(num(s.accuracy), min, max));
      expect(await names({ metrics: [{ key: "accuracy", min, max }] })).toEqual(want);
    }
    // Two metric conditions both hold (the same key, narrowing).
    expect(await names({ metrics: [{ key: "accuracy", min: 0.5 }, { key: "accuracy", max: 0.6 }] })).toEqual(expected((s) => inRange(num(s.accuracy), 0.5, 0.6)));
  });

  test("config ranges at a dot path, combined with metrics and config equality", async () => {
    expect(await names({ configRanges: [{ path: "optimizer.lr", min: 0.002, max: 3 }] })).toEqual(expected((s) => inRange(num(s.lr), 0.002, 3)));
    expect(await names({ configRanges: [{ path: "optimizer.lr", min: 1 }] })).toEqual(expected((s) => inRange(num(s.lr), 1)));
    expect(await names({ configRanges: [{ path: "model.depth", max: 2 }], metrics: [{ key: "accuracy", min: 0.7 }] })).toEqual(
      expected((s) => inRange(num(s.depth), undefined, 2) && inRange(num(s.accuracy), 0.7)),
    );
    expect(await names({ configRanges: [{ path: "optimizer.lr", min: 0 }], config: [{ path: "model.depth", value: 3 }] })).toEqual(["alpha%2"]);
    // A path to a non-number (a string, an object) matches nothing.
    expect(await names({ configRanges: [{ path: "optimizer.name" }] })).toEqual([]);
    expect(await names({ configRanges: [{ path: "optimizer" }] })).toEqual([]);
  });

  test("nameContains: case-insensitive, LIKE wildcards literal", async () => {
    expect(await names({ nameContains: "ALPHA" })).toEqual(["Alpha_1", "alpha%2"]);
    expect(await names({ nameContains: "%" })).toEqual(["alpha%2"]);
    expect(await names({ nameContains: "_" })).toEqual(["Alpha_1", "zeta_x"]);
    expect(await names({ nameContains: "a_1" })).toEqual(["Alpha_1"]);
    expect(await names({ nameContains: "\\" })).toEqual([]);
    expect(await names({ nameContains: "' OR 1=1 --" })).toEqual([]);
    expect(await names({ nameContains: "" })).toHaveLength(SEEDS.length);
  });

  test("bad keys, paths and bounds are BAD_USER_INPUT with field paths; NUL refused", async () => {
    const fieldsOf = async (f: Record<string, unknown>) => {
      const r = await gql(h.url, h.a.member, Q, { f });
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      return r.errors?.[0]?.extensions?.fields?.map((x) => x.path);
    };
    expect(await fieldsOf({ metrics: [{ key: "accuracy" }, { key: "evalCount", min: 1 }] })).toEqual(["filter.metrics.1.key"]);
    expect(await fieldsOf({ configRanges: [{ path: "a..b" }] })).toEqual(["filter.configRanges.0.path"]);
    expect(await fieldsOf({ configRanges: [{ path: "a'); DROP TABLE \"Run\"; --" }] })).toEqual(["filter.configRanges.0.path"]);
    expect(await fieldsOf({ metrics: [{ key: "loss", min: 2, max: 1 }] })).toEqual(["filter.metrics.0.min"]);
    expect(await errorCode(h.url, h.a.member, Q, { f: { nameContains: "a\u0000b" } })).toBe("BAD_USER_INPUT");
    expect(await errorCode(h.url, h.a.member, Q, { f: { metrics: [{ key: "acc\u0000uracy" }] } })).toBe("BAD_USER_INPUT");
  });

  test("config, metrics and configRanges count together against the filter-condition cap", async () => {
    const cfg = Array.from({ length: 10 }, (_, i) => ({ path: `p${i}`, value: i }));
    const met = Array.from({ length: 5 }, () => ({ key: "accuracy", min: 0 }));
    const rng = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `q${i}`, min: 0 }));
    const r20 = await gql(h.url, h.a.member, Q, { f: { config: cfg, metrics: met, configRanges: rng(5) } });
    expect(r20.errors).toBeUndefined();
    for (const f of [{ config: cfg, metrics: met, configRanges: rng(6) }, { configRanges: rng(21) }, { metrics: Array.from({ length: 21 }, () => ({ key: "loss" })) }]) {
      const r = await gql(h.url, h.a.member, Q, { f });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "filterConditions", max: 20 });
      expect(r.data ?? null).toBeNull();
    }
    // Inline literals count the same.
    const inline = `{ runs(filter: { metrics: [${Array.from({ length: 11 }, () => `{ key: "loss" }`).join(", ")}], configRanges: [${Array.from({ length: 10 }, (_, i) => `{ path: "x${i}" }`).join(", ")}] }) { totalCount } }`;
    expect((await gql(h.url, h.a.member, inline)).errors?.[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "filterConditions" });
  });
});

describe("sort by a config path", () => {
  const numericOrder = (dir: "ASC" | "DESC") => {
    const withValue = SEEDS.filter((s) => num(s.lr) !== null);
    withValue.sort((a, b) => (num(a.lr)! - num(b.lr)!) * (dir === "ASC" ? 1 : -1));
    return { withValue: withValue.map((s) => s.name), without: SEEDS.filter((s) => num(s.lr) === null).map((s) => s.name) };
  };

  test.each(["ASC", "DESC"] as const)("numeric-aware %s, nulls last, stable over cursor pages", async (dir) => {
    const sort = { field: "CONFIG", configPath: "optimizer.lr", direction: dir };
    const all = await names({}, sort);
    const { withValue, without } = numericOrder(dir);
    // delta and epsilon tie at lr 3 (broken by id): compare the sets at the tie, the order elsewhere.
    const head = all.slice(0, withValue.length);
    expect(head.map((n) => SEEDS.find((s) => s.name === n)!.lr)).toEqual(withValue.map((n) => SEEDS.find((s) => s.name === n)!.lr));
    expect(new Set(head)).toEqual(new Set(withValue));
    expect(new Set(all.slice(withValue.length))).toEqual(new Set(without));
    for (const first of [1, 2, 3]) expect(await allPages({}, sort, first)).toEqual(all);
  });

  test("sort and filter together; bad paths and crafted cursors are BAD_USER_INPUT", async () => {
    const sort = { field: "CONFIG", configPath: "optimizer.lr", direction: "ASC" };
    expect(await allPages({ metrics: [{ key: "accuracy", min: 0.6 }] }, sort, 1)).toEqual(["beta", "Alpha_1", "epsilon", "alpha%2"]);
    const bad = async (s: Record<string, unknown>, after?: string) => {
      const r = await gql(h.url, h.a.member, Q, { f: { projectId }, s, after });
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      return r.errors?.[0]?.extensions?.fields?.map((x) => x.path);
    };
    expect(await bad({ field: "CONFIG" })).toEqual(["sort.configPath"]);
    expect(await bad({ field: "CONFIG", configPath: "optimizer.lr; --" })).toEqual(["sort.configPath"]);
    const id = "00000000-0000-4000-8000-000000000000";
    for (const v of ["abc", "1e999", "1); DROP TABLE \"Run\"; --", "0\u0000"]) {
      const cursor = Buffer.from(JSON.stringify({ v, id })).toString("base64url");
      expect(await bad(sort, cursor)).toEqual(["after"]);
    }
    // A well-formed crafted cursor is just a position.
    const pos = Buffer.from(JSON.stringify({ v: "1", id })).toString("base64url");
    const p = await ok<Page>(h.url, h.a.member, Q, { f: { projectId }, s: sort, first: 100, after: pos });
    const after = p.runs.edges.map((e) => e.node.name);
    expect(new Set(after.slice(0, 2))).toEqual(new Set(["delta", "epsilon"]));
    expect(after[2]).toBe("alpha%2");
    expect(new Set(after.slice(3))).toEqual(new Set(["Gamma", "zeta_x"]));
  });
});

describe("saved views (team-shared)", () => {
  const LIST = `{ savedViews { id name query } }`;
  const SAVE = `mutation($input: SaveViewInput!) { saveView(input: $input) { id name query } }`;
  const DEL = `mutation($id: ID!) { deleteView(id: $id) }`;
  type Views = { savedViews: { id: string; name: string; query: string }[] };

  test("MEMBER saves (upsert by name) and deletes; READ lists but cannot write; teams are isolated", async () => {
    const t = generateToken();
    await h.db.prisma.apiToken.create({ data: { teamId: h.a.teamId, userId: null, name: "read", prefix: t.prefix, hash: t.hash, scopes: ["READ"] } });
    const read = t.secret;

    const a = await ok<{ saveView: { id: string } }>(h.url, h.a.member, SAVE, { input: { name: " top accuracy ", query: "?sort=metric:accuracy&dir=desc" } });
    await ok(h.url, h.a.member, SAVE, { input: { name: "alpha", query: "q=alpha" } });
    // Same name: the query is replaced, the id kept.
    const again = await ok<{ saveView: { id: string; query: string } }>(h.url, h.a.member, SAVE, { input: { name: "top accuracy", query: "sort=metric:accuracy&dir=asc" } });
    expect(again.saveView).toEqual({ id: a.saveView.id, name: "top accuracy", query: "sort=metric:accuracy&dir=asc" });

    const listed = await ok<Views>(h.url, read, LIST);
    expect(listed.savedViews.map((v) => [v.name, v.query])).toEqual([
      ["alpha", "q=alpha"],
      ["top accuracy", "sort=metric:accuracy&dir=asc"],
    ]);
    expect((await ok<Views>(h.url, h.b.member, LIST)).savedViews).toEqual([]);

    expect(await errorCode(h.url, read, SAVE, { input: { name: "x", query: "" } })).toBe("FORBIDDEN");
    expect(await errorCode(h.url, read, DEL, { id: a.saveView.id })).toBe("FORBIDDEN");
    expect(await errorCode(h.url, h.b.member, DEL, { id: a.saveView.id })).toBe("NOT_FOUND");
    expect(await errorCode(h.url, h.a.member, DEL, { id: "not-a-uuid" })).toBe("NOT_FOUND");
    const bad = await gql(h.url, h.a.member, SAVE, { input: { name: "  ", query: "" } });
    expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.path)).toEqual(["input.name"]);
    expect(await errorCode(h.url, h.a.member, SAVE, { input: { name: "long", query: "x".repeat(4001) } })).toBe("BAD_USER_INPUT");
    expect(await errorCode(h.url, h.a.member, SAVE, { input: { name: "nul", query: "a\u0000" } })).toBe("BAD_USER_INPUT");

    expect((await ok<{ deleteView: string }>(h.url, h.a.member, DEL, { id: a.saveView.id })).deleteView).toBe(a.saveView.id);
    expect((await ok<Views>(h.url, h.a.member, LIST)).savedViews.map((v) => v.name)).toEqual(["alpha"]);
    expect(await errorCode(h.url, h.a.member, DEL, { id: a.saveView.id })).toBe("NOT_FOUND");
  });

  test("at most 200 views a team; replacing one at the cap still works", async () => {
    const teamId = h.b.teamId;
    await h.db.prisma.savedView.createMany({ data: Array.from({ length: 200 }, (_, i) => ({ teamId, name: `v${i}`, query: "" })) });
    expect(await errorCode(h.url, h.b.member, SAVE, { input: { name: "one more", query: "" } })).toBe("CONFLICT");
    expect((await ok<{ saveView: { query: string } }>(h.url, h.b.member, SAVE, { input: { name: "v7", query: "q=x" } })).saveView.query).toBe("q=x");
    await h.db.prisma.savedView.deleteMany({ where: { teamId } });
  });
});
