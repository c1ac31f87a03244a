/**
 * What `npm run build` compiles (scripts/build.ts): one bundle per process entry point, each at
 * the path of its source under dist/ (src/service/main.ts → dist/service/main.js), so code that
 * maps an entry's source to its bundle (apps/worker/src/entry-points.compiled.ts) needs no table.
 */

export interface Entry {
  /** The entry module, relative to the app's folder ("src/main.ts"). */
  source: string;
  /**
   * Modules whose exports the bundle re-exports, relative to the app's folder. The job child
   * carries the handler modules it runs (see apps/worker/src/entry-points.compiled.ts): its
   * process must hold one copy of each module, shared by the child's own code and the handler
   * (PermanentJobError's class, the TensorFlow backend chosen by initBackend()).
   */
  carries?: string[];
}

export interface Target {
  name: "api" | "worker";
  /** The app's folder, relative to the repository root. */
  dir: string;
  entries: Entry[];
}

export const TARGETS: Record<Target["name"], Target> = {
  api: { name: "api", dir: "apps/api", entries: [{ source: "src/main.ts" }] },
  worker: {
    name: "worker",
    dir: "apps/worker",
    entries: [
      // `loffta-worker <command>` (bin/loffta-worker.cjs loads it).
      { source: "src/cli.ts" },
      // The worker service (`npm start` runs it; `loffta-worker serve` is the same code).
      { source: "src/service/main.ts" },
      // One process per TRAIN job (service/isolate.ts), with the handler main.ts names.
      { source: "src/service/job-child.ts", carries: ["src/service/jobs/train.ts"] },
      // One process per training-cost measurement (baselines/measure.ts).
      { source: "src/baselines/measure-cli.ts" },
    ],
  },
};

/** The bundle of `source` (relative to the app's folder): dist/<path under src>.js. */
export function outputOf(source: string): string {
  return source.replace(/^src\//, "dist/").replace(/\.ts$/, ".js");
}

/** The compiled files the launcher starts, relative to the repository root. */
export const COMPILED = {
  api: "apps/api/dist/main.js",
  workerService: "apps/worker/dist/service/main.js",
  workerCli: "apps/worker/dist/cli.js",
} as const;
