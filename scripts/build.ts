/**
 * `npm run build` (with the dashboard's `next build` after it): the API and the worker compiled
 * to JavaScript bundles, so the services run with plain `node` (no tsx at run time).
 *
 *   apps/api/dist/main.js                the API (`npm run start:api`)
 *   apps/worker/dist/cli.js              `loffta-worker <command>` (bin/loffta-worker.cjs)
 *   apps/worker/dist/service/main.js     the worker service (`npm start` runs it)
 *   apps/worker/dist/service/job-child.js, dist/baselines/measure-cli.js   its child processes
 *
 * Each with a .js.map and, per app, dist/build-manifest.json (what it was built from). What the
 * bundles contain and why: scripts/build/targets.ts, scripts/build/plugins.ts.
 *
 *   node --import tsx scripts/build.ts [api] [worker] [--if-stale]
 * Default: every target, always built; --if-stale: only those missing or stale (what `npm start`
 * does before it starts them).
 */
import { ensureBuilt } from "./build/ensure";
import { TARGETS, type Target } from "./build/targets";

function parseArgs(argv: string[]): { names: Target["name"][]; ifStale: boolean } {
  const names: Target["name"][] = [];
  let ifStale = false;
  for (const a of argv) {
    if (a === "--if-stale") ifStale = true;
    else if (a in TARGETS) names.push(a as Target["name"]);
    else {
      console.error(`build: unknown argument ${a} (targets: ${Object.keys(TARGETS).join(", ")}; --if-stale)`);
      process.exit(2);
    }
  }
  return { names: names.length ? names : (Object.keys(TARGETS) as Target["name"][]), ifStale };
}

const { names, ifStale } = parseArgs(process.argv.slice(2));
ensureBuilt(names, (msg) => console.log(msg), { force: !ifStale }).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
