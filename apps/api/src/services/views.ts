/** Saved Runs-page views, shared by the team (issue #17 item 5): list, save (upsert by name), delete. */
import type { SavedView } from "@loffta/db";
import { badField, conflict, isUuid, notFound } from "../errors";
import type { TeamOf } from "./access";
import type { Db } from "./db";

export const MAX_VIEWS_PER_TEAM = 200;
const MAX_NAME = 100;
const MAX_QUERY = 4000;

export function listViews(db: Db, viewer: TeamOf): Promise<SavedView[]> {
  return db.prisma.savedView.findMany({ where: { teamId: viewer.teamId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** Save `query` under `name` for the team; an existing view of that name gets the new query. */
export async function saveView(db: Db, viewer: TeamOf, input: { name: string; query: string }): Promise<SavedView> {
  const name = input.name.trim();
  if (!name || name.length > MAX_NAME) throw badField("input.name", `must be 1–${MAX_NAME} characters`);
  const query = input.query.replace(/^\?/, "");
  if (query.length > MAX_QUERY) throw badField("input.query", `must be at most ${MAX_QUERY} characters`);
  const existing = await db.prisma.savedView.findUnique({ where: { teamId_name: { teamId: viewer.teamId, name } } });
  if (!existing && (await db.prisma.savedView.count({ where: { teamId: viewer.teamId } })) >= MAX_VIEWS_PER_TEAM)
    throw conflict(`the team already has ${MAX_VIEWS_PER_TEAM} saved views: delete one first`);
  return db.prisma.savedView.upsert({
    where: { teamId_name: { teamId: viewer.teamId, name } },
    create: { teamId: viewer.teamId, name, query },
    update: { query },
  });
}

/** Delete a view of the team; NOT_FOUND for another team's or an unknown id. */
export async function deleteView(db: Db, viewer: TeamOf, id: string): Promise<string> {
  if (!isUuid(id)) throw notFound("saved view", id);
  const { count } = await db.prisma.savedView.deleteMany({ where: { id, teamId: viewer.teamId } });
  if (!count) throw notFound("saved view", id);
  return id;
}
