"use client";
/**
 * Launch a run, or a sweep (`?mode=sweep`: the same form is the base config, plus parameters over
 * config paths, a method, seeds; `launchSweep`). Everything the form knows of the domain comes from the catalogue
 * (@loffta/graphql/domain): the kinds and their policy (RUN_KINDS), the tensor augmentations and
 * their parameters (AUGMENTATIONS), the metrics (METRICS). The draft is checked by the API's own
 * resolveRunConfig, and only what the kind uses is sent: LOFF sends no augmentation switches, the
 * image baselines their image augmentations and no classifier preset (theirs is fixed).
 */
import {
  AUGMENTATION_ORDER,
  AUGMENTATIONS,
  BASELINE_REF_KINDS,
  canonicalJson,
  checkSweepSpec,
  CLASSIFIER_PRESETS,
  configPathIssue,
  defaultRunConfig,
  EARLY_STOPPING_METRICS,
  MAX_SWEEP_RUNS,
  METRICS,
  resolveRunConfig,
  RUN_KIND_ORDER,
  RUN_KINDS,
  RunConfigError,
  setPath as setConfigPath,
  sweepSettingCount,
  type AugmentationName,
  type AugmentationParam,
  type RunConfig,
  type RunConfigIssue,
  type SweepIssue,
  type SweepSpec,
} from "@loffta/graphql/domain";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Empty, ErrorBox, Loading } from "../components/states";
import {
  LaunchOptionsDocument,
  LaunchRunDocument,
  LaunchSweepDocument,
  RunDetailDocument,
  type RunKind,
  type SweepMethod,
  type SweepParameterInput,
} from "../generated/graphql";
import { ApiError } from "../lib/client";
import { getPath, kindLabel, layerLabel, leafPaths } from "../lib/format";
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

/** One swept parameter as the form edits it (text fields, parsed on every change). */
interface ParamRow {
  path: string;
  /** `values`: a comma-separated list; `range`: min/max (RANDOM only). */
  takes: "values" | "range";
  values: string;
  min: string;
  max: string;
  log: boolean;
  integer: boolean;
}

const emptyRow = (): ParamRow => ({
  path: "",
  takes: "values",
  values: "",
  min: "",
  max: "",
  log: false,
  integer: false,
});

/** The config paths a sweep can take (the catalogue's: configPathIssue), for the path picker. */
const SWEEP_PATHS = [...leafPaths(DEFAULTS), "schedule.warmupSteps"]
  .filter((p) => configPathIssue(p) === null)
  .sort();

/**
 * A comma-separated list of values: each one JSON when it parses (`0.1`, `true`, `[0.5, 1]`,
 * `"a,b"`), else the text itself (`absolute`); commas inside brackets or quotes do not split.
 */
export function parseValueList(text: string): unknown[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") {
        cur += c + (text[i + 1] ?? "");
        i++;
        continue;
      }
      if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      try {
        return JSON.parse(p) as unknown;
      } catch {
        return p;
      }
    });
}

/** `1, 2, 3` → [1, 2, 3] (NaN for what is not a number: the sweep check names it). */
const parseSeeds = (text: string): number[] =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => (/^\d+$/.test(t) ? Number(t) : Number.NaN));

const numberOrNull = (t: string): number | null => (t.trim() === "" ? null : Number(t));

/** The sweep's parameters as `launchSweep` takes them. */
function sweepParameters(rows: ParamRow[], method: SweepMethod): SweepParameterInput[] {
  return rows.map((r) =>
    r.takes === "range" && method === "RANDOM"
      ? {
          path: r.path.trim(),
          min: numberOrNull(r.min),
          max: numberOrNull(r.max),
          log: r.log,
          integer: r.integer,
        }
      : { path: r.path.trim(), values: parseValueList(r.values) },
  );
}

/**
 * Each listed value of a parameter checked alone on the base config, as the API resolves it
 * (resolveRunConfig): `parameters.<i>.values.<j>` issues (the API also checks their combinations).
 */
function valueIssues(kind: RunKind, base: Draft, params: SweepParameterInput[]): SweepIssue[] {
  const out: SweepIssue[] = [];
  params.forEach((p, i) => {
    if (configPathIssue(p.path) !== null) return;
    (p.values ?? []).forEach((v, j) => {
      try {
        resolveRunConfig(kind, setConfigPath(base, p.path, v));
      } catch (e) {
        if (!(e instanceof RunConfigError)) throw e;
        const hit = e.issues.find(
          (x) => x.path === p.path || x.path.startsWith(`${p.path}.`) || p.path.startsWith(`${x.path}.`),
        );
        if (hit)
          out.push({ path: `parameters.${i}.values.${j}`, message: `${canonicalJson(v)}: ${hit.message}` });
      }
    });
  });
  return out;
}

export function LaunchView() {
  const router = useRouter();
  const params = useSearchParams();
  const opts = useQuery(LaunchOptionsDocument, { baselineKinds: BASELINE_REF_KINDS });
  const from = params.get("from");
  const source = useQuery(RunDetailDocument, { id: from ?? "" }, { skip: !from });
  const launch = useMutation(LaunchRunDocument);
  const launchSweep = useMutation(LaunchSweepDocument);
  const [mode, setMode] = useState<"run" | "sweep">(params.get("mode") === "sweep" ? "sweep" : "run");
  const [method, setMethod] = useState<SweepMethod>("GRID");
  const [rows, setRows] = useState<ParamRow[]>([emptyRow()]);
  const [seedsText, setSeedsText] = useState("0");
  const [countText, setCountText] = useState("8");
  const [drawSeedText, setDrawSeedText] = useState("0");
  const [sweepMetric, setSweepMetric] = useState("");
  const [sweepServerIssues, setSweepServerIssues] = useState<SweepIssue[]>([]);

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
  const sweeping = mode === "sweep";
  // A sweep's base config: the draft without its seed (the seeds are the sweep's own list).
  const basePayload = useMemo(() => {
    const { seed: _seed, ...rest } = configPayload(kind, draft);
    return rest;
  }, [kind, draft]);
  const sweepParams = useMemo(() => sweepParameters(rows, method), [rows, method]);
  const seeds = useMemo(() => parseSeeds(seedsText), [seedsText]);
  const sweepSpec: SweepSpec = {
    method,
    parameters: sweepParams,
    count: method === "RANDOM" ? numberOrNull(countText) : null,
    seed: method === "RANDOM" ? numberOrNull(drawSeedText) : null,
    seeds,
  };
  const sweepIssues: SweepIssue[] = sweeping
    ? [...checkSweepSpec(sweepSpec), ...valueIssues(kind, basePayload, sweepParams), ...sweepServerIssues]
    : [];
  const settingCount = sweepSettingCount(sweepSpec);
  const runTotal = Number.isFinite(settingCount) ? settingCount * seeds.length : Infinity;
  const sweepErrorAt = (prefix: string) =>
    sweepIssues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`)).map((i) => i.message);
  // In sweep mode the base config's seed is not used (each run gets one of the seeds).
  const allIssues = [
    ...formIssues,
    ...issues.filter((i) => !(sweeping && i.path === "seed")),
    ...serverIssues,
    ...sweepIssues.map((i) => ({ path: `sweep.${i.path}`, message: i.message })),
  ];
  const errorAt = (path: string) => allIssues.filter((i) => i.path === path).map((i) => i.message);
  const setRow = (i: number, patch: Partial<ParamRow>) => {
    setSweepServerIssues([]);
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  };

  const update = (path: string, value: unknown) => {
    setServerIssues([]);
    setDraft((d) => setPath(d, path, value));
  };

  const submitSweep = async () => {
    if (!config || formIssues.length || sweepIssues.length) return;
    try {
      const d = await launchSweep.mutate({
        input: {
          projectId,
          name: name.trim(),
          kind,
          config: basePayload,
          cacheId: cacheId || null,
          baselineRunId: baselineRunId || null,
          method,
          parameters: sweepParams,
          count: sweepSpec.count,
          seed: sweepSpec.seed,
          seeds,
          metric: sweepMetric || null,
          tags: tags
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
          notes: notes.trim() || null,
        },
      });
      router.push(`/sweeps/${d.launchSweep.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setServerIssues(
          err.fields
            .filter(
              (f) =>
                f.path.startsWith("input.config.") ||
                /^input\.(name|projectId|cacheId|baselineRunId)$/.test(f.path),
            )
            .map((f) => ({ path: f.path.replace(/^input\.(config\.)?/, ""), message: f.message })),
        );
        setSweepServerIssues(
          err.fields
            .filter(
              (f) =>
                !f.path.startsWith("input.config.") &&
                !/^input\.(name|projectId|cacheId|baselineRunId)$/.test(f.path),
            )
            .map((f) => ({ path: f.path.replace(/^input\./, ""), message: f.message })),
        );
      }
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (sweeping) return submitSweep();
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
        <h1>{sweeping ? "Launch a sweep" : "Launch a run"}</h1>
        <div className="actions">
          <span className="chip" role="radiogroup" aria-label="What to launch">
            <label className="check">
              <input
                type="radio"
                name="mode"
                value="run"
                checked={!sweeping}
                onChange={() => setMode("run")}
              />{" "}
              Single run
            </label>
            <label className="check">
              <input
                type="radio"
                name="mode"
                value="sweep"
                checked={sweeping}
                onChange={() => setMode("sweep")}
              />{" "}
              Sweep
            </label>
          </span>
          <button type="button" onClick={() => setDraft(defaults())}>
            Reset to defaults
          </button>
          <button
            type="submit"
            className="primary"
            disabled={launch.loading || launchSweep.loading}
            data-testid="launch-submit"
          >
            {sweeping
              ? launchSweep.loading
                ? "Launching…"
                : `Launch sweep (${Number.isFinite(runTotal) ? runTotal : "too many"} runs)`
              : launch.loading
                ? "Launching…"
                : "Launch"}
          </button>
        </div>
      </div>
      {launch.error && !sweeping && <ErrorBox error={launch.error} />}
      {launchSweep.error && sweeping && <ErrorBox error={launchSweep.error} />}
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

      {sweeping && (
        <fieldset className="card" data-testid="sweep-form">
          <legend>Sweep: the form below is the base configuration of every run</legend>
          <div className="row-3">
            <Field label="Method">
              <select
                name="sweepMethod"
                value={method}
                onChange={(e) => setMethod(e.target.value as SweepMethod)}
              >
                <option value="GRID">Grid: every combination</option>
                <option value="RANDOM">Random: count draws</option>
              </select>
            </Field>
            <Field label="Seeds (comma-separated: each setting once per seed)" errors={sweepErrorAt("seeds")}>
              <input
                name="sweepSeeds"
                value={seedsText}
                onChange={(e) => setSeedsText(e.target.value)}
                placeholder="1, 2, 3"
              />
            </Field>
            <Field label="Judged by">
              <select name="sweepMetric" value={sweepMetric} onChange={(e) => setSweepMetric(e.target.value)}>
                <option value="">
                  the early-stopping monitor ({METRICS[config?.earlyStopping.metric ?? "accuracy"].label})
                </option>
                {EARLY_STOPPING_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {METRICS[m].label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {method === "RANDOM" && (
            <div className="row-3">
              <Field label="Settings to draw" errors={sweepErrorAt("count")}>
                <input
                  name="sweepCount"
                  inputMode="numeric"
                  value={countText}
                  onChange={(e) => setCountText(e.target.value)}
                />
              </Field>
              <Field label="Draw seed (the same seed draws the same settings)" errors={sweepErrorAt("seed")}>
                <input
                  name="sweepSeed"
                  inputMode="numeric"
                  value={drawSeedText}
                  onChange={(e) => setDrawSeedText(e.target.value)}
                />
              </Field>
            </div>
          )}
          <datalist id="sweep-config-paths">
            {SWEEP_PATHS.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          {rows.map((r, i) => {
            const own = sweepIssues.filter(
              (x) => x.path === `parameters.${i}` || x.path.startsWith(`parameters.${i}.`),
            );
            // What the base config (the form below) holds at the path: the sweep replaces it.
            const path = r.path.trim();
            const baseValue =
              path && configPathIssue(path) === null ? getPath(config ?? basePayload, path) : undefined;
            return (
              <div
                key={i}
                className="row"
                data-testid="sweep-param"
                data-index={i}
                style={{ alignItems: "flex-start", flexWrap: "wrap" }}
              >
                <Field label={`Parameter ${i + 1}: config path`}>
                  <input
                    name={`param-path-${i}`}
                    list="sweep-config-paths"
                    value={r.path}
                    onChange={(e) => setRow(i, { path: e.target.value })}
                    placeholder="augmentations.noise.std"
                    style={{ minWidth: 260 }}
                  />
                </Field>
                {method === "RANDOM" && (
                  <Field label="Takes">
                    <select
                      name={`param-takes-${i}`}
                      value={r.takes}
                      onChange={(e) => setRow(i, { takes: e.target.value as ParamRow["takes"] })}
                    >
                      <option value="values">listed values</option>
                      <option value="range">a range</option>
                    </select>
                  </Field>
                )}
                {r.takes === "range" && method === "RANDOM" ? (
                  <>
                    <Field label="Min">
                      <input
                        name={`param-min-${i}`}
                        inputMode="decimal"
                        value={r.min}
                        onChange={(e) => setRow(i, { min: e.target.value })}
                      />
                    </Field>
                    <Field label="Max">
                      <input
                        name={`param-max-${i}`}
                        inputMode="decimal"
                        value={r.max}
                        onChange={(e) => setRow(i, { max: e.target.value })}
                      />
                    </Field>
                    <label className="check">
                      <input
                        type="checkbox"
                        name={`param-log-${i}`}
                        checked={r.log}
                        onChange={(e) => setRow(i, { log: e.target.checked })}
                      />{" "}
                      log
                    </label>
                    <label className="check">
                      <input
                        type="checkbox"
                        name={`param-integer-${i}`}
                        checked={r.integer}
                        onChange={(e) => setRow(i, { integer: e.target.checked })}
                      />{" "}
                      integers
                    </label>
                  </>
                ) : (
                  <Field label="Values (comma-separated)">
                    <input
                      name={`param-values-${i}`}
                      value={r.values}
                      onChange={(e) => setRow(i, { values: e.target.value })}
                      placeholder="0, 0.1, 0.2"
                      style={{ minWidth: 240 }}
                    />
                  </Field>
                )}
                <button
                  type="button"
                  aria-label={`remove parameter ${i + 1}`}
                  onClick={() =>
                    setRows((rs) => (rs.length > 1 ? rs.filter((_, k) => k !== i) : [emptyRow()]))
                  }
                  style={{ marginTop: 18 }}
                >
                  ✕
                </button>
                {own.length > 0 ? (
                  <span className="field-error" role="alert" style={{ flexBasis: "100%" }}>
                    {own.map((x) => x.message).join("; ")}
                  </span>
                ) : (
                  baseValue !== undefined && (
                    <span
                      className="muted small"
                      data-swept={path}
                      style={{ flexBasis: "100%", marginTop: -6 }}
                    >
                      replaces the base value {JSON.stringify(baseValue)} of the form below in every run
                    </span>
                  )
                )}
              </div>
            );
          })}
          <div className="row">
            <button
              type="button"
              data-testid="add-param"
              onClick={() => setRows((rs) => [...rs, emptyRow()])}
            >
              Add parameter
            </button>
            <span
              className="muted small"
              data-testid="sweep-count"
              data-runs={Number.isFinite(runTotal) ? runTotal : ""}
            >
              {Number.isFinite(settingCount) ? settingCount : "too many"} setting
              {settingCount === 1 ? "" : "s"} × {seeds.length} seed{seeds.length === 1 ? "" : "s"} ={" "}
              {Number.isFinite(runTotal) ? runTotal : "too many"} runs (at most {MAX_SWEEP_RUNS})
            </span>
          </div>
        </fieldset>
      )}

      <div className="grid-2">
        <fieldset className="card">
          <legend>{sweeping ? "Runs (shared by every run of the sweep)" : "Run"}</legend>
          <Field label="Name" errors={touched ? errorAt("name") : []}>
            <input
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={
                sweeping
                  ? "e.g. noise-std-grid (runs: <name>-<setting>-s<seed>)"
                  : "e.g. dinov2-b pets noise 0.2"
              }
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
          {!sweeping && (
            <Field label="Seed (initialisation, data order, augmentations)">
              {num("seed", { min: 0, step: 1 })}
            </Field>
          )}
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
