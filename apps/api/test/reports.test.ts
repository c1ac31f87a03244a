/**
 * Reports (publishReport / report / reports): a real API server on a fresh database, two teams.
 * Publishing is an upsert on (project, name); another team's reports, projects and runs are
 * never revealed; bad input is refused with field paths and stores nothing.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { Kind, parse, type StringValueNode } from "graphql";
import { SCHEMA_DIR } from "@loffta/graphql/schema";
import { errorCode, gql, insertRun, ok, startHarness, waitUntil, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("reports");
});
afterAll(async () => {
  await h?.close();
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A valid grey PNG of w×h pixels (8-bit grayscale); `pad` adds an incompressible text chunk. */
function png(w: number, h: number, pad = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0; // filter: none
  const chunks = [chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw))];
  if (pad)
    chunks.push(
      chunk(
        "tEXt",
        Buffer.concat([
          Buffer.from("pad\0"),
          Buffer.from(Array.from({ length: pad }, (_, i) => 32 + ((i * 7919) % 90))),
        ]),
      ),
    );
  chunks.push(chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

const PUBLISH = `mutation($i: PublishReportInput!) { publishReport(input: $i) { id name createdAt updatedAt } }`;
const DETAIL = `query($id: ID!) { report(id: $id) {
  id name metric markdown kinds settings runIds runCount createdAt updatedAt project { id name }
  results { kind labelsPerClass runCount succeeded metricMean metricStd imagesPerSec peakMemoryBytes speedup memorySaving runIds }
  runs { id name kind }
  plots { name title contentType width height bytes base64 dataUrl } } }`;

type Detail = {
  report: {
    id: string;
    name: string;
    metric: string;
    markdown: string;
    kinds: string[];
    settings: unknown;
    runIds: string[];
    runCount: number;
    createdAt: string;
    updatedAt: string;
    project: { id: string; name: string };
    results: Record<string, unknown>[];
    runs: { id: string; name: string; kind: string }[];
    plots: {
      name: string;
      title: string | null;
      contentType: string;
      width: number;
      height: number;
      bytes: number;
      base64: string;
      dataUrl: string;
    }[];
  } | null;
};

async function runsOf(projectId: string) {
  const ft = await insertRun(h.db.prisma, projectId, {
    name: "ft/seed1",
    kind: "UNFROZEN_LINEAR",
    trainImagesPerSec: 10,
    peakMemoryBytes: 4_000_000_000n,
    finalMetrics: { accuracy: 0.5 },
  });
  const loff = await insertRun(h.db.prisma, projectId, {
    name: "loff/seed1",
    kind: "LOFF",
    trainImagesPerSec: 200,
    peakMemoryBytes: 1_000_000_000n,
    finalMetrics: { accuracy: 0.7 },
    baselineRunId: ft.id,
  });
  const ta = await insertRun(h.db.prisma, projectId, {
    name: "ta/seed1",
    kind: "LOFF_TA",
    trainImagesPerSec: 100,
    peakMemoryBytes: 1_000_000_000n,
    finalMetrics: { accuracy: 0.8 },
    baselineRunId: ft.id,
  });
  return { ft, loff, ta };
}

function input(
  projectId: string,
  runs: { ft: { id: string }; loff: { id: string }; ta: { id: string } },
  over: Record<string, unknown> = {},
) {
  return {
    projectId,
    name: "tiny",
    metric: "accuracy",
    markdown: "# Reproduction report: tiny\n\n![accuracy](accuracy.png)\n",
    runIds: [runs.ft.id, runs.loff.id, runs.ta.id],
    results: [
      {
        kind: "UNFROZEN_LINEAR",
        labelsPerClass: 4,
        runCount: 1,
        succeeded: 1,
        metricMean: 0.5,
        metricStd: 0,
        imagesPerSec: 10,
        peakMemoryBytes: 4e9,
        runIds: [runs.ft.id],
      },
      {
        kind: "LOFF",
        labelsPerClass: 4,
        runCount: 1,
        succeeded: 1,
        metricMean: 0.7,
        metricStd: 0,
        imagesPerSec: 200,
        peakMemoryBytes: 1e9,
        speedup: 20,
        memorySaving: 4,
        runIds: [runs.loff.id],
      },
      {
        kind: "LOFF_TA",
        labelsPerClass: null,
        runCount: 1,
        succeeded: 1,
        metricMean: 0.8,
        metricStd: 0,
        imagesPerSec: 100,
        peakMemoryBytes: 1e9,
        speedup: 10,
        memorySaving: 4,
        runIds: [runs.ta.id],
      },
    ],
    plots: [
      {
        name: "accuracy.png",
        title: "accuracy vs labels per class",
        pngBase64: png(40, 30).toString("base64"),
      },
      { name: "efficiency.png", pngBase64: png(20, 10).toString("base64") },
    ],
    settings: { epochs: 3, batchSize: 4, seeds: [1] },
    ...over,
  };
}

describe("publishReport, report, reports", () => {
  test("a published report reads back whole: results, kinds, runs in order, plots as PNG data", async () => {
    const runs = await runsOf(h.a.projectId);
    const i = input(h.a.projectId, runs);
    const { publishReport } = await ok<{ publishReport: { id: string; name: string } }>(
      h.url,
      h.a.member,
      PUBLISH,
      { i },
    );
    expect(publishReport.name).toBe("tiny");
    const { report } = await ok<Detail>(h.url, h.a.member, DETAIL, { id: publishReport.id });
    expect(report).toMatchObject({
      id: publishReport.id,
      name: "tiny",
      metric: "accuracy",
      markdown: i.markdown,
      kinds: ["UNFROZEN_LINEAR", "LOFF", "LOFF_TA"],
      settings: { epochs: 3, batchSize: 4, seeds: [1] },
      runIds: i.runIds,
      runCount: 3,
      project: { id: h.a.projectId, name: "main" },
    });
    expect(report!.results).toEqual([
      { ...i.results[0], speedup: null, memorySaving: null },
      i.results[1],
      { ...i.results[2], labelsPerClass: null },
    ]);
    expect(report!.runs.map((r) => r.name)).toEqual(["ft/seed1", "loff/seed1", "ta/seed1"]);
    expect(report!.plots.map((p) => [p.name, p.title, p.contentType, p.width, p.height])).toEqual([
      ["accuracy.png", "accuracy vs labels per class", "image/png", 40, 30],
      ["efficiency.png", null, "image/png", 20, 10],
    ]);
    expect(Buffer.from(report!.plots[0].base64, "base64").equals(png(40, 30))).toBe(true);
    expect(report!.plots[0].bytes).toBe(png(40, 30).length);
    expect(report!.plots[1].dataUrl).toBe(`data:image/png;base64,${png(20, 10).toString("base64")}`);

    const list = await ok<{ reports: { id: string; name: string; kinds: string[]; runCount: number }[] }>(
      h.url,
      h.a.member,
      `query($p: ID!) { reports(projectId: $p) { id name kinds runCount } }`,
      { p: h.a.projectId },
    );
    expect(list.reports).toContainEqual({
      id: publishReport.id,
      name: "tiny",
      kinds: ["UNFROZEN_LINEAR", "LOFF", "LOFF_TA"],
      runCount: 3,
    });
  });

  test("publishing the same name again replaces the report (same id, new content and plots)", async () => {
    const project = await h.db.prisma.project.create({ data: { teamId: h.a.teamId, name: "upsert" } });
    const runs = await runsOf(project.id);
    const first = (
      await ok<{ publishReport: { id: string; createdAt: string; updatedAt: string } }>(
        h.url,
        h.a.member,
        PUBLISH,
        { i: input(project.id, runs) },
      )
    ).publishReport;
    // The clock has moved past the first publish (updatedAt has millisecond resolution).
    await waitUntil(() => Date.now() > Date.parse(first.updatedAt), 5000, 1, "the clock to pass the first updatedAt");
    const again = input(project.id, runs, {
      markdown: "# second",
      runIds: [runs.ta.id],
      results: [
        {
          kind: "LOFF_TA",
          labelsPerClass: 4,
          runCount: 1,
          succeeded: 1,
          // Every digit survives (Prisma alone would store 1.164404301954779).
          metricMean: 0.1 + 0.2,
          imagesPerSec: 1.1644043019547792,
          runIds: [runs.ta.id],
        },
      ],
      plots: [{ name: "only.png", pngBase64: png(8, 8).toString("base64") }],
      settings: { lr: 1.1644043019547792 },
    });
    const second = (
      await ok<{ publishReport: { id: string; createdAt: string; updatedAt: string } }>(
        h.url,
        h.a.member,
        PUBLISH,
        { i: again },
      )
    ).publishReport;
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    const { report } = await ok<Detail>(h.url, h.a.member, DETAIL, { id: first.id });
    expect(report).toMatchObject({
      markdown: "# second",
      runIds: [runs.ta.id],
      kinds: ["LOFF_TA"],
      runCount: 1,
      settings: { lr: 1.1644043019547792 },
    });
    expect(report!.results[0]).toMatchObject({
      metricMean: 0.30000000000000004,
      imagesPerSec: 1.1644043019547792,
    });
    expect(report!.plots.map((p) => p.name)).toEqual(["only.png"]);
    expect(await h.db.prisma.report.count({ where: { projectId: project.id } })).toBe(1);
    expect(await h.db.prisma.reportPlot.count({ where: { reportId: first.id } })).toBe(1);

    // Another name is another report; the list is last published first.
    await ok(h.url, h.a.member, PUBLISH, { i: input(project.id, runs, { name: "other" }) });
    const list = await ok<{ reports: { name: string }[] }>(
      h.url,
      h.a.member,
      `query($p: ID!) { reports(projectId: $p) { name } }`,
      { p: project.id },
    );
    expect(list.reports.map((r) => r.name)).toEqual(["other", "tiny"]);
  });

  test("team isolation: another team's reports, projects and runs are never revealed", async () => {
    const project = await h.db.prisma.project.create({ data: { teamId: h.a.teamId, name: "secret" } });
    const runs = await runsOf(project.id);
    const { publishReport } = await ok<{ publishReport: { id: string } }>(h.url, h.a.member, PUBLISH, {
      i: input(project.id, runs),
    });
    // Reads: a single lookup answers null (like run(id)); a project's list is NOT_FOUND.
    expect(await ok(h.url, h.b.member, DETAIL, { id: publishReport.id })).toEqual({ report: null });
    expect(
      await errorCode(h.url, h.b.member, `query($p: ID!) { reports(projectId: $p) { id } }`, {
        p: project.id,
      }),
    ).toBe("NOT_FOUND");
    expect(
      await ok(h.url, h.b.member, `query($p: ID!) { reports(projectId: $p) { id } }`, { p: h.b.projectId }),
    ).toEqual({ reports: [] });
    // Writes: publishing into another team's project, or over another team's runs.
    expect(await errorCode(h.url, h.b.member, PUBLISH, { i: input(project.id, runs) })).toBe("NOT_FOUND");
    const r = await gql(h.url, h.b.member, PUBLISH, { i: input(h.b.projectId, runs) });
    expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0].extensions?.fields).toEqual([
      { path: "input.runIds.0", message: `run ${runs.ft.id} not found` },
      { path: "input.runIds.1", message: `run ${runs.loff.id} not found` },
      { path: "input.runIds.2", message: `run ${runs.ta.id} not found` },
    ]);
    expect(await h.db.prisma.report.count({ where: { projectId: h.b.projectId } })).toBe(0);
    // The report is unchanged for its own team.
    const own = await ok<Detail>(h.url, h.a.member, DETAIL, { id: publishReport.id });
    expect(own.report?.runIds).toEqual([runs.ft.id, runs.loff.id, runs.ta.id]);
  });

  test("unknown ids: NOT_FOUND for an unknown project, null for an unknown report", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      await errorCode(h.url, h.a.member, `query($p: ID!) { reports(projectId: $p) { id } }`, { p: unknown }),
    ).toBe("NOT_FOUND");
    expect(
      await errorCode(h.url, h.a.member, `query($p: ID!) { reports(projectId: $p) { id } }`, {
        p: "not-a-uuid",
      }),
    ).toBe("NOT_FOUND");
    expect(
      await errorCode(h.url, h.a.member, PUBLISH, {
        i: { projectId: unknown, name: "x", metric: "accuracy", markdown: "", results: [], runIds: [] },
      }),
    ).toBe("NOT_FOUND");
    expect(await ok(h.url, h.a.member, DETAIL, { id: unknown })).toEqual({ report: null });
    expect(await ok(h.url, h.a.member, DETAIL, { id: "garbage" })).toEqual({ report: null });
  });

  test("scopes: workers cannot publish, anonymous callers cannot read", async () => {
    const runs = await runsOf(h.a.projectId);
    expect(
      await errorCode(h.url, h.a.worker, PUBLISH, { i: input(h.a.projectId, runs, { name: "by-worker" }) }),
    ).toBe("FORBIDDEN");
    expect(
      await errorCode(h.url, null, `query($p: ID!) { reports(projectId: $p) { id } }`, { p: h.a.projectId }),
    ).toBe("UNAUTHENTICATED");
    expect(await h.db.prisma.report.count({ where: { name: "by-worker" } })).toBe(0);
  });

  test("bad input is refused with every field path and stores nothing", async () => {
    const project = await h.db.prisma.project.create({ data: { teamId: h.a.teamId, name: "bad-input" } });
    const runs = await runsOf(project.id);
    const unknownRun = "00000000-0000-4000-8000-000000000001";
    const i = input(project.id, runs, {
      name: "  ",
      metric: "",
      runIds: [runs.ft.id, runs.ft.id, "nope"],
      results: [
        {
          kind: "LOFF",
          labelsPerClass: 0,
          runCount: 1,
          succeeded: 2,
          imagesPerSec: -1,
          speedup: 0,
          runIds: [unknownRun],
        },
      ],
      plots: [
        { name: "../evil.png", pngBase64: png(4, 4).toString("base64") },
        { name: "text.png", pngBase64: Buffer.from("not a png at all, just text").toString("base64") },
        { name: "huge.png", pngBase64: png(4, 4, 600 * 1024).toString("base64") },
        { name: "b64.png", pngBase64: "%%%not base64%%%" },
        { name: "text.png", pngBase64: png(4, 4).toString("base64") },
        { name: "accuracy.svg", pngBase64: png(4, 4).toString("base64") },
      ],
      settings: [1, 2],
    });
    const r = await gql(h.url, h.a.member, PUBLISH, { i });
    expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual([
      "input.name",
      "input.metric",
      "input.runIds.1",
      "input.runIds.2",
      "input.results.0.labelsPerClass",
      "input.results.0.succeeded",
      "input.results.0.imagesPerSec",
      "input.results.0.speedup",
      "input.results.0.runIds.0",
      "input.plots.0.name",
      "input.plots.1.pngBase64",
      "input.plots.2.pngBase64",
      "input.plots.3.pngBase64",
      "input.plots.4.name",
      "input.plots.5.name",
      "input.settings",
    ]);
    expect(r.errors?.[0].message).toMatch(/^invalid report: input\.name: must be 1–200 characters; /);
    const fields = r.errors![0].extensions!.fields!;
    expect(fields.find((f) => f.path === "input.plots.2.pngBase64")?.message).toBe(
      "the PNG is larger than 512 KiB",
    );
    expect(fields.find((f) => f.path === "input.plots.1.pngBase64")?.message).toBe("is not a PNG image");

    // Limits on counts.
    const plot = { name: "p.png", pngBase64: png(2, 2).toString("base64") };
    const many = await gql(h.url, h.a.member, PUBLISH, {
      i: input(project.id, runs, {
        plots: Array.from({ length: 9 }, (_, k) => ({ ...plot, name: `p${k}.png` })),
      }),
    });
    expect(many.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ path: "input.plots", message: "at most 8 plots" }],
    });
    const long = await gql(h.url, h.a.member, PUBLISH, {
      i: input(project.id, runs, { markdown: "x".repeat(200_001) }),
    });
    expect(long.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ path: "input.markdown" }],
    });
    // Variable coercion errors (a wrong kind) are BAD_USER_INPUT too.
    expect(
      await errorCode(h.url, h.a.member, PUBLISH, {
        i: input(project.id, runs, { results: [{ kind: "NOPE", runCount: 1, succeeded: 1 }] }),
      }),
    ).toBe("BAD_USER_INPUT");
    expect(await h.db.prisma.report.count({ where: { projectId: project.id } })).toBe(0);
  });
});

test("the reports SDL describes every type, field, argument and enum value", () => {
  const doc = parse(fs.readFileSync(path.join(SCHEMA_DIR, "reports.graphql"), "utf8"));
  const missing: string[] = [];
  const need = (what: string, d: StringValueNode | undefined) => {
    if (!d?.value.trim()) missing.push(what);
  };
  for (const def of doc.definitions) {
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.ENUM_TYPE_DEFINITION
    )
      need(def.name.value, def.description);
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION ||
      def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
    )
      for (const f of def.fields ?? []) {
        need(`${def.name.value}.${f.name.value}`, f.description);
        if ("arguments" in f)
          for (const a of f.arguments ?? [])
            need(`${def.name.value}.${f.name.value}(${a.name.value})`, a.description);
      }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION)
      for (const v of def.values ?? []) need(`${def.name.value}.${v.name.value}`, v.description);
  }
  expect(missing).toEqual([]);
  expect(doc.definitions.length).toBeGreaterThanOrEqual(8);
});
