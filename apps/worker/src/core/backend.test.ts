/**
 * LOFFTA_TF_BACKEND=gpu on a machine without tfjs-node-gpu (this one): the typed error naming the
 * package and its install path; the diagnosis of the other missing pieces (driver, CUDA / cuDNN
 * libraries, a visible device) with the loader probe replaced; and the device strings. What needs
 * a GPU is `npm run gpu:check` (scripts/gpu-check.ts).
 */
import fs from "node:fs";
import path from "node:path";
import {
  CUDA_DRIVER_LIBRARY,
  GPU_PACKAGE,
  GpuBackendError,
  TF_CUDA_LIBRARIES,
  diagnoseNoGpu,
  dlopenProblem,
  initBackend,
  nativeDevice,
  parseNvidiaSmiLine,
} from "./backend";
import { workerEnv } from "../config";

const ROOT = path.resolve(__dirname, "../../../..");
const gpuPackageInstalled = fs.existsSync(path.join(ROOT, "node_modules", GPU_PACKAGE, "package.json"));

describe("LOFFTA_TF_BACKEND=gpu", () => {
  const saved = process.env.LOFFTA_TF_BACKEND;
  afterEach(() => {
    if (saved === undefined) delete process.env.LOFFTA_TF_BACKEND;
    else process.env.LOFFTA_TF_BACKEND = saved;
  });

  it("accepts auto, cpu and gpu and refuses anything else, naming the variable", () => {
    for (const v of ["auto", "cpu", "gpu"]) expect(workerEnv("LOFFTA_TF_BACKEND", { LOFFTA_TF_BACKEND: v })).toBe(v);
    expect(workerEnv("LOFFTA_TF_BACKEND", {})).toBe("auto");
    expect(() => workerEnv("LOFFTA_TF_BACKEND", { LOFFTA_TF_BACKEND: "GPU" })).toThrow(/LOFFTA_TF_BACKEND: must be auto, cpu or gpu/);
  });

  (gpuPackageInstalled ? it.skip : it)("without tfjs-node-gpu: a GpuBackendError naming the package and how to install it", async () => {
    process.env.LOFFTA_TF_BACKEND = "gpu";
    const err = await initBackend().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GpuBackendError);
    const e = err as GpuBackendError;
    expect(e.missing).toBe("package");
    expect(e.message).toBe(
      `LOFFTA_TF_BACKEND=gpu: ${GPU_PACKAGE} is not installed: install it with scripts/install-gpu.sh ` +
        "(or build deploy/worker-gpu.Dockerfile; docs/deploy.md, GPU workers)",
    );
    // The start-up error line prints the stack: it reads as the message alone.
    expect(e.stack).toBe(`GpuBackendError: ${e.message}`);
    // Nothing was selected: a later call (here: the pure-JS backend) still initialises.
    const cpu = await initBackend({ prefer: "cpu" });
    expect(cpu.backend).toBe("cpu");
  });

  it("diagnoses a missing driver first, then the CUDA / cuDNN libraries by name, then the device", () => {
    const missing = (libs: string[]) => (lib: string) => (libs.includes(lib) ? `${lib}: cannot open shared object file` : null);
    const driver = diagnoseNoGpu(missing([CUDA_DRIVER_LIBRARY, "libcudnn.so.8"]), {});
    expect(driver.missing).toBe("driver");
    expect(driver.message).toMatch(/libcuda\.so\.1 does not load .*--gpus all/);
    const libs = diagnoseNoGpu(missing(["libcudnn.so.8", "libcublasLt.so.11"]), { LD_LIBRARY_PATH: "/opt/x" });
    expect(libs.missing).toBe("cuda-libraries");
    expect(libs.message).toContain("CUDA 11.2 / cuDNN 8.1 libraries not found: libcublasLt.so.11, libcudnn.so.8 (LD_LIBRARY_PATH=/opt/x)");
    const device = diagnoseNoGpu(missing([]), { CUDA_VISIBLE_DEVICES: "" });
    expect(device.missing).toBe("device");
    expect(device.message).toContain('CUDA_VISIBLE_DEVICES=""');
  });

  it("probes libraries with the process's own dynamic loader", () => {
    expect(dlopenProblem("libc.so.6")).toBeNull();
    expect(dlopenProblem("libloffta-missing.so.1")).toMatch(/cannot open shared object file/);
    // This machine has no CUDA: the real diagnosis names the driver.
    if (dlopenProblem(CUDA_DRIVER_LIBRARY)) expect(diagnoseNoGpu().missing).toBe("driver");
    expect(TF_CUDA_LIBRARIES).toContain("libcudnn.so.8");
  });

  it("names the GPU in the device string (calibrations and runs are keyed by it)", () => {
    const h200 = parseNvidiaSmiLine("NVIDIA H200, 143771");
    expect(h200).toEqual({ name: "NVIDIA H200", memoryBytes: 143771 * 1024 * 1024 });
    expect(nativeDevice(GPU_PACKAGE, h200)).toBe("tfjs-node-gpu (native TensorFlow, GPU: NVIDIA H200, 140 GiB)");
    expect(nativeDevice(GPU_PACKAGE, {})).toBe("tfjs-node-gpu (native TensorFlow, GPU)");
    expect(nativeDevice(GPU_PACKAGE, undefined)).toBe("tfjs-node-gpu (native TensorFlow, CPU: no GPU visible)");
    expect(nativeDevice("@tensorflow/tfjs-node", undefined)).toBe("tfjs-node (native TensorFlow, CPU)");
  });
});
