/**
 * The image baselines among the run kinds: those whose RUN_KINDS[k].source is "images" (the
 * catalogue, @loffta/graphql/domain). Which one fine-tunes the backbone is its role there.
 */
import { RUN_KIND_ORDER, RUN_KINDS } from "@loffta/graphql/domain";
import type { RunKind } from "@loffta/graphql/domain";

/**
 * Run kinds trained on images. RUN_KINDS is typed Record<RunKind, RunKindSpec>, so the union is
 * named here and checked against the catalogue at run time (isBaselineKind, BASELINE_RUN_KINDS).
 */
export type BaselineKind = Extract<RunKind, "FROZEN_LINEAR" | "UNFROZEN_LINEAR">;

/** Whether a run kind trains on images (RUN_KINDS[kind].source === "images"). */
export function isBaselineKind(kind: string): kind is BaselineKind {
  return Object.prototype.hasOwnProperty.call(RUN_KINDS, kind) && RUN_KINDS[kind as RunKind].source === "images";
}

/** The image baselines, in the catalogue's display order. */
export const BASELINE_RUN_KINDS: BaselineKind[] = RUN_KIND_ORDER.filter(isBaselineKind);

/** Whether a baseline trains the backbone (role "finetune") rather than keeping it frozen. */
export function finetunesBackbone(kind: BaselineKind): boolean {
  return RUN_KINDS[kind].role === "finetune";
}
