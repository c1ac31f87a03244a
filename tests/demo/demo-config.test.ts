/** The demo's runs are a valid, honest experiment for the API (the same resolution launchRun applies). */
import { resolveRunConfig, RUN_KIND_ORDER, RUN_KINDS } from "@loffta/graphql/domain";
import {
  DEMO,
  DEMO_BUDGET,
  DEMO_RUNS,
  DEMO_SEEDS,
  DEMO_SETTINGS,
  demoConfig,
  demoNotes,
  demoSize,
} from "../../scripts/start/demo";

describe("npm start demo runs", () => {
  const resolved = DEMO_RUNS.map((r) => resolveRunConfig(r.kind, demoConfig(r, demoSize({})), r.seed));

  it("are valid and distinctly named; the fine-tuning reference comes first", () => {
    expect(new Set(DEMO_RUNS.map((r) => r.name)).size).toBe(DEMO_RUNS.length);
    expect(DEMO_RUNS[0].kind).toBe("UNFROZEN_LINEAR");
    expect(DEMO_RUNS.filter((r) => RUN_KINDS[r.kind].canBeBaseline)).toHaveLength(1);
    // Every run kind is in the demo.
    expect(new Set(DEMO_RUNS.map((r) => r.kind))).toEqual(new Set(RUN_KIND_ORDER)); // every launchable kind
  });

  it("give every kind the same training budget (no 1-epoch baselines)", () => {
    for (const c of resolved) {
      expect(c.epochs).toBe(DEMO_BUDGET.epochs);
      expect(c.batchSize).toBe(DEMO_BUDGET.batchSize);
      expect(c.microBatch).toBe(DEMO_BUDGET.microBatch);
      expect(c.schedule.warmupEpochs).toBe(DEMO_BUDGET.warmupEpochs);
      expect(c.earlyStopping.enabled).toBe(false);
    }
    expect(DEMO_BUDGET.epochs).toBeGreaterThan(1);
  });

  it("run every LOFF / LOFF-TA setting at three or more distinct seeds; each seed is the config's", () => {
    for (const s of DEMO_SETTINGS.filter((x) => RUN_KINDS[x.kind].readsCache)) {
      expect(new Set(s.seeds).size).toBeGreaterThanOrEqual(3);
      expect(s.seeds).toEqual([...DEMO_SEEDS]);
    }
    DEMO_RUNS.forEach((r, i) => expect(resolved[i].seed).toBe(r.seed));
    // Settings of one kind differ in their config (else they would be one setting).
    const ta = DEMO_SETTINGS.filter((s) => s.kind === "LOFF_TA");
    expect(ta.length).toBeGreaterThanOrEqual(1);
    expect(
      new Set(ta.map((s) => JSON.stringify(resolveRunConfig("LOFF_TA", s.config).augmentations))).size,
    ).toBe(ta.length);
  });

  it("state their budget and seeds in their notes, at either size", () => {
    for (const size of [demoSize({}), demoSize({ LOFFTA_DEMO_SIZE: "small" })])
      for (const r of DEMO_RUNS) {
        const notes = demoNotes(r, size);
        expect(notes).toContain(
          `${Math.min(DEMO_BUDGET.epochs, size.maxEpochs)} epochs × ${size.perClass * 10} train images, batch ${DEMO_BUDGET.batchSize}`,
        );
        expect(notes).toContain(
          `Seeds of this setting: ${DEMO_SETTINGS.find((s) => s.name === r.setting)!.seeds.join(", ")}.`,
        );
      }
  });

  it("LOFFTA_DEMO_SIZE picks the full or the small demo, and rejects anything else", () => {
    expect(demoSize({})).toEqual({
      perClass: DEMO.perClass,
      testPerClass: DEMO.testPerClass,
      maxEpochs: Infinity,
    });
    const small = demoSize({ LOFFTA_DEMO_SIZE: "small" });
    expect(small).toEqual({ perClass: 20, testPerClass: 10, maxEpochs: 3 });
    // Small: the same runs and seeds, fewer epochs (still more than one), evaluation capped with them.
    for (const r of DEMO_RUNS) {
      const c = resolveRunConfig(r.kind, demoConfig(r, small), r.seed);
      expect(c.epochs).toBe(Math.min(DEMO_BUDGET.epochs, 3));
      expect(c.evalEvery).toBeLessThanOrEqual(c.epochs);
    }
    expect(() => demoSize({ LOFFTA_DEMO_SIZE: "huge" })).toThrow(/must be "full" or "small"/);
  });
});
