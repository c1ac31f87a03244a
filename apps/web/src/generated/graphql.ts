/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** An ISO-8601 date-time in UTC, e.g. `2026-01-31T12:00:00.000Z`. */
  DateTime: { input: string; output: string };
  /** Any JSON value (object, array, string, number, boolean or null). */
  JSON: { input: unknown; output: unknown };
};

/** Results of an EXTRACT job. */
export type CacheResultInput = {
  /** Size on storage in bytes. */
  bytes: Scalars["Float"]["input"];
  /** Token width D. */
  dim: Scalars["Int"]["input"];
  /** Storage dtype, e.g. `float16`. */
  dtype?: InputMaybe<Scalars["String"]["input"]>;
  /** Token grid height after pooling. */
  gridH: Scalars["Int"]["input"];
  /** Token grid width after pooling. */
  gridW: Scalars["Int"]["input"];
  /** Extraction throughput (images/s). */
  imagesPerSec?: InputMaybe<Scalars["Float"]["input"]>;
  /** SHA-256 of its manifest. */
  manifestSha256?: InputMaybe<Scalars["String"]["input"]>;
  /** Number of shard files. */
  shardCount: Scalars["Int"]["input"];
  /** Images skipped as unreadable. */
  skippedCount?: InputMaybe<Scalars["Int"]["input"]>;
  /** Where it is stored. */
  storageUri: Scalars["String"]["input"];
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

/** One configuration value that differs between compared runs. */
export type ConfigDifference = {
  /** Dotted path of the value, e.g. `augment.flip.p`. */
  path: Scalars["String"]["output"];
  /** The value in each run, in the order of `RunComparison.runs` (null when the run lacks it). */
  values: Array<Maybe<Scalars["JSON"]["output"]>>;
};

/** Equality on one value of the run configuration. */
export type ConfigValueFilter = {
  /** Dotted JSON path into the config, e.g. `augment.noiseStd` or `optimizer.lr`. */
  path: Scalars["String"]["input"];
  /** The value it must equal (compared as JSON: `0.5`, `"adamw"`, `true`). */
  value: Scalars["JSON"]["input"];
};

/** Input of `createProject`. */
export type CreateProjectInput = {
  /** Free-text description. */
  description?: InputMaybe<Scalars["String"]["input"]>;
  /** Name, unique in the team (1–200 characters). */
  name: Scalars["String"]["input"];
};

/** A labelled image dataset on storage the workers can read. */
export type Dataset = {
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

/**
 * Patch tokens of one dataset through one frozen model at one resolution/pooling/layer,
 * computed once and reused by every LOFF / LOFF-TA run that names it.
 */
export type FeatureCache = {
  /** Size on storage in bytes. */
  bytes?: Maybe<Scalars["Float"]["output"]>;
  /** When it was requested. */
  createdAt: Scalars["DateTime"]["output"];
  /** The images. */
  dataset: Dataset;
  /** Token width D. */
  dim?: Maybe<Scalars["Int"]["output"]>;
  /** Storage dtype of the tensors, e.g. `float16`. */
  dtype: Scalars["String"]["output"];
  /** Why extraction failed, when it did. */
  error?: Maybe<Scalars["String"]["output"]>;
  /** Token grid height after pooling. */
  gridH?: Maybe<Scalars["Int"]["output"]>;
  /** Token grid width after pooling. */
  gridW?: Maybe<Scalars["Int"]["output"]>;
  /** Cache id (UUID). */
  id: Scalars["ID"]["output"];
  /** Extraction throughput (images/s): what the cache cost to build. */
  imagesPerSec?: Maybe<Scalars["Float"]["output"]>;
  /** Block the tokens come from; -1 = last block (after the final norm). */
  layer: Scalars["Int"]["output"];
  /** SHA-256 of the cache manifest. */
  manifestSha256?: Maybe<Scalars["String"]["output"]>;
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
  /** How many runs reuse this cache. */
  runCount: Scalars["Int"]["output"];
  /** Number of shard files. */
  shardCount: Scalars["Int"]["output"];
  /** Images skipped as unreadable during extraction. */
  skippedCount: Scalars["Int"]["output"];
  /** Lifecycle status. */
  status: CacheStatus;
  /** Where the cache is stored. */
  storageUri?: Maybe<Scalars["String"]["output"]>;
  /** When it last changed. */
  updatedAt: Scalars["DateTime"]["output"];
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
  /** Per-channel normalisation mean (RGB). */
  mean: Array<Scalars["Float"]["output"]>;
  /** Name, unique in the team. */
  name: Scalars["String"]["output"];
  /** Family-specific options (register tokens, graph layer name, …). */
  options: Scalars["JSON"]["output"];
  /** Number of parameters, when known. */
  parameterCount?: Maybe<Scalars["Float"]["output"]>;
  /** Patch size in pixels. */
  patchSize: Scalars["Int"]["output"];
  /** Per-channel normalisation standard deviation (RGB). */
  std: Array<Scalars["Float"]["output"]>;
  /** SHA-256 of the weights file, when known. */
  weightsSha256?: Maybe<Scalars["String"]["output"]>;
  /** Where the weights are (path or URI). */
  weightsUri: Scalars["String"]["output"];
};

/** Answer to a heartbeat. */
export type HeartbeatResult = {
  /** Jobs this worker holds whose run was cancelled: stop them. */
  cancelledJobIds: Array<Scalars["ID"]["output"]>;
  /** The worker. */
  worker: Worker;
};

/** A unit of work in the queue. */
export type Job = {
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
  /** Fine-tuning (UNFROZEN_LINEAR) run of the same team to measure speed-up against. */
  baselineRunId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Feature cache to train on: required for LOFF and LOFF_TA (READY or still being extracted). */
  cacheId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Run configuration, validated by `parseRunConfig`; invalid fields fail with BAD_USER_INPUT listing their paths. */
  config: Scalars["JSON"]["input"];
  /** What to train. */
  kind: RunKind;
  /** Display name (1–200 characters). */
  name: Scalars["String"]["input"];
  /** Notes. */
  notes?: InputMaybe<Scalars["String"]["input"]>;
  /** Project to launch in. */
  projectId: Scalars["ID"]["input"];
  /** Random seed. Default 0. */
  seed?: InputMaybe<Scalars["Int"]["input"]>;
  /** Tags. */
  tags?: InputMaybe<Array<Scalars["String"]["input"]>>;
};

/** Result of `logMetrics`. */
export type LogMetricsResult = {
  /** True when the run was cancelled: the worker should stop. */
  cancelled: Scalars["Boolean"]["output"];
  /** Points ignored because (run, key, step) already existed (a retried batch). */
  duplicates: Scalars["Int"]["output"];
  /** Points stored by this call. */
  inserted: Scalars["Int"]["output"];
};

/** Points appended to a run, as delivered by `metricsAppended`. */
export type MetricBatch = {
  /** The new points (only the subscribed keys), in the order logged. */
  points: Array<MetricValue>;
  /** The run. */
  runId: Scalars["ID"]["output"];
};

/** One final metric side by side. */
export type MetricComparison = {
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

/** One downsampled series: parallel arrays of steps and values, sorted by step. */
export type MetricSeries = {
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
  /** Cancel a run: marks it CANCELLED and cancels its queued job; a running worker learns it from its next heartbeat or progress report. Cancelling a finished run fails with CONFLICT. */
  cancelRun: Run;
  /**
   * Lease the next claimable job (scope WORKER): queued and available, or running with an expired
   * lease. Each claim counts an attempt; a job whose lease expired after its last attempt fails.
   * A TRAIN job waits until its cache is READY. Null when nothing is claimable.
   */
  claimJob?: Maybe<Job>;
  /** Finish a leased job with its results (scope WORKER). A lost lease fails with CONFLICT. */
  completeJob: Job;
  /** Create a project. A name already used in the team fails with CONFLICT. */
  createProject: Project;
  /**
   * Report a failure of a leased job (scope WORKER). Retried later (QUEUED with back-off) while
   * attempts < maxAttempts and `retryable`; else FAILED together with its run or cache.
   */
  failJob: Job;
  /** Mark the worker alive and renew the leases of its running jobs (scope WORKER). */
  heartbeat: HeartbeatResult;
  /** Validate a run configuration, create the run QUEUED and enqueue its TRAIN job. */
  launchRun: Run;
  /**
   * Append metric points to a run (scope WORKER). At most 10,000 points per call. Idempotent on
   * (run, key, step): a retried batch stores nothing twice.
   */
  logMetrics: LogMetricsResult;
  /**
   * Register a dataset: checks the folder or manifest, scans classes and per-split counts and
   * computes a content hash. Unreadable roots fail with BAD_USER_INPUT naming the path; a name
   * already used in the team fails with CONFLICT.
   */
  registerDataset: Dataset;
  /** Register a foundation model. A name already used in the team fails with CONFLICT. */
  registerFoundationModel: FoundationModel;
  /** Register (or re-register) a worker of the caller's team (scope WORKER). */
  registerWorker: Worker;
  /** Report progress of a leased job (renews the lease); returns whether it was cancelled (scope WORKER). */
  reportProgress: ProgressResult;
  /**
   * Ask for a feature cache. Idempotent: the same dataset + model + resolution + pooling + layer
   * returns the existing cache (a FAILED one is re-queued); a new one is created PENDING and an
   * EXTRACT job is enqueued.
   */
  requestFeatureCache: FeatureCache;
  /** Replace the notes of a run (null clears them). */
  setRunNotes: Run;
  /** Add and/or remove tags of a run. */
  tagRun: Run;
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
export type MutationLogMetricsArgs = {
  points: Array<MetricPointInput>;
  runId: Scalars["ID"]["input"];
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
export type MutationRegisterWorkerArgs = {
  input: RegisterWorkerInput;
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

/** Relay-style pagination state of a connection. */
export type PageInfo = {
  /** Cursor of the last edge of this page, null when the page is empty. */
  endCursor?: Maybe<Scalars["String"]["output"]>;
  /** True when another page follows the last edge (pass `endCursor` as `after`). */
  hasNextPage: Scalars["Boolean"]["output"];
  /** Cursor of the first edge of this page, null when the page is empty. */
  startCursor?: Maybe<Scalars["String"]["output"]>;
};

/** Answer to `reportProgress`. */
export type ProgressResult = {
  /** True when the job was cancelled: stop working on it. */
  cancelled: Scalars["Boolean"]["output"];
  /** The job. */
  job: Job;
};

/** A project groups the runs that are compared with each other. */
export type Project = {
  /** When it was created. */
  createdAt: Scalars["DateTime"]["output"];
  /** Free-text description. */
  description?: Maybe<Scalars["String"]["output"]>;
  /** Project id (UUID). */
  id: Scalars["ID"]["output"];
  /** Name, unique in the team. */
  name: Scalars["String"]["output"];
  /** Number of runs in the project. */
  runCount: Scalars["Int"]["output"];
};

/**
 * The root of all read operations. Every query sees only the data of the caller's team;
 * fields are added per domain (`extend type Query`).
 */
export type Query = {
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
  /** The team's jobs, newest first (at most `first`, 1–200, default 50). */
  jobs: Array<Job>;
  /** The caller: its team, user and scopes. Fails with UNAUTHENTICATED without a valid token. */
  me: Viewer;
  /**
   * Metric series of several runs for charts. Each (run, key) series with more than `maxPoints`
   * points is downsampled on the server by min/max buckets: each bucket keeps its smallest and
   * largest value (and the series keeps its first and last point), so spikes and extremes survive.
   * Unknown runs (or other teams') fail with NOT_FOUND.
   */
  metricSeries: Array<MetricSeries>;
  /** One project, or null when it does not exist in the caller's team. */
  project?: Maybe<Project>;
  /** The team's projects, by name. */
  projects: Array<Project>;
  /** One run, or null when it does not exist in the caller's team. */
  run?: Maybe<Run>;
  /** Runs of the team: filtered, sorted and paginated (cursor-based). */
  runs: RunConnection;
  /** The team's workers, by name. */
  workers: Array<Worker>;
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
export type QueryRunArgs = {
  id: Scalars["ID"]["input"];
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
  /** Per-channel normalisation mean; 3 values. Default: ImageNet's. */
  mean?: InputMaybe<Array<Scalars["Float"]["input"]>>;
  /** Name, unique in the team. */
  name: Scalars["String"]["input"];
  /** Family-specific options (a JSON object). */
  options?: InputMaybe<Scalars["JSON"]["input"]>;
  /** Number of parameters. */
  parameterCount?: InputMaybe<Scalars["Float"]["input"]>;
  /** Patch size in pixels (1–64). */
  patchSize: Scalars["Int"]["input"];
  /** Per-channel normalisation standard deviation; 3 positive values. Default: ImageNet's. */
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

/** Input of `requestFeatureCache`. */
export type RequestFeatureCacheInput = {
  /** Dataset to extract. */
  datasetId: Scalars["ID"]["input"];
  /** Block to take tokens from; -1 = last. Default -1. */
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
  /** Who launched it (null for service tokens). */
  author?: Maybe<User>;
  /** The fine-tuning (UNFROZEN_LINEAR) run its speed-up and memory saving are measured against. */
  baselineRun?: Maybe<Run>;
  /** The feature cache it trains on (LOFF / LOFF_TA). */
  cache?: Maybe<FeatureCache>;
  /** The validated run configuration (see `@loffta/graphql/run-config`). */
  config: Scalars["JSON"]["output"];
  /** When it was launched. */
  createdAt: Scalars["DateTime"]["output"];
  /** When it finished, failed or was cancelled. */
  endedAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Why it failed, when it did. */
  error?: Maybe<Scalars["String"]["output"]>;
  /** Final metrics, e.g. `{"accuracy": 0.91, "macroF1": 0.9}`. */
  finalMetrics?: Maybe<Scalars["JSON"]["output"]>;
  /** Run id (UUID). */
  id: Scalars["ID"]["output"];
  /** What it trains. */
  kind: RunKind;
  /** Distinct metric keys logged so far, sorted. */
  metricKeys: Array<Scalars["String"]["output"]>;
  /** Display name. */
  name: Scalars["String"]["output"];
  /** Free-text notes. */
  notes?: Maybe<Scalars["String"]["output"]>;
  /** Peak accelerator/process memory in bytes. */
  peakMemoryBytes?: Maybe<Scalars["Float"]["output"]>;
  /** The project it belongs to. */
  project: Project;
  /** Random seed. */
  seed: Scalars["Int"]["output"];
  /** When a worker started it. */
  startedAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Lifecycle status. */
  status: RunStatus;
  /** Free tags, searchable with `runs(filter: {tag})`. */
  tags: Array<Scalars["String"]["output"]>;
  /** Training throughput in images per second. */
  trainImagesPerSec?: Maybe<Scalars["Float"]["output"]>;
  /** When it last changed. */
  updatedAt: Scalars["DateTime"]["output"];
  /** Wall-clock training time in seconds. */
  wallTimeSec?: Maybe<Scalars["Float"]["output"]>;
};

/** Runs compared side by side. */
export type RunComparison = {
  /** Only the config values that differ between the runs, by path. */
  configDiff: Array<ConfigDifference>;
  /** Throughput, memory, speed-up and memory saving of each run, in the order of `runs`. */
  efficiency: Array<RunEfficiency>;
  /** Every final metric key of any run, by key. */
  metrics: Array<MetricComparison>;
  /** The runs, in the order asked for. */
  runs: Array<Run>;
};

/** A page of runs. */
export type RunConnection = {
  /** The runs of this page, with cursors. */
  edges: Array<RunEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
  /** Number of runs matching the filter over all pages. */
  totalCount: Scalars["Int"]["output"];
};

/** An edge of a run connection. */
export type RunEdge = {
  /** Opaque cursor of this edge; pass as `after` to continue after it. */
  cursor: Scalars["String"]["output"];
  /** The run. */
  node: Run;
};

/** What a run saved against its fine-tuning baseline. */
export type RunEfficiency = {
  /** Its fine-tuning (UNFROZEN_LINEAR) baseline, when set. */
  baselineRun?: Maybe<Run>;
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

/** Filter of `runs`. All given conditions must hold. */
export type RunFilter = {
  /** Only runs on this feature cache. */
  cacheId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only runs whose config has these values. */
  config?: InputMaybe<Array<ConfigValueFilter>>;
  /** Only runs of these kinds. */
  kinds?: InputMaybe<Array<RunKind>>;
  /** Only runs of this project. */
  projectId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only runs in these statuses. */
  statuses?: InputMaybe<Array<RunStatus>>;
  /** Only runs carrying this tag. */
  tag?: InputMaybe<Scalars["String"]["input"]>;
};

/** What a run trains. */
export type RunKind =
  /** Linear head on a frozen model that runs every step (baseline). */
  | "FROZEN_LINEAR"
  /** Compact classifier on cached features, no augmentation. */
  | "LOFF"
  /** Compact classifier on cached features with tensor augmentations. */
  | "LOFF_TA"
  /** Full fine-tuning with a linear head (the baseline speed-ups are measured against). */
  | "UNFROZEN_LINEAR";

/** Results of a TRAIN job. */
export type RunResultInput = {
  /** Final metrics (a JSON object of numbers). */
  finalMetrics: Scalars["JSON"]["input"];
  /** Peak memory in bytes. */
  peakMemoryBytes?: InputMaybe<Scalars["Float"]["input"]>;
  /** Training throughput (images/s). */
  trainImagesPerSec?: InputMaybe<Scalars["Float"]["input"]>;
  /** Wall-clock training time in seconds. */
  wallTimeSec?: InputMaybe<Scalars["Float"]["input"]>;
};

/** Sort order of `runs`. Ties are broken by id. */
export type RunSort = {
  /** Direction. Default DESC. */
  direction?: SortDirection;
  /** Sort key. */
  field?: RunSortField;
  /** Final-metric key when `field` is METRIC, e.g. `accuracy`. */
  metricKey?: InputMaybe<Scalars["String"]["input"]>;
};

/** What `runs` sorts by. */
export type RunSortField =
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

/** Sort direction. */
export type SortDirection =
  /** Smallest first. */
  | "ASC"
  /** Largest first. */
  | "DESC";

/** Number of images in one split. */
export type SplitCount = {
  /** Images in this split. */
  count: Scalars["Int"]["output"];
  /** Split name: `train`, `val` or `test`. */
  split: Scalars["String"]["output"];
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type Subscription = {
  /** Progress and status changes of one feature cache. */
  featureCacheProgress: FeatureCache;
  /** Points appended to a run, optionally only some keys. */
  metricsAppended: MetricBatch;
  /** Any change of a run of this project: status, progress, results, tags, notes. */
  runUpdated: Run;
  /** Worker registrations and heartbeats of the caller's team. */
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
  keys?: InputMaybe<Array<Scalars["String"]["input"]>>;
  runId: Scalars["ID"]["input"];
};

/**
 * Live updates over graphql-ws on the same `/graphql` path. The WebSocket authenticates with
 * `{ "authorization": "Bearer lft_…" }` in the connection_init payload.
 */
export type SubscriptionRunUpdatedArgs = {
  projectId: Scalars["ID"]["input"];
};

/** A team: the unit of isolation. Nobody ever sees another team's data. */
export type Team = {
  /** Team id (UUID). */
  id: Scalars["ID"]["output"];
  /** Display name. */
  name: Scalars["String"]["output"];
  /** URL-safe short name. */
  slug: Scalars["String"]["output"];
};

/** What a bearer API token may do. ADMIN implies MEMBER and WORKER. */
export type TokenScope =
  /** Everything MEMBER and WORKER may do. */
  | "ADMIN"
  /** Read the team's data and create projects, datasets, models, caches and runs. */
  | "MEMBER"
  /** Act as a training/extraction worker: register, heartbeat, claim jobs and report results. */
  | "WORKER";

/** A person in a team. */
export type User = {
  /** E-mail address, unique. */
  email: Scalars["String"]["output"];
  /** User id (UUID). */
  id: Scalars["ID"]["output"];
  /** Display name. */
  name: Scalars["String"]["output"];
};

/** The caller, as identified by its bearer token. */
export type Viewer = {
  /** The token's scopes. */
  scopes: Array<TokenScope>;
  /** The team the token belongs to. */
  team: Team;
  /** The token's name. */
  tokenName: Scalars["String"]["output"];
  /** The token's public prefix (`lft_` and 6 more characters), to recognise it in lists. */
  tokenPrefix: Scalars["String"]["output"];
  /** The user the token was issued to, null for service tokens (e.g. workers). */
  user?: Maybe<User>;
};

/** A compute worker (extraction and/or training). */
export type Worker = {
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
};

/** A compute worker (extraction and/or training). */
export type WorkerOnlineArgs = {
  withinSeconds?: InputMaybe<Scalars["Int"]["input"]>;
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

/** Equality on one value of the run configuration. */
export type ConfigValueFilter = {
  /** Dotted JSON path into the config, e.g. `augment.noiseStd` or `optimizer.lr`. */
  path: string;
  /** The value it must equal (compared as JSON: `0.5`, `"adamw"`, `true`). */
  value: unknown;
};

/** How a dataset's files are laid out. */
export type DatasetLayout =
  /** A CSV file with the header `path,label,split`; paths are relative to the CSV's folder. */
  | "CSV_MANIFEST"
  /** `root/<class>/<image>`, or `root/{train,val,test}/<class>/<image>` when split folders exist. */
  | "IMAGE_FOLDER";

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

/** Filter of `featureCaches`. */
export type FeatureCacheFilter = {
  /** Only caches of this dataset. */
  datasetId?: string | number | null | undefined;
  /** Only caches of this model. */
  modelId?: string | number | null | undefined;
  /** Only caches in this status. */
  status?: CacheStatus | null | undefined;
};

/** Kind of queued work. */
export type JobType =
  /** Extract a feature cache (payload: cacheId). */
  | "EXTRACT"
  /** Train a run (payload: runId). */
  | "TRAIN";

/** Input of `launchRun`. */
export type LaunchRunInput = {
  /** Fine-tuning (UNFROZEN_LINEAR) run of the same team to measure speed-up against. */
  baselineRunId?: string | number | null | undefined;
  /** Feature cache to train on: required for LOFF and LOFF_TA (READY or still being extracted). */
  cacheId?: string | number | null | undefined;
  /** Run configuration, validated by `parseRunConfig`; invalid fields fail with BAD_USER_INPUT listing their paths. */
  config: unknown;
  /** What to train. */
  kind: RunKind;
  /** Display name (1–200 characters). */
  name: string;
  /** Notes. */
  notes?: string | null | undefined;
  /** Project to launch in. */
  projectId: string | number;
  /** Random seed. Default 0. */
  seed?: number | null | undefined;
  /** Tags. */
  tags?: Array<string> | null | undefined;
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

/** Input of `requestFeatureCache`. */
export type RequestFeatureCacheInput = {
  /** Dataset to extract. */
  datasetId: string | number;
  /** Block to take tokens from; -1 = last. Default -1. */
  layer?: number | null | undefined;
  /** Frozen model to extract with. */
  modelId: string | number;
  /** k of the k×k average pooling (1–16). Default 1 (none). */
  pooling?: number | null | undefined;
  /** Input resolution in pixels (16–4096); a multiple of the model's patch size. */
  resolution: number;
};

/** Filter of `runs`. All given conditions must hold. */
export type RunFilter = {
  /** Only runs on this feature cache. */
  cacheId?: string | number | null | undefined;
  /** Only runs whose config has these values. */
  config?: Array<ConfigValueFilter> | null | undefined;
  /** Only runs of these kinds. */
  kinds?: Array<RunKind> | null | undefined;
  /** Only runs of this project. */
  projectId?: string | number | null | undefined;
  /** Only runs in these statuses. */
  statuses?: Array<RunStatus> | null | undefined;
  /** Only runs carrying this tag. */
  tag?: string | null | undefined;
};

/** What a run trains. */
export type RunKind =
  /** Linear head on a frozen model that runs every step (baseline). */
  | "FROZEN_LINEAR"
  /** Compact classifier on cached features, no augmentation. */
  | "LOFF"
  /** Compact classifier on cached features with tensor augmentations. */
  | "LOFF_TA"
  /** Full fine-tuning with a linear head (the baseline speed-ups are measured against). */
  | "UNFROZEN_LINEAR";

/** Sort order of `runs`. Ties are broken by id. */
export type RunSort = {
  /** Direction. Default DESC. */
  direction?: SortDirection;
  /** Sort key. */
  field?: RunSortField;
  /** Final-metric key when `field` is METRIC, e.g. `accuracy`. */
  metricKey?: string | null | undefined;
};

/** What `runs` sorts by. */
export type RunSortField =
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

/** Sort direction. */
export type SortDirection =
  /** Smallest first. */
  | "ASC"
  /** Largest first. */
  | "DESC";

/** What a bearer API token may do. ADMIN implies MEMBER and WORKER. */
export type TokenScope =
  /** Everything MEMBER and WORKER may do. */
  | "ADMIN"
  /** Read the team's data and create projects, datasets, models, caches and runs. */
  | "MEMBER"
  /** Act as a training/extraction worker: register, heartbeat, claim jobs and report results. */
  | "WORKER";

export type CacheFieldsFragment = {
  id: string;
  status: CacheStatus;
  resolution: number;
  pooling: number;
  layer: number;
  progressDone: number;
  progressTotal: number;
  progress: number | null;
  gridH: number | null;
  gridW: number | null;
  dim: number | null;
  dtype: string;
  bytes: number | null;
  shardCount: number;
  imagesPerSec: number | null;
  skippedCount: number;
  error: string | null;
  runCount: number;
  createdAt: string;
  updatedAt: string;
};

export type FeatureCachesQueryVariables = Exact<{
  filter?: FeatureCacheFilter | null | undefined;
}>;

export type FeatureCachesQuery = {
  featureCaches: Array<{
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    layer: number;
    progressDone: number;
    progressTotal: number;
    progress: number | null;
    gridH: number | null;
    gridW: number | null;
    dim: number | null;
    dtype: string;
    bytes: number | null;
    shardCount: number;
    imagesPerSec: number | null;
    skippedCount: number;
    error: string | null;
    runCount: number;
    createdAt: string;
    updatedAt: string;
    dataset: { id: string; name: string };
    model: { id: string; name: string };
  }>;
};

export type CacheFormOptionsQueryVariables = Exact<{ [key: string]: never }>;

export type CacheFormOptionsQuery = {
  datasets: Array<{ id: string; name: string; status: DatasetStatus }>;
  foundationModels: Array<{ id: string; name: string; patchSize: number; defaultImageSize: number }>;
};

export type RequestFeatureCacheMutationVariables = Exact<{
  input: RequestFeatureCacheInput;
}>;

export type RequestFeatureCacheMutation = { requestFeatureCache: { id: string; status: CacheStatus } };

export type FeatureCacheProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;

export type FeatureCacheProgressSubscription = {
  featureCacheProgress: {
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    layer: number;
    progressDone: number;
    progressTotal: number;
    progress: number | null;
    gridH: number | null;
    gridW: number | null;
    dim: number | null;
    dtype: string;
    bytes: number | null;
    shardCount: number;
    imagesPerSec: number | null;
    skippedCount: number;
    error: string | null;
    runCount: number;
    createdAt: string;
    updatedAt: string;
  };
};

export type DatasetsQueryVariables = Exact<{ [key: string]: never }>;

export type DatasetsQuery = {
  datasets: Array<{
    id: string;
    name: string;
    rootUri: string;
    layout: DatasetLayout;
    classNames: Array<string>;
    imageCount: number;
    status: DatasetStatus;
    error: string | null;
    createdAt: string;
    splitCounts: Array<{ split: string; count: number }>;
    caches: Array<{ id: string; status: CacheStatus }>;
  }>;
};

export type FoundationModelsQueryVariables = Exact<{ [key: string]: never }>;

export type FoundationModelsQuery = {
  foundationModels: Array<{
    id: string;
    name: string;
    family: ModelFamily;
    patchSize: number;
    embedDim: number;
    depth: number;
    heads: number;
    defaultImageSize: number;
    parameterCount: number | null;
    weightsUri: string;
    createdAt: string;
    caches: Array<{ id: string; status: CacheStatus }>;
  }>;
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  me: {
    scopes: Array<TokenScope>;
    tokenName: string;
    tokenPrefix: string;
    team: { id: string; name: string; slug: string };
    user: { name: string; email: string } | null;
  };
};

export type OverviewQueryVariables = Exact<{ [key: string]: never }>;

export type OverviewQuery = {
  recent: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        name: string;
        kind: RunKind;
        status: RunStatus;
        finalMetrics: unknown;
        trainImagesPerSec: number | null;
        createdAt: string;
      };
    }>;
  };
  running: { totalCount: number };
  queued: { totalCount: number };
  workers: Array<{
    id: string;
    name: string;
    host: string;
    backend: string;
    device: string;
    lastHeartbeatAt: string;
    online: boolean;
    currentJobs: Array<{ id: string; type: JobType }>;
  }>;
  featureCaches: Array<{
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    progressDone: number;
    progressTotal: number;
    progress: number | null;
    dataset: { name: string };
    model: { name: string };
  }>;
};

export type RunListItemFragment = {
  id: string;
  name: string;
  kind: RunKind;
  status: RunStatus;
  tags: Array<string>;
  seed: number;
  trainImagesPerSec: number | null;
  peakMemoryBytes: number | null;
  wallTimeSec: number | null;
  finalMetrics: unknown;
  config: unknown;
  createdAt: string;
  project: { id: string; name: string };
  cache: {
    id: string;
    resolution: number;
    pooling: number;
    dataset: { id: string; name: string };
    model: { id: string; name: string };
  } | null;
};

export type RunsListQueryVariables = Exact<{
  filter?: RunFilter | null | undefined;
  sort?: RunSort | null | undefined;
  after?: string | null | undefined;
}>;

export type RunsListQuery = {
  runs: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        name: string;
        kind: RunKind;
        status: RunStatus;
        tags: Array<string>;
        seed: number;
        trainImagesPerSec: number | null;
        peakMemoryBytes: number | null;
        wallTimeSec: number | null;
        finalMetrics: unknown;
        config: unknown;
        createdAt: string;
        project: { id: string; name: string };
        cache: {
          id: string;
          resolution: number;
          pooling: number;
          dataset: { id: string; name: string };
          model: { id: string; name: string };
        } | null;
      };
    }>;
  };
};

export type RunPickerQueryVariables = Exact<{ [key: string]: never }>;

export type RunPickerQuery = {
  runs: { edges: Array<{ node: { id: string; name: string; kind: RunKind; status: RunStatus } }> };
};

export type RunDetailFieldsFragment = {
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
  notes: string | null;
  error: string | null;
  metricKeys: Array<string>;
  id: string;
  name: string;
  kind: RunKind;
  status: RunStatus;
  tags: Array<string>;
  seed: number;
  trainImagesPerSec: number | null;
  peakMemoryBytes: number | null;
  wallTimeSec: number | null;
  finalMetrics: unknown;
  config: unknown;
  createdAt: string;
  author: { name: string } | null;
  cache: {
    id: string;
    storageUri: string | null;
    manifestSha256: string | null;
    gridH: number | null;
    gridW: number | null;
    dim: number | null;
    resolution: number;
    pooling: number;
    dataset: { id: string; classNames: Array<string>; name: string };
    model: { id: string; name: string };
  } | null;
  baselineRun: {
    id: string;
    name: string;
    trainImagesPerSec: number | null;
    peakMemoryBytes: number | null;
  } | null;
  project: { id: string; name: string };
};

export type RunDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type RunDetailQuery = {
  run: {
    startedAt: string | null;
    endedAt: string | null;
    updatedAt: string;
    notes: string | null;
    error: string | null;
    metricKeys: Array<string>;
    id: string;
    name: string;
    kind: RunKind;
    status: RunStatus;
    tags: Array<string>;
    seed: number;
    trainImagesPerSec: number | null;
    peakMemoryBytes: number | null;
    wallTimeSec: number | null;
    finalMetrics: unknown;
    config: unknown;
    createdAt: string;
    author: { name: string } | null;
    cache: {
      id: string;
      storageUri: string | null;
      manifestSha256: string | null;
      gridH: number | null;
      gridW: number | null;
      dim: number | null;
      resolution: number;
      pooling: number;
      dataset: { id: string; classNames: Array<string>; name: string };
      model: { id: string; name: string };
    } | null;
    baselineRun: {
      id: string;
      name: string;
      trainImagesPerSec: number | null;
      peakMemoryBytes: number | null;
    } | null;
    project: { id: string; name: string };
  } | null;
};

export type RunEfficiencyQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;

export type RunEfficiencyQuery = {
  compareRuns: {
    efficiency: Array<{
      speedup: number | null;
      memorySaving: number | null;
      baselineRun: {
        id: string;
        name: string;
        trainImagesPerSec: number | null;
        peakMemoryBytes: number | null;
      } | null;
    }>;
  };
};

export type CompareRunsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;

export type CompareRunsQuery = {
  compareRuns: {
    runs: Array<{ id: string; name: string; kind: RunKind; status: RunStatus; metricKeys: Array<string> }>;
    configDiff: Array<{ path: string; values: Array<unknown> }>;
    metrics: Array<{ key: string; values: Array<number | null> }>;
    efficiency: Array<{
      trainImagesPerSec: number | null;
      peakMemoryBytes: number | null;
      speedup: number | null;
      memorySaving: number | null;
      run: { id: string };
      baselineRun: { id: string; name: string } | null;
    }>;
  };
};

export type MetricSeriesQueryVariables = Exact<{
  runIds: Array<string | number> | string | number;
  keys: Array<string> | string;
  maxPoints?: number | null | undefined;
}>;

export type MetricSeriesQuery = {
  metricSeries: Array<{
    runId: string;
    key: string;
    steps: Array<number>;
    values: Array<number>;
    totalPoints: number;
    downsampled: boolean;
  }>;
};

export type ProjectsQueryVariables = Exact<{ [key: string]: never }>;

export type ProjectsQuery = { projects: Array<{ id: string; name: string; runCount: number }> };

export type LaunchOptionsQueryVariables = Exact<{ [key: string]: never }>;

export type LaunchOptionsQuery = {
  projects: Array<{ id: string; name: string }>;
  featureCaches: Array<{
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    layer: number;
    dataset: { id: string; name: string };
    model: { id: string; name: string };
  }>;
  runs: { edges: Array<{ node: { id: string; name: string; status: RunStatus } }> };
};

export type LaunchRunMutationVariables = Exact<{
  input: LaunchRunInput;
}>;

export type LaunchRunMutation = { launchRun: { id: string; name: string; status: RunStatus } };

export type SetRunNotesMutationVariables = Exact<{
  id: string | number;
  notes?: string | null | undefined;
}>;

export type SetRunNotesMutation = { setRunNotes: { id: string; notes: string | null } };

export type CancelRunMutationVariables = Exact<{
  id: string | number;
}>;

export type CancelRunMutation = { cancelRun: { id: string; status: RunStatus } };

export type TagRunMutationVariables = Exact<{
  id: string | number;
  add?: Array<string> | string | null | undefined;
  remove?: Array<string> | string | null | undefined;
}>;

export type TagRunMutation = { tagRun: { id: string; tags: Array<string> } };

export type RunUpdatedSubscriptionVariables = Exact<{
  projectId: string | number;
}>;

export type RunUpdatedSubscription = {
  runUpdated: {
    startedAt: string | null;
    endedAt: string | null;
    error: string | null;
    metricKeys: Array<string>;
    id: string;
    name: string;
    kind: RunKind;
    status: RunStatus;
    tags: Array<string>;
    seed: number;
    trainImagesPerSec: number | null;
    peakMemoryBytes: number | null;
    wallTimeSec: number | null;
    finalMetrics: unknown;
    config: unknown;
    createdAt: string;
    project: { id: string; name: string };
    cache: {
      id: string;
      resolution: number;
      pooling: number;
      dataset: { id: string; name: string };
      model: { id: string; name: string };
    } | null;
  };
};

export type MetricsAppendedSubscriptionVariables = Exact<{
  runId: string | number;
  keys?: Array<string> | string | null | undefined;
}>;

export type MetricsAppendedSubscription = {
  metricsAppended: { runId: string; points: Array<{ key: string; step: number; value: number }> };
};

export const CacheFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CacheFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FeatureCache" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "resolution" } },
          { kind: "Field", name: { kind: "Name", value: "pooling" } },
          { kind: "Field", name: { kind: "Name", value: "layer" } },
          { kind: "Field", name: { kind: "Name", value: "progressDone" } },
          { kind: "Field", name: { kind: "Name", value: "progressTotal" } },
          { kind: "Field", name: { kind: "Name", value: "progress" } },
          { kind: "Field", name: { kind: "Name", value: "gridH" } },
          { kind: "Field", name: { kind: "Name", value: "gridW" } },
          { kind: "Field", name: { kind: "Name", value: "dim" } },
          { kind: "Field", name: { kind: "Name", value: "dtype" } },
          { kind: "Field", name: { kind: "Name", value: "bytes" } },
          { kind: "Field", name: { kind: "Name", value: "shardCount" } },
          { kind: "Field", name: { kind: "Name", value: "imagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "skippedCount" } },
          { kind: "Field", name: { kind: "Name", value: "error" } },
          { kind: "Field", name: { kind: "Name", value: "runCount" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CacheFieldsFragment, unknown>;
export const RunListItemFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunListItem" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "kind" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "tags" } },
          { kind: "Field", name: { kind: "Name", value: "seed" } },
          { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
          { kind: "Field", name: { kind: "Name", value: "wallTimeSec" } },
          { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
          { kind: "Field", name: { kind: "Name", value: "config" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "project" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "resolution" } },
                { kind: "Field", name: { kind: "Name", value: "pooling" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunListItemFragment, unknown>;
export const RunDetailFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunDetailFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "FragmentSpread", name: { kind: "Name", value: "RunListItem" } },
          { kind: "Field", name: { kind: "Name", value: "startedAt" } },
          { kind: "Field", name: { kind: "Name", value: "endedAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
          { kind: "Field", name: { kind: "Name", value: "notes" } },
          { kind: "Field", name: { kind: "Name", value: "error" } },
          { kind: "Field", name: { kind: "Name", value: "metricKeys" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "name" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "storageUri" } },
                { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
                { kind: "Field", name: { kind: "Name", value: "gridH" } },
                { kind: "Field", name: { kind: "Name", value: "gridW" } },
                { kind: "Field", name: { kind: "Name", value: "dim" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "classNames" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "baselineRun" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
                { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunListItem" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "kind" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "tags" } },
          { kind: "Field", name: { kind: "Name", value: "seed" } },
          { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
          { kind: "Field", name: { kind: "Name", value: "wallTimeSec" } },
          { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
          { kind: "Field", name: { kind: "Name", value: "config" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "project" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "resolution" } },
                { kind: "Field", name: { kind: "Name", value: "pooling" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunDetailFieldsFragment, unknown>;
export const FeatureCachesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "FeatureCaches" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "FeatureCacheFilter" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "featureCaches" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "CacheFields" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CacheFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FeatureCache" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "resolution" } },
          { kind: "Field", name: { kind: "Name", value: "pooling" } },
          { kind: "Field", name: { kind: "Name", value: "layer" } },
          { kind: "Field", name: { kind: "Name", value: "progressDone" } },
          { kind: "Field", name: { kind: "Name", value: "progressTotal" } },
          { kind: "Field", name: { kind: "Name", value: "progress" } },
          { kind: "Field", name: { kind: "Name", value: "gridH" } },
          { kind: "Field", name: { kind: "Name", value: "gridW" } },
          { kind: "Field", name: { kind: "Name", value: "dim" } },
          { kind: "Field", name: { kind: "Name", value: "dtype" } },
          { kind: "Field", name: { kind: "Name", value: "bytes" } },
          { kind: "Field", name: { kind: "Name", value: "shardCount" } },
          { kind: "Field", name: { kind: "Name", value: "imagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "skippedCount" } },
          { kind: "Field", name: { kind: "Name", value: "error" } },
          { kind: "Field", name: { kind: "Name", value: "runCount" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FeatureCachesQuery, FeatureCachesQueryVariables>;
export const CacheFormOptionsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "CacheFormOptions" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "datasets" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "foundationModels" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "patchSize" } },
                { kind: "Field", name: { kind: "Name", value: "defaultImageSize" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CacheFormOptionsQuery, CacheFormOptionsQueryVariables>;
export const RequestFeatureCacheDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RequestFeatureCache" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "RequestFeatureCacheInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "requestFeatureCache" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestFeatureCacheMutation, RequestFeatureCacheMutationVariables>;
export const FeatureCacheProgressDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "FeatureCacheProgress" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "featureCacheProgress" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CacheFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CacheFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FeatureCache" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "resolution" } },
          { kind: "Field", name: { kind: "Name", value: "pooling" } },
          { kind: "Field", name: { kind: "Name", value: "layer" } },
          { kind: "Field", name: { kind: "Name", value: "progressDone" } },
          { kind: "Field", name: { kind: "Name", value: "progressTotal" } },
          { kind: "Field", name: { kind: "Name", value: "progress" } },
          { kind: "Field", name: { kind: "Name", value: "gridH" } },
          { kind: "Field", name: { kind: "Name", value: "gridW" } },
          { kind: "Field", name: { kind: "Name", value: "dim" } },
          { kind: "Field", name: { kind: "Name", value: "dtype" } },
          { kind: "Field", name: { kind: "Name", value: "bytes" } },
          { kind: "Field", name: { kind: "Name", value: "shardCount" } },
          { kind: "Field", name: { kind: "Name", value: "imagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "skippedCount" } },
          { kind: "Field", name: { kind: "Name", value: "error" } },
          { kind: "Field", name: { kind: "Name", value: "runCount" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FeatureCacheProgressSubscription, FeatureCacheProgressSubscriptionVariables>;
export const DatasetsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Datasets" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "datasets" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "rootUri" } },
                { kind: "Field", name: { kind: "Name", value: "layout" } },
                { kind: "Field", name: { kind: "Name", value: "classNames" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "splitCounts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "split" } },
                      { kind: "Field", name: { kind: "Name", value: "count" } },
                    ],
                  },
                },
                { kind: "Field", name: { kind: "Name", value: "imageCount" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "error" } },
                { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "caches" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DatasetsQuery, DatasetsQueryVariables>;
export const FoundationModelsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "FoundationModels" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "foundationModels" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "family" } },
                { kind: "Field", name: { kind: "Name", value: "patchSize" } },
                { kind: "Field", name: { kind: "Name", value: "embedDim" } },
                { kind: "Field", name: { kind: "Name", value: "depth" } },
                { kind: "Field", name: { kind: "Name", value: "heads" } },
                { kind: "Field", name: { kind: "Name", value: "defaultImageSize" } },
                { kind: "Field", name: { kind: "Name", value: "parameterCount" } },
                { kind: "Field", name: { kind: "Name", value: "weightsUri" } },
                { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "caches" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FoundationModelsQuery, FoundationModelsQueryVariables>;
export const MeDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Me" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "me" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "team" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "slug" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "user" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "email" } },
                    ],
                  },
                },
                { kind: "Field", name: { kind: "Name", value: "scopes" } },
                { kind: "Field", name: { kind: "Name", value: "tokenName" } },
                { kind: "Field", name: { kind: "Name", value: "tokenPrefix" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const OverviewDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Overview" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            alias: { kind: "Name", value: "recent" },
            name: { kind: "Name", value: "runs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "IntValue", value: "10" },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "edges" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "node" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "kind" } },
                            { kind: "Field", name: { kind: "Name", value: "status" } },
                            { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
                            { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
                            { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            alias: { kind: "Name", value: "running" },
            name: { kind: "Name", value: "runs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: {
                  kind: "ObjectValue",
                  fields: [
                    {
                      kind: "ObjectField",
                      name: { kind: "Name", value: "statuses" },
                      value: { kind: "ListValue", values: [{ kind: "EnumValue", value: "RUNNING" }] },
                    },
                  ],
                },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "IntValue", value: "1" },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "totalCount" } }],
            },
          },
          {
            kind: "Field",
            alias: { kind: "Name", value: "queued" },
            name: { kind: "Name", value: "runs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: {
                  kind: "ObjectValue",
                  fields: [
                    {
                      kind: "ObjectField",
                      name: { kind: "Name", value: "statuses" },
                      value: { kind: "ListValue", values: [{ kind: "EnumValue", value: "QUEUED" }] },
                    },
                  ],
                },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "IntValue", value: "1" },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "totalCount" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "workers" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "host" } },
                { kind: "Field", name: { kind: "Name", value: "backend" } },
                { kind: "Field", name: { kind: "Name", value: "device" } },
                { kind: "Field", name: { kind: "Name", value: "lastHeartbeatAt" } },
                { kind: "Field", name: { kind: "Name", value: "online" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "currentJobs" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "type" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "featureCaches" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "resolution" } },
                { kind: "Field", name: { kind: "Name", value: "pooling" } },
                { kind: "Field", name: { kind: "Name", value: "progressDone" } },
                { kind: "Field", name: { kind: "Name", value: "progressTotal" } },
                { kind: "Field", name: { kind: "Name", value: "progress" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "name" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "name" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const RunsListDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunsList" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "RunFilter" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "sort" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "RunSort" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "runs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "sort" },
                value: { kind: "Variable", name: { kind: "Name", value: "sort" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "IntValue", value: "50" },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                      { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "edges" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "cursor" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "node" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "RunListItem" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunListItem" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "kind" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "tags" } },
          { kind: "Field", name: { kind: "Name", value: "seed" } },
          { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
          { kind: "Field", name: { kind: "Name", value: "wallTimeSec" } },
          { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
          { kind: "Field", name: { kind: "Name", value: "config" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "project" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "resolution" } },
                { kind: "Field", name: { kind: "Name", value: "pooling" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunsListQuery, RunsListQueryVariables>;
export const RunPickerDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunPicker" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "runs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "IntValue", value: "100" },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "edges" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "node" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "kind" } },
                            { kind: "Field", name: { kind: "Name", value: "status" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunPickerQuery, RunPickerQueryVariables>;
export const RunDetailDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunDetail" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "run" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "RunDetailFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunListItem" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "kind" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "tags" } },
          { kind: "Field", name: { kind: "Name", value: "seed" } },
          { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
          { kind: "Field", name: { kind: "Name", value: "wallTimeSec" } },
          { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
          { kind: "Field", name: { kind: "Name", value: "config" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "project" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "resolution" } },
                { kind: "Field", name: { kind: "Name", value: "pooling" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunDetailFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "FragmentSpread", name: { kind: "Name", value: "RunListItem" } },
          { kind: "Field", name: { kind: "Name", value: "startedAt" } },
          { kind: "Field", name: { kind: "Name", value: "endedAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
          { kind: "Field", name: { kind: "Name", value: "notes" } },
          { kind: "Field", name: { kind: "Name", value: "error" } },
          { kind: "Field", name: { kind: "Name", value: "metricKeys" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "name" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "storageUri" } },
                { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
                { kind: "Field", name: { kind: "Name", value: "gridH" } },
                { kind: "Field", name: { kind: "Name", value: "gridW" } },
                { kind: "Field", name: { kind: "Name", value: "dim" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "classNames" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "baselineRun" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
                { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunDetailQuery, RunDetailQueryVariables>;
export const RunEfficiencyDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunEfficiency" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "ids" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "compareRuns" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "ids" },
                value: { kind: "Variable", name: { kind: "Name", value: "ids" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "efficiency" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "speedup" } },
                      { kind: "Field", name: { kind: "Name", value: "memorySaving" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "baselineRun" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
                            { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunEfficiencyQuery, RunEfficiencyQueryVariables>;
export const CompareRunsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "CompareRuns" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "ids" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "compareRuns" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "ids" },
                value: { kind: "Variable", name: { kind: "Name", value: "ids" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "runs" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "kind" } },
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                      { kind: "Field", name: { kind: "Name", value: "metricKeys" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "configDiff" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "path" } },
                      { kind: "Field", name: { kind: "Name", value: "values" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "metrics" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "key" } },
                      { kind: "Field", name: { kind: "Name", value: "values" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "efficiency" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "run" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "baselineRun" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                          ],
                        },
                      },
                      { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
                      { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
                      { kind: "Field", name: { kind: "Name", value: "speedup" } },
                      { kind: "Field", name: { kind: "Name", value: "memorySaving" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompareRunsQuery, CompareRunsQueryVariables>;
export const MetricSeriesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "MetricSeries" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "runIds" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
            },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "keys" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
              },
            },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "maxPoints" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "metricSeries" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "runIds" },
                value: { kind: "Variable", name: { kind: "Name", value: "runIds" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "keys" },
                value: { kind: "Variable", name: { kind: "Name", value: "keys" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "maxPoints" },
                value: { kind: "Variable", name: { kind: "Name", value: "maxPoints" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "runId" } },
                { kind: "Field", name: { kind: "Name", value: "key" } },
                { kind: "Field", name: { kind: "Name", value: "steps" } },
                { kind: "Field", name: { kind: "Name", value: "values" } },
                { kind: "Field", name: { kind: "Name", value: "totalPoints" } },
                { kind: "Field", name: { kind: "Name", value: "downsampled" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricSeriesQuery, MetricSeriesQueryVariables>;
export const ProjectsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Projects" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "projects" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "runCount" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const LaunchOptionsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "LaunchOptions" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "projects" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "featureCaches" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "resolution" } },
                { kind: "Field", name: { kind: "Name", value: "pooling" } },
                { kind: "Field", name: { kind: "Name", value: "layer" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "runs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: {
                  kind: "ObjectValue",
                  fields: [
                    {
                      kind: "ObjectField",
                      name: { kind: "Name", value: "kinds" },
                      value: { kind: "ListValue", values: [{ kind: "EnumValue", value: "UNFROZEN_LINEAR" }] },
                    },
                  ],
                },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "IntValue", value: "100" },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "edges" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "node" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "status" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LaunchOptionsQuery, LaunchOptionsQueryVariables>;
export const LaunchRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "LaunchRun" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "LaunchRunInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "launchRun" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LaunchRunMutation, LaunchRunMutationVariables>;
export const SetRunNotesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetRunNotes" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "notes" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setRunNotes" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "notes" },
                value: { kind: "Variable", name: { kind: "Name", value: "notes" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "notes" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetRunNotesMutation, SetRunNotesMutationVariables>;
export const CancelRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CancelRun" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "cancelRun" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CancelRunMutation, CancelRunMutationVariables>;
export const TagRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "TagRun" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "add" } },
          type: {
            kind: "ListType",
            type: {
              kind: "NonNullType",
              type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
            },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "remove" } },
          type: {
            kind: "ListType",
            type: {
              kind: "NonNullType",
              type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "tagRun" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "add" },
                value: { kind: "Variable", name: { kind: "Name", value: "add" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "remove" },
                value: { kind: "Variable", name: { kind: "Name", value: "remove" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "tags" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TagRunMutation, TagRunMutationVariables>;
export const RunUpdatedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "RunUpdated" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "projectId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "runUpdated" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "projectId" },
                value: { kind: "Variable", name: { kind: "Name", value: "projectId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "RunListItem" } },
                { kind: "Field", name: { kind: "Name", value: "startedAt" } },
                { kind: "Field", name: { kind: "Name", value: "endedAt" } },
                { kind: "Field", name: { kind: "Name", value: "error" } },
                { kind: "Field", name: { kind: "Name", value: "metricKeys" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunListItem" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Run" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "kind" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "tags" } },
          { kind: "Field", name: { kind: "Name", value: "seed" } },
          { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
          { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
          { kind: "Field", name: { kind: "Name", value: "wallTimeSec" } },
          { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
          { kind: "Field", name: { kind: "Name", value: "config" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "project" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "resolution" } },
                { kind: "Field", name: { kind: "Name", value: "pooling" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunUpdatedSubscription, RunUpdatedSubscriptionVariables>;
export const MetricsAppendedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "MetricsAppended" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "runId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "keys" } },
          type: {
            kind: "ListType",
            type: {
              kind: "NonNullType",
              type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "metricsAppended" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "runId" },
                value: { kind: "Variable", name: { kind: "Name", value: "runId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "keys" },
                value: { kind: "Variable", name: { kind: "Name", value: "keys" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "runId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "points" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "key" } },
                      { kind: "Field", name: { kind: "Name", value: "step" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricsAppendedSubscription, MetricsAppendedSubscriptionVariables>;
