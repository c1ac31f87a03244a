import path from "node:path";
import type { NextConfig } from "next";

// `next` always runs with apps/web as its working directory (npm -w, scripts/serve.mjs).
const repoRoot = path.resolve(process.cwd(), "../..");

const nextConfig: NextConfig = {
  // The shared run-config schema is TypeScript source in the @loffta/graphql workspace.
  transpilePackages: ["@loffta/graphql"],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // Types are checked by `npm run typecheck -w @loffta/web` (tsc, chained into the root check);
  // skipping the duplicate pass keeps `next build` fast on small machines.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  devIndicators: false,
  reactStrictMode: true,
};

export default nextConfig;
