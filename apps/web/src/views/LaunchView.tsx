"use client";
/**
 * Launch a run. Everything the form knows of the domain comes from the catalogue
 * (@loffta/graphql/domain): the kinds and their policy (RUN_KINDS), the tensor augmentations and
 * their parameters (AUGMENTATIONS), the metrics (METRICS). The draft is checked by the API's own
 * resolveRunConfig, and only what the kind uses is sent: LOFF sends no augmentation switches, the
 * image baselines their image augmentations and no classifier preset (theirs is fixed).
 */
import {
  AUGMENTATION_ORDER,
  AUGMENTATIONS,
  BASELINE_REF_KINDS,
  CLASSIFIER_PRESETS,
  defaultRunConfig,
  EARLY_STOPPING_METRICS,
  METRICS,
  resolveRunConfig,
  RUN_KIND_ORDER,
  RUN_KINDS,
  RunConfigError,
  type AugmentationName,
  type AugmentationParam,
  type RunConfig,
  type RunConfigIssue,
} from "@loffta/graphql/domain";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Empty, ErrorBox, Loading } from "../components/states";
import {
  LaunchOptionsDocument,
  LaunchRunDocument,
  RunDetailDocument,
  type RunKind,
} from "../generated/graphql";
import { ApiError } from "../lib/client";
import { getPath, kindLabel, layerLabel } from "../lib/format";
import { useMutation, useQuery } from "../lib/hooks";

type Draft = Record<string, unknown>;
type Section = "augmentations" | "imageAugmentations";

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const defaults = (): Draft => clone(defaultRunConfig()) as unknown as Draft;
const DEFAULTS = defaultRunConfig();

/** The augmentations a section has, in application order, with the parameters its defaults carry. */
function sectionAugmentations(
  section: Section,
): { name: AugmentationName; hasP: boolean; params: AugmentationParam[] }[] {
  const d = DEFAULTS[section] as Record<string, Record<string, unknown>>;
  return AUGMENTATION_ORDER.filter((n) => n in d).map((n) => ({
    name: n,
    hasP: "p" in d[n],
    params: AUGMENTATIONS[n].params.filter((p) => p.key in d[n]),
  }));
}

function setPath(obj: Draft, dotted: string, value: unknown): Draft {
  const next = clone(obj);
  const parts = dotted.split(".");
  let cur: Record<string, unknown> = next;
  for (const p of parts.slice(0, -1)) {
    if (typeof cur[p] !== "object" || cur[p] === null) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (Array.isArray(cur) && /^\d+$/.test(last)) (cur as unknown[])[Number(last)] = value;
  else cur[last] = value;
  return next;
}

/**
 * What is sent as `LaunchRunInput.config` for a kind: the draft without the sections the kind
 * does not use (RUN_KINDS): no tensor augmentations unless it applies them (LOFF sends no
 * switches: the API resolves them off), no image augmentations unless it trains on images, no
 * classifier preset when the kind fixes it.
 */
export function configPayload(kind: RunKind, draft: Draft): Draft {
  const spec = RUN_KINDS[kind];
  const out = clone(draft);
  if (spec.augmentation !== "tensor") delete out.augmentations;
  if (spec.augmentation !== "image") delete out.imageAugmentations;
  if (spec.fixedPreset && out.classifier && typeof out.classifier === "object") {
    const { preset: _preset, useCachedCls: _cls, ...rest } = out.classifier as Record<string, unknown>;
    out.classifier = rest;
  }
  return out;
}

/** The effective config the API will store (resolveRunConfig), or the fields it rejects. */
function validate(kind: RunKind, draft: Draft): { config: RunConfig | null; issues: RunConfigIssue[] } {
  try {
    return { config: resolveRunConfig(kind, configPayload(kind, draft)), issues: [] };
  } catch (e) {
    if (e instanceof RunConfigError) return { config: null, issues: e.issues };
    return { config: null, issues: [{ path: "", message: String(e) }] };
  }
}

export function LaunchView() {
  const router = useRouter();
  const params = useSearchParams();
  const opts = useQuery(LaunchOptionsDocument, { baselineKinds: BASELINE_REF_KINDS });
  const from = params.get("from");
  const source = useQuery(RunDetailDocument, { id: from ?? "" }, { skip: !from });
  const launch = useMutation(LaunchRunDocument);

  const [draft, setDraft] = useState<Draft>(defaults);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<RunKind>(RUN_KIND_ORDER[0]);
  const [projectId, setProjectId] = useState("");
  const [cacheId, setCacheId] = useState("");
  const [baselineRunId, setBaselineRunId] = useState("");
  const [tags, setTags] = useState("");
  const [notes, setNotes] = useState("");
  const [touched, setTouched] = useState(false);
  const [serverIssues, setServerIssues] = useState<RunConfigIssue[]>([]);

  // Defaults once the options are known.
  useEffect(() => {
    const d = opts.data;
    if (!d) return;
    setProjectId((p) => p || d.projects[0]?.id || "");
    setCacheId(
      (c) => c || d.featureCaches.find((x) => x.status === "READY")?.id || d.featureCaches[0]?.id || "",
    );
  }, [opts.data]);
  // `?from=<runId>`: start from that run's (effective) configuration.
  useEffect(() => {
    const r = source.data?.run;
    if (!r) return;
    setDraft({ ...defaults(), ...(clone(r.config) as Draft) });
    // An external run (wandb client) is not launched: its copy keeps the default kind.
    if (!RUN_KINDS[r.kind].external) setKind(r.kind);
    setName(`${r.name} (copy)`);
    setProjectId(r.project.id);
    if (r.cache) setCacheId(r.cache.id);
    if (r.baselineRun) setBaselineRunId(r.baselineRun.id);
    setTags(r.tags.join(", "));
  }, [source.data]);

  const spec = RUN_KINDS[kind];
  const { config, issues } = useMemo(() => validate(kind, draft), [kind, draft]);
  const formIssues: RunConfigIssue[] = [
    ...(!name.trim() ? [{ path: "name", message: "give the run a name" }] : []),
    ...(!projectId ? [{ path: "projectId", message: "choose a project" }] : []),
    ...(spec.needsCache && !cacheId
      ? [
          {
            path: "cacheId",
            message:
              spec.source === "cache"
                ? `${spec.label} trains on a feature cache: choose one`
                : `${spec.label} trains on the images of a feature cache's dataset, model and resolution: choose one`,
          },
        ]
      : []),
  ];
  const allIssues = [...formIssues, ...issues, ...serverIssues];
  const errorAt = (path: string) => allIssues.filter((i) => i.path === path).map((i) => i.message);

  const update = (path: string, value: unknown) => {
    setServerIssues([]);
    setDraft((d) => setPath(d, path, value));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!config || formIssues.length) return;
    try {
      const d = await launch.mutate({
        input: {
          projectId,
          name: name.trim(),
          kind,
          config: configPayload(kind, draft),
          cacheId: cacheId || null,
          baselineRunId: baselineRunId || null,
          seed: config.seed,
          tags: tags
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
          notes: notes.trim() || null,
        },
      });
      router.push(`/runs/${d.launchRun.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length)
        setServerIssues(
          err.fields.map((f) => ({ path: f.path.replace(/^input\.(config\.)?/, ""), message: f.message })),
        );
    }
  };

  if (opts.error) return <ErrorBox error={opts.error} retry={() => void opts.refetch()} />;
  if (!opts.data) return <Loading what="Loading projects and caches" />;
  const o = opts.data;
  if (o.projects.length === 0)
    return <Empty>No project in your team yet: create one through the API (createProject) first.</Empty>;
  const baselines = o.runs.edges.map((e) => e.node);
  const num = (path: string, props: { step?: number; min?: number; max?: number } = {}) => (
    <>
      <NumberInput
        path={path}
        value={getPath(draft, path)}
        onChange={update}
        errors={errorAt(path)}
        {...props}
      />
      <FieldErrors errors={errorAt(path)} />
    </>
  );
  const check = (path: string, label: string, disabled = false) => (
    <label className="check">
      <input
        type="checkbox"
        name={path}
        checked={getPath(draft, path) === true && !disabled}
        disabled={disabled}
        onChange={(e) => update(path, e.target.checked)}
      />{" "}
      {label}
    </label>
  );
  /** One augmentation parameter, rendered from its catalogue description. */
  const param = (path: string, p: AugmentationParam) => {
    if (p.type === "number")
      return (
        <Field key={p.key} label={p.label}>
          {num(path, { step: p.step, min: p.min, max: p.max })}
        </Field>
      );
    if (p.type === "range")
      return (
        <div key={p.key}>
          <div className="row-2">
            <Field label={`${p.label} min`}>
              {num(`${path}.0`, { step: p.step, min: p.min, max: p.max })}
            </Field>
            <Field label={`${p.label} max`}>
              {num(`${path}.1`, { step: p.step, min: p.min, max: p.max })}
            </Field>
          </div>
          <FieldErrors errors={errorAt(path)} />
        </div>
      );
    return (
      <Field key={p.key} label={p.label} errors={errorAt(path)}>
        <select
          name={path}
          value={String(getPath(draft, path))}
          onChange={(e) => update(path, e.target.value)}
        >
          {p.options.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  const augmentationGrid = (section: Section) => (
    <div className="aug-grid" data-section={section}>
      {sectionAugmentations(section).map((a) => {
        const base = `${section}.${a.name}`;
        const on = getPath(draft, `${base}.enabled`) === true;
        return (
          <div key={a.name} className={`aug${on ? " on" : ""}`} data-aug={a.name}>
            {check(`${base}.enabled`, AUGMENTATIONS[a.name].label)}
            {/* The catalogue's summaries describe the token-grid version. */}
            {section === "augmentations" && <p className="muted small">{AUGMENTATIONS[a.name].summary}</p>}
            {a.hasP && <Field label="p">{num(`${base}.p`, { step: 0.05, min: 0, max: 1 })}</Field>}
            {a.params.map((p) => param(`${base}.${p.key}`, p))}
          </div>
        );
      })}
    </div>
  );

  return (
    <form className="launch" onSubmit={submit} noValidate data-testid="launch-form">
      <div className="page-head">
        <h1>Launch a run</h1>
        <div className="actions">
          <button type="button" onClick={() => setDraft(defaults())}>
            Reset to defaults
          </button>
          <button type="submit" className="primary" disabled={launch.loading}>
            {launch.loading ? "Launching…" : "Launch"}
          </button>
        </div>
      </div>
      {launch.error && <ErrorBox error={launch.error} />}
      {touched && allIssues.length > 0 && (
        <div className="state error" role="alert" data-testid="form-errors">
          <strong>Fix these fields</strong>
          <ul>
            {allIssues.map((i, k) => (
              <li key={k}>
                <code>{i.path || "(config)"}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="grid-2">
        <fieldset className="card">
          <legend>Run</legend>
          <Field label="Name" errors={touched ? errorAt("name") : []}>
            <input
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. dinov2-b pets noise 0.2"
              maxLength={200}
            />
          </Field>
          <Field label="Project" errors={errorAt("projectId")}>
            <select name="projectId" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
              {o.projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Kind">
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as RunKind)}>
              {RUN_KIND_ORDER.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
            <span className="muted small" data-testid="kind-summary">
              {spec.summary}
            </span>
          </Field>
          <Field
            label={
              !spec.needsCache
                ? "Feature cache (optional)"
                : spec.source === "cache"
                  ? "Feature cache"
                  : "Feature cache (its dataset, model and resolution)"
            }
            errors={touched ? errorAt("cacheId") : []}
          >
            <select name="cacheId" value={cacheId} onChange={(e) => setCacheId(e.target.value)}>
              <option value="">{o.featureCaches.length ? "— none —" : "no caches yet"}</option>
              {o.featureCaches.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.dataset.name} · {c.model.name} @{c.resolution}
                  {c.pooling > 1 ? ` pool ${c.pooling}` : ""} ·{" "}
                  {layerLabel(c.layer, c.model.family, c.model.depth)} ({c.status.toLowerCase()})
                </option>
              ))}
            </select>
          </Field>
          {o.featureCaches.length === 0 && (
            <p className="muted small">
              No feature cache yet: <Link href="/caches">request one</Link>.
            </p>
          )}
          <Field label="Fine-tuning baseline (speed-up is measured against it)">
            <select
              name="baselineRunId"
              value={baselineRunId}
              onChange={(e) => setBaselineRunId(e.target.value)}
            >
              <option value="">— none —</option>
              {baselines.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.status.toLowerCase()})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Seed (initialisation, data order, augmentations)">
            {num("seed", { min: 0, step: 1 })}
          </Field>
          <Field label="Tags (comma-separated)">
            <input
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              placeholder="ablation, noise"
            />
          </Field>
          <Field label="Notes">
            <textarea name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
          </Field>
        </fieldset>

        <fieldset className="card">
          <legend>Classifier &amp; optimisation</legend>
          <Field label="Classifier preset" errors={errorAt("classifier.preset")}>
            <select
              name="classifier.preset"
              value={spec.fixedPreset ?? String(getPath(draft, "classifier.preset"))}
              onChange={(e) => update("classifier.preset", e.target.value)}
              disabled={!!spec.fixedPreset}
            >
              {CLASSIFIER_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            {spec.fixedPreset && (
              <span className="muted small">
                {spec.label} trains a {spec.fixedPreset} head on the model&apos;s CLS (fixed)
              </span>
            )}
          </Field>
          {check("classifier.useCachedCls", "Use the cached CLS token", !!spec.fixedPreset)}
          <div className="row-3">
            <Field label="Learning rate">{num("optimizer.lr", { step: 1e-5, min: 0 })}</Field>
            <Field label="Weight decay">{num("optimizer.weightDecay", { step: 0.01, min: 0 })}</Field>
            <Field label="Label smoothing">{num("labelSmoothing", { step: 0.05, min: 0, max: 0.99 })}</Field>
          </div>
          <div className="row-3">
            <Field label="β1">{num("optimizer.betas.0", { step: 0.001, min: 0, max: 0.999 })}</Field>
            <Field label="β2">{num("optimizer.betas.1", { step: 0.001, min: 0, max: 0.999 })}</Field>
            <Field label="Grad clip (0 = off)">{num("gradClip", { step: 0.1, min: 0 })}</Field>
          </div>
          <div className="row-3">
            <Field label="Epochs">{num("epochs", { step: 1, min: 1 })}</Field>
            <Field label="Batch size">{num("batchSize", { step: 1, min: 1 })}</Field>
            <Field
              label={
                spec.maxMicroBatch
                  ? `Micro-batch (at most ${spec.maxMicroBatch} for ${spec.label})`
                  : "Micro-batch"
              }
            >
              {num("microBatch", { step: 1, min: 1 })}
            </Field>
          </div>
          <div className="row-3">
            <Field label="Warm-up epochs">{num("schedule.warmupEpochs", { step: 1, min: 0 })}</Field>
            <Field label="Min LR">{num("schedule.minLr", { step: 1e-6, min: 0 })}</Field>
            <Field label="Evaluate every (epochs)">{num("evalEvery", { step: 1, min: 1 })}</Field>
          </div>
          {check("schedule.cosine", "Cosine schedule")}
          <div className="row-3">
            <div>{check("earlyStopping.enabled", "Early stopping")}</div>
            <Field label="Patience">{num("earlyStopping.patience", { step: 1, min: 1 })}</Field>
            <Field label="Monitor" errors={errorAt("earlyStopping.metric")}>
              <select
                name="earlyStopping.metric"
                value={String(getPath(draft, "earlyStopping.metric"))}
                onChange={(e) => update("earlyStopping.metric", e.target.value)}
              >
                {EARLY_STOPPING_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {METRICS[m].label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
      </div>

      <fieldset className="card" data-testid="augmentations" data-policy={spec.augmentation}>
        {spec.augmentation === "tensor" ? (
          <>
            <legend>Tensor augmentations (of the cached token grid)</legend>
            {augmentationGrid("augmentations")}
          </>
        ) : spec.augmentation === "image" ? (
          <>
            <legend>Image augmentations (of the decoded images)</legend>
            {augmentationGrid("imageAugmentations")}
          </>
        ) : (
          <>
            <legend>Augmentations</legend>
            <p className="muted" data-testid="no-augmentations">
              {spec.label} trains without augmentations ({spec.summary}): no augmentation is sent, the API
              switches them all off.
            </p>
          </>
        )}
      </fieldset>
      <details className="card">
        <summary>
          Configuration the run will use (resolved for {spec.label}:{" "}
          {config ? "ok" : `${issues.length} problem(s)`})
        </summary>
        <pre className="mono small" data-testid="config-preview">
          {JSON.stringify(config ?? configPayload(kind, draft), null, 2)}
        </pre>
      </details>
    </form>
  );
}

function Field({ label, errors = [], children }: { label: string; errors?: string[]; children: ReactNode }) {
  return (
    <label className={`field${errors.length ? " invalid" : ""}`}>
      <span className="label">{label}</span>
      {children}
      <FieldErrors errors={errors} />
    </label>
  );
}

function FieldErrors({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <span className="field-error" role="alert">
      {errors.join("; ")}
    </span>
  );
}

function NumberInput({
  path,
  value,
  onChange,
  errors,
  ...rest
}: {
  path: string;
  value: unknown;
  onChange: (path: string, v: unknown) => void;
  errors: string[];
  step?: number;
  min?: number;
  max?: number;
}) {
  // Keep the text while typing ("0." or "1e-") and send the parsed number to the draft.
  const [text, setText] = useState(typeof value === "number" ? String(value) : "");
  useEffect(() => {
    setText((t) => (Number(t) === value ? t : typeof value === "number" ? String(value) : ""));
  }, [value]);
  return (
    <input
      name={path}
      inputMode="decimal"
      aria-invalid={errors.length > 0}
      title={errors.join("; ") || undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const t = e.target.value.trim();
        onChange(path, t === "" ? Number.NaN : Number.isFinite(Number(t)) ? Number(t) : t);
      }}
      data-step={rest.step}
    />
  );
}
