/** Server-side runtime configuration (read per request, not at build time). */
export const DEFAULT_API_URL = "http://localhost:4000";

export function apiUrlFromEnv(): string {
  return (process.env.LOFFTA_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
}
