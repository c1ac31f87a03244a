/** Storage roots on real files: symlinks, fifos (mkfifo), /dev/zero, team folders, size limits. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DatasetScanError, scanDataset } from "./domain/dataset-scan";
import { StorageError, StorageRoots, localAccess, parseStorageRoots } from "./storage-roots";

let tmp: string;
let root: string;
let other: string;
let outside: string;

const write = (p: string, bytes: Buffer | string = Buffer.alloc(10, 1)) => {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, bytes);
};

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "loffta-roots-")));
  root = path.join(tmp, "root");
  other = path.join(tmp, "other-root");
  outside = path.join(tmp, "outside");
  write(path.join(root, "shared/pets/cat/1.png"));
  write(path.join(root, "shared/pets/dog/1.png"));
  write(path.join(root, "teams/a/mine/cat/1.png"));
  write(path.join(root, "teams/a/mine/dog/1.png"));
  write(path.join(root, "teams/b/theirs/cat/1.png"));
  write(path.join(other, "models/m.safetensors"));
  write(path.join(outside, "secret/cat/1.png"));
  write(path.join(outside, "secret.txt"), "top secret");
  fs.symlinkSync(path.join(outside, "secret"), path.join(root, "shared/link-out"));
  fs.symlinkSync(path.join(tmp, "nowhere"), path.join(root, "shared/link-nowhere"));
  fs.symlinkSync(path.join(root, "teams/b/theirs"), path.join(root, "shared/link-to-b"));
  fs.symlinkSync(path.join(root, "shared/pets"), path.join(root, "teams/a/link-to-shared"));
  fs.symlinkSync(path.join(root, "teams/a/mine"), path.join(root, "teams/a/link-mine"));
  execFileSync("mkfifo", [path.join(root, "shared/fifo.csv")]);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<StorageError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof StorageError)) throw new Error(`expected a StorageError, got ${String(e)}`);
  return e;
}

/** The message with the URI taken out: what a refusal says beyond echoing the input. */
const answer = (e: StorageError, uri: string) => ({ reason: e.reason, message: e.message.split(uri).join("<uri>") });

describe("parseStorageRoots / StorageRoots", () => {
  test("`:`-separated absolute folders; relative and nested roots are refused", () => {
    expect(parseStorageRoots(` /a : /b/c ::`)).toEqual(["/a", "/b/c"]);
    expect(() => parseStorageRoots("/a:data")).toThrow(/absolute/);
    expect(() => new StorageRoots(["/a", "/a/b"])).toThrow(/nested/);
    expect(new StorageRoots(["/a/", "/a"]).roots).toEqual(["/a"]);
  });

  test("no roots configured: every URI is refused alike", async () => {
    const none = StorageRoots.fromEnv(undefined);
    expect(none.configured).toBe(false);
    const a = await refusal(none.locate(path.join(root, "shared/pets")));
    const b = await refusal(none.locate("pets"));
    expect(answer(a, path.join(root, "shared/pets"))).toEqual(answer(b, "pets"));
    expect(a.message).toMatch(/LOFFTA_STORAGE_ROOTS/);
  });
});

describe("locate", () => {
  const roots = () => new StorageRoots([root, other]);

  test("the shared area and the team's own folder; absolute, file:// and relative URIs", async () => {
    const r = roots();
    const shared = await r.locate(path.join(root, "shared/pets"), { team: "a" });
    expect(shared).toMatchObject({ real: path.join(root, "shared/pets"), area: "shared", isDirectory: true });
    expect((await r.locate(pathToFileURL(path.join(root, "teams/a/mine")).href, { team: "a" })).area).toBe("team:a");
    // Relative: against the first root.
    expect((await r.locate("teams/a/mine", { team: "a" })).real).toBe(path.join(root, "teams/a/mine"));
    expect((await r.locate(path.join(other, "models/m.safetensors"), { team: "a" })).isDirectory).toBe(false);
    // A symlink inside one area to the same area is followed.
    expect((await r.locate("teams/a/link-mine", { team: "a" })).real).toBe(path.join(root, "teams/a/mine"));
  });

  test("outside the roots: one answer for existing and missing paths, devices, .. and other schemes", async () => {
    const r = roots();
    const uris = [path.join(outside, "secret.txt"), path.join(outside, "missing.txt"), "/dev/zero", "/etc/passwd", "/nonexistent/x", "../outside/secret.txt", "../outside/missing", `${root}/../outside/secret.txt`];
    const answers = await Promise.all(uris.map(async (u) => answer(await refusal(r.locate(u, { team: "a" })), u)));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0].reason).toBe("outside");
    expect(answers[0].message).not.toMatch(/secret|passwd|outside|loffta-roots/);
    expect((await refusal(r.locate("https://example.com/w.safetensors"))).message).toMatch(/only local paths/);
  });

  test("another team's folder, the root and teams/ themselves: refused like outside paths", async () => {
    const r = roots();
    const outsideAnswer = answer(await refusal(r.locate("/etc/passwd", { team: "a" })), "/etc/passwd");
    for (const u of [path.join(root, "teams/b/theirs"), path.join(root, "teams/b/missing"), "teams/b", root, path.join(root, "teams"), "teams/../teams/b/theirs"]) {
      expect(answer(await refusal(r.locate(u, { team: "a" })), u)).toEqual(outsideAnswer);
    }
    // A slug that is no folder name gets the shared area only.
    expect((await refusal(r.locate("teams/../teams/a/mine", { team: "../a" }))).reason).toBe("outside");
  });

  test("symlinks out of the root, into another team's folder or between areas are refused like outside paths", async () => {
    const r = roots();
    const outsideAnswer = answer(await refusal(r.locate("/etc/passwd", { team: "a" })), "/etc/passwd");
    for (const u of ["shared/link-out", "shared/link-out/cat/1.png", "shared/link-out/missing", "shared/link-nowhere", "shared/link-nowhere/x", "shared/link-to-b", "teams/a/link-to-shared"]) {
      expect(answer(await refusal(r.locate(u, { team: "a" })), u)).toEqual(outsideAnswer);
    }
    // The worker (no team) still refuses a symlink that changes area.
    expect((await refusal(r.locate("shared/link-to-b"))).reason).toBe("outside");
  });

  test("inside: missing paths and fifos are named as such", async () => {
    const r = roots();
    const missing = await refusal(r.locate("shared/nope", { team: "a" }));
    expect(missing).toMatchObject({ reason: "missing", message: "shared/nope does not exist" });
    expect((await refusal(r.locate("teams/a/not-yet/x", { team: "a" }))).reason).toBe("missing");
    expect(await refusal(r.locate("shared/fifo.csv"))).toMatchObject({ reason: "type" });
  });
});

describe("access", () => {
  test("reads stay in the location's area, files are regular and within the size limit, messages name the URI", async () => {
    const r = new StorageRoots([root]);
    const loc = await r.locate("shared/pets", { team: "a" });
    const access = r.access(loc);
    expect(access.show(path.join(loc.real, "cat/1.png"))).toBe(`${loc.uri}/cat/1.png`);
    expect((await access.readFile(path.join(root, "shared/pets/cat/1.png"), 100)).length).toBe(10);
    expect(await refusal(access.readFile(path.join(root, "shared/pets/cat/1.png"), 5))).toMatchObject({ reason: "size" });
    expect(await refusal(access.readFile(path.join(outside, "secret.txt"), 100))).toMatchObject({ reason: "outside" });
    expect(await refusal(access.readFile(path.join(root, "teams/a/mine/cat/1.png"), 100))).toMatchObject({ reason: "outside" });
    expect(await refusal(access.readFile(path.join(root, "shared/fifo.csv"), 100))).toMatchObject({ reason: "type" });
    expect(await refusal(access.readFile("/dev/zero", 100))).toMatchObject({ reason: "outside" });
  });

  test("a file replaced by a symlink out of the root after it was located is refused", async () => {
    const r = new StorageRoots([root]);
    const file = path.join(root, "shared/swap.png");
    write(file);
    const loc = await r.locate(file);
    const access = r.access(loc);
    expect((await access.readFile(file, 100)).length).toBe(10);
    fs.rmSync(file);
    fs.symlinkSync(path.join(outside, "secret.txt"), file);
    const e = await refusal(access.readFile(file, 100));
    expect(e.reason).toBe("outside");
    expect(e.message).not.toMatch(/top secret|outside\//);
  });

  test("localAccess (command line): any path, but never a device or a fifo", async () => {
    const local = localAccess();
    expect((await local.readFile(path.join(outside, "secret.txt"), 100)).toString()).toBe("top secret");
    expect(await refusal(local.readFile("/dev/zero", 100))).toMatchObject({ reason: "type" });
    expect(await refusal(local.readFile(path.join(root, "shared/fifo.csv"), 100))).toMatchObject({ reason: "type" });
    expect(await refusal(local.resolve("/dev/zero"))).toMatchObject({ reason: "type" });
  });
});

describe("scanDataset through a confined access", () => {
  const scan = async (uri: string, layout: "IMAGE_FOLDER" | "CSV_MANIFEST", team = "a") => {
    const r = new StorageRoots([root]);
    const loc = await r.locate(uri, { team });
    return scanDataset(loc.real, layout, { access: r.access(loc) });
  };
  const scanError = (p: Promise<unknown>) => p.then(() => "", (e: unknown) => (e instanceof DatasetScanError ? e.message : `not a DatasetScanError: ${String(e)}`));

  test("an ImageFolder: symlinks are not followed, messages name the URI as given", async () => {
    fs.symlinkSync(path.join(outside, "secret/cat/1.png"), path.join(root, "teams/a/mine/cat/leak.png"));
    const ds = await scan("teams/a/mine", "IMAGE_FOLDER");
    expect(ds.items.map((i) => i.rel)).toEqual(["cat/1.png", "dog/1.png"]);
    fs.mkdirSync(path.join(root, "teams/a/empty"), { recursive: true });
    expect(await scanError(scan("teams/a/empty", "IMAGE_FOLDER"))).toMatch(/^teams\/a\/empty: no images found/);
  });

  test("a CSV manifest: rows outside its area are refused alike whether they exist or not; a fifo and an oversized manifest are refused", async () => {
    write(path.join(root, "teams/a/csv/img/a.png"));
    write(path.join(root, "teams/a/csv/ok.csv"), "path,label\nimg/a.png,x\n");
    expect((await scan("teams/a/csv/ok.csv", "CSV_MANIFEST")).items).toHaveLength(1);
    const rows = ["../../../../outside/secret/cat/1.png", "../../../../outside/missing.png", "../../b/theirs/cat/1.png", `${outside}/secret/cat/1.png`, "../../../shared/pets/cat/1.png"];
    const messages: string[] = [];
    for (const [i, row] of rows.entries()) {
      write(path.join(root, `teams/a/csv/bad${i}.csv`), `path,label\nimg/a.png,x\n${row},y\n`);
      messages.push((await scanError(scan(`teams/a/csv/bad${i}.csv`, "CSV_MANIFEST"))).split(row).join("<row>").replace(/bad\d/, "bad"));
    }
    for (const m of messages) expect(m).toBe("teams/a/csv/bad.csv: 1 listed file(s) outside the manifest's storage area, e.g. <row>");
    expect(await scanError(scan("shared/fifo.csv", "CSV_MANIFEST"))).toMatch(/fifo\.csv is not a regular file/);
    const big = path.join(root, "teams/a/csv/big.csv");
    fs.closeSync(fs.openSync(big, "w"));
    fs.truncateSync(big, 65 * 1024 * 1024);
    expect(await scanError(scan("teams/a/csv/big.csv", "CSV_MANIFEST"))).toMatch(/big\.csv is larger than the 64 MiB limit/);
  });
});
