/**
 * The Python the benchmarks' PyTorch references run with: `python3` when it already imports the
 * needed modules, else the gitignored venv `.venv-bench` in the repository root, created on first
 * use with `python3 -m venv` and filled with `pip install` (pip's global configuration supplies
 * the package index / local mirror). Never silently degrades: a failure throws PythonEnvError
 * with pip's output, for the caller to record.
 *   const py = ensureBenchPython();                       // torch + transformers (+ safetensors, numpy)
 *   const py = ensureBenchPython({ modules: ["torch"], packages: ["torch"] });
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const REPO = path.resolve(__dirname, "..");
export const BENCH_VENV = path.join(REPO, ".venv-bench");

export class PythonEnvError extends Error {
  override name = "PythonEnvError";
}

export interface BenchPythonOptions {
  /** Modules that must import (default torch, transformers). */
  modules?: string[];
  /** What pip installs into the venv when they do not (default torch transformers safetensors numpy). */
  packages?: string[];
  /** Progress lines (default console.error). */
  log?: (line: string) => void;
}

export const DEFAULT_MODULES = ["torch", "transformers"];
export const DEFAULT_PACKAGES = ["torch", "transformers", "safetensors", "numpy"];

function run(cmd: string, args: string[], timeoutMs: number): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: timeoutMs, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: "1" } });
  const err = r.error ? `${r.error.message}\n` : "";
  return { ok: r.status === 0, out: `${err}${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/** Whether `python` imports every module (false when it does not exist). */
export function imports(python: string, modules: string[]): boolean {
  return run(python, ["-c", modules.map((m) => `import ${m}`).join("; ")], 300_000).ok;
}

/** The venv's interpreter path (whether or not it exists yet). */
export function venvPython(venv = BENCH_VENV): string {
  return path.join(venv, "bin", "python");
}

/**
 * A Python executable that imports `modules`: system `python3` if it does, else `.venv-bench`
 * (created and pip-installed when missing or incomplete). Throws PythonEnvError otherwise.
 */
export function ensureBenchPython(opts: BenchPythonOptions = {}): string {
  const modules = opts.modules ?? DEFAULT_MODULES;
  const packages = opts.packages ?? DEFAULT_PACKAGES;
  const log = opts.log ?? ((l: string) => console.error(l));
  if (imports("python3", modules)) return "python3";
  const py = venvPython();
  if (fs.existsSync(py) && imports(py, modules)) return py;
  if (!fs.existsSync(py)) {
    log(`[bench] python3 cannot import ${modules.join(", ")}: creating ${path.relative(REPO, BENCH_VENV)} (python3 -m venv)`);
    const v = run("python3", ["-m", "venv", BENCH_VENV], 300_000);
    if (!v.ok) throw new PythonEnvError(`python3 -m venv ${BENCH_VENV} failed (python3 with the venv module is needed):\n${v.out.slice(-2000)}`);
  }
  log(`[bench] pip install ${packages.join(" ")} into ${path.relative(REPO, BENCH_VENV)} (minutes the first time)`);
  const pip = run(py, ["-m", "pip", "install", "-q", ...packages], 1_800_000);
  if (!pip.ok) throw new PythonEnvError(`pip install ${packages.join(" ")} into ${BENCH_VENV} failed (pip's configuration: \`pip config list\`):\n${pip.out.slice(-2000)}`);
  if (!imports(py, modules)) throw new PythonEnvError(`${packages.join(" ")} installed into ${BENCH_VENV}, but \`import ${modules.join(", ")}\` still fails`);
  return py;
}
