/** Image baselines (FROZEN_LINEAR, UNFROZEN_LINEAR) and training-cost measurements. */
export { trainOnImages, imageTrainStep, imageAugmentConfig } from "./train-images";
export type { ImageTrainSummary, TrainOnImagesOptions } from "./train-images";
export { BASELINE_RUN_KINDS, finetunesBackbone, isBaselineKind } from "./kinds";
export type { BaselineKind } from "./kinds";
export { calibrateFineTuning, measureCacheTraining } from "./calibrate";
export type { CalibrateFineTuningOptions, CalibrationResult, MeasureCacheTrainingOptions } from "./calibrate";
export { measureInChild, runMeasurement, MEASURE_CLI } from "./measure";
export type { CacheMeasureSpec, FineTuneMeasureSpec, MeasureInChildOptions, MeasureResult, MeasureSpec } from "./measure";
export { BaselineError, buildImageClassifier, loadBackbone } from "./finetune-model";
export type { ImageClassifier } from "./finetune-model";
export { writeRandomDinov2, DINOV2_SHAPES } from "./random-model";
export type { RandomDinov2Shape } from "./random-model";
