/**
 * How the worker starts its own entry points in a new process (a TRAIN job's child, a
 * training-cost measurement), run from the sources: the entry's .ts file through tsx (`npm run
 * worker` from a checkout without a current build, jest, the benches).
 *
 * The compiled build (scripts/build.ts) loads entry-points.compiled.ts in place of this file:
 * the bundles in apps/worker/dist start bundles, never a .ts file, and need no tsx. Both export
 * the same functions; keep them in step.
 */
import path from "node:path";

export interface EntryPoint {
  /** The file to run with `node`. */
  file: string;
  /** Node options the child needs to load it (its `execArgv`). */
  execArgv: string[];
}

const SRC = __dirname;

/** The entry point `name` of the worker ("service/job-child": src/service/job-child.ts). */
export function workerEntry(name: string): EntryPoint {
  return { file: path.join(SRC, `${name}.ts`), execArgv: ["--import", "tsx"] };
}

/** The module a job child imports to find the handler of `module` (isolate.ts): that module. */
export function handlerModule(module: string): string {
  return module;
}
