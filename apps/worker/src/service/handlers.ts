import type { JobHandler } from "./worker";
import { trainOnCache } from "./jobs/train";

/** What this worker can run, by job type. */
export const jobHandlers: Record<string, JobHandler> = {
  TRAIN: trainOnCache,
};
