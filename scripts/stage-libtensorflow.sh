#!/usr/bin/env bash
# Stage the TensorFlow C library from the tensorflow-cpu 2.21.0 wheel into <pkg>/deps so that
# @tensorflow/tfjs-node(-gpu)'s install script finds it and builds its N-API addon from source
# without downloading libtensorflow. The wheel comes from pip's configured indexes (a local
# mirror on offline machines); set TF_WHEEL to use a wheel you already have.
set -euo pipefail
PKG="${1:-@tensorflow/tfjs-node}"
WHL="${TF_WHEEL:-}"
if [ -z "$WHL" ]; then
  TMPW=$(mktemp -d)
  python3 -m pip download --no-deps --retries 0 --timeout 5 -q -d "$TMPW" tensorflow-cpu==2.21.0 >&2 || true
  WHL=$(ls "$TMPW"/tensorflow_cpu-2.21.0-*.whl 2>/dev/null | head -1 || true)
fi
[ -f "$WHL" ] || { echo "tensorflow-cpu 2.21.0 wheel not found via pip (set TF_WHEEL)" >&2; exit 1; }
DEST="node_modules/$PKG/deps"
rm -rf "$DEST" && mkdir -p "$DEST/lib" "$DEST/include"
python3 - "$WHL" "$DEST" <<'PY'
import sys, zipfile, shutil, os
whl, dest = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(whl)
libs = {'tensorflow/libtensorflow_cc.so.2', 'tensorflow/libtensorflow_framework.so.2'}
incs = ('tensorflow/include/tensorflow/c/', 'tensorflow/include/tensorflow/core/platform/',
        'tensorflow/include/tsl/', 'tensorflow/include/xla/tsl/')
for n in z.namelist():
    if n in libs:
        out = os.path.join(dest, 'lib', os.path.basename(n))
    elif n.startswith(incs) and not n.endswith('/'):
        out = os.path.join(dest, 'include', n[len('tensorflow/include/'):])
    else:
        continue
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with z.open(n) as src, open(out, 'wb') as dst:
        shutil.copyfileobj(src, dst, 1 << 24)
PY
cd "$DEST/lib"
ln -sf libtensorflow_cc.so.2 libtensorflow.so
ln -sf libtensorflow_cc.so.2 libtensorflow.so.2.9.1
ln -sf libtensorflow_framework.so.2 libtensorflow_framework.so
ln -sf libtensorflow_framework.so.2 libtensorflow_framework.so.2.9.1
rm -rf "${TMPW:-/nonexistent}"
echo "staged libtensorflow (TF 2.21.0 C API) from $(basename "$WHL") into $DEST" >&2
