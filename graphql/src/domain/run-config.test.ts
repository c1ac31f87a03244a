import { DEFAULT_RUN_CONFIG, defaultRunConfig, parseRunConfig, RunConfigError } from "./run-config";

describe("run config", () => {
  it("fills every default and round-trips through JSON", () => {
    const c = parseRunConfig({});
    expect(c.classifier.preset).toBe("deit-s");
    expect(c.augmentations.hflip).toEqual({ enabled: true, p: 0.5 });
    expect(c.augmentations.resizedCrop.scale).toEqual([0.5, 1]);
    expect(c.augmentations.noise).toEqual({ enabled: true, p: 1, std: 0.1, relativeTo: "channel-std" });
    expect(c.schedule.warmupEpochs).toBe(5);
    expect(parseRunConfig(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(JSON.parse(JSON.stringify(DEFAULT_RUN_CONFIG))).toEqual(defaultRunConfig());
  });
  it("keeps given values and accepts warmupSteps instead of warmupEpochs", () => {
    const c = parseRunConfig({
      classifier: { preset: "tiny" },
      augmentations: { vflip: { enabled: true } },
      schedule: { warmupSteps: 100 },
      batchSize: 32,
    });
    expect(c.classifier).toEqual({ preset: "tiny", useCachedCls: false });
    expect(c.augmentations.vflip).toEqual({ enabled: true, p: 0.5 });
    expect(c.schedule.warmupSteps).toBe(100);
    expect(c.schedule.warmupEpochs).toBeUndefined();
  });
  it("rejects unknown keys and bad values, listing each field path", () => {
    let err: unknown;
    try {
      parseRunConfig({
        foo: 1,
        augmentations: { noise: { std: -1, colour: 2 }, resizedCrop: { scale: [0.9, 0.5] } },
        classifier: { preset: "resnet" },
        microBatch: 100,
        optimizer: { name: "sgd" },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RunConfigError);
    const paths = (err as RunConfigError).issues.map((i) => i.path).sort();
    expect(paths).toEqual(
      [
        "augmentations.noise.colour",
        "augmentations.noise.std",
        "augmentations.resizedCrop.scale",
        "classifier.preset",
        "foo",
        "optimizer.name",
      ].sort(),
    );
    expect((err as Error).message).toMatch(/foo: unknown key/);
    expect(() => parseRunConfig({ schedule: { warmupSteps: 1, warmupEpochs: 1 } })).toThrow(RunConfigError);
    expect(() => parseRunConfig({ epochs: 1.5 })).toThrow(/epochs/);
    // cross-field rule (checked once the fields themselves are valid)
    expect(() => parseRunConfig({ batchSize: 8, microBatch: 16 })).toThrow(
      /microBatch: microBatch must be <= batchSize/,
    );
  });
});
