/** Foundation models and their fine-tuning calibrations; weights only from the team's storage (./storage.ts). */
import type { Calibration, FoundationModel } from "@loffta/db";
import type { Viewer } from "../auth";
import { badInput, conflict, isUniqueViolation, isUuid, notFound, type FieldError } from "../errors";
import type { RegisterFoundationModelInput } from "../generated/resolvers";
import { teamScope, type TeamOf } from "./access";
import type { Db } from "./db";
import { checkForTeam, type StorageContext } from "./storage";

export function listModels(db: Db, viewer: TeamOf): Promise<FoundationModel[]> {
  return db.prisma.foundationModel.findMany({ where: teamScope.model(viewer), orderBy: { name: "asc" } });
}

/** The model of an already-scoped cache or calibration. */
export async function getModel(db: Db, id: string): Promise<FoundationModel> {
  const m = await db.prisma.foundationModel.findUnique({ where: { id } });
  if (!m) throw notFound("foundation model", id);
  return m;
}

/** Everything wrong with a registration, by path (`input.depth`, …). */
export function validateModelInput(input: RegisterFoundationModelInput): FieldError[] {
  const fields: FieldError[] = [];
  const range = (k: "patchSize" | "embedDim" | "depth" | "heads" | "defaultImageSize", lo: number, hi: number) => {
    if (input[k] < lo || input[k] > hi) fields.push({ path: `input.${k}`, message: `must be between ${lo} and ${hi}` });
  };
  range("patchSize", 1, 64);
  range("embedDim", 1, 16384);
  range("depth", 1, 256);
  range("heads", 1, 256);
  range("defaultImageSize", 16, 4096);
  if (input.embedDim % input.heads !== 0) fields.push({ path: "input.heads", message: "must divide embedDim" });
  // mean/std are an override, checked only when given.
  if (input.mean != null && input.mean.length !== 3) fields.push({ path: "input.mean", message: "needs 3 values" });
  if (input.std != null && (input.std.length !== 3 || input.std.some((s) => !(s > 0)))) fields.push({ path: "input.std", message: "needs 3 positive values" });
  if (input.weightsSha256 && !/^[0-9a-f]{64}$/i.test(input.weightsSha256)) fields.push({ path: "input.weightsSha256", message: "must be 64 hex digits" });
  const options = input.options ?? {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) fields.push({ path: "input.options", message: "must be a JSON object" });
  if (!input.name.trim()) fields.push({ path: "input.name", message: "must not be empty" });
  return fields;
}

/**
 * Validate and store a model; BAD_USER_INPUT lists every bad field (weightsUri: an existing file
 * or folder in the team's storage, stored as sent), a taken name → CONFLICT.
 */
export async function registerModel(db: Db & StorageContext, viewer: Viewer, input: RegisterFoundationModelInput): Promise<FoundationModel> {
  const fields = validateModelInput(input);
  const weights = await checkForTeam(db, viewer, input.weightsUri, "input.weightsUri");
  if (weights.problem) fields.push(weights.problem);
  if (fields.length) throw badInput(`invalid foundation model: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, fields);
  try {
    return await db.prisma.foundationModel.create({
      data: {
        teamId: viewer.teamId,
        name: input.name.trim(),
        family: input.family,
        patchSize: input.patchSize,
        embedDim: input.embedDim,
        depth: input.depth,
        heads: input.heads,
        defaultImageSize: input.defaultImageSize,
        // Omitted: no override, stored empty (the worker uses the model's preprocessor config, else the family default).
        mean: input.mean ?? [],
        std: input.std ?? [],
        weightsUri: input.weightsUri,
        weightsSha256: input.weightsSha256 ?? null,
        parameterCount: input.parameterCount == null ? null : BigInt(Math.round(input.parameterCount)),
        options: (input.options ?? {}) as object,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`a foundation model named "${input.name}" already exists in this team`);
    throw e;
  }
}

/** The calibration of a team's model for resolution × batch × device, or null. */
export function findCalibration(db: Db, viewer: TeamOf, key: { modelId: string; resolution: number; batchSize: number; device: string }): Promise<Calibration | null> | null {
  if (!isUuid(key.modelId)) return null;
  return db.prisma.calibration.findFirst({ where: { ...key, ...teamScope.calibration(viewer) } });
}

/** The calibration of an already-scoped run, or null. */
export function getCalibration(db: Db, id: string | null): Promise<Calibration | null> | null {
  return id ? db.prisma.calibration.findUnique({ where: { id } }) : null;
}
