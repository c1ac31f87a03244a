/**
 * The files a run may register as artifacts (registerRunArtifacts): each name once, with its
 * kind and what it holds. The worker writes them, the API derives each one's object-store key from
 * the name (`runArtifactKey`, @loffta/graphql/object-store) — a client never names a key.
 */
import type { ArtifactKind } from "../generated/schema-types";

export type { ArtifactKind };

export interface RunArtifactSpec {
  kind: ArtifactKind;
  /** Where in the run's part of the store it lives, relative to `runs/<run id>/`. */
  path: string;
  contentType: string;
  description: string;
}

export const RUN_ARTIFACTS = {
  "last.safetensors": {
    kind: "CHECKPOINT",
    path: "checkpoints/last.safetensors",
    contentType: "application/octet-stream",
    description: "weights and optimizer state at the end of the last epoch (what a retried run resumes from)",
  },
  "best.safetensors": {
    kind: "CHECKPOINT",
    path: "checkpoints/best.safetensors",
    contentType: "application/octet-stream",
    description: "weights at the best evaluation of the run's metric",
  },
  "predictions.json": {
    kind: "PREDICTIONS",
    path: "predictions.json",
    contentType: "application/json",
    description: "the final evaluation per sample: dataset index, true and predicted label, class probabilities (format loffta.predictions/1)",
  },
} as const satisfies Record<string, RunArtifactSpec>;

export type RunArtifactName = keyof typeof RUN_ARTIFACTS;

export const isRunArtifactName = (name: string): name is RunArtifactName => Object.hasOwn(RUN_ARTIFACTS, name);

/** The predictions file of a run. */
export const PREDICTIONS_ARTIFACT: RunArtifactName = "predictions.json";
