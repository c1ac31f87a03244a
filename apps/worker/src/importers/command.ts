import { parseArgs } from "../cli/args";
import { CliUsageError } from "../cli/errors";
import { IMPORT_SOURCES, ImportError, importDataset, type ImportSource } from "./mnist";
import { exportBundledBackbone } from "./backbone";

const usage =
  "import --source fashion-mnist|mnist --out DIR --per-class N [--test-per-class M] [--seed S] [--classes 0,1,…]\n" +
  "         | import --source mobilenetv2 --out DIR";

function int(v: string | true | undefined, name: string, dflt?: number): number {
  if (v === undefined && dflt !== undefined) return dflt;
  const n = Number(v);
  if (typeof v !== "string" || !Number.isInteger(n) || n < 0)
    throw new CliUsageError(`--${name} needs a non-negative integer`);
  return n;
}

/** `loffta-worker import`: bundled datasets as ImageFolders, the bundled MobileNetV2 as a TF.js model folder. */
export const importCommand = {
  usage,
  describe:
    "write a balanced Fashion-MNIST / MNIST ImageFolder subset, or the bundled MobileNetV2 backbone (model.json + weights.bin)",
  async run(argv: string[]): Promise<number> {
    const { flags } = parseArgs(argv, {
      values: ["source", "out", "per-class", "test-per-class", "seed", "classes"],
    });
    const source = flags.source;
    if (typeof flags.out !== "string") throw new CliUsageError("--out DIR is required");
    if (source === "mobilenetv2") {
      const r = await exportBundledBackbone(flags.out);
      process.stdout.write(
        JSON.stringify({
          modelJson: r.modelJson,
          layer: r.layer,
          written: r.written,
          parameterCount: r.parameterCount,
        }) + "\n",
      );
      return 0;
    }
    if (typeof source !== "string" || !(IMPORT_SOURCES as readonly string[]).includes(source))
      throw new CliUsageError(`--source must be one of ${[...IMPORT_SOURCES, "mobilenetv2"].join(", ")}`);
    const classes =
      typeof flags.classes === "string" ? flags.classes.split(",").map((c) => int(c, "classes")) : undefined;
    try {
      const r = await importDataset({
        source: source as ImportSource,
        out: flags.out,
        perClass: int(flags["per-class"], "per-class"),
        testPerClass: int(flags["test-per-class"], "test-per-class", 0),
        seed: int(flags.seed, "seed", 0),
        classes,
        onProgress: (d, t) => process.stderr.write(`\rimport ${d}/${t}`),
      });
      process.stderr.write("\n");
      process.stdout.write(
        JSON.stringify({ root: r.root, written: r.written, classes: r.classes, counts: r.counts }) + "\n",
      );
      return 0;
    } catch (e) {
      if (e instanceof ImportError) throw new CliUsageError(e.message);
      throw e;
    }
  },
};
