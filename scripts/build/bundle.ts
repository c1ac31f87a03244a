/**
 * Build one target (targets.ts) with esbuild: a CommonJS bundle per entry point, platform node,
 * with a linked source map (run with --enable-source-maps, stack traces name the .ts lines),
 * then dist/build-manifest.json (freshness.cjs) so that `npm start` and the worker's bin can
 * tell whether it is current.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";
import { banner, externalPackages, sourceLocation } from "./plugins";
import { outputOf, type Entry, type Target } from "./targets";

const ROOT = path.resolve(__dirname, "../..");
const require_ = createRequire(__filename);
const { writeManifest } = require_("./freshness.cjs") as {
  writeManifest(
    distDir: string,
    m: { inputs: string[]; outputs: string[]; info: Record<string, unknown>; startedAtMs: number },
  ): unknown;
};

/**
 * Files that change what a build produces without being one of its modules. Not esbuild's own
 * package (a production install may prune it): its version is in the manifest, and
 * freshness.cjs compares it only where esbuild is installed.
 */
function configInputs(target: Target): string[] {
  const buildDir = path.join(ROOT, "scripts/build");
  return [
    "scripts/build.ts",
    ...fs
      .readdirSync(buildDir)
      .filter((f) => !f.endsWith(".test.ts"))
      .map((f) => `scripts/build/${f}`),
    "tsconfig.json",
    "tsconfig.base.json",
    "package.json",
    `${target.dir}/package.json`,
    "graphql/package.json",
    "prisma/package.json",
  ];
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");

/** The name a job child's generated entry module goes by (source maps, errors): next to its source. */
const virtualEntryName = (source: string) => source.replace(/\.ts$/, ".entry.ts");

/** esbuild options of one entry point of `target`. */
function entryOptions(target: Target, entry: Entry, swapped: Set<string>): esbuild.BuildOptions {
  const appDir = path.join(ROOT, target.dir);
  const source = path.join(appDir, entry.source);
  const outfile = path.join(appDir, outputOf(entry.source));
  // A job child re-exports the handlers it carries: one module graph for the child's code and
  // the handler's (see targets.ts), the handler found by name in the child's own exports.
  const stdin = entry.carries && {
    contents: [
      ...entry.carries.map(
        (m) =>
          `export * from ${JSON.stringify("./" + path.relative(path.dirname(source), path.join(appDir, m)).replace(/\.ts$/, ""))};`,
      ),
      `import ${JSON.stringify("./" + path.basename(source, ".ts"))};`,
    ].join("\n"),
    resolveDir: path.dirname(source),
    sourcefile: path.basename(virtualEntryName(entry.source)),
    loader: "ts" as const,
  };
  return {
    ...(stdin ? { stdin } : { entryPoints: [source] }),
    absWorkingDir: ROOT,
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "linked",
    // The sources are in the checkout the bundle runs from: the map points at them.
    sourcesContent: false,
    // Function and class names as in the sources (esbuild renames clashes between modules).
    keepNames: true,
    banner: { js: banner(ROOT, outfile) },
    plugins: [
      externalPackages(path.dirname(outfile)),
      sourceLocation({ root: ROOT, entry: source, swapped: (f) => swapped.add(f) }),
    ],
    metafile: true,
    write: false,
    logLevel: "silent",
  };
}

/** Write `contents` to `file` through a rename: a process starting meanwhile reads a whole file. */
function writeAtomic(file: string, contents: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** Files in `dir` (recursively) that the build did not write: left from an older build. */
function leftovers(dir: string, keep: Set<string>): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !keep.has(f) && path.basename(f) !== "build-manifest.json" && !f.endsWith(".tmp"));
}

export interface BuildResult {
  target: Target["name"];
  /** Outputs, relative to the repository root. */
  outputs: string[];
  warnings: string[];
  ms: number;
}

/** Build every entry point of `target` into its dist/, then write the manifest. Throws on errors. */
export async function buildTarget(target: Target): Promise<BuildResult> {
  const t0 = performance.now();
  // Before esbuild reads anything: a source saved after this may not be what it read (less
  // 100 ms: file times come from a coarser clock than Date.now()).
  const startedAtMs = Date.now() - 100;
  const swapped = new Set<string>();
  const results = await Promise.all(
    target.entries.map((entry) =>
      esbuild.build(entryOptions(target, entry, swapped)).catch((e: unknown) => {
        const errors = (e as { errors?: esbuild.Message[] }).errors;
        const text = errors?.length
          ? esbuild.formatMessagesSync(errors, { kind: "error", color: false }).join("")
          : String(e);
        throw new Error(`build of ${target.name} (${entry.source}) failed:\n${text}`);
      }),
    ),
  );
  const distDir = path.join(ROOT, target.dir, "dist");
  const written = new Set<string>();
  for (const r of results) {
    for (const out of r.outputFiles ?? []) {
      writeAtomic(out.path, out.contents);
      written.add(out.path);
    }
  }
  for (const f of leftovers(distDir, written)) fs.rmSync(f);
  // Every module read, less the generated entries of the job children (not files: made from targets.ts).
  const virtual = new Set(
    target.entries
      .filter((e) => e.carries)
      .map((e) => rel(path.join(ROOT, target.dir, virtualEntryName(e.source)))),
  );
  const inputs = results.flatMap((r) => Object.keys(r.metafile?.inputs ?? {})).filter((f) => !virtual.has(f));
  writeManifest(distDir, {
    inputs: [...inputs, ...[...swapped].map(rel), ...configInputs(target)],
    outputs: [...written].map(rel),
    info: { target: target.name, node: process.version, esbuild: esbuild.version },
    startedAtMs,
  });
  const warnings = results.flatMap((r) =>
    esbuild.formatMessagesSync(r.warnings, { kind: "warning", color: false }),
  );
  return { target: target.name, outputs: [...written].map(rel), warnings, ms: performance.now() - t0 };
}
