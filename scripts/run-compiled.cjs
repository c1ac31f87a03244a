#!/usr/bin/env node
/*
 * `npm run start:api`: the compiled API (apps/api/dist/main.js, made by `npm run build`) in this
 * process, with plain `node`: no tsx, which a production install (`npm ci --omit=dev`) lacks.
 * Its environment: apps/api/src/config.ts (PORT, HOST, DATABASE_URL, …).
 *
 *   node scripts/run-compiled.cjs api [args…]
 *
 * No build: says so and exits 1 (it never builds: a deploy builds once, ahead). A stale build
 * (a source changed since): one warning line on stderr, then it runs what was built.
 */
const path = require("node:path");
const { ROOT, buildStatus } = require("./build/freshness.cjs");

const APPS = { api: { dist: "apps/api/dist", main: "main.js" } };

const [name] = process.argv.slice(2);
const app = APPS[name];
if (!app) {
  process.stderr.write(
    `run-compiled: usage: node scripts/run-compiled.cjs ${Object.keys(APPS).join("|")} [args…]\n`,
  );
  process.exit(2);
}
const file = path.join(ROOT, app.dist, app.main);
const status = buildStatus(app.dist);
if (!status.current) {
  if (status.missing) {
    process.stderr.write(`${name}: ${status.reason}: run \`npm run build\` first\n`);
    process.exit(1);
  }
  process.stderr.write(
    `${name}: warning: running an outdated build (${status.reason}): \`npm run build\` to refresh it\n`,
  );
}
// As if started as `node <bundle> [args…]`; stack traces name the .ts lines (source map).
process.argv.splice(1, 2, file);
process.setSourceMapsEnabled(true);
require(file);
