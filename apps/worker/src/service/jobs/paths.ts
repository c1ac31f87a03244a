import path from "node:path";
import { fileURLToPath } from "node:url";

/** A storage URI (`file:///…` or a plain path) as a local path. */
export function localPath(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : path.resolve(uri);
}
