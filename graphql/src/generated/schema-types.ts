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

/** Where a reference speed comes from. */
export type CostReferenceSource =
  /** The model's fine-tuning calibration at the cache's resolution. */
  | "CALIBRATION"
  /** A finished run of the kind on this cache (its training images/s). */
  | "RUN";

/** Which curve. */
export type CurveKind =
  /** Precision–recall: recall (x) against precision (y); area = average precision. */
  | "PR"
  /** Receiver operating characteristic: false-positive rate (x) against true-positive rate (y); area = ROC-AUC. */
  | "ROC";

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

/** Order of `RunEvaluation.samples`. */
export type SampleOrder =
  /** Highest probability of the predicted class first (with `wrongOnly`: the most confidently wrong). */
  | "CONFIDENCE"
  /** Evaluation order. */
  | "ROW";

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
