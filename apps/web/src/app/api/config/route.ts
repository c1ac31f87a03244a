/** Runtime configuration for clients: where the API is (from LOFFTA_API_URL at request time). */
import { apiUrlFromEnv } from "../../../lib/config";
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ apiUrl: apiUrlFromEnv() }, { headers: { "cache-control": "no-store" } });
}
