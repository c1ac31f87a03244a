#!/usr/bin/env bash
# Install @tensorflow/tfjs-node-gpu next to the CPU setup, for LOFFTA_TF_BACKEND=gpu workers.
#
#   bash scripts/install-gpu.sh          (from anywhere in the checkout, after npm install / npm ci)
#
# - Same version as @tensorflow/tfjs-node in apps/worker/package.json (read from there): both
#   packages must share the one @tensorflow/tfjs engine the worker imports its ops from.
# - `--no-save`: package.json and package-lock.json stay as they are, so CPU machines never
#   download the GPU build (~400 MB) and `npm ci` stays reproducible; a later `npm install` /
#   `npm ci` removes the package again (run this script after it, as deploy/worker-gpu.Dockerfile
#   does). The worker loads it only when it is there (core/backend.ts).
# - Its install step downloads the GPU libtensorflow (2.9.1, built for CUDA 11.2 / cuDNN 8.1) and
#   the prebuilt addon from storage.googleapis.com: internet, or a mirror through
#   TFJS_NODE_BASE_URI / TFJS_NODE_CDN_STORAGE (node_modules/@tensorflow/tfjs-node-gpu/scripts/install.js).
# - Checked afterwards: the lockfile is unchanged and tfjs-node (the CPU backend) still loads —
#   offline, it is rebuilt by scripts/setup-native.cjs, the postinstall step that made it.
# It does not need a GPU; `LOFFTA_TF_BACKEND=gpu npm run gpu:check` on the GPU machine does.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '[install-gpu] %s\n' "$*" >&2; }

VERSION="$(node -p 'require("./apps/worker/package.json").optionalDependencies["@tensorflow/tfjs-node"] || ""')"
if [[ ! "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  log "apps/worker/package.json pins no exact @tensorflow/tfjs-node version (got '${VERSION}'): nothing to match"
  exit 1
fi
PKG="@tensorflow/tfjs-node-gpu@${VERSION}"

lock_sum() { sha256sum package-lock.json package.json apps/worker/package.json | sha256sum; }
before="$(lock_sum)"

log "npm install --no-save ${PKG} (downloads the GPU libtensorflow: needs internet or TFJS_NODE_BASE_URI)"
if ! npm install --no-save --no-audit --no-fund --foreground-scripts "${PKG}"; then
  log "FAILED: ${PKG} did not install (above: npm's reason; offline, its libtensorflow download fails)"
  exit 1
fi

if [[ "$(lock_sum)" != "$before" ]]; then
  log "FAILED: package.json or package-lock.json changed: restore them (git checkout -- package.json package-lock.json apps/worker/package.json)"
  exit 1
fi

loads() { TF_CPP_MIN_LOG_LEVEL=3 node -e "require('$1')" >/dev/null 2>&1; }

if ! loads @tensorflow/tfjs-node; then
  log "@tensorflow/tfjs-node no longer loads: restoring it (scripts/setup-native.cjs)"
  node scripts/setup-native.cjs
fi
if ! loads @tensorflow/tfjs-node-gpu; then
  log "FAILED: ${PKG} is installed but does not load:"
  TF_CPP_MIN_LOG_LEVEL=3 node -e "require('@tensorflow/tfjs-node-gpu')" || true
  exit 1
fi
# Loading needs no GPU (TensorFlow then runs on the CPU); whether it sees one is the worker's
# LOFFTA_TF_BACKEND=gpu start-up check, and gpu:check's.
log "${PKG} installed; CPU setup untouched. On the GPU machine: LOFFTA_TF_BACKEND=gpu npm run gpu:check"
