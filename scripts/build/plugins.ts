/**
 * The esbuild plugins that make a bundle behave like its sources run through tsx.
 *
 * Why esbuild and not `tsc` emit: the workspaces export their TypeScript sources
 * (@loffta/graphql's package.json "exports" point at src/*.ts, @loffta/db's "main" at
 * src/index.ts), so a per-file emit would still `require` .ts files at run time unless every
 * workspace grew a second, compiled export map; and `moduleResolution: Bundler` lets sources
 * import without extensions, which Node's resolver does not accept in emitted ESM. esbuild is
 * the transform tsx already runs the sources through (same tsconfig handling), resolves the
 * workspaces' export maps at build time, and bundles by entry point: a new module that the
 * API or the worker imports is in the next build with no list to update.
 */
import fs from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import type { Plugin } from "esbuild";

/**
 * Third-party packages stay external (loaded from node_modules at run time: native addons,
 * Prisma's engine, TensorFlow); the @loffta/* workspaces are bundled from their sources. An
 * external must resolve from the bundle's folder to the file it resolves to from its importer:
 * a package installed in a workspace's own node_modules (a version conflict) would not, and
 * fails the build instead of loading another copy at run time.
 */
export function externalPackages(outDir: string): Plugin {
  return {
    name: "loffta-external-packages",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === "probe" || args.path.startsWith("@loffta/")) return undefined;
        if (isBuiltin(args.path)) return { external: true };
        const r = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: "probe",
        });
        const at = r.errors.length ? -1 : r.path.indexOf(`${path.sep}node_modules${path.sep}`);
        if (at >= 0) {
          const owner = r.path.slice(0, at);
          if (!outDir.startsWith(owner + path.sep)) {
            return {
              errors: [
                {
                  text: `${args.path} resolves to ${r.path}, which ${path.relative(outDir, owner) || "."}/node_modules holds: the bundle in ${outDir} would load another copy`,
                },
              ],
            };
          }
        }
        return { external: true };
      });
    },
  };
}

export interface SourceLocationOptions {
  /** The repository root: the bundle finds it at run time from its own location. */
  root: string;
  /** The entry module (absolute): the only module `require.main === module` holds for. */
  entry: string;
  /** Receives every `*.compiled.ts` file loaded in place of its sibling (for the manifest). */
  swapped(file: string): void;
}

/**
 * What tsx gives each module and a bundle does not, restored per module:
 *  - `__dirname` / `__filename`: the module's source location (computed at run time from the
 *    bundle's own location, so the checkout can move). Code that reads files next to its sources
 *    (graphql/src/schema.ts the SDL, @loffta/db the prisma/ folder, the worker the repository
 *    root) reads them where they are: nothing is copied into dist/.
 *  - `require.main === module`: true in the entry module only. Bundled together, every module
 *    would share the bundle's `module` and a "run when executed directly" block of an imported
 *    module (service/main.ts, imported by the CLI through service/command.ts) would run too.
 *  - `foo.compiled.ts` next to `foo.ts`: loaded instead of it. The one place where compiled
 *    code must differ from the sources (apps/worker/src/entry-points.ts: which file a child
 *    process runs, and whether through tsx) says so in a file of its own, type-checked and
 *    linted like the rest.
 * Each prelude goes on the module's first line, so every other line keeps its number.
 */
export function sourceLocation(o: SourceLocationOptions): Plugin {
  return {
    name: "loffta-source-location",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const compiled = args.path.replace(/\.([cm]?tsx?)$/, ".compiled.$1");
        const file = !args.path.includes(".compiled.") && fs.existsSync(compiled) ? compiled : args.path;
        if (file !== args.path) o.swapped(file);
        const text = fs.readFileSync(file, "utf8");
        const prelude: string[] = [];
        const rel = (p: string) => JSON.stringify(path.relative(o.root, p).split(path.sep).join("/"));
        if (/\b__dirname\b/.test(text))
          prelude.push(`const __dirname = __lofftaSource(${rel(path.dirname(args.path))});`);
        if (/\b__filename\b/.test(text))
          prelude.push(`const __filename = __lofftaSource(${rel(args.path)});`);
        if (/\brequire\.main\b/.test(text) && args.path !== o.entry)
          prelude.push("const module = undefined;");
        if (file === args.path && !prelude.length) return undefined;
        return {
          contents: prelude.join(" ") + text,
          loader: /x$/.test(file) ? "tsx" : "ts",
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
}

/**
 * The bundle's first lines: where the repository root is, from the bundle's own folder. They
 * run first, while `__dirname` is still Node's (a module's `const __dirname` prelude may end up
 * a top-level `var __dirname` of the bundle, assigned only when that module's code runs). The
 * sources are ES modules, strict: "use strict" must stay the file's first statement.
 */
export function banner(root: string, outFile: string): string {
  const up = path.relative(path.dirname(outFile), root).split(path.sep).join("/") || ".";
  return [
    '"use strict";',
    "// Built by scripts/build.ts from the sources in this checkout; run it again after editing them.",
    `var __lofftaRoot = require("node:path").resolve(__dirname, ${JSON.stringify(up)});`,
    'function __lofftaSource(rel) { return require("node:path").join(__lofftaRoot, rel); }',
  ].join("\n");
}
