/**
 * ViT (`ViTModel`, google/vit-*) and DeiT (`DeiTModel`, with its distillation token) from
 * Hugging Face weight names: patch conv (+bias), CLS (+ distillation token) with position
 * embeddings (bicubic, not antialiased, as HF's interpolate_pos_encoding), pre-LN blocks
 * (`layernorm_before` / `layernorm_after`, `intermediate.dense` / `output.dense`), final
 * `layernorm` over every token (= HF last_hidden_state). The pooler is not used.
 */
import * as tf from "@tensorflow/tfjs";
import type { WeightStore } from "../weights";
import { VitBackbone } from "./backbone";
import { ParamLoader } from "./layers";
import type { Activation, BlockParams } from "./layers";
import { bool, countLayers, defaultHeads, num, str } from "./hf-config";
import type { HfConfig } from "./hf-config";

export async function buildVit(store: WeightStore, cfg: HfConfig): Promise<VitBackbone> {
  const pw = store.shape("embeddings.patch_embeddings.projection.weight");
  const D = num(cfg, "hidden_size", pw?.[0] ?? 768);
  const P = num(cfg, "patch_size", pw?.[2] ?? 16);
  const L = num(cfg, "num_hidden_layers", countLayers(store.names, "encoder.layer"));
  const heads = num(cfg, "num_attention_heads", defaultHeads(D));
  const eps = num(cfg, "layer_norm_eps", 1e-12);
  const act = str(cfg, "hidden_act", "gelu") as Activation;
  const qkvBias = bool(cfg, "qkv_bias", true);
  const F = num(cfg, "intermediate_size", store.shape("encoder.layer.0.intermediate.dense.weight")?.[0] ?? 4 * D);
  const dist = store.has("embeddings.distillation_token");
  const nPrefix = dist ? 2 : 1;
  const posShape = store.shape("embeddings.position_embeddings");
  const nPos = posShape ? posShape[1] - nPrefix : (num(cfg, "image_size", 224) / P) ** 2;
  const g = Math.round(Math.sqrt(nPos));

  const ld = new ParamLoader(store);
  ld.expect("embeddings.cls_token", [1, 1, D]);
  if (dist) ld.expect("embeddings.distillation_token", [1, 1, D]);
  ld.expect("embeddings.position_embeddings", [1, nPrefix + g * g, D]);
  ld.expect("embeddings.patch_embeddings.projection.weight", [D, 3, P, P]);
  ld.expect("embeddings.patch_embeddings.projection.bias", [D]);
  for (let i = 0; i < L; i++) {
    const b = `encoder.layer.${i}`;
    ld.expectNorm(`${b}.layernorm_before`, D);
    for (const q of ["query", "key", "value"]) ld.expectLinear(`${b}.attention.attention.${q}`, D, D, qkvBias);
    ld.expectLinear(`${b}.attention.output.dense`, D, D);
    ld.expectNorm(`${b}.layernorm_after`, D);
    ld.expectLinear(`${b}.intermediate.dense`, D, F);
    ld.expectLinear(`${b}.output.dense`, F, D);
  }
  ld.expectNorm("layernorm", D);
  ld.check();

  const pos = await ld.raw("embeddings.position_embeddings");
  const blocks: BlockParams[] = [];
  for (let i = 0; i < L; i++) {
    const b = `encoder.layer.${i}`;
    const a = `${b}.attention.attention`;
    blocks.push({
      ln1: await ld.norm(`${b}.layernorm_before`, eps),
      qkv: await ld.fusedQkv(`${a}.query`, `${a}.key`, `${a}.value`, qkvBias),
      proj: await ld.linear(`${b}.attention.output.dense`),
      ls1: null,
      ln2: await ld.norm(`${b}.layernorm_after`, eps),
      ffn: { kind: "mlp", fc1: await ld.linear(`${b}.intermediate.dense`), fc2: await ld.linear(`${b}.output.dense`), act },
      ls2: null,
    });
  }
  const cls = await ld.mat("embeddings.cls_token", 1, D);
  let prefix = cls;
  if (dist) {
    const dt = await ld.mat("embeddings.distillation_token", 1, D);
    prefix = tf.concat([cls, dt], 0);
    ld.tensors.push(prefix);
  }
  return new VitBackbone(
    {
      patchSize: P,
      dim: D,
      heads,
      patch: await ld.patchConv("embeddings.patch_embeddings.projection", true),
      prefix,
      registers: null,
      posPrefix: pos.slice(0, nPrefix * D),
      posGrid: pos.slice(nPrefix * D),
      posGridSize: g,
      posAntialias: false,
      preNorm: null,
      blocks,
      finalNorm: await ld.norm("layernorm", eps),
    },
    ld.tensors,
  );
}
