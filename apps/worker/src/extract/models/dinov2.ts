/**
 * DINOv2 (`Dinov2Model`, `Dinov2WithRegistersModel`) from Hugging Face weight names:
 * patch embedding conv (+bias), CLS + position embeddings (bicubic-resampled to the input grid;
 * antialiased for the registers variant, as HF does), optional register tokens, pre-LN blocks
 * with LayerScale, MLP (gelu) or SwiGLU FFN (giant: `mlp.weights_in` / `mlp.weights_out`),
 * final `layernorm` (applied to every token: HF `last_hidden_state`).
 */
import type { WeightStore } from "../weights";
import { VitBackbone } from "./backbone";
import { ParamLoader } from "./layers";
import type { BlockParams, Ffn } from "./layers";
import { bool, countLayers, defaultHeads, num, str } from "./hf-config";
import type { HfConfig } from "./hf-config";
import type { Activation } from "./layers";

export async function buildDinov2(store: WeightStore, cfg: HfConfig): Promise<VitBackbone> {
  const pw = store.shape("embeddings.patch_embeddings.projection.weight");
  const D = num(cfg, "hidden_size", pw?.[0] ?? 768);
  const P = num(cfg, "patch_size", pw?.[2] ?? 14);
  const L = num(cfg, "num_hidden_layers", countLayers(store.names, "encoder.layer"));
  const heads = num(cfg, "num_attention_heads", defaultHeads(D));
  const eps = num(cfg, "layer_norm_eps", 1e-6);
  const act = str(cfg, "hidden_act", "gelu") as Activation;
  const qkvBias = bool(cfg, "qkv_bias", true);
  const swiglu = bool(cfg, "use_swiglu_ffn", store.has("encoder.layer.0.mlp.weights_in.weight"));
  const regs = num(cfg, "num_register_tokens", store.shape("embeddings.register_tokens")?.[1] ?? 0);
  const posShape = store.shape("embeddings.position_embeddings");
  const nPos = posShape ? posShape[1] - 1 : (num(cfg, "image_size", 518) / P) ** 2;
  const g = Math.round(Math.sqrt(nPos));
  const mlpHidden = Math.trunc(D * num(cfg, "mlp_ratio", 4));
  const swHidden = Math.floor((Math.trunc((mlpHidden * 2) / 3) + 7) / 8) * 8;

  const ld = new ParamLoader(store);
  ld.expect("embeddings.cls_token", [1, 1, D]);
  ld.expect("embeddings.position_embeddings", [1, 1 + g * g, D]);
  ld.expect("embeddings.patch_embeddings.projection.weight", [D, 3, P, P]);
  ld.expect("embeddings.patch_embeddings.projection.bias", [D]);
  if (regs > 0) ld.expect("embeddings.register_tokens", [1, regs, D]);
  for (let i = 0; i < L; i++) {
    const b = `encoder.layer.${i}`;
    ld.expectNorm(`${b}.norm1`, D);
    for (const q of ["query", "key", "value"]) ld.expectLinear(`${b}.attention.attention.${q}`, D, D, qkvBias);
    ld.expectLinear(`${b}.attention.output.dense`, D, D);
    ld.expect(`${b}.layer_scale1.lambda1`, [D]);
    ld.expectNorm(`${b}.norm2`, D);
    if (swiglu) {
      ld.expectLinear(`${b}.mlp.weights_in`, D, 2 * swHidden);
      ld.expectLinear(`${b}.mlp.weights_out`, swHidden, D);
    } else {
      ld.expectLinear(`${b}.mlp.fc1`, D, mlpHidden);
      ld.expectLinear(`${b}.mlp.fc2`, mlpHidden, D);
    }
    ld.expect(`${b}.layer_scale2.lambda1`, [D]);
  }
  ld.expectNorm("layernorm", D);
  ld.check();

  const pos = await ld.raw("embeddings.position_embeddings");
  const blocks: BlockParams[] = [];
  for (let i = 0; i < L; i++) {
    const b = `encoder.layer.${i}`;
    const a = `${b}.attention.attention`;
    const ffn: Ffn = swiglu ? { kind: "swiglu", win: await ld.linear(`${b}.mlp.weights_in`), wout: await ld.linear(`${b}.mlp.weights_out`) } : { kind: "mlp", fc1: await ld.linear(`${b}.mlp.fc1`), fc2: await ld.linear(`${b}.mlp.fc2`), act };
    blocks.push({
      ln1: await ld.norm(`${b}.norm1`, eps),
      qkv: await ld.fusedQkv(`${a}.query`, `${a}.key`, `${a}.value`, qkvBias),
      proj: await ld.linear(`${b}.attention.output.dense`),
      ls1: await ld.vec(`${b}.layer_scale1.lambda1`),
      ln2: await ld.norm(`${b}.norm2`, eps),
      ffn,
      ls2: await ld.vec(`${b}.layer_scale2.lambda1`),
    });
  }
  const params = {
    patchSize: P,
    dim: D,
    heads,
    patch: await ld.patchConv("embeddings.patch_embeddings.projection", true),
    prefix: await ld.mat("embeddings.cls_token", 1, D),
    registers: regs > 0 ? await ld.mat("embeddings.register_tokens", regs, D) : null,
    posPrefix: pos.slice(0, D),
    posGrid: pos.slice(D),
    posGridSize: g,
    // HF: Dinov2WithRegistersModel interpolates with antialias=True, Dinov2Model without.
    posAntialias: regs > 0 || str(cfg, "model_type", "") === "dinov2_with_registers",
    preNorm: null,
    blocks,
    finalNorm: await ld.norm("layernorm", eps),
  };
  return new VitBackbone(params, ld.tensors);
}
