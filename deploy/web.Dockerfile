# syntax=docker/dockerfile:1.7
# The Loffta dashboard (apps/web, Next.js on :3000; health check: GET /). docs/deploy.md.
#
#   docker build -f deploy/web.Dockerfile -t loffta-web .        (from the repository root)
#
# Needs the npm registry (and storage.googleapis.com for tfjs-node) at build time; not built by
# this repository's tests (no Docker there): tests/deploy-files.test.ts checks what it names.
# LOFFTA_API_URL (set at run time, read per request) is the API's address as the *browser*
# reaches it: the dashboard calls the API from the browser.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: the same in api, web and worker.Dockerfile (BuildKit builds it once for all three;
# tests/deploy-files.test.ts keeps them equal) ----
FROM ${NODE_IMAGE} AS build
# node-gyp's toolchain, for native addons without a prebuilt binary for this platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# The npm this repository is developed with: it applies package.json's allowScripts policy
# (no Prisma engine download, only the install scripts the project allows).
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
# The manifests and what `postinstall` runs (scripts/prisma-client.cjs, scripts/setup-native.cjs)
# first: the npm ci layer is reused until one of them changes.
COPY package.json package-lock.json .npmrc ./
COPY prisma/package.json prisma/schema.prisma prisma/prisma.config.ts prisma/unref-timers.cjs prisma/
COPY graphql/package.json graphql/
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY tests/package.json tests/
COPY scripts/prisma-client.cjs scripts/setup-native.cjs scripts/stage-libtensorflow.sh scripts/
RUN npm ci --no-audit --no-fund
COPY . .
# api, worker (apps/*/dist) and the dashboard (apps/web/.next).
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 loffta \
 && useradd --system --uid 10001 --gid loffta --home-dir /home/loffta --create-home --shell /usr/sbin/nologin loffta
WORKDIR /app
# All dependencies, not --omit=dev: `next start` loads next.config.ts, and the dashboard's serve
# script rebuilds a build it finds stale (apps/web/scripts/serve.mjs), which needs the toolchain.
COPY --from=build /app /app
# next start writes its image and fetch caches here, and nowhere else.
RUN mkdir -p /app/apps/web/.next/cache && chown loffta:loffta /app/apps/web/.next/cache
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NEXT_TELEMETRY_DISABLED=1
USER loffta
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "run", "start:web"]
