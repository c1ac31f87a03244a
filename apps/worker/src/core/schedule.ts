/** Learning-rate schedule: linear warm-up from 0, then cosine decay to minLr (or constant). */
export interface ScheduleOptions {
  baseLr: number;
  totalSteps: number;
  warmupSteps: number;
  cosine: boolean;
  minLr: number;
}

export function learningRate(step: number, o: ScheduleOptions): number {
  if (o.warmupSteps > 0 && step < o.warmupSteps) return (o.baseLr * (step + 1)) / o.warmupSteps;
  if (!o.cosine) return o.baseLr;
  const decaySteps = Math.max(1, o.totalSteps - o.warmupSteps);
  const t = Math.min(1, (step - o.warmupSteps) / decaySteps);
  return o.minLr + 0.5 * (o.baseLr - o.minLr) * (1 + Math.cos(Math.PI * t));
}
