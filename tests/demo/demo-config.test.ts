/** The demo's run grid is valid for the API (the same validation launchRun applies). */
import { parseRunConfig } from "@loffta/graphql/run-config";
import { DEMO, DEMO_RUNS, demoSize } from "../../scripts/start/demo";

describe("npm start demo grid", () => {
  it("has valid, distinct run configs with small budgets", () => {
    const parsed = DEMO_RUNS.map((r) => parseRunConfig(r.config));
    expect(parsed.every((c) => c.epochs <= 15)).toBe(true);
    expect(new Set(DEMO_RUNS.map((r) => r.name)).size).toBe(DEMO_RUNS.length);
    const ta = DEMO_RUNS.map((r, i) => ({ r, c: parsed[i] })).filter((x) => x.r.kind === "LOFF_TA");
    expect(ta.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ta.map((x) => JSON.stringify(x.c.augmentations))).size).toBe(ta.length);
  });

  it("LOFFTA_DEMO_SIZE picks the full or the small demo, and rejects anything else", () => {
    expect(demoSize({})).toEqual({ perClass: DEMO.perClass, testPerClass: DEMO.testPerClass, maxEpochs: Infinity });
    expect(demoSize({ LOFFTA_DEMO_SIZE: "small" })).toEqual({ perClass: 20, testPerClass: 10, maxEpochs: 5 });
    expect(() => demoSize({ LOFFTA_DEMO_SIZE: "huge" })).toThrow(/must be "full" or "small"/);
  });
});
