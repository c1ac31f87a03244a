# syntax=docker/dockerfile:1.7
# The Loffta API (apps/api, GraphQL on :4000, GET /healthz, GET /metrics). docs/deploy.md.
#
#   docker build -f deploy/api.Dockerfile -t loffta-api .        (from the repository root)
#
# Needs the npm registry and storage.googleapis.com at build time (npm ci; tfjs-node's install
# step downloads libtensorflow). Not built by this repository's tests (no Docker there):
# tests/deploy-files.test.ts checks that every path, script and variable named here exists.
# Secrets never enter the image: DATABASE_URL comes from a file at run time (DATABASE_URL_FILE,
# deploy/entrypoint.sh), S3 credentials from the AWS chain (AWS_SHARED_CREDENTIALS_FILE).
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
# A fixed uid (10001) in every Loffta image: token files written by one container (deploy/bootstrap.cjs)
# are readable by the others' process, and by nobody else (mode 0600).
RUN groupadd --system --gid 10001 loffta \
 && useradd --system --uid 10001 --gid loffta --home-dir /home/loffta --create-home --shell /usr/sbin/nologin loffta \
 && mkdir -p /var/lib/loffta-tokens/admin /var/lib/loffta-tokens/worker \
 && chown -R loffta:loffta /var/lib/loffta-tokens && chmod -R 700 /var/lib/loffta-tokens
WORKDIR /app
# Owned by root: the service cannot change its own code. Every dependency, devDependencies
# included: `npm prune --omit=dev` would remove esbuild, whose package.json the build records
# among its inputs (scripts/build/freshness.cjs), so `npm run start:api` would warn at every start
# that it runs an outdated build.
COPY --from=build /app /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
USER loffta
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["sh", "/app/deploy/entrypoint.sh"]
# docker-compose.yml runs `npm run migrate:deploy -w @loffta/db` before this.
CMD ["npm", "run", "start:api"]
