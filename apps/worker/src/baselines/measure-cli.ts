/**
 * One isolated training-cost measurement (fresh process, honest peak RSS):
 *   node --import tsx apps/worker/src/baselines/measure-cli.ts '<MeasureSpec json>'
 * Prints one JSON line: the MeasureResult, or {"error": "..."} with exit code 1.
 */
import { runMeasurement } from "./measure";
import type { MeasureSpec } from "./measure";

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) throw new Error("usage: measure-cli.ts '<MeasureSpec json>'");
  const spec = JSON.parse(arg) as MeasureSpec;
  const r = await runMeasurement(spec, { isolated: true });
  process.stdout.write(JSON.stringify(r) + "\n");
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stdout.write(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }) + "\n");
    process.exit(1);
  },
);
