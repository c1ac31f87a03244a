/**
 * Jest environment for tests that run onnxruntime-node in-process: jest's sandbox has its own
 * typed-array constructors, but the native addon returns typed arrays of Node's main realm, which
 * onnxruntime-common's `instanceof` checks then reject ("A float32 tensor's data must be type of
 * Float32Array"). This environment gives the sandbox the main realm's typed arrays.
 * Use with a docblock at the top of the test file: `@jest-environment ./apps/worker/src/extract/onnx/jest-environment.js`.
 */
const { TestEnvironment } = require("jest-environment-node");

const SHARED = ["ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];

class SharedTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = SharedTypedArraysEnvironment;
