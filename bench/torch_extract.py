#!/usr/bin/env python3
"""PyTorch reference for bench/extract.ts: random-weight HF Dinov2Model forward at 224, batch B.
Prints `RESULT {json}` with images/s and peak RSS (MB). Needs torch + transformers (bench/python-env.ts
provides them: python3, or the .venv-bench it creates)."""
import argparse
import json
import resource
import time

import torch
import transformers
from transformers import Dinov2Config, Dinov2Model

p = argparse.ArgumentParser()
p.add_argument("--dim", type=int, default=384)
p.add_argument("--layers", type=int, default=12)
p.add_argument("--heads", type=int, default=6)
p.add_argument("--batch", type=int, default=8)
p.add_argument("--iters", type=int, default=3)
p.add_argument("--size", type=int, default=224)
p.add_argument("--threads", type=int, default=0, help="torch intra-op threads (0: torch's default)")
a = p.parse_args()
if a.threads > 0:
    torch.set_num_threads(a.threads)
torch.manual_seed(0)
m = Dinov2Model(Dinov2Config(hidden_size=a.dim, num_hidden_layers=a.layers, num_attention_heads=a.heads, patch_size=14, image_size=518)).eval()
x = torch.randn(a.batch, 3, a.size, a.size)
with torch.inference_mode():
    m(pixel_values=x)
    t0 = time.perf_counter()
    for _ in range(a.iters):
        m(pixel_values=x)
    s = time.perf_counter() - t0
print("RESULT " + json.dumps({"extractor": f"pytorch {torch.__version__}", "runtime": f"transformers {transformers.__version__} ({getattr(m.config, '_attn_implementation', 'eager')} attention), CPU",
                              "threads": torch.get_num_threads(), "batch": a.batch, "iters": a.iters,
                              "imagesPerSec": a.batch * a.iters / s, "peakRssMB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
