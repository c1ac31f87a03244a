#!/usr/bin/env node
/*
 * `loffta-worker <command>`: the compiled CLI (apps/worker/dist/cli.js, made by `npm run build`)
 * when that build is current, else the TypeScript sources through tsx.
 *
 * The fallback keeps a checkout being worked on as it was before there was a build: an edited
 * source takes effect at once, without a rebuild (and without a line on stderr, which scripts
 * and tests read). Where neither can run (a production install, no tsx, without a current
 * build) it says so and exits 1. Which one ran: the compiled one's modules are in
 * apps/worker/dist (see `require.cache`), the sources' in apps/worker/src.
 */
const path = require("node:path");
const { buildStatus } = require("../../../scripts/build/freshness.cjs");

const dist = path.join(__dirname, "..", "dist");
const status = buildStatus(dist);
if (status.current) {
  // Stack traces name the .ts lines (the bundle's source map), as they do from the sources.
  process.setSourceMapsEnabled(true);
  require(path.join(dist, "cli.js")).runCli(process.argv.slice(2));
} else {
  let tsx;
  try {
    tsx = require.resolve("tsx/cjs");
  } catch {
    process.stderr.write(
      `loffta-worker: ${status.reason}, and no tsx to run the sources with: run \`npm run build\`\n`,
    );
    process.exit(1);
  }
  require(tsx);
  require("../src/cli.ts").runCli(process.argv.slice(2));
}
