#!/usr/bin/env node
/**
 * `npm run serve -w @loffta/web`: production dashboard.
 *   1. `next build` when .next/BUILD_ID is missing or any source is newer than it;
 *   2. `next start -p $PORT -H $HOST` (default 3000 on 127.0.0.1: loopback only; HOST=0.0.0.0 for
 *      every interface).
 * `--build-only` stops after step 1 (used by the browser tests).
 * The API URL is read at request time from LOFFTA_API_URL (default http://localhost:4000).
 * Security headers: next.config.ts (every response) and src/proxy.ts (the Content-Security-Policy).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.resolve(WEB, "../..");
const require = createRequire(import.meta.url);
const NEXT_BIN = require.resolve("next/dist/bin/next", { paths: [WEB] });
const BUILD_ID = path.join(WEB, ".next", "BUILD_ID");

/** Inputs of the build: a change to any of them makes the build stale. */
const INPUTS = [
  path.join(WEB, "src"),
  path.join(WEB, "public"),
  path.join(WEB, "next.config.ts"),
  path.join(WEB, "package.json"),
  path.join(WEB, "tsconfig.json"),
  // The domain catalogue (@loffta/graphql/domain) and the enums it is typed by.
  path.join(ROOT, "graphql", "src", "domain"),
  path.join(ROOT, "graphql", "src", "generated"),
];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

export function buildIsStale() {
  let built;
  try {
    built = fs.statSync(BUILD_ID).mtimeMs;
  } catch {
    return "no build yet (.next/BUILD_ID missing)";
  }
  for (const input of INPUTS) {
    if (newestMtime(input) > built) return `${path.relative(ROOT, input)} changed since the last build`;
  }
  return null;
}

let stopping = false;

function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: WEB, env, stdio: "inherit" });
    const forward = (sig) => {
      stopping = true;
      child.kill(sig);
    };
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(stopping ? 0 : (code ?? (signal ? 1 : 0)));
    });
  });
}

async function main() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const buildOnly = process.argv.includes("--build-only");
  const stale = buildIsStale();
  if (stale) {
    console.log(`web: building (${stale})…`);
    const code = await run(["build"], { ...env, NODE_ENV: "production" });
    if (code !== 0) {
      console.error(`web: next build failed (exit ${code})`);
      process.exit(code);
    }
  } else console.log("web: build is up to date");
  if (buildOnly) return;
  const port = process.env.PORT || "3000";
  // Loopback unless told otherwise: `next start` alone listens on every interface.
  const host = process.env.HOST?.trim() || "127.0.0.1";
  const shown = host.includes(":") ? `[${host}]` : host;
  const every = host === "0.0.0.0" || host === "::" ? " (every interface)" : "";
  console.log(`web: next start on ${shown}:${port}${every}, API ${process.env.LOFFTA_API_URL || "http://localhost:4000"}`);
  process.exit(await run(["start", "-p", port, "-H", host], env));
}

void main();
