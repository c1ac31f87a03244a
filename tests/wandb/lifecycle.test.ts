/**
 * Lifecycle of runs logged by the real wandb client: a script killed with SIGKILL stops
 * heart-beating and the sweep marks its run FAILED (`crashed: …`; LOFFTA_WANDB_CRASH_AFTER_S=3
 * here), a non-zero exit code ends FAILED, and what Loffta does not store (run files) is answered
 * with a message the client logs, not a crash. A LOFF-TA run can name the external run as baseline.
 */
import fs from "node:fs";
import path from "node:path";
import { post } from "../security/harness";
import { RUNS_QUERY, startWandbHarness, TRAIN_SCRIPT, until, type WandbHarness } from "./harness";

let h: WandbHarness;

beforeAll(async () => {
  h = await startWandbHarness("life", { LOFFTA_WANDB_CRASH_AFTER_S: "3" });
}, 1_200_000);
afterAll(async () => {
  await h?.close();
});

interface RunNode {
  id: string;
  name: string;
  kind: string;
  status: string;
  error: string | null;
  endedAt: string | null;
  metricKeys: string[];
  config: { _wandb: { id: string } };
}

async function runsOf(project: string): Promise<RunNode[]> {
  const { projects } = await h.gqlA<{ projects: { id: string; name: string }[] }>(`{ projects { id name } }`);
  const p = projects.find((x) => x.name === project);
  if (!p) return [];
  const d = await h.gqlA<{ runs: { edges: { node: RunNode }[] } }>(RUNS_QUERY.replace("metricKeys", "metricKeys endedAt"), { projectId: p.id });
  return d.runs.edges.map((e) => e.node);
}

test("a script killed with SIGKILL: its run is RUNNING while it logs, then FAILED (crashed) once it stops heart-beating", async () => {
  // While it hangs the script logs a point every 0.5 s and its client sends every 0.5 s: RUNNING
  // however late the check below comes (the crash window is 3 s; the client's own heart-beat, 30 s).
  const py = h.python(TRAIN_SCRIPT, { PROJECT: "wandb-crash", STEPS: "20", HANG: "600", HEARTBEAT: "0.5" });
  await until(async () => py.output().includes("hanging"), 120_000, "the script to log its steps");
  const running = await until(async () => {
    const [r] = await runsOf("wandb-crash");
    return r && r.metricKeys.includes("loss") ? r : null;
  }, 60_000, "the run's points");
  expect(running).toMatchObject({ kind: "EXTERNAL", status: "RUNNING", error: null });
  py.child.kill("SIGKILL");
  const ended = await py.done;
  expect(ended.signal).toBe("SIGKILL");
  const crashed = await until(async () => {
    const [r] = await runsOf("wandb-crash");
    return r && r.status === "FAILED" ? r : null;
  }, 60_000, "the crash sweep");
  expect(crashed.error).toMatch(/^crashed: no heartbeat from the wandb client for 3 s/);
  expect(crashed.endedAt).not.toBeNull();

  // A client that was only cut off comes back (a heart-beat: an empty file_stream request): RUNNING again.
  const team = await h.db.prisma.team.findUniqueOrThrow({ where: { id: h.a.teamId } });
  const res = await fetch(`${h.baseUrl}/files/${team.slug}/wandb-crash/${crashed.config._wandb.id}/file_stream`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`api:${h.keyA}`).toString("base64")}` },
    body: "{}",
  });
  expect(res.status).toBe(200);
  const [back] = await runsOf("wandb-crash");
  expect(back).toMatchObject({ status: "RUNNING", error: null, endedAt: null });
}, 300_000);

test("run.finish(exit_code=3) ends the run FAILED with the exit code; run files are refused with a message the client logs", async () => {
  const r = await h.python(TRAIN_SCRIPT, { PROJECT: "wandb-exit", STEPS: "10", EXIT_CODE: "3" }).done;
  expect(r.code).toBe(0); // the script itself ends normally
  const [run] = await runsOf("wandb-exit");
  expect(run).toMatchObject({ status: "FAILED", error: "exit code 3" });
  // CreateRunFiles (config.yaml, requirements.txt, …) is answered with Loffta's message: in the client's log, no crash.
  const logs = fs.readdirSync(path.join(h.dir, "wandb")).filter((d) => d.startsWith("run-"));
  const text = logs.map((d) => fs.readFileSync(path.join(h.dir, "wandb", d, "logs", "debug-internal.log"), "utf8")).join("\n");
  expect(text).toContain("Loffta does not store run files");
}, 300_000);

test("a LOFF-TA run can name an external run as its baseline; the comparison reads the external run's summary efficiency", async () => {
  const r = await h.python(TRAIN_SCRIPT, { PROJECT: "wandb-base", STEPS: "10", RUN_NAME: "external-finetune" }).done;
  expect(r.code).toBe(0);
  const [ext] = await runsOf("wandb-base");
  expect(ext.status).toBe("SUCCEEDED");
  // A LOFF-TA run in the same team, as launchRun stores it (the launch itself needs a feature cache;
  // its baseline check is BASELINE_KINDS, which includes EXTERNAL).
  const loffta = await h.db.prisma.run.create({
    data: { projectId: h.a.projectId, name: "loffta-vs-external", kind: "LOFF_TA", config: {}, status: "SUCCEEDED", trainImagesPerSec: 1000, peakMemoryBytes: 1_000_000n, baselineRunId: ext.id },
  });
  const d = await h.gqlA<{ compareRuns: { efficiency: { run: { id: string }; baselineRun: { id: string; kind: string } | null; baselineSource: string | null; speedup: number | null; memorySaving: number | null }[] } }>(
    `query C($ids: [ID!]!) { compareRuns(ids: $ids) { efficiency { run { id } baselineRun { id kind } baselineSource speedup memorySaving } } }`,
    { ids: [loffta.id, ext.id] },
  );
  const row = d.compareRuns.efficiency.find((x) => x.run.id === loffta.id);
  // The config diff shows the external run's settings, not its W&B offsets, tails or raw summary.
  const diff = await h.gqlA<{ compareRuns: { configDiff: { path: string }[] } }>(`query C($ids: [ID!]!) { compareRuns(ids: $ids) { configDiff { path } } }`, { ids: [loffta.id, ext.id] });
  const paths = diff.compareRuns.configDiff.map((x) => x.path);
  expect(paths).toEqual(expect.arrayContaining(["lr", "epochs", "_wandb.id", "_wandb.group"]));
  expect(paths.filter((p) => /offsets|Tail|summary/.test(p))).toEqual([]);
  // The external run's summary: images_per_sec 250, peak_memory_bytes 123456789.
  expect(row).toMatchObject({ baselineRun: { id: ext.id, kind: "EXTERNAL" }, baselineSource: "run" });
  expect(row?.speedup).toBeCloseTo(1000 / 250, 9);
  expect(row?.memorySaving).toBeCloseTo(123456789 / 1_000_000, 9);
}, 300_000);

test("EXTERNAL runs are never launched: launchRun(kind: EXTERNAL) is BAD_USER_INPUT naming the wandb client", async () => {
  const r = await post(h.url, h.a.member.secret, `mutation L($input: LaunchRunInput!) { launchRun(input: $input) { id } }`, {
    input: { projectId: h.a.projectId, name: "nope", kind: "EXTERNAL", config: {} },
  });
  expect(r.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(r.body.errors?.[0]?.message).toMatch(/created by the wandb client/);
});
