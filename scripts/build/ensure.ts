/** Build what is missing or stale (`npm start`, `npm run build -- --if-stale`), saying what it does. */
import { createRequire } from "node:module";
import path from "node:path";
import { buildTarget, type BuildResult } from "./bundle";
import { TARGETS, type Target } from "./targets";

/** freshness.cjs's answer: current, or why not (`missing`: nothing to run). */
export type BuildStatus = { current: true } | { current: false; missing: boolean; reason: string };

const { buildStatus } = createRequire(__filename)("./freshness.cjs") as {
  buildStatus(distDir: string): BuildStatus;
};

/** Whether `name`'s build is current, and why not. */
export function targetStatus(name: Target["name"]): BuildStatus {
  return buildStatus(path.join(TARGETS[name].dir, "dist"));
}

function report(r: BuildResult, log: (msg: string) => void): void {
  const shown = r.outputs.filter((f) => f.endsWith(".js"));
  log(`build: ${r.target} built in ${(r.ms / 1000).toFixed(1)} s (${shown.join(", ")})`);
  for (const w of r.warnings) log(`build: ${r.target}: warning: ${w.trim()}`);
}

/** Build `names` (all of them with `force`, else those not current), in parallel. */
export async function ensureBuilt(
  names: Target["name"][],
  log: (msg: string) => void,
  o: { force?: boolean } = {},
): Promise<BuildResult[]> {
  const todo = names.filter((name) => {
    const s = targetStatus(name);
    if (o.force) return true;
    if (s.current) log(`build: ${name} is current (${TARGETS[name].dir}/dist)`);
    else log(`build: ${name}: ${s.reason}: building`);
    return !s.current;
  });
  const results = await Promise.all(todo.map((name) => buildTarget(TARGETS[name])));
  for (const r of results) report(r, log);
  return results;
}
