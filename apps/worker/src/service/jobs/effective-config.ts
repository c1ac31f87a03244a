import { RunConfigError, resolveRunConfig, type RunConfig } from "@loffta/graphql/domain";
import type { WorkerRunFragment } from "../../generated/graphql";
import { PermanentJobError } from "../worker";

/**
 * The run's stored config, resolved for its kind: the API stored the effective config
 * (resolveRunConfig), so this returns it unchanged; the worker applies exactly this and sends it
 * back with the result (the API checks it and stores it as what ran).
 */
export function effectiveConfig(run: WorkerRunFragment): RunConfig {
  try {
    const config = resolveRunConfig(run.kind, run.config);
    if (config.seed !== run.seed) throw new PermanentJobError(`run ${run.id}: config.seed ${config.seed} is not the run's seed ${run.seed}`);
    return config;
  } catch (e) {
    if (e instanceof RunConfigError) throw new PermanentJobError(e.message);
    throw e;
  }
}

