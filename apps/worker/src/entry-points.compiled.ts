/**
 * entry-points.ts as the compiled build has it (scripts/build.ts loads this file in its place):
 * an entry point is its bundle in apps/worker/dist (src/<name>.ts → dist/<name>.js, the layout
 * of scripts/build/targets.ts), run by plain `node`, with no tsx.
 */
import path from "node:path";
import type { EntryPoint } from "./entry-points";

// In a bundle, __dirname is still this module's source folder (scripts/build/plugins.ts).
const DIST = path.resolve(__dirname, "../dist");

export type { EntryPoint };

/** The bundle of entry point `name` ("service/job-child": dist/service/job-child.js). */
export function workerEntry(name: string): EntryPoint {
  // No --enable-source-maps (nor the parent's options): a child's peak RSS is what a run reports
  // as its memory, and with source maps on Node also loads every package's map (TensorFlow's
  // are ~16 MB: +36 MiB resident, bench/results/startup.json). Its errors reach the parent as
  // messages, not stacks.
  return { file: path.join(DIST, `${name}.js`), execArgv: [] };
}

/**
 * The module a job child imports to find the handler of `module`: the child's own bundle,
 * which re-exports the handlers it carries (targets.ts). Importing a separate bundle of the
 * handler would load a second copy of everything the two share (PermanentJobError, whose class
 * the child tells permanent failures by; the backend initBackend() chose).
 */
export function handlerModule(_module: string): string {
  return workerEntry("service/job-child").file;
}
