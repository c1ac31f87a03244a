import {
  canonicalJson,
  checkSweepSpec,
  configPathIssue,
  expandSweep,
  getPath,
  groupSweepRuns,
  MAX_SWEEP_RUNS,
  seededRandom,
  setPath,
  summarize,
  sweepProgress,
  type SweepRunLike,
  type SweepSpec,
} from "./sweep";

describe("sweep paths", () => {
  it("gets and sets dotted paths without changing the input", () => {
    const base = { optimizer: { lr: 1e-3, betas: [0.9, 0.999] }, epochs: 5 };
    const next = setPath(base, "augmentations.noise.std", 0.2);
    expect(next).toEqual({ optimizer: { lr: 1e-3, betas: [0.9, 0.999] }, epochs: 5, augmentations: { noise: { std: 0.2 } } });
    expect(base).toEqual({ optimizer: { lr: 1e-3, betas: [0.9, 0.999] }, epochs: 5 });
    expect(setPath(base, "optimizer.betas.1", 0.95).optimizer.betas).toEqual([0.9, 0.95]);
    expect(setPath(base, "epochs", 7).epochs).toBe(7);
    // A value in the way becomes an object.
    expect(setPath({ a: 1 }, "a.b", 2)).toEqual({ a: { b: 2 } });
    expect(getPath(next, "augmentations.noise.std")).toBe(0.2);
    expect(getPath(next, "optimizer.betas.0")).toBe(0.9);
    expect(getPath(next, "optimizer.missing.x")).toBeUndefined();
    expect(getPath(next, "epochs.x")).toBeUndefined();
  });

  it("knows the config paths from the catalogue's schema", () => {
    for (const ok of ["augmentations.noise.std", "optimizer.lr", "augmentations.hflip.enabled", "optimizer.betas", "epochs", "classifier.preset", "schedule.warmupSteps"])
      expect([ok, configPathIssue(ok)]).toEqual([ok, null]);
    expect(configPathIssue("seed")).toMatch(/seeds/);
    expect(configPathIssue("augmentations.noise")).toMatch(/section/);
    expect(configPathIssue("augmentations.nosie.std")).toMatch(/not a config path/);
    expect(configPathIssue("epochs.x")).toMatch(/not a config path/);
    expect(configPathIssue("optimizer.lr.")).toMatch(/dotted path/);
    expect(configPathIssue("")).toMatch(/dotted path/);
  });
});

describe("sweep expansion", () => {
  const grid: SweepSpec = {
    method: "GRID",
    parameters: [
      { path: "augmentations.noise.std", values: [0, 0.2] },
      { path: "augmentations.hflip.enabled", values: [true, false] },
    ],
    seeds: [1, 2],
  };

  it("a grid is the product of the values, the first parameter slowest", () => {
    expect(checkSweepSpec(grid)).toEqual([]);
    expect(expandSweep(grid)).toEqual([
      { "augmentations.noise.std": 0, "augmentations.hflip.enabled": true },
      { "augmentations.noise.std": 0, "augmentations.hflip.enabled": false },
      { "augmentations.noise.std": 0.2, "augmentations.hflip.enabled": true },
      { "augmentations.noise.std": 0.2, "augmentations.hflip.enabled": false },
    ]);
  });

  it("random draws are reproducible from the seed and stay in their ranges", () => {
    const spec: SweepSpec = {
      method: "RANDOM",
      parameters: [
        { path: "optimizer.lr", min: 1e-4, max: 1e-2, log: true },
        { path: "epochs", min: 2, max: 5, integer: true },
        { path: "augmentations.noise.std", min: 0, max: 0.5 },
        { path: "classifier.preset", values: ["tiny", "deit-ti"] },
      ],
      count: 200,
      seed: 42,
      seeds: [0],
    };
    expect(checkSweepSpec(spec)).toEqual([]);
    const a = expandSweep(spec);
    expect(expandSweep(spec)).toEqual(a);
    expect(expandSweep({ ...spec, seed: 43 })).not.toEqual(a);
    expect(a).toHaveLength(200);
    const lr = a.map((s) => s["optimizer.lr"] as number);
    const epochs = a.map((s) => s.epochs as number);
    const std = a.map((s) => s["augmentations.noise.std"] as number);
    expect(lr.every((x) => x >= 1e-4 && x <= 1e-2)).toBe(true);
    // Log-uniform: about half the draws below the geometric mean 1e-3 (binomial(200, ½): ±3σ ≈ 21).
    const below = lr.filter((x) => x < 1e-3).length;
    expect(Math.abs(below - 100)).toBeLessThan(22);
    expect(new Set(epochs)).toEqual(new Set([2, 3, 4, 5]));
    expect(std.every((x) => x >= 0 && x <= 0.5 && Number(x.toPrecision(6)) === x)).toBe(true);
    expect(new Set(a.map((s) => s["classifier.preset"]))).toEqual(new Set(["tiny", "deit-ti"]));
  });

  it("seededRandom is mulberry32: uniform on [0, 1), a fixed sequence per seed", () => {
    const r = seededRandom(7);
    const xs = Array.from({ length: 10_000 }, () => r());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    // Uniform: mean ½, σ of the mean √(1/12/10000) ≈ 0.0029.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const again = seededRandom(7);
    expect(Array.from({ length: 5 }, () => again())).toEqual(xs.slice(0, 5));
  });

  it("checks each field, naming its path", () => {
    const paths = (spec: SweepSpec) => checkSweepSpec(spec).map((i) => i.path);
    expect(paths({ ...grid, parameters: [] })).toEqual(["parameters"]);
    expect(paths({ ...grid, parameters: [{ path: "augmentations.noise.sdt", values: [1] }] })).toEqual(["parameters.0.path"]);
    expect(paths({ ...grid, parameters: [{ path: "epochs", values: [] }] })).toEqual(["parameters.0.values"]);
    expect(paths({ ...grid, parameters: [{ path: "epochs", values: [1, 2, 1] }] })).toEqual(["parameters.0.values.2"]);
    expect(paths({ ...grid, parameters: [{ path: "epochs", min: 1, max: 3 }] })).toEqual(["parameters.0"]);
    expect(
      paths({
        ...grid,
        parameters: [
          { path: "epochs", values: [1] },
          { path: "epochs", values: [2] },
        ],
      }),
    ).toEqual(["parameters.1.path"]);
    expect(paths({ ...grid, count: 3 })).toEqual(["count"]);
    expect(paths({ ...grid, seeds: [] })).toEqual(["seeds"]);
    expect(paths({ ...grid, seeds: [1, 1, -1] })).toEqual(["seeds.1", "seeds.2"]);
    const random: SweepSpec = { method: "RANDOM", parameters: [{ path: "optimizer.lr", min: 0, max: 1, log: true }], count: 4, seeds: [0] };
    expect(paths(random)).toEqual(["parameters.0.min"]);
    expect(paths({ ...random, parameters: [{ path: "optimizer.lr", min: 2, max: 1 }] })).toEqual(["parameters.0.min"]);
    expect(paths({ ...random, parameters: [{ path: "epochs", min: 1.2, max: 1.8, integer: true }] })).toEqual(["parameters.0"]);
    expect(paths({ ...random, parameters: [{ path: "optimizer.lr", min: 1e-4, max: 1e-2, log: true }], count: null })).toEqual(["count"]);
  });

  it("bounds the runs: settings × seeds ≤ 256, before anything is expanded", () => {
    const values = Array.from({ length: 17 }, (_, i) => i + 1);
    // 17 × 16 = 272 settings.
    const big: SweepSpec = {
      method: "GRID",
      parameters: [
        { path: "epochs", values },
        { path: "batchSize", values: values.slice(0, 16) },
      ],
      seeds: [0],
    };
    const issues = checkSweepSpec(big);
    expect(issues).toEqual([{ path: "parameters", message: `272 settings × 1 seed(s) = 272 runs: a sweep launches at most ${MAX_SWEEP_RUNS}` }]);
    // 128 settings × 2 seeds = 256 is allowed, × 3 is not.
    const ok: SweepSpec = { ...big, parameters: [{ path: "epochs", values: Array.from({ length: 128 }, (_, i) => i + 1) }], seeds: [0, 1] };
    expect(checkSweepSpec(ok)).toEqual([]);
    expect(checkSweepSpec({ ...ok, seeds: [0, 1, 2] }).map((i) => i.path)).toEqual(["parameters"]);
    // A product past a billion is refused without being computed.
    const huge: SweepSpec = { method: "GRID", parameters: Array.from({ length: 10 }, (_, i) => ({ path: ["epochs", "batchSize", "microBatch", "evalEvery", "gradClip", "labelSmoothing", "optimizer.lr", "optimizer.weightDecay", "optimizer.eps", "schedule.minLr"][i], values: Array.from({ length: 20 }, (_, j) => j + 1) })), seeds: [0] };
    expect(checkSweepSpec(huge).find((i) => i.path === "parameters")?.message).toMatch(/over a billion settings/);
  });
});

describe("sweep groups", () => {
  const paths = ["augmentations.noise.std"];
  const run = (id: string, std: number, seed: number, status: SweepRunLike["status"], finalMetrics: unknown): SweepRunLike => ({
    id,
    seed,
    status,
    config: { augmentations: { noise: { std } }, seed },
    finalMetrics,
  });

  it("mean ± sample std over the seeds, per setting in launch order", () => {
    const runs = [
      run("d", 0.2, 2, "SUCCEEDED", { accuracy: 0.7, loss: 0.9 }),
      run("a", 0, 1, "SUCCEEDED", { accuracy: 0.8, loss: 0.5, confusion: [[1]] }),
      run("b", 0, 2, "SUCCEEDED", { accuracy: 0.9 }),
      run("c", 0.2, 1, "FAILED", null),
      run("e", 0, 3, "RUNNING", null),
    ];
    const groups = groupSweepRuns(paths, [{ [paths[0]]: 0 }, { [paths[0]]: 0.2 }], [1, 2, 3], runs, "accuracy");
    expect(groups.map((g) => g.values)).toEqual([[{ path: paths[0], value: 0 }], [{ path: paths[0], value: 0.2 }]]);
    const [g0, g1] = groups;
    expect(g0.runs.map((r) => r.id)).toEqual(["a", "b", "e"]);
    expect([g0.runCount, g0.finishedCount, g0.succeededCount]).toEqual([3, 2, 2]);
    // (0.8 + 0.9) / 2 = 0.85; sample std √((0.05² + 0.05²) / 1) = 0.0707107.
    expect(g0.metric.mean).toBeCloseTo(0.85, 12);
    expect(g0.metric.std).toBeCloseTo(0.0707107, 6);
    expect(g0.metric.n).toBe(2);
    // loss from one run only: a mean and no std.
    expect(g0.metrics).toEqual([
      { key: "accuracy", mean: g0.metric.mean, std: g0.metric.std, n: 2 },
      { key: "loss", mean: 0.5, std: null, n: 1 },
    ]);
    expect(g1.runs.map((r) => r.id)).toEqual(["c", "d"]);
    expect([g1.runCount, g1.finishedCount, g1.succeededCount]).toEqual([2, 2, 1]);
    expect(g1.metric).toEqual({ key: "accuracy", mean: 0.7, std: null, n: 1 });
    expect(g1.index).toBe(1);
  });

  it("summarize: three values", () => {
    // 0.6, 0.7, 0.95: mean 0.75, deviations −0.15, −0.05, 0.2 → Σ² = 0.065, /2 → √0.0325 = 0.180278.
    const s = summarize("accuracy", [0.6, 0.7, 0.95]);
    expect(s.mean).toBeCloseTo(0.75, 12);
    expect(s.std).toBeCloseTo(0.180278, 6);
    expect(summarize("accuracy", [])).toEqual({ key: "accuracy", mean: null, std: null, n: 0 });
  });

  it("settings with no runs left keep their group; a run matching none gets one after them", () => {
    const groups = groupSweepRuns(paths, [{ [paths[0]]: 0 }, { [paths[0]]: 0.2 }], [1], [run("x", 0.5, 1, "QUEUED", null)], "accuracy");
    expect(groups.map((g) => [g.values[0].value, g.runCount])).toEqual([
      [0, 0],
      [0.2, 0],
      [0.5, 1],
    ]);
    expect(groups[0].metric).toEqual({ key: "accuracy", mean: null, std: null, n: 0 });
  });

  it("progress counts runs by status", () => {
    expect(sweepProgress([{ status: "QUEUED" }, { status: "SUCCEEDED" }, { status: "FAILED" }, { status: "RUNNING" }])).toEqual({
      total: 4,
      queued: 1,
      running: 1,
      succeeded: 1,
      failed: 1,
      cancelled: 0,
      finished: 2,
      done: false,
    });
    expect(sweepProgress([{ status: "SUCCEEDED" }, { status: "CANCELLED" }]).done).toBe(true);
    expect(sweepProgress([]).done).toBe(false);
  });

  it("canonical JSON sorts keys", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 0 }] })).toBe('{"a":[2,{"c":0,"d":1}],"b":1}');
  });
});
