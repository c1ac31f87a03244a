/** Reading a bearer token from a file (never from the command line, where `ps` shows it). */
import fs from "node:fs";

/** The token in `file`: refused unless it is a regular file that no other user can read or write. */
export function readTokenFile(file: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new Error(`token file ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : (e as Error).message}`);
  }
  if (!st.isFile()) throw new Error(`token file ${file}: not a regular file`);
  if (process.platform !== "win32" && (st.mode & 0o077) !== 0)
    throw new Error(
      `token file ${file} is open to other users (mode ${(st.mode & 0o777).toString(8).padStart(3, "0")}): chmod 600 ${file}`,
    );
  const token = fs.readFileSync(file, "utf8").trim();
  if (!token) throw new Error(`token file ${file} is empty`);
  return token;
}

