/** Extraction progress: callback payload, rate / ETA, and a stderr progress bar. */
export interface ExtractProgress {
  phase: "extracting" | "done" | "cancelled";
  /** Images processed (written or skipped), including those found done on resume. */
  done: number;
  total: number;
  skipped: number;
  shardsWritten: number;
  /** Images per second over this run (resumed items excluded). */
  imagesPerSec: number;
  /** Seconds left at the current rate (null until measurable). */
  etaSec: number | null;
  elapsedSec: number;
}

export type ProgressCallback = (p: ExtractProgress) => void;

const fmtTime = (s: number): string => {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
};

export function formatProgress(p: ExtractProgress, width = 30): string {
  const frac = p.total ? p.done / p.total : 1;
  const fill = Math.round(frac * width);
  const eta = p.etaSec === null ? "--:--" : fmtTime(p.etaSec);
  return `[${"#".repeat(fill)}${"-".repeat(width - fill)}] ${p.done}/${p.total} ${(frac * 100).toFixed(0)}% ${p.imagesPerSec.toFixed(1)} img/s ETA ${eta}${p.skipped ? ` skipped ${p.skipped}` : ""}`;
}

export class ProgressTracker {
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private lastLine = "";
  private processedThisRun = 0;
  constructor(
    readonly total: number,
    private done: number,
    private readonly opts: { onProgress?: ProgressCallback; bar?: boolean; stream?: NodeJS.WriteStream },
  ) {}

  snapshot(phase: ExtractProgress["phase"], skipped: number, shards: number): ExtractProgress {
    const elapsedSec = (performance.now() - this.t0) / 1000;
    const imagesPerSec = elapsedSec > 0 ? this.processedThisRun / elapsedSec : 0;
    const left = this.total - this.done;
    return { phase, done: this.done, total: this.total, skipped, shardsWritten: shards, imagesPerSec, etaSec: imagesPerSec > 0 ? left / imagesPerSec : left === 0 ? 0 : null, elapsedSec };
  }

  advance(n: number, skipped: number, shards: number, phase: ExtractProgress["phase"] = "extracting"): ExtractProgress {
    this.done += n;
    this.processedThisRun += n;
    const p = this.snapshot(phase, skipped, shards);
    this.opts.onProgress?.(p);
    this.draw(p, phase !== "extracting");
    return p;
  }

  draw(p: ExtractProgress, force = false): void {
    if (!this.opts.bar) return;
    const s = this.opts.stream ?? process.stderr;
    const now = performance.now();
    if (s.isTTY) {
      if (!force && now - this.lastDraw < 100) return;
      s.write(`\r${formatProgress(p)}${force ? "\n" : ""}`);
    } else {
      const line = formatProgress(p);
      if ((!force && now - this.lastDraw < 2000) || line === this.lastLine) return;
      s.write(`${line}\n`);
      this.lastLine = line;
    }
    this.lastDraw = now;
  }
}
