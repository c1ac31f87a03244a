# syntax=docker/dockerfile:1.7
# A Loffta CPU worker (apps/worker: extraction and training on tfjs-node). docs/deploy.md.
# The GPU worker is deploy/worker-gpu.Dockerfile.
#
#   docker build -f deploy/worker.Dockerfile -t loffta-worker .  (from the repository root)
#   docker run … loffta-worker npx loffta-worker serve --api http://api.example:4000
#
# Needs the npm registry and storage.googleapis.com (tfjs-node's libtensorflow) at build time;
# not built by this repository's tests (no Docker there): tests/deploy-files.test.ts checks what
# it names. The token comes from a file at run time (LOFFTA_TOKEN_FILE, mode 0600, owned by uid
# 10001), never from the image or a command line.
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
 && useradd --system --uid 10001 --gid loffta --home-dir /home/loffta --create-home --shell /usr/sbin/nologin loffta \
 && mkdir -p /var/lib/loffta /var/lib/loffta-tokens/worker \
 && chown -R loffta:loffta /var/lib/loffta /var/lib/loffta-tokens && chmod -R 700 /var/lib/loffta-tokens
WORKDIR /app
# Every dependency, devDependencies included: `npm prune --omit=dev` would remove esbuild,
# whose package.json the build records among its inputs (scripts/build/freshness.cjs), so the
# build would read as stale — and the worker's bin then refuses to start without tsx.
COPY --from=build /app /app
# LOFFTA_HOME: caches, checkpoints, metric spools and the local copy of the object store
# (capped by LOFFTA_SHARD_CACHE_BYTES): a volume.
ENV NODE_ENV=production \
    LOFFTA_HOME=/var/lib/loffta \
    LOFFTA_TF_BACKEND=auto
USER loffta
VOLUME ["/var/lib/loffta"]
CMD ["npx", "loffta-worker", "serve"]
