import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import type {
  Team as TeamModel,
  User as UserModel,
  Dataset as DatasetModel,
  FoundationModel as FoundationModelModel,
  FeatureCache as FeatureCacheModel,
  Project as ProjectModel,
  Run as RunModel,
  Calibration as CalibrationModel,
  Report as ReportModel,
  ReportPlot as ReportPlotModel,
  Worker as WorkerModel,
  Job as JobModel,
  Artifact as ArtifactModel,
  Sweep as SweepModel,
} from "@loffta/db";
import type { Viewer as ViewerModel } from "../auth";
import type { TokenRow, CreatedTokenRow } from "../services/tokens";
import type { RunPage } from "../services/runs";
import type { Comparison, EfficiencyRow, CostRow } from "../services/compare";
import type { HeartbeatOutcome, ProgressOutcome } from "../services/queue";
import type { Evaluation } from "../services/artifacts";
import type { Economics, Rescan } from "../services/cache-economics";
import type {
  BreakEven as BreakEvenModel,
  CostReference as CostReferenceModel,
} from "@loffta/graphql/domain";
import type { SweepGroupRow, SweepPage } from "../services/sweeps";
import type { Context } from "../context";
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** An ISO-8601 date-time in UTC, e.g. `2026-01-31T12:00:00.000Z`. */
  DateTime: { input: string; output: Date | string };
  /** Any JSON value (object, array, string, number, boolean or null). */
  JSON: { input: unknown; output: unknown };
};

/** Input of `addTeamMember`. */
export type AddTeamMemberInput = {
  /** E-mail address (stored in lower case), unique across all teams. */
  email: Scalars["String"]["input"];
  /** Display name, 1–200 characters. */
  name: Scalars["String"]["input"];
};

/** A bearer API token, as lists show it: never its secret nor the secret's hash. */
export type ApiToken = {
  __typename?: "ApiToken";
  /** True while it works: neither revoked nor expired. */
  active: Scalars["Boolean"]["output"];
  /** When it was issued. */
  createdAt: Scalars["DateTime"]["output"];
  /** True for the token making this request. */
  current: Scalars["Boolean"]["output"];
  /** When it stops working, null when never. */
  expiresAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Token id (UUID); pass it to `revokeToken`. */
  id: Scalars["ID"]["output"];
  /** When it was last used (to within a minute), null when never. */
  lastUsedAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Name, to recognise it. */
  name: Scalars["String"]["output"];
  /** Public prefix (`lft_` and 6 more characters): the start of the secret. */
  prefix: Scalars["String"]["output"];
  /** When it was revoked, null when not. */
  revokedAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** What it may do. */
  scopes: Array<TokenScope>;
  /** The user it was issued to; null for service tokens (e.g. workers). */
  user?: Maybe<User>;
};

/** Result of `appendRunLogs`. */
export type AppendRunLogsResult = {
  __typename?: "AppendRunLogsResult";
  /** Lines ignored because the run already had their `seq` (a retried batch). */
  duplicates: Scalars["Int"]["output"];
  /** Lines stored by this call. */
  inserted: Scalars["Int"]["output"];
};

/**
 * A file a run produced, kept in the platform's object store. `bytes` and `sha256` are what the API
 * read from the store when the worker registered it.
 */
export type Artifact = {
  __typename?: "Artifact";
  /** Size in bytes. */
  bytes: Scalars["Float"]["output"];
  /** When it was (last) registered. */
  createdAt: Scalars["DateTime"]["output"];
  /** Path on the API (`/artifacts/<id>`) that answers the file to a GET with a bearer token of the run's team (scope READ). */
  downloadPath: Scalars["String"]["output"];
  id: Scalars["ID"]["output"];
  kind: ArtifactKind;
  /** File name within the run, e.g. `best.safetensors`. */
  name: Scalars["String"]["output"];
  /** Hex sha256 of the stored bytes. */
  sha256: Scalars["String"]["output"];
};

/**
 * What an artifact is. The names a worker may register, and the kind of each, are the catalogue's
 * (`@loffta/graphql/domain` RUN_ARTIFACTS): `last.safetensors`, `best.safetensors` (CHECKPOINT),
 * `predictions.json` (PREDICTIONS).
 */
export type ArtifactKind =
  /** Classifier weights (and, for `last`, the optimizer state to resume from). */
  | "CHECKPOINT"
  /** One row per evaluated sample: dataset index, true label, predicted label, class probabilities. */
  | "PREDICTIONS"
  /** A report's files. */
  | "REPORT";

/** The cache's runs against one reference: what their images would have cost there. */
export type CacheBreakEven = {
  __typename?: "CacheBreakEven";
  /** Runs (in the order they finished) after which the time saved covered the build; null: not yet. */
  breakEvenRuns?: Maybe<Scalars["Int"]["output"]>;
  reference: CostReference;
  /** Seconds the runs' images would have taken at the reference's speed. */
  referenceSeconds: Scalars["Float"]["output"];
  /** The same in device-hours. */
  savedHours: Scalars["Float"]["output"];
  /** Average time a run saved against the reference, seconds. */
  savedPerRunSeconds?: Maybe<Scalars["Float"]["output"]>;
  /** referenceSeconds − the runs' training seconds − the build's seconds (negative: not yet paid off). */
  savedSeconds: Scalars["Float"]["output"];
};

/**
 * Cache economics: build cost, reuse and break-even. Only LOFF / LOFF_TA runs that SUCCEEDED count
 * (they read the cached tokens); image baselines that name the cache do not.
 */
export type CacheEconomics = {
  __typename?: "CacheEconomics";
  /** Against each reference there is: a fine-tuning (UNFROZEN_LINEAR) and a Frozen+linear run on the cache, else the fine-tuning calibration. */
  breakEven: Array<CacheBreakEven>;
  /** extractSeconds (null until extracted). */
  buildSeconds?: Maybe<Scalars["Float"]["output"]>;
  /** Backbone forward passes those runs did not run: Σ of their `imagesSeen` (images their optimizer steps read). */
  forwardPassesAvoided: Scalars["Float"]["output"];
  /** Finished runs that trained on the cached tokens. */
  readingRuns: Scalars["Int"]["output"];
  /** Σ of their training wall seconds. */
  trainingSeconds: Scalars["Float"]["output"];
};

/** Results of an EXTRACT job. */
export type CacheResultInput = {
  /** Size on storage in bytes. */
  bytes: Scalars["Float"]["input"];
  /** Content hash of the dataset as the worker scanned it (sha256 over its sorted `path<TAB>size` lines). */
  datasetContentHash?: InputMaybe<Scalars["String"]["input"]>;
  /** Token width D. */
  dim: Scalars["Int"]["input"];
  /** Storage dtype, e.g. `float16`. */
  dtype?: InputMaybe<Scalars["String"]["input"]>;
  /** The worker's device. */
  extractDevice?: InputMaybe<Scalars["String"]["input"]>;
  /** Peak resident memory of the extracting process, bytes. */
  extractPeakMemoryBytes?: InputMaybe<Scalars["Float"]["input"]>;
  /** Wall seconds of this attempt's extraction (upload to the object store excluded). */
  extractSeconds?: InputMaybe<Scalars["Float"]["input"]>;
  /** Token grid height after pooling. */
  gridH: Scalars["Int"]["input"];
  /** Token grid width after pooling. */
  gridW: Scalars["Int"]["input"];
  /** Extraction throughput (images/s). */
  imagesPerSec?: InputMaybe<Scalars["Float"]["input"]>;
  /** SHA-256 of its manifest. */
  manifestSha256?: InputMaybe<Scalars["String"]["input"]>;
  /** Normalisation mean the extraction applied. */
  mean?: InputMaybe<Array<Scalars["Float"]["input"]>>;
  /** Number of shard files. */
  shardCount: Scalars["Int"]["input"];
  /** Skipped images (at most 1000; `skippedCount` counts them all): path relative to the dataset, and why. */
  skipped?: InputMaybe<Array<SkippedImageInput>>;
  /** Images skipped as unreadable. */
  skippedCount?: InputMaybe<Scalars["Int"]["input"]>;
  /** Images written per split (skipped images excluded). */
  splitCounts?: InputMaybe<Array<SplitCountInput>>;
  /** Normalisation standard deviation the extraction applied. */
  std?: InputMaybe<Array<Scalars["Float"]["input"]>>;
  /** Where it is stored. */
  storageUri: Scalars["String"]["input"];
  /** SHA-256 of the weights the extraction read. */
  weightsSha256?: InputMaybe<Scalars["String"]["input"]>;
};

/** Lifecycle of a feature cache. */
export type CacheStatus =
  /** A worker is extracting features. */
  | "EXTRACTING"
  /** Extraction failed for good; see `error`. */
  | "FAILED"
  /** Requested; an EXTRACT job waits for a worker. */
  | "PENDING"
  /** Complete and usable by runs. */
  | "READY";

/**
 * The cost of fine-tuning a foundation model (UNFROZEN_LINEAR steps on random images), measured
 * once per model, resolution, batch size and worker device. LOFF and LOFF_TA runs without a
 * baseline run state their speed-up and memory saving against it.
 */
export type Calibration = {
  __typename?: "Calibration";
  /** Batch size (accumulated over micro-batches as the runs do). */
  batchSize: Scalars["Int"]["output"];
  /** When it was measured. */
  createdAt: Scalars["DateTime"]["output"];
  /** The worker device it was measured on, e.g. `tfjs-node (native TensorFlow, CPU)`. */
  device: Scalars["String"]["output"];
  /** Calibration id. */
  id: Scalars["ID"]["output"];
  /** Fine-tuning throughput (images/s, steady state). */
  imagesPerSec: Scalars["Float"]["output"];
  /** The foundation model that was fine-tuned. */
  model: FoundationModel;
  /** Peak memory of the measuring process in bytes. */
  peakMemoryBytes: Scalars["Float"]["output"];
  /** Input resolution in pixels. */
  resolution: Scalars["Int"]["output"];
  /** Timed optimizer steps. */
  steps: Scalars["Int"]["output"];
};

/** A fine-tuning calibration measured by a worker (see `Calibration`). The model is the run's cache's model. */
export type CalibrationInput = {
  /** Batch size. */
  batchSize: Scalars["Int"]["input"];
  /** Worker device. */
  device: Scalars["String"]["input"];
  /** Fine-tuning throughput (images/s). */
  imagesPerSec: Scalars["Float"]["input"];
  /** Peak memory in bytes. */
  peakMemoryBytes: Scalars["Float"]["input"];
  /** Input resolution in pixels. */
  resolution: Scalars["Int"]["input"];
  /** Timed optimizer steps. */
  steps: Scalars["Int"]["input"];
};

/** One configuration value that differs between compared runs. */
export type ConfigDifference = {
  __typename?: "ConfigDifference";
  /** Dotted path of the value, e.g. `augment.flip.p`. */
  path: Scalars["String"]["output"];
  /** The value in each run, in the order of `RunComparison.runs` (null when the run lacks it). */
  values: Array<Maybe<Scalars["JSON"]["output"]>>;
};

/**
 * Inclusive numeric range on one value of the effective run configuration. Runs whose value at
 * the path is missing or not a number never match.
 */
export type ConfigRangeFilter = {
  /** Upper bound, inclusive; omitted: none. */
  max?: InputMaybe<Scalars["Float"]["input"]>;
  /** Lower bound, inclusive; omitted: none. */
  min?: InputMaybe<Scalars["Float"]["input"]>;
  /** Dotted JSON path into the config, e.g. `optimizer.lr`. */
  path: Scalars["String"]["input"];
};

/** Equality on one value of the run configuration. */
export type ConfigValueFilter = {
  /** Dotted JSON path into the config, e.g. `augment.noiseStd` or `optimizer.lr`. */
  path: Scalars["String"]["input"];
  /** The value it must equal (compared as JSON: `0.5`, `"adamw"`, `true`). */
  value: Scalars["JSON"]["input"];
};

/** The speed of a training that runs the backbone on every step, to compare the cache's runs with. */
export type CostReference = {
  __typename?: "CostReference";
  imagesPerSec: Scalars["Float"]["output"];
  /** UNFROZEN_LINEAR (fine-tuning) or FROZEN_LINEAR. */
  kind: RunKind;
  /** The run measured (source RUN). */
  run?: Maybe<Run>;
  source: CostReferenceSource;
};

/** Where a reference speed comes from. */
export type CostReferenceSource =
  /** The model's fine-tuning calibration at the cache's resolution. */
  | "CALIBRATION"
  /** A finished run of the kind on this cache (its training images/s). */
  | "RUN";

/** Input of `createProject`. */
export type CreateProjectInput = {
  /** Free-text description. */
  description?: InputMaybe<Scalars["String"]["input"]>;
  /** Name, unique in the team (1–200 characters). */
  name: Scalars["String"]["input"];
};

/** Input of `createToken`. */
export type CreateTokenInput = {
  /** When it stops working (in the future). A non-ADMIN token may not issue one outliving itself: omitted, its own expiry applies. */
  expiresAt?: InputMaybe<Scalars["DateTime"]["input"]>;
  /** Name, 1–100 characters. */
  name: Scalars["String"]["input"];
  /** Scopes, at least one. READ goes alone. A non-ADMIN token may only give scopes it holds (and READ), never ADMIN. */
  scopes: Array<TokenScope>;
  /** ADMIN only: a service token, of no user (for workers and automation; not revoked when a member is removed). Not with `userId`. */
  service?: InputMaybe<Scalars["Boolean"]["input"]>;
  /** ADMIN only: the member of the team to issue it to. Omitted: the caller's user. */
  userId?: InputMaybe<Scalars["ID"]["input"]>;
};

/** Answer to `createToken`: the token and its secret. */
export type CreatedToken = {
  __typename?: "CreatedToken";
  /** The secret (`lft_…`) to send as `Authorization: Bearer …`. Shown in this answer only: the API stores only its SHA-256. */
  secret: Scalars["String"]["output"];
  /** The new token. */
  token: ApiToken;
};

/** A curve of one class against the rest. */
export type Curve = {
  __typename?: "Curve";
  /** ROC: area under the curve; PR: average precision. `null` when the evaluation lacks positives or negatives of the class. */
  area?: Maybe<Scalars["Float"]["output"]>;
  /** The positive class (binary tasks: class 1). */
  classIndex: Scalars["Int"]["output"];
  /** Its name. */
  className: Scalars["String"]["output"];
  kind: CurveKind;
  negatives: Scalars["Int"]["output"];
  /** The curve, at most 200 points (the area uses every sample). */
  points: Array<CurvePoint>;
  /** Positives and negatives of the class in the evaluation. */
  positives: Scalars["Int"]["output"];
};

/** Which curve. */
export type CurveKind =
  /** Precision–recall: recall (x) against precision (y); area = average precision. */
  | "PR"
  /** Receiver operating characteristic: false-positive rate (x) against true-positive rate (y); area = ROC-AUC. */
  | "ROC";

/** One point of a curve. */
export type CurvePoint = {
  __typename?: "CurvePoint";
  /** Score at or above which a sample counts as positive (`null` for the ROC curve's start, threshold +∞). */
  threshold?: Maybe<Scalars["Float"]["output"]>;
  x: Scalars["Float"]["output"];
  y: Scalars["Float"]["output"];
};

/** A labelled image dataset on storage the workers can read. */
export type Dataset = {
  __typename?: "Dataset";
  /** Feature caches computed from this dataset. */
  caches: Array<FeatureCache>;
  /** Class names, sorted; the class index of a label is its position here. */
  classNames: Array<Scalars["String"]["output"]>;
  /** SHA-256 of the sorted relative paths and sizes: changes when files are added, removed or resized. */
  contentHash?: Maybe<Scalars["String"]["output"]>;
  /** When it was registered. */
  createdAt: Scalars["DateTime"]["output"];
  /** Why the scan failed, when it did. */
  error?: Maybe<Scalars["String"]["output"]>;
  /** Dataset id (UUID). */
  id: Scalars["ID"]["output"];
  /** Total number of images over all splits. */
  imageCount: Scalars["Int"]["output"];
  /** File layout. */
  layout: DatasetLayout;
  /** Name, unique in the team. */
  name: Scalars["String"]["output"];
  /** Root folder (IMAGE_FOLDER) or manifest file (CSV_MANIFEST), as a path or `file://` URI. */
  rootUri: Scalars["String"]["output"];
  /** Images per split. */
  splitCounts: Array<SplitCount>;
  /** Registration status. */
  status: DatasetStatus;
  /** When it was last changed. */
  updatedAt: Scalars["DateTime"]["output"];
};

/** How a dataset's files are laid out. */
export type DatasetLayout =
  /** A CSV file with the header `path,label,split`; paths are relative to the CSV's folder. */
  | "CSV_MANIFEST"
  /** `root/<class>/<image>`, or `root/{train,val,test}/<class>/<image>` when split folders exist. */
  | "IMAGE_FOLDER";

/** What rescanDataset found. */
export type DatasetRescan = {
  __typename?: "DatasetRescan";
  /** Whether its content differs from what was registered or last scanned. */
  changed: Scalars["Boolean"]["output"];
  dataset: Dataset;
  /** Caches it marked stale now. */
  staleCaches: Array<FeatureCache>;
};

/** Lifecycle of a dataset registration. */
export type DatasetStatus =
  /** The scan failed; see `error`. */
  | "FAILED"
  /** Scanned: classes, split counts and content hash are known. */
  | "READY"
  /** Registered, not scanned yet. */
  | "REGISTERED"
  /** Being scanned. */
  | "SCANNING";

/** One evaluated sample. */
export type EvalSample = {
  __typename?: "EvalSample";
  /** Probability of the predicted class. */
  confidence: Scalars["Float"]["output"];
  /** Dataset index (position in the dataset scan): `GET /runs/<run id>/samples/<index>/image` answers its image. */
  index: Scalars["Int"]["output"];
  /** True class (index into `labelNames`). */
  label: Scalars["Int"]["output"];
  /** Relative path of the image in the dataset (`null` when the dataset no longer matches the run's, see `RunEvaluation.imagesAvailable`). */
  path?: Maybe<Scalars["String"]["output"]>;
  /** Predicted class. */
  predicted: Scalars["Int"]["output"];
  /** Class probabilities in `labelNames` order. */
  probs: Array<Scalars["Float"]["output"]>;
  /** Position in the evaluation (row of the predictions file). */
  row: Scalars["Int"]["output"];
};

/** A page of samples. */
export type EvalSamplePage = {
  __typename?: "EvalSamplePage";
  samples: Array<EvalSample>;
  /** Samples matching the filter (all pages). */
  total: Scalars["Int"]["output"];
};

/**
 * Patch tokens of one dataset through one frozen model at one resolution/pooling/layer,
 * computed once and reused by every LOFF / LOFF-TA run that names it.
 */
export type FeatureCache = {
  __typename?: "FeatureCache";
  /** Size on storage in bytes. */
  bytes?: Maybe<Scalars["Float"]["output"]>;
  /** When it was requested. */
  createdAt: Scalars["DateTime"]["output"];
  /** The images. */
  dataset: Dataset;
  /** Content hash of the dataset as the worker extracted it. */
  datasetContentHash?: Maybe<Scalars["String"]["output"]>;
  /** Token width D. */
  dim?: Maybe<Scalars["Int"]["output"]>;
  /** Storage dtype of the tensors, e.g. `float16`. */
  dtype: Scalars["String"]["output"];
  /** What the cache cost and what its runs saved (see CacheEconomics). */
  economics: CacheEconomics;
  /** Why extraction failed, when it did. */
  error?: Maybe<Scalars["String"]["output"]>;
  /** Device of the worker that extracted it. */
  extractDevice?: Maybe<Scalars["String"]["output"]>;
  /** Peak resident memory of the extracting process, bytes. */
  extractPeakMemoryBytes?: Maybe<Scalars["Float"]["output"]>;
  /** Wall seconds the extraction took, as the worker measured it (its last attempt; upload excluded). Null until extracted. */
  extractSeconds?: Maybe<Scalars["Float"]["output"]>;
  /** Backbone forward passes the extraction ran (images extracted, skipped ones included). */
  forwardPasses: Scalars["Int"]["output"];
  /** Token grid height after pooling. */
  gridH?: Maybe<Scalars["Int"]["output"]>;
  /** Token grid width after pooling. */
  gridW?: Maybe<Scalars["Int"]["output"]>;
  /** Cache id (UUID). */
  id: Scalars["ID"]["output"];
  /** Extraction throughput (images/s): what the cache cost to build. */
  imagesPerSec?: Maybe<Scalars["Float"]["output"]>;
  /** Transformer block the tokens come from, 1-based (1 … the model's depth; the last block's output is after the final norm). 0 for TF.js models (family OTHER), whose feature layer is named in the model's `options.tfjsLayer`. */
  layer: Scalars["Int"]["output"];
  /** SHA-256 of the cache manifest. */
  manifestSha256?: Maybe<Scalars["String"]["output"]>;
  /** Normalisation mean the extraction applied (pixels in [0, 1] → (x − mean) / std): the model's override, else its preprocessor_config.json, else the family default. Null until extracted. */
  mean?: Maybe<Array<Scalars["Float"]["output"]>>;
  /** The frozen model. */
  model: FoundationModel;
  /** k of the k×k average pooling of the token grid (1 = none). */
  pooling: Scalars["Int"]["output"];
  /** progressDone ÷ progressTotal between 0 and 1; null while the total is unknown. */
  progress?: Maybe<Scalars["Float"]["output"]>;
  /** Images extracted so far. */
  progressDone: Scalars["Int"]["output"];
  /** Images to extract in total (0 until known). */
  progressTotal: Scalars["Int"]["output"];
  /** Input resolution (pixels, square). */
  resolution: Scalars["Int"]["output"];
  /** How many runs train on this cache's tokens (LOFF and LOFF_TA; image baselines that only name it are not counted). */
  runCount: Scalars["Int"]["output"];
  /** Number of shard files. */
  shardCount: Scalars["Int"]["output"];
  /** Images the extraction skipped, with why (at most 1000; `skippedCount` counts all). */
  skipped: Array<SkippedImage>;
  /** Images skipped as unreadable during extraction. */
  skippedCount: Scalars["Int"]["output"];
  /** Images per split the extraction wrote (skipped images excluded), train, val, test order. Empty until extracted. */
  splitCounts: Array<SplitCount>;
  /** True once the cache no longer matches its dataset (see `staleReason`): requestFeatureCache builds a new one. */
  stale: Scalars["Boolean"]["output"];
  /** When it was found stale. */
  staleAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Why it is stale, e.g. the dataset's content changed since extraction. */
  staleReason?: Maybe<Scalars["String"]["output"]>;
  /** Lifecycle status. */
  status: CacheStatus;
  /** Normalisation standard deviation the extraction applied. Null until extracted. */
  std?: Maybe<Array<Scalars["Float"]["output"]>>;
  /** Where the cache is stored. */
  storageUri?: Maybe<Scalars["String"]["output"]>;
  /** When it last changed. */
  updatedAt: Scalars["DateTime"]["output"];
  /** SHA-256 of the weights the extraction read (computed by the worker). Null until extracted. */
  weightsSha256?: Maybe<Scalars["String"]["output"]>;
};

/** Filter of `featureCaches`. */
export type FeatureCacheFilter = {
  /** Only caches of this dataset. */
  datasetId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only caches of this model. */
  modelId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only caches in this status. */
  status?: InputMaybe<CacheStatus>;
};

/** A frozen foundation model whose patch tokens are cached. */
export type FoundationModel = {
  __typename?: "FoundationModel";
  /** Feature caches computed with this model. */
  caches: Array<FeatureCache>;
  /** When it was registered. */
  createdAt: Scalars["DateTime"]["output"];
  /** Input resolution the model was trained at. */
  defaultImageSize: Scalars["Int"]["output"];
  /** Number of transformer blocks. */
  depth: Scalars["Int"]["output"];
  /** Token width D. */
  embedDim: Scalars["Int"]["output"];
  /** Architecture family. */
  family: ModelFamily;
  /** Attention heads per block. */
  heads: Scalars["Int"]["output"];
  /** Model id (UUID). */
  id: Scalars["ID"]["output"];
  /** Normalisation mean override (RGB), when registered with one; null: the model's preprocessor_config.json, else the family default (what an extraction applied: `FeatureCache.mean`). */
  mean?: Maybe<Array<Scalars["Float"]["output"]>>;
  /** Name, unique in the team. */
  name: Scalars["String"]["output"];
  /** Family-specific options (register tokens, graph layer name, …). */
  options: Scalars["JSON"]["output"];
  /** Number of parameters, when known. */
  parameterCount?: Maybe<Scalars["Float"]["output"]>;
  /** Patch size in pixels. */
  patchSize: Scalars["Int"]["output"];
  /** Normalisation standard deviation override (RGB); null as for `mean`. */
  std?: Maybe<Array<Scalars["Float"]["output"]>>;
  /** SHA-256 of the weights: as registered, or as the worker computed it at the first extraction. */
  weightsSha256?: Maybe<Scalars["String"]["output"]>;
  /** Where the weights are (path or URI). */
  weightsUri: Scalars["String"]["output"];
};

/** Answer to a heartbeat. */
export type HeartbeatResult = {
  __typename?: "HeartbeatResult";
  /** Jobs this worker holds whose run was cancelled: stop them. */
  cancelledJobIds: Array<Scalars["ID"]["output"]>;
  /** The worker. */
  worker: Worker;
};

/** A unit of work in the queue. */
export type Job = {
  __typename?: "Job";
  /** Times it was claimed. */
  attempts: Scalars["Int"]["output"];
  /** Not claimable before this time (retry back-off). */
  availableAt: Scalars["DateTime"]["output"];
  /** The cache (EXTRACT, or the cache a TRAIN job waits for). */
  cache?: Maybe<FeatureCache>;
  /** When it was enqueued. */
  createdAt: Scalars["DateTime"]["output"];
  /** Job id (UUID). */
  id: Scalars["ID"]["output"];
  /** Last failure message. */
  lastError?: Maybe<Scalars["String"]["output"]>;
  /** When the lease ends unless renewed by heartbeat/reportProgress. */
  leaseExpiresAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Claims allowed before it fails for good. */
  maxAttempts: Scalars["Int"]["output"];
  /** What to do: `{ runId }` for TRAIN, `{ cacheId }` for EXTRACT. */
  payload: Scalars["JSON"]["output"];
  /** Higher first. */
  priority: Scalars["Int"]["output"];
  /** The run (TRAIN). */
  run?: Maybe<Run>;
  /** Lifecycle status. */
  status: JobStatus;
  /** Kind of work. */
  type: JobType;
  /** When it last changed. */
  updatedAt: Scalars["DateTime"]["output"];
  /** The worker holding the lease. */
  worker?: Maybe<Worker>;
};

/** Filter of `jobs`. */
export type JobFilter = {
  /** Only jobs of this run. */
  runId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only jobs in these statuses. */
  statuses?: InputMaybe<Array<JobStatus>>;
  /** Only jobs of this type. */
  type?: InputMaybe<JobType>;
};

/** Input of `completeJob`: set the part matching the job type. */
export type JobResultInput = {
  /** Results of an EXTRACT job. */
  cache?: InputMaybe<CacheResultInput>;
  /** Results of a TRAIN job. */
  run?: InputMaybe<RunResultInput>;
};

/** Lifecycle of a job. */
export type JobStatus =
  /** Cancelled with its run. */
  | "CANCELLED"
  /** Failed for good (attempts exhausted or not retryable). */
  | "FAILED"
  /** Waiting to be claimed. */
  | "QUEUED"
  /** Leased by a worker. */
  | "RUNNING"
  /** Done. */
  | "SUCCEEDED";

/** Kind of queued work. */
export type JobType =
  /** Extract a feature cache (payload: cacheId). */
  | "EXTRACT"
  /** Train a run (payload: runId). */
  | "TRAIN";

/** Input of `launchRun`. */
export type LaunchRunInput = {
  /** Fine-tuning (UNFROZEN_LINEAR) or external (EXTERNAL, logged with the wandb client) run of the same team to measure speed-up against. */
  baselineRunId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Feature cache: required for every kind (LOFF / LOFF_TA train on its tokens; the image baselines take its dataset, model and resolution). Not FAILED. */
  cacheId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Run configuration, resolved for the kind by `resolveRunConfig` (stored as the effective config); invalid fields, and asking for what the kind cannot do (e.g. tensor augmentations on LOFF), fail with BAD_USER_INPUT listing their paths. */
  config: Scalars["JSON"]["input"];
  /** What to train. */
  kind: RunKind;
  /** Display name (1–200 characters). */
  name: Scalars["String"]["input"];
  /** Notes. */
  notes?: InputMaybe<Scalars["String"]["input"]>;
  /** Project to launch in. */
  projectId: Scalars["ID"]["input"];
  /** Seed of initialisation, data order and augmentations. Omitted: `config.seed` (default 0); when both are given they must agree. */
  seed?: InputMaybe<Scalars["Int"]["input"]>;
  /** Tags. */
  tags?: InputMaybe<Array<Scalars["String"]["input"]>>;
};

/**
 * Input of `launchSweep`. What is shared with `LaunchRunInput` means the same; every run is
 * launched as `launchRun` launches one (the config resolved for the kind by `resolveRunConfig`,
 * the cache and baseline checked), all in one transaction: nothing is created when any setting is
 * invalid.
 */
export type LaunchSweepInput = {
  /** Fine-tuning or external baseline of every run (as `LaunchRunInput.baselineRunId`). */
  baselineRunId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Feature cache of every run (as `LaunchRunInput.cacheId`). */
  cacheId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Base run configuration: each run's config is it with the setting's values set at the swept paths and the run's seed. Leave `seed` out (the seeds are `seeds`). */
  config: Scalars["JSON"]["input"];
  /** RANDOM: how many settings to draw (1–256). Not with GRID. */
  count?: InputMaybe<Scalars["Int"]["input"]>;
  /** What every run trains (not EXTERNAL). */
  kind: RunKind;
  /** GRID or RANDOM. */
  method: SweepMethod;
  /** The final metric the sweep is judged by (a metric of the catalogue). Omitted: the base config's `earlyStopping.metric` (default `accuracy`). */
  metric?: InputMaybe<Scalars["String"]["input"]>;
  /** Name of the sweep (1–180 characters); its runs are named `<name>-<setting>-s<seed>`. */
  name: Scalars["String"]["input"];
  /** Notes of every run. */
  notes?: InputMaybe<Scalars["String"]["input"]>;
  /** The swept parameters (1–20, distinct paths). */
  parameters: Array<SweepParameterInput>;
  /** Project to launch in. */
  projectId: Scalars["ID"]["input"];
  /** RANDOM: seed of the draws (0 … 2^32 − 1, default 0): the same input draws the same settings. */
  seed?: InputMaybe<Scalars["Int"]["input"]>;
  /** Each setting is run once per seed (1–64 distinct seeds, 0 … 2^32 − 1). Omitted: [0]. */
  seeds?: InputMaybe<Array<Scalars["Int"]["input"]>>;
  /** Tags of every run. */
  tags?: InputMaybe<Array<Scalars["String"]["input"]>>;
};

/** Result of `logMetrics`. */
export type LogMetricsResult = {
  __typename?: "LogMetricsResult";
  /** True when the run was cancelled: the worker should stop. */
  cancelled: Scalars["Boolean"]["output"];
  /** Points ignored because (run, key, step) already existed (a retried batch). */
  duplicates: Scalars["Int"]["output"];
  /** Points stored by this call. */
  inserted: Scalars["Int"]["output"];
};

/** Points appended to a run, as delivered by `metricsAppended`. */
export type MetricBatch = {
  __typename?: "MetricBatch";
  /**
   * Resume cursor: every point up to this batch has been delivered. A client that reconnects
   * passes the last one it received as `metricsAppended(after:)` to get exactly what it missed.
   */
  cursor: Scalars["ID"]["output"];
  /** The new points (only the subscribed keys), in the order logged. */
  points: Array<MetricValue>;
  /** The run. */
  runId: Scalars["ID"]["output"];
};

/**
 * A batch of metric points as columns, for `logMetricColumns`: point `i` is
 * (`keys[key[i]]`, `steps[i]`, `values[i]`, `wallTimes[i]`). The same points as a list of
 * `MetricPointInput`, cheaper to send and to check (a worker logs thousands of points per call:
 * four lists of scalars instead of an object per point).
 */
export type MetricColumnsInput = {
  /** Per point: its key, as an index into `keys` (0-based). */
  key: Array<Scalars["Int"]["input"]>;
  /** The batch's metric keys, each once (1–200 characters each). */
  keys: Array<Scalars["String"]["input"]>;
  /** Per point: its training step (≥ 0). */
  steps: Array<Scalars["Int"]["input"]>;
  /** Per point: its value (finite). */
  values: Array<Scalars["Float"]["input"]>;
  /** Per point: when it was measured (null: when it was received). Omitted: all when received. */
  wallTimes?: InputMaybe<Array<InputMaybe<Scalars["DateTime"]["input"]>>>;
};

/** One final metric side by side. */
export type MetricComparison = {
  __typename?: "MetricComparison";
  /** Metric key, e.g. `accuracy`. */
  key: Scalars["String"]["output"];
  /** The value in each run, in the order of `RunComparison.runs` (null when missing or non-numeric). */
  values: Array<Maybe<Scalars["Float"]["output"]>>;
};

/** A metric point to log. */
export type MetricPointInput = {
  /** Metric key, e.g. `train/loss` or `val/accuracy` (1–200 characters). */
  key: Scalars["String"]["input"];
  /** Training step (≥ 0). (run, key, step) identifies a point: re-sending it is a no-op. */
  step: Scalars["Int"]["input"];
  /** The value (finite). */
  value: Scalars["Float"]["input"];
  /** When it was measured; default: when it was received. */
  wallTime?: InputMaybe<Scalars["DateTime"]["input"]>;
};

/**
 * Inclusive numeric range on one final metric (`Run.finalMetrics`). Runs without a numeric value
 * of the metric never match.
 */
export type MetricRangeFilter = {
  /** A metric of the catalogue (`accuracy`, `balancedAccuracy`, `macroF1`, `kappa`, `auc`, `loss`). */
  key: Scalars["String"]["input"];
  /** Upper bound, inclusive; omitted: none. */
  max?: InputMaybe<Scalars["Float"]["input"]>;
  /** Lower bound, inclusive; omitted: none. */
  min?: InputMaybe<Scalars["Float"]["input"]>;
};

/** One downsampled series: parallel arrays of steps and values, sorted by step. */
export type MetricSeries = {
  __typename?: "MetricSeries";
  /** True when points were dropped to fit `maxPoints`. */
  downsampled: Scalars["Boolean"]["output"];
  /** Metric key. */
  key: Scalars["String"]["output"];
  /** The run. */
  runId: Scalars["ID"]["output"];
  /** Steps, ascending. */
  steps: Array<Scalars["Int"]["output"]>;
  /** Number of stored points before downsampling. */
  totalPoints: Scalars["Int"]["output"];
  /** Values, aligned with `steps`. */
  values: Array<Scalars["Float"]["output"]>;
};

/** A logged metric value. */
export type MetricValue = {
  __typename?: "MetricValue";
  /** Metric key. */
  key: Scalars["String"]["output"];
  /** Training step. */
  step: Scalars["Int"]["output"];
  /** The value. */
  value: Scalars["Float"]["output"];
};

/** Architecture family of a foundation model. */
export type ModelFamily =
  /** CLIP / OpenCLIP image towers. */
  | "CLIP"
  /** DeiT ViTs. */
  | "DEIT"
  /** DINOv2 ViTs (patch 14). */
  | "DINOV2"
  /** Anything else. */
  | "OTHER"
  /** Original ViTs. */
  | "VIT";

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type Mutation = {
  __typename?: "Mutation";
  /**
   * Add a member to the caller's team (scope ADMIN). An e-mail already in use is BAD_USER_INPUT on
   * `input.email`; a member removed earlier is added back (its old tokens stay revoked).
   */
  addTeamMember: User;
  /**
   * Append lines to a run's log (scope WORKER). At most 1,000 lines per call. Idempotent on
   * (run, seq): a retried batch stores nothing twice. While a worker holds the run's job, and
   * after it finished the job, only that worker's token may log to the run (FORBIDDEN otherwise).
   */
  appendRunLogs: AppendRunLogsResult;
  /** Archive 1–100 runs (already archived ones keep their `archivedAt`): they leave `runs` unless `filter.archived` is true. All or none: a run not in the team fails the call with NOT_FOUND. */
  archiveRuns: Array<Run>;
  /**
   * Cancel a QUEUED or RUNNING job of the team (scope MEMBER). A TRAIN job cancels its run as
   * `cancelRun` does. An EXTRACT job is CANCELLED and its cache FAILED ("extraction cancelled"),
   * with the TRAIN jobs waiting for that cache. A running worker learns it from its next heartbeat
   * or progress report. A finished job fails with CONFLICT; another team's job with NOT_FOUND.
   */
  cancelJob: Job;
  /** Cancel a run: marks it CANCELLED and cancels its queued job; a running worker learns it from its next heartbeat or progress report. Cancelling a finished run fails with CONFLICT. */
  cancelRun: Run;
  /**
   * Lease the next claimable job (scope WORKER, the worker's token): queued and available, or running with an expired
   * lease. Each claim counts an attempt; a job whose lease expired after its last attempt fails.
   * A TRAIN job waits until its cache is READY. Null when nothing is claimable.
   */
  claimJob?: Maybe<Job>;
  /** Finish a leased job with its results (scope WORKER, the worker's token). A lost lease fails with CONFLICT. */
  completeJob: Job;
  /** Create a project. A name already used in the team fails with CONFLICT. */
  createProject: Project;
  /**
   * Issue a token (scope MEMBER or ADMIN); the answer holds its secret, shown this once. An ADMIN
   * may issue any scopes to any member of its team or as a service token; a MEMBER only to its own
   * user, with scopes it holds (or READ), never ADMIN, expiring no later than itself (FORBIDDEN
   * otherwise). Invalid input: BAD_USER_INPUT with `input.*` field paths.
   */
  createToken: CreatedToken;
  /**
   * Delete a run with its metric points, rollups, logs, artifact records and jobs; returns its id.
   * Refused with CONFLICT while the run is QUEUED or RUNNING with a live (QUEUED or RUNNING) job:
   * cancel it first. Runs that used it as their baseline keep running with no baseline run
   * (`baselineRun` becomes null); reports keep their text and plots, the deleted run drops out of
   * their `runs`. Its files in the object store (`runs/<run id>/…`: checkpoints, predictions) are removed after the rows. Another team's run: NOT_FOUND.
   */
  deleteRun: Scalars["ID"]["output"];
  /** Delete 1–100 runs as `deleteRun` does, all or none: nothing is deleted when one is not in the team (NOT_FOUND) or is still live (CONFLICT). Returns the deleted ids. */
  deleteRuns: Array<Scalars["ID"]["output"]>;
  /** Delete a saved view of the team (MEMBER); NOT_FOUND when the team has no such view. Returns its id. */
  deleteView: Scalars["ID"]["output"];
  /**
   * Report a failure of a leased job (scope WORKER, the worker's token). Retried later (QUEUED with back-off) while
   * attempts < maxAttempts and `retryable`; else FAILED together with its run or cache.
   */
  failJob: Job;
  /**
   * Mark the worker alive and renew the leases of its running jobs (scope WORKER). This and every
   * call below naming a worker is FORBIDDEN unless made with the token the worker is bound to.
   */
  heartbeat: HeartbeatResult;
  /** Validate a run configuration, create the run QUEUED and enqueue its TRAIN job. */
  launchRun: Run;
  /** Launch a sweep (MEMBER): one run per setting and seed, each validated and resolved as `launchRun` does; at most 256 runs (checked before anything is created). BAD_USER_INPUT with the field paths (`input.parameters.0.path`, `input.parameters.1.values.2`, `input.config.epochs`, `input.count`, …) when anything is invalid; nothing is created then. */
  launchSweep: Sweep;
  /**
   * `logMetrics` with the points as columns (what the worker sends): the same limits, idempotency
   * and access rules. `key`, `steps`, `values` (and `wallTimes` when given) must have one entry per
   * point; a bad entry is reported as `columns.<list>.<index>`.
   */
  logMetricColumns: LogMetricsResult;
  /**
   * Append metric points to a run (scope WORKER). At most 10,000 points per call. Idempotent on
   * (run, key, step): a retried batch stores nothing twice. While a worker holds the run's job, and
   * after it finished the job, only that worker's token may log to the run (FORBIDDEN otherwise).
   */
  logMetrics: LogMetricsResult;
  /**
   * Publish a report (MEMBER scope). Idempotent on project + name: a report of that name is
   * replaced whole (results, run ids, markdown, plots; `createdAt` and `id` stay). Invalid input
   * fails with BAD_USER_INPUT listing the field paths (`input.plots.0.pngBase64`,
   * `input.runIds.3`, …) and changes nothing.
   */
  publishReport: Report;
  /**
   * Register a dataset: checks the folder or manifest, scans classes and per-split counts and
   * computes a content hash. Unreadable roots fail with BAD_USER_INPUT naming the path; a name
   * already used in the team fails with CONFLICT.
   */
  registerDataset: Dataset;
  /** Register a foundation model. A name already used in the team fails with CONFLICT. */
  registerFoundationModel: FoundationModel;
  /**
   * Register files a worker put in the object store for a run it trains (at the platform's keys
   * `runs/<run id>/…`; a client never names a key). The API reads each object, records its size and
   * sha256 and replaces the run's earlier record of the same name. Only the worker token holding (or
   * having finished) the run's job may call it: FORBIDDEN otherwise. An unknown name, a missing
   * object or an unreadable predictions file: BAD_USER_INPUT on `artifacts.<i>`; no object store on
   * this server: FAILED_PRECONDITION. Nothing is recorded when any fails.
   */
  registerRunArtifacts: Array<Artifact>;
  /**
   * Register (or re-register) a worker of the caller's team (scope WORKER) and bind it to the
   * calling token. Re-registering a name bound to another token is FORBIDDEN while that token is
   * active (neither revoked nor expired), unless the caller is ADMIN.
   */
  registerWorker: Worker;
  /**
   * Remove a member from the caller's team (scope ADMIN) and revoke all its tokens; its runs keep
   * it as their author. Removing a removed member changes nothing. An ADMIN cannot remove its own
   * user (FORBIDDEN). Another team's id: NOT_FOUND.
   */
  removeTeamMember: User;
  /** Report progress of a leased job (renews the lease); returns whether it was cancelled (scope WORKER, the worker's token). */
  reportProgress: ProgressResult;
  /**
   * Ask for a feature cache. Idempotent: the same dataset + model + resolution + pooling + layer
   * returns the existing current cache (a FAILED one is re-queued); a new one is created PENDING and
   * an EXTRACT job is enqueued. The dataset is scanned first (rescanDataset): a cache extracted from
   * other content is marked stale and a new one is built.
   */
  requestFeatureCache: FeatureCache;
  /**
   * Scan a dataset again: its classes, split counts and content hash are updated, and every READY
   * cache of it extracted from other content is marked stale (`staleReason` says how it differs).
   * requestFeatureCache does the same for its dataset first. An unreadable dataset: BAD_USER_INPUT.
   */
  rescanDataset: DatasetRescan;
  /**
   * Retry a FAILED or CANCELLED job of the team (scope MEMBER); returns the new QUEUED job. A TRAIN
   * job retries its run (`retryRun`: a new run with the same config). An EXTRACT job extracts its
   * cache again (the cache back to PENDING, a new EXTRACT job). CONFLICT when the job is in another
   * status, or its run or cache is gone or no longer in a retryable state (e.g. already retried).
   */
  retryJob: Job;
  /**
   * Retry a FAILED or CANCELLED run: launches a new QUEUED run in the same project with the same
   * name, kind, effective config, seed, cache, baseline, tags and notes, and enqueues its TRAIN job
   * (a worker trains it as any launched run); the old run is kept as it is. CONFLICT for a run in
   * another status, an EXTERNAL run (nothing to train), or when its cache was deleted or FAILED.
   */
  retryRun: Run;
  /**
   * Revoke a token (it stops working at once on HTTP and within seconds on open WebSockets). An
   * ADMIN may revoke any of its team's tokens, a MEMBER only its own user's (FORBIDDEN otherwise).
   * Revoking a revoked token changes nothing. Another team's id: NOT_FOUND.
   */
  revokeToken: ApiToken;
  /** Save a Runs-page view for the team (MEMBER); an existing view of the same name is replaced. At most 200 views a team: a new name beyond that fails with CONFLICT. */
  saveView: SavedView;
  /** Replace the notes of a run (null clears them). */
  setRunNotes: Run;
  /** Add and/or remove tags of a run. */
  tagRun: Run;
  /** Add and/or remove tags of 1–100 runs at once, all or none (a run not in the team fails the whole call with NOT_FOUND). */
  tagRuns: Array<Run>;
  /** Unarchive 1–100 runs (clears `archivedAt`). All or none, as `archiveRuns`. */
  unarchiveRuns: Array<Run>;
  /** Rename a run and/or replace its notes. An empty or too long name fails with BAD_USER_INPUT on `input.name`. */
  updateRun: Run;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationAddTeamMemberArgs = {
  input: AddTeamMemberInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationAppendRunLogsArgs = {
  lines: Array<RunLogLineInput>;
  runId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationArchiveRunsArgs = {
  ids: Array<Scalars["ID"]["input"]>;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationCancelJobArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationCancelRunArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationClaimJobArgs = {
  leaseSeconds?: InputMaybe<Scalars["Int"]["input"]>;
  types?: InputMaybe<Array<JobType>>;
  workerId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationCompleteJobArgs = {
  jobId: Scalars["ID"]["input"];
  result: JobResultInput;
  workerId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationCreateTokenArgs = {
  input: CreateTokenInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationDeleteRunArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationDeleteRunsArgs = {
  ids: Array<Scalars["ID"]["input"]>;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationDeleteViewArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationFailJobArgs = {
  error: Scalars["String"]["input"];
  jobId: Scalars["ID"]["input"];
  retryable?: InputMaybe<Scalars["Boolean"]["input"]>;
  workerId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationHeartbeatArgs = {
  workerId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationLaunchRunArgs = {
  input: LaunchRunInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationLaunchSweepArgs = {
  input: LaunchSweepInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationLogMetricColumnsArgs = {
  columns: MetricColumnsInput;
  runId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationLogMetricsArgs = {
  points: Array<MetricPointInput>;
  runId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationPublishReportArgs = {
  input: PublishReportInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRegisterDatasetArgs = {
  input: RegisterDatasetInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRegisterFoundationModelArgs = {
  input: RegisterFoundationModelInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRegisterRunArtifactsArgs = {
  artifacts: Array<RunArtifactInput>;
  runId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRegisterWorkerArgs = {
  input: RegisterWorkerInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRemoveTeamMemberArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationReportProgressArgs = {
  done: Scalars["Int"]["input"];
  jobId: Scalars["ID"]["input"];
  total: Scalars["Int"]["input"];
  workerId: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRequestFeatureCacheArgs = {
  input: RequestFeatureCacheInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRescanDatasetArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRetryJobArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRetryRunArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationRevokeTokenArgs = {
  id: Scalars["ID"]["input"];
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationSaveViewArgs = {
  input: SaveViewInput;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationSetRunNotesArgs = {
  id: Scalars["ID"]["input"];
  notes?: InputMaybe<Scalars["String"]["input"]>;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationTagRunArgs = {
  add?: InputMaybe<Array<Scalars["String"]["input"]>>;
  id: Scalars["ID"]["input"];
  remove?: InputMaybe<Array<Scalars["String"]["input"]>>;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationTagRunsArgs = {
  add?: InputMaybe<Array<Scalars["String"]["input"]>>;
  ids: Array<Scalars["ID"]["input"]>;
  remove?: InputMaybe<Array<Scalars["String"]["input"]>>;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationUnarchiveRunsArgs = {
  ids: Array<Scalars["ID"]["input"]>;
};

/** The root of all write operations. Every mutation acts only on the data of the caller's team. */
export type MutationUpdateRunArgs = {
  id: Scalars["ID"]["input"];
  input: UpdateRunInput;
};

/** Relay-style pagination state of a connection. */
export type PageInfo = {
  __typename?: "PageInfo";
  /** Cursor of the last edge of this page, null when the page is empty. */
  endCursor?: Maybe<Scalars["String"]["output"]>;
  /** True when another page follows the last edge (pass `endCursor` as `after`). */
  hasNextPage: Scalars["Boolean"]["output"];
  /** Cursor of the first edge of this page, null when the page is empty. */
  startCursor?: Maybe<Scalars["String"]["output"]>;
};

/** Answer to `reportProgress`. */
export type ProgressResult = {
  __typename?: "ProgressResult";
  /** True when the job was cancelled: stop working on it. */
  cancelled: Scalars["Boolean"]["output"];
  /** The job. */
  job: Job;
};

/** A project groups the runs that are compared with each other. */
export type Project = {
  __typename?: "Project";
  /** Number of archived runs in the project. */
  archivedRunCount: Scalars["Int"]["output"];
  /** When it was created. */
  createdAt: Scalars["DateTime"]["output"];
  /** Free-text description. */
  description?: Maybe<Scalars["String"]["output"]>;
  /** Project id (UUID). */
  id: Scalars["ID"]["output"];
  /** Name, unique in the team. */
  name: Scalars["String"]["output"];
  /** Number of runs in the project that are not archived (what its run lists show by default). */
  runCount: Scalars["Int"]["output"];
};

/** Input of `publishReport`. */
export type PublishReportInput = {
  /** The report as markdown (at most 200,000 characters). */
  markdown: Scalars["String"]["input"];
  /** Final-metric key the results aggregate (1–200 characters), e.g. `accuracy`. */
  metric: Scalars["String"]["input"];
  /** Name, unique in the project (1–200 characters): an existing report of that name is replaced. */
  name: Scalars["String"]["input"];
  /** PNG plots (at most 8). Default: none. */
  plots?: InputMaybe<Array<ReportPlotInput>>;
  /** Project to publish in. */
  projectId: Scalars["ID"]["input"];
  /** Result rows (at most 500). */
  results: Array<ReportResultInput>;
  /** Runs the report covers (at most 1,000, no duplicates): runs of the caller's team. */
  runIds: Array<Scalars["ID"]["input"]>;
  /** How the runs were set up (a JSON object, at most 20,000 characters as JSON). Default `{}`. */
  settings?: InputMaybe<Scalars["JSON"]["input"]>;
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type Query = {
  __typename?: "Query";
  /** The fine-tuning calibration of a model at a resolution, batch size and worker device, or null when none was measured yet. */
  calibration?: Maybe<Calibration>;
  /** Compare 1–20 runs: config diff, final metrics, throughput, memory and savings against each run's baseline. */
  compareRuns: RunComparison;
  /** One dataset, or null when it does not exist in the caller's team. */
  dataset?: Maybe<Dataset>;
  /** The team's datasets, newest first. */
  datasets: Array<Dataset>;
  /** One feature cache, or null when it does not exist in the caller's team. */
  featureCache?: Maybe<FeatureCache>;
  /** The team's feature caches, newest first. */
  featureCaches: Array<FeatureCache>;
  /** One foundation model, or null when it does not exist in the caller's team. */
  foundationModel?: Maybe<FoundationModel>;
  /** The team's foundation models, by name. */
  foundationModels: Array<FoundationModel>;
  /** One job, or null when it does not exist in the caller's team. */
  job?: Maybe<Job>;
  /** The team's jobs, newest first (at most `first`, 1–200, default 50); pass the last job's id as `after` for the next page. */
  jobs: Array<Job>;
  /** The caller: its team, user and scopes. Fails with UNAUTHENTICATED without a valid token. */
  me: Viewer;
  /**
   * Metric series of several runs for charts. Each (run, key) series with more than `maxPoints`
   * points is downsampled on the server by min/max buckets: each bucket keeps its smallest and
   * largest value (and the series keeps its first and last point), so spikes and extremes survive.
   * A series with at most `maxPoints` points comes back exact (every point), however many steps it
   * spans. Unknown runs (or other teams') fail with NOT_FOUND.
   */
  metricSeries: Array<MetricSeries>;
  /** One project, or null when it does not exist in the caller's team. */
  project?: Maybe<Project>;
  /** The team's projects, by name. */
  projects: Array<Project>;
  /** One report, or null when it does not exist in the caller's team. */
  report?: Maybe<Report>;
  /** The reports of a project, last published first. Another team's or an unknown project fails with NOT_FOUND. */
  reports: Array<Report>;
  /** One run, or null when it does not exist in the caller's team. */
  run?: Maybe<Run>;
  /**
   * A run's log lines, ascending by `seq`. Reads forward from `after` (exclusive; from the start
   * when no argument is given), or backward: with `before` (exclusive) or `fromEnd: true`, the
   * last `limit` lines before it / of the log. Unknown runs (or other teams') fail with NOT_FOUND.
   */
  runLogs: RunLogPage;
  /** Runs of the team: filtered, sorted and paginated (cursor-based). */
  runs: RunConnection;
  /** The team's saved Runs-page views, by name. Any token of the team. */
  savedViews: Array<SavedView>;
  /** A sweep of the caller's team; null for an unknown id or another team's. */
  sweep?: Maybe<Sweep>;
  /** The team's sweeps, newest first. */
  sweeps: SweepConnection;
  /** The caller's team (with its members). */
  team: Team;
  /**
   * Tokens the caller may see, newest first (revoked and expired ones included): an ADMIN all of
   * its team's, a token issued to a user that user's, a service token only itself.
   */
  tokens: Array<ApiToken>;
  /** The team's workers, by name. */
  workers: Array<Worker>;
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryCalibrationArgs = {
  batchSize: Scalars["Int"]["input"];
  device: Scalars["String"]["input"];
  modelId: Scalars["ID"]["input"];
  resolution: Scalars["Int"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryCompareRunsArgs = {
  ids: Array<Scalars["ID"]["input"]>;
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryDatasetArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryFeatureCacheArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryFeatureCachesArgs = {
  filter?: InputMaybe<FeatureCacheFilter>;
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryFoundationModelArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryJobArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryJobsArgs = {
  after?: InputMaybe<Scalars["ID"]["input"]>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryMetricSeriesArgs = {
  keys: Array<Scalars["String"]["input"]>;
  maxPoints?: InputMaybe<Scalars["Int"]["input"]>;
  runIds: Array<Scalars["ID"]["input"]>;
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryProjectArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryReportArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryReportsArgs = {
  projectId: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryRunArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryRunLogsArgs = {
  after?: InputMaybe<Scalars["Int"]["input"]>;
  before?: InputMaybe<Scalars["Int"]["input"]>;
  fromEnd?: InputMaybe<Scalars["Boolean"]["input"]>;
  limit?: InputMaybe<Scalars["Int"]["input"]>;
  runId: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QueryRunsArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  filter?: InputMaybe<RunFilter>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  sort?: InputMaybe<RunSort>;
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QuerySweepArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type QuerySweepsArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  projectId?: InputMaybe<Scalars["ID"]["input"]>;
};

/** Input of `registerDataset`. */
export type RegisterDatasetInput = {
  /** File layout. */
  layout: DatasetLayout;
  /** Name, unique in the team. */
  name: Scalars["String"]["input"];
  /** Root folder (IMAGE_FOLDER) or manifest CSV (CSV_MANIFEST): a local path or `file://` URI readable by the API server. */
  rootUri: Scalars["String"]["input"];
};

/** Input of `registerFoundationModel`. */
export type RegisterFoundationModelInput = {
  /** Input resolution the model was trained at (16–4096). */
  defaultImageSize: Scalars["Int"]["input"];
  /** Number of transformer blocks (1–256). */
  depth: Scalars["Int"]["input"];
  /** Token width D (1–16384). */
  embedDim: Scalars["Int"]["input"];
  /** Architecture family. */
  family: ModelFamily;
  /** Attention heads per block (1–256). */
  heads: Scalars["Int"]["input"];
  /** Normalisation mean override; 3 values. Omitted: the model's preprocessor_config.json, else the family default (ImageNet for DINOv2/DeiT, 0.5 for ViT, CLIP's own for CLIP, 0 for OTHER). */
  mean?: InputMaybe<Array<Scalars["Float"]["input"]>>;
  /** Name, unique in the team. */
  name: Scalars["String"]["input"];
  /** Family-specific options (a JSON object). */
  options?: InputMaybe<Scalars["JSON"]["input"]>;
  /** Number of parameters. */
  parameterCount?: InputMaybe<Scalars["Float"]["input"]>;
  /** Patch size in pixels (1–64). */
  patchSize: Scalars["Int"]["input"];
  /** Normalisation standard deviation override; 3 positive values. Omitted: as for `mean` (std 1 for OTHER). */
  std?: InputMaybe<Array<Scalars["Float"]["input"]>>;
  /** SHA-256 of the weights file (64 hex digits). */
  weightsSha256?: InputMaybe<Scalars["String"]["input"]>;
  /** Where the weights are (path or URI). */
  weightsUri: Scalars["String"]["input"];
};

/** Input of `registerWorker`. */
export type RegisterWorkerInput = {
  /** Compute backend. */
  backend: Scalars["String"]["input"];
  /** Device. */
  device: Scalars["String"]["input"];
  /** Host name. */
  host: Scalars["String"]["input"];
  /** Device memory in bytes. */
  memoryBytes?: InputMaybe<Scalars["Float"]["input"]>;
  /** Name, unique in the team; registering an existing name updates that worker. */
  name: Scalars["String"]["input"];
};

/**
 * A reproduction report: what `npm run reproduce` wrote to `reports/<name>/` (report.md, the
 * aggregated results of report.json and the PNG plots), published to the API so the dashboard
 * shows it. One report per project and name: publishing the same name again replaces it.
 */
export type Report = {
  __typename?: "Report";
  /** When it was first published. */
  createdAt: Scalars["DateTime"]["output"];
  /** Report id (UUID). */
  id: Scalars["ID"]["output"];
  /** Run kinds of `results`, distinct, in report order. */
  kinds: Array<RunKind>;
  /** The report as markdown (report.md). Images refer to `plots` by file name, e.g. `![…](accuracy.png)`. */
  markdown: Scalars["String"]["output"];
  /** Final-metric key that `results` aggregate, e.g. `accuracy`. */
  metric: Scalars["String"]["output"];
  /** Name, unique in the project (`npm run reproduce -- --name`). */
  name: Scalars["String"]["output"];
  /** The plots (PNG), in report order. */
  plots: Array<ReportPlot>;
  /** The project it was published in. */
  project: Project;
  /** One row per run kind × labels-per-class setting, in report order. */
  results: Array<ReportResult>;
  /** Number of runs the report covers (the length of `runIds`). */
  runCount: Scalars["Int"]["output"];
  /** Ids of the runs the report covers, in report order (also those deleted since). */
  runIds: Array<Scalars["ID"]["output"]>;
  /** The covered runs that still exist, in the order of `runIds`. */
  runs: Array<Run>;
  /** How the runs were set up, as the publisher states it (dataset, model, resolution, epochs, batch size, seeds, …). */
  settings: Scalars["JSON"]["output"];
  /** When it was last published (publishing again replaces the content). */
  updatedAt: Scalars["DateTime"]["output"];
};

/** A PNG plot of a report. */
export type ReportPlot = {
  __typename?: "ReportPlot";
  /** The PNG as base64. */
  base64: Scalars["String"]["output"];
  /** Size of the PNG in bytes. */
  bytes: Scalars["Int"]["output"];
  /** MIME type: always `image/png`. */
  contentType: Scalars["String"]["output"];
  /** The PNG as a `data:image/png;base64,…` URL, usable as an `<img src>`. */
  dataUrl: Scalars["String"]["output"];
  /** Height in pixels (from the PNG header). */
  height: Scalars["Int"]["output"];
  /** File name, unique in the report, e.g. `accuracy.png`. */
  name: Scalars["String"]["output"];
  /** Caption, when given. */
  title?: Maybe<Scalars["String"]["output"]>;
  /** Width in pixels (from the PNG header). */
  width: Scalars["Int"]["output"];
};

/** One plot of `publishReport`. */
export type ReportPlotInput = {
  /** File name: 1–100 characters of letters, digits, `.`, `_` and `-`, ending in `.png`; unique in the report. */
  name: Scalars["String"]["input"];
  /** The PNG file as base64 (at most 512 KiB decoded). */
  pngBase64: Scalars["String"]["input"];
  /** Caption (at most 200 characters). */
  title?: InputMaybe<Scalars["String"]["input"]>;
};

/** Aggregate of the runs of one kind at one labels-per-class setting (over seeds). */
export type ReportResult = {
  __typename?: "ReportResult";
  /** Mean training throughput in images per second. */
  imagesPerSec?: Maybe<Scalars["Float"]["output"]>;
  /** Run kind. */
  kind: RunKind;
  /** Training images per class of this setting; null = the dataset as registered. */
  labelsPerClass?: Maybe<Scalars["Int"]["output"]>;
  /** Mean memory saving against fine-tuning (baseline peak memory ÷ run peak memory). */
  memorySaving?: Maybe<Scalars["Float"]["output"]>;
  /** Mean of the report's metric over the succeeded runs; null when none has it. */
  metricMean?: Maybe<Scalars["Float"]["output"]>;
  /** Sample standard deviation (n − 1) of the metric; 0 for a single run; null when none has it. */
  metricStd?: Maybe<Scalars["Float"]["output"]>;
  /** Mean peak memory in bytes. */
  peakMemoryBytes?: Maybe<Scalars["Float"]["output"]>;
  /** Runs in the group. */
  runCount: Scalars["Int"]["output"];
  /** Ids of the runs in the group (a subset of `Report.runIds`). */
  runIds: Array<Scalars["ID"]["output"]>;
  /** Mean speed-up against fine-tuning (run images/s ÷ baseline images/s), as `compareRuns.efficiency` states it. */
  speedup?: Maybe<Scalars["Float"]["output"]>;
  /** Runs of the group that SUCCEEDED (the aggregates are over these). */
  succeeded: Scalars["Int"]["output"];
};

/** One result row of `publishReport`. */
export type ReportResultInput = {
  /** Mean training images per second (≥ 0). */
  imagesPerSec?: InputMaybe<Scalars["Float"]["input"]>;
  /** Run kind. */
  kind: RunKind;
  /** Training images per class (≥ 1); null or absent = the dataset as registered. */
  labelsPerClass?: InputMaybe<Scalars["Int"]["input"]>;
  /** Mean memory saving against fine-tuning (> 0). */
  memorySaving?: InputMaybe<Scalars["Float"]["input"]>;
  /** Mean of the metric; null when none. */
  metricMean?: InputMaybe<Scalars["Float"]["input"]>;
  /** Sample standard deviation of the metric (≥ 0); null when none. */
  metricStd?: InputMaybe<Scalars["Float"]["input"]>;
  /** Mean peak memory in bytes (≥ 0). */
  peakMemoryBytes?: InputMaybe<Scalars["Float"]["input"]>;
  /** Runs in the group (≥ 0). */
  runCount: Scalars["Int"]["input"];
  /** Ids of the runs in the group: each must be in the input's `runIds`. */
  runIds?: InputMaybe<Array<Scalars["ID"]["input"]>>;
  /** Mean speed-up against fine-tuning (> 0). */
  speedup?: InputMaybe<Scalars["Float"]["input"]>;
  /** Runs that SUCCEEDED (0 to `runCount`). */
  succeeded: Scalars["Int"]["input"];
};

/** Input of `requestFeatureCache`. */
export type RequestFeatureCacheInput = {
  /** Dataset to extract. */
  datasetId: Scalars["ID"]["input"];
  /** Transformer block to take tokens from, 1-based (1 … the model's depth). Omitted: the last block. Must be omitted for TF.js models (family OTHER). */
  layer?: InputMaybe<Scalars["Int"]["input"]>;
  /** Frozen model to extract with. */
  modelId: Scalars["ID"]["input"];
  /** k of the k×k average pooling (1–16). Default 1 (none). */
  pooling?: InputMaybe<Scalars["Int"]["input"]>;
  /** Input resolution in pixels (16–4096); a multiple of the model's patch size. */
  resolution: Scalars["Int"]["input"];
};

/** One training run. */
export type Run = {
  __typename?: "Run";
  /** When it was archived (`archiveRuns`); null when it is not. Archived runs are left out of `runs` unless `filter.archived` is true. */
  archivedAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Files the run produced (checkpoints, predictions), by name. */
  artifacts: Array<Artifact>;
  /** Who launched it (null for service tokens). */
  author?: Maybe<User>;
  /** TensorFlow.js backend it trained on, as its worker reported it (e.g. `tensorflow`, `cpu`). */
  backend?: Maybe<Scalars["String"]["output"]>;
  /** The fine-tuning (UNFROZEN_LINEAR) or external (EXTERNAL: its summary's `images_per_sec` / `peak_memory_bytes`) run its speed-up and memory saving are measured against. */
  baselineRun?: Maybe<Run>;
  /** The feature cache it trains on (LOFF / LOFF_TA). */
  cache?: Maybe<FeatureCache>;
  /** The fine-tuning calibration this run is compared with when it has no baseline run. */
  calibration?: Maybe<Calibration>;
  /** The effective configuration: what the worker applied, with the kind's policy resolved (LOFF: tensor augmentations off; image baselines: `imageAugmentations`, a linear head, the micro-batch cap). See `@loffta/graphql/run-config`. */
  config: Scalars["JSON"]["output"];
  /** Confusion matrix of the final evaluation, cm[true][predicted], classes in the dataset's `classNames` order. */
  confusionMatrix?: Maybe<Array<Array<Scalars["Int"]["output"]>>>;
  /** When it was launched. */
  createdAt: Scalars["DateTime"]["output"];
  /** Device it trained on, as its worker reported it (e.g. `cpu`, `cuda:0`). */
  device?: Maybe<Scalars["String"]["output"]>;
  /** When it finished, failed or was cancelled. */
  endedAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Why it failed, when it did. */
  error?: Maybe<Scalars["String"]["output"]>;
  /** Images in that evaluation. */
  evalCount?: Maybe<Scalars["Int"]["output"]>;
  /** Split the final metrics were computed on (`val`, else `test`). */
  evalSplit?: Maybe<Scalars["String"]["output"]>;
  /** The final evaluation sample by sample; `null` when the run has no predictions artifact (not trained by a worker, or trained on a platform without an object store). */
  evaluation?: Maybe<RunEvaluation>;
  /** Final evaluation metrics by name, e.g. `{"accuracy": 0.91, "macroF1": 0.9}` (only metrics: see `confusionMatrix`, `evalSplit`, `evalCount`). */
  finalMetrics?: Maybe<Scalars["JSON"]["output"]>;
  /** Git commit (`git rev-parse HEAD`, read once at worker start) of the worker's checkout; null when the worker does not run from a git checkout. */
  gitCommit?: Maybe<Scalars["String"]["output"]>;
  /** Host name of the machine it trained on, as its worker reported it. */
  host?: Maybe<Scalars["String"]["output"]>;
  /** Run id (UUID). */
  id: Scalars["ID"]["output"];
  /** Images the training read (Σ batch sizes over its optimizer steps): for LOFF / LOFF_TA the backbone forward passes the cache spared. */
  imagesSeen?: Maybe<Scalars["Int"]["output"]>;
  /** What it trains. */
  kind: RunKind;
  /** Name of the API token that launched it (`launchRun`); null for runs created otherwise (imports, external runs). */
  launchedBy?: Maybe<Scalars["String"]["output"]>;
  /** Loffta version (the root package.json's `version`) of the worker that trained it, as it reported it; null when not reported. */
  lofftaVersion?: Maybe<Scalars["String"]["output"]>;
  /** Distinct metric keys logged so far, sorted. */
  metricKeys: Array<Scalars["String"]["output"]>;
  /** Display name. */
  name: Scalars["String"]["output"];
  /** Node.js version of the training process (e.g. `v20.19.0`). */
  nodeVersion?: Maybe<Scalars["String"]["output"]>;
  /** Free-text notes. */
  notes?: Maybe<Scalars["String"]["output"]>;
  /** Peak accelerator/process memory in bytes. */
  peakMemoryBytes?: Maybe<Scalars["Float"]["output"]>;
  /** The project it belongs to. */
  project: Project;
  /** Reports that include the run (lineage: dataset → cache → run → report), last published first. */
  reports: Array<Report>;
  /** The seed of model initialisation, data order and augmentations (always equal to `config.seed`). */
  seed: Scalars["Int"]["output"];
  /** When a worker started it. */
  startedAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Lifecycle status. */
  status: RunStatus;
  /** The sweep that launched it; null for runs launched alone. */
  sweep?: Maybe<Sweep>;
  /** Free tags, searchable with `runs(filter: {tag})`. */
  tags: Array<Scalars["String"]["output"]>;
  /** TensorFlow C library version the native backend reports (`TF_Version`); null on the pure-JS backend. */
  tensorflowVersion?: Maybe<Scalars["String"]["output"]>;
  /** `@tensorflow/tfjs-node` (or `-gpu`) version; null on the pure-JS backend. */
  tfjsNodeVersion?: Maybe<Scalars["String"]["output"]>;
  /** `@tensorflow/tfjs-core` version the worker trained with. */
  tfjsVersion?: Maybe<Scalars["String"]["output"]>;
  /** Training throughput in images per second. */
  trainImagesPerSec?: Maybe<Scalars["Float"]["output"]>;
  /** The worker that trained it (null while queued, or when that worker was deleted). */
  trainedBy?: Maybe<Worker>;
  /** When it last changed. */
  updatedAt: Scalars["DateTime"]["output"];
  /** Wall-clock training time in seconds. */
  wallTimeSec?: Maybe<Scalars["Float"]["output"]>;
};

/** An artifact a worker registers: its name from the catalogue (the object is at the platform's key for that name). */
export type RunArtifactInput = {
  /** `last.safetensors`, `best.safetensors` or `predictions.json`. */
  name: Scalars["String"]["input"];
};

/** Runs compared side by side. */
export type RunComparison = {
  __typename?: "RunComparison";
  /** Only the config values that differ between the runs, by path. */
  configDiff: Array<ConfigDifference>;
  /** What each run cost in total (training + its share of the cache's build), in the order of `runs`: the x axis of Compare's cost plot (its Pareto front: @loffta/graphql/domain paretoFront). */
  cost: Array<RunCost>;
  /** Throughput, memory, speed-up and memory saving of each run, in the order of `runs`. */
  efficiency: Array<RunEfficiency>;
  /** Every final metric key of any run, by key. */
  metrics: Array<MetricComparison>;
  /** The runs, in the order asked for. */
  runs: Array<Run>;
};

/** A page of runs. */
export type RunConnection = {
  __typename?: "RunConnection";
  /** The runs of this page, with cursors. */
  edges: Array<RunEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
  /** Number of runs matching the filter over all pages. */
  totalCount: Scalars["Int"]["output"];
};

/**
 * A run's total cost. A LOFF / LOFF_TA run carries a share of its cache's build: the build's
 * seconds ÷ the cache's finished LOFF / LOFF_TA runs (the more runs reuse a cache, the less each
 * pays). Image baselines run the backbone themselves and carry none.
 */
export type RunCost = {
  __typename?: "RunCost";
  /** Its share of the cache's build, seconds (0 for image baselines or a cache without a measured build). */
  cacheShareSeconds: Scalars["Float"]["output"];
  /** Peak memory (GB) × training seconds, plus the build share at the extraction's peak memory. */
  memoryGbSeconds?: Maybe<Scalars["Float"]["output"]>;
  run: Run;
  /** trainingSeconds + cacheShareSeconds; null while the run has no wall time. */
  totalSeconds?: Maybe<Scalars["Float"]["output"]>;
  /** Training wall seconds (`wallTimeSec`). */
  trainingSeconds?: Maybe<Scalars["Float"]["output"]>;
};

/** An edge of a run connection. */
export type RunEdge = {
  __typename?: "RunEdge";
  /** Opaque cursor of this edge; pass as `after` to continue after it. */
  cursor: Scalars["String"]["output"];
  /** The run. */
  node: Run;
};

/** What a run saved against its fine-tuning baseline. */
export type RunEfficiency = {
  __typename?: "RunEfficiency";
  /** Its fine-tuning (UNFROZEN_LINEAR) or external (EXTERNAL) baseline, when set. */
  baselineRun?: Maybe<Run>;
  /** What the savings are measured against: `run` (a full fine-tuning run), `calibration` (a short fine-tuning measurement on the same kind of worker) or null. */
  baselineSource?: Maybe<Scalars["String"]["output"]>;
  /** The fine-tuning calibration used when there is no baseline run. */
  calibration?: Maybe<Calibration>;
  /** baseline peak memory ÷ run peak memory; null when either is unknown. */
  memorySaving?: Maybe<Scalars["Float"]["output"]>;
  /** Its peak memory in bytes. */
  peakMemoryBytes?: Maybe<Scalars["Float"]["output"]>;
  /** The run. */
  run: Run;
  /** run images/s ÷ baseline images/s; null when either is unknown. */
  speedup?: Maybe<Scalars["Float"]["output"]>;
  /** Its training throughput (images/s). */
  trainImagesPerSec?: Maybe<Scalars["Float"]["output"]>;
};

/**
 * A run's final evaluation, sample by sample, read from its `predictions.json` artifact (the
 * predictions that produced its `finalMetrics`).
 */
export type RunEvaluation = {
  __typename?: "RunEvaluation";
  /** cm[true][predicted], counted from the predictions (equal to `Run.confusionMatrix`, which the worker computed). */
  confusionMatrix: Array<Array<Scalars["Int"]["output"]>>;
  /** Samples evaluated. */
  count: Scalars["Int"]["output"];
  /** Curves of the evaluation: binary tasks one (class 1), multiclass one per class (one-vs-rest). */
  curves: Array<Curve>;
  /** Whether `GET /runs/<run id>/samples/<index>/image` can answer images: the run's dataset still has the labels the run was evaluated on. */
  imagesAvailable: Scalars["Boolean"]["output"];
  /** Class names in label order. */
  labelNames: Array<Scalars["String"]["output"]>;
  /** Samples matching `filter`, in `order`; `first` 1–200 (default 50), `offset` ≥ 0. */
  samples: EvalSamplePage;
  /** Split evaluated. */
  split: Scalars["String"]["output"];
};

/**
 * A run's final evaluation, sample by sample, read from its `predictions.json` artifact (the
 * predictions that produced its `finalMetrics`).
 */
export type RunEvaluationCurvesArgs = {
  kind: CurveKind;
};

/**
 * A run's final evaluation, sample by sample, read from its `predictions.json` artifact (the
 * predictions that produced its `finalMetrics`).
 */
export type RunEvaluationSamplesArgs = {
  filter?: InputMaybe<SampleFilter>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  offset?: InputMaybe<Scalars["Int"]["input"]>;
  order?: InputMaybe<SampleOrder>;
};

/** Filter of `runs`. All given conditions must hold. */
export type RunFilter = {
  /** Archived runs: omitted or false: only runs that are not archived; true: only archived runs. */
  archived?: InputMaybe<Scalars["Boolean"]["input"]>;
  /** Only runs on this feature cache. */
  cacheId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only runs whose config has these values. */
  config?: InputMaybe<Array<ConfigValueFilter>>;
  /** Only runs whose numeric config values lie in these ranges (counted with `config` and `metrics`). */
  configRanges?: InputMaybe<Array<ConfigRangeFilter>>;
  /** Only runs of these kinds. */
  kinds?: InputMaybe<Array<RunKind>>;
  /** Only runs whose final metrics lie in these ranges. Together with `config` and `configRanges` at most LOFFTA_MAX_FILTER_CONDITIONS conditions (LIMIT_EXCEEDED). */
  metrics?: InputMaybe<Array<MetricRangeFilter>>;
  /** Only runs whose name contains this text (case-insensitive; `%` and `_` match themselves). */
  nameContains?: InputMaybe<Scalars["String"]["input"]>;
  /** Only runs of this project. */
  projectId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only runs in these statuses. */
  statuses?: InputMaybe<Array<RunStatus>>;
  /** Only runs carrying this tag. */
  tag?: InputMaybe<Scalars["String"]["input"]>;
};

/** What a run trains. */
export type RunKind =
  /** Trained outside the platform and logged by the W&B client (docs/wandb.md): free-form config, no cache, no job; can be a baseline (efficiency from its summary). */
  | "EXTERNAL"
  /** Linear head on a frozen model that runs every step (baseline). */
  | "FROZEN_LINEAR"
  /** Compact classifier on cached features, no augmentation. */
  | "LOFF"
  /** Compact classifier on cached features with tensor augmentations. */
  | "LOFF_TA"
  /** Full fine-tuning with a linear head (the baseline speed-ups are measured against). */
  | "UNFROZEN_LINEAR";

/** Lines appended to a run's log, as delivered by `runLogAppended`. */
export type RunLogBatch = {
  __typename?: "RunLogBatch";
  /** The new lines, ascending by `seq` within the batch. Each stored line arrives once. */
  lines: Array<RunLogLine>;
  /** The run. */
  runId: Scalars["ID"]["output"];
};

/** Severity of a run log line. */
export type RunLogLevel =
  /** A failure (e.g. the job's error when it failed). */
  | "ERROR"
  /** Normal progress messages. */
  | "INFO"
  /** Something went wrong but the run goes on (e.g. a calibration that could not be measured). */
  | "WARN";

/** One stored line of a run's log. */
export type RunLogLine = {
  __typename?: "RunLogLine";
  /** Severity. */
  level: RunLogLevel;
  /** The text. */
  message: Scalars["String"]["output"];
  /** The sender's sequence number: lines are ordered by it; use it as a cursor. */
  seq: Scalars["Int"]["output"];
  /** When the line was logged. */
  time: Scalars["DateTime"]["output"];
};

/** A run log line to append. */
export type RunLogLineInput = {
  /** Severity. Default INFO. */
  level?: InputMaybe<RunLogLevel>;
  /** The text (1–4,000 characters). */
  message: Scalars["String"]["input"];
  /**
   * The sender's sequence number of the line (0 to 2,147,483,647), unique per run: lines are read
   * in `seq` order, and re-sending a line with a `seq` the run already has is a no-op (retries are
   * safe).
   */
  seq: Scalars["Int"]["input"];
  /** When the line was logged; default: when it was received. */
  time?: InputMaybe<Scalars["DateTime"]["input"]>;
};

/** A page of a run's log, in `seq` order. */
export type RunLogPage = {
  __typename?: "RunLogPage";
  /**
   * `seq` of the last line returned, or the `after` given when there is none: pass it as `after`
   * to read on (or to poll for new lines).
   */
  endCursor?: Maybe<Scalars["Int"]["output"]>;
  /**
   * True when more lines exist in the direction read: after the last line when reading forward
   * (`after`), before the first line when reading backward (`before` or `fromEnd`).
   */
  hasMore: Scalars["Boolean"]["output"];
  /** The lines, ascending by `seq`. */
  lines: Array<RunLogLine>;
  /** `seq` of the first line returned (pass as `before` to read earlier lines); null when empty. */
  startCursor?: Maybe<Scalars["Int"]["output"]>;
};

/** Results of a TRAIN job. */
export type RunResultInput = {
  /** TensorFlow.js backend it trained on (`tf.getBackend()`). */
  backend?: InputMaybe<Scalars["String"]["input"]>;
  /** A fine-tuning calibration measured for this run (stored, and reused by later runs of the same model, resolution, batch and device). */
  calibration?: InputMaybe<CalibrationInput>;
  /** An existing calibration to compare the run with. */
  calibrationId?: InputMaybe<Scalars["ID"]["input"]>;
  /** The configuration the worker applied (stored as the run's `config`). It must resolve to itself for the run's kind. */
  config?: InputMaybe<Scalars["JSON"]["input"]>;
  /** Device it trained on. */
  device?: InputMaybe<Scalars["String"]["input"]>;
  /** Final evaluation: a JSON object with the metrics by name (accuracy, balancedAccuracy, macroF1, kappa, auc, loss), `confusion` (cm[true][predicted]), `evalSplit` and `evalCount`. */
  finalMetrics: Scalars["JSON"]["input"];
  /** Git commit of the worker's checkout (read once at worker start); omitted when not a git checkout. */
  gitCommit?: InputMaybe<Scalars["String"]["input"]>;
  /** Host name of the machine it trained on. */
  host?: InputMaybe<Scalars["String"]["input"]>;
  /** Images the training read (Σ batch sizes over its optimizer steps). */
  imagesSeen?: InputMaybe<Scalars["Int"]["input"]>;
  /** Loffta version (root package.json `version`) of the worker. */
  lofftaVersion?: InputMaybe<Scalars["String"]["input"]>;
  /** Node.js version (`process.version`). */
  nodeVersion?: InputMaybe<Scalars["String"]["input"]>;
  /** Peak memory in bytes. */
  peakMemoryBytes?: InputMaybe<Scalars["Float"]["input"]>;
  /** TensorFlow C library version (`TF_Version`), when the native backend exposes it. */
  tensorflowVersion?: InputMaybe<Scalars["String"]["input"]>;
  /** `@tensorflow/tfjs-node` (or `-gpu`) version, when the native backend is used. */
  tfjsNodeVersion?: InputMaybe<Scalars["String"]["input"]>;
  /** `@tensorflow/tfjs-core` version. */
  tfjsVersion?: InputMaybe<Scalars["String"]["input"]>;
  /** Training throughput (images/s). */
  trainImagesPerSec?: InputMaybe<Scalars["Float"]["input"]>;
  /** Wall-clock training time in seconds. */
  wallTimeSec?: InputMaybe<Scalars["Float"]["input"]>;
};

/** Sort order of `runs`. Ties are broken by id. */
export type RunSort = {
  /** Dotted config path when `field` is CONFIG, e.g. `optimizer.lr`. */
  configPath?: InputMaybe<Scalars["String"]["input"]>;
  /** Direction. Default DESC. */
  direction?: SortDirection;
  /** Sort key. */
  field?: RunSortField;
  /** Final-metric key when `field` is METRIC, e.g. `accuracy`. */
  metricKey?: InputMaybe<Scalars["String"]["input"]>;
};

/** What `runs` sorts by. */
export type RunSortField =
  /** The numeric config value at `RunSort.configPath` (runs where it is missing or not a number last). */
  | "CONFIG"
  /** Launch time. */
  | "CREATED_AT"
  /** A final metric named by `RunSort.metricKey` (runs without it last). */
  | "METRIC"
  /** Name. */
  | "NAME"
  /** Training throughput (runs without it last). */
  | "TRAIN_IMAGES_PER_SEC";

/** Lifecycle of a run. */
export type RunStatus =
  /** Cancelled by a user. */
  | "CANCELLED"
  /** Failed for good; see `error`. */
  | "FAILED"
  /** Waiting for a worker (and, for LOFF/LOFF_TA, for its cache). */
  | "QUEUED"
  /** A worker is training. */
  | "RUNNING"
  /** Finished; final metrics are set. */
  | "SUCCEEDED";

/** Runs deleted from a project by one `deleteRun` / `deleteRuns` call. */
export type RunsDeleted = {
  __typename?: "RunsDeleted";
  /** The deleted runs. */
  ids: Array<Scalars["ID"]["output"]>;
  /** The project. */
  projectId: Scalars["ID"]["output"];
};

/**
 * Which samples of an evaluation (all conditions must hold). Classes are indices into
 * `RunEvaluation.labelNames`.
 */
export type SampleFilter = {
  /** Only samples predicted as this class. */
  predictedLabel?: InputMaybe<Scalars["Int"]["input"]>;
  /** Only samples of this true class. */
  trueLabel?: InputMaybe<Scalars["Int"]["input"]>;
  /** Only misclassified samples. */
  wrongOnly?: InputMaybe<Scalars["Boolean"]["input"]>;
};

/** Order of `RunEvaluation.samples`. */
export type SampleOrder =
  /** Highest probability of the predicted class first (with `wrongOnly`: the most confidently wrong). */
  | "CONFIDENCE"
  /** Evaluation order. */
  | "ROW";

/** Input of `saveView`. */
export type SaveViewInput = {
  /** Name (1–100 characters, trimmed); saving under an existing name replaces that view's query. */
  name: Scalars["String"]["input"];
  /** The Runs page query string (at most 4,000 characters). */
  query: Scalars["String"]["input"];
};

/** A named view of the Runs page (its query string: filters, sort, columns), shared by the team. */
export type SavedView = {
  __typename?: "SavedView";
  /** When it was first saved. */
  createdAt: Scalars["DateTime"]["output"];
  /** View id (UUID). */
  id: Scalars["ID"]["output"];
  /** Name, unique in the team (1–100 characters). */
  name: Scalars["String"]["output"];
  /** The Runs page query string without `?`, e.g. `kind=LOFF_TA&sort=metric:accuracy`. */
  query: Scalars["String"]["output"];
  /** When it was last saved. */
  updatedAt: Scalars["DateTime"]["output"];
};

/** An image the extraction skipped. */
export type SkippedImage = {
  __typename?: "SkippedImage";
  /** Path relative to the dataset root. */
  path: Scalars["String"]["output"];
  /** Why it was skipped. */
  reason: Scalars["String"]["output"];
};

/** An image the extraction skipped. */
export type SkippedImageInput = {
  /** Path relative to the dataset root (or `#<index>`). */
  path: Scalars["String"]["input"];
  /** Why (e.g. the decoder's error). */
  reason: Scalars["String"]["input"];
};

/** Sort direction. */
export type SortDirection =
  /** Smallest first. */
  | "ASC"
  /** Largest first. */
  | "DESC";

/** Number of images in one split. */
export type SplitCount = {
  __typename?: "SplitCount";
  /** Images in this split. */
  count: Scalars["Int"]["output"];
  /** Split name: `train`, `val` or `test`. */
  split: Scalars["String"]["output"];
};

/** Images of one split, as a worker extracted them. */
export type SplitCountInput = {
  /** Images written. */
  count: Scalars["Int"]["input"];
  /** Split name: `train`, `val` or `test`. */
  split: Scalars["String"]["input"];
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type Subscription = {
  __typename?: "Subscription";
  /**
   * Progress and status changes of one feature cache. When the server's event connection to the
   * database drops, the cache is re-read once it is back (and while it is down) and delivered if it
   * changed; if that fails for long, the subscription ends with an EVENTS_LOST error.
   */
  featureCacheProgress: FeatureCache;
  /**
   * Points appended to a run, optionally only some keys: every point stored after the subscription
   * started (or after `after`) exactly once, in the order logged — also when the server's event
   * connection to the database drops (it catches up from the database). If it cannot catch up, the
   * subscription ends with an error whose `extensions.code` is EVENTS_LOST (`extensions.after`:
   * the cursor to resume from); it never goes silent.
   */
  metricsAppended: MetricBatch;
  /**
   * Lines appended to a run's log: every line stored after the subscription started exactly once,
   * after it is stored — also when the server's event connection to the database drops (it catches
   * up from the database). If it cannot catch up, the subscription ends with an error whose
   * `extensions.code` is EVENTS_LOST (`extensions.after`: the seq to resume from); it never goes
   * silent.
   */
  runLogAppended: RunLogBatch;
  /**
   * Any change of a run of this project: status, progress, results, tags, notes. When the server's
   * event connection to the database drops, the project's runs changed meanwhile are re-read and
   * delivered if they changed; if that fails (or too many changed), the subscription ends with an
   * EVENTS_LOST error (re-query `runs`).
   */
  runUpdated: Run;
  /**
   * Runs of this project deleted after the subscription started (`deleteRun`, `deleteRuns`: one
   * event per call). A deleted run cannot be re-read, so when the server's event connection to the
   * database drops the subscription ends with an EVENTS_LOST error (re-query `runs`) instead of
   * going silent.
   */
  runsDeleted: RunsDeleted;
  /**
   * Worker registrations and heartbeats of the caller's team. When the server's event connection to
   * the database drops, the subscription ends with an error whose `extensions.code` is EVENTS_LOST:
   * re-query `workers`, then subscribe again.
   */
  workerStatus: Worker;
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type SubscriptionFeatureCacheProgressArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type SubscriptionMetricsAppendedArgs = {
  after?: InputMaybe<Scalars["ID"]["input"]>;
  keys?: InputMaybe<Array<Scalars["String"]["input"]>>;
  runId: Scalars["ID"]["input"];
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type SubscriptionRunLogAppendedArgs = {
  after?: InputMaybe<Scalars["Int"]["input"]>;
  runId: Scalars["ID"]["input"];
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type SubscriptionRunUpdatedArgs = {
  projectId: Scalars["ID"]["input"];
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type SubscriptionRunsDeletedArgs = {
  projectId: Scalars["ID"]["input"];
};

/** A set of runs launched together by `launchSweep`. */
export type Sweep = {
  __typename?: "Sweep";
  /** Who launched it (null for service tokens). */
  author?: Maybe<User>;
  /** The base config as given. */
  baseConfig: Scalars["JSON"]["output"];
  /** What each of its runs cost (the order of `runs`): training + its share of the cache's build, as in `compareRuns`. */
  cost: Array<RunCost>;
  /** RANDOM: settings drawn; null for GRID. */
  count?: Maybe<Scalars["Int"]["output"]>;
  /** When it was launched. */
  createdAt: Scalars["DateTime"]["output"];
  /** One group per setting, in launch order, with mean ± std of the final metrics over the seeds. */
  groups: Array<SweepGroup>;
  /** Sweep id (UUID). */
  id: Scalars["ID"]["output"];
  /** What its runs train. */
  kind: RunKind;
  /** GRID or RANDOM. */
  method: SweepMethod;
  /** The final metric it is judged by. */
  metric: Scalars["String"]["output"];
  /** Name. */
  name: Scalars["String"]["output"];
  /** The swept parameters, as given. */
  parameters: Array<SweepParameter>;
  /** Its runs by status. */
  progress: SweepProgress;
  /** The project its runs are in. */
  project: Project;
  /** Its runs, setting by setting, each setting's in the order of `seeds` (runs deleted since are left out). */
  runs: Array<Run>;
  /** RANDOM: seed of the draws; null for GRID. */
  samplingSeed?: Maybe<Scalars["Int"]["output"]>;
  /** The run seeds: each setting ran once per seed. */
  seeds: Array<Scalars["Int"]["output"]>;
  /** Number of settings. */
  settingCount: Scalars["Int"]["output"];
};

/** A page of sweeps, newest first. */
export type SweepConnection = {
  __typename?: "SweepConnection";
  /** The sweeps of this page. */
  nodes: Array<Sweep>;
  /** Pagination: `endCursor` (the last sweep's id) is the `after` of the next page. */
  pageInfo: PageInfo;
  /** Sweeps matching over all pages. */
  totalCount: Scalars["Int"]["output"];
};

/** One setting of a sweep (the values of the swept paths, seed excluded) and its runs, one per seed. */
export type SweepGroup = {
  __typename?: "SweepGroup";
  /** Runs that finished (SUCCEEDED, FAILED or CANCELLED). */
  finishedCount: Scalars["Int"]["output"];
  /** Position of the setting in the sweep (0-based, launch order). */
  index: Scalars["Int"]["output"];
  /** The sweep's metric over the seeds (`Sweep.metric`). */
  metric: SweepMetricSummary;
  /** Every catalogue metric any of the runs reports, in the catalogue's order. */
  metrics: Array<SweepMetricSummary>;
  /** Number of runs. */
  runCount: Scalars["Int"]["output"];
  /** The setting's runs, in the order of the sweep's seeds. */
  runs: Array<Run>;
  /** Runs that SUCCEEDED (the metrics are over them). */
  succeededCount: Scalars["Int"]["output"];
  /** The setting: one value per swept path, in the order of the parameters. */
  values: Array<SweepValue>;
};

/** How a sweep chooses its settings. */
export type SweepMethod =
  /** Every combination of the parameters' `values` (their Cartesian product, the first parameter varying slowest). */
  | "GRID"
  /** `count` settings drawn at random, reproducibly from `seed`: each parameter from its `values` (uniformly) or from [`min`, `max`] (uniform, or log-uniform with `log`; integers with `integer`). */
  | "RANDOM";

/** Mean and sample standard deviation of one final metric over a group's SUCCEEDED runs. */
export type SweepMetricSummary = {
  __typename?: "SweepMetricSummary";
  /** Metric name (of the catalogue's METRICS). */
  key: Scalars["String"]["output"];
  /** Mean over the runs that report it; null when none does. */
  mean?: Maybe<Scalars["Float"]["output"]>;
  /** How many runs report it. */
  n: Scalars["Int"]["output"];
  /** Sample standard deviation (n − 1); null with fewer than 2 values. */
  std?: Maybe<Scalars["Float"]["output"]>;
};

/** One swept parameter of a sweep, as launched. */
export type SweepParameter = {
  __typename?: "SweepParameter";
  /** Whether the range draws integers. */
  integer: Scalars["Boolean"]["output"];
  /** Whether the range is drawn log-uniformly. */
  log: Scalars["Boolean"]["output"];
  /** Upper bound of a RANDOM range. */
  max?: Maybe<Scalars["Float"]["output"]>;
  /** Lower bound of a RANDOM range. */
  min?: Maybe<Scalars["Float"]["output"]>;
  /** Dotted config path. */
  path: Scalars["String"]["output"];
  /** The values it takes (GRID, or RANDOM choices); null for a range. */
  values?: Maybe<Array<Scalars["JSON"]["output"]>>;
};

/**
 * One swept parameter of `launchSweep`: a config path and what it takes. Give either `values`, or
 * (RANDOM only) `min` and `max`.
 */
export type SweepParameterInput = {
  /** RANDOM range: draw integers (from ceil(min) to floor(max)). Default false. */
  integer?: InputMaybe<Scalars["Boolean"]["input"]>;
  /** RANDOM range: draw log-uniformly (min > 0), e.g. learning rates. Default false. */
  log?: InputMaybe<Scalars["Boolean"]["input"]>;
  /** RANDOM: upper bound of a numeric range (inclusive). */
  max?: InputMaybe<Scalars["Float"]["input"]>;
  /** RANDOM: lower bound of a numeric range (inclusive). */
  min?: InputMaybe<Scalars["Float"]["input"]>;
  /** Dotted path of a value of the run configuration, e.g. `augmentations.noise.std`, `optimizer.lr`, `augmentations.hflip.enabled` (the catalogue's `defaultRunConfig()` leaves, and `schedule.warmupSteps`). Not `seed`: seeds are `LaunchSweepInput.seeds`. */
  path: Scalars["String"]["input"];
  /** The values it takes (JSON: numbers, booleans, strings, arrays such as `[0.5, 1]`), 1–256 distinct ones. GRID: each one; RANDOM: chosen uniformly. */
  values?: InputMaybe<Array<Scalars["JSON"]["input"]>>;
};

/** Runs of a sweep by status. */
export type SweepProgress = {
  __typename?: "SweepProgress";
  /** CANCELLED runs. */
  cancelled: Scalars["Int"]["output"];
  /** True when every run finished. */
  done: Scalars["Boolean"]["output"];
  /** FAILED runs. */
  failed: Scalars["Int"]["output"];
  /** Runs that finished (SUCCEEDED, FAILED or CANCELLED). */
  finished: Scalars["Int"]["output"];
  /** QUEUED runs. */
  queued: Scalars["Int"]["output"];
  /** RUNNING runs. */
  running: Scalars["Int"]["output"];
  /** SUCCEEDED runs. */
  succeeded: Scalars["Int"]["output"];
  /** Runs of the sweep (deleted runs are no longer counted). */
  total: Scalars["Int"]["output"];
};

/** The value of one swept path in a setting. */
export type SweepValue = {
  __typename?: "SweepValue";
  /** Dotted config path. */
  path: Scalars["String"]["output"];
  /** Its effective value in the runs' config (JSON). */
  value?: Maybe<Scalars["JSON"]["output"]>;
};

/** A team: the unit of isolation. Nobody ever sees another team's data. */
export type Team = {
  __typename?: "Team";
  /** Team id (UUID). */
  id: Scalars["ID"]["output"];
  /** The team's members (removed users left out), by name. */
  members: Array<User>;
  /** Display name. */
  name: Scalars["String"]["output"];
  /** URL-safe short name. */
  slug: Scalars["String"]["output"];
};

/**
 * What a bearer API token may do. ADMIN implies MEMBER and WORKER. READ is read-only: a token
 * holding it is refused every mutation (FORBIDDEN), whatever other scopes it lists.
 */
export type TokenScope =
  /** Everything MEMBER and WORKER may do; manage all the team's tokens and members. */
  | "ADMIN"
  /** Read the team's data and create projects, datasets, models, caches and runs; issue and revoke its own user's tokens (never with more scopes than its own, never ADMIN). */
  | "MEMBER"
  /** Read-only: queries and subscriptions of the team's data; every mutation is FORBIDDEN. Given alone (not combined with other scopes). */
  | "READ"
  /** Act as a training/extraction worker: register, heartbeat, claim jobs and report results (only for the workers it registered). */
  | "WORKER";

/** Input of `updateRun`: the fields to change (omitted fields are left as they are). */
export type UpdateRunInput = {
  /** New display name (1–200 characters after trimming). */
  name?: InputMaybe<Scalars["String"]["input"]>;
  /** New notes (at most 20,000 characters); null clears them. */
  notes?: InputMaybe<Scalars["String"]["input"]>;
};

/** A person in a team. */
export type User = {
  __typename?: "User";
  /** E-mail address, unique. */
  email: Scalars["String"]["output"];
  /** User id (UUID). */
  id: Scalars["ID"]["output"];
  /** Display name. */
  name: Scalars["String"]["output"];
  /** When an ADMIN removed the user from the team (its tokens were revoked then); null for members. */
  removedAt?: Maybe<Scalars["DateTime"]["output"]>;
};

/** The caller, as identified by its bearer token. */
export type Viewer = {
  __typename?: "Viewer";
  /** The token's scopes. */
  scopes: Array<TokenScope>;
  /** The team the token belongs to. */
  team: Team;
  /** When the token expires, null when never. */
  tokenExpiresAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** The token's name. */
  tokenName: Scalars["String"]["output"];
  /** The token's public prefix (`lft_` and 6 more characters), to recognise it in lists. */
  tokenPrefix: Scalars["String"]["output"];
  /** The user the token was issued to, null for service tokens (e.g. workers). */
  user?: Maybe<User>;
};

/**
 * A compute worker (extraction and/or training). It is bound to the token that registered it: only
 * that token may heartbeat, claim, report progress, complete, fail and log for it and its jobs.
 */
export type Worker = {
  __typename?: "Worker";
  /** Compute backend, e.g. `tfjs-node` or `onnxruntime`. */
  backend: Scalars["String"]["output"];
  /** Jobs it currently holds a lease on. */
  currentJobs: Array<Job>;
  /** Device, e.g. `cpu` or `cuda:0`. */
  device: Scalars["String"]["output"];
  /** Host name. */
  host: Scalars["String"]["output"];
  /** Worker id (UUID); pass it to heartbeat, claimJob and the job mutations. */
  id: Scalars["ID"]["output"];
  /** Last heartbeat. */
  lastHeartbeatAt: Scalars["DateTime"]["output"];
  /** Device memory in bytes, when known. */
  memoryBytes?: Maybe<Scalars["Float"]["output"]>;
  /** Name, unique in the team. */
  name: Scalars["String"]["output"];
  /** True when the last heartbeat is at most `withinSeconds` old. */
  online: Scalars["Boolean"]["output"];
  /** Public prefix of the token it is bound to (the one that registered it); null when it must register again (registered before workers were bound to tokens). */
  tokenPrefix?: Maybe<Scalars["String"]["output"]>;
};

/**
 * A compute worker (extraction and/or training). It is bound to the token that registered it: only
 * that token may heartbeat, claim, report progress, complete, fail and log for it and its jobs.
 */
export type WorkerOnlineArgs = {
  withinSeconds?: InputMaybe<Scalars["Int"]["input"]>;
};

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<
  TTypes,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
> = (parent: TParent, context: TContext, info: GraphQLResolveInfo) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AddTeamMemberInput: AddTeamMemberInput;
  ApiToken: ResolverTypeWrapper<TokenRow>;
  AppendRunLogsResult: ResolverTypeWrapper<AppendRunLogsResult>;
  Artifact: ResolverTypeWrapper<ArtifactModel>;
  ArtifactKind: ArtifactKind;
  Boolean: ResolverTypeWrapper<Scalars["Boolean"]["output"]>;
  CacheBreakEven: ResolverTypeWrapper<BreakEvenModel>;
  CacheEconomics: ResolverTypeWrapper<Economics>;
  CacheResultInput: CacheResultInput;
  CacheStatus: CacheStatus;
  Calibration: ResolverTypeWrapper<CalibrationModel>;
  CalibrationInput: CalibrationInput;
  ConfigDifference: ResolverTypeWrapper<ConfigDifference>;
  ConfigRangeFilter: ConfigRangeFilter;
  ConfigValueFilter: ConfigValueFilter;
  CostReference: ResolverTypeWrapper<CostReferenceModel>;
  CostReferenceSource: CostReferenceSource;
  CreateProjectInput: CreateProjectInput;
  CreateTokenInput: CreateTokenInput;
  CreatedToken: ResolverTypeWrapper<CreatedTokenRow>;
  Curve: ResolverTypeWrapper<Curve>;
  CurveKind: CurveKind;
  CurvePoint: ResolverTypeWrapper<CurvePoint>;
  Dataset: ResolverTypeWrapper<DatasetModel>;
  DatasetLayout: DatasetLayout;
  DatasetRescan: ResolverTypeWrapper<Rescan>;
  DatasetStatus: DatasetStatus;
  DateTime: ResolverTypeWrapper<Scalars["DateTime"]["output"]>;
  EvalSample: ResolverTypeWrapper<EvalSample>;
  EvalSamplePage: ResolverTypeWrapper<EvalSamplePage>;
  FeatureCache: ResolverTypeWrapper<FeatureCacheModel>;
  FeatureCacheFilter: FeatureCacheFilter;
  Float: ResolverTypeWrapper<Scalars["Float"]["output"]>;
  FoundationModel: ResolverTypeWrapper<FoundationModelModel>;
  HeartbeatResult: ResolverTypeWrapper<HeartbeatOutcome>;
  ID: ResolverTypeWrapper<Scalars["ID"]["output"]>;
  Int: ResolverTypeWrapper<Scalars["Int"]["output"]>;
  JSON: ResolverTypeWrapper<Scalars["JSON"]["output"]>;
  Job: ResolverTypeWrapper<JobModel>;
  JobFilter: JobFilter;
  JobResultInput: JobResultInput;
  JobStatus: JobStatus;
  JobType: JobType;
  LaunchRunInput: LaunchRunInput;
  LaunchSweepInput: LaunchSweepInput;
  LogMetricsResult: ResolverTypeWrapper<LogMetricsResult>;
  MetricBatch: ResolverTypeWrapper<MetricBatch>;
  MetricColumnsInput: MetricColumnsInput;
  MetricComparison: ResolverTypeWrapper<MetricComparison>;
  MetricPointInput: MetricPointInput;
  MetricRangeFilter: MetricRangeFilter;
  MetricSeries: ResolverTypeWrapper<MetricSeries>;
  MetricValue: ResolverTypeWrapper<MetricValue>;
  ModelFamily: ModelFamily;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProgressResult: ResolverTypeWrapper<ProgressOutcome>;
  Project: ResolverTypeWrapper<ProjectModel>;
  PublishReportInput: PublishReportInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterFoundationModelInput: RegisterFoundationModelInput;
  RegisterWorkerInput: RegisterWorkerInput;
  Report: ResolverTypeWrapper<ReportModel>;
  ReportPlot: ResolverTypeWrapper<ReportPlotModel>;
  ReportPlotInput: ReportPlotInput;
  ReportResult: ResolverTypeWrapper<ReportResult>;
  ReportResultInput: ReportResultInput;
  RequestFeatureCacheInput: RequestFeatureCacheInput;
  Run: ResolverTypeWrapper<RunModel>;
  RunArtifactInput: RunArtifactInput;
  RunComparison: ResolverTypeWrapper<Comparison>;
  RunConnection: ResolverTypeWrapper<RunPage>;
  RunCost: ResolverTypeWrapper<CostRow>;
  RunEdge: ResolverTypeWrapper<Omit<RunEdge, "node"> & { node: ResolversTypes["Run"] }>;
  RunEfficiency: ResolverTypeWrapper<EfficiencyRow>;
  RunEvaluation: ResolverTypeWrapper<Evaluation>;
  RunFilter: RunFilter;
  RunKind: RunKind;
  RunLogBatch: ResolverTypeWrapper<RunLogBatch>;
  RunLogLevel: RunLogLevel;
  RunLogLine: ResolverTypeWrapper<RunLogLine>;
  RunLogLineInput: RunLogLineInput;
  RunLogPage: ResolverTypeWrapper<RunLogPage>;
  RunResultInput: RunResultInput;
  RunSort: RunSort;
  RunSortField: RunSortField;
  RunStatus: RunStatus;
  RunsDeleted: ResolverTypeWrapper<RunsDeleted>;
  SampleFilter: SampleFilter;
  SampleOrder: SampleOrder;
  SaveViewInput: SaveViewInput;
  SavedView: ResolverTypeWrapper<SavedView>;
  SkippedImage: ResolverTypeWrapper<SkippedImage>;
  SkippedImageInput: SkippedImageInput;
  SortDirection: SortDirection;
  SplitCount: ResolverTypeWrapper<SplitCount>;
  SplitCountInput: SplitCountInput;
  String: ResolverTypeWrapper<Scalars["String"]["output"]>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Sweep: ResolverTypeWrapper<SweepModel>;
  SweepConnection: ResolverTypeWrapper<SweepPage>;
  SweepGroup: ResolverTypeWrapper<SweepGroupRow>;
  SweepMethod: SweepMethod;
  SweepMetricSummary: ResolverTypeWrapper<SweepMetricSummary>;
  SweepParameter: ResolverTypeWrapper<SweepParameter>;
  SweepParameterInput: SweepParameterInput;
  SweepProgress: ResolverTypeWrapper<SweepProgress>;
  SweepValue: ResolverTypeWrapper<SweepValue>;
  Team: ResolverTypeWrapper<TeamModel>;
  TokenScope: TokenScope;
  UpdateRunInput: UpdateRunInput;
  User: ResolverTypeWrapper<UserModel>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  Worker: ResolverTypeWrapper<WorkerModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddTeamMemberInput: AddTeamMemberInput;
  ApiToken: TokenRow;
  AppendRunLogsResult: AppendRunLogsResult;
  Artifact: ArtifactModel;
  Boolean: Scalars["Boolean"]["output"];
  CacheBreakEven: BreakEvenModel;
  CacheEconomics: Economics;
  CacheResultInput: CacheResultInput;
  Calibration: CalibrationModel;
  CalibrationInput: CalibrationInput;
  ConfigDifference: ConfigDifference;
  ConfigRangeFilter: ConfigRangeFilter;
  ConfigValueFilter: ConfigValueFilter;
  CostReference: CostReferenceModel;
  CreateProjectInput: CreateProjectInput;
  CreateTokenInput: CreateTokenInput;
  CreatedToken: CreatedTokenRow;
  Curve: Curve;
  CurvePoint: CurvePoint;
  Dataset: DatasetModel;
  DatasetRescan: Rescan;
  DateTime: Scalars["DateTime"]["output"];
  EvalSample: EvalSample;
  EvalSamplePage: EvalSamplePage;
  FeatureCache: FeatureCacheModel;
  FeatureCacheFilter: FeatureCacheFilter;
  Float: Scalars["Float"]["output"];
  FoundationModel: FoundationModelModel;
  HeartbeatResult: HeartbeatOutcome;
  ID: Scalars["ID"]["output"];
  Int: Scalars["Int"]["output"];
  JSON: Scalars["JSON"]["output"];
  Job: JobModel;
  JobFilter: JobFilter;
  JobResultInput: JobResultInput;
  LaunchRunInput: LaunchRunInput;
  LaunchSweepInput: LaunchSweepInput;
  LogMetricsResult: LogMetricsResult;
  MetricBatch: MetricBatch;
  MetricColumnsInput: MetricColumnsInput;
  MetricComparison: MetricComparison;
  MetricPointInput: MetricPointInput;
  MetricRangeFilter: MetricRangeFilter;
  MetricSeries: MetricSeries;
  MetricValue: MetricValue;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  ProgressResult: ProgressOutcome;
  Project: ProjectModel;
  PublishReportInput: PublishReportInput;
  Query: Record<PropertyKey, never>;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterFoundationModelInput: RegisterFoundationModelInput;
  RegisterWorkerInput: RegisterWorkerInput;
  Report: ReportModel;
  ReportPlot: ReportPlotModel;
  ReportPlotInput: ReportPlotInput;
  ReportResult: ReportResult;
  ReportResultInput: ReportResultInput;
  RequestFeatureCacheInput: RequestFeatureCacheInput;
  Run: RunModel;
  RunArtifactInput: RunArtifactInput;
  RunComparison: Comparison;
  RunConnection: RunPage;
  RunCost: CostRow;
  RunEdge: Omit<RunEdge, "node"> & { node: ResolversParentTypes["Run"] };
  RunEfficiency: EfficiencyRow;
  RunEvaluation: Evaluation;
  RunFilter: RunFilter;
  RunLogBatch: RunLogBatch;
  RunLogLine: RunLogLine;
  RunLogLineInput: RunLogLineInput;
  RunLogPage: RunLogPage;
  RunResultInput: RunResultInput;
  RunSort: RunSort;
  RunsDeleted: RunsDeleted;
  SampleFilter: SampleFilter;
  SaveViewInput: SaveViewInput;
  SavedView: SavedView;
  SkippedImage: SkippedImage;
  SkippedImageInput: SkippedImageInput;
  SplitCount: SplitCount;
  SplitCountInput: SplitCountInput;
  String: Scalars["String"]["output"];
  Subscription: Record<PropertyKey, never>;
  Sweep: SweepModel;
  SweepConnection: SweepPage;
  SweepGroup: SweepGroupRow;
  SweepMetricSummary: SweepMetricSummary;
  SweepParameter: SweepParameter;
  SweepParameterInput: SweepParameterInput;
  SweepProgress: SweepProgress;
  SweepValue: SweepValue;
  Team: TeamModel;
  UpdateRunInput: UpdateRunInput;
  User: UserModel;
  Viewer: ViewerModel;
  Worker: WorkerModel;
};

export type ApiTokenResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["ApiToken"] = ResolversParentTypes["ApiToken"],
> = {
  active?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  current?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes["TokenScope"]>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes["User"]>, ParentType, ContextType>;
};

export type AppendRunLogsResultResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["AppendRunLogsResult"] =
    ResolversParentTypes["AppendRunLogsResult"],
> = {
  duplicates?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  inserted?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type ArtifactResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Artifact"] = ResolversParentTypes["Artifact"],
> = {
  bytes?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  downloadPath?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes["ArtifactKind"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type CacheBreakEvenResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["CacheBreakEven"] = ResolversParentTypes["CacheBreakEven"],
> = {
  breakEvenRuns?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes["CostReference"], ParentType, ContextType>;
  referenceSeconds?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  savedHours?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  savedPerRunSeconds?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  savedSeconds?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
};

export type CacheEconomicsResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["CacheEconomics"] = ResolversParentTypes["CacheEconomics"],
> = {
  breakEven?: Resolver<Array<ResolversTypes["CacheBreakEven"]>, ParentType, ContextType>;
  buildSeconds?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  forwardPassesAvoided?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  readingRuns?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  trainingSeconds?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
};

export type CalibrationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Calibration"] = ResolversParentTypes["Calibration"],
> = {
  batchSize?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  device?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  imagesPerSec?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  model?: Resolver<ResolversTypes["FoundationModel"], ParentType, ContextType>;
  peakMemoryBytes?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  resolution?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  steps?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type ConfigDifferenceResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["ConfigDifference"] = ResolversParentTypes["ConfigDifference"],
> = {
  path?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  values?: Resolver<Array<Maybe<ResolversTypes["JSON"]>>, ParentType, ContextType>;
};

export type CostReferenceResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["CostReference"] = ResolversParentTypes["CostReference"],
> = {
  imagesPerSec?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes["RunKind"], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes["Run"]>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes["CostReferenceSource"], ParentType, ContextType>;
};

export type CreatedTokenResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["CreatedToken"] = ResolversParentTypes["CreatedToken"],
> = {
  secret?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  token?: Resolver<ResolversTypes["ApiToken"], ParentType, ContextType>;
};

export type CurveResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Curve"] = ResolversParentTypes["Curve"],
> = {
  area?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  classIndex?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  className?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes["CurveKind"], ParentType, ContextType>;
  negatives?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes["CurvePoint"]>, ParentType, ContextType>;
  positives?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type CurvePointResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["CurvePoint"] = ResolversParentTypes["CurvePoint"],
> = {
  threshold?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  x?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  y?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
};

export type DatasetResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Dataset"] = ResolversParentTypes["Dataset"],
> = {
  caches?: Resolver<Array<ResolversTypes["FeatureCache"]>, ParentType, ContextType>;
  classNames?: Resolver<Array<ResolversTypes["String"]>, ParentType, ContextType>;
  contentHash?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  imageCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  layout?: Resolver<ResolversTypes["DatasetLayout"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  rootUri?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  splitCounts?: Resolver<Array<ResolversTypes["SplitCount"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["DatasetStatus"], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
};

export type DatasetRescanResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["DatasetRescan"] = ResolversParentTypes["DatasetRescan"],
> = {
  changed?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes["Dataset"], ParentType, ContextType>;
  staleCaches?: Resolver<Array<ResolversTypes["FeatureCache"]>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["DateTime"], any> {
  name: "DateTime";
}

export type EvalSampleResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["EvalSample"] = ResolversParentTypes["EvalSample"],
> = {
  confidence?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  index?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  label?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  predicted?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  probs?: Resolver<Array<ResolversTypes["Float"]>, ParentType, ContextType>;
  row?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type EvalSamplePageResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["EvalSamplePage"] = ResolversParentTypes["EvalSamplePage"],
> = {
  samples?: Resolver<Array<ResolversTypes["EvalSample"]>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type FeatureCacheResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["FeatureCache"] = ResolversParentTypes["FeatureCache"],
> = {
  bytes?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes["Dataset"], ParentType, ContextType>;
  datasetContentHash?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  dim?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  dtype?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  economics?: Resolver<ResolversTypes["CacheEconomics"], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  extractDevice?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  extractPeakMemoryBytes?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  extractSeconds?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  forwardPasses?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  gridH?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  gridW?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  imagesPerSec?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  layer?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  manifestSha256?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  mean?: Resolver<Maybe<Array<ResolversTypes["Float"]>>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes["FoundationModel"], ParentType, ContextType>;
  pooling?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  progressDone?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  progressTotal?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  resolution?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  shardCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  skipped?: Resolver<Array<ResolversTypes["SkippedImage"]>, ParentType, ContextType>;
  skippedCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  splitCounts?: Resolver<Array<ResolversTypes["SplitCount"]>, ParentType, ContextType>;
  stale?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  staleAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  staleReason?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["CacheStatus"], ParentType, ContextType>;
  std?: Resolver<Maybe<Array<ResolversTypes["Float"]>>, ParentType, ContextType>;
  storageUri?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  weightsSha256?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
};

export type FoundationModelResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["FoundationModel"] = ResolversParentTypes["FoundationModel"],
> = {
  caches?: Resolver<Array<ResolversTypes["FeatureCache"]>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  defaultImageSize?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  embedDim?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  family?: Resolver<ResolversTypes["ModelFamily"], ParentType, ContextType>;
  heads?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  mean?: Resolver<Maybe<Array<ResolversTypes["Float"]>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  options?: Resolver<ResolversTypes["JSON"], ParentType, ContextType>;
  parameterCount?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  patchSize?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  std?: Resolver<Maybe<Array<ResolversTypes["Float"]>>, ParentType, ContextType>;
  weightsSha256?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  weightsUri?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type HeartbeatResultResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["HeartbeatResult"] = ResolversParentTypes["HeartbeatResult"],
> = {
  cancelledJobIds?: Resolver<Array<ResolversTypes["ID"]>, ParentType, ContextType>;
  worker?: Resolver<ResolversTypes["Worker"], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["JSON"], any> {
  name: "JSON";
}

export type JobResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Job"] = ResolversParentTypes["Job"],
> = {
  attempts?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  availableAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  cache?: Resolver<Maybe<ResolversTypes["FeatureCache"]>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  leaseExpiresAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  maxAttempts?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes["JSON"], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes["Run"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["JobStatus"], ParentType, ContextType>;
  type?: Resolver<ResolversTypes["JobType"], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  worker?: Resolver<Maybe<ResolversTypes["Worker"]>, ParentType, ContextType>;
};

export type LogMetricsResultResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["LogMetricsResult"] = ResolversParentTypes["LogMetricsResult"],
> = {
  cancelled?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  inserted?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type MetricBatchResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["MetricBatch"] = ResolversParentTypes["MetricBatch"],
> = {
  cursor?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes["MetricValue"]>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type MetricComparisonResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["MetricComparison"] = ResolversParentTypes["MetricComparison"],
> = {
  key?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  values?: Resolver<Array<Maybe<ResolversTypes["Float"]>>, ParentType, ContextType>;
};

export type MetricSeriesResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["MetricSeries"] = ResolversParentTypes["MetricSeries"],
> = {
  downsampled?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  key?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes["Int"]>, ParentType, ContextType>;
  totalPoints?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes["Float"]>, ParentType, ContextType>;
};

export type MetricValueResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["MetricValue"] = ResolversParentTypes["MetricValue"],
> = {
  key?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  step?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  value?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Mutation"] = ResolversParentTypes["Mutation"],
> = {
  addTeamMember?: Resolver<
    ResolversTypes["User"],
    ParentType,
    ContextType,
    RequireFields<MutationAddTeamMemberArgs, "input">
  >;
  appendRunLogs?: Resolver<
    ResolversTypes["AppendRunLogsResult"],
    ParentType,
    ContextType,
    RequireFields<MutationAppendRunLogsArgs, "lines" | "runId">
  >;
  archiveRuns?: Resolver<
    Array<ResolversTypes["Run"]>,
    ParentType,
    ContextType,
    RequireFields<MutationArchiveRunsArgs, "ids">
  >;
  cancelJob?: Resolver<
    ResolversTypes["Job"],
    ParentType,
    ContextType,
    RequireFields<MutationCancelJobArgs, "id">
  >;
  cancelRun?: Resolver<
    ResolversTypes["Run"],
    ParentType,
    ContextType,
    RequireFields<MutationCancelRunArgs, "id">
  >;
  claimJob?: Resolver<
    Maybe<ResolversTypes["Job"]>,
    ParentType,
    ContextType,
    RequireFields<MutationClaimJobArgs, "leaseSeconds" | "workerId">
  >;
  completeJob?: Resolver<
    ResolversTypes["Job"],
    ParentType,
    ContextType,
    RequireFields<MutationCompleteJobArgs, "jobId" | "result" | "workerId">
  >;
  createProject?: Resolver<
    ResolversTypes["Project"],
    ParentType,
    ContextType,
    RequireFields<MutationCreateProjectArgs, "input">
  >;
  createToken?: Resolver<
    ResolversTypes["CreatedToken"],
    ParentType,
    ContextType,
    RequireFields<MutationCreateTokenArgs, "input">
  >;
  deleteRun?: Resolver<
    ResolversTypes["ID"],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteRunArgs, "id">
  >;
  deleteRuns?: Resolver<
    Array<ResolversTypes["ID"]>,
    ParentType,
    ContextType,
    RequireFields<MutationDeleteRunsArgs, "ids">
  >;
  deleteView?: Resolver<
    ResolversTypes["ID"],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteViewArgs, "id">
  >;
  failJob?: Resolver<
    ResolversTypes["Job"],
    ParentType,
    ContextType,
    RequireFields<MutationFailJobArgs, "error" | "jobId" | "retryable" | "workerId">
  >;
  heartbeat?: Resolver<
    ResolversTypes["HeartbeatResult"],
    ParentType,
    ContextType,
    RequireFields<MutationHeartbeatArgs, "workerId">
  >;
  launchRun?: Resolver<
    ResolversTypes["Run"],
    ParentType,
    ContextType,
    RequireFields<MutationLaunchRunArgs, "input">
  >;
  launchSweep?: Resolver<
    ResolversTypes["Sweep"],
    ParentType,
    ContextType,
    RequireFields<MutationLaunchSweepArgs, "input">
  >;
  logMetricColumns?: Resolver<
    ResolversTypes["LogMetricsResult"],
    ParentType,
    ContextType,
    RequireFields<MutationLogMetricColumnsArgs, "columns" | "runId">
  >;
  logMetrics?: Resolver<
    ResolversTypes["LogMetricsResult"],
    ParentType,
    ContextType,
    RequireFields<MutationLogMetricsArgs, "points" | "runId">
  >;
  publishReport?: Resolver<
    ResolversTypes["Report"],
    ParentType,
    ContextType,
    RequireFields<MutationPublishReportArgs, "input">
  >;
  registerDataset?: Resolver<
    ResolversTypes["Dataset"],
    ParentType,
    ContextType,
    RequireFields<MutationRegisterDatasetArgs, "input">
  >;
  registerFoundationModel?: Resolver<
    ResolversTypes["FoundationModel"],
    ParentType,
    ContextType,
    RequireFields<MutationRegisterFoundationModelArgs, "input">
  >;
  registerRunArtifacts?: Resolver<
    Array<ResolversTypes["Artifact"]>,
    ParentType,
    ContextType,
    RequireFields<MutationRegisterRunArtifactsArgs, "artifacts" | "runId">
  >;
  registerWorker?: Resolver<
    ResolversTypes["Worker"],
    ParentType,
    ContextType,
    RequireFields<MutationRegisterWorkerArgs, "input">
  >;
  removeTeamMember?: Resolver<
    ResolversTypes["User"],
    ParentType,
    ContextType,
    RequireFields<MutationRemoveTeamMemberArgs, "id">
  >;
  reportProgress?: Resolver<
    ResolversTypes["ProgressResult"],
    ParentType,
    ContextType,
    RequireFields<MutationReportProgressArgs, "done" | "jobId" | "total" | "workerId">
  >;
  requestFeatureCache?: Resolver<
    ResolversTypes["FeatureCache"],
    ParentType,
    ContextType,
    RequireFields<MutationRequestFeatureCacheArgs, "input">
  >;
  rescanDataset?: Resolver<
    ResolversTypes["DatasetRescan"],
    ParentType,
    ContextType,
    RequireFields<MutationRescanDatasetArgs, "id">
  >;
  retryJob?: Resolver<
    ResolversTypes["Job"],
    ParentType,
    ContextType,
    RequireFields<MutationRetryJobArgs, "id">
  >;
  retryRun?: Resolver<
    ResolversTypes["Run"],
    ParentType,
    ContextType,
    RequireFields<MutationRetryRunArgs, "id">
  >;
  revokeToken?: Resolver<
    ResolversTypes["ApiToken"],
    ParentType,
    ContextType,
    RequireFields<MutationRevokeTokenArgs, "id">
  >;
  saveView?: Resolver<
    ResolversTypes["SavedView"],
    ParentType,
    ContextType,
    RequireFields<MutationSaveViewArgs, "input">
  >;
  setRunNotes?: Resolver<
    ResolversTypes["Run"],
    ParentType,
    ContextType,
    RequireFields<MutationSetRunNotesArgs, "id">
  >;
  tagRun?: Resolver<ResolversTypes["Run"], ParentType, ContextType, RequireFields<MutationTagRunArgs, "id">>;
  tagRuns?: Resolver<
    Array<ResolversTypes["Run"]>,
    ParentType,
    ContextType,
    RequireFields<MutationTagRunsArgs, "ids">
  >;
  unarchiveRuns?: Resolver<
    Array<ResolversTypes["Run"]>,
    ParentType,
    ContextType,
    RequireFields<MutationUnarchiveRunsArgs, "ids">
  >;
  updateRun?: Resolver<
    ResolversTypes["Run"],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateRunArgs, "id" | "input">
  >;
};

export type PageInfoResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["PageInfo"] = ResolversParentTypes["PageInfo"],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
};

export type ProgressResultResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["ProgressResult"] = ResolversParentTypes["ProgressResult"],
> = {
  cancelled?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  job?: Resolver<ResolversTypes["Job"], ParentType, ContextType>;
};

export type ProjectResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Project"] = ResolversParentTypes["Project"],
> = {
  archivedRunCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Query"] = ResolversParentTypes["Query"],
> = {
  calibration?: Resolver<
    Maybe<ResolversTypes["Calibration"]>,
    ParentType,
    ContextType,
    RequireFields<QueryCalibrationArgs, "batchSize" | "device" | "modelId" | "resolution">
  >;
  compareRuns?: Resolver<
    ResolversTypes["RunComparison"],
    ParentType,
    ContextType,
    RequireFields<QueryCompareRunsArgs, "ids">
  >;
  dataset?: Resolver<
    Maybe<ResolversTypes["Dataset"]>,
    ParentType,
    ContextType,
    RequireFields<QueryDatasetArgs, "id">
  >;
  datasets?: Resolver<Array<ResolversTypes["Dataset"]>, ParentType, ContextType>;
  featureCache?: Resolver<
    Maybe<ResolversTypes["FeatureCache"]>,
    ParentType,
    ContextType,
    RequireFields<QueryFeatureCacheArgs, "id">
  >;
  featureCaches?: Resolver<
    Array<ResolversTypes["FeatureCache"]>,
    ParentType,
    ContextType,
    Partial<QueryFeatureCachesArgs>
  >;
  foundationModel?: Resolver<
    Maybe<ResolversTypes["FoundationModel"]>,
    ParentType,
    ContextType,
    RequireFields<QueryFoundationModelArgs, "id">
  >;
  foundationModels?: Resolver<Array<ResolversTypes["FoundationModel"]>, ParentType, ContextType>;
  job?: Resolver<Maybe<ResolversTypes["Job"]>, ParentType, ContextType, RequireFields<QueryJobArgs, "id">>;
  jobs?: Resolver<
    Array<ResolversTypes["Job"]>,
    ParentType,
    ContextType,
    RequireFields<QueryJobsArgs, "first">
  >;
  me?: Resolver<ResolversTypes["Viewer"], ParentType, ContextType>;
  metricSeries?: Resolver<
    Array<ResolversTypes["MetricSeries"]>,
    ParentType,
    ContextType,
    RequireFields<QueryMetricSeriesArgs, "keys" | "maxPoints" | "runIds">
  >;
  project?: Resolver<
    Maybe<ResolversTypes["Project"]>,
    ParentType,
    ContextType,
    RequireFields<QueryProjectArgs, "id">
  >;
  projects?: Resolver<Array<ResolversTypes["Project"]>, ParentType, ContextType>;
  report?: Resolver<
    Maybe<ResolversTypes["Report"]>,
    ParentType,
    ContextType,
    RequireFields<QueryReportArgs, "id">
  >;
  reports?: Resolver<
    Array<ResolversTypes["Report"]>,
    ParentType,
    ContextType,
    RequireFields<QueryReportsArgs, "projectId">
  >;
  run?: Resolver<Maybe<ResolversTypes["Run"]>, ParentType, ContextType, RequireFields<QueryRunArgs, "id">>;
  runLogs?: Resolver<
    ResolversTypes["RunLogPage"],
    ParentType,
    ContextType,
    RequireFields<QueryRunLogsArgs, "fromEnd" | "limit" | "runId">
  >;
  runs?: Resolver<
    ResolversTypes["RunConnection"],
    ParentType,
    ContextType,
    RequireFields<QueryRunsArgs, "first">
  >;
  savedViews?: Resolver<Array<ResolversTypes["SavedView"]>, ParentType, ContextType>;
  sweep?: Resolver<
    Maybe<ResolversTypes["Sweep"]>,
    ParentType,
    ContextType,
    RequireFields<QuerySweepArgs, "id">
  >;
  sweeps?: Resolver<
    ResolversTypes["SweepConnection"],
    ParentType,
    ContextType,
    RequireFields<QuerySweepsArgs, "first">
  >;
  team?: Resolver<ResolversTypes["Team"], ParentType, ContextType>;
  tokens?: Resolver<Array<ResolversTypes["ApiToken"]>, ParentType, ContextType>;
  workers?: Resolver<Array<ResolversTypes["Worker"]>, ParentType, ContextType>;
};

export type ReportResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Report"] = ResolversParentTypes["Report"],
> = {
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes["RunKind"]>, ParentType, ContextType>;
  markdown?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  plots?: Resolver<Array<ResolversTypes["ReportPlot"]>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes["Project"], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes["ReportResult"]>, ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  runIds?: Resolver<Array<ResolversTypes["ID"]>, ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes["Run"]>, ParentType, ContextType>;
  settings?: Resolver<ResolversTypes["JSON"], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
};

export type ReportPlotResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["ReportPlot"] = ResolversParentTypes["ReportPlot"],
> = {
  base64?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  dataUrl?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  height?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  width?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type ReportResultResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["ReportResult"] = ResolversParentTypes["ReportResult"],
> = {
  imagesPerSec?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes["RunKind"], ParentType, ContextType>;
  labelsPerClass?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  memorySaving?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  metricMean?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  metricStd?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  peakMemoryBytes?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  runIds?: Resolver<Array<ResolversTypes["ID"]>, ParentType, ContextType>;
  speedup?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  succeeded?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type RunResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Run"] = ResolversParentTypes["Run"],
> = {
  archivedAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  artifacts?: Resolver<Array<ResolversTypes["Artifact"]>, ParentType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes["User"]>, ParentType, ContextType>;
  backend?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  baselineRun?: Resolver<Maybe<ResolversTypes["Run"]>, ParentType, ContextType>;
  cache?: Resolver<Maybe<ResolversTypes["FeatureCache"]>, ParentType, ContextType>;
  calibration?: Resolver<Maybe<ResolversTypes["Calibration"]>, ParentType, ContextType>;
  config?: Resolver<ResolversTypes["JSON"], ParentType, ContextType>;
  confusionMatrix?: Resolver<Maybe<Array<Array<ResolversTypes["Int"]>>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  device?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  evalCount?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  evalSplit?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  evaluation?: Resolver<Maybe<ResolversTypes["RunEvaluation"]>, ParentType, ContextType>;
  finalMetrics?: Resolver<Maybe<ResolversTypes["JSON"]>, ParentType, ContextType>;
  gitCommit?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  host?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  imagesSeen?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes["RunKind"], ParentType, ContextType>;
  launchedBy?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  lofftaVersion?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  metricKeys?: Resolver<Array<ResolversTypes["String"]>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  nodeVersion?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  peakMemoryBytes?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes["Project"], ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes["Report"]>, ParentType, ContextType>;
  seed?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["RunStatus"], ParentType, ContextType>;
  sweep?: Resolver<Maybe<ResolversTypes["Sweep"]>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes["String"]>, ParentType, ContextType>;
  tensorflowVersion?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  tfjsNodeVersion?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  tfjsVersion?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  trainImagesPerSec?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  trainedBy?: Resolver<Maybe<ResolversTypes["Worker"]>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  wallTimeSec?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
};

export type RunComparisonResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunComparison"] = ResolversParentTypes["RunComparison"],
> = {
  configDiff?: Resolver<Array<ResolversTypes["ConfigDifference"]>, ParentType, ContextType>;
  cost?: Resolver<Array<ResolversTypes["RunCost"]>, ParentType, ContextType>;
  efficiency?: Resolver<Array<ResolversTypes["RunEfficiency"]>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes["MetricComparison"]>, ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes["Run"]>, ParentType, ContextType>;
};

export type RunConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunConnection"] = ResolversParentTypes["RunConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["RunEdge"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type RunCostResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunCost"] = ResolversParentTypes["RunCost"],
> = {
  cacheShareSeconds?: Resolver<ResolversTypes["Float"], ParentType, ContextType>;
  memoryGbSeconds?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  run?: Resolver<ResolversTypes["Run"], ParentType, ContextType>;
  totalSeconds?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  trainingSeconds?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
};

export type RunEdgeResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunEdge"] = ResolversParentTypes["RunEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["Run"], ParentType, ContextType>;
};

export type RunEfficiencyResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunEfficiency"] = ResolversParentTypes["RunEfficiency"],
> = {
  baselineRun?: Resolver<Maybe<ResolversTypes["Run"]>, ParentType, ContextType>;
  baselineSource?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  calibration?: Resolver<Maybe<ResolversTypes["Calibration"]>, ParentType, ContextType>;
  memorySaving?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  peakMemoryBytes?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  run?: Resolver<ResolversTypes["Run"], ParentType, ContextType>;
  speedup?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  trainImagesPerSec?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
};

export type RunEvaluationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunEvaluation"] = ResolversParentTypes["RunEvaluation"],
> = {
  confusionMatrix?: Resolver<Array<Array<ResolversTypes["Int"]>>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  curves?: Resolver<
    Array<ResolversTypes["Curve"]>,
    ParentType,
    ContextType,
    RequireFields<RunEvaluationCurvesArgs, "kind">
  >;
  imagesAvailable?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  labelNames?: Resolver<Array<ResolversTypes["String"]>, ParentType, ContextType>;
  samples?: Resolver<
    ResolversTypes["EvalSamplePage"],
    ParentType,
    ContextType,
    RequireFields<RunEvaluationSamplesArgs, "first" | "offset" | "order">
  >;
  split?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type RunLogBatchResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunLogBatch"] = ResolversParentTypes["RunLogBatch"],
> = {
  lines?: Resolver<Array<ResolversTypes["RunLogLine"]>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type RunLogLineResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunLogLine"] = ResolversParentTypes["RunLogLine"],
> = {
  level?: Resolver<ResolversTypes["RunLogLevel"], ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  time?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
};

export type RunLogPageResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunLogPage"] = ResolversParentTypes["RunLogPage"],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  hasMore?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes["RunLogLine"]>, ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
};

export type RunsDeletedResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["RunsDeleted"] = ResolversParentTypes["RunsDeleted"],
> = {
  ids?: Resolver<Array<ResolversTypes["ID"]>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type SavedViewResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SavedView"] = ResolversParentTypes["SavedView"],
> = {
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  query?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
};

export type SkippedImageResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SkippedImage"] = ResolversParentTypes["SkippedImage"],
> = {
  path?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type SplitCountResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SplitCount"] = ResolversParentTypes["SplitCount"],
> = {
  count?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  split?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type SubscriptionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Subscription"] = ResolversParentTypes["Subscription"],
> = {
  featureCacheProgress?: SubscriptionResolver<
    ResolversTypes["FeatureCache"],
    "featureCacheProgress",
    ParentType,
    ContextType,
    RequireFields<SubscriptionFeatureCacheProgressArgs, "id">
  >;
  metricsAppended?: SubscriptionResolver<
    ResolversTypes["MetricBatch"],
    "metricsAppended",
    ParentType,
    ContextType,
    RequireFields<SubscriptionMetricsAppendedArgs, "runId">
  >;
  runLogAppended?: SubscriptionResolver<
    ResolversTypes["RunLogBatch"],
    "runLogAppended",
    ParentType,
    ContextType,
    RequireFields<SubscriptionRunLogAppendedArgs, "runId">
  >;
  runUpdated?: SubscriptionResolver<
    ResolversTypes["Run"],
    "runUpdated",
    ParentType,
    ContextType,
    RequireFields<SubscriptionRunUpdatedArgs, "projectId">
  >;
  runsDeleted?: SubscriptionResolver<
    ResolversTypes["RunsDeleted"],
    "runsDeleted",
    ParentType,
    ContextType,
    RequireFields<SubscriptionRunsDeletedArgs, "projectId">
  >;
  workerStatus?: SubscriptionResolver<ResolversTypes["Worker"], "workerStatus", ParentType, ContextType>;
};

export type SweepResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Sweep"] = ResolversParentTypes["Sweep"],
> = {
  author?: Resolver<Maybe<ResolversTypes["User"]>, ParentType, ContextType>;
  baseConfig?: Resolver<ResolversTypes["JSON"], ParentType, ContextType>;
  cost?: Resolver<Array<ResolversTypes["RunCost"]>, ParentType, ContextType>;
  count?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes["SweepGroup"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes["RunKind"], ParentType, ContextType>;
  method?: Resolver<ResolversTypes["SweepMethod"], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  parameters?: Resolver<Array<ResolversTypes["SweepParameter"]>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes["SweepProgress"], ParentType, ContextType>;
  project?: Resolver<ResolversTypes["Project"], ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes["Run"]>, ParentType, ContextType>;
  samplingSeed?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  seeds?: Resolver<Array<ResolversTypes["Int"]>, ParentType, ContextType>;
  settingCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type SweepConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SweepConnection"] = ResolversParentTypes["SweepConnection"],
> = {
  nodes?: Resolver<Array<ResolversTypes["Sweep"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type SweepGroupResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SweepGroup"] = ResolversParentTypes["SweepGroup"],
> = {
  finishedCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  index?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes["SweepMetricSummary"], ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes["SweepMetricSummary"]>, ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes["Run"]>, ParentType, ContextType>;
  succeededCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes["SweepValue"]>, ParentType, ContextType>;
};

export type SweepMetricSummaryResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SweepMetricSummary"] = ResolversParentTypes["SweepMetricSummary"],
> = {
  key?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  n?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  std?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
};

export type SweepParameterResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SweepParameter"] = ResolversParentTypes["SweepParameter"],
> = {
  integer?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  log?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  values?: Resolver<Maybe<Array<ResolversTypes["JSON"]>>, ParentType, ContextType>;
};

export type SweepProgressResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SweepProgress"] = ResolversParentTypes["SweepProgress"],
> = {
  cancelled?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  done?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  finished?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  queued?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  running?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  succeeded?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  total?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type SweepValueResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["SweepValue"] = ResolversParentTypes["SweepValue"],
> = {
  path?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes["JSON"]>, ParentType, ContextType>;
};

export type TeamResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Team"] = ResolversParentTypes["Team"],
> = {
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes["User"]>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type UserResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["User"] = ResolversParentTypes["User"],
> = {
  email?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  removedAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
};

export type ViewerResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Viewer"] = ResolversParentTypes["Viewer"],
> = {
  scopes?: Resolver<Array<ResolversTypes["TokenScope"]>, ParentType, ContextType>;
  team?: Resolver<ResolversTypes["Team"], ParentType, ContextType>;
  tokenExpiresAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  tokenName?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  tokenPrefix?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes["User"]>, ParentType, ContextType>;
};

export type WorkerResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes["Worker"] = ResolversParentTypes["Worker"],
> = {
  backend?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  currentJobs?: Resolver<Array<ResolversTypes["Job"]>, ParentType, ContextType>;
  device?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  host?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  lastHeartbeatAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  memoryBytes?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  online?: Resolver<
    ResolversTypes["Boolean"],
    ParentType,
    ContextType,
    RequireFields<WorkerOnlineArgs, "withinSeconds">
  >;
  tokenPrefix?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  ApiToken?: ApiTokenResolvers<ContextType>;
  AppendRunLogsResult?: AppendRunLogsResultResolvers<ContextType>;
  Artifact?: ArtifactResolvers<ContextType>;
  CacheBreakEven?: CacheBreakEvenResolvers<ContextType>;
  CacheEconomics?: CacheEconomicsResolvers<ContextType>;
  Calibration?: CalibrationResolvers<ContextType>;
  ConfigDifference?: ConfigDifferenceResolvers<ContextType>;
  CostReference?: CostReferenceResolvers<ContextType>;
  CreatedToken?: CreatedTokenResolvers<ContextType>;
  Curve?: CurveResolvers<ContextType>;
  CurvePoint?: CurvePointResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetRescan?: DatasetRescanResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EvalSample?: EvalSampleResolvers<ContextType>;
  EvalSamplePage?: EvalSamplePageResolvers<ContextType>;
  FeatureCache?: FeatureCacheResolvers<ContextType>;
  FoundationModel?: FoundationModelResolvers<ContextType>;
  HeartbeatResult?: HeartbeatResultResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Job?: JobResolvers<ContextType>;
  LogMetricsResult?: LogMetricsResultResolvers<ContextType>;
  MetricBatch?: MetricBatchResolvers<ContextType>;
  MetricComparison?: MetricComparisonResolvers<ContextType>;
  MetricSeries?: MetricSeriesResolvers<ContextType>;
  MetricValue?: MetricValueResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProgressResult?: ProgressResultResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Report?: ReportResolvers<ContextType>;
  ReportPlot?: ReportPlotResolvers<ContextType>;
  ReportResult?: ReportResultResolvers<ContextType>;
  Run?: RunResolvers<ContextType>;
  RunComparison?: RunComparisonResolvers<ContextType>;
  RunConnection?: RunConnectionResolvers<ContextType>;
  RunCost?: RunCostResolvers<ContextType>;
  RunEdge?: RunEdgeResolvers<ContextType>;
  RunEfficiency?: RunEfficiencyResolvers<ContextType>;
  RunEvaluation?: RunEvaluationResolvers<ContextType>;
  RunLogBatch?: RunLogBatchResolvers<ContextType>;
  RunLogLine?: RunLogLineResolvers<ContextType>;
  RunLogPage?: RunLogPageResolvers<ContextType>;
  RunsDeleted?: RunsDeletedResolvers<ContextType>;
  SavedView?: SavedViewResolvers<ContextType>;
  SkippedImage?: SkippedImageResolvers<ContextType>;
  SplitCount?: SplitCountResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Sweep?: SweepResolvers<ContextType>;
  SweepConnection?: SweepConnectionResolvers<ContextType>;
  SweepGroup?: SweepGroupResolvers<ContextType>;
  SweepMetricSummary?: SweepMetricSummaryResolvers<ContextType>;
  SweepParameter?: SweepParameterResolvers<ContextType>;
  SweepProgress?: SweepProgressResolvers<ContextType>;
  SweepValue?: SweepValueResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  Worker?: WorkerResolvers<ContextType>;
};
