/**
 * Where a team may register datasets and weights from: the storage roots of the server
 * (`@loffta/graphql/storage-roots`, LOFFTA_STORAGE_ROOTS or startApiServer's `storageRoots`),
 * the shared area of a root and the team's own folder `teams/<team slug>/`. A refusal is a
 * BAD_USER_INPUT on the field, naming the URI as sent and nothing else of the server.
 */
import { StorageError, StorageRoots, type FileAccess, type StorageLocation } from "@loffta/graphql/storage-roots";
import type { Viewer } from "../auth";
import { badField, type FieldError } from "../errors";
import type { Db } from "./db";

export { StorageRoots };

/** What startApiServer adds to the request context; absent (a context built elsewhere): no roots, every path refused. */
export interface StorageContext {
  storageRoots?: StorageRoots;
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
