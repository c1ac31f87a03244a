import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Shell } from "../components/Shell";
import { apiUrlFromEnv } from "../lib/config";
import { SessionProvider } from "../lib/session";
import "./globals.css";

// The API URL is read from the server's environment on every request, never baked at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Loffta", template: "%s · Loffta" },
  description: "LOFF-TA experiment dashboard: feature caches, runs, live curves and comparisons",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SessionProvider apiUrl={apiUrlFromEnv()}>
          <Shell>{children}</Shell>
        </SessionProvider>
      </body>
    </html>
  );
}
