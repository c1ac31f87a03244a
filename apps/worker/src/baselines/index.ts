/** Image baselines (FROZEN_LINEAR, UNFROZEN_LINEAR) and training-cost measurements. */
export { trainOnImages, imageTrainStep, imageAugmentConfig, FINETUNE_MAX_MICRO_BATCH, IMAGE_AUGMENT_DEFAULTS } from "./train-images";
export type { BaselineKind, ImageAugmentOptions, ImageTrainSummary, TrainOnImagesOptions } from "./train-images";
export { calibrateFineTuning, measureCacheTraining } from "./calibrate";
export type { CalibrateFineTuningOptions, CalibrationResult, MeasureCacheTrainingOptions } from "./calibrate";
export { measureInChild, runMeasurement, MEASURE_CLI } from "./measure";
export type { CacheMeasureSpec, FineTuneMeasureSpec, MeasureInChildOptions, MeasureResult, MeasureSpec } from "./measure";
export { BaselineError, buildImageClassifier, loadBackbone } from "./finetune-model";
export type { ImageClassifier } from "./finetune-model";
export { writeRandomDinov2, DINOV2_SHAPES } from "./random-model";
export type { RandomDinov2Shape } from "./random-model";
