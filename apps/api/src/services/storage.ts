/**
 * Where a team may register datasets and weights from: the storage roots of the server
 * (`@loffta/graphql/storage-roots`, LOFFTA_STORAGE_ROOTS or startApiServer's `storageRoots`),
 * the shared area of a root and the team's own folder `teams/<team slug>/`. A refusal is a
 * BAD_USER_INPUT on the field, naming the URI as sent and nothing else of the server.
 */
import { StoreError, storeAreaOf, storeKeyOf, type StoreMirror } from "@loffta/graphql/object-store";
import { StorageError, StorageRoots, type FileAccess, type StorageLocation } from "@loffta/graphql/storage-roots";
import type { Viewer } from "../auth";
import { badField, type FieldError } from "../errors";
import type { Db } from "./db";

export { StorageRoots };

/** What startApiServer adds to the request context; absent (a context built elsewhere): no roots, every path refused. */
export interface StorageContext {
  storageRoots?: StorageRoots;
  /** The platform's object store (LOFFTA_STORE) with the API's local copy of it: `store:` URIs are read through it. */
  storeMirror?: StoreMirror | null;
}

const NO_ROOTS = new StorageRoots([]);

/** The roots of a request's context. */
export const storageRootsOf = (db: Db & StorageContext): StorageRoots => db.storageRoots ?? NO_ROOTS;

/**
 * Check `uri` (field `field` of the input) for the viewer's team: its location and an access
 * confined to its area, or the field's problem (outside the roots and another team's folder
 * answer alike, whether the path exists or not).
 */
export async function checkForTeam(
  db: Db & StorageContext,
  viewer: Viewer,
  uri: string,
  field: string,
): Promise<{ location: StorageLocation; access: FileAccess; problem?: undefined } | { problem: FieldError }> {
  const roots = storageRootsOf(db);
  const team = await db.prisma.team.findUnique({ where: { id: viewer.teamId }, select: { slug: true } });
  if (uri.startsWith("store:")) return checkStoreUri(db, team?.slug ?? "", uri, field);
  try {
    const location = await roots.locate(uri, { team: team?.slug ?? "" });
    return { location, access: roots.access(location) };
  } catch (e) {
    if (e instanceof StorageError) return { problem: { path: field, message: e.message } };
    throw e;
  }
}

/** checkForTeam, its problem as a BAD_USER_INPUT on the field. */
export async function locateForTeam(db: Db & StorageContext, viewer: Viewer, uri: string, field: string): Promise<{ location: StorageLocation; access: FileAccess }> {
  const r = await checkForTeam(db, viewer, uri, field);
  if (r.problem) throw badField(r.problem.path, r.problem.message);
  return r;
}

/**
 * A `store:<key>` URI: the key must be in the store's shared area or the team's `teams/<slug>/`
 * (the platform's own caches and checkpoints are nobody's to register); its objects are fetched
 * into the API's copy of the store to be read as files. The same refusal whether it exists or not.
 */
async function checkStoreUri(
  db: StorageContext,
  slug: string,
  uri: string,
  field: string,
): Promise<{ location: StorageLocation; access: FileAccess; problem?: undefined } | { problem: FieldError }> {
  const refuse = (message: string) => ({ problem: { path: field, message } });
  const mirror = db.storeMirror;
  if (!mirror) return refuse(`${uri}: this server has no object store configured (the operator sets LOFFTA_STORE)`);
  try {
    const key = storeKeyOf(uri)!;
    const area = storeAreaOf(key);
    if (area === "platform" || area === "top" || (area.startsWith("team:") && area !== `team:${slug}`))
      return refuse(`${uri}: not in your part of the object store (use its shared area or your team's teams/<team slug>/)`);
    return await mirror.locate(key);
  } catch (e) {
    if (e instanceof StoreError && e.reason !== "unavailable") return refuse(`${uri}: ${e.reason === "missing" ? "no such object or folder in the object store" : e.message}`);
    if (e instanceof StorageError) return refuse(`${uri}: ${e.message}`);
    throw e;
  }
}
