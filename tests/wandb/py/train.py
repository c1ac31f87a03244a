"""A training script as a user writes it: only WANDB_BASE_URL / WANDB_API_KEY point it at Loffta.

Env (set by tests/wandb/harness.ts): STEPS, PROJECT, RUN_ID (resume), RESUME, START, HANG (seconds
to sleep after logging, to be killed), HEARTBEAT (while hanging, log an `alive` point every so many
seconds and let the client send every so often: a live script the server can never take for a
crashed one, whatever its crash window), EXIT_CODE, ENTITY, BATCH (steps per print line), SLEEP
(seconds per step: a run that trains while the dashboard watches), TIMINGS (a file: the time of
each wandb.log call is summarised there as JSON, for bench:wandb).
"""
import math
import os
import sys
import time

import wandb

steps = int(os.environ.get("STEPS", "100"))
start = int(os.environ.get("START", "0"))
kwargs = {}
if os.environ.get("RUN_ID"):
    kwargs["id"] = os.environ["RUN_ID"]
if os.environ.get("RESUME"):
    kwargs["resume"] = os.environ["RESUME"]
heartbeat = float(os.environ["HEARTBEAT"]) if os.environ.get("HEARTBEAT") else None
if heartbeat:
    kwargs["settings"] = wandb.Settings(x_file_stream_transmit_interval=heartbeat)
run = wandb.init(
    project=os.environ.get("PROJECT", "wandb-e2e"),
    entity=os.environ.get("ENTITY") or None,
    name=os.environ.get("RUN_NAME", "external-run"),
    config={"lr": 0.001, "optimizer": {"name": "adamw", "betas": [0.9, 0.999]}, "epochs": 3, "note": "free-form"},
    tags=["external", "wandb"],
    notes="trained elsewhere",
    group="exp-group",
    job_type="train",
    **kwargs,
)
print(f"run id {run.id} starting at step {start}", flush=True)
timings = [] if os.environ.get("TIMINGS") else None
for i in range(start, start + steps):
    t_call = time.perf_counter()
    wandb.log(
        {
            "loss": 1.0 / (i + 1),
            "acc": i / (start + steps),
            "lr": 0.001 * math.cos(i / 100.0),
            "train": {"grad_norm": float(i % 7)},
            "ok": i % 2 == 0,
            "phase": "train",  # not numeric: skipped
        },
        step=i,
    )
    if timings is not None:
        timings.append(time.perf_counter() - t_call)
    if i % int(os.environ.get("BATCH", "1000")) == 0:
        print(f"step {i}", flush=True)
    if os.environ.get("SLEEP"):
        time.sleep(float(os.environ["SLEEP"]))
print("a warning on stderr", file=sys.stderr, flush=True)
run.summary["images_per_sec"] = 250.0
run.summary["peak_memory_bytes"] = 123456789
run.summary["accuracy"] = 0.875
if os.environ.get("HANG"):
    print("hanging", flush=True)
    until = time.monotonic() + float(os.environ["HANG"])
    k = 0
    while heartbeat and time.monotonic() < until:
        wandb.log({"alive": k}, step=start + steps + k)
        k += 1
        time.sleep(heartbeat)
    time.sleep(max(0.0, until - time.monotonic()))
t_finish = time.perf_counter()
run.finish(exit_code=int(os.environ.get("EXIT_CODE", "0")))
if timings is not None:
    import json

    timings.sort()
    q = lambda p: timings[min(len(timings) - 1, int(p * len(timings)))] * 1e6
    with open(os.environ["TIMINGS"], "w") as f:
        json.dump(
            {
                "calls": len(timings),
                "meanUs": sum(timings) / len(timings) * 1e6,
                "p50Us": q(0.5),
                "p99Us": q(0.99),
                "maxUs": timings[-1] * 1e6,
                "finishSeconds": time.perf_counter() - t_finish,
            },
            f,
        )
