/**
 * The dashboard's pure chart helpers (no browser): which keys share a chart on the run page
 * (apps/web/src/lib/panels.ts), Compare's default keys, and seed groups with their mean, std and
 * min–max (apps/web/src/lib/seeds.ts).
 */
import { METRIC_NAMES } from "@loffta/graphql/domain";
import { defaultCompareKeys, panelsOf, quantityOf } from "../../apps/web/src/lib/panels";
import { aggregateSeries, groupBySeed, groupName, meanStd, settingKey } from "../../apps/web/src/lib/seeds";

test("run page: one panel per quantity — losses together, each metric alone with train and val, lr/throughput/epoch apart", () => {
  const keys = [
    "epoch",
    "train/epoch_loss",
    "train/images_per_sec",
    "train/loss",
    "train/lr",
    "val/accuracy",
    "val/auc",
    "val/balancedAccuracy",
    "val/kappa",
    "val/loss",
    "val/macroF1",
    "train/accuracy",
    "custom/thing",
  ];
  const panels = panelsOf(keys);
  expect(panels.map((p) => p.id)).toEqual([
    "loss",
    ...METRIC_NAMES.filter((m) => m !== "loss"),
    "thing",
    "lr",
    "images_per_sec",
    "epoch",
  ]);
  expect(panels[0]).toMatchObject({ title: "Loss ↓", keys: ["train/epoch_loss", "train/loss", "val/loss"] });
  expect(panels.find((p) => p.id === "accuracy")).toMatchObject({
    title: "Accuracy ↑",
    keys: ["train/accuracy", "val/accuracy"],
  });
  expect(panels.find((p) => p.id === "lr")?.title).toBe("Learning rate");
  // Every key lands in exactly one panel, and a panel holds one quantity.
  expect(panels.flatMap((p) => p.keys).sort()).toEqual([...keys].sort());
  for (const p of panels) expect(new Set(p.keys.map(quantityOf)).size).toBe(1);
});

test("Compare's default keys: train/loss and val/<every catalogue metric> that was logged; else the first keys", () => {
  const logged = ["epoch", "train/loss", "train/lr", "val/accuracy", "val/kappa", "val/loss", "val/macroF1"];
  expect(defaultCompareKeys(logged)).toEqual([
    "train/loss",
    "val/accuracy",
    "val/macroF1",
    "val/kappa",
    "val/loss",
  ]);
  expect(defaultCompareKeys(["b", "a", "c", "d", "e"])).toEqual(["a", "b", "c", "d"]);
});

test("seed groups: same kind, cache and config apart from the seed; the common name without its seed suffix", () => {
  const cfg = (seed: number, lr = 1e-3) => ({ seed, optimizer: { lr, name: "adamw" }, epochs: 3 });
  const runs = [
    { id: "a", name: "ta-seed-s1", kind: "LOFF_TA", seed: 1, config: cfg(1), cache: { id: "c" } },
    { id: "b", name: "other", kind: "LOFF_TA", seed: 1, config: cfg(1, 2e-3), cache: { id: "c" } },
    // Same config with keys in another order: the same setting.
    {
      id: "c",
      name: "ta-seed-s2",
      kind: "LOFF_TA",
      seed: 2,
      config: { epochs: 3, optimizer: { name: "adamw", lr: 1e-3 }, seed: 2 },
      cache: { id: "c" },
    },
    { id: "d", name: "loff", kind: "LOFF", seed: 3, config: cfg(3), cache: { id: "c" } },
    { id: "e", name: "ta-seed-s3", kind: "LOFF_TA", seed: 3, config: cfg(3), cache: { id: "c" } },
    { id: "f", name: "ta-other-cache", kind: "LOFF_TA", seed: 4, config: cfg(4), cache: { id: "other" } },
  ];
  const groups = groupBySeed(runs);
  expect(groups.map((g) => g.runs.map((r) => r.id))).toEqual([["a", "c", "e"], ["b"], ["d"], ["f"]]);
  expect(groups[0]).toMatchObject({ name: "ta-seed", seeds: [1, 2, 3] });
  expect(settingKey(runs[0])).toBe(settingKey(runs[2]));
  expect(groupName(["noise-seed1", "noise-seed2"])).toBe("noise");
  expect(groupName(["x1", "y2"])).toBe("x1");
});

test("mean ± sample std; a group's curve over the steps all runs reached, interpolated where steps differ", () => {
  const m = meanStd([0.8, 0.82, 0.84])!;
  expect(m.mean).toBeCloseTo(0.82, 12);
  expect(m.std).toBeCloseTo(0.02, 12);
  expect(meanStd([1])).toEqual({ mean: 1, std: 0, n: 1 });
  expect(meanStd([])).toBeNull();

  const a = aggregateSeries([
    { steps: [0, 10, 20, 30], values: [1, 2, 3, 4] },
    { steps: [0, 10, 20], values: [3, 4, 5] },
    { steps: [0, 5, 20], values: [2, 2.5, 4] },
  ])!;
  // Up to step 20 (the shortest run), at every step any run logged.
  expect(a.steps).toEqual([0, 5, 10, 20]);
  expect(a.n).toBe(3);
  // Step 5: run 1 interpolated 1.5, run 2 interpolated 3.5, run 3 logged 2.5.
  expect(a.mean[1]).toBeCloseTo(2.5, 12);
  expect(a.min[1]).toBeCloseTo(1.5, 12);
  expect(a.max[1]).toBeCloseTo(3.5, 12);
  expect(a.std[0]).toBeCloseTo(1, 12);
  expect(
    aggregateSeries([
      { steps: [0, 1], values: [1, 1] },
      { steps: [5, 6], values: [1, 1] },
    ]),
  ).toBeNull();
  const long = aggregateSeries(
    [{ steps: Array.from({ length: 5000 }, (_, i) => i), values: Array(5000).fill(1) }],
    100,
  )!;
  expect(long.steps).toHaveLength(100);
  expect(long.steps[99]).toBe(4999);
});
