"use client";
/** Launch a run: the form is validated by the same zod schema the API uses (`parseRunConfig`). */
import {
  CLASSIFIER_PRESETS,
  DEFAULT_RUN_CONFIG,
  EARLY_STOPPING_METRICS,
  parseRunConfig,
  RunConfigError,
  type RunConfig,
  type RunConfigIssue,
} from "@loffta/graphql/run-config";
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
import { getPath, KIND_LABEL } from "../lib/format";
import { useMutation, useQuery } from "../lib/hooks";

type Draft = Record<string, unknown>;
const KINDS: RunKind[] = ["LOFF_TA", "LOFF", "FROZEN_LINEAR", "UNFROZEN_LINEAR"];
const AUGS = ["hflip", "vflip", "resizedCrop", "noise", "tokenDropout", "mixup"] as const;
const AUG_LABEL: Record<(typeof AUGS)[number], string> = {
  hflip: "Horizontal flip",
  vflip: "Vertical flip",
  resizedCrop: "Random resized crop of the token grid",
  noise: "Gaussian noise",
  tokenDropout: "Token dropout",
  mixup: "Mixup",
};

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

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

function validate(draft: Draft): { config: RunConfig | null; issues: RunConfigIssue[] } {
  try {
    return { config: parseRunConfig(draft), issues: [] };
  } catch (e) {
    if (e instanceof RunConfigError) return { config: null, issues: e.issues };
    return { config: null, issues: [{ path: "", message: String(e) }] };
  }
}

export function LaunchView() {
  const router = useRouter();
  const params = useSearchParams();
  const opts = useQuery(LaunchOptionsDocument, {});
  const from = params.get("from");
  const source = useQuery(RunDetailDocument, { id: from ?? "" }, { skip: !from });
  const launch = useMutation(LaunchRunDocument);

  const [draft, setDraft] = useState<Draft>(() => clone(DEFAULT_RUN_CONFIG) as unknown as Draft);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<RunKind>("LOFF_TA");
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
  // `?from=<runId>`: start from that run's configuration.
  useEffect(() => {
    const r = source.data?.run;
    if (!r) return;
    setDraft(clone(r.config) as Draft);
    setKind(r.kind);
    setName(`${r.name} (copy)`);
    setProjectId(r.project.id);
    if (r.cache) setCacheId(r.cache.id);
    if (r.baselineRun) setBaselineRunId(r.baselineRun.id);
    setTags(r.tags.join(", "));
  }, [source.data]);

  const { config, issues } = useMemo(() => validate(draft), [draft]);
  const needsCache = kind === "LOFF" || kind === "LOFF_TA";
  const formIssues: RunConfigIssue[] = [
    ...(!name.trim() ? [{ path: "name", message: "give the run a name" }] : []),
    ...(!projectId ? [{ path: "projectId", message: "choose a project" }] : []),
    ...(needsCache && !cacheId
      ? [{ path: "cacheId", message: `${KIND_LABEL[kind]} trains on a feature cache: choose one` }]
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
    // LOFF is the no-augmentation ablation: send it with every augmentation off.
    const cfg =
      kind === "LOFF"
        ? {
            ...config,
            augmentations: Object.fromEntries(
              Object.entries(config.augmentations).map(([k, v]) => [k, { ...v, enabled: false }]),
            ),
          }
        : config;
    try {
      const d = await launch.mutate({
        input: {
          projectId,
          name: name.trim(),
          kind,
          config: cfg,
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
  const augOff = kind === "LOFF";

  return (
    <form className="launch" onSubmit={submit} noValidate data-testid="launch-form">
      <div className="page-head">
        <h1>Launch a run</h1>
        <div className="actions">
          <button type="button" onClick={() => setDraft(clone(DEFAULT_RUN_CONFIG) as unknown as Draft)}>
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
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={needsCache ? "Feature cache" : "Feature cache (optional)"}
            errors={touched ? errorAt("cacheId") : []}
          >
            <select name="cacheId" value={cacheId} onChange={(e) => setCacheId(e.target.value)}>
              <option value="">{o.featureCaches.length ? "— none —" : "no caches yet"}</option>
              {o.featureCaches.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.dataset.name} · {c.model.name} @{c.resolution}
                  {c.pooling > 1 ? ` pool ${c.pooling}` : ""}
                  {c.layer !== -1 ? ` layer ${c.layer}` : ""} ({c.status.toLowerCase()})
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
          <Field label="Seed">{num("seed", { min: 0, step: 1 })}</Field>
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
              value={String(getPath(draft, "classifier.preset"))}
              onChange={(e) => update("classifier.preset", e.target.value)}
            >
              {CLASSIFIER_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </Field>
          {check("classifier.useCachedCls", "Use the cached CLS token")}
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
            <Field label="Micro-batch">{num("microBatch", { step: 1, min: 1 })}</Field>
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
                    {m}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
      </div>

      <fieldset className="card">
        <legend>
          Tensor augmentations{" "}
          {augOff && <span className="muted small">(off for LOFF, the no-augmentation ablation)</span>}
        </legend>
        <div className="aug-grid">
          {AUGS.map((a) => {
            const on = getPath(draft, `augmentations.${a}.enabled`) === true && !augOff;
            return (
              <div key={a} className={`aug${on ? " on" : ""}`} data-aug={a}>
                {check(`augmentations.${a}.enabled`, AUG_LABEL[a], augOff)}
                <Field label="p">{num(`augmentations.${a}.p`, { step: 0.05, min: 0, max: 1 })}</Field>
                {a === "resizedCrop" && (
                  <>
                    <div className="row-2">
                      <Field label="scale min">
                        {num("augmentations.resizedCrop.scale.0", { step: 0.05, min: 0, max: 1 })}
                      </Field>
                      <Field label="scale max">
                        {num("augmentations.resizedCrop.scale.1", { step: 0.05, min: 0, max: 1 })}
                      </Field>
                    </div>
                    <FieldErrors errors={errorAt("augmentations.resizedCrop.scale")} />
                    <div className="row-2">
                      <Field label="ratio min">
                        {num("augmentations.resizedCrop.ratio.0", { step: 0.05, min: 0 })}
                      </Field>
                      <Field label="ratio max">
                        {num("augmentations.resizedCrop.ratio.1", { step: 0.05, min: 0 })}
                      </Field>
                    </div>
                    <FieldErrors errors={errorAt("augmentations.resizedCrop.ratio")} />
                  </>
                )}
                {a === "noise" && (
                  <div className="row-2">
                    <Field label="std">{num("augmentations.noise.std", { step: 0.01, min: 0 })}</Field>
                    <Field label="relative to">
                      <select
                        name="augmentations.noise.relativeTo"
                        value={String(getPath(draft, "augmentations.noise.relativeTo"))}
                        onChange={(e) => update("augmentations.noise.relativeTo", e.target.value)}
                      >
                        <option value="channel-std">channel std</option>
                        <option value="absolute">absolute</option>
                      </select>
                    </Field>
                  </div>
                )}
                {a === "tokenDropout" && (
                  <Field label="rate">
                    {num("augmentations.tokenDropout.rate", { step: 0.05, min: 0, max: 0.99 })}
                  </Field>
                )}
                {a === "mixup" && (
                  <Field label="alpha">{num("augmentations.mixup.alpha", { step: 0.1, min: 0 })}</Field>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      <details className="card">
        <summary>
          Configuration sent to the API (validated: {config ? "ok" : `${issues.length} problem(s)`})
        </summary>
        <pre className="mono small" data-testid="config-preview">
          {JSON.stringify(config ?? draft, null, 2)}
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
