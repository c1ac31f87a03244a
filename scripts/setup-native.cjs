#!/usr/bin/env node
/*
 * Post-install step: make @tensorflow/tfjs-node (the fast TensorFlow backend) work.
 *
 * Normal path (internet): tfjs-node's own install script downloads libtensorflow and its
 * addon; nothing to do here. Offline path (this project's CI and dev machines): that download
 * is unreachable, so npm drops the optional package. We then put its files back without
 * scripts, stage the TensorFlow C library from the local `tensorflow-cpu` wheel
 * (scripts/stage-libtensorflow.sh) and build the N-API addon from source.
 *
 * Never fails the install: without a native backend the worker falls back to the pure-JS
 * `cpu` backend with a loud warning.
 */
const cp = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const PKG = "@tensorflow/tfjs-node";
const workerPkg = require(path.join(root, "apps/worker/package.json"));
const version = (workerPkg.optionalDependencies || {})[PKG];

function log(msg) {
  process.stderr.write(`[setup-native] ${msg}\n`);
}

function bindingLoads() {
  const r = cp.spawnSync(process.execPath, ["-e", `require(${JSON.stringify(PKG)})`], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "3" },
  });
  return r.status === 0;
}

function run(cmd, args) {
  log(`$ ${cmd} ${args.join(" ")}`);
  const r = cp.spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}`);
}

function main() {
  if (process.env.LOFFTA_SKIP_NATIVE === "1") return log("LOFFTA_SKIP_NATIVE=1: skipped");
  if (!version) return log(`${PKG} is not a dependency of apps/worker: skipped`);
  if (bindingLoads()) return log(`${PKG} ${version}: native TensorFlow backend ready`);

  const pkgDir = path.join(root, "node_modules", PKG);
  if (!fs.existsSync(path.join(pkgDir, "package.json"))) {
    log(`${PKG} was dropped (its libtensorflow download failed): restoring its files without scripts`);
    run("npm", ["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", `${PKG}@${version}`]);
  }
  const lib = path.join(pkgDir, "deps", "lib", "libtensorflow.so");
  if (!fs.existsSync(lib)) run("bash", [path.join(__dirname, "stage-libtensorflow.sh"), PKG]);
  run("npm", ["rebuild", PKG, "--foreground-scripts"]);
  if (!bindingLoads()) throw new Error(`${PKG} still does not load after the offline build`);
  log(`${PKG} ${version}: native TensorFlow backend built from the local TensorFlow C library`);
}

try {
  main();
} catch (e) {
  log(`WARNING: ${e.message}`);
  log("WARNING: the worker will use the slow pure-JS `cpu` TensorFlow.js backend.");
}
