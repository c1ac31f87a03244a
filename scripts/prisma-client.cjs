#!/usr/bin/env node
/*
 * The generated Prisma client (prisma/src/generated/prisma, not committed) that @loffta/db imports.
 *
 * Nothing else makes it on install: the allowScripts policy in package.json keeps
 * @prisma/client's own postinstall from running (it would also try to download engines), so
 * `npm install` runs `node scripts/prisma-client.cjs --force` as the first postinstall step, and
 * `npm start` calls ensurePrismaClient() before it loads @loffta/db (an install with
 * --ignore-scripts, a deleted folder, a pulled schema change, an upgraded @prisma/client).
 *
 *   node scripts/prisma-client.cjs           generate when missing or stale
 *   node scripts/prisma-client.cjs --force   always generate
 */
const cp = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const prismaDir = path.join(root, "prisma");
const schema = path.join(prismaDir, "schema.prisma");
const generated = path.join(prismaDir, "src", "generated", "prisma");
/** Written last by `prisma generate`; holds the client version it was generated for. */
const classFile = path.join(generated, "internal", "class.ts");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function installedClientVersion() {
  try {
    const pkg = require.resolve("@prisma/client/package.json", { paths: [prismaDir] });
    return JSON.parse(fs.readFileSync(pkg, "utf8")).version;
  } catch {
    return undefined;
  }
}

/** Why the generated client must be (re)generated, or null when it is up to date. */
function prismaClientStale() {
  if (!fs.existsSync(path.join(generated, "client.ts")) || !fs.existsSync(classFile)) {
    return "the generated Prisma client is missing";
  }
  if (mtime(schema) > mtime(classFile)) return "prisma/schema.prisma changed since it was generated";
  const want = installedClientVersion();
  const have = (fs.readFileSync(classFile, "utf8").match(/"clientVersion": "([^"]+)"/) || [])[1];
  if (want && have !== want) return `it was generated for @prisma/client ${have}, ${want} is installed`;
  return null;
}

/** `prisma generate` in prisma/ (the @loffta/db workspace's `generate` script); throws on failure. */
function generatePrismaClient() {
  const cli = require.resolve("prisma/build/index.js", { paths: [prismaDir] });
  const r = cp.spawnSync(process.execPath, [cli, "generate", "--no-hints"], {
    cwd: prismaDir,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (r.status !== 0) {
    throw new Error(`prisma generate exited with ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`);
  }
}

/** Generate the client when it is missing or stale; `log` hears what is done and why. */
function ensurePrismaClient(log = () => {}, force = false) {
  const why = force ? "install" : prismaClientStale();
  if (!why) return false;
  const t0 = Date.now();
  log(`prisma client: generating (${why})…`);
  generatePrismaClient();
  log(`prisma client: generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

module.exports = { ensurePrismaClient, prismaClientStale, generatePrismaClient };

if (require.main === module) {
  try {
    ensurePrismaClient(
      (m) => process.stderr.write(`[prisma-client] ${m}\n`),
      process.argv.includes("--force"),
    );
  } catch (e) {
    process.stderr.write(`[prisma-client] ERROR: ${e.message}\n`);
    process.exit(1);
  }
}
