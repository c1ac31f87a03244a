/**
 * Standard-normal tensors for the augmentations, drawn by the backend itself: on tfjs-node the
 * TensorFlow kernel `StatelessRandomNormal` (Philox, multi-threaded; ~3× faster than tfjs's
 * JavaScript generator on a 14×14×576 batch, docs/benchmarks.md), elsewhere tf.randomNormal.
 * Both are pure functions of the seed, so a run stays reproducible on one backend; the two
 * backends draw different numbers from the same seed.
 */
import * as tf from "@tensorflow/tfjs";

/** The part of tfjs-node's NodeJSKernelBackend used here (feature-detected, not imported). */
interface NativeBackend {
  binding: { TF_ATTR_TYPE: number; TF_FLOAT: number; TF_INT32: number };
  executeSingleOutput(name: string, attrs: { name: string; type: number; value: number }[], inputs: tf.Tensor[]): tf.Tensor;
}

function nativeBackend(): NativeBackend | null {
  if (tf.getBackend() !== "tensorflow") return null;
  const be = tf.backend() as unknown as Partial<NativeBackend>;
  return typeof be.executeSingleOutput === "function" && be.binding ? (be as NativeBackend) : null;
}

/** N(0, 1) float32 tensor of `shape`, a deterministic function of the 32-bit `seed`. */
export function standardNormal(shape: number[], seed: number): tf.Tensor {
  const be = nativeBackend();
  if (!be) return tf.randomNormal(shape, 0, 1, "float32", seed);
  const { TF_ATTR_TYPE, TF_FLOAT, TF_INT32 } = be.binding;
  return tf.tidy(() =>
    be.executeSingleOutput(
      "StatelessRandomNormal",
      [
        { name: "dtype", type: TF_ATTR_TYPE, value: TF_FLOAT },
        { name: "T", type: TF_ATTR_TYPE, value: TF_INT32 },
        { name: "Tseed", type: TF_ATTR_TYPE, value: TF_INT32 },
      ],
      [tf.tensor1d(shape, "int32"), tf.tensor1d([seed | 0, 0x10ff7a], "int32")],
    ),
  );
}
