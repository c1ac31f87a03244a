# syntax=docker/dockerfile:1.7
# A Loffta GPU worker: tfjs-node-gpu 4.22 on CUDA 11.2 + cuDNN 8.1, LOFFTA_TF_BACKEND=gpu.
# docs/deploy.md, "GPU workers".
#
#   docker build -f deploy/worker-gpu.Dockerfile -t loffta-worker-gpu .      (repository root)
#   docker run --gpus all … loffta-worker-gpu npx loffta-worker serve --api http://api.example:4000
#   docker run --gpus all --rm loffta-worker-gpu npm run gpu:check           (device + numerics)
#
# Why this base: tfjs-node-gpu 4.22 downloads libtensorflow 2.9.1 (GPU), which needs CUDA 11.2
# and cuDNN 8.1 (tfjs-node's README, "For GPU support … CUDA Toolkit 11.2, cuDNN SDK 8.1.0",
# NVIDIA driver > 450.x; TensorFlow 2.9 dlopens libcudart.so.11.0, libcublas(Lt).so.11,
# libcufft.so.10, libcurand.so.10, libcusolver.so.11, libcusparse.so.11, libcudnn.so.8). The
# runtime image has them all; the driver (libcuda.so.1) comes from the host through the NVIDIA
# Container Toolkit. CUDA_IMAGE may name another CUDA 11.x / cuDNN 8.x image (the same sonames;
# e.g. a registry mirror, or 11.8 + cuDNN 8.6 for GPUs newer than CUDA 11.2 knows: untested).
#
# Needs the npm registry and storage.googleapis.com at build time (tfjs-node and tfjs-node-gpu
# download their libtensorflow). Nothing here was built or run in this repository (no Docker,
# no GPU): tests/deploy-files.test.ts checks what it names; run gpu:check on the GPU machine.
ARG CUDA_IMAGE=nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS node

# ---- the CUDA image with the official Node 20 binary (glibc 2.28+; Ubuntu 20.04 has 2.31) ----
FROM ${CUDA_IMAGE} AS base
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version

# ---- build on the runtime's own OS, so native addons (sharp, onnxruntime, tfjs) match it ----
FROM base AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
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
RUN npm run build
# After npm ci (which would remove it again): tfjs-node-gpu of tfjs-node's version, --no-save.
RUN bash scripts/install-gpu.sh

FROM base AS runtime
RUN groupadd --system --gid 10001 loffta \
 && useradd --system --uid 10001 --gid loffta --home-dir /home/loffta --create-home --shell /usr/sbin/nologin loffta \
 && mkdir -p /var/lib/loffta /var/lib/loffta-tokens/worker \
 && chown -R loffta:loffta /var/lib/loffta /var/lib/loffta-tokens && chmod -R 700 /var/lib/loffta-tokens
WORKDIR /app
# Every dependency, devDependencies included: `npm run gpu:check` runs through tsx, and
# npm prune would also drop tfjs-node-gpu (installed --no-save, so not in the lockfile).
COPY --from=build /app /app
# TF_FORCE_GPU_ALLOW_GROWTH: TensorFlow takes GPU memory as it needs it instead of all of it at
# start (the GPU can be shared; the run's system/gpu_bytes then means something).
ENV NODE_ENV=production \
    LOFFTA_HOME=/var/lib/loffta \
    LOFFTA_TF_BACKEND=gpu \
    TF_FORCE_GPU_ALLOW_GROWTH=true \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
USER loffta
VOLUME ["/var/lib/loffta"]
CMD ["npx", "loffta-worker", "serve"]
