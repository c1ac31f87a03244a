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
  // Security headers of every response (docs/security.md). The Content-Security-Policy, which
  // needs the API's origin and a nonce per request, is set by src/proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          // Legacy browsers' frame-ancestors 'none'.
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  devIndicators: false,
  reactStrictMode: true,
};

export default nextConfig;
