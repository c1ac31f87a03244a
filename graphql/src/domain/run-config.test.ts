import { AUGMENTATION_ORDER } from "./augmentations";
import { parseRunConfig, resolveRunConfig, RunConfigError } from "./run-config";

describe("run config", () => {
  it("fills every default and round-trips through JSON", () => {
    const c = parseRunConfig({});
    expect(c.classifier.preset).toBe("deit-s");
    expect(c.augmentations.hflip).toEqual({ enabled: true, p: 0.5 });
    expect(c.augmentations.resizedCrop.scale).toEqual([0.5, 1]);
    expect(c.augmentations.noise).toEqual({ enabled: true, p: 1, std: 0.1, relativeTo: "channel-std" });
    expect(c.schedule.warmupEpochs).toBe(5);
    expect(parseRunConfig(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(Object.keys(c.augmentations)).toEqual(AUGMENTATION_ORDER);
    expect(c.augmentations.rot90.enabled).toBe(false);
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

describe("resolveRunConfig: the effective config of each kind", () => {
  it("LOFF switches tensor augmentations off and refuses an explicit one", () => {
    const c = resolveRunConfig("LOFF", { epochs: 2 });
    expect(AUGMENTATION_ORDER.every((n) => !c.augmentations[n].enabled)).toBe(true);
    expect(c.imageAugmentations.resizedCrop.enabled).toBe(false);
    expect(() => resolveRunConfig("LOFF", { augmentations: { noise: { enabled: true } } })).toThrow(RunConfigError);
  });
  it("image baselines: image augmentations, a linear head, the fine-tuning micro-batch cap", () => {
    const f = resolveRunConfig("UNFROZEN_LINEAR", { microBatch: 32, batchSize: 64 });
    expect(f.microBatch).toBe(8);
    expect(f.classifier.preset).toBe("linear");
    expect(f.imageAugmentations).toEqual({ resizedCrop: { enabled: true, scale: [0.35, 1], ratio: [0.75, 1.3333333333333333] }, hflip: { enabled: true, p: 0.5 } });
    expect(AUGMENTATION_ORDER.every((n) => !f.augmentations[n].enabled)).toBe(true);
    expect(() => resolveRunConfig("FROZEN_LINEAR", { classifier: { preset: "tiny" } })).toThrow(RunConfigError);
  });
  it("one seed: the run's seed is written into the config; a disagreeing config seed is refused", () => {
    expect(resolveRunConfig("LOFF_TA", {}, 7).seed).toBe(7);
    expect(resolveRunConfig("LOFF_TA", { seed: 7 }, 7).seed).toBe(7);
    expect(() => resolveRunConfig("LOFF_TA", { seed: 3 }, 7)).toThrow(/seed/);
  });
  it("is idempotent: resolving an effective config returns it unchanged", () => {
    for (const kind of ["LOFF", "LOFF_TA", "FROZEN_LINEAR", "UNFROZEN_LINEAR"] as const) {
      const c = resolveRunConfig(kind, { epochs: 3 }, 2);
      expect(resolveRunConfig(kind, JSON.parse(JSON.stringify(c)))).toEqual(c);
    }
  });
});
