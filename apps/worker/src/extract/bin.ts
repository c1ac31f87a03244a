/** Standalone entry: `tsx apps/worker/src/extract/bin.ts --data … --model … --out …` (same as `loffta-worker extract`). */
import { extractCommand } from "./cli";

extractCommand.run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
