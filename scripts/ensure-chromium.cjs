#!/usr/bin/env node
/**
 * `npm test` step: the dashboard's browser tests drive Debian's Chromium (never a downloaded
 * browser). Present (LOFFTA_CHROMIUM or /usr/bin/chromium): nothing to do. Missing on a Debian
 * machine where we are root: `apt-get install -y chromium` (Debian's own package mirror, the
 * only browser source reachable here). Otherwise: a clear message and exit 1, so the browser
 * tests are never silently skipped.
 */
const fs = require("node:fs");
const { spawnSync } = require("node:child_process");

const target = process.env.LOFFTA_CHROMIUM || "/usr/bin/chromium";
if (fs.existsSync(target)) process.exit(0);

const say = (m) => process.stderr.write(`[ensure-chromium] ${m}\n`);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (process.env.LOFFTA_CHROMIUM || !isRoot || !hasApt) {
  say(
    `Chromium not found at ${target}: the dashboard's browser tests need it. Install Debian's package ` +
      "(`sudo apt-get install -y chromium`) or set LOFFTA_CHROMIUM to a Chromium binary.",
  );
  process.exit(1);
}
say("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium) …");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
let r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
if (r.status !== 0) {
  say("install failed; refreshing the package lists and retrying");
  spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
}
if (r.status !== 0 || !fs.existsSync(target)) {
  say(`could not install Chromium (apt-get exit ${r.status}); install it by hand: apt-get install -y chromium`);
  process.exit(1);
}
say(`installed ${target}`);
