/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
/** Input of `addTeamMember`. */
export type AddTeamMemberInput = {
  /** E-mail address (stored in lower case), unique across all teams. */
  email: string;
  /** Display name, 1–200 characters. */
  name: string;
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
 * Inclusive numeric range on one value of the effective run configuration. Runs whose value at
 * the path is missing or not a number never match.
 */
export type ConfigRangeFilter = {
  /** Upper bound, inclusive; omitted: none. */
  max?: number | null | undefined;
  /** Lower bound, inclusive; omitted: none. */
  min?: number | null | undefined;
  /** Dotted JSON path into the config, e.g. `optimizer.lr`. */
  path: string;
};

/** Equality on one value of the run configuration. */
export type ConfigValueFilter = {
  /** Dotted JSON path into the config, e.g. `augment.noiseStd` or `optimizer.lr`. */
  path: string;
  /** The value it must equal (compared as JSON: `0.5`, `"adamw"`, `true`). */
  value: unknown;
};

/** Where a reference speed comes from. */
export type CostReferenceSource =
  /** The model's fine-tuning calibration at the cache's resolution. */
  | "CALIBRATION"
  /** A finished run of the kind on this cache (its training images/s). */
  | "RUN";

/** Input of `createToken`. */
export type CreateTokenInput = {
  /** When it stops working (in the future). A non-ADMIN token may not issue one outliving itself: omitted, its own expiry applies. */
  expiresAt?: string | null | undefined;
  /** Name, 1–100 characters. */
  name: string;
  /** Scopes, at least one. READ goes alone. A non-ADMIN token may only give scopes it holds (and READ), never ADMIN. */
  scopes: Array<TokenScope>;
  /** ADMIN only: a service token, of no user (for workers and automation; not revoked when a member is removed). Not with `userId`. */
  service?: boolean | null | undefined;
  /** ADMIN only: the member of the team to issue it to. Omitted: the caller's user. */
  userId?: string | number | null | undefined;
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

/** Filter of `jobs`. */
export type JobFilter = {
  /** Only jobs of this run. */
  runId?: string | number | null | undefined;
  /** Only jobs in these statuses. */
  statuses?: Array<JobStatus> | null | undefined;
  /** Only jobs of this type. */
  type?: JobType | null | undefined;
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
  baselineRunId?: string | number | null | undefined;
  /** Feature cache: required for every kind (LOFF / LOFF_TA train on its tokens; the image baselines take its dataset, model and resolution). Not FAILED. */
  cacheId?: string | number | null | undefined;
  /** Run configuration, resolved for the kind by `resolveRunConfig` (stored as the effective config); invalid fields, and asking for what the kind cannot do (e.g. tensor augmentations on LOFF), fail with BAD_USER_INPUT listing their paths. */
  config: unknown;
  /** What to train. */
  kind: RunKind;
  /** Display name (1–200 characters). */
  name: string;
  /** Notes. */
  notes?: string | null | undefined;
  /** Project to launch in. */
  projectId: string | number;
  /** Seed of initialisation, data order and augmentations. Omitted: `config.seed` (default 0); when both are given they must agree. */
  seed?: number | null | undefined;
  /** Tags. */
  tags?: Array<string> | null | undefined;
};

/**
 * Input of `launchSweep`. What is shared with `LaunchRunInput` means the same; every run is
 * launched as `launchRun` launches one (the config resolved for the kind by `resolveRunConfig`,
 * the cache and baseline checked), all in one transaction: nothing is created when any setting is
 * invalid.
 */
export type LaunchSweepInput = {
  /** Fine-tuning or external baseline of every run (as `LaunchRunInput.baselineRunId`). */
  baselineRunId?: string | number | null | undefined;
  /** Feature cache of every run (as `LaunchRunInput.cacheId`). */
  cacheId?: string | number | null | undefined;
  /** Base run configuration: each run's config is it with the setting's values set at the swept paths and the run's seed. Leave `seed` out (the seeds are `seeds`). */
  config: unknown;
  /** RANDOM: how many settings to draw (1–256). Not with GRID. */
  count?: number | null | undefined;
  /** What every run trains (not EXTERNAL). */
  kind: RunKind;
  /** GRID or RANDOM. */
  method: SweepMethod;
  /** The final metric the sweep is judged by (a metric of the catalogue). Omitted: the base config's `earlyStopping.metric` (default `accuracy`). */
  metric?: string | null | undefined;
  /** Name of the sweep (1–180 characters); its runs are named `<name>-<setting>-s<seed>`. */
  name: string;
  /** Notes of every run. */
  notes?: string | null | undefined;
  /** The swept parameters (1–20, distinct paths). */
  parameters: Array<SweepParameterInput>;
  /** Project to launch in. */
  projectId: string | number;
  /** RANDOM: seed of the draws (0 … 2^32 − 1, default 0): the same input draws the same settings. */
  seed?: number | null | undefined;
  /** Each setting is run once per seed (1–64 distinct seeds, 0 … 2^32 − 1). Omitted: [0]. */
  seeds?: Array<number> | null | undefined;
  /** Tags of every run. */
  tags?: Array<string> | null | undefined;
};

/**
 * Inclusive numeric range on one final metric (`Run.finalMetrics`). Runs without a numeric value
 * of the metric never match.
 */
export type MetricRangeFilter = {
  /** A metric of the catalogue (`accuracy`, `balancedAccuracy`, `macroF1`, `kappa`, `auc`, `loss`). */
  key: string;
  /** Upper bound, inclusive; omitted: none. */
  max?: number | null | undefined;
  /** Lower bound, inclusive; omitted: none. */
  min?: number | null | undefined;
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
  /** Transformer block to take tokens from, 1-based (1 … the model's depth). Omitted: the last block. Must be omitted for TF.js models (family OTHER). */
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
  /** Archived runs: omitted or false: only runs that are not archived; true: only archived runs. */
  archived?: boolean | null | undefined;
  /** Only runs on this feature cache. */
  cacheId?: string | number | null | undefined;
  /** Only runs whose config has these values. */
  config?: Array<ConfigValueFilter> | null | undefined;
  /** Only runs whose numeric config values lie in these ranges (counted with `config` and `metrics`). */
  configRanges?: Array<ConfigRangeFilter> | null | undefined;
  /** Only runs of these kinds. */
  kinds?: Array<RunKind> | null | undefined;
  /** Only runs whose final metrics lie in these ranges. Together with `config` and `configRanges` at most LOFFTA_MAX_FILTER_CONDITIONS conditions (LIMIT_EXCEEDED). */
  metrics?: Array<MetricRangeFilter> | null | undefined;
  /** Only runs whose name contains this text (case-insensitive; `%` and `_` match themselves). */
  nameContains?: string | null | undefined;
  /** Only runs of this project. */
  projectId?: string | number | null | undefined;
  /** Only runs in these statuses. */
  statuses?: Array<RunStatus> | null | undefined;
  /** Only runs carrying this tag. */
  tag?: string | null | undefined;
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

/** Severity of a run log line. */
export type RunLogLevel =
  /** A failure (e.g. the job's error when it failed). */
  | "ERROR"
  /** Normal progress messages. */
  | "INFO"
  /** Something went wrong but the run goes on (e.g. a calibration that could not be measured). */
  | "WARN";

/** Sort order of `runs`. Ties are broken by id. */
export type RunSort = {
  /** Dotted config path when `field` is CONFIG, e.g. `optimizer.lr`. */
  configPath?: string | null | undefined;
  /** Direction. Default DESC. */
  direction?: SortDirection;
  /** Sort key. */
  field?: RunSortField;
  /** Final-metric key when `field` is METRIC, e.g. `accuracy`. */
  metricKey?: string | null | undefined;
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

/**
 * Which samples of an evaluation (all conditions must hold). Classes are indices into
 * `RunEvaluation.labelNames`.
 */
export type SampleFilter = {
  /** Only samples predicted as this class. */
  predictedLabel?: number | null | undefined;
  /** Only samples of this true class. */
  trueLabel?: number | null | undefined;
  /** Only misclassified samples. */
  wrongOnly?: boolean | null | undefined;
};

/** Input of `saveView`. */
export type SaveViewInput = {
  /** Name (1–100 characters, trimmed); saving under an existing name replaces that view's query. */
  name: string;
  /** The Runs page query string (at most 4,000 characters). */
  query: string;
};

/** Sort direction. */
export type SortDirection =
  /** Smallest first. */
  | "ASC"
  /** Largest first. */
  | "DESC";

/** How a sweep chooses its settings. */
export type SweepMethod =
  /** Every combination of the parameters' `values` (their Cartesian product, the first parameter varying slowest). */
  | "GRID"
  /** `count` settings drawn at random, reproducibly from `seed`: each parameter from its `values` (uniformly) or from [`min`, `max`] (uniform, or log-uniform with `log`; integers with `integer`). */
  | "RANDOM";

/**
 * One swept parameter of `launchSweep`: a config path and what it takes. Give either `values`, or
 * (RANDOM only) `min` and `max`.
 */
export type SweepParameterInput = {
  /** RANDOM range: draw integers (from ceil(min) to floor(max)). Default false. */
  integer?: boolean | null | undefined;
  /** RANDOM range: draw log-uniformly (min > 0), e.g. learning rates. Default false. */
  log?: boolean | null | undefined;
  /** RANDOM: upper bound of a numeric range (inclusive). */
  max?: number | null | undefined;
  /** RANDOM: lower bound of a numeric range (inclusive). */
  min?: number | null | undefined;
  /** Dotted path of a value of the run configuration, e.g. `augmentations.noise.std`, `optimizer.lr`, `augmentations.hflip.enabled` (the catalogue's `defaultRunConfig()` leaves, and `schedule.warmupSteps`). Not `seed`: seeds are `LaunchSweepInput.seeds`. */
  path: string;
  /** The values it takes (JSON: numbers, booleans, strings, arrays such as `[0.5, 1]`), 1–256 distinct ones. GRID: each one; RANDOM: chosen uniformly. */
  values?: Array<unknown> | null | undefined;
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
  name?: string | null | undefined;
  /** New notes (at most 20,000 characters); null clears them. */
  notes?: string | null | undefined;
};

export type CacheFieldsFragment = {
  id: string;
  status: CacheStatus;
  resolution: number;
  pooling: number;
  layer: number;
  mean: Array<number> | null;
  std: Array<number> | null;
  weightsSha256: string | null;
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
  stale: boolean;
  staleReason: string | null;
  createdAt: string;
  updatedAt: string;
  splitCounts: Array<{ split: string; count: number }>;
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
    mean: Array<number> | null;
    std: Array<number> | null;
    weightsSha256: string | null;
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
    stale: boolean;
    staleReason: string | null;
    createdAt: string;
    updatedAt: string;
    dataset: { id: string; name: string };
    model: { id: string; name: string; family: ModelFamily; depth: number };
    splitCounts: Array<{ split: string; count: number }>;
  }>;
};

export type CacheFormOptionsQueryVariables = Exact<{ [key: string]: never }>;

export type CacheFormOptionsQuery = {
  datasets: Array<{ id: string; name: string; status: DatasetStatus }>;
  foundationModels: Array<{
    id: string;
    name: string;
    family: ModelFamily;
    depth: number;
    patchSize: number;
    defaultImageSize: number;
  }>;
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
    mean: Array<number> | null;
    std: Array<number> | null;
    weightsSha256: string | null;
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
    stale: boolean;
    staleReason: string | null;
    createdAt: string;
    updatedAt: string;
    splitCounts: Array<{ split: string; count: number }>;
  };
};

export type CacheDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type CacheDetailQuery = {
  featureCache: {
    extractSeconds: number | null;
    extractPeakMemoryBytes: number | null;
    extractDevice: string | null;
    forwardPasses: number;
    datasetContentHash: string | null;
    storageUri: string | null;
    stale: boolean;
    staleAt: string | null;
    staleReason: string | null;
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    layer: number;
    mean: Array<number> | null;
    std: Array<number> | null;
    weightsSha256: string | null;
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
    skipped: Array<{ path: string; reason: string }>;
    dataset: { id: string; name: string; rootUri: string };
    model: { id: string; name: string; family: ModelFamily; depth: number };
    economics: {
      buildSeconds: number | null;
      readingRuns: number;
      forwardPassesAvoided: number;
      trainingSeconds: number;
      breakEven: Array<{
        referenceSeconds: number;
        savedSeconds: number;
        savedHours: number;
        breakEvenRuns: number | null;
        savedPerRunSeconds: number | null;
        reference: {
          source: CostReferenceSource;
          kind: RunKind;
          imagesPerSec: number;
          run: { id: string; name: string } | null;
        };
      }>;
    };
    splitCounts: Array<{ split: string; count: number }>;
  } | null;
  runs: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        name: string;
        kind: RunKind;
        status: RunStatus;
        seed: number;
        imagesSeen: number | null;
        wallTimeSec: number | null;
        finalMetrics: unknown;
      };
    }>;
  };
};

export type RescanDatasetMutationVariables = Exact<{
  id: string | number;
}>;

export type RescanDatasetMutation = {
  rescanDataset: { changed: boolean; staleCaches: Array<{ id: string }> };
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
    caches: Array<{
      id: string;
      status: CacheStatus;
      resolution: number;
      stale: boolean;
      model: { name: string };
    }>;
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
    mean: Array<number> | null;
    std: Array<number> | null;
    parameterCount: number | null;
    weightsUri: string;
    createdAt: string;
    caches: Array<{ id: string; status: CacheStatus }>;
  }>;
};

export type EvalSampleFieldsFragment = {
  row: number;
  index: number;
  label: number;
  predicted: number;
  confidence: number;
  path: string | null;
};

export type RunArtifactsQueryVariables = Exact<{
  id: string | number;
}>;

export type RunArtifactsQuery = {
  run: {
    id: string;
    reports: Array<{ id: string; name: string }>;
    sweep: { id: string; name: string } | null;
    artifacts: Array<{
      id: string;
      kind: ArtifactKind;
      name: string;
      bytes: number;
      sha256: string;
      createdAt: string;
      downloadPath: string;
    }>;
    evaluation: {
      split: string;
      labelNames: Array<string>;
      count: number;
      confusionMatrix: Array<Array<number>>;
      imagesAvailable: boolean;
      roc: Array<{
        classIndex: number;
        className: string;
        area: number | null;
        positives: number;
        negatives: number;
        points: Array<{ x: number; y: number }>;
      }>;
      pr: Array<{
        classIndex: number;
        className: string;
        area: number | null;
        points: Array<{ x: number; y: number }>;
      }>;
      wrong: {
        total: number;
        samples: Array<{
          row: number;
          index: number;
          label: number;
          predicted: number;
          confidence: number;
          path: string | null;
        }>;
      };
    } | null;
  } | null;
};

export type RunCellSamplesQueryVariables = Exact<{
  id: string | number;
  filter: SampleFilter;
  first: number;
  offset: number;
}>;

export type RunCellSamplesQuery = {
  run: {
    id: string;
    evaluation: {
      samples: {
        total: number;
        samples: Array<{
          row: number;
          index: number;
          label: number;
          predicted: number;
          confidence: number;
          path: string | null;
        }>;
      };
    } | null;
  } | null;
};

export type RunLogLineFieldsFragment = { seq: number; time: string; level: RunLogLevel; message: string };

export type RunLogsQueryVariables = Exact<{
  runId: string | number;
  after?: number | null | undefined;
  before?: number | null | undefined;
  fromEnd?: boolean | null | undefined;
  limit?: number | null | undefined;
}>;

export type RunLogsQuery = {
  runLogs: {
    hasMore: boolean;
    startCursor: number | null;
    endCursor: number | null;
    lines: Array<{ seq: number; time: string; level: RunLogLevel; message: string }>;
  };
};

export type RunLogAppendedSubscriptionVariables = Exact<{
  runId: string | number;
}>;

export type RunLogAppendedSubscription = {
  runLogAppended: {
    runId: string;
    lines: Array<{ seq: number; time: string; level: RunLogLevel; message: string }>;
  };
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

export type QueueJobsQueryVariables = Exact<{
  filter?: JobFilter | null | undefined;
  after?: string | number | null | undefined;
}>;

export type QueueJobsQuery = {
  jobs: Array<{
    id: string;
    type: JobType;
    status: JobStatus;
    priority: number;
    attempts: number;
    maxAttempts: number;
    leaseExpiresAt: string | null;
    lastError: string | null;
    availableAt: string;
    createdAt: string;
    updatedAt: string;
    worker: { id: string; name: string } | null;
    run: { id: string; name: string; status: RunStatus } | null;
    cache: {
      id: string;
      status: CacheStatus;
      resolution: number;
      dataset: { id: string; name: string };
      model: { id: string; name: string };
    } | null;
  }>;
};

export type CancelJobMutationVariables = Exact<{
  id: string | number;
}>;

export type CancelJobMutation = { cancelJob: { id: string; status: JobStatus } };

export type RetryJobMutationVariables = Exact<{
  id: string | number;
}>;

export type RetryJobMutation = { retryJob: { id: string; status: JobStatus } };

export type ReportsListQueryVariables = Exact<{
  projectId: string | number;
}>;

export type ReportsListQuery = {
  reports: Array<{
    id: string;
    name: string;
    metric: string;
    kinds: Array<RunKind>;
    runCount: number;
    createdAt: string;
    updatedAt: string;
    results: Array<{ labelsPerClass: number | null }>;
  }>;
};

export type ReportDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type ReportDetailQuery = {
  report: {
    id: string;
    name: string;
    metric: string;
    markdown: string;
    kinds: Array<RunKind>;
    settings: unknown;
    runIds: Array<string>;
    runCount: number;
    createdAt: string;
    updatedAt: string;
    project: { id: string; name: string };
    results: Array<{
      kind: RunKind;
      labelsPerClass: number | null;
      runCount: number;
      succeeded: number;
      metricMean: number | null;
      metricStd: number | null;
      imagesPerSec: number | null;
      peakMemoryBytes: number | null;
      speedup: number | null;
      memorySaving: number | null;
      runIds: Array<string>;
    }>;
    runs: Array<{
      id: string;
      name: string;
      kind: RunKind;
      status: RunStatus;
      seed: number;
      finalMetrics: unknown;
      trainImagesPerSec: number | null;
      peakMemoryBytes: number | null;
    }>;
    plots: Array<{
      name: string;
      title: string | null;
      width: number;
      height: number;
      bytes: number;
      dataUrl: string;
    }>;
  } | null;
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
  archivedAt: string | null;
  metricKeys: Array<string>;
  confusionMatrix: Array<Array<number>> | null;
  evalSplit: string | null;
  evalCount: number | null;
  host: string | null;
  backend: string | null;
  device: string | null;
  lofftaVersion: string | null;
  gitCommit: string | null;
  tfjsVersion: string | null;
  tfjsNodeVersion: string | null;
  tensorflowVersion: string | null;
  nodeVersion: string | null;
  launchedBy: string | null;
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
    stale: boolean;
    staleReason: string | null;
    layer: number;
    mean: Array<number> | null;
    std: Array<number> | null;
    weightsSha256: string | null;
    gridH: number | null;
    gridW: number | null;
    dim: number | null;
    resolution: number;
    pooling: number;
    dataset: { id: string; classNames: Array<string>; name: string };
    model: { id: string; family: ModelFamily; depth: number; name: string };
  } | null;
  baselineRun: {
    id: string;
    name: string;
    trainImagesPerSec: number | null;
    peakMemoryBytes: number | null;
  } | null;
  trainedBy: { id: string; name: string; host: string; backend: string; device: string } | null;
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
    archivedAt: string | null;
    metricKeys: Array<string>;
    confusionMatrix: Array<Array<number>> | null;
    evalSplit: string | null;
    evalCount: number | null;
    host: string | null;
    backend: string | null;
    device: string | null;
    lofftaVersion: string | null;
    gitCommit: string | null;
    tfjsVersion: string | null;
    tfjsNodeVersion: string | null;
    tensorflowVersion: string | null;
    nodeVersion: string | null;
    launchedBy: string | null;
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
      stale: boolean;
      staleReason: string | null;
      layer: number;
      mean: Array<number> | null;
      std: Array<number> | null;
      weightsSha256: string | null;
      gridH: number | null;
      gridW: number | null;
      dim: number | null;
      resolution: number;
      pooling: number;
      dataset: { id: string; classNames: Array<string>; name: string };
      model: { id: string; family: ModelFamily; depth: number; name: string };
    } | null;
    baselineRun: {
      id: string;
      name: string;
      trainImagesPerSec: number | null;
      peakMemoryBytes: number | null;
    } | null;
    trainedBy: { id: string; name: string; host: string; backend: string; device: string } | null;
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
    runs: Array<{
      id: string;
      name: string;
      kind: RunKind;
      status: RunStatus;
      seed: number;
      config: unknown;
      metricKeys: Array<string>;
      cache: { id: string } | null;
    }>;
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
    cost: Array<{
      trainingSeconds: number | null;
      cacheShareSeconds: number;
      totalSeconds: number | null;
      memoryGbSeconds: number | null;
      run: { id: string; finalMetrics: unknown };
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

export type LaunchOptionsQueryVariables = Exact<{
  baselineKinds: Array<RunKind> | RunKind;
}>;

export type LaunchOptionsQuery = {
  projects: Array<{ id: string; name: string }>;
  featureCaches: Array<{
    id: string;
    status: CacheStatus;
    resolution: number;
    pooling: number;
    layer: number;
    dataset: { id: string; name: string };
    model: { id: string; name: string; family: ModelFamily; depth: number };
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

export type UpdateRunMutationVariables = Exact<{
  id: string | number;
  input: UpdateRunInput;
}>;

export type UpdateRunMutation = { updateRun: { id: string; name: string; notes: string | null } };

export type TagRunsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  add?: Array<string> | string | null | undefined;
  remove?: Array<string> | string | null | undefined;
}>;

export type TagRunsMutation = { tagRuns: Array<{ id: string; tags: Array<string> }> };

export type ArchiveRunsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;

export type ArchiveRunsMutation = { archiveRuns: Array<{ id: string; archivedAt: string | null }> };

export type UnarchiveRunsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;

export type UnarchiveRunsMutation = { unarchiveRuns: Array<{ id: string; archivedAt: string | null }> };

export type DeleteRunsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;

export type DeleteRunsMutation = { deleteRuns: Array<string> };

export type RetryRunMutationVariables = Exact<{
  id: string | number;
}>;

export type RetryRunMutation = { retryRun: { id: string; name: string; status: RunStatus } };

export type RunUpdatedSubscriptionVariables = Exact<{
  projectId: string | number;
}>;

export type RunUpdatedSubscription = {
  runUpdated: {
    startedAt: string | null;
    endedAt: string | null;
    error: string | null;
    metricKeys: Array<string>;
    confusionMatrix: Array<Array<number>> | null;
    evalSplit: string | null;
    evalCount: number | null;
    host: string | null;
    backend: string | null;
    device: string | null;
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
    trainedBy: { id: string; name: string; host: string; backend: string; device: string } | null;
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

export type RunsDeletedSubscriptionVariables = Exact<{
  projectId: string | number;
}>;

export type RunsDeletedSubscription = { runsDeleted: { projectId: string; ids: Array<string> } };

export type MetricsAppendedSubscriptionVariables = Exact<{
  runId: string | number;
  keys?: Array<string> | string | null | undefined;
}>;

export type MetricsAppendedSubscription = {
  metricsAppended: { runId: string; points: Array<{ key: string; step: number; value: number }> };
};

export type SavedViewsQueryVariables = Exact<{ [key: string]: never }>;

export type SavedViewsQuery = { savedViews: Array<{ id: string; name: string; query: string }> };

export type SaveViewMutationVariables = Exact<{
  input: SaveViewInput;
}>;

export type SaveViewMutation = { saveView: { id: string; name: string; query: string } };

export type DeleteViewMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteViewMutation = { deleteView: string };

export type TokenRowFragment = {
  id: string;
  name: string;
  prefix: string;
  scopes: Array<TokenScope>;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
  current: boolean;
  user: { id: string; name: string; email: string } | null;
};

export type SettingsQueryVariables = Exact<{ [key: string]: never }>;

export type SettingsQuery = {
  me: { scopes: Array<TokenScope>; tokenExpiresAt: string | null; user: { id: string } | null };
  team: { id: string; name: string; members: Array<{ id: string; name: string; email: string }> };
  tokens: Array<{
    id: string;
    name: string;
    prefix: string;
    scopes: Array<TokenScope>;
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string | null;
    revokedAt: string | null;
    active: boolean;
    current: boolean;
    user: { id: string; name: string; email: string } | null;
  }>;
};

export type CreateTokenMutationVariables = Exact<{
  input: CreateTokenInput;
}>;

export type CreateTokenMutation = {
  createToken: {
    secret: string;
    token: {
      id: string;
      name: string;
      prefix: string;
      scopes: Array<TokenScope>;
      createdAt: string;
      lastUsedAt: string | null;
      expiresAt: string | null;
      revokedAt: string | null;
      active: boolean;
      current: boolean;
      user: { id: string; name: string; email: string } | null;
    };
  };
};

export type RevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;

export type RevokeTokenMutation = {
  revokeToken: {
    id: string;
    name: string;
    prefix: string;
    scopes: Array<TokenScope>;
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string | null;
    revokedAt: string | null;
    active: boolean;
    current: boolean;
    user: { id: string; name: string; email: string } | null;
  };
};

export type AddTeamMemberMutationVariables = Exact<{
  input: AddTeamMemberInput;
}>;

export type AddTeamMemberMutation = { addTeamMember: { id: string; name: string; email: string } };

export type RemoveTeamMemberMutationVariables = Exact<{
  id: string | number;
}>;

export type RemoveTeamMemberMutation = { removeTeamMember: { id: string } };

export type LaunchSweepMutationVariables = Exact<{
  input: LaunchSweepInput;
}>;

export type LaunchSweepMutation = { launchSweep: { id: string; name: string; settingCount: number } };

export type SweepMetricFieldsFragment = { key: string; mean: number | null; std: number | null; n: number };

export type SweepDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type SweepDetailQuery = {
  sweep: {
    id: string;
    name: string;
    kind: RunKind;
    method: SweepMethod;
    metric: string;
    seeds: Array<number>;
    count: number | null;
    samplingSeed: number | null;
    settingCount: number;
    baseConfig: unknown;
    createdAt: string;
    author: { name: string } | null;
    project: { id: string; name: string };
    parameters: Array<{
      path: string;
      values: Array<unknown> | null;
      min: number | null;
      max: number | null;
      log: boolean;
      integer: boolean;
    }>;
    cost: Array<{
      totalSeconds: number | null;
      memoryGbSeconds: number | null;
      cacheShareSeconds: number;
      run: { id: string; name: string; kind: RunKind; finalMetrics: unknown };
    }>;
    progress: {
      total: number;
      queued: number;
      running: number;
      succeeded: number;
      failed: number;
      cancelled: number;
      finished: number;
      done: boolean;
    };
    groups: Array<{
      index: number;
      runCount: number;
      finishedCount: number;
      succeededCount: number;
      values: Array<{ path: string; value: unknown }>;
      metric: { key: string; mean: number | null; std: number | null; n: number };
      metrics: Array<{ key: string; mean: number | null; std: number | null; n: number }>;
      runs: Array<{ id: string; name: string; seed: number; status: RunStatus; finalMetrics: unknown }>;
    }>;
  } | null;
};

export type SweepsListQueryVariables = Exact<{
  projectId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;

export type SweepsListQuery = {
  sweeps: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      name: string;
      kind: RunKind;
      method: SweepMethod;
      metric: string;
      seeds: Array<number>;
      settingCount: number;
      createdAt: string;
      project: { id: string; name: string };
      parameters: Array<{ path: string }>;
      progress: {
        total: number;
        queued: number;
        running: number;
        succeeded: number;
        failed: number;
        cancelled: number;
        finished: number;
        done: boolean;
      };
    }>;
  };
};

export type SweepProjectsQueryVariables = Exact<{ [key: string]: never }>;

export type SweepProjectsQuery = { projects: Array<{ id: string; name: string }> };

export type SweepRunUpdatedSubscriptionVariables = Exact<{
  projectId: string | number;
}>;

export type SweepRunUpdatedSubscription = { runUpdated: { id: string; status: RunStatus } };

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
          { kind: "Field", name: { kind: "Name", value: "mean" } },
          { kind: "Field", name: { kind: "Name", value: "std" } },
          { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
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
          { kind: "Field", name: { kind: "Name", value: "stale" } },
          { kind: "Field", name: { kind: "Name", value: "staleReason" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CacheFieldsFragment, unknown>;
export const EvalSampleFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "EvalSampleFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "EvalSample" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "row" } },
          { kind: "Field", name: { kind: "Name", value: "index" } },
          { kind: "Field", name: { kind: "Name", value: "label" } },
          { kind: "Field", name: { kind: "Name", value: "predicted" } },
          { kind: "Field", name: { kind: "Name", value: "confidence" } },
          { kind: "Field", name: { kind: "Name", value: "path" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvalSampleFieldsFragment, unknown>;
export const RunLogLineFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunLogLineFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "RunLogLine" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "seq" } },
          { kind: "Field", name: { kind: "Name", value: "time" } },
          { kind: "Field", name: { kind: "Name", value: "level" } },
          { kind: "Field", name: { kind: "Name", value: "message" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunLogLineFieldsFragment, unknown>;
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
          { kind: "Field", name: { kind: "Name", value: "archivedAt" } },
          { kind: "Field", name: { kind: "Name", value: "metricKeys" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "name" } }],
            },
          },
          { kind: "Field", name: { kind: "Name", value: "confusionMatrix" } },
          { kind: "Field", name: { kind: "Name", value: "evalSplit" } },
          { kind: "Field", name: { kind: "Name", value: "evalCount" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "storageUri" } },
                { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
                { kind: "Field", name: { kind: "Name", value: "stale" } },
                { kind: "Field", name: { kind: "Name", value: "staleReason" } },
                { kind: "Field", name: { kind: "Name", value: "layer" } },
                { kind: "Field", name: { kind: "Name", value: "mean" } },
                { kind: "Field", name: { kind: "Name", value: "std" } },
                { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
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
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "family" } },
                      { kind: "Field", name: { kind: "Name", value: "depth" } },
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
          {
            kind: "Field",
            name: { kind: "Name", value: "trainedBy" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "host" } },
                { kind: "Field", name: { kind: "Name", value: "backend" } },
                { kind: "Field", name: { kind: "Name", value: "device" } },
              ],
            },
          },
          { kind: "Field", name: { kind: "Name", value: "host" } },
          { kind: "Field", name: { kind: "Name", value: "backend" } },
          { kind: "Field", name: { kind: "Name", value: "device" } },
          { kind: "Field", name: { kind: "Name", value: "lofftaVersion" } },
          { kind: "Field", name: { kind: "Name", value: "gitCommit" } },
          { kind: "Field", name: { kind: "Name", value: "tfjsVersion" } },
          { kind: "Field", name: { kind: "Name", value: "tfjsNodeVersion" } },
          { kind: "Field", name: { kind: "Name", value: "tensorflowVersion" } },
          { kind: "Field", name: { kind: "Name", value: "nodeVersion" } },
          { kind: "Field", name: { kind: "Name", value: "launchedBy" } },
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
export const TokenRowFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "TokenRow" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ApiToken" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "prefix" } },
          { kind: "Field", name: { kind: "Name", value: "scopes" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "lastUsedAt" } },
          { kind: "Field", name: { kind: "Name", value: "expiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "revokedAt" } },
          { kind: "Field", name: { kind: "Name", value: "active" } },
          { kind: "Field", name: { kind: "Name", value: "current" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "email" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TokenRowFragment, unknown>;
export const SweepMetricFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SweepMetricFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "SweepMetricSummary" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "key" } },
          { kind: "Field", name: { kind: "Name", value: "mean" } },
          { kind: "Field", name: { kind: "Name", value: "std" } },
          { kind: "Field", name: { kind: "Name", value: "n" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SweepMetricFieldsFragment, unknown>;
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
                      { kind: "Field", name: { kind: "Name", value: "family" } },
                      { kind: "Field", name: { kind: "Name", value: "depth" } },
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
          { kind: "Field", name: { kind: "Name", value: "mean" } },
          { kind: "Field", name: { kind: "Name", value: "std" } },
          { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
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
          { kind: "Field", name: { kind: "Name", value: "stale" } },
          { kind: "Field", name: { kind: "Name", value: "staleReason" } },
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
                { kind: "Field", name: { kind: "Name", value: "family" } },
                { kind: "Field", name: { kind: "Name", value: "depth" } },
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
          { kind: "Field", name: { kind: "Name", value: "mean" } },
          { kind: "Field", name: { kind: "Name", value: "std" } },
          { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
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
          { kind: "Field", name: { kind: "Name", value: "stale" } },
          { kind: "Field", name: { kind: "Name", value: "staleReason" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FeatureCacheProgressSubscription, FeatureCacheProgressSubscriptionVariables>;
export const CacheDetailDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "CacheDetail" },
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
            name: { kind: "Name", value: "featureCache" },
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
                { kind: "FragmentSpread", name: { kind: "Name", value: "CacheFields" } },
                { kind: "Field", name: { kind: "Name", value: "extractSeconds" } },
                { kind: "Field", name: { kind: "Name", value: "extractPeakMemoryBytes" } },
                { kind: "Field", name: { kind: "Name", value: "extractDevice" } },
                { kind: "Field", name: { kind: "Name", value: "forwardPasses" } },
                { kind: "Field", name: { kind: "Name", value: "datasetContentHash" } },
                { kind: "Field", name: { kind: "Name", value: "storageUri" } },
                { kind: "Field", name: { kind: "Name", value: "stale" } },
                { kind: "Field", name: { kind: "Name", value: "staleAt" } },
                { kind: "Field", name: { kind: "Name", value: "staleReason" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "skipped" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "path" } },
                      { kind: "Field", name: { kind: "Name", value: "reason" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "dataset" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "rootUri" } },
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
                      { kind: "Field", name: { kind: "Name", value: "family" } },
                      { kind: "Field", name: { kind: "Name", value: "depth" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "economics" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "buildSeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "readingRuns" } },
                      { kind: "Field", name: { kind: "Name", value: "forwardPassesAvoided" } },
                      { kind: "Field", name: { kind: "Name", value: "trainingSeconds" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "breakEven" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "reference" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "source" } },
                                  { kind: "Field", name: { kind: "Name", value: "kind" } },
                                  { kind: "Field", name: { kind: "Name", value: "imagesPerSec" } },
                                  {
                                    kind: "Field",
                                    name: { kind: "Name", value: "run" },
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
                            { kind: "Field", name: { kind: "Name", value: "referenceSeconds" } },
                            { kind: "Field", name: { kind: "Name", value: "savedSeconds" } },
                            { kind: "Field", name: { kind: "Name", value: "savedHours" } },
                            { kind: "Field", name: { kind: "Name", value: "breakEvenRuns" } },
                            { kind: "Field", name: { kind: "Name", value: "savedPerRunSeconds" } },
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
                      name: { kind: "Name", value: "cacheId" },
                      value: { kind: "Variable", name: { kind: "Name", value: "id" } },
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
                            { kind: "Field", name: { kind: "Name", value: "seed" } },
                            { kind: "Field", name: { kind: "Name", value: "imagesSeen" } },
                            { kind: "Field", name: { kind: "Name", value: "wallTimeSec" } },
                            { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
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
          { kind: "Field", name: { kind: "Name", value: "mean" } },
          { kind: "Field", name: { kind: "Name", value: "std" } },
          { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
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
          { kind: "Field", name: { kind: "Name", value: "stale" } },
          { kind: "Field", name: { kind: "Name", value: "staleReason" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CacheDetailQuery, CacheDetailQueryVariables>;
export const RescanDatasetDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RescanDataset" },
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
            name: { kind: "Name", value: "rescanDataset" },
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
                { kind: "Field", name: { kind: "Name", value: "changed" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "staleCaches" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RescanDatasetMutation, RescanDatasetMutationVariables>;
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
                      { kind: "Field", name: { kind: "Name", value: "resolution" } },
                      { kind: "Field", name: { kind: "Name", value: "stale" } },
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
                { kind: "Field", name: { kind: "Name", value: "mean" } },
                { kind: "Field", name: { kind: "Name", value: "std" } },
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
export const RunArtifactsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunArtifacts" },
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
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reports" },
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
                  name: { kind: "Name", value: "sweep" },
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
                  name: { kind: "Name", value: "artifacts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "kind" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "bytes" } },
                      { kind: "Field", name: { kind: "Name", value: "sha256" } },
                      { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                      { kind: "Field", name: { kind: "Name", value: "downloadPath" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "evaluation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "split" } },
                      { kind: "Field", name: { kind: "Name", value: "labelNames" } },
                      { kind: "Field", name: { kind: "Name", value: "count" } },
                      { kind: "Field", name: { kind: "Name", value: "confusionMatrix" } },
                      { kind: "Field", name: { kind: "Name", value: "imagesAvailable" } },
                      {
                        kind: "Field",
                        alias: { kind: "Name", value: "roc" },
                        name: { kind: "Name", value: "curves" },
                        arguments: [
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "kind" },
                            value: { kind: "EnumValue", value: "ROC" },
                          },
                        ],
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "classIndex" } },
                            { kind: "Field", name: { kind: "Name", value: "className" } },
                            { kind: "Field", name: { kind: "Name", value: "area" } },
                            { kind: "Field", name: { kind: "Name", value: "positives" } },
                            { kind: "Field", name: { kind: "Name", value: "negatives" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "points" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "x" } },
                                  { kind: "Field", name: { kind: "Name", value: "y" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        alias: { kind: "Name", value: "pr" },
                        name: { kind: "Name", value: "curves" },
                        arguments: [
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "kind" },
                            value: { kind: "EnumValue", value: "PR" },
                          },
                        ],
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "classIndex" } },
                            { kind: "Field", name: { kind: "Name", value: "className" } },
                            { kind: "Field", name: { kind: "Name", value: "area" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "points" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "x" } },
                                  { kind: "Field", name: { kind: "Name", value: "y" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        alias: { kind: "Name", value: "wrong" },
                        name: { kind: "Name", value: "samples" },
                        arguments: [
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "filter" },
                            value: {
                              kind: "ObjectValue",
                              fields: [
                                {
                                  kind: "ObjectField",
                                  name: { kind: "Name", value: "wrongOnly" },
                                  value: { kind: "BooleanValue", value: true },
                                },
                              ],
                            },
                          },
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "order" },
                            value: { kind: "EnumValue", value: "CONFIDENCE" },
                          },
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "first" },
                            value: { kind: "IntValue", value: "12" },
                          },
                        ],
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "total" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "samples" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  {
                                    kind: "FragmentSpread",
                                    name: { kind: "Name", value: "EvalSampleFields" },
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
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "EvalSampleFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "EvalSample" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "row" } },
          { kind: "Field", name: { kind: "Name", value: "index" } },
          { kind: "Field", name: { kind: "Name", value: "label" } },
          { kind: "Field", name: { kind: "Name", value: "predicted" } },
          { kind: "Field", name: { kind: "Name", value: "confidence" } },
          { kind: "Field", name: { kind: "Name", value: "path" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunArtifactsQuery, RunArtifactsQueryVariables>;
export const RunCellSamplesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunCellSamples" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "SampleFilter" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "offset" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
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
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "evaluation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "samples" },
                        arguments: [
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "filter" },
                            value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
                          },
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "order" },
                            value: { kind: "EnumValue", value: "CONFIDENCE" },
                          },
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "first" },
                            value: { kind: "Variable", name: { kind: "Name", value: "first" } },
                          },
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "offset" },
                            value: { kind: "Variable", name: { kind: "Name", value: "offset" } },
                          },
                        ],
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "total" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "samples" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  {
                                    kind: "FragmentSpread",
                                    name: { kind: "Name", value: "EvalSampleFields" },
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
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "EvalSampleFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "EvalSample" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "row" } },
          { kind: "Field", name: { kind: "Name", value: "index" } },
          { kind: "Field", name: { kind: "Name", value: "label" } },
          { kind: "Field", name: { kind: "Name", value: "predicted" } },
          { kind: "Field", name: { kind: "Name", value: "confidence" } },
          { kind: "Field", name: { kind: "Name", value: "path" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunCellSamplesQuery, RunCellSamplesQueryVariables>;
export const RunLogsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "RunLogs" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "runId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "before" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "fromEnd" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Boolean" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "limit" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "runLogs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "runId" },
                value: { kind: "Variable", name: { kind: "Name", value: "runId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "before" },
                value: { kind: "Variable", name: { kind: "Name", value: "before" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "fromEnd" },
                value: { kind: "Variable", name: { kind: "Name", value: "fromEnd" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "limit" },
                value: { kind: "Variable", name: { kind: "Name", value: "limit" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lines" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "RunLogLineFields" } },
                    ],
                  },
                },
                { kind: "Field", name: { kind: "Name", value: "hasMore" } },
                { kind: "Field", name: { kind: "Name", value: "startCursor" } },
                { kind: "Field", name: { kind: "Name", value: "endCursor" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "RunLogLineFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "RunLogLine" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "seq" } },
          { kind: "Field", name: { kind: "Name", value: "time" } },
          { kind: "Field", name: { kind: "Name", value: "level" } },
          { kind: "Field", name: { kind: "Name", value: "message" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunLogsQuery, RunLogsQueryVariables>;
export const RunLogAppendedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "RunLogAppended" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "runId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "runLogAppended" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "runId" },
                value: { kind: "Variable", name: { kind: "Name", value: "runId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "runId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lines" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "RunLogLineFields" } },
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
      name: { kind: "Name", value: "RunLogLineFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "RunLogLine" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "seq" } },
          { kind: "Field", name: { kind: "Name", value: "time" } },
          { kind: "Field", name: { kind: "Name", value: "level" } },
          { kind: "Field", name: { kind: "Name", value: "message" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunLogAppendedSubscription, RunLogAppendedSubscriptionVariables>;
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
export const QueueJobsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "QueueJobs" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "JobFilter" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ID" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "jobs" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
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
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "type" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "priority" } },
                { kind: "Field", name: { kind: "Name", value: "attempts" } },
                { kind: "Field", name: { kind: "Name", value: "maxAttempts" } },
                { kind: "Field", name: { kind: "Name", value: "leaseExpiresAt" } },
                { kind: "Field", name: { kind: "Name", value: "lastError" } },
                { kind: "Field", name: { kind: "Name", value: "availableAt" } },
                { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "worker" },
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
                  name: { kind: "Name", value: "run" },
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
                  name: { kind: "Name", value: "cache" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                      { kind: "Field", name: { kind: "Name", value: "resolution" } },
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
      },
    },
  ],
} as unknown as DocumentNode<QueueJobsQuery, QueueJobsQueryVariables>;
export const CancelJobDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CancelJob" },
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
            name: { kind: "Name", value: "cancelJob" },
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
} as unknown as DocumentNode<CancelJobMutation, CancelJobMutationVariables>;
export const RetryJobDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RetryJob" },
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
            name: { kind: "Name", value: "retryJob" },
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
} as unknown as DocumentNode<RetryJobMutation, RetryJobMutationVariables>;
export const ReportsListDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ReportsList" },
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
            name: { kind: "Name", value: "reports" },
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
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "metric" } },
                { kind: "Field", name: { kind: "Name", value: "kinds" } },
                { kind: "Field", name: { kind: "Name", value: "runCount" } },
                { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "results" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "labelsPerClass" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportsListQuery, ReportsListQueryVariables>;
export const ReportDetailDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ReportDetail" },
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
            name: { kind: "Name", value: "report" },
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
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "metric" } },
                { kind: "Field", name: { kind: "Name", value: "markdown" } },
                { kind: "Field", name: { kind: "Name", value: "kinds" } },
                { kind: "Field", name: { kind: "Name", value: "settings" } },
                { kind: "Field", name: { kind: "Name", value: "runIds" } },
                { kind: "Field", name: { kind: "Name", value: "runCount" } },
                { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
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
                  name: { kind: "Name", value: "results" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "kind" } },
                      { kind: "Field", name: { kind: "Name", value: "labelsPerClass" } },
                      { kind: "Field", name: { kind: "Name", value: "runCount" } },
                      { kind: "Field", name: { kind: "Name", value: "succeeded" } },
                      { kind: "Field", name: { kind: "Name", value: "metricMean" } },
                      { kind: "Field", name: { kind: "Name", value: "metricStd" } },
                      { kind: "Field", name: { kind: "Name", value: "imagesPerSec" } },
                      { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
                      { kind: "Field", name: { kind: "Name", value: "speedup" } },
                      { kind: "Field", name: { kind: "Name", value: "memorySaving" } },
                      { kind: "Field", name: { kind: "Name", value: "runIds" } },
                    ],
                  },
                },
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
                      { kind: "Field", name: { kind: "Name", value: "seed" } },
                      { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
                      { kind: "Field", name: { kind: "Name", value: "trainImagesPerSec" } },
                      { kind: "Field", name: { kind: "Name", value: "peakMemoryBytes" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "plots" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "title" } },
                      { kind: "Field", name: { kind: "Name", value: "width" } },
                      { kind: "Field", name: { kind: "Name", value: "height" } },
                      { kind: "Field", name: { kind: "Name", value: "bytes" } },
                      { kind: "Field", name: { kind: "Name", value: "dataUrl" } },
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
} as unknown as DocumentNode<ReportDetailQuery, ReportDetailQueryVariables>;
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
          { kind: "Field", name: { kind: "Name", value: "archivedAt" } },
          { kind: "Field", name: { kind: "Name", value: "metricKeys" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "name" } }],
            },
          },
          { kind: "Field", name: { kind: "Name", value: "confusionMatrix" } },
          { kind: "Field", name: { kind: "Name", value: "evalSplit" } },
          { kind: "Field", name: { kind: "Name", value: "evalCount" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "cache" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "storageUri" } },
                { kind: "Field", name: { kind: "Name", value: "manifestSha256" } },
                { kind: "Field", name: { kind: "Name", value: "stale" } },
                { kind: "Field", name: { kind: "Name", value: "staleReason" } },
                { kind: "Field", name: { kind: "Name", value: "layer" } },
                { kind: "Field", name: { kind: "Name", value: "mean" } },
                { kind: "Field", name: { kind: "Name", value: "std" } },
                { kind: "Field", name: { kind: "Name", value: "weightsSha256" } },
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
                {
                  kind: "Field",
                  name: { kind: "Name", value: "model" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "family" } },
                      { kind: "Field", name: { kind: "Name", value: "depth" } },
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
          {
            kind: "Field",
            name: { kind: "Name", value: "trainedBy" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "host" } },
                { kind: "Field", name: { kind: "Name", value: "backend" } },
                { kind: "Field", name: { kind: "Name", value: "device" } },
              ],
            },
          },
          { kind: "Field", name: { kind: "Name", value: "host" } },
          { kind: "Field", name: { kind: "Name", value: "backend" } },
          { kind: "Field", name: { kind: "Name", value: "device" } },
          { kind: "Field", name: { kind: "Name", value: "lofftaVersion" } },
          { kind: "Field", name: { kind: "Name", value: "gitCommit" } },
          { kind: "Field", name: { kind: "Name", value: "tfjsVersion" } },
          { kind: "Field", name: { kind: "Name", value: "tfjsNodeVersion" } },
          { kind: "Field", name: { kind: "Name", value: "tensorflowVersion" } },
          { kind: "Field", name: { kind: "Name", value: "nodeVersion" } },
          { kind: "Field", name: { kind: "Name", value: "launchedBy" } },
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
                      { kind: "Field", name: { kind: "Name", value: "seed" } },
                      { kind: "Field", name: { kind: "Name", value: "config" } },
                      { kind: "Field", name: { kind: "Name", value: "metricKeys" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "cache" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
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
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cost" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "run" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
                          ],
                        },
                      },
                      { kind: "Field", name: { kind: "Name", value: "trainingSeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "cacheShareSeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "totalSeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "memoryGbSeconds" } },
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
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "baselineKinds" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "RunKind" } },
              },
            },
          },
        },
      ],
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
                      { kind: "Field", name: { kind: "Name", value: "family" } },
                      { kind: "Field", name: { kind: "Name", value: "depth" } },
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
                      value: { kind: "Variable", name: { kind: "Name", value: "baselineKinds" } },
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
export const UpdateRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateRun" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "UpdateRunInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateRun" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
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
                { kind: "Field", name: { kind: "Name", value: "notes" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateRunMutation, UpdateRunMutationVariables>;
export const TagRunsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "TagRuns" },
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
            name: { kind: "Name", value: "tagRuns" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "ids" },
                value: { kind: "Variable", name: { kind: "Name", value: "ids" } },
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
} as unknown as DocumentNode<TagRunsMutation, TagRunsMutationVariables>;
export const ArchiveRunsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "ArchiveRuns" },
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
            name: { kind: "Name", value: "archiveRuns" },
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
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "archivedAt" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ArchiveRunsMutation, ArchiveRunsMutationVariables>;
export const UnarchiveRunsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UnarchiveRuns" },
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
            name: { kind: "Name", value: "unarchiveRuns" },
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
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "archivedAt" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnarchiveRunsMutation, UnarchiveRunsMutationVariables>;
export const DeleteRunsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "DeleteRuns" },
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
            name: { kind: "Name", value: "deleteRuns" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "ids" },
                value: { kind: "Variable", name: { kind: "Name", value: "ids" } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteRunsMutation, DeleteRunsMutationVariables>;
export const RetryRunDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RetryRun" },
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
            name: { kind: "Name", value: "retryRun" },
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
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RetryRunMutation, RetryRunMutationVariables>;
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
                { kind: "Field", name: { kind: "Name", value: "confusionMatrix" } },
                { kind: "Field", name: { kind: "Name", value: "evalSplit" } },
                { kind: "Field", name: { kind: "Name", value: "evalCount" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "trainedBy" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "host" } },
                      { kind: "Field", name: { kind: "Name", value: "backend" } },
                      { kind: "Field", name: { kind: "Name", value: "device" } },
                    ],
                  },
                },
                { kind: "Field", name: { kind: "Name", value: "host" } },
                { kind: "Field", name: { kind: "Name", value: "backend" } },
                { kind: "Field", name: { kind: "Name", value: "device" } },
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
export const RunsDeletedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "RunsDeleted" },
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
            name: { kind: "Name", value: "runsDeleted" },
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
                { kind: "Field", name: { kind: "Name", value: "projectId" } },
                { kind: "Field", name: { kind: "Name", value: "ids" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunsDeletedSubscription, RunsDeletedSubscriptionVariables>;
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
export const SavedViewsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "SavedViews" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "savedViews" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "query" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SavedViewsQuery, SavedViewsQueryVariables>;
export const SaveViewDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SaveView" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "SaveViewInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "saveView" },
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
                { kind: "Field", name: { kind: "Name", value: "query" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveViewMutation, SaveViewMutationVariables>;
export const DeleteViewDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "DeleteView" },
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
            name: { kind: "Name", value: "deleteView" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteViewMutation, DeleteViewMutationVariables>;
export const SettingsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Settings" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "me" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "scopes" } },
                { kind: "Field", name: { kind: "Name", value: "tokenExpiresAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "user" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "team" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "members" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "email" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "tokens" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "TokenRow" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "TokenRow" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ApiToken" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "prefix" } },
          { kind: "Field", name: { kind: "Name", value: "scopes" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "lastUsedAt" } },
          { kind: "Field", name: { kind: "Name", value: "expiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "revokedAt" } },
          { kind: "Field", name: { kind: "Name", value: "active" } },
          { kind: "Field", name: { kind: "Name", value: "current" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "email" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SettingsQuery, SettingsQueryVariables>;
export const CreateTokenDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CreateToken" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "CreateTokenInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "createToken" },
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
                { kind: "Field", name: { kind: "Name", value: "secret" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "token" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "TokenRow" } }],
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
      name: { kind: "Name", value: "TokenRow" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ApiToken" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "prefix" } },
          { kind: "Field", name: { kind: "Name", value: "scopes" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "lastUsedAt" } },
          { kind: "Field", name: { kind: "Name", value: "expiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "revokedAt" } },
          { kind: "Field", name: { kind: "Name", value: "active" } },
          { kind: "Field", name: { kind: "Name", value: "current" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "email" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RevokeToken" },
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
            name: { kind: "Name", value: "revokeToken" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "TokenRow" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "TokenRow" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ApiToken" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "prefix" } },
          { kind: "Field", name: { kind: "Name", value: "scopes" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "lastUsedAt" } },
          { kind: "Field", name: { kind: "Name", value: "expiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "revokedAt" } },
          { kind: "Field", name: { kind: "Name", value: "active" } },
          { kind: "Field", name: { kind: "Name", value: "current" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "email" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const AddTeamMemberDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddTeamMember" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "AddTeamMemberInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addTeamMember" },
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
                { kind: "Field", name: { kind: "Name", value: "email" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddTeamMemberMutation, AddTeamMemberMutationVariables>;
export const RemoveTeamMemberDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RemoveTeamMember" },
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
            name: { kind: "Name", value: "removeTeamMember" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>;
export const LaunchSweepDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "LaunchSweep" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "LaunchSweepInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "launchSweep" },
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
                { kind: "Field", name: { kind: "Name", value: "settingCount" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LaunchSweepMutation, LaunchSweepMutationVariables>;
export const SweepDetailDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "SweepDetail" },
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
            name: { kind: "Name", value: "sweep" },
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
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "kind" } },
                { kind: "Field", name: { kind: "Name", value: "method" } },
                { kind: "Field", name: { kind: "Name", value: "metric" } },
                { kind: "Field", name: { kind: "Name", value: "seeds" } },
                { kind: "Field", name: { kind: "Name", value: "count" } },
                { kind: "Field", name: { kind: "Name", value: "samplingSeed" } },
                { kind: "Field", name: { kind: "Name", value: "settingCount" } },
                { kind: "Field", name: { kind: "Name", value: "baseConfig" } },
                { kind: "Field", name: { kind: "Name", value: "createdAt" } },
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
                  name: { kind: "Name", value: "parameters" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "path" } },
                      { kind: "Field", name: { kind: "Name", value: "values" } },
                      { kind: "Field", name: { kind: "Name", value: "min" } },
                      { kind: "Field", name: { kind: "Name", value: "max" } },
                      { kind: "Field", name: { kind: "Name", value: "log" } },
                      { kind: "Field", name: { kind: "Name", value: "integer" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cost" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "run" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "kind" } },
                            { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
                          ],
                        },
                      },
                      { kind: "Field", name: { kind: "Name", value: "totalSeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "memoryGbSeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "cacheShareSeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "progress" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "total" } },
                      { kind: "Field", name: { kind: "Name", value: "queued" } },
                      { kind: "Field", name: { kind: "Name", value: "running" } },
                      { kind: "Field", name: { kind: "Name", value: "succeeded" } },
                      { kind: "Field", name: { kind: "Name", value: "failed" } },
                      { kind: "Field", name: { kind: "Name", value: "cancelled" } },
                      { kind: "Field", name: { kind: "Name", value: "finished" } },
                      { kind: "Field", name: { kind: "Name", value: "done" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "groups" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "index" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "values" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "path" } },
                            { kind: "Field", name: { kind: "Name", value: "value" } },
                          ],
                        },
                      },
                      { kind: "Field", name: { kind: "Name", value: "runCount" } },
                      { kind: "Field", name: { kind: "Name", value: "finishedCount" } },
                      { kind: "Field", name: { kind: "Name", value: "succeededCount" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "metric" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "SweepMetricFields" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "metrics" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "SweepMetricFields" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "runs" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "seed" } },
                            { kind: "Field", name: { kind: "Name", value: "status" } },
                            { kind: "Field", name: { kind: "Name", value: "finalMetrics" } },
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
      name: { kind: "Name", value: "SweepMetricFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "SweepMetricSummary" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "key" } },
          { kind: "Field", name: { kind: "Name", value: "mean" } },
          { kind: "Field", name: { kind: "Name", value: "std" } },
          { kind: "Field", name: { kind: "Name", value: "n" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SweepDetailQuery, SweepDetailQueryVariables>;
export const SweepsListDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "SweepsList" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "projectId" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ID" } },
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
            name: { kind: "Name", value: "sweeps" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "projectId" },
                value: { kind: "Variable", name: { kind: "Name", value: "projectId" } },
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
                  name: { kind: "Name", value: "nodes" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "kind" } },
                      { kind: "Field", name: { kind: "Name", value: "method" } },
                      { kind: "Field", name: { kind: "Name", value: "metric" } },
                      { kind: "Field", name: { kind: "Name", value: "seeds" } },
                      { kind: "Field", name: { kind: "Name", value: "settingCount" } },
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
                        name: { kind: "Name", value: "parameters" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "path" } }],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "progress" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "total" } },
                            { kind: "Field", name: { kind: "Name", value: "queued" } },
                            { kind: "Field", name: { kind: "Name", value: "running" } },
                            { kind: "Field", name: { kind: "Name", value: "succeeded" } },
                            { kind: "Field", name: { kind: "Name", value: "failed" } },
                            { kind: "Field", name: { kind: "Name", value: "cancelled" } },
                            { kind: "Field", name: { kind: "Name", value: "finished" } },
                            { kind: "Field", name: { kind: "Name", value: "done" } },
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
} as unknown as DocumentNode<SweepsListQuery, SweepsListQueryVariables>;
export const SweepProjectsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "SweepProjects" },
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
        ],
      },
    },
  ],
} as unknown as DocumentNode<SweepProjectsQuery, SweepProjectsQueryVariables>;
export const SweepRunUpdatedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "SweepRunUpdated" },
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
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SweepRunUpdatedSubscription, SweepRunUpdatedSubscriptionVariables>;
