/**
 * Runs in the browser before the app's own modules (Next.js instrumentation-client).
 *
 * The dashboard's Content-Security-Policy (src/proxy.ts) has no 'unsafe-eval'. Zod (the run
 * configuration schemas of @loffta/graphql/domain) probes `new Function` when its first object
 * schema is built, to compile fast parsers: the probe's error is caught, but the browser still
 * reports a CSP violation. Jitless mode skips the probe (and parses the same way, interpreted).
 */
import { z } from "zod";

z.config({ jitless: true });
