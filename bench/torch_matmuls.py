"""PyTorch CPU side of bench/train-core.ts's products-only timing: the matrix products of one
training step (the JSON list of bench/step-matmuls.ts on stdin), each `times` times, on
transposed views where the step transposes. Prints one JSON line: stepMs (mean of --steps)."""
import argparse, json, sys, time
import torch

p = argparse.ArgumentParser(); p.add_argument("--steps", type=int, default=3); p.add_argument("--warmup", type=int, default=1)
a = p.parse_args()
specs = json.load(sys.stdin)
torch.manual_seed(0)

def operand(b, rows, cols, t):
    x = torch.randn(b, cols, rows) if t else torch.randn(b, rows, cols)
    x = x.transpose(-1, -2) if t else x
    return x[0] if b == 1 else x

ops = [(operand(s["batch"], s["m"], s["k"], s["ta"]), operand(s["batch"], s["k"], s["n"], s["tb"]), s["times"]) for s in specs]
times = []
with torch.no_grad():
    for i in range(a.warmup + a.steps):
        t = time.perf_counter()
        for x, y, n in ops:
            for _ in range(n): torch.matmul(x, y)
        if i >= a.warmup: times.append(time.perf_counter() - t)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "stepMs": sum(times) / len(times) * 1000}))
