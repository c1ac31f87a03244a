import type { JobHandler } from "./worker";
import { extractCache } from "./jobs/extract";
import { trainRun } from "./jobs/train";

/** What this worker can run, by job type. */
export const jobHandlers: Record<string, JobHandler> = {
  EXTRACT: extractCache,
  TRAIN: trainRun,
};
