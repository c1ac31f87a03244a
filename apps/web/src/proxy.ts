/**
 * The dashboard's Content-Security-Policy, per request (Next.js Proxy, Node.js runtime).
 *
 * Per request because two of its parts are only known then: the API's origin (connect-src,
 * from LOFFTA_API_URL at request time, like /api/config: one build serves any API) and a fresh
 * script nonce. Next.js reads the nonce from the request's CSP header and puts it on every
 * script it renders (every page is rendered per request: app/layout.tsx is force-dynamic), so
 * no inline script runs without it: `'unsafe-inline'` is not needed for scripts. Styles keep
 * `'unsafe-inline'`: React `style` attributes and the charts' tooltips use inline styles, and
 * a nonce cannot cover attributes (a style can restyle the page, not run code).
 * The other headers (nosniff, Referrer-Policy, X-Frame-Options) are static: next.config.ts.
 */
import { NextResponse, type NextRequest } from "next/server";
import { apiUrlFromEnv } from "./lib/config";

/** The HTTP and WebSocket origins of the API the dashboard calls (none when the URL is unusable). */
export function apiOrigins(apiUrl: string): string[] {
  let u: URL;
  try {
    u = new URL(apiUrl);
  } catch {
    return [];
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return [];
  return [u.origin, `${u.protocol === "https:" ? "wss:" : "ws:"}//${u.host}`];
}

/** The policy for one response. */
export function contentSecurityPolicy(nonce: string, apiUrl: string, dev = false): string {
  return [
    "default-src 'self'",
    // 'self': the framework's chunks (also those loaded after the first page); the nonce: its inline scripts.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: the report plots (stored with the report); blob: charts saved as images.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The API (HTTP and WebSocket); blob: the report's markdown download (an object URL).
    ["connect-src 'self' blob:", ...apiOrigins(apiUrl)].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy(newNonce(), apiUrlFromEnv(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Not the static assets (they carry no policy of their own; next.config.ts gives them nosniff).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
