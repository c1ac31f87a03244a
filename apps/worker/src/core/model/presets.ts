/** Classifier presets. ViT presets follow DeiT; "linear" is a linear probe on the cached CLS. */
export type PresetName = "deit-s" | "deit-ti" | "tiny" | "linear";

export interface VitPreset {
  kind: "vit";
  depth: number;
  width: number;
  heads: number;
  mlpRatio: number;
}
export interface LinearPreset {
  kind: "linear";
}

export const PRESETS: Record<PresetName, VitPreset | LinearPreset> = {
  "deit-s": { kind: "vit", depth: 12, width: 384, heads: 6, mlpRatio: 4 },
  "deit-ti": { kind: "vit", depth: 12, width: 192, heads: 3, mlpRatio: 4 },
  tiny: { kind: "vit", depth: 2, width: 64, heads: 2, mlpRatio: 4 },
  linear: { kind: "linear" },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
