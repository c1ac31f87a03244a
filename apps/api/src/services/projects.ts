/** Projects: a team's folders of runs and reports. */
import type { Project } from "@loffta/db";
import type { Viewer } from "../auth";
import { conflict, isUniqueViolation, notFound } from "../errors";
import { teamScope, type TeamOf } from "./access";
import type { Db } from "./db";

export function listProjects(db: Db, viewer: TeamOf): Promise<Project[]> {
  return db.prisma.project.findMany({ where: teamScope.project(viewer), orderBy: { name: "asc" } });
}

/** `name` already checked (1–200 characters); CONFLICT when the team has a project of that name. */
export async function createProject(db: Db, viewer: Viewer, input: { name: string; description?: string | null }): Promise<Project> {
  try {
    return await db.prisma.project.create({ data: { teamId: viewer.teamId, name: input.name, description: input.description ?? null } });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`a project named "${input.name}" already exists in this team`);
    throw e;
  }
}

/** The project of an already-scoped run or report. */
export async function getProject(db: Db, id: string): Promise<Project> {
  const p = await db.prisma.project.findUnique({ where: { id } });
  if (!p) throw notFound("project", id);
  return p;
}

/** Runs of a project that are not archived (with `archived`: the archived ones). */
export function projectRunCount(db: Db, projectId: string, archived = false): Promise<number> {
  return db.prisma.run.count({ where: { projectId, archivedAt: archived ? { not: null } : null } });
}
