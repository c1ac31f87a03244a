/** Progress line on stderr: epoch, step, loss, images/s, ETA. Redraws in place on a TTY. */
export interface ProgressState {
  epoch: number;
  epochs: number;
  step: number;
  totalSteps: number;
  loss: number;
  imagesPerSec: number;
  lr: number;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return "--:--";
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}`
    : `${m}:${String(r).padStart(2, "0")}`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, width = 24) {
  const tty = !!stream.isTTY;
  const started = Date.now();
  let lastPrint = 0;
  let firstStep = -1;
  let ema = 0;
  const line = (p: ProgressState): string => {
    const frac = p.totalSteps ? Math.min(1, p.step / p.totalSteps) : 0;
    const filled = Math.round(frac * width);
    const bar = "#".repeat(filled) + "-".repeat(width - filled);
    if (firstStep < 0) firstStep = p.step;
    ema = ema ? 0.9 * ema + 0.1 * p.imagesPerSec : p.imagesPerSec;
    const elapsed = (Date.now() - started) / 1000;
    const done = p.step - firstStep + 1;
    const eta = done > 0 ? ((p.totalSteps - p.step) * elapsed) / done : NaN;
    return `epoch ${p.epoch + 1}/${p.epochs} [${bar}] step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(4)} ${ema.toFixed(1)} img/s ETA ${formatDuration(eta)}`;
  };
  return {
    update(p: ProgressState): void {
      const now = Date.now();
      if (tty) {
        if (now - lastPrint < 100 && p.step < p.totalSteps) return;
        stream.write(`\r${line(p)}\x1b[K`);
      } else {
        // Non-TTY (logs, pipes): a line every 5 s.
        const l = line(p);
        if (now - lastPrint < 5000 && p.step < p.totalSteps) return;
        stream.write(l + "\n");
      }
      lastPrint = now;
    },
    message(msg: string): void {
      stream.write((tty ? "\r\x1b[K" : "") + msg + "\n");
    },
    done(): void {
      if (tty) stream.write("\n");
    },
  };
}
