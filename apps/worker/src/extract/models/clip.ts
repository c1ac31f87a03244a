/**
 * CLIP vision tower (`CLIPVisionModel`, or the `vision_model.*` part of `CLIPModel`) from
 * Hugging Face weight names: patch conv without bias, `class_embedding` [D], position
 * embedding table [1 + N, D] (bicubic, not antialiased, as HF's interpolate_pos_encoding),
 * `pre_layrnorm` (sic) before the blocks, pre-LN blocks (`self_attn.{q,k,v,out}_proj`,
 * `layer_norm1/2`, `mlp.fc1/fc2`, quick_gelu for OpenAI weights).
 *
 * "After the final norm" for CLIP: HF applies `post_layernorm` to the pooled CLS only
 * (pooler_output) and returns last_hidden_state un-normalised. Loffta applies
 * `post_layernorm` to EVERY token (as OpenCLIP's ln_post does), so all families' caches are
 * layer-normalised; our CLS equals HF's pooler_output (before visual_projection).
 */
import type { WeightStore } from "../weights";
import { VitBackbone } from "./backbone";
import { ParamLoader } from "./layers";
import type { Activation, BlockParams } from "./layers";
import { countLayers, defaultHeads, num, str } from "./hf-config";
import type { HfConfig } from "./hf-config";

export async function buildClip(store: WeightStore, cfgIn: HfConfig): Promise<VitBackbone> {
  const cfg = (cfgIn.vision_config as HfConfig | undefined) ?? cfgIn;
  const pw = store.shape("embeddings.patch_embedding.weight");
  const D = num(cfg, "hidden_size", pw?.[0] ?? 768);
  const P = num(cfg, "patch_size", pw?.[2] ?? 32);
  const L = num(cfg, "num_hidden_layers", countLayers(store.names, "encoder.layers"));
  const heads = num(cfg, "num_attention_heads", defaultHeads(D));
  const eps = num(cfg, "layer_norm_eps", 1e-5);
  const act = str(cfg, "hidden_act", "quick_gelu") as Activation;
  const F = num(cfg, "intermediate_size", store.shape("encoder.layers.0.mlp.fc1.weight")?.[0] ?? 4 * D);
  const posShape = store.shape("embeddings.position_embedding.weight");
  const nPos = posShape ? posShape[0] - 1 : (num(cfg, "image_size", 224) / P) ** 2;
  const g = Math.round(Math.sqrt(nPos));

  const ld = new ParamLoader(store);
  ld.expect("embeddings.class_embedding", [D]);
  ld.expect("embeddings.patch_embedding.weight", [D, 3, P, P]);
  ld.expect("embeddings.position_embedding.weight", [1 + g * g, D]);
  ld.expectNorm("pre_layrnorm", D);
  for (let i = 0; i < L; i++) {
    const b = `encoder.layers.${i}`;
    ld.expectNorm(`${b}.layer_norm1`, D);
    for (const q of ["q_proj", "k_proj", "v_proj", "out_proj"]) ld.expectLinear(`${b}.self_attn.${q}`, D, D);
    ld.expectNorm(`${b}.layer_norm2`, D);
    ld.expectLinear(`${b}.mlp.fc1`, D, F);
    ld.expectLinear(`${b}.mlp.fc2`, F, D);
  }
  ld.expectNorm("post_layernorm", D);
  ld.check();

  const pos = await ld.raw("embeddings.position_embedding.weight");
  const blocks: BlockParams[] = [];
  for (let i = 0; i < L; i++) {
    const b = `encoder.layers.${i}`;
    const a = `${b}.self_attn`;
    blocks.push({
      ln1: await ld.norm(`${b}.layer_norm1`, eps),
      qkv: await ld.fusedQkv(`${a}.q_proj`, `${a}.k_proj`, `${a}.v_proj`),
      proj: await ld.linear(`${a}.out_proj`),
      ls1: null,
      ln2: await ld.norm(`${b}.layer_norm2`, eps),
      ffn: { kind: "mlp", fc1: await ld.linear(`${b}.mlp.fc1`), fc2: await ld.linear(`${b}.mlp.fc2`), act },
      ls2: null,
    });
  }
  return new VitBackbone(
    {
      patchSize: P,
      dim: D,
      heads,
      patch: await ld.patchConv("embeddings.patch_embedding", false),
      prefix: await ld.mat("embeddings.class_embedding", 1, D),
      registers: null,
      posPrefix: pos.slice(0, D),
      posGrid: pos.slice(D),
      posGridSize: g,
      posAntialias: false,
      preNorm: await ld.norm("pre_layrnorm", eps),
      blocks,
      finalNorm: await ld.norm("post_layernorm", eps),
    },
    ld.tensors,
  );
}
