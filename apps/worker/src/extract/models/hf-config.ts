/** Reading Hugging Face config.json values (with defaults and shape-based inference). */
export type HfConfig = Record<string, unknown>;

export function num(cfg: HfConfig, key: string, fallback: number): number {
  const v = cfg[key];
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}
export function bool(cfg: HfConfig, key: string, fallback: boolean): boolean {
  const v = cfg[key];
  return typeof v === "boolean" ? v : fallback;
}
export function str(cfg: HfConfig, key: string, fallback: string): string {
  const v = cfg[key];
  return typeof v === "string" ? v : fallback;
}

/** Number of blocks from weight names like `<stem>.<i>.` (max index + 1). */
export function countLayers(names: string[], stem: string): number {
  let max = -1;
  const re = new RegExp(`^${stem.replace(/\./g, "\\.")}\\.(\\d+)\\.`);
  for (const n of names) {
    const m = re.exec(n);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Standard heads for a width when no config says (head dim 64). */
export const defaultHeads = (dim: number): number => Math.max(1, Math.round(dim / 64));

