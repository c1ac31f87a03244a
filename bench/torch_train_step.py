"""PyTorch CPU reference for bench/train-core.ts: the same LOFF-TA DeiT-S training step
(linear D->384 + LayerNorm, learned CLS + pos, 12 pre-norm blocks, GELU(tanh), final LN, head),
AdamW, batch accumulated over micro-batches. Prints one JSON line."""
import argparse, json, resource, time
import torch, torch.nn as nn, torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--tokens", type=int, default=256); p.add_argument("--dim", type=int, default=768)
p.add_argument("--width", type=int, default=384); p.add_argument("--depth", type=int, default=12); p.add_argument("--heads", type=int, default=6)
p.add_argument("--batch", type=int, default=32); p.add_argument("--micro", type=int, default=8)
p.add_argument("--steps", type=int, default=3); p.add_argument("--warmup", type=int, default=1); p.add_argument("--classes", type=int, default=10)
a = p.parse_args()
torch.manual_seed(0)

class Block(nn.Module):
    def __init__(s, w, h):
        super().__init__(); s.n1 = nn.LayerNorm(w, eps=1e-6); s.qkv = nn.Linear(w, 3 * w); s.proj = nn.Linear(w, w)
        s.n2 = nn.LayerNorm(w, eps=1e-6); s.fc1 = nn.Linear(w, 4 * w); s.fc2 = nn.Linear(4 * w, w); s.h = h
    def forward(s, x):
        B, T, W = x.shape
        q, k, v = s.qkv(s.n1(x)).reshape(B, T, 3, s.h, W // s.h).permute(2, 0, 3, 1, 4)
        att = torch.softmax(q @ k.transpose(-1, -2) / (W // s.h) ** 0.5, -1)
        x = x + s.proj((att @ v).transpose(1, 2).reshape(B, T, W))
        return x + s.fc2(F.gelu(s.fc1(s.n2(x)), approximate="tanh"))

class Model(nn.Module):
    def __init__(s):
        super().__init__(); s.proj = nn.Linear(a.dim, a.width); s.pn = nn.LayerNorm(a.width, eps=1e-6)
        s.cls = nn.Parameter(torch.zeros(1, 1, a.width)); s.pos = nn.Parameter(torch.zeros(1, a.tokens + 1, a.width))
        s.blocks = nn.ModuleList([Block(a.width, a.heads) for _ in range(a.depth)]); s.norm = nn.LayerNorm(a.width, eps=1e-6); s.head = nn.Linear(a.width, a.classes)
    def forward(s, x):
        x = s.pn(s.proj(x)); x = torch.cat([s.cls.expand(x.shape[0], -1, -1), x], 1) + s.pos
        for b in s.blocks: x = b(x)
        return s.head(s.norm(x[:, 0]))

m = Model(); opt = torch.optim.AdamW(m.parameters(), lr=5e-4, weight_decay=0.05)
x = torch.randn(a.batch, a.tokens, a.dim); y = torch.randint(0, a.classes, (a.batch,))
times = []
for i in range(a.warmup + a.steps):
    t = time.perf_counter(); opt.zero_grad(set_to_none=True)
    for s in range(0, a.batch, a.micro):
        loss = F.cross_entropy(m(x[s:s + a.micro]), y[s:s + a.micro], label_smoothing=0.1, reduction="sum") / a.batch
        loss.backward()
    torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step()
    if i >= a.warmup: times.append(time.perf_counter() - t)
step = sum(times) / len(times)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "stepMs": step * 1000, "imagesPerSec": a.batch / step,
                  "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "params": sum(p.numel() for p in m.parameters())}))
