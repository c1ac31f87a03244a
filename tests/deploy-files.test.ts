/**
 * The deployment files (docs/deploy.md) against the repository: nothing here runs Docker,
 * Kubernetes or a GPU (none on this project's machines), so what can drift is checked instead.
 *
 *  - every path a Dockerfile COPYs, and every repository path the files name, exists;
 *  - every `npm run <script> [-w <workspace>]` and `npx <bin>` they name exists in the right
 *    package.json;
 *  - every LOFFTA_* variable they set is one the service it is set for reads (the API's
 *    API_ENV, the worker's WORKER_ENV, the object store's STORE_ENV, the dashboard's sources),
 *    and every LOFFTA_* docs/deploy.md names exists;
 *  - published ports, health checks and `--api` URLs agree with the services' default ports;
 *  - no secret in an image or on a command line: tokens and credentials come from files;
 *  - the autoscaler's external metric is the API's `loffta_jobs` series with label values of the
 *    Prisma enums, as the prometheus-adapter rule serves it;
 *  - deploy/bootstrap.cjs, run against a real database, issues tokens the API's format accepts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { hashToken } from "@loffta/db";
import { API_ENV } from "../apps/api/src/config";
import { WORKER_ENV } from "../apps/worker/src/config";
import { createTestDatabase, type TestDatabase } from "./support/db";

const ROOT = path.resolve(__dirname, "..");
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), "utf8");
const exists = (rel: string): boolean => fs.existsSync(path.join(ROOT, rel));

const DOCKERFILES = ["deploy/api.Dockerfile", "deploy/web.Dockerfile", "deploy/worker.Dockerfile", "deploy/worker-gpu.Dockerfile"];
const COMPOSE_FILES = ["docker-compose.yml", "deploy/gpu-worker.compose.yml"];
const K8S_DIR = "deploy/k8s";
const K8S_FILES = fs.readdirSync(path.join(ROOT, K8S_DIR)).filter((f) => f.endsWith(".yaml")).map((f) => `${K8S_DIR}/${f}`);
const OTHER_YAML = ["deploy/prometheus.yml"];
const DOC = "docs/deploy.md";
const SCRIPTS = ["deploy/make-secrets.sh", "deploy/entrypoint.sh", "scripts/install-gpu.sh"];
/** Every file a reference is checked in. */
const ALL = [...DOCKERFILES, ...COMPOSE_FILES, ...K8S_FILES, ...OTHER_YAML, ...SCRIPTS, DOC];

/** Paths the files may name that the repository does not hold: what builds, runs and make-secrets write. */
const GENERATED = [/^apps\/v\d/ /* a Kubernetes apiVersion */, /^apps\/[\w-]+\/dist(\/|$)/, /^apps\/web\/\.next(\/|$)/, /^bench\/results\//, /^deploy\/secrets(\/|$)/, /(^|\/)node_modules(\/|$)/];

/**
 * Object-store variables, allowed here only while graphql/src/object-store does not exist yet
 * (it was being written together with these files); once it does, its STORE_ENV is the list.
 */
const PENDING_STORE_ENV = ["LOFFTA_STORE", "LOFFTA_S3_ENDPOINT", "LOFFTA_S3_FORCE_PATH_STYLE", "LOFFTA_SHARD_CACHE_BYTES"];

interface Pkg {
  name: string;
  dir: string;
  scripts: Record<string, string>;
  bin: Record<string, string>;
}

function packages(): { root: Pkg; byName: Map<string, Pkg> } {
  const load = (dir: string): Pkg => {
    const j = JSON.parse(read(path.join(dir, "package.json"))) as { name: string; scripts?: Record<string, string>; bin?: string | Record<string, string>; workspaces?: string[] };
    const bin = typeof j.bin === "string" ? { [j.name.split("/").pop()!]: j.bin } : (j.bin ?? {});
    return { name: j.name, dir, scripts: j.scripts ?? {}, bin };
  };
  const root = load(".");
  const byName = new Map<string, Pkg>();
  for (const ws of (JSON.parse(read("package.json")) as { workspaces: string[] }).workspaces) {
    const p = load(ws);
    byName.set(p.name, p);
  }
  return { root, byName };
}

/** Exec-form arrays (`["npm", "run", "x"]`) read as the command line they run. */
const asCommandLines = (text: string): string => text.replace(/"\s*,\s*"/g, " ");

/** `npm run <script>` references, with their workspace (`-w` / `--workspace`) when given. */
function npmRuns(text: string): { script: string; workspace?: string; at: string }[] {
  const out: { script: string; workspace?: string; at: string }[] = [];
  const re = /\bnpm run(?:\s+-s)?\s+([A-Za-z0-9:._-]+)(?:\s+(?:-w|--workspace)(?:\s+|=)(@?[\w./-]+))?/g;
  for (const m of asCommandLines(text).matchAll(re)) out.push({ script: m[1], workspace: m[2], at: m[0] });
  return out;
}

function npxBins(text: string): string[] {
  return [...asCommandLines(text).matchAll(/\bnpx\s+(?!-)(@?[\w./-]+)/g)].map((m) => m[1]);
}

/** Repository paths named in `text` (top-level folders of the repository, or under /app/ in an image). */
function namedPaths(text: string): string[] {
  const top = "(?:apps|deploy|docs|graphql|prisma|scripts|tests|bench)";
  const re = new RegExp(`(?:(?<![\\w/.@-])|(?<=/app/))(${top}/[\\w./-]*[\\w-])`, "g");
  return [...text.matchAll(re)].map((m) => m[1].replace(/#.*$/, "")).filter((p) => !GENERATED.some((g) => g.test(p)));
}

/** Instructions of a Dockerfile, continuation lines joined, comments dropped. */
function dockerInstructions(text: string): { op: string; args: string }[] {
  const lines = text.split("\n").filter((l) => !/^\s*#/.test(l));
  const joined = lines.join("\n").replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
}

/** Variables a Dockerfile sets with ENV (both `ENV A=1 B=2` and `ENV A 1`). */
function dockerEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { op, args } of dockerInstructions(text)) {
    if (op !== "ENV") continue;
    if (!args.includes("=")) {
      const [k, ...v] = args.split(/\s+/);
      out[k] = v.join(" ");
    } else for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) out[m[1]] = m[2].replace(/^"|"$/g, "");
  }
  return out;
}

interface ComposeService {
  build?: { context?: string; dockerfile?: string };
  image?: string;
  command?: string | string[];
  environment?: Record<string, string | number | null> | string[];
  ports?: (string | number)[];
  healthcheck?: { test?: string | string[] };
  profiles?: string[];
  secrets?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string }>;
}

const loadYaml = <T>(rel: string): T => parse(read(rel), { merge: true }) as T;

function envOf(s: ComposeService): Record<string, string> {
  const e = s.environment ?? {};
  if (Array.isArray(e)) return Object.fromEntries(e.map((kv) => [kv.split("=")[0], kv.split("=").slice(1).join("=")]));
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === null ? "" : String(v)]));
}

const commandOf = (s: ComposeService): string => (Array.isArray(s.command) ? s.command.join(" ") : (s.command ?? ""));

type Component = "api" | "web" | "worker";

/** Which service a compose service runs, by its Dockerfile (or the image such a build tags). */
function componentOf(s: ComposeService, all: Record<string, ComposeService>): Component | null {
  const dockerfile = s.build?.dockerfile ?? Object.values(all).find((o) => o.build && o.image && o.image === s.image)?.build?.dockerfile;
  const base = dockerfile ? path.basename(dockerfile) : "";
  if (base === "api.Dockerfile") return "api";
  if (base === "web.Dockerfile") return "web";
  if (base === "worker.Dockerfile" || base === "worker-gpu.Dockerfile") return "worker";
  return null;
}

function componentOfDockerfile(rel: string): Component {
  const base = path.basename(rel);
  return base === "api.Dockerfile" ? "api" : base === "web.Dockerfile" ? "web" : "worker";
}

function sourceFiles(dir: string, re: RegExp): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(rel, re);
    return re.test(e.name) ? [rel] : [];
  });
}

/** The dashboard reads its variables where it needs them (no config module): its sources say which. */
function webEnvNames(): Set<string> {
  const names = new Set<string>();
  for (const f of [...sourceFiles("apps/web/src", /\.(ts|tsx)$/), ...sourceFiles("apps/web/scripts", /\.(mjs|js|cjs|ts)$/)])
    for (const m of read(f).matchAll(/process\.env\.(LOFFTA_[A-Z0-9_]+)/g)) names.add(m[1]);
  return names;
}

/** Enum values of prisma/schema.prisma. */
function prismaEnum(name: string): string[] {
  const m = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(read("prisma/schema.prisma"));
  if (!m) throw new Error(`enum ${name} not in prisma/schema.prisma`);
  return m[1]
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter(Boolean);
}

let storeEnvNames: string[] = [];
let allowed: Record<Component, Set<string>>;

beforeAll(async () => {
  storeEnvNames = exists("graphql/src/object-store")
    ? Object.keys((await import("@loffta/graphql/object-store")).STORE_ENV)
    : PENDING_STORE_ENV;
  allowed = {
    api: new Set([...Object.keys(API_ENV), ...storeEnvNames]),
    worker: new Set([...Object.keys(WORKER_ENV), ...storeEnvNames]),
    web: webEnvNames(),
  };
});

describe("deployment files", () => {
  it("parse (YAML) and exist where they point each other", () => {
    for (const f of [...COMPOSE_FILES, ...OTHER_YAML]) expect(() => loadYaml(f)).not.toThrow();
    for (const f of K8S_FILES) {
      const docs = parseAllDocuments(read(f));
      for (const d of docs) expect(d.errors.map((e) => `${f}: ${e.message}`)).toEqual([]);
    }
    const kustomization = loadYaml<{ resources: string[] }>(`${K8S_DIR}/kustomization.yaml`);
    for (const r of kustomization.resources) expect(exists(`${K8S_DIR}/${r}`)).toBe(true);
    for (const f of COMPOSE_FILES) {
      const c = loadYaml<ComposeFile>(f);
      for (const [name, s] of Object.entries(c.services)) {
        if (!s.build?.dockerfile) continue;
        const context = path.join(path.dirname(f), s.build.context ?? ".");
        expect([name, exists(path.join(context, s.build.dockerfile))]).toEqual([name, true]);
      }
    }
  });

  it("every path a Dockerfile COPYs, and every repository path the files name, exists", () => {
    const missing: string[] = [];
    for (const f of DOCKERFILES) {
      for (const { op, args } of dockerInstructions(read(f))) {
        if (op !== "COPY" || /--from=/.test(args)) continue;
        const parts = args.split(/\s+/).filter((a) => !a.startsWith("--"));
        for (const src of parts.slice(0, -1)) if (!exists(src)) missing.push(`${f}: COPY ${src}`);
      }
      if (!exists(`${f}.dockerignore`)) missing.push(`${f}.dockerignore (its build context's ignore file)`);
    }
    for (const f of ALL) for (const p of namedPaths(read(f))) if (!exists(p)) missing.push(`${f}: ${p}`);
    expect(missing).toEqual([]);
  });

  it("every npm script and npx bin they name exists in the right package.json", () => {
    const { root, byName } = packages();
    const missing: string[] = [];
    let count = 0;
    for (const f of ALL) {
      const text = read(f);
      for (const r of npmRuns(text)) {
        count++;
        const pkg = r.workspace ? byName.get(r.workspace) : root;
        if (!pkg) missing.push(`${f}: \`${r.at}\`: no workspace ${r.workspace}`);
        else if (!(r.script in pkg.scripts)) missing.push(`${f}: \`${r.at}\`: no script "${r.script}" in ${path.join(pkg.dir, "package.json")}`);
      }
      for (const bin of npxBins(text)) {
        count++;
        const own = [...byName.values()].find((p) => bin in p.bin);
        // A workspace's bin, or else one a dependency installs.
        if (!own && !exists(`node_modules/.bin/${bin}`)) missing.push(`${f}: npx ${bin}: no package declares that bin`);
      }
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThan(10);
    // The ones the images and the compose file are built on, by name.
    const images = DOCKERFILES.map(read).join("\n") + read("docker-compose.yml");
    for (const s of ["build", "start:api", "start:web", "migrate:deploy"]) expect(npmRuns(images).map((r) => r.script)).toContain(s);
    expect(npxBins(images)).toContain("loffta-worker");
    expect(byName.get("@loffta/worker")?.bin["loffta-worker"]).toBeDefined();
  });

  it("`npx loffta-worker`, the workers' command in every image and manifest, runs the CLI", () => {
    // npx (like any installed npm bin) runs node_modules/.bin/loffta-worker, a symlink to the
    // bin: the CLI must start when reached through it, not only as `node …/loffta-worker.cjs`.
    const r = spawnSync("npx", ["--no-install", "loffta-worker", "--help"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(`${r.stdout}${r.stderr}`).toContain("usage: loffta-worker");
    expect(r.status).toBe(0);
  });

  it("every LOFFTA_* variable set is read by the service it is set for", () => {
    const wrong: string[] = [];
    const check = (where: string, component: Component, names: string[]) => {
      for (const n of names) if (n.startsWith("LOFFTA_") && !allowed[component].has(n)) wrong.push(`${where}: ${n} (not read by the ${component})`);
    };
    for (const f of DOCKERFILES) check(f, componentOfDockerfile(f), Object.keys(dockerEnv(read(f))));
    for (const f of COMPOSE_FILES) {
      const c = loadYaml<ComposeFile>(f);
      for (const [name, s] of Object.entries(c.services)) {
        const component = componentOf(s, c.services);
        const names = Object.keys(envOf(s));
        if (component) check(`${f} ${name}`, component, names);
        else expect([name, names.filter((n) => n.startsWith("LOFFTA_"))]).toEqual([name, []]);
      }
    }
    for (const f of K8S_FILES)
      for (const d of parseAllDocuments(read(f)).map((x) => x.toJS() as K8sObject | null)) {
        for (const c of containersOf(d)) check(`${f} ${c.name}`, "worker", (c.env ?? []).map((e) => e.name));
      }
    const every = new Set([...allowed.api, ...allowed.worker, ...allowed.web]);
    // `LOFFTA_MAX_*` names a family: some variable must start with it.
    for (const m of read(DOC).matchAll(/LOFFTA_[A-Z0-9_]*[A-Z0-9](_\*)?/g)) {
      const known = m[1] ? [...every].some((n) => n.startsWith(m[0].slice(0, -1))) : every.has(m[0]);
      if (!known) wrong.push(`${DOC}: ${m[0]} (no service reads it)`);
    }
    expect(wrong).toEqual([]);
  });

  it("ports, health checks and API URLs agree with the services' defaults", () => {
    const apiPort = API_ENV.PORT.default;
    const webPort = Number(/process\.env\.PORT \|\| "(\d+)"/.exec(read("apps/web/scripts/serve.mjs"))?.[1]);
    expect(apiPort).toBe(4000);
    expect(webPort).toBe(3000);
    const c = loadYaml<ComposeFile>("docker-compose.yml");
    const containerPorts = (s: ComposeService) => (s.ports ?? []).map((p) => Number(String(p).split(":").pop()));
    const byComponent = (k: Component) => Object.entries(c.services).filter(([, s]) => componentOf(s, c.services) === k && s.ports);
    for (const [k, port] of [["api", apiPort], ["web", webPort]] as const) {
      const published = byComponent(k);
      expect(published.length).toBe(1);
      for (const [, s] of published) {
        expect(containerPorts(s)).toEqual([port]);
        const env = envOf(s);
        expect(env.PORT ?? String(port)).toBe(String(port));
        // Listening on loopback only would make the published port unreachable.
        expect(env.HOST).toBe("0.0.0.0");
        expect(JSON.stringify(s.healthcheck?.test)).toContain(`127.0.0.1:${port}/`);
      }
    }
    expect(JSON.stringify(c.services.api.healthcheck?.test)).toContain("/healthz");
    for (const f of DOCKERFILES.slice(0, 2)) {
      const port = componentOfDockerfile(f) === "api" ? apiPort : webPort;
      const ins = dockerInstructions(read(f));
      expect(ins.filter((i) => i.op === "EXPOSE").map((i) => i.args)).toEqual([String(port)]);
      expect(dockerEnv(read(f)).PORT).toBe(String(port));
    }
    // Workers reach the API on its port; the API and the workers use the bucket on MinIO's port.
    for (const [name, s] of Object.entries(c.services)) {
      const api = /--api\s+(\S+)/.exec(commandOf(s))?.[1];
      if (api) expect([name, new URL(api).port]).toEqual([name, String(apiPort)]);
      const endpoint = envOf(s).LOFFTA_S3_ENDPOINT;
      if (endpoint) expect(containerPorts(c.services.minio)).toContain(Number(new URL(endpoint).port));
    }
    expect(containerPorts(c.services.minio)).toContain(9000);
  });

  it("keeps secrets out of images, command lines and configuration", () => {
    const texts = ALL.map((f) => [f, read(f)] as const);
    for (const [f, t] of texts) expect([f, /lft_[A-Za-z0-9_-]{8,}/.test(t)]).toEqual([f, false]);
    for (const f of DOCKERFILES) {
      const ins = dockerInstructions(read(f));
      const declared = ins.filter((i) => i.op === "ARG" || i.op === "ENV").flatMap((i) => [...i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
      expect([f, declared.filter((n) => /TOKEN(?!_FILE)|SECRET|PASSWORD|ACCESS_KEY/.test(n))]).toEqual([f, []]);
      // Multi-stage, npm ci + npm run build, and the last stage runs as the image's own user.
      expect(ins.filter((i) => i.op === "FROM").length).toBeGreaterThanOrEqual(2);
      expect(ins.some((i) => i.op === "RUN" && /\bnpm ci\b/.test(i.args))).toBe(true);
      expect(ins.some((i) => i.op === "RUN" && /\bnpm run build\b/.test(i.args))).toBe(true);
      const lastFrom = ins.map((i) => i.op).lastIndexOf("FROM");
      const users = ins.slice(lastFrom).filter((i) => i.op === "USER").map((i) => i.args);
      expect([f, users.length > 0 && !/^(root|0)(:|$)/.test(users[users.length - 1])]).toEqual([f, true]);
      expect(read(`${f}.dockerignore`)).toMatch(/^\*\*\/node_modules$/m);
    }
    // Secret-bearing variables are never set: their _FILE forms (or the AWS credentials file) are.
    const forbidden = ["LOFFTA_TOKEN", "DATABASE_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "MINIO_ROOT_PASSWORD", "POSTGRES_PASSWORD"];
    for (const f of COMPOSE_FILES) {
      const c = loadYaml<ComposeFile>(f);
      for (const [name, s] of Object.entries(c.services)) {
        expect([f, name, Object.keys(envOf(s)).filter((k) => forbidden.includes(k))]).toEqual([f, name, []]);
        if (/loffta-worker serve/.test(commandOf(s))) expect([name, envOf(s).LOFFTA_TOKEN_FILE]).not.toEqual([name, undefined]);
        expect(commandOf(s)).not.toMatch(/--token(\s|=)/);
      }
      // Every secret file compose mounts is one deploy/make-secrets.sh writes (or the operator's, outside the checkout).
      for (const [name, sec] of Object.entries(c.secrets ?? {}))
        if (sec.file?.includes("deploy/secrets/")) expect(read("deploy/make-secrets.sh")).toContain(`put ${name} `);
    }
    for (const f of K8S_FILES)
      for (const d of parseAllDocuments(read(f)).map((x) => x.toJS() as K8sObject | null))
        for (const c of containersOf(d)) {
          const names = (c.env ?? []).map((e) => e.name);
          expect([c.name, names.filter((n) => forbidden.includes(n))]).toEqual([c.name, []]);
        }
    expect(read(".gitignore") + read("deploy/.gitignore")).toMatch(/^secrets\/$/m);
  });

  it("the api, web and worker images share one build stage (built once by BuildKit)", () => {
    const stage = (f: string) => {
      const t = read(f);
      return t.slice(t.indexOf("FROM ${NODE_IMAGE} AS build"), t.search(/\n(# ---- [^\n]*\n)?FROM \S+ AS (prune|runtime)/));
    };
    const [api, web, worker] = DOCKERFILES.slice(0, 3).map(stage);
    expect(api.length).toBeGreaterThan(200);
    expect(web).toBe(api);
    expect(worker).toBe(api);
  });

  it("GPU workers: CUDA 11.2 / cuDNN 8 base, tfjs-node-gpu of tfjs-node's version, LOFFTA_TF_BACKEND=gpu", () => {
    const gpu = read("deploy/worker-gpu.Dockerfile");
    expect(gpu).toMatch(/ARG CUDA_IMAGE=nvidia\/cuda:11\.2\.\d+-cudnn8-runtime-/);
    expect(gpu).toContain("bash scripts/install-gpu.sh");
    expect(dockerEnv(gpu).LOFFTA_TF_BACKEND).toBe("gpu");
    const tfjsNode = (JSON.parse(read("apps/worker/package.json")) as { optionalDependencies: Record<string, string> }).optionalDependencies["@tensorflow/tfjs-node"];
    expect(tfjsNode).toMatch(/^\d+\.\d+\.\d+$/);
    expect(read("scripts/install-gpu.sh")).toContain('optionalDependencies["@tensorflow/tfjs-node"]');
    expect(read(DOC)).toContain(`@tensorflow/tfjs-node-gpu@${tfjsNode}`);
    const { root } = packages();
    expect(root.scripts["gpu:check"]).toMatch(/scripts\/gpu-check\.ts/);
  });

  it("the autoscaler follows loffta_jobs{status=QUEUED,kind=TRAIN}, as the API exports it and the adapter serves it", () => {
    const objects = K8S_FILES.flatMap((f) => parseAllDocuments(read(f)).map((d) => d.toJS() as K8sObject | null)).filter((o): o is K8sObject => !!o?.kind);
    const hpa = objects.find((o) => o.kind === "HorizontalPodAutoscaler") as Hpa | undefined;
    expect(hpa).toBeDefined();
    const target = objects.find((o) => o.kind === "Deployment" && o.metadata?.name === hpa!.spec.scaleTargetRef.name);
    expect(target).toBeDefined();
    const status = prismaEnum("JobStatus");
    const kind = prismaEnum("JobType");
    expect(status).toContain("QUEUED");
    const external = hpa!.spec.metrics.filter((m) => m.type === "External").map((m) => m.external!.metric);
    for (const m of external) {
      expect(m.name).toBe("loffta_jobs");
      expect(status).toContain(m.selector.matchLabels.status);
      expect(kind).toContain(m.selector.matchLabels.kind);
    }
    expect(external.map((m) => m.selector.matchLabels)).toContainEqual({ status: "QUEUED", kind: "TRAIN" });
    expect(read("apps/api/src/prometheus.ts")).toContain('name: "loffta_jobs"');
    const adapter = loadYaml<{ rules: { external: { seriesQuery: string; name: { as: string }; metricsQuery: string }[] } }>(`${K8S_DIR}/prometheus-adapter-values.yaml`);
    const rule = adapter.rules.external.find((r) => r.name.as === "loffta_jobs");
    expect(rule?.seriesQuery).toMatch(/^loffta_jobs\{/);
    expect(rule?.metricsQuery).toContain("<<.LabelMatchers>>");
    // The token Secret the Deployment mounts is the one the docs tell how to create.
    const secrets = ((target as Deployment).spec.template.spec.volumes ?? []).flatMap((v) => (v.secret ? [v.secret.secretName] : []));
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(read(DOC)).toContain(`create secret generic ${s}`);
    expect(read(DOC)).toContain('loffta_jobs{status="QUEUED",kind="TRAIN"}');
  });
});

describe("deploy/bootstrap.cjs", () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase("bootstrap");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-bootstrap-"));
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const files = () => ({ admin: path.join(dir, "admin", "admin-token"), worker: path.join(dir, "worker", "worker-token") });
  const run = () =>
    spawnSync(
      process.execPath,
      [
        path.join(ROOT, "deploy/bootstrap.cjs"),
        ...["--team-slug", "acme", "--team-name", "Acme", "--admin-email", "Ops@Acme.example", "--admin-name", "Ops"],
        ...["--admin-token-file", files().admin, "--worker-token-file", files().worker],
      ],
      { encoding: "utf8", env: { PATH: process.env.PATH, DATABASE_URL: db.url } },
    );

  it("issues the team's ADMIN and WORKER tokens into 0600 files, never printing them, and keeps them on a rerun", async () => {
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const admin = fs.readFileSync(files().admin, "utf8").trim();
    const worker = fs.readFileSync(files().worker, "utf8").trim();
    for (const f of Object.values(files())) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(first.stdout).not.toContain(admin);
    expect(first.stdout).not.toContain(worker);
    // @loffta/db's token format: `lft_` + 32 base64url characters, its hash and prefix stored.
    for (const [secret, scopes, user] of [[admin, ["ADMIN"], "ops@acme.example"], [worker, ["WORKER"], null]] as const) {
      expect(secret).toMatch(/^lft_[A-Za-z0-9_-]{32}$/);
      const t = await db.prisma.apiToken.findUnique({ where: { hash: hashToken(secret) }, include: { team: true, user: true } });
      expect(t).toMatchObject({ prefix: secret.slice(0, 10), scopes, revokedAt: null });
      expect(t?.team.slug).toBe("acme");
      expect(t?.user?.email ?? null).toBe(user);
    }
    expect(run().status).toBe(0);
    expect(fs.readFileSync(files().admin, "utf8").trim()).toBe(admin);
    expect(fs.readFileSync(files().worker, "utf8").trim()).toBe(worker);
    expect(await db.prisma.apiToken.count()).toBe(2);
    // A revoked token is replaced (and only that one).
    await db.prisma.apiToken.update({ where: { hash: hashToken(worker) }, data: { revokedAt: new Date() } });
    expect(run().status).toBe(0);
    expect(fs.readFileSync(files().worker, "utf8").trim()).not.toBe(worker);
    expect(fs.readFileSync(files().admin, "utf8").trim()).toBe(admin);
    expect(await db.prisma.team.count({ where: { slug: "acme" } })).toBe(1);
  });
});

interface K8sContainer {
  name: string;
  env?: { name: string }[];
}
interface K8sObject {
  kind?: string;
  metadata?: { name?: string };
}
interface Deployment extends K8sObject {
  spec: { template: { spec: { containers: K8sContainer[]; initContainers?: K8sContainer[]; volumes?: { secret?: { secretName: string } }[] } } };
}
interface Hpa extends K8sObject {
  spec: {
    scaleTargetRef: { name: string };
    metrics: { type: string; external?: { metric: { name: string; selector: { matchLabels: Record<string, string> } } } }[];
  };
}

function containersOf(o: K8sObject | null): K8sContainer[] {
  if (!o || o.kind !== "Deployment") return [];
  const spec = (o as Deployment).spec.template.spec;
  return [...spec.containers, ...(spec.initContainers ?? [])];
}
