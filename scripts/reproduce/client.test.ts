/**
 * The scripts' GraphQL client against a real API (in-process server, fresh database): typed
 * documents from scripts/graphql/*.graphql are printed and sent, results come back typed, API
 * errors keep their codes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemo, type DemoSeed } from "@loffta/db";
import { startApiServer, type ApiServer } from "../../apps/api/src/server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import {
  LaunchRunDocument,
  ProjectsDocument,
  RegisterFoundationModelDocument,
  ReproduceRunDocument,
  ReproduceSetupDocument,
  RequestFeatureCacheDocument,
} from "../generated/graphql";
import { ApiError, createApi, documentText } from "./client";
import { findOrRegisterDataset } from "./run";

let db: TestDatabase;
let seed: DemoSeed;
let server: ApiServer;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase("scripts");
  seed = await seedDemo(db.prisma);
  // The temporary folder is the storage root: datasets and weights are registered from it only.
  server = await startApiServer({ databaseUrl: db.url, port: 0, log: () => {}, storageRoots: [os.tmpdir()] });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-scripts-client-"));
  fs.writeFileSync(path.join(dataDir, "tiny.safetensors"), Buffer.alloc(64));
  for (const cls of ["a", "b"]) {
    fs.mkdirSync(path.join(dataDir, "train", cls), { recursive: true });
    for (let i = 0; i < 2; i++)
      fs.writeFileSync(path.join(dataDir, "train", cls, `${i}.png`), Buffer.alloc(16 + i));
  }
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("typed documents are printed once and sent; results are the generated types", async () => {
  const api = createApi(server.url, seed.token);
  expect(api.url).toBe(server.url);
  expect(documentText(ProjectsDocument)).toMatch(/^query Projects \{/);
  expect(documentText(ProjectsDocument)).toBe(documentText(ProjectsDocument));
  const { projects } = await api.request(ProjectsDocument, {});
  expect(projects.map((p) => p.id)).toContain(seed.projectId);

  // Registering twice: the CONFLICT code comes back, and the dataset is found by name.
  const id = await findOrRegisterDataset(api, "two-classes", dataDir);
  expect(await findOrRegisterDataset(api, "two-classes", dataDir)).toBe(id);

  const { registerFoundationModel: model } = await api.request(RegisterFoundationModelDocument, {
    input: {
      name: "tiny",
      family: "DINOV2",
      patchSize: 14,
      embedDim: 32,
      depth: 2,
      heads: 2,
      defaultImageSize: 28,
      weightsUri: `file://${path.join(dataDir, "tiny.safetensors")}`,
    },
  });
  const setup = await api.request(ReproduceSetupDocument, { datasetId: id, modelId: model.id });
  expect(setup.dataset?.classNames).toEqual(["a", "b"]);
  expect(setup.foundationModel).toMatchObject({ family: "DINOV2", defaultImageSize: 28 });

  const { requestFeatureCache } = await api.request(RequestFeatureCacheDocument, {
    input: { datasetId: id, modelId: model.id, resolution: 28 },
  });
  const { launchRun } = await api.request(LaunchRunDocument, {
    input: {
      projectId: seed.projectId,
      name: "scripts/loff",
      kind: "LOFF",
      cacheId: requestFeatureCache.id,
      config: { epochs: 1 },
      seed: 3,
    },
  });
  const { run } = await api.request(ReproduceRunDocument, { id: launchRun.id });
  expect(run).toMatchObject({
    name: "scripts/loff",
    kind: "LOFF",
    seed: 3,
    status: "QUEUED",
    evalCount: null,
  });
});

test("API errors keep their code", async () => {
  const bad = createApi(server.url, "lft_rejected0000000000");
  const e = await bad.request(ProjectsDocument, {}).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  expect((e as ApiError).code).toBe("UNAUTHENTICATED");
});
