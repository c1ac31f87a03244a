/** The W&B → Loffta mapping (apps/api/src/wandb/mapping.ts): keys, config, rows, summary, console lines. */
import { flattenEvents, flattenNumeric, parseConsoleLine, summaryFacts, tokenFromAuthorization, unwrapConfig, wandbKeyFor, wrapConfig } from "../../apps/api/src/wandb/mapping";

const basic = (key: string) => `Basic ${Buffer.from(`api:${key}`).toString("base64")}`;
const TOKEN = "lft_Ab-3_xYzAb-3_xYzAb-3_xYzAb-3_xYz"; // 36 characters, dashes inside (base64url)

test("a W&B key carries a Loffta token and passes the client's 40-character check", () => {
  const key = wandbKeyFor(TOKEN);
  expect(key).toBe(`loffta-${TOKEN}-wandb`);
  // The client's check (wandb/sdk/lib/wbauth/validation.py): the part after the first "-", [\w-], ≥ 40.
  const secret = key.split("-").slice(1).join("-");
  expect(secret).toMatch(/^[\w-]+$/);
  expect(secret.length).toBeGreaterThanOrEqual(40);
  expect(tokenFromAuthorization(basic(key))).toBe(TOKEN);
  expect(tokenFromAuthorization(basic(TOKEN))).toBe(TOKEN);
  expect(tokenFromAuthorization(`Bearer ${TOKEN}`)).toBe(TOKEN);
  for (const bad of [undefined, "", "Basic !!!", basic("not-a-loffta-key-of-any-length-at-all-xxxxx"), basic("loffta-lft_x y-wandb"), `Bearer sk-123`])
    expect(tokenFromAuthorization(bad)).toBeNull();
});

test("config: the client's {value} wrapping and its _wandb bookkeeping are removed, and restored for resume", () => {
  const c = unwrapConfig({ lr: { value: 0.1 }, opt: { value: { name: "adamw" } }, _wandb: { value: { t: {} } }, raw: 3 });
  expect(c).toEqual({ lr: 0.1, opt: { name: "adamw" }, raw: 3 });
  expect(wrapConfig(c)).toEqual({ lr: { value: 0.1 }, opt: { value: { name: "adamw" } }, raw: { value: 3 } });
});

test("rows: nested keys flattened a/b, booleans 0/1, non-numeric values and media skipped, _ keys left out", () => {
  const f = flattenNumeric({ _step: 3, _runtime: 1, loss: 0.5, ok: true, a: { b: 2, c: { d: 4 } }, s: "x", l: [1], n: null, img: { _type: "image-file" } });
  expect(Object.fromEntries(f.values)).toEqual({ loss: 0.5, ok: 1, "a/b": 2, "a/c/d": 4 });
  expect(f.skipped.sort()).toEqual(["img", "l", "n", "s"]);
  expect(Object.fromEntries(flattenEvents({ "system.cpu": 12, "system.disk./.usageGB": 3, _timestamp: 1, _wandb: true }).values)).toEqual({ "system/cpu": 12, "system/disk./.usageGB": 3 });
});

test("summary: finalMetrics and the efficiency columns a baseline is read from", () => {
  expect(summaryFacts({ accuracy: 0.9, images_per_sec: 120.5, peak_memory_bytes: 2e9, _runtime: 12, s: "x" })).toEqual({
    finalMetrics: { accuracy: 0.9, images_per_sec: 120.5, peak_memory_bytes: 2e9 },
    trainImagesPerSec: 120.5,
    peakMemoryBytes: 2000000000n,
    runtimeSec: 12,
  });
  expect(summaryFacts({})).toMatchObject({ trainImagesPerSec: null, peakMemoryBytes: null, runtimeSec: null });
});

test("console lines: stderr as ERROR, the client's timestamp parsed (UTC), empty lines kept", () => {
  expect(parseConsoleLine("2026-12-01T13:26:46.122244 hello stdout")).toEqual({ level: "INFO", time: new Date("2026-12-01T13:26:46.122Z"), message: "hello stdout" });
  expect(parseConsoleLine("ERROR 2026-12-01T13:26:46.122252 to stderr")).toMatchObject({ level: "ERROR", message: "to stderr" });
  expect(parseConsoleLine("2026-12-01T13:26:46.1 ")).toMatchObject({ message: " " });
  expect(parseConsoleLine("no time")).toEqual({ level: "INFO", time: null, message: "no time" });
});
