/*
 * Whether a compiled service (apps/<app>/dist, made by scripts/build.ts) is current.
 *
 * Plain CommonJS with no dependency: the worker's bin (apps/worker/bin/loffta-worker.cjs) and
 * `npm run start:api` ask it without tsx, which a production install (`npm ci --omit=dev`) lacks.
 *
 * dist/build-manifest.json lists every file the build read (esbuild's metafile inputs, and the
 * files that configure the build: scripts/build*, tsconfig, the workspaces' package.json) with
 * its size, mtime and sha256, and every file it wrote. The build is current when every listed
 * input still has that content and every output exists. The list is complete without scanning
 * the source trees: a new source file can enter the build only through an import in a listed
 * file, and that file then changed. Size + mtime equal means unchanged (no read, so the check is
 * a few hundred stat calls); otherwise the content hash decides (a `touch` or a checkout of the
 * same content is not a change). The esbuild that built it is compared where esbuild is
 * installed: a production install that pruned its devDependencies still has a current build.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = "build-manifest.json";
/** Bumped when the manifest's meaning changes: an older manifest then reads as stale. */
const FORMAT = 1;

function sha256(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/**
 * Size, mtime and content hash of `rel` (relative to the repository root). A file modified
 * since `sinceMs` (the build's start) may hold other content than the build read: it gets a
 * fingerprint that matches no file, so the next check finds the build stale.
 */
function fingerprint(rel, sinceMs) {
  const file = path.join(ROOT, rel);
  const st = fs.statSync(file);
  if (st.mtimeMs >= sinceMs) return { size: st.size, mtimeMs: -1, sha256: "modified during the build" };
  return { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(file) };
}

/**
 * Record a build that started at `startedAtMs` (epoch ms): `inputs` and `outputs` are paths
 * relative to the repository root. Written last, after the outputs, through a rename: a reader
 * sees the old manifest or the new one.
 */
function writeManifest(distDir, { inputs, outputs, info, startedAtMs }) {
  const manifest = {
    format: FORMAT,
    builtAt: new Date().toISOString(),
    ...info,
    inputs: Object.fromEntries(
      [...new Set(inputs)].sort().map((rel) => [rel, fingerprint(rel, startedAtMs)]),
    ),
    outputs: [...new Set(outputs)].sort(),
  };
  const file = path.join(distDir, MANIFEST);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 1) + "\n");
  fs.renameSync(tmp, file);
  return manifest;
}

/** The installed esbuild's version, or undefined where it is not installed. */
function installedEsbuild() {
  try {
    return JSON.parse(fs.readFileSync(require.resolve("esbuild/package.json", { paths: [ROOT] }), "utf8"))
      .version;
  } catch {
    return undefined;
  }
}

/** Why the input `rel` differs from its fingerprint `fp`, or null when it has not changed. */
function inputChange(rel, fp) {
  let st;
  try {
    st = fs.statSync(path.join(ROOT, rel));
  } catch {
    return `${rel} was removed since the last build`;
  }
  if (st.size === fp.size && st.mtimeMs === fp.mtimeMs) return null;
  return sha256(path.join(ROOT, rel)) === fp.sha256 ? null : `${rel} changed since the last build`;
}

/**
 * `{ current: true }`, or `{ current: false, missing, reason }` for the build in `distDir`
 * (absolute, or relative to the repository root): `missing` when there is nothing to run (no
 * build, or an output gone), else it is stale; `reason` says what, in one line.
 */
function buildStatus(distDir) {
  const dir = path.resolve(ROOT, distDir);
  const shown = path.relative(ROOT, dir);
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8"));
  } catch {
    return { current: false, missing: true, reason: `no build yet (${shown}/${MANIFEST} missing)` };
  }
  if (manifest.format !== FORMAT)
    return { current: false, missing: false, reason: `${shown} was built by another version of the build` };
  const esbuild = installedEsbuild();
  if (esbuild && manifest.esbuild !== esbuild) {
    return {
      current: false,
      missing: false,
      reason: `${shown} was built by esbuild ${manifest.esbuild}, ${esbuild} is installed`,
    };
  }
  for (const out of manifest.outputs ?? []) {
    if (!fs.existsSync(path.join(ROOT, out)))
      return { current: false, missing: true, reason: `${out} is missing` };
  }
  for (const [rel, fp] of Object.entries(manifest.inputs ?? {})) {
    const why = inputChange(rel, fp);
    if (why) return { current: false, missing: false, reason: why };
  }
  return { current: true };
}

module.exports = { MANIFEST, ROOT, buildStatus, writeManifest };
